package vn.dvk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database of the integration suite: an in-memory H2 by default, or a real PostgreSQL server when the
 * system property {@code dvk.test.db=postgresql} is set (the second failsafe run does that). The PostgreSQL database
 * is {@code DVK_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/dvk_test}, created when missing) and
 * is emptied by Flyway before the suite migrates it.
 * <p>
 * When no server answers, the PostgreSQL run is skipped with a notice, unless {@code DVK_IT_REQUIRED=1} (CI), where
 * it fails instead.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static boolean postgres() {
		return "postgresql".equalsIgnoreCase(System.getProperty("dvk.test.db", "h2"));
	}

	public static boolean required() {
		return "1".equals(System.getenv("DVK_IT_REQUIRED")) || "true".equalsIgnoreCase(System.getenv("DVK_IT_REQUIRED"));
	}

	static String pgUrl() {
		String url = System.getenv("DVK_TEST_PG_URL");
		return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/dvk_test" : url;
	}

	static String pgUser() {
		String user = System.getenv("DVK_TEST_PG_USER");
		return user == null || user.isBlank() ? "postgres" : user;
	}

	static String pgPassword() {
		String password = System.getenv("DVK_TEST_PG_PASSWORD");
		return password == null ? "" : password;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> props;
		if (postgres()) {
			ensureDatabase();
			props = Map.of("spring.datasource.url", pgUrl(), "spring.datasource.username", pgUser(),
					"spring.datasource.password", pgPassword(), "spring.flyway.clean-disabled", "false",
					"dvk.test.clean-database", "true");
		}
		else {
			props = Map.of("spring.datasource.url",
					"jdbc:h2:mem:dvk-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"spring.datasource.username", "sa", "spring.datasource.password", "");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("dvk-test-database", props));
		// Citizen login with the e-ID against the provider the e-ID tests start (idp.TestIdentityProvider).
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("dvk-test-eid", Map.of(
				"dvk.eid.client-id", idp.TestIdentityProvider.CLIENT_ID, "dvk.eid.client-secret",
				idp.TestIdentityProvider.CLIENT_SECRET, "dvk.eid.issuer", idp.TestIdentityProvider.ISSUER,
				"dvk.eid.authorization-uri", idp.TestIdentityProvider.ISSUER + "/oauth2/authorize", "dvk.eid.token-uri",
				idp.TestIdentityProvider.ISSUER + "/oauth2/token", "dvk.eid.jwk-set-uri",
				idp.TestIdentityProvider.ISSUER + "/oauth2/jwks", "dvk.eid.scope", "openid profile",
				"dvk.eid.acr-values", "2")));
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("dvk-test-mail",
				Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", TestMail.port())));
	}

	/** Creates the test database on the server when it does not exist yet. */
	static void ensureDatabase() {
		String url = pgUrl();
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		String name = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
		String admin = url.substring(0, slash) + "/postgres";
		try (Connection c = DriverManager.getConnection(admin, pgUser(), pgPassword());
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "")
						+ "'")) {
			if (!rs.next()) {
				s.execute("create database \"" + name.replace("\"", "") + "\" encoding 'UTF8' template template0");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare PostgreSQL test database " + url, ex);
		}
	}

	static boolean reachable() {
		String url = pgUrl();
		String admin = url.substring(0, url.lastIndexOf('/')) + "/postgres";
		try (Connection c = DriverManager.getConnection(admin, pgUser(), pgPassword())) {
			return c.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Skips PostgreSQL runs when no server answers, unless the run is required. */
	public static class AvailableCondition implements ExecutionCondition {

		private static Boolean reachable;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (!postgres()) {
				return ConditionEvaluationResult.enabled("H2 run");
			}
			if (reachable == null) {
				reachable = reachable();
			}
			if (reachable) {
				return ConditionEvaluationResult.enabled("PostgreSQL answers at " + pgUrl());
			}
			if (required()) {
				return ConditionEvaluationResult.enabled("PostgreSQL required (DVK_IT_REQUIRED) but not reachable: "
						+ "the tests will fail");
			}
			String message = "SKIPPED: no PostgreSQL at " + pgUrl() + " (set DVK_TEST_PG_URL, or DVK_IT_REQUIRED=1 to fail)";
			System.err.println(message);
			return ConditionEvaluationResult.disabled(message);
		}

	}

}
