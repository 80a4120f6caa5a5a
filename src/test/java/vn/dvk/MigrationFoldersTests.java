package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every schema change exists for both databases: H2 (embedded) and PostgreSQL (production). */
class MigrationFoldersTests {

	private static Set<String> names(String vendor) throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", vendor))) {
			return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
		}
	}

	@Test
	void h2AndPostgresqlFoldersHoldTheSameMigrations() throws IOException {
		Set<String> h2 = names("h2");
		Set<String> postgresql = names("postgresql");
		assertThat(h2).isNotEmpty();
		assertThat(h2).as("migration file names").isEqualTo(postgresql);
	}

	@Test
	void migrationNamesFollowFlywaysVersionedPattern() throws IOException {
		assertThat(names("postgresql")).allMatch(n -> n.matches("V\\d+__[a-z0-9_]+\\.sql"));
	}

}
