package vn.dvk.visits;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Who a browser is, for other modules (polls: one vote per device): the key of the signed visitor cookie the
 * browser brought, or none. Also a salted hash of any text (addresses, networks), so raw addresses need not be
 * stored.
 */
@Component
public class VisitorIdentity {

	private final VisitorKeys keys;

	VisitorIdentity(VisitorKeys keys) {
		this.keys = keys;
	}

	/** The key of the request's valid visitor cookie, or {@code null} (no cookie, or one we did not sign). */
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
		return null;
	}

	/** The /24 network of an IPv4 address or the /64 network of an IPv6 address, as text. */
	public static String subnet(String address) {
		if (address == null) {
			return "";
		}
		if (address.indexOf(':') < 0) {
			int dot = address.lastIndexOf('.');
			return dot < 0 ? address : address.substring(0, dot) + ".0/24";
		}
		try {
			byte[] b = java.net.InetAddress.getByName(address).getAddress();
			StringBuilder s = new StringBuilder();
			for (int i = 0; i < 8 && i < b.length; i += 2) {
				s.append(String.format("%02x%02x:", b[i], b[i + 1]));
			}
			return s + ":/64";
		}
		catch (java.net.UnknownHostException ex) {
			return address;
		}
	}

	/** A salted hash of any text (addresses, subnets, account ids): equal inputs, equal hashes; not reversible. */
	public String hash(String text) {
		return keys.derive("h|" + text, "");
	}

}
