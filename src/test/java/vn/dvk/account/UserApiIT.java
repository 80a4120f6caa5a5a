package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.shared.PageResult;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

@DvkIntegrationTest
class UserApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	OrganizationService organizations;

	@Autowired
	DemoUsers demo;

	@Autowired
	PasswordEncoder encoder;

	private long farmersUnion() {
		return organizations
			.search(new OrganizationQuery("Hội Nông dân xã Tân Lập", null, null, false), new PageResult.Request(0, 1))
			.items()
			.get(0)
			.id();
	}

	@Test
	void administratorProvisionsAUser() throws Exception {
		String body = """
				{"username":"Tich.Hop1","fullName":"Nguyễn Văn Tích","email":"tich@sonha.gov.vn","password":"MatKhau@2026",
				 "roles":["OFFICER","APPRAISER"],"organizationId":%d,"scope":"ORGANIZATION"}""".formatted(farmersUnion());
		mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content(body)
			.with(httpBasic("admin", DemoUsers.PASSWORD))).andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber());
		UserView created = accounts.findByUsername("tich.hop1").orElseThrow();
		assertThat(created.fullName()).isEqualTo("Nguyễn Văn Tích");
		assertThat(created.roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.APPRAISER);
		assertThat(created.scope()).isEqualTo(AccessScope.ORGANIZATION);
		assertThat(encoder.matches("MatKhau@2026", demo.load("tich.hop1").getPassword())).isTrue();
	}

	@Test
	void duplicateUsernameIs400() throws Exception {
		mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"CANBO","fullName":"Trùng","password":"MatKhau@2026","roles":["CITIZEN"],"scope":"PROVINCE"}""")
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", is("Tên đăng nhập “canbo” đã có người dùng.")));
	}

	@Test
	void unknownRoleShortPasswordAndMissingOrganizationAreRefused() throws Exception {
		mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"la.vai.tro","fullName":"A","password":"MatKhau@2026","roles":["KING"],"scope":"PROVINCE"}""")
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("KING")));
		mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"ngan.qua","fullName":"A","password":"123","roles":["CITIZEN"],"scope":"PROVINCE"}""")
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", is("Mật khẩu phải có ít nhất 8 ký tự.")));
		mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"khong.co.don.vi","fullName":"A","password":"MatKhau@2026","roles":["OFFICER"],"scope":"COMMUNE"}""")
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("cần chọn cơ quan")));
		assertThat(accounts.exists("khong.co.don.vi")).isFalse();
	}

	@Test
	void nonAdministratorsCannotProvisionUsers() throws Exception {
		for (String username : new String[] { "bandanvan", "canbo", "congdan" }) {
			mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
					{"username":"x.%s","fullName":"A","password":"MatKhau@2026","roles":["ADMIN"],"scope":"PROVINCE"}"""
				.formatted(username)).with(httpBasic(username, DemoUsers.PASSWORD))).andExpect(status().isForbidden());
			assertThat(accounts.exists("x." + username)).isFalse();
		}
	}

	@Test
	void englishErrorsWhenAsked() throws Exception {
		mvc.perform(post("/api/v1/users").header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
			.content("{}").with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("username")));
	}

}
