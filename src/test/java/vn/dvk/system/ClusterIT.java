package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import vn.dvk.support.TestDatabase;

/**
 * Cluster mode, end to end: runs bench/cluster.sh (two nodes on PostgreSQL + Redis behind nginx, a node killed,
 * PostgreSQL restarted, Redis stopped) and requires every check to pass. It needs root, the local PostgreSQL
 * (pg_ctlcluster) and Redis, so it runs once, in the H2 pass (whose application does not use PostgreSQL while it
 * restarts); without those tools it is skipped, unless DVK_IT_REQUIRED=1 (CI).
 */
@Tag("cluster")
class ClusterIT {

	@Test
	void twoNodesShareStateAndSurviveFailures() throws Exception {
		Assumptions.assumeFalse(TestDatabase.postgres(), "runs once, in the H2 pass");
		boolean tools = Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")) && onPath("redis-server")
				&& onPath("psql") && "root".equals(System.getProperty("user.name"));
		if (!tools) {
			assertThat(TestDatabase.required()).as("bench/cluster.sh needs root, pg_ctlcluster, redis-server and psql")
				.isFalse();
			Assumptions.abort("bench/cluster.sh needs root, pg_ctlcluster, redis-server and psql");
		}
		Path log = Path.of("target", "cluster-check.log");
		Process process = new ProcessBuilder("bench/cluster.sh").directory(new File("."))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("bench/cluster.sh finished").isTrue();
		String out = Files.readString(log);
		System.out.println(out);
		assertThat(out).contains("PASS  1 ", "PASS  2 ", "PASS  3 ", "PASS  4 ", "PASS  5 ", "PASS  6 ")
			.doesNotContain("FAIL ");
		assertThat(process.exitValue()).as(out).isZero();
	}

	private static boolean onPath(String tool) {
		for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, tool))) {
				return true;
			}
		}
		return false;
	}

}
