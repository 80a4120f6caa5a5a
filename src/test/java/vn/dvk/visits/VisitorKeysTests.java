package vn.dvk.visits;

import java.net.HttpCookie;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisitorKeysTests {

	VisitorKeys keys = new VisitorKeys(new VisitSettings(Duration.ofMinutes(30), Duration.ofMinutes(5),
			Duration.ofSeconds(1), "test-secret"), null);

	@Test
	void everyBrowserWithoutACookieGetsItsOwnSignedKey() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			VisitorKeys.Issued issued = keys.issue(false);
			HttpCookie cookie = HttpCookie.parse(issued.setCookie()).get(0);
			assertThat(cookie.getName()).isEqualTo(VisitorKeys.COOKIE);
			assertThat(cookie.isHttpOnly()).isTrue();
			assertThat(keys.fromCookie(cookie.getValue())).isEqualTo(issued.key());
			assertThat(seen.add(issued.key())).isTrue();
		}
		assertThat(keys.issue(true).setCookie()).contains("; Secure");
	}

	@Test
	void aCookieWeDidNotSignIsNobody() {
		String value = keys.cookieValue("abcdefghijklmnopqrst");
		assertThat(keys.fromCookie(value)).isEqualTo("abcdefghijklmnopqrst");
		assertThat(keys.fromCookie(value.substring(0, value.length() - 1) + "x")).isNull();
		assertThat(keys.fromCookie("fake.abcdefabcdefabcd")).isNull();
		assertThat(keys.fromCookie(null)).isNull();
		assertThat(keys.fromCookie('"' + value + '"')).as("quoted by an RFC 2965 client").isEqualTo("abcdefghijklmnopqrst");
		VisitorKeys other = new VisitorKeys(new VisitSettings(Duration.ofMinutes(30), Duration.ofMinutes(5),
				Duration.ofSeconds(1), "another-secret"), null);
		assertThat(other.fromCookie(value)).isNull();
	}

}
