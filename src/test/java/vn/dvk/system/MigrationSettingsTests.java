package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * The one migration set (module folders, a placeholder for what the dialects spell differently) migrates an empty
 * database, and a database whose history is the old per-vendor one (versions 1 to 13) is taken over as the
 * per-module baseline without running anything twice.
 */
class MigrationSettingsTests {

	private static Flyway flyway(String url) {
		return configure(url).load();
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration configure(String url) {
		return Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration")
			.placeholders(MigrationSettings.placeholders(false))
			.callbacks(new MigrationSettings.LegacyHistory());
	}

	private static String url(String name) {
		return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	@Test
	void anEmptyDatabaseGetsEveryModulesBaseline() {
		Flyway f = flyway(url("fresh"));
		f.migrate();
		List<String> versions = new ArrayList<>();
		for (MigrationInfo i : f.info().applied()) {
			versions.add(i.getVersion().getVersion());
		}
		assertThat(versions).startsWith("1.01", "1.02", "1.03").contains("1.09", "1.13");
	}

	@Test
	void aDatabaseMigratedByTheOldVendorFoldersIsTakenOverAsTheBaseline() throws SQLException {
		String url = url("legacy");
		// the schema an old database has: the per-module baseline, nothing after it
		configure(url).target("1.13").load().migrate();
		try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
			// what the old numbering left behind: versions 1 to 13, one row each
			s.executeUpdate("delete from flyway_schema_history");
			for (int v = 1; v <= 13; v++) {
				s.executeUpdate("insert into flyway_schema_history (installed_rank, version, description, type, script, "
						+ "checksum, installed_by, installed_on, execution_time, success) values (" + v + ", '" + v
						+ "', 'old " + v + "', 'SQL', 'V" + v + "__old.sql', " + (1000 + v)
						+ ", 'sa', current_timestamp, 1, true)");
			}
			s.executeUpdate("insert into audit_event (occurred_at, actor, action) values (current_timestamp, 'x', 'kept')");
			// an appraisal round of the old layout, whose council moves to the judging module
			s.executeUpdate("insert into appraisal_round (name, level, template_id, pass_threshold, blind, "
					+ "deciding_method, status, created_at, created_by) select 'Đợt cũ', 'PROVINCE', min(id), 70, true, "
					+ "'MEAN', 'CLOSED', current_timestamp, 'x' from rubric_template");
		}
		flyway(url).migrate();
		try (Connection c = DriverManager.getConnection(url, "sa", "");
				Statement s = c.createStatement();
				ResultSet history = s.executeQuery("select version, type from flyway_schema_history order by installed_rank")) {
			assertThat(history.next()).isTrue();
			assertThat(history.getString(1)).isEqualTo(MigrationSettings.BASELINE);
			assertThat(history.getString(2)).isEqualTo("BASELINE");
			while (history.next()) {
				assertThat(history.getString(1)).as("only changes after the baseline run").startsWith("2");
			}
		}
		try (Connection c = DriverManager.getConnection(url, "sa", "");
				Statement s = c.createStatement();
				ResultSet kept = s.executeQuery("select count(*) from audit_event where action = 'kept'")) {
			kept.next();
			assertThat(kept.getLong(1)).as("the data stays").isEqualTo(1);
		}
		try (Connection c = DriverManager.getConnection(url, "sa", "");
				Statement s = c.createStatement();
				ResultSet panel = s.executeQuery("select p.blind, p.status from judging_panel p join appraisal_round r on "
						+ "p.kind = 'APPRAISAL' and p.owner_id = r.id where r.name = 'Đợt cũ'")) {
			assertThat(panel.next()).as("the old round has its judging panel").isTrue();
			assertThat(panel.getBoolean(1)).isTrue();
			assertThat(panel.getString(2)).isEqualTo("CLOSED");
		}
		// and a second start changes nothing
		assertThat(flyway(url).migrate().migrationsExecuted).isZero();
	}

}
