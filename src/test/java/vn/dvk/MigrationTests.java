package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One migration set for H2 and PostgreSQL, one folder per module: {@code db/migration/<module>/V<n>_<nn>__…sql}.
 * A module's folder creates its tables and views and nobody else's (the owner of a table is the module whose folder
 * creates it), and every version is unique across the folders.
 */
class MigrationTests {

	static final Path ROOT = Path.of("src/main/resources/db/migration");

	private static final Pattern CREATE = Pattern.compile("(?i)create\\s+(table|(?:or\\s+replace\\s+)?view)\\s+(\\w+)");

	static List<Path> files() throws IOException {
		try (Stream<Path> all = Files.walk(ROOT)) {
			return all.filter(Files::isRegularFile).sorted().toList();
		}
	}

	/** Table or view → the module that creates it. */
	static Map<String, String> owners() throws IOException {
		Map<String, String> owners = new HashMap<>();
		for (Path f : files()) {
			String module = ROOT.relativize(f).getName(0).toString();
			Matcher m = CREATE.matcher(Files.readString(f, StandardCharsets.UTF_8));
			while (m.find()) {
				String name = m.group(2).toLowerCase();
				String before = owners.putIfAbsent(name, module);
				assertThat(before == null || before.equals(module)).as(name + " is created by " + before + " and by "
						+ module + ": a table belongs to one module").isTrue();
			}
		}
		return owners;
	}

	@Test
	void everyMigrationLiesInTheFolderOfAModuleAndIsNamedByFlywaysPattern() throws IOException {
		List<String> versions = new ArrayList<>();
		for (Path f : files()) {
			Path rel = ROOT.relativize(f);
			assertThat(rel.getNameCount()).as(rel + ": directly in a module's folder").isEqualTo(2);
			String module = rel.getName(0).toString();
			assertThat(Path.of("src/main/java/vn/dvk", module)).as(rel + ": folder named after a module").isDirectory();
			String name = rel.getFileName().toString();
			assertThat(name).as(rel.toString()).matches("V\\d+_\\d{2}__" + module + "(_[a-z0-9_]+)?\\.sql");
			versions.add(name.substring(0, name.indexOf("__")));
		}
		assertThat(versions).isNotEmpty().doesNotHaveDuplicates();
	}

	@Test
	void everyTableHasOneOwner() throws IOException {
		Map<String, String> owners = owners();
		assertThat(owners).containsEntry("registry_model", "registry")
			.containsEntry("organization", "locality")
			.containsEntry("notification", "account")
			.containsEntry("rubric_template", "judging")
			.containsEntry("pow_spent", "poll")
			.containsEntry("mail_outbox", "system");
	}

	@Test
	void migrationsSpellVendorDifferencesOnlyWithPlaceholders() throws IOException {
		for (Path f : files()) {
			String sql = Files.readString(f, StandardCharsets.UTF_8).toLowerCase();
			assertThat(sql).as(f + ": H2 knows no column collation; use ${collate_c}").doesNotContain("collate \"c\"");
			assertThat(sql).as(f + ": varbinary/bytea are both accepted as bytea").doesNotContain("varbinary");
		}
	}

}
