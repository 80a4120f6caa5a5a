package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;
import vn.dvk.system.SystemActor;

/**
 * Every route of the application (generated from its own request mappings) × every kind of user, against the
 * outcome declared for it in {@code authorization-matrix.txt}: allowed ({@code +}), refused ({@code -}, 403), sent
 * to log in ({@code L}: 401 or the login page), or not found ({@code 0}). A route missing from the table fails the
 * build, so no new page or API ships without a decision; a 500 fails it whoever asks.
 * <p>
 * Each request runs with the parameters its handler requires (sample ids of the demo data, a plausible value per
 * type), inside a transaction that is rolled back, so allowed changes leave nothing behind. The officer "of another
 * organization" works in another commune; the samples belong to the officer's own organization where they belong to
 * one. With {@code -Ddvk.matrix.record=true} the observed outcomes are written to
 * {@code target/authorization-matrix.txt} instead (to review, never to copy blindly).
 */
@DvkIntegrationTest
class AuthorizationMatrixIT {

	/** The columns of the table, in order. */
	enum Who {

		ANONYMOUS(null), CITIZEN("congdan"), JOURNALIST("phongvien"), JURY("giamkhao"), APPRAISER("thamdinh"),
		EDITOR("bientap"), OFFICER_OTHER(OTHER_OFFICER), OFFICER("canbo"), PROVINCE_STAFF("bandanvan"), ADMIN("admin");

		final String username;

		Who(String username) {
			this.username = username;
		}

	}

	static final String OTHER_OFFICER = "canbo.matrix";

	static final String TABLE = "authorization-matrix.txt";

	private static final Pattern SYMBOL = Pattern.compile("\\{([a-zA-Z]+\\.[a-zA-Z]+|none)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoUsers demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private Map<String, String> samples;

	@BeforeEach
	void otherOfficerAndSamples() {
		if (accounts.findByUsername(OTHER_OFFICER).isEmpty()) {
			Long organization = jdbc.sql("select o.id from organization o join administrative_unit a on a.id = "
					+ "o.locality_id where a.name not like '%Tân Lập%' and a.parent_id is not null order by o.id")
				.query(Long.class)
				.list()
				.get(0);
			SystemActor.run(() -> accounts.create(new UserCommand(OTHER_OFFICER, "Cán bộ đơn vị khác",
					OTHER_OFFICER + "@demo.dvk.vn", DemoUsers.PASSWORD, EnumSet.of(Role.OFFICER), organization,
					AccessScope.ORGANIZATION)));
		}
		samples = MatrixSamples.resolve(jdbc);
	}

	/** A route as the table names it: method and pattern. */
	record Route(String method, String pattern) implements Comparable<Route> {

		@Override
		public int compareTo(Route o) {
			int c = pattern.compareTo(o.pattern);
			return c != 0 ? c : method.compareTo(o.method);
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

	record Row(Route route, String sample, List<Character> expected) {
	}

	@Test
	void everyRouteOfTheApplicationHasADeclaredOutcomeForEveryKindOfUser() throws IOException {
		Map<Route, Row> table = table();
		Set<Route> routes = routes().keySet();
		assertThat(new TreeSet<>(routes)).as("routes without a line in " + TABLE + " (add one: what may each user do?)")
			.isSubsetOf(table.keySet());
		assertThat(new TreeSet<>(table.keySet())).as("lines of " + TABLE + " for routes that no longer exist")
			.isSubsetOf(routes);
	}

	@Test
	void everyKindOfUserGetsTheDeclaredOutcomeOnEveryRoute() throws Exception {
		Map<Route, HandlerMethod> routes = routes();
		Map<Route, Row> table = table();
		boolean record = Boolean.getBoolean("dvk.matrix.record");
		List<String> wrong = new ArrayList<>();
		StringBuilder recorded = new StringBuilder(header());
		for (Map.Entry<Route, HandlerMethod> e : new TreeMap<>(routes).entrySet()) {
			Route route = e.getKey();
			Row row = table.get(route);
			String sample = row != null ? row.sample() : MatrixSamples.guess(route.pattern());
			StringBuilder outcomes = new StringBuilder();
			for (Who who : Who.values()) {
				Answer answer;
				try {
					answer = perform(route, sample, e.getValue(), who);
				}
				catch (AssertionError | RuntimeException ex) {
					wrong.add(route + " as " + who + " (" + sample + "): cannot ask: " + ex.getMessage());
					outcomes.append(" ?");
					continue;
				}
				int status = answer.status();
				String location = answer.location();
				char seen = outcome(status, location);
				outcomes.append(' ').append(seen);
				// the error page answers with the status of the error it shows (500 when asked directly)
				if (status >= 500 && !route.pattern().equals("/error")) {
					wrong.add(route + " as " + who + " (" + sample + "): " + status + " " + answer.error());
				}
				else if (!record && row != null && row.expected().get(who.ordinal()) != seen) {
					wrong.add(route + " as " + who + " (" + sample + "): expected " + row.expected().get(who.ordinal())
							+ ", got " + seen + " (" + status + (location == null ? "" : " → " + location) + ")");
				}
			}
			recorded.append(String.format("%-6s %-70s %-80s%s%n", route.method(), route.pattern(), sample, outcomes));
		}
		if (record) {
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", TABLE), recorded, StandardCharsets.UTF_8);
		}
		assertThat(wrong).as("routes whose outcome differs from " + TABLE).isEmpty();
	}

	/** The leak the matrix was written to close: scores and ranks of a round for any logged-in account. */
	@Test
	void aBlindRoundsResultsAreTheStaffsUntilItClosesThenAlsoTheCouncils() throws Exception {
		String open = "/api/v1/appraisals/" + samples.get("appraisal.open") + "/results";
		String closed = "/api/v1/appraisals/" + samples.get("appraisal.closed") + "/results";
		assertThat(jdbc.sql("select blind from judging_panel where kind = 'APPRAISAL' and owner_id = ?")
			.params(Long.valueOf(samples.get("appraisal.open")))
			.query(Boolean.class)
			.single()).as("the demo's open round is blind").isTrue();
		for (String username : List.of("congdan", "phongvien", "giamkhao", "bientap", "canbo")) {
			assertThat(status(open, username)).as(username + " on the open round").isEqualTo(403);
			assertThat(status(closed, username)).as(username + " on the closed round").isEqualTo(403);
		}
		assertThat(status(open, "thamdinh")).as("the chair while the blind round is open").isEqualTo(403);
		assertThat(status(closed, "thamdinh")).as("the chair once it closed").isEqualTo(200);
		assertThat(status(open, "bandanvan")).as("staff while it is open").isEqualTo(200);
		String body = mvc.perform(MockMvcRequestBuilders.get(closed).with(demo.as("thamdinh")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("\"rank\"").contains("\"mean\"");
	}

	private int status(String uri, String username) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(uri).with(demo.as(username))).andReturn().getResponse().getStatus();
	}

	/** What came back: the status, where a redirect points, the error behind a failure. */
	record Answer(int status, String location, String error) {
	}

	private Answer perform(Route route, String sample, HandlerMethod handler, Who who) throws Exception {
		String uri = resolve(sample);
		AbstractMockHttpServletRequestBuilder<?> request = builder(route.method(), uri, handler);
		if (who.username != null) {
			request.with(demo.as(who.username));
		}
		if (!route.method().equals("GET")) {
			request.with(csrf());
		}
		TransactionTemplate rollback = new TransactionTemplate(transactions);
		return rollback.execute(status -> {
			status.setRollbackOnly();
			try {
				MvcResult result = mvc.perform(request).andReturn();
				return new Answer(result.getResponse().getStatus(), result.getResponse().getRedirectedUrl(),
						error(result));
			}
			catch (Exception ex) {
				// an exception no handler turned into a page: the user would see a server error
				Throwable root = ex;
				while (root.getCause() != null) {
					root = root.getCause();
				}
				return new Answer(500, null, root.toString());
			}
		});
	}

	/** The request with what the handler requires: its mandatory parameters, a JSON body, a file. */
	private AbstractMockHttpServletRequestBuilder<?> builder(String method, String uri, HandlerMethod handler) {
		boolean multipart = false;
		for (MethodParameter p : handler.getMethodParameters()) {
			multipart |= MultipartFile.class.isAssignableFrom(p.getParameterType())
					|| (p.getParameterType() == List.class && p.getGenericParameterType().getTypeName().contains("MultipartFile"));
		}
		AbstractMockHttpServletRequestBuilder<?> request;
		if (multipart) {
			MockMultipartHttpServletRequestBuilder m = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(method), uri);
			for (MethodParameter p : handler.getMethodParameters()) {
				RequestParam rp = p.getParameterAnnotation(RequestParam.class);
				RequestPart part = p.getParameterAnnotation(RequestPart.class);
				if (MultipartFile.class.isAssignableFrom(p.getParameterType()) && (rp != null || part != null)) {
					String name = rp != null ? name(rp, p) : !part.name().isEmpty() ? part.name()
							: !part.value().isEmpty() ? part.value() : p.getParameterName();
					m.file(new MockMultipartFile(name, "tep.csv", "text/csv", "Stt,Mã số\n".getBytes(StandardCharsets.UTF_8)));
				}
			}
			request = m;
		}
		else {
			request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), uri);
		}
		for (MethodParameter p : handler.getMethodParameters()) {
			RequestParam rp = p.getParameterAnnotation(RequestParam.class);
			if (rp != null && rp.required() && ValueConstants.DEFAULT_NONE.equals(rp.defaultValue())
					&& !MultipartFile.class.isAssignableFrom(p.getParameterType()) && !Map.class.isAssignableFrom(p.getParameterType())
					&& !(p.getParameterType() == List.class)) {
				request.param(name(rp, p), value(p.getParameterType()));
			}
			if (p.hasParameterAnnotation(RequestBody.class)) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
		}
		return request;
	}

	private static String name(RequestParam rp, MethodParameter p) {
		String n = !rp.name().isEmpty() ? rp.name() : rp.value();
		return n.isEmpty() ? p.getParameterName() : n;
	}

	private String value(Class<?> type) {
		if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
			return "1";
		}
		if (type == double.class || type == Double.class) {
			return "1";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "false";
		}
		if (type == LocalDate.class) {
			return LocalDate.now().toString();
		}
		if (type.isEnum()) {
			return ((Enum<?>) type.getEnumConstants()[0]).name();
		}
		return "x";
	}

	private String resolve(String sample) {
		Matcher m = SYMBOL.matcher(sample);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String id = samples.get(m.group(1));
			assertThat(id).as("sample " + m.group(1) + " in " + sample + " (see MatrixSamples)").isNotNull();
			m.appendReplacement(out, id);
		}
		m.appendTail(out);
		return out.toString();
	}

	/** The table's letter for a response. */
	static char outcome(int status, String location) {
		if (status == 401 || (status == 302 && location != null && location.contains("/dang-nhap"))) {
			return 'L';
		}
		if (status == 403) {
			return '-';
		}
		if (status == 404) {
			return '0';
		}
		return '+';
	}

	private static String error(MvcResult result) {
		Exception ex = result.getResolvedException();
		return ex == null ? "" : ex.toString();
	}

	/** The application's routes (its own controllers, Spring's error page and the API documents included). */
	private Map<Route, HandlerMethod> routes() {
		Map<Route, HandlerMethod> routes = new LinkedHashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = e.getKey();
			Set<String> patterns = info.getPatternValues();
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			for (String pattern : patterns) {
				for (String method : methods) {
					routes.put(new Route(method, pattern), e.getValue());
				}
			}
		}
		return routes;
	}

	static Map<Route, Row> table() throws IOException {
		Map<Route, Row> rows = new LinkedHashMap<>();
		try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/" + TABLE)) {
			assertThat(in).as(TABLE + " on the test class path").isNotNull();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String l = line.strip();
				if (l.isEmpty() || l.startsWith("#")) {
					continue;
				}
				String[] parts = l.split("\\s+");
				assertThat(parts).as("line of " + TABLE + ": " + l).hasSize(3 + Who.values().length);
				List<Character> expected = new ArrayList<>();
				for (int i = 3; i < parts.length; i++) {
					assertThat(parts[i]).as("outcome in: " + l).matches("[+\\-L0]");
					expected.add(parts[i].charAt(0));
				}
				Route route = new Route(parts[0], parts[1]);
				assertThat(rows).as("one line per route: " + route).doesNotContainKey(route);
				rows.put(route, new Row(route, parts[2], expected));
			}
		}
		return rows;
	}

	private static String header() {
		StringBuilder h = new StringBuilder("# method pattern sample-request");
		for (Who w : Who.values()) {
			h.append(' ').append(w.name());
		}
		return h.append('\n').toString();
	}

}
