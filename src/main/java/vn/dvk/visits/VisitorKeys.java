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
 * Who a visitor is, without storing anything about them: the visitor cookie carries a random key signed by the
 * server. A browser without a valid cookie gets a fresh key of its own (two phones behind one address with the
 * same browser are two visitors); whether it is a person who stays is only known when the cookie comes back (see
 * {@link VisitFilter}). The same secret derives the salted hashes other modules keep instead of addresses.
 */
@Component
class VisitorKeys {

	static final String COOKIE = "dvk_v";

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final ThreadLocal<Mac> macs;



	/**
	 * Set next to a freshly issued visitor cookie and readable by the page's script, which then confirms the visit
	 * at once ({@link VisitFilter#CONFIRM_PATH}); gone after the confirmation or at the end of the browser session.
	 */
	static final String NEW_COOKIE = "dvk_n";

	/** One generator per thread: a crowd of new browsers does not queue on one lock. */
	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (GeneralSecurityException ex) {
			return new SecureRandom();
		}
	});

	/** A fresh key and the {@code Set-Cookie} headers that hand it to the browser. */
	record Issued(String key, String setCookie, String setNewMarker) {
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
		if (value.length() > 1 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
			// RFC 2965 clients (Java's CookieManager among them) send the value quoted
			value = value.substring(1, value.length() - 1);
		}
		int dot = value.indexOf('.');
		if (dot <= 0 || dot == value.length() - 1 || value.length() > 64) {
			return null;
		}
		String key = value.substring(0, dot);
		byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(given, signature(key).getBytes(StandardCharsets.US_ASCII)) ? key : null;
	}

	/** A new random key (120 bits) for a browser that brought no valid cookie. */
	Issued issue(boolean secure) {
		byte[] bytes = new byte[15];
		RANDOM.get().nextBytes(bytes);
		String key = BASE64.encodeToString(bytes);
		String attributes = "; Path=/; SameSite=Lax" + (secure ? "; Secure" : "");
		// Max-Age without Expires: every browser in use honours it.
		return new Issued(key, COOKIE + "=" + cookieValue(key) + "; Max-Age=31536000; HttpOnly" + attributes,
				NEW_COOKIE + "=1" + attributes);
	}

	/** Removes the "just issued" marker once the visit is confirmed. */
	static String clearNewMarker(boolean secure) {
		return NEW_COOKIE + "=; Path=/; Max-Age=0; SameSite=Lax" + (secure ? "; Secure" : "");
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
