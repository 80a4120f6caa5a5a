package vn.dvk.visits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Who a visitor is, without storing anything about them: the visitor cookie carries a key signed by the server.
 * A visitor without a valid cookie gets the key derived from their address and browser (so a client that drops
 * cookies, or sends made-up ones, stays one visitor instead of starting a visit per request), and the cookie
 * carrying it.
 */
@Component
class VisitorKeys {

	static final String COOKIE = "dvk_v";

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final ThreadLocal<Mac> macs;

	/** Keys and cookies of visitors without a cookie, by address, browser and scheme: a crowd costs no signing. */
	private final com.github.benmanes.caffeine.cache.Cache<String, Derived> derived = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.maximumSize(50_000)
		.build();

	/** A derived key and the {@code Set-Cookie} header that hands it to the browser. */
	record Derived(String key, String setCookie) {
	}

	static final String SECRET_SETTING = "visits.secret";

	VisitorKeys(VisitSettings settings, vn.dvk.system.SettingsStore store) {
		byte[] secret;
		if (settings.secret() != null && !settings.secret().isBlank()) {
			secret = settings.secret().getBytes(StandardCharsets.UTF_8);
		}
		else {
			// Generated once and kept in the database: cookies, derived keys and poll identities stay the same
			// across restarts and on every node of a cluster.
			String stored = store.get(SECRET_SETTING).orElse(null);
			if (stored == null) {
				byte[] random = new byte[32];
				new SecureRandom().nextBytes(random);
				store.put(SECRET_SETTING, java.util.HexFormat.of().formatHex(random));
				stored = store.get(SECRET_SETTING).orElseThrow();
			}
			secret = java.util.HexFormat.of().parseHex(stored);
		}
		SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** The key in a cookie value, or {@code null} when it is missing or not signed by us. */
	String fromCookie(String value) {
		if (value == null) {
			return null;
		}
		int dot = value.indexOf('.');
		if (dot <= 0 || dot == value.length() - 1 || value.length() > 64) {
			return null;
		}
		String key = value.substring(0, dot);
		byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(given, signature(key).getBytes(StandardCharsets.US_ASCII)) ? key : null;
	}

	Derived derived(String address, String userAgent, boolean secure) {
		return derived.get((secure ? "s|" : "p|") + address + "|" + userAgent, k -> {
			String key = derive(address, userAgent);
			// Max-Age without Expires: every browser in use honours it, and the header stays the same.
			return new Derived(key, COOKIE + "=" + cookieValue(key) + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax"
					+ (secure ? "; Secure" : ""));
		});
	}

	String derive(String address, String userAgent) {
		return encode("k|" + address + "|" + (userAgent == null ? "" : userAgent), 20);
	}

	String cookieValue(String key) {
		return key + "." + signature(key);
	}

	private String signature(String key) {
		return encode("c|" + key, 16);
	}

	private String encode(String text, int length) {
		byte[] digest = macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
		return BASE64.encodeToString(digest).substring(0, length);
	}

}
