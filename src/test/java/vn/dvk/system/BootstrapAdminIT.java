package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

import vn.dvk.account.AccountService;
import vn.dvk.account.Role;
import vn.dvk.system.SystemActor;
import vn.dvk.support.TestDatabase;

/** The administrator from DVK_ADMIN_USER / DVK_ADMIN_PASSWORD exists after start-up, with demo data off. */
@ExtendWith(TestDatabase.AvailableCondition.class)
@SpringBootTest(properties = { "dvk.demo-data=false", "dvk.account.admin-user=Chanh.VanPhong",
		"dvk.account.admin-password=KhoiDong@2026" })
@ContextConfiguration(initializers = TestDatabase.class)
class BootstrapAdminIT {

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void administratorIsCreatedFromTheEnvironment() {
		var admin = accounts.findByUsername("chanh.vanphong").orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
		assertThat(encoder.matches("KhoiDong@2026", users.loadUserByUsername("chanh.vanphong").getPassword())).isTrue();
	}

	@Test
	void anExistingAccountIsNeverOverwritten() {
		long before = accounts.findByUsername("chanh.vanphong").orElseThrow().id();
		String hash = users.loadUserByUsername("chanh.vanphong").getPassword();
		assertThat(SystemActor.call(accounts::bootstrapAdmin)).isFalse();
		assertThat(accounts.findByUsername("chanh.vanphong").orElseThrow().id()).isEqualTo(before);
		assertThat(users.loadUserByUsername("chanh.vanphong").getPassword()).isEqualTo(hash);
	}

}
