package vn.dvk.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class VisitorKeysTests {

	private final VisitorKeys keys = new VisitorKeys(
			new VisitSettings(Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofSeconds(1), "test-secret"), null);

	@Test
	void onlyCookiesWeSignedAreBelieved() {
		String key = keys.derive("203.0.113.9", "Mozilla/5.0");
		String cookie = keys.cookieValue(key);
		assertThat(keys.fromCookie(cookie)).isEqualTo(key);
		assertThat(keys.fromCookie(key + ".forged")).isNull();
		assertThat(keys.fromCookie("made-up")).isNull();
		assertThat(keys.fromCookie(null)).isNull();
		assertThat(keys.fromCookie(cookie + "x")).isNull();
	}

	@Test
	void aVisitorWithoutCookiesIsTheirAddressAndBrowser() {
		assertThat(keys.derive("203.0.113.9", "Mozilla/5.0")).isEqualTo(keys.derive("203.0.113.9", "Mozilla/5.0"))
			.isNotEqualTo(keys.derive("203.0.113.10", "Mozilla/5.0"))
			.isNotEqualTo(keys.derive("203.0.113.9", "Mozilla/5.0 (Android)"));
	}

	@Test
	void aVisitStartsAfterTheIdleGap() {
		InProcessVisitorActivity activity = new InProcessVisitorActivity(
				new VisitSettings(Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofSeconds(1), null));
		long t = 1_000_000_000L;
		assertThat(activity.seen("a", false, t)).isTrue();
		assertThat(activity.seen("a", false, t + Duration.ofMinutes(29).toMillis())).isFalse();
		assertThat(activity.seen("a", true, t + Duration.ofMinutes(58).toMillis())).isFalse();
		assertThat(activity.seen("a", true, t + Duration.ofMinutes(89).toMillis())).isTrue();
		assertThat(activity.seen("b", false, t + Duration.ofMinutes(89).toMillis())).isTrue();
		VisitorSnapshot.Online online = activity.online(t + Duration.ofMinutes(85).toMillis());
		assertThat(online).isEqualTo(new VisitorSnapshot.Online(1, 1, 2));
	}

	@Test
	void robotsAreKnownByTheirUserAgents() throws Exception {
		BotList bots = new BotList();
		assertThat(bots.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isTrue();
		assertThat(bots.isBot("curl/8.5.0")).isTrue();
		assertThat(bots.isBot(null)).isTrue();
		assertThat(bots.isBot(" ")).isTrue();
		assertThat(bots.isBot("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"))
			.isFalse();
		assertThat(bots.isBot("Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Version/17.0 Zalo iOS/470")).isFalse();
	}

}
