package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import vn.dvk.account.AccessScope;
import vn.dvk.account.Role;
import vn.dvk.locality.UnitType;

/**
 * Every user-visible text is a message key present in both languages: no hard-coded text in templates, no key
 * missing in one language, no key used but undefined, and the same placeholders in both translations.
 */
class I18nTests {

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	private static final Pattern TEMPLATE_KEY = Pattern
		.compile("#\\{([a-zA-Z][\\w.]*)|#messages\\.msg(?:OrNull)?\\('([\\w.]*\\w)'\\)");

	private static final Pattern JAVA_KEY = Pattern.compile("\"((?:common|validation|shared|layout|nav|pagination|home"
			+ "|about|search|login|error|admin|audit|locality|organization|account|registry)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

	private static final Pattern AUDIT_ACTION = Pattern
		.compile("(?:record|recordAs)\\((?:[^,()]+,\\s*)?(?:[^,()]+\\?\\s*)?\"([A-Z][A-Z_]+)\"");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "content",
			"data-confirm");

	static Properties load(String lang) throws IOException {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(MESSAGES.resolve("messages_" + lang + ".properties"),
				StandardCharsets.UTF_8)) {
			p.load(r);
		}
		return p;
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Properties vi = load("vi");
		Properties en = load("en");
		assertThat(new TreeSet<>(en.stringPropertyNames())).as("keys of messages_en")
			.isEqualTo(new TreeSet<>(vi.stringPropertyNames()));
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String lang : List.of("vi", "en")) {
			Properties p = load(lang);
			assertThat(p.stringPropertyNames()).as("empty messages in " + lang)
				.filteredOn(k -> p.getProperty(k).isBlank())
				.isEmpty();
		}
	}

	@Test
	void translationsUseTheSamePlaceholders() throws IOException {
		Properties vi = load("vi");
		Properties en = load("en");
		List<String> mismatched = new ArrayList<>();
		for (String key : vi.stringPropertyNames()) {
			if (!placeholders(vi.getProperty(key)).equals(placeholders(en.getProperty(key, "")))) {
				mismatched.add(key);
			}
		}
		assertThat(mismatched).as("keys whose {n} placeholders differ between vi and en").isEmpty();
	}

	@Test
	void messagesWithArgumentsHaveNoSingleApostrophe() throws IOException {
		// MessageFormat swallows a lone ' in messages that take arguments.
		List<String> bad = new ArrayList<>();
		for (String lang : List.of("vi", "en")) {
			Properties p = load(lang);
			for (String key : p.stringPropertyNames()) {
				String v = p.getProperty(key);
				if (PLACEHOLDER.matcher(v).find() && v.replace("''", "").contains("'")) {
					bad.add(lang + ":" + key);
				}
			}
		}
		assertThat(bad).isEmpty();
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		Properties vi = load("vi");
		Set<String> missing = new TreeSet<>();
		for (Path file : files(TEMPLATES, ".html")) {
			Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
			while (m.find()) {
				String key = m.group(1) != null ? m.group(1) : m.group(2);
				if (!vi.containsKey(key)) {
					missing.add(key + " (" + TEMPLATES.relativize(file) + ")");
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/** A key written twice silently keeps the last text (a label turned into an error message once). */
	@Test
	void noKeyIsWrittenTwice() throws IOException {
		for (String lang : List.of("vi", "en")) {
			Set<String> seen = new java.util.HashSet<>();
			Set<String> twice = new TreeSet<>();
			for (String line : Files.readAllLines(MESSAGES.resolve("messages_" + lang + ".properties"))) {
				int eq = line.indexOf('=');
				if (eq > 0 && !line.startsWith("#") && !seen.add(line.substring(0, eq).strip())) {
					twice.add(line.substring(0, eq).strip());
				}
			}
			assertThat(twice).as("keys written twice in messages_" + lang).isEmpty();
		}
	}

	@Test
	void everyKeyUsedInJavaExists() throws IOException {
		Properties vi = load("vi");
		Set<String> missing = new TreeSet<>();
		for (Path file : files(JAVA, ".java")) {
			String source = Files.readString(file);
			Matcher m = JAVA_KEY.matcher(source);
			while (m.find()) {
				if (!vi.containsKey(m.group(1))) {
					missing.add(m.group(1) + " (" + file.getFileName() + ")");
				}
			}
			Matcher a = AUDIT_ACTION.matcher(source);
			while (a.find()) {
				if (!vi.containsKey("audit.action." + a.group(1))) {
					missing.add("audit.action." + a.group(1) + " (" + file.getFileName() + ")");
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyEnumShownToUsersHasItsKeys() throws IOException {
		Properties vi = load("vi");
		List<String> keys = new ArrayList<>();
		for (Role r : Role.values()) {
			keys.add(r.messageKey());
		}
		for (AccessScope s : AccessScope.values()) {
			keys.add(s.messageKey());
		}
		for (UnitType t : UnitType.values()) {
			keys.add(t.messageKey());
		}
		assertThat(keys).allMatch(vi::containsKey);
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path file : files(TEMPLATES, ".html")) {
			if (file.getParent().getFileName().toString().equals("pdf")) {
				// Official documents (minutes, certificates) are issued in Vietnamese only, in the state's
				// administrative format, whatever the reader's language; their text lives in the template.
				continue;
			}
			Document doc = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
			for (Element e : doc.getAllElements()) {
				if (replacedByThymeleaf(e) || insideCode(e)) {
					continue;
				}
				for (TextNode t : e.textNodes()) {
					String text = t.text().strip();
					if (hasLetters(text) && !isThymeleafComment(text)) {
						problems.add(TEMPLATES.relativize(file) + ": <" + e.tagName() + "> \"" + text + "\"");
					}
				}
				for (String attr : TEXT_ATTRIBUTES) {
					if (e.hasAttr(attr) && hasLetters(e.attr(attr)) && !e.hasAttr("th:" + attr)
							&& !isTechnicalAttribute(e, attr)) {
						problems.add(TEMPLATES.relativize(file) + ": " + attr + "=\"" + e.attr(attr) + "\"");
					}
				}
			}
		}
		assertThat(problems).as("hard-coded text (use th:text=\"#{key}\")").isEmpty();
	}

	private static boolean replacedByThymeleaf(Element e) {
		for (Element x = e; x != null; x = x.parent()) {
			if (x.hasAttr("th:text") || x.hasAttr("th:utext") || x.hasAttr("th:replace") || x.hasAttr("th:insert")
					|| x.hasAttr("th:errors")) {
				return true;
			}
		}
		return false;
	}

	private static boolean insideCode(Element e) {
		for (Element x = e; x != null; x = x.parent()) {
			if (x.tagName().equals("code")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTechnicalAttribute(Element e, String attr) {
		// <meta name="viewport" content="…">, htmx configuration, robots directives
		return attr.equals("content") && e.tagName().equals("meta") && !e.attr("name").equals("description");
	}

	private static boolean isThymeleafComment(String text) {
		return text.startsWith("/*") && text.endsWith("*/");
	}

	private static boolean hasLetters(String s) {
		return s.codePoints().anyMatch(Character::isLetter);
	}

	private static Set<String> placeholders(String message) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(message);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

}
