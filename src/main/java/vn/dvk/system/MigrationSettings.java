package vn.dvk.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One migration set for both databases ({@code db/migration/<module>/}, each module creating its own tables): the
 * few words the two dialects spell differently are Flyway placeholders chosen here from the database the
 * application connects to ({@code ${collate_c}}: {@code collate "C"} on PostgreSQL so that collation keys sort by
 * their bytes, nothing on H2, which has no column collations; {@code ${long_text}}: {@code text} on PostgreSQL, a
 * long {@code varchar} on H2, where {@code text} is a CLOB that cannot be compared or indexed).
 * <p>
 * A database created before the migrations were regrouped by module (history versions 1 to 13, one folder per
 * vendor) holds exactly the schema of the per-module baseline (versions 1.01 to 1.13): its history is replaced by a
 * baseline marker at 1.99 before migrating, so only the changes after the baseline run on it. MigrationLegacyIT
 * proves it.
 */
@Configuration(proxyBeanMethods = false)
class MigrationSettings {

	private static final Logger log = LoggerFactory.getLogger(MigrationSettings.class);

	/** The last version of the per-module baseline; later changes start at 2. */
	static final String BASELINE = "1.99";

	/** The words the two dialects spell differently, for PostgreSQL or for H2. */
	static Map<String, String> placeholders(boolean postgres) {
		return Map.of("collate_c", postgres ? "collate \"C\"" : "", "long_text", postgres ? "text" : "varchar(1000000)");
	}

	@Bean
	FlywayConfigurationCustomizer vendorPlaceholders(DataSource dataSource) {
		return configuration -> {
			boolean postgres = isPostgres(dataSource);
			configuration.placeholders(placeholders(postgres));
			configuration.callbacks(new LegacyHistory());
		};
	}

	static boolean isPostgres(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			DatabaseMetaData meta = c.getMetaData();
			return meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database this is", ex);
		}
	}

	/** Rewrites a pre-module history (versions 1–13) into a baseline marker, once. */
	static final class LegacyHistory implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_VALIDATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			String table = context.getConfiguration().getTable();
			Connection c = context.getConnection();
			try {
				if (!exists(c, table) || !legacy(c, table)) {
					return;
				}
				try (Statement s = c.createStatement()) {
					s.executeUpdate("delete from " + table);
				}
				try (PreparedStatement p = c.prepareStatement("insert into " + table + " (installed_rank, version, "
						+ "description, type, script, checksum, installed_by, installed_on, execution_time, success) "
						+ "values (1, ?, ?, 'BASELINE', ?, null, ?, current_timestamp, 0, true)")) {
					p.setString(1, BASELINE);
					p.setString(2, "<< per-module baseline of a database created by V1–V13 >>");
					p.setString(3, "<< legacy history >>");
					p.setString(4, "dvk");
					p.executeUpdate();
				}
				log.info("Migration history of versions 1–13 replaced by the per-module baseline {}", BASELINE);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot rewrite the legacy migration history", ex);
			}
		}

		private static boolean exists(Connection c, String table) throws SQLException {
			try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
				return rs.next();
			}
		}

		/** Version 13 (press kit) applied under the old numbering, and nothing of the new one. */
		private static boolean legacy(Connection c, String table) throws SQLException {
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select count(*) filter (where version = '13'), count(*) filter "
							+ "(where version like '%.%') from " + table)) {
				rs.next();
				return rs.getLong(1) > 0 && rs.getLong(2) == 0;
			}
		}

		@Override
		public String getCallbackName() {
			return "dvk-legacy-history";
		}

	}

}
