package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.poll.PollDraft;
import vn.dvk.poll.PollRules;
import vn.dvk.poll.PollService;
import vn.dvk.poll.PollView;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;
import vn.dvk.support.TestDatabase;

/**
 * scripts/backup.sh and scripts/restore.sh: back up the running database, restore it into an empty one, and find
 * every model, ballot and article again (H2 through the application's online dump, PostgreSQL through pg_dump).
 */
@DvkIntegrationTest
class BackupRestoreIT {

	private static final List<String> TABLES = List.of("registry_model", "registry_evidence", "news_article",
			"news_image", "poll", "poll_ballot", "poll_ballot_choice", "app_user", "audit_event");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PollService polls;

	@Autowired
	DemoUsers users;

	@Value("${spring.datasource.url}")
	String url;

	@TempDir
	Path dir;

	@Test
	void aBackupRestoredIntoAnEmptyDatabaseHoldsEverything() throws Exception {
		// at least one ballot, so votes are part of what must come back
		PollView p = polls.create(users.load("bandanvan"), new PollDraft("Sao lưu " + UUID.randomUUID(), null,
				List.of(new PollDraft.Option("Một", null), new PollDraft.Option("Hai", null)), 1,
				Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), PollRules.VoterRule.OPEN,
				PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, false, null));
		polls.vote(p.id(), List.of(p.options().get(0).id()),
				new PollService.Voter(null, "backup-device", "ip", "net", "Mozilla/5.0", null));
		Map<String, String> before = fingerprint(jdbc);
		assertThat(before.get("poll_ballot")).isNotEqualTo("0");
		assertThat(before.get("registry_model")).isNotEqualTo("0");

		Map<String, String> after;
		if (TestDatabase.postgres()) {
			String file = run(Map.of("DVK_DB_URL", url, "DVK_DB_USER", "postgres"), "scripts/backup.sh",
					dir.toString()).strip();
			assertThat(file).endsWith(".dump");
			String restored = url.substring(0, url.lastIndexOf('/') + 1) + "dvk_restore_" + System.nanoTime();
			String name = restored.substring(restored.lastIndexOf('/') + 1);
			String admin = url.substring(0, url.lastIndexOf('/')) + "/postgres";
			try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
				s.execute("create database " + name + " encoding 'UTF8' template template0");
			}
			try {
				run(Map.of("DVK_DB_URL", restored, "DVK_DB_USER", "postgres"), "scripts/restore.sh", file);
				try (Connection c = DriverManager.getConnection(restored, "postgres", "")) {
					after = fingerprint(c);
				}
			}
			finally {
				try (Connection c = DriverManager.getConnection(admin, "postgres", "");
						Statement s = c.createStatement()) {
					s.execute("drop database if exists " + name + " with (force)");
				}
			}
		}
		else {
			byte[] zip = mvc.perform(post("/api/v1/admin/backup").with(httpBasic("admin", DemoUsers.PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			Path file = dir.resolve("dvk-test.sql.zip");
			Files.write(file, zip);
			mvc.perform(post("/api/v1/admin/backup").with(httpBasic("bandanvan", DemoUsers.PASSWORD)))
				.andExpect(status().isForbidden());
			Path data = dir.resolve("data");
			run(Map.of("DVK_DATA_DIR", data.toString()), "scripts/restore.sh", file.toString());
			try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("dvk")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
				after = fingerprint(c);
			}
		}
		assertThat(after).isEqualTo(before);
	}

	/** Row count and a checksum of the ids of each table. */
	static Map<String, String> fingerprint(JdbcClient jdbc) {
		Map<String, String> m = new LinkedHashMap<>();
		for (String t : TABLES) {
			m.put(t, jdbc.sql(query(t)).query(String.class).single());
		}
		return m;
	}

	static Map<String, String> fingerprint(Connection c) throws Exception {
		Map<String, String> m = new LinkedHashMap<>();
		try (Statement s = c.createStatement()) {
			for (String t : TABLES) {
				try (ResultSet rs = s.executeQuery(query(t))) {
					rs.next();
					m.put(t, rs.getString(1));
				}
			}
		}
		return m;
	}

	private static String query(String table) {
		String sum = table.equals("poll_ballot_choice") ? "coalesce(sum(ballot_id * 31 + option_id), 0)"
				: "coalesce(sum(id), 0)";
		return "select cast(count(*) as varchar(20)) || '/' || cast(" + sum + " as varchar(30)) from " + table;
	}

	private static String run(Map<String, String> env, String... command) throws Exception {
		ProcessBuilder pb = new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true);
		pb.environment().putAll(env);
		Process process = pb.start();
		String out = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
		String[] lines = out.strip().split("\n");
		return lines[lines.length - 1];
	}

}
