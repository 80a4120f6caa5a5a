package vn.dvk.visits;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Who a browser is, for other modules (polls: one vote per device): the key of the signed visitor cookie, or, for
 * a request without a valid one, the key derived from its address and user agent (the same one the cookie issued
 * with the response will carry). Also a salted hash of the address, so raw addresses need not be stored.
 */
@Component
public class VisitorIdentity {

	private final VisitorKeys keys;

	VisitorIdentity(VisitorKeys keys) {
		this.keys = keys;
	}

	public String key(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (VisitorKeys.COOKIE.equals(c.getName())) {
					String key = keys.fromCookie(c.getValue());
					if (key != null) {
						return key;
					}
				}
			}
		}
		return keys.derive(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
	}

	/** A salted hash of any text (addresses, subnets, account ids): equal inputs, equal hashes; not reversible. */
	public String hash(String text) {
		return keys.derive("h|" + text, "");
	}

}
