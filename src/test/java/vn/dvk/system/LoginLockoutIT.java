package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.account.UserView;
import vn.dvk.system.AuditEntry;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SystemActor;
import vn.dvk.support.DvkIntegrationTest;

@DvkIntegrationTest
class LoginLockoutIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	AuditLog audit;

	private UserView newUser(String username) {
		return SystemActor.call(() -> accounts.create(new UserCommand(username, "Người Thử Khóa", null,
				"DungMatKhau@1", EnumSet.of(Role.CITIZEN), null, AccessScope.PROVINCE)));
	}

	private String login(String username, String password) throws Exception {
		return mvc.perform(post("/dang-nhap").param("username", username).param("password", password).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
		newUser("thu.khoa");
		for (int i = 0; i < 4; i++) {
			assertThat(login("thu.khoa", "sai-" + i)).isEqualTo("/dang-nhap?error=bad");
		}
		assertThat(accounts.findByUsername("thu.khoa").orElseThrow().locked()).isFalse();
		assertThat(login("thu.khoa", "sai-4")).isEqualTo("/dang-nhap?error=bad");
		assertThat(accounts.findByUsername("thu.khoa").orElseThrow().locked()).isTrue();
		assertThat(login("thu.khoa", "DungMatKhau@1")).isEqualTo("/dang-nhap?error=locked");

		PageResult<AuditEntry> failures = audit.search(new AuditLog.Query("thu.khoa", "LOGIN_FAILED", null, null, null),
				new PageResult.Request(0, 20));
		assertThat(failures.total()).isEqualTo(5);
		assertThat(audit.search(new AuditLog.Query("thu.khoa", "ACCOUNT_LOCKED", null, null, null),
				new PageResult.Request(0, 5)).total()).isEqualTo(1);
		assertThat(audit.search(new AuditLog.Query("thu.khoa", "LOGIN_REFUSED_LOCKED", null, null, null),
				new PageResult.Request(0, 5)).total()).isEqualTo(1);
	}

	@Test
	void administratorUnlocksAndTheUserLogsInAgain() throws Exception {
		UserView user = newUser("thu.mo.khoa");
		for (int i = 0; i < 5; i++) {
			login("thu.mo.khoa", "sai");
		}
		assertThat(login("thu.mo.khoa", "DungMatKhau@1")).isEqualTo("/dang-nhap?error=locked");
		SystemActor.run(() -> accounts.unlock(user.id()));
		assertThat(login("thu.mo.khoa", "DungMatKhau@1")).isEqualTo("/");
		assertThat(audit.search(new AuditLog.Query("thu.mo.khoa", "LOGIN_SUCCEEDED", null, null, null),
				new PageResult.Request(0, 5)).total()).isEqualTo(1);
	}

	@Test
	void aSuccessfulLoginResetsTheFailureCount() throws Exception {
		newUser("thu.dem.lai");
		for (int i = 0; i < 4; i++) {
			login("thu.dem.lai", "sai");
		}
		assertThat(login("thu.dem.lai", "DungMatKhau@1")).isEqualTo("/");
		for (int i = 0; i < 4; i++) {
			login("thu.dem.lai", "sai");
		}
		assertThat(login("thu.dem.lai", "DungMatKhau@1")).isEqualTo("/");
	}

	@Test
	void disabledAccountsCannotLogIn() throws Exception {
		UserView user = newUser("thu.vo.hieu");
		SystemActor.run(() -> accounts.setEnabled(user.id(), false));
		assertThat(login("thu.vo.hieu", "DungMatKhau@1")).isEqualTo("/dang-nhap?error=disabled");
	}

}
