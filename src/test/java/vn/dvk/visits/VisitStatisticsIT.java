package vn.dvk.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.news.ArticleDraft;
import vn.dvk.news.ArticleView;
import vn.dvk.news.NewsService;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;
import vn.dvk.support.HttpSession;

/** Visits, page views and views per article, counted exactly over real HTTP, and shown by the API and pages. */
@DvkIntegrationTest
class VisitStatisticsIT {

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";

	@Autowired
	VisitorStatistics statistics;

	@Autowired
	VisitFlusher flusher;

	@Autowired
	NewsService news;

	@Autowired
	DemoUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	vn.dvk.system.SettingsStore settingsStore;

	@LocalServerPort
	int port;

	String article() {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		ArticleView a = news.create(users.load("bientap"), new ArticleDraft("Lượt xem " + marker, "tin-hoat-dong",
				"Tóm tắt", "<p>Nội dung</p>", "Minh Anh", null, List.of(), false, null));
		news.publish(users.load("bientap"), a.id());
		return a.summary().path();
	}

	HttpResponse<String> fetch(HttpClient client, String path, String userAgent) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("User-Agent", userAgent)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A view is counted right after its page is sent, so the client may read the figure a moment before: retries
	 * for up to three seconds.
	 */
	static void eventually(Runnable check) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 3000;
		while (true) {
			try {
				check.run();
				return;
			}
			catch (AssertionError ex) {
				if (System.currentTimeMillis() > deadline) {
					throw ex;
				}
				Thread.sleep(20);
			}
		}
	}

	@Test
	void everyViewOfAnArticleIsCountedExactlyCachedOrNotAndRobotsAreNot() throws Exception {
		String path = article();
		long id = Long.parseLong(path.substring(path.lastIndexOf('-') + 1));
		ContentRef ref = new ContentRef(ContentRef.NEWS, id);
		LocalDate today = VietnameseFormats.today();
		long pageViewsBefore = statistics.snapshot().today().pageViews();
		HttpClient client = HttpClient.newHttpClient();
		int n = 300;
		List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			all.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("User-Agent", BROWSER)
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		long hits = 0;
		for (CompletableFuture<HttpResponse<String>> f : all) {
			HttpResponse<String> r = f.get();
			assertThat(r.statusCode()).isEqualTo(200);
			if ("hit".equals(r.headers().firstValue("X-DVK-Cache").orElse(""))) {
				hits++;
			}
		}
		assertThat(hits).as("most views come from the page cache").isGreaterThan(n / 2);
		fetch(client, path, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
		fetch(client, path, "curl/8.5.0");
		eventually(() -> assertThat(statistics.views(ref)).isEqualTo(n));
		assertThat(flusher.flush()).isTrue();
		assertThat(jdbc.sql("select views from content_view where kind = 'news' and content_id = ?")
			.params(id)
			.query(Long.class)
			.single()).isEqualTo(n);
		assertThat(statistics.views(ref)).isEqualTo(n);
		assertThat(statistics.snapshot().today().pageViews()).isGreaterThanOrEqualTo(pageViewsBefore + n);
		assertThat(today).isEqualTo(statistics.snapshot().today().date());
	}

	@Test
	void aVisitIsASessionOfViewsNotEachView() throws Exception {
		String path = article();
		String browser = BROWSER + " visit-" + UUID.randomUUID();
		HttpClient withCookies = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		long before = statistics.snapshot().totalVisits();
		HttpResponse<String> first = fetch(withCookies, "/", browser);
		assertThat(first.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("dvk_v=") && c.contains("HttpOnly"));
		for (int i = 0; i < 4; i++) {
			fetch(withCookies, path, browser);
			fetch(withCookies, "/tin-tuc", browser);
		}
		eventually(() -> assertThat(statistics.snapshot().totalVisits()).isEqualTo(before + 1));
		// made-up cookies are not believed, and a client that keeps no cookie never confirms a visit
		HttpClient noCookies = HttpClient.newHttpClient();
		for (int i = 0; i < 3; i++) {
			noCookies.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
				.header("User-Agent", browser)
				.header("Cookie", "dvk_v=fake" + i + ".abcdefabcdefabcd")
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		fetch(noCookies, "/", browser);
		Thread.sleep(200);
		assertThat(statistics.snapshot().totalVisits()).isEqualTo(before + 1);
		// errors, files and the back office are not page views
		long views = statistics.snapshot().today().pageViews();
		fetch(withCookies, "/tin-tuc/khong-co-bai-nay-999999999", browser);
		fetch(withCookies, "/css/dvk.css", browser);
		fetch(withCookies, "/api/v1/stats/visitors", browser);
		assertThat(statistics.snapshot().today().pageViews()).isEqualTo(views);
	}

	@Test
	void fiftyPhonesBehindOneAddressWithOneBrowserAreFiftyVisits() throws Exception {
		String path = article();
		long visits = statistics.snapshot().totalVisits();
		long views = statistics.snapshot().today().pageViews();
		for (int i = 0; i < 50; i++) {
			HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			fetch(phone, "/", BROWSER);
			fetch(phone, path, BROWSER);
		}
		eventually(() -> assertThat(statistics.snapshot().totalVisits()).isEqualTo(visits + 50));
		eventually(() -> assertThat(statistics.snapshot().today().pageViews()).isEqualTo(views + 100));
	}

	@Test
	void aClientThatNeverReturnsTheCookieAddsViewsButNoVisit() throws Exception {
		long visits = statistics.snapshot().totalVisits();
		long views = statistics.snapshot().today().pageViews();
		HttpClient robot = HttpClient.newHttpClient();
		java.util.Set<String> cookies = new java.util.HashSet<>();
		for (int i = 0; i < 200; i++) {
			HttpResponse<String> r = fetch(robot, "/", BROWSER + (i % 2 == 0 ? "" : " " + i));
			r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dvk_v=")).forEach(cookies::add);
		}
		assertThat(cookies).as("every browser without a cookie gets its own").hasSize(200);
		eventually(() -> assertThat(statistics.snapshot().today().pageViews()).isEqualTo(views + 200));
		Thread.sleep(200);
		assertThat(statistics.snapshot().totalVisits()).isBetween(visits, visits + 1);
	}

	@Test
	void thePageScriptConfirmsAOnePageVisitOnce() throws Exception {
		HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		long visits = statistics.snapshot().totalVisits();
		HttpResponse<String> page = fetch(phone, "/", BROWSER);
		assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("dvk_n=1"));
		HttpResponse<String> confirmed = phone.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/visits/confirm"))
			.header("User-Agent", BROWSER)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(confirmed.statusCode()).isEqualTo(204);
		assertThat(confirmed.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("dvk_n=;"));
		eventually(() -> assertThat(statistics.snapshot().totalVisits()).isEqualTo(visits + 1));
		// the next page of the same visit, and a confirmation sent again, add no visit
		fetch(phone, "/tin-tuc", BROWSER);
		phone.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/visits/confirm"))
			.header("User-Agent", BROWSER)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		// a confirmation without a cookie we signed counts nothing
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/visits/confirm"))
				.header("User-Agent", BROWSER)
				.header("Cookie", "dvk_v=abc.def")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		Thread.sleep(200);
		assertThat(statistics.snapshot().totalVisits()).isEqualTo(visits + 1);
	}

	@Test
	void membersAndGuestsOnlineAreToldApart() throws Exception {
		HttpSession member = new HttpSession(port);
		member.login("bientap", DemoUsers.PASSWORD);
		VisitorSnapshot.Online before = statistics.snapshot().online();
		member.get("/");
		eventually(() -> assertThat(statistics.snapshot().online().members()).isGreaterThanOrEqualTo(1));
		VisitorSnapshot.Online after = statistics.snapshot().online();
		assertThat(after.total()).isEqualTo(after.guests() + after.members());
		assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
	}

	@Test
	void theApiShowsTheFiguresAndTakesNone() throws Exception {
		mvc.perform(get("/api/v1/stats/visitors"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.online.guests").isNumber())
			.andExpect(jsonPath("$.online.members").isNumber())
			.andExpect(jsonPath("$.online.total").isNumber())
			.andExpect(jsonPath("$.totalVisits").isNumber())
			.andExpect(jsonPath("$.today.visits").isNumber())
			.andExpect(jsonPath("$.today.pageViews").isNumber())
			.andExpect(jsonPath("$.yesterday.pageViews").isNumber());
		mvc.perform(post("/api/v1/stats/visitors").contentType("application/json").content("{\"totalVisits\":999999999}"))
			.andExpect(status().is4xxClientError());
		long total = statistics.snapshot().totalVisits();
		long start = statistics.startingTotal();
		mvc.perform(post("/quan-tri/thong-ke-truy-cap/moc-ban-dau").param("startingTotal", "79.935.807")
			.with(users.as("bandanvan"))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/quan-tri/thong-ke-truy-cap/moc-ban-dau").param("startingTotal", "79.935.807")
			.with(users.as("admin"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(statistics.snapshot().totalVisits()).isGreaterThanOrEqualTo(total - start + 79_935_807L);
		mvc.perform(post("/quan-tri/thong-ke-truy-cap/moc-ban-dau").param("startingTotal", "-5")
			.with(users.as("admin"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(statistics.startingTotal()).isEqualTo(79_935_807L);
		mvc.perform(get("/quan-tri/thong-ke-truy-cap").with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("visits-chart")));
		mvc.perform(get("/quan-tri/thong-ke-truy-cap/csv").param("from", "2026-01-01").param("to", "2026-01-03")
			.with(users.as("bandanvan")))
			.andExpect(header().string("Content-Type", Matchers.containsString("text/csv")))
			.andExpect(content().string(Matchers.containsString("2026-01-02,0,0")));
		mvc.perform(get("/").header("User-Agent", BROWSER))
			.andExpect(content().string(Matchers.containsString("Tổng lượt truy cập")))
			.andExpect(content().string(Matchers.containsString("id=\"poll-title\"")));
		settingsStore.put(VisitorStatistics.STARTING_TOTAL, Long.toString(start));
	}


	@Test
	void aGracefulStopWritesEverythingPending() throws Exception {
		String path = article();
		long id = Long.parseLong(path.substring(path.lastIndexOf('-') + 1));
		HttpClient client = HttpClient.newHttpClient();
		for (int i = 0; i < 7; i++) {
			assertThat(fetch(client, path, BROWSER).statusCode()).isEqualTo(200);
		}
		eventually(() -> assertThat(statistics.views(new ContentRef(ContentRef.NEWS, id))).isEqualTo(7));
		// what the shutdown does (the web server has stopped before: its lifecycle phase is higher)
		flusher.stop();
		try {
			assertThat(flusher.isRunning()).isFalse();
			assertThat(jdbc.sql("select views from content_view where kind = 'news' and content_id = ?")
				.params(id)
				.query(Long.class)
				.single()).isEqualTo(7);
		}
		finally {
			flusher.start();
		}
	}

}
