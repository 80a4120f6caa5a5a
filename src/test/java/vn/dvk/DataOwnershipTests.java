package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: no module's SQL names another module's table (it uses the owner's API, or a view the
 * owner publishes), and no module spells in its SQL a status name that belongs to another module alone (names
 * several modules use for their own records, such as DRAFT, are each one's own). The owner of a table or view is
 * the module whose migration folder creates it ({@link MigrationTests}).
 */
class DataOwnershipTests {

	private static final Path MAIN = Path.of("src/main/java/vn/dvk");

	/** A string literal, or a text block. */
	private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	/** Where SQL names a table. */
	private static final Pattern TABLE_USE = Pattern
		.compile("(?i)\\b(?:from|join|into|update|exists)\\s+([a-z_][a-z0-9_]*)");

	private static final Pattern CREATE = Pattern.compile("(?i)create\\s+(table|view)\\s+(\\w+)");

	private static final Pattern DROP = Pattern.compile("(?i)drop\\s+table\\s+(\\w+)");

	private static final Pattern STATUS_ENUM = Pattern.compile("enum\\s+(\\w*Status)\\s*\\{([^}]*)}");

	/** The SQL of a source file: its string literals, with concatenated pieces joined. */
	static List<String> sqlOf(String source) {
		String joined = source.replaceAll("\"\\s*\\+\\s*\"", "");
		List<String> out = new ArrayList<>();
		Matcher m = LITERAL.matcher(joined);
		while (m.find()) {
			String s = m.group(1) != null ? m.group(1) : m.group(2);
			if (s != null && s.matches("(?is).*\\b(select|insert|update|delete)\\b.*")) {
				out.add(s);
			}
		}
		return out;
	}

	/** Tables (not views) that exist after every migration, with their owners. */
	static Map<String, String> tables() throws IOException {
		Map<String, String> tables = new HashMap<>();
		Set<String> dropped = new HashSet<>();
		for (Path f : MigrationTests.files()) {
			String module = MigrationTests.ROOT.relativize(f).getName(0).toString();
			String sql = Files.readString(f, StandardCharsets.UTF_8);
			Matcher c = CREATE.matcher(sql);
			while (c.find()) {
				if (c.group(1).equalsIgnoreCase("table")) {
					tables.put(c.group(2).toLowerCase(), module);
				}
			}
			Matcher d = DROP.matcher(sql);
			while (d.find()) {
				dropped.add(d.group(1).toLowerCase());
			}
		}
		dropped.forEach(tables::remove);
		return tables;
	}

	private static Map<String, String> sources() throws IOException {
		Map<String, String> sources = new HashMap<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				sources.put(MAIN.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
			}
		}
		return sources;
	}

	private static String moduleOf(String relativePath) {
		return relativePath.contains("/") ? relativePath.substring(0, relativePath.indexOf('/')) : "";
	}

	@Test
	void noModulesSqlNamesAnotherModulesTable() throws IOException {
		Map<String, String> tables = tables();
		assertThat(tables).containsKeys("registry_model", "organization", "judging_panel");
		Set<String> violations = new TreeSet<>();
		sources().forEach((path, source) -> {
			String module = moduleOf(path);
			for (String sql : sqlOf(source)) {
				Matcher m = TABLE_USE.matcher(sql);
				while (m.find()) {
					String owner = tables.get(m.group(1).toLowerCase());
					if (owner != null && !owner.equals(module)) {
						violations.add(path + " names " + m.group(1) + " (" + owner + "'s table)");
					}
				}
			}
		});
		assertThat(violations).as("SQL reading or writing another module's table: use its API or a view it publishes")
			.isEmpty();
	}

	@Test
	void noModulesSqlSpellsAnotherModulesStatusNames() throws IOException {
		Map<String, String> sources = sources();
		Map<String, Set<String>> statusesByModule = new HashMap<>();
		sources.forEach((path, source) -> {
			Matcher m = STATUS_ENUM.matcher(source);
			while (m.find()) {
				String body = m.group(2).contains(";") ? m.group(2).substring(0, m.group(2).indexOf(';')) : m.group(2);
				for (String constant : body.split(",")) {
					String name = constant.replaceAll("(?s)/\\*.*?\\*/|//[^\\n]*", "").replaceAll("\\(.*", "").strip();
					if (name.matches("[A-Z_]+")) {
						statusesByModule.computeIfAbsent(moduleOf(path), k -> new HashSet<>()).add(name);
					}
				}
			}
		});
		assertThat(statusesByModule.get("registry")).contains("RECOGNIZED", "UNDER_APPRAISAL");
		// a name several modules use for their own records (DRAFT, SUBMITTED…) is each one's own word
		Map<String, Integer> uses = new HashMap<>();
		statusesByModule.values().forEach(names -> names.forEach(n -> uses.merge(n, 1, Integer::sum)));
		Set<String> violations = new TreeSet<>();
		sources.forEach((path, source) -> {
			String module = moduleOf(path);
			Set<String> own = statusesByModule.getOrDefault(module, Set.of());
			for (String sql : sqlOf(source)) {
				statusesByModule.forEach((other, names) -> {
					if (other.equals(module)) {
						return;
					}
					for (String name : names) {
						if (uses.get(name) == 1 && !own.contains(name) && sql.contains("'" + name + "'")) {
							violations.add(path + " spells " + other + "'s status " + name);
						}
					}
				});
			}
		});
		assertThat(violations).as("status names of another module in SQL: ask its API or use the columns of its view")
			.isEmpty();
	}

}
