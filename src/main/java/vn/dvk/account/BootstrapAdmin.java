package vn.dvk.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.dvk.system.SystemActor;

/**
 * Creates the administrator from {@code DVK_ADMIN_USER} and {@code DVK_ADMIN_PASSWORD} on start-up, as Keycloak
 * does, whether or not demo data is on; an existing account of that name is left alone.
 */
@Component
@Order(20)
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final AccountService accounts;

	private final AccountSettings settings;

	BootstrapAdmin(AccountService accounts, AccountSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (SystemActor.call(accounts::bootstrapAdmin)) {
			log.info("Created administrator account '{}' from DVK_ADMIN_USER/DVK_ADMIN_PASSWORD", settings.adminUser());
		}
		else if ((settings.adminPassword() == null || settings.adminPassword().isBlank()) && accounts.countAdmins() == 0) {
			log.warn("No administrator account exists. Set DVK_ADMIN_PASSWORD (and optionally DVK_ADMIN_USER) "
					+ "and restart to create one.");
		}
	}

}
