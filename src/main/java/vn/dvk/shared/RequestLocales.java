package vn.dvk.shared;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The language of a request: Vietnamese first, English second. {@code ?lang=en} or the {@code lang} cookie choose
 * English; API callers may also ask with {@code Accept-Language: en}. Any other language falls back to Vietnamese,
 * so a page is never half in a third language. Used by the locale resolver and by code that answers before Spring
 * MVC runs (filters).
 */
public final class RequestLocales {

	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	public static final String COOKIE = "lang";

	private RequestLocales() {
	}

	public static Locale resolve(HttpServletRequest request) {
		String param = request.getParameter("lang");
		if (param != null) {
			return supported(param);
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (COOKIE.equals(c.getName())) {
					return supported(c.getValue());
				}
			}
		}
		String uri = request.getRequestURI();
		String accept = request.getHeader("Accept-Language");
		if (uri != null && uri.startsWith(request.getContextPath() + "/api/") && accept != null
				&& accept.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
			return Locale.ENGLISH;
		}
		return VIETNAMESE;
	}

	public static Locale supported(String tag) {
		return tag != null && tag.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : VIETNAMESE;
	}

}
