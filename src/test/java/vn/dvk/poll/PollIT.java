package vn.dvk.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.support.DemoUsers;
import vn.dvk.support.Devices;
import vn.dvk.support.DvkIntegrationTest;

/** Polls: exactly one counted ballot per identity, clear refusals, results visibility, pages. */
@DvkIntegrationTest
class PollIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	PollService polls;

	@Autowired
	DemoUsers users;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	PollView poll(PollRules.VoterRule rule, PollRules.Frequency frequency, PollRules.ResultsVisibility visibility,
			int maxChoices, Instant start, Instant end) {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		return polls.create(users.load("bandanvan"),
				new PollDraft("Bình chọn gương điển hình " + marker, "Mô tả", List.of(
						new PollDraft.Option("Phương án A " + marker, null), new PollDraft.Option("Phương án B", null),
						new PollDraft.Option("Phương án C", null)), maxChoices, start, end, rule, frequency, visibility,
						false, null));
	}

	PollView open(PollRules.VoterRule rule) {
		return poll(rule, PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, 1,
				Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)));
	}

	long rows(long pollId) {
		return jdbc.sql("select count(*) from poll_ballot where poll_id = ?").params(pollId).query(Long.class).single();
	}

	/**
	 * A new browser: the signed visitor cookie a page of the portal gives a browser that has none (its value).
	 * Every call is another device, though all come from this one address with this one browser version.
	 */
	String device() throws Exception {
		return Devices.cookie(port);
	}

	HttpRequest vote(long pollId, long optionId, String device) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/polls/" + pollId + "/votes"))
			.header("Content-Type", "application/json")
			.header("User-Agent", Devices.BROWSER)
			.header("Cookie", "dvk_v=" + device)
			.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + optionId + "]}"))
			.build();
	}

	@Test
	void aThousandSimultaneousVotesOfOneDeviceCountOnce() throws Exception {
		// no rate limit in the way (the default would tell most of the thousand to wait): the constraint decides
		PollView p = polls.create(users.load("bandanvan"), new PollDraft("Dồn phiếu " + UUID.randomUUID(), null,
				List.of(new PollDraft.Option("A", null), new PollDraft.Option("B", null)), 1,
				Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), PollRules.VoterRule.OPEN,
				PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, false, 100_000));
		long option = p.options().get(0).id();
		HttpClient client = HttpClient.newHttpClient();
		String device = device();
		List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			all.add(client.sendAsync(vote(p.id(), option, device), HttpResponse.BodyHandlers.ofString()));
		}
		int created = 0;
		int already = 0;
		for (CompletableFuture<HttpResponse<String>> f : all) {
			HttpResponse<String> r = f.get();
			if (r.statusCode() == 201) {
				created++;
			}
			else {
				assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
				assertThat(r.body()).contains("\"alreadyVoted\":true");
				already++;
			}
		}
		assertThat(created).isEqualTo(1);
		assertThat(already).isEqualTo(999);
		assertThat(rows(p.id())).isEqualTo(1);
		// another device votes too; tallies are exact
		assertThat(client.send(vote(p.id(), p.options().get(1).id(), device()),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
		PollResults results = polls.results(users.load("bandanvan"), p.id()).orElseThrow();
		assertThat(results.totalVotes()).isIn(1L, 2L); // cached for up to two seconds
		Thread.sleep(2100);
		results = polls.results(null, p.id()).orElseThrow();
		assertThat(results.totalVotes()).isEqualTo(2).isEqualTo(rows(p.id()));
		assertThat(results.options().get(0).votes()).isEqualTo(1);
		assertThat(results.options().get(0).percent()).isEqualTo(50.0);
	}

	@Test
	void badBallotsAreRefusedWithAClearMessage() throws Exception {
		PollView p = open(PollRules.VoterRule.OPEN);
		PollView other = open(PollRules.VoterRule.OPEN);
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json").content("{\"optionIds\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("ít nhất một")));
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json")
			.header("Accept-Language", "en")
			.content("{\"optionIds\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("Please choose at least one option."));
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json").content("{\"optionIds\":[\"x\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("JSON")));
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json")
			.content("{\"optionIds\":[" + p.options().get(0).id() + "," + p.options().get(1).id() + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("tối đa 1")));
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json")
			.content("{\"optionIds\":[" + other.options().get(0).id() + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("không thuộc")));
		PollView later = poll(PollRules.VoterRule.OPEN, PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, 1,
				Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(2)));
		mvc.perform(post("/api/v1/polls/{id}/votes", later.id()).contentType("application/json")
			.content("{\"optionIds\":[" + later.options().get(0).id() + "]}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message", containsString("chưa bắt đầu")));
		mvc.perform(post("/api/v1/polls/{id}/close", p.id()).with(httpBasic("congdan", DemoUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/polls/{id}/close", p.id()).with(httpBasic("bandanvan", DemoUsers.PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json")
			.content("{\"optionIds\":[" + p.options().get(0).id() + "]}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message", containsString("đã kết thúc")));
		mvc.perform(post("/api/v1/polls").with(httpBasic("bandanvan", DemoUsers.PASSWORD))
			.contentType("application/json")
			.content("{\"title\":\"PoW\",\"options\":[{\"label\":\"A\"},{\"label\":\"B\"}],"
					+ "\"endsAt\":\"2030-01-01T00:00:00Z\",\"proofOfWork\":true}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/polls/{id}/votes", 999_999_999L).contentType("application/json")
			.content("{\"optionIds\":[1]}")).andExpect(status().isNotFound());
		assertThat(rows(p.id())).isZero();
	}

	@Test
	void accountPollsNeedALoginAndCountOncePerAccountPerDay() throws Exception {
		PollView p = poll(PollRules.VoterRule.VERIFIED_ACCOUNT, PollRules.Frequency.DAILY,
				PollRules.ResultsVisibility.HIDDEN, 2, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(3)));
		String ballot = "{\"optionIds\":[" + p.options().get(0).id() + "," + p.options().get(2).id() + "]}";
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json").content(ballot))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.message", containsString("đăng nhập")));
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json")
			.content(ballot)
			.with(httpBasic("congdan", DemoUsers.PASSWORD))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json")
			.content(ballot)
			.with(httpBasic("congdan", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alreadyVoted").value(true));
		assertThat(jdbc.sql("select count(*) from poll_ballot_choice c join poll_ballot b on b.id = c.ballot_id "
				+ "where b.poll_id = ?").params(p.id()).query(Long.class).single()).isEqualTo(2);
		// hidden results: not for the public until staff publish them
		mvc.perform(get("/api/v1/polls/{id}/results", p.id())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/polls/{id}/results", p.id()).with(httpBasic("bandanvan", DemoUsers.PASSWORD)))
			.andExpect(jsonPath("$.totalVotes").value(1));
		polls.publishResults(users.load("bandanvan"), p.id());
		mvc.perform(get("/api/v1/polls/{id}/results", p.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.options[0].votes").value(1))
			.andExpect(jsonPath("$.options[1].votes").value(0))
			.andExpect(jsonPath("$.published").value(true));
	}

	@Test
	void citizensVoteOnThePagesWithoutJavaScript() throws Exception {
		PollView p = open(PollRules.VoterRule.OPEN);
		mvc.perform(get("/api/v1/polls/active"))
			.andExpect(jsonPath("$[?(@.id == " + p.id() + ")].options.length()").value(3));
		mvc.perform(get("/binh-chon")).andExpect(content().string(containsString(p.title())));
		mvc.perform(get("/")).andExpect(content().string(containsString(p.title())));
		mvc.perform(get("/binh-chon/{id}", p.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phương án A")))
			.andExpect(content().string(containsString("type=\"radio\"")));
		jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie("dvk_v", device());
		mvc.perform(post("/binh-chon/{id}", p.id()).param("option", Long.toString(p.options().get(1).id()))
			.cookie(cookie)
			.with(csrf())).andExpect(flash().attribute("success", containsString("Cảm ơn")));
		mvc.perform(post("/binh-chon/{id}", p.id()).param("option", Long.toString(p.options().get(1).id()))
			.cookie(cookie)
			.with(csrf())).andExpect(flash().attribute("success", containsString("đã bình chọn")));
		// a browser that kept no cookie is not a device we can count once: told to allow cookies
		mvc.perform(post("/binh-chon/{id}", p.id()).param("option", Long.toString(p.options().get(1).id()))
			.with(csrf())).andExpect(flash().attribute("failure", containsString("cookie")));
		mvc.perform(post("/binh-chon/{id}", p.id()).cookie(cookie).with(csrf()))
			.andExpect(flash().attribute("failure", containsString("ít nhất một")));
		assertThat(rows(p.id())).isEqualTo(1);
	}


	@Test
	void staffCreateClosePublishThroughThePages() throws Exception {
		mvc.perform(get("/quan-tri/binh-chon/moi").with(users.as("canbo"))).andExpect(status().isForbidden());
		mvc.perform(post("/quan-tri/binh-chon/moi").with(users.as("bandanvan"))
			.with(csrf())
			.param("title", "Bình chọn thiếu phương án")
			.param("options", "Chỉ một")
			.param("maxChoices", "1")
			.param("startsAt", "2026-12-01T08:00")
			.param("endsAt", "2026-12-10T08:00")
			.param("voterRule", "OPEN")
			.param("frequency", "ONCE")
			.param("resultsVisibility", "AFTER_CLOSE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("từ 2 đến 100 phương án")));
		String marker = UUID.randomUUID().toString().substring(0, 8);
		String location = mvc.perform(post("/quan-tri/binh-chon/moi").with(users.as("bandanvan"))
			.with(csrf())
			.param("title", "Bình chọn qua biểu mẫu " + marker)
			.param("options", "Phương án một\n\nPhương án hai\nPhương án ba")
			.param("maxChoices", "2")
			.param("startsAt", "2026-01-01T08:00")
			.param("endsAt", "2030-01-01T08:00")
			.param("voterRule", "OPEN")
			.param("frequency", "DAILY")
			.param("resultsVisibility", "AFTER_CLOSE")
			.param("ipLimitPerMinute", "30"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		PollView p = polls.find(id).orElseThrow();
		assertThat(p.options()).extracting(PollView.Option::label)
			.containsExactly("Phương án một", "Phương án hai", "Phương án ba");
		assertThat(p.ipLimitPerMinute()).isEqualTo(30);
		mvc.perform(get("/binh-chon/{id}", id))
			.andExpect(content().string(containsString("type=\"checkbox\"")))
			.andExpect(content().string(containsString("Kết quả chưa được công bố.")));
		mvc.perform(get("/quan-tri/binh-chon").with(users.as("bandanvan")))
			.andExpect(content().string(containsString("Bình chọn qua biểu mẫu " + marker)));
		mvc.perform(post("/quan-tri/binh-chon/{id}/ket-thuc", id).with(users.as("bandanvan")).with(csrf()))
			.andExpect(flash().attributeExists("success"));
		mvc.perform(get("/binh-chon/{id}", id))
			.andExpect(content().string(containsString("đã kết thúc")))
			.andExpect(content().string(containsString("Tổng số phiếu hợp lệ: 0")));
	}


	@Test
	void anAddressThatVotesTooFastIsToldToWait() throws Exception {
		PollView p = polls.create(users.load("bandanvan"),
				new PollDraft("Giới hạn tốc độ " + UUID.randomUUID(), null,
						List.of(new PollDraft.Option("A", null), new PollDraft.Option("B", null)), 1,
						Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), PollRules.VoterRule.OPEN,
						PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, false, 3));
		HttpClient client = HttpClient.newHttpClient();
		long option = p.options().get(0).id();
		// three devices behind one address: allowed; the fourth attempt in the minute is not
		int accepted = 0;
		HttpResponse<String> refused = null;
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> r = client.send(vote(p.id(), option, device()),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() == 201) {
				accepted++;
			}
			else {
				refused = r;
			}
		}
		// a minute boundary between the attempts resets the window: then all four may pass
		if (refused != null) {
			assertThat(accepted).isEqualTo(3);
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.body()).contains("quá nhanh");
			assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
			assertThat(rows(p.id())).isEqualTo(3);
		}
		else {
			assertThat(accepted).isEqualTo(4);
		}
		assertThat(vn.dvk.visits.VisitorIdentity.subnet("203.0.113.77")).isEqualTo("203.0.113.0/24");
		assertThat(vn.dvk.visits.VisitorIdentity.subnet("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:0db8:0001:0002::/64");
	}


	@Test
	void threeHundredPhonesBehindOneAddressAllCountAtTheDefaultSettings() throws Exception {
		PollView p = open(PollRules.VoterRule.OPEN);
		assertThat(p.ipLimitPerMinute()).isEqualTo(PollDraft.DEFAULT_IP_LIMIT_PER_MINUTE);
		assertThat(p.ballotsPerAddress()).isEqualTo(PollDraft.DEFAULT_BALLOTS_PER_ADDRESS);
		List<String> phones = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			phones.add(device());
		}
		HttpClient client = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
		for (int i = 0; i < phones.size(); i++) {
			all.add(client.sendAsync(vote(p.id(), p.options().get(i % 3).id(), phones.get(i)),
					HttpResponse.BodyHandlers.ofString()));
		}
		for (CompletableFuture<HttpResponse<String>> f : all) {
			assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(201);
		}
		assertThat(rows(p.id())).isEqualTo(300);
	}

	@Test
	void oneAddressGivesNoMoreThanItsCapWhateverBrowserItClaims() throws Exception {
		PollView p = polls.create(users.load("bandanvan"),
				new PollDraft("Giới hạn theo địa chỉ " + UUID.randomUUID(), null,
						List.of(new PollDraft.Option("A", null), new PollDraft.Option("B", null)), 1,
						Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), PollRules.VoterRule.OPEN,
						PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, false, null, 3));
		HttpClient client = HttpClient.newHttpClient();
		int counted = 0;
		HttpResponse<String> refused = null;
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> r = client.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/polls/" + p.id() + "/votes"))
				.header("Content-Type", "application/json")
				.header("User-Agent", "Mozilla/5.0 changing-" + i)
				.header("Cookie", "dvk_v=" + device())
				.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + p.options().get(0).id() + "]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() == 201) {
				counted++;
			}
			else {
				refused = r;
			}
		}
		assertThat(counted).isEqualTo(3);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("đã gửi đủ 3 phiếu");
		assertThat(rows(p.id())).isEqualTo(3);
		// without a cookie there is no device to count once
		HttpResponse<String> noCookie = client.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/polls/" + p.id() + "/votes"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + p.options().get(0).id() + "]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(noCookie.statusCode()).isEqualTo(400);
		assertThat(noCookie.body()).contains("cookie");
		// staff raise the cap: the address may give more
		jdbc.sql("update poll set ballots_per_address = 4 where id = ?").params(p.id()).update();
		Thread.sleep(2100); // the poll's definition is cached for two seconds
		assertThat(client.send(vote(p.id(), p.options().get(1).id(), device()), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(201);
	}

	@Test
	void ballotsFromAnotherSiteOrNotInJsonAreRefused() throws Exception {
		PollView p = open(PollRules.VoterRule.OPEN);
		String body = "{\"optionIds\":[" + p.options().get(0).id() + "]}";
		String device = device();
		java.util.function.Function<String[], HttpResponse<String>> send = headers -> {
			try {
				return HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/polls/" + p.id() + "/votes"))
						.headers(headers)
						.header("Cookie", "dvk_v=" + device)
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		// what another site's page can send without asking the browser first
		HttpResponse<String> plain = send.apply(new String[] { "Content-Type", "text/plain;charset=UTF-8", "Origin",
				"https://evil.example", "Sec-Fetch-Site", "cross-site" });
		assertThat(plain.statusCode()).isEqualTo(415);
		assertThat(plain.body()).contains("JSON");
		HttpResponse<String> form = send.apply(new String[] { "Content-Type", "application/x-www-form-urlencoded" });
		assertThat(form.statusCode()).isEqualTo(415);
		HttpResponse<String> crossSite = send.apply(new String[] { "Content-Type", "application/json", "Sec-Fetch-Site",
				"cross-site" });
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(crossSite.body()).contains("trang web khác");
		HttpResponse<String> otherOrigin = send.apply(new String[] { "Content-Type", "application/json", "Origin",
				"http://evil.example:" + port });
		assertThat(otherOrigin.statusCode()).isEqualTo(403);
		assertThat(rows(p.id())).isZero();
		// the portal's own page: same origin
		HttpResponse<String> own = send.apply(new String[] { "Content-Type", "application/json", "Origin",
				"http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin" });
		assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
		// and a ballot far larger than any real one is not read
		HttpResponse<String> huge = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/polls/" + p.id() + "/votes"))
				.header("Content-Type", "application/json")
				.header("Cookie", "dvk_v=" + device())
				.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + "1,".repeat(20_000) + "1]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(rows(p.id())).isEqualTo(1);
	}

	@Test
	void staffSeeBurstsAndVoidBallotsOfAnAddress() throws Exception {
		PollView p = open(PollRules.VoterRule.OPEN);
		HttpClient client = HttpClient.newHttpClient();
		for (int i = 0; i < 5; i++) {
			assertThat(client.send(vote(p.id(), p.options().get(0).id(), device()),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
		}
		PollService.Fraud fraud = polls.fraud(users.load("bandanvan"), p.id());
		assertThat(fraud.byAddress()).hasSize(1);
		assertThat(fraud.byAddress().get(0).ballots()).isEqualTo(5);
		assertThat(fraud.byMinute().stream().mapToLong(PollService.Fraud.Count::ballots).sum()).isEqualTo(5);
		String address = fraud.byAddress().get(0).key();
		mvc.perform(get("/quan-tri/binh-chon/{id}/gian-lan", p.id()).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(address)));
		mvc.perform(post("/quan-tri/binh-chon/{id}/huy-phieu", p.id()).param("address", address)
			.with(users.as("bandanvan"))
			.with(csrf())).andExpect(flash().attribute("failure", containsString("lý do")));
		mvc.perform(post("/quan-tri/binh-chon/{id}/huy-phieu", p.id()).param("address", address)
			.param("reason", "Bỏ phiếu dồn dập từ một địa chỉ")
			.with(users.as("bandanvan"))
			.with(csrf())).andExpect(flash().attribute("success", containsString("5 phiếu")));
		assertThat(rows(p.id())).isEqualTo(5);
		PollResults results = polls.results(users.load("bandanvan"), p.id()).orElseThrow();
		assertThat(results.totalVotes()).isZero();
		assertThat(results.options().get(0).votes()).isZero();
		assertThat(polls.fraud(users.load("bandanvan"), p.id()).byAddress().get(0).voided()).isEqualTo(5);
		String votes = mvc.perform(get("/quan-tri/binh-chon/{id}/phieu.csv", p.id()).with(users.as("bandanvan")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(votes).contains("Bỏ phiếu dồn dập từ một địa chỉ");
		mvc.perform(get("/quan-tri/nhat-ky").param("action", "poll.void").with(users.as("admin")))
			.andExpect(content().string(containsString("Bỏ phiếu dồn dập")));
	}


	String solve(long pollId, String device) throws Exception {
		String json = mvc.perform(get("/api/v1/polls/{id}/challenge", pollId)
			.cookie(new jakarta.servlet.http.Cookie("dvk_v", device)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.Map<String, Object> c = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readValue(json, new tools.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {
			});
		org.altcha.altcha.Altcha.Solution solution = org.altcha.altcha.Altcha.solveChallenge((String) c.get("challenge"),
				(String) c.get("salt"), org.altcha.altcha.Altcha.Algorithm.SHA256, ((Number) c.get("maxnumber")).longValue(), 0);
		assertThat(solution).as("challenge solvable").isNotNull();
		String payload = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + c.get("challenge") + "\",\"number\":"
				+ solution.number + ",\"salt\":\"" + c.get("salt") + "\",\"signature\":\"" + c.get("signature") + "\"}";
		return java.util.Base64.getEncoder().encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void proofOfWorkPollsAcceptASolvedChallengeOnceAndOnlyForThatPoll() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		PollView p = polls.create(users.load("bandanvan"), new PollDraft("Bình chọn có thử thách " + marker, null,
				List.of(new PollDraft.Option("Một", null), new PollDraft.Option("Hai", null)), 1,
				Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), PollRules.VoterRule.OPEN,
				PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, true, null));
		PollView plain = open(PollRules.VoterRule.OPEN);
		long option = p.options().get(0).id();
		HttpClient client = HttpClient.newHttpClient();
		java.util.function.BiFunction<String, String, HttpRequest> ballot = (device, altcha) -> HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/polls/" + p.id() + "/votes"))
			.header("Content-Type", "application/json")
			.header("User-Agent", Devices.BROWSER)
			.header("Cookie", "dvk_v=" + device)
			.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + option + "]"
					+ (altcha == null ? "" : ",\"altcha\":\"" + altcha + "\"") + "}"))
			.build();
		String a = device();
		String b = device();
		HttpResponse<String> none = client.send(ballot.apply(a, null),
				HttpResponse.BodyHandlers.ofString());
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("thử thách");
		HttpResponse<String> garbage = client.send(ballot.apply(a, "bm90IGEgc29sdXRpb24="),
				HttpResponse.BodyHandlers.ofString());
		assertThat(garbage.statusCode()).isEqualTo(400);
		String solved = solve(p.id(), a);
		// a challenge is bound to the device that asked for it: another device cannot use its solution
		HttpResponse<String> handedOver = client.send(ballot.apply(b, solved), HttpResponse.BodyHandlers.ofString());
		assertThat(handedOver.statusCode()).isEqualTo(400);
		assertThat(handedOver.body()).contains("không hợp lệ");
		assertThat(client.send(ballot.apply(a, solved), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(201);
		// the same solution again: refused
		HttpResponse<String> replay = client.send(ballot.apply(a, solved), HttpResponse.BodyHandlers.ofString());
		assertThat(replay.statusCode()).isEqualTo(409);
		assertThat(replay.body()).contains("đã được dùng");
		// a solution issued for another poll does not count here
		mvc.perform(get("/api/v1/polls/{id}/challenge", plain.id())).andExpect(status().isNotFound());
		PollView other = polls.create(users.load("bandanvan"), new PollDraft("Bình chọn khác " + marker, null,
				List.of(new PollDraft.Option("Một", null), new PollDraft.Option("Hai", null)), 1,
				Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), PollRules.VoterRule.OPEN,
				PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, true, null));
		String c = device();
		HttpResponse<String> foreign = client.send(ballot.apply(c, solve(other.id(), c)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(rows(p.id())).isEqualTo(1);
	}

	@Test
	void staffEditAPollUntilItOpensAndNotAfter() throws Exception {
		PollView later = poll(PollRules.VoterRule.OPEN, PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, 1,
				Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(2)));
		mvc.perform(get("/quan-tri/binh-chon/{id}/sua", later.id()).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"options\">" + org.springframework.web.util.HtmlUtils
				.htmlEscape(later.options().get(0).label()))));
		mvc.perform(post("/quan-tri/binh-chon/{id}/sua", later.id()).with(users.as("bandanvan"))
			.with(csrf())
			.param("title", "Tên đã sửa")
			.param("options", "Lựa chọn mới một\nLựa chọn mới hai\nLựa chọn mới ba")
			.param("maxChoices", "2")
			.param("startsAt", "2030-01-01T08:00")
			.param("endsAt", "2029-12-31T08:00")
			.param("voterRule", "OPEN")
			.param("frequency", "ONCE")
			.param("resultsVisibility", "LIVE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("phải sau thời điểm bắt đầu")));
		mvc.perform(post("/quan-tri/binh-chon/{id}/sua", later.id()).with(users.as("bandanvan"))
			.with(csrf())
			.param("title", "Tên đã sửa")
			.param("options", "Lựa chọn mới một\nLựa chọn mới hai\nLựa chọn mới ba")
			.param("maxChoices", "2")
			.param("startsAt", "2030-01-01T08:00")
			.param("endsAt", "2030-01-08T08:00")
			.param("voterRule", "OPEN")
			.param("frequency", "DAILY")
			.param("resultsVisibility", "HIDDEN")
			.param("proofOfWork", "true"))
			.andExpect(status().is3xxRedirection());
		Thread.sleep(10);
		PollView edited = polls.find(later.id()).orElseThrow();
		assertThat(edited.title()).isEqualTo("Tên đã sửa");
		assertThat(edited.options()).extracting(PollView.Option::label)
			.containsExactly("Lựa chọn mới một", "Lựa chọn mới hai", "Lựa chọn mới ba");
		assertThat(edited.maxChoices()).isEqualTo(2);
		assertThat(edited.proofOfWork()).isTrue();
		assertThat(edited.frequency()).isEqualTo(PollRules.Frequency.DAILY);
		PollView running = open(PollRules.VoterRule.OPEN);
		mvc.perform(post("/quan-tri/binh-chon/{id}/sua", running.id()).with(users.as("bandanvan"))
			.with(csrf())
			.param("title", "Không được sửa")
			.param("options", "A\nB")
			.param("maxChoices", "1")
			.param("startsAt", "2030-01-01T08:00")
			.param("endsAt", "2030-01-08T08:00")
			.param("voterRule", "OPEN")
			.param("frequency", "ONCE")
			.param("resultsVisibility", "LIVE"))
			.andExpect(content().string(containsString("không sửa được nữa")));
		assertThat(polls.find(running.id()).orElseThrow().title()).isNotEqualTo("Không được sửa");
	}

}
