package vn.dvk.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
class TestConfig {

	/** A reused PostgreSQL test database starts empty, like the in-memory H2 one. */
	@Bean
	FlywayMigrationStrategy cleanThenMigrate(@Value("${dvk.test.clean-database:false}") boolean clean) {
		return flyway -> {
			if (clean) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}

}
