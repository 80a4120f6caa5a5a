package vn.dvk.system;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Vietnamese first, English second: a visitor gets Vietnamese until they choose English with {@code ?lang=en},
 * which is remembered in a cookie; API callers may also ask with {@code Accept-Language: en}. Any other language
 * falls back to Vietnamese, so a page is never half in a third language.
 */
class DvkLocaleResolver implements LocaleResolver {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final String COOKIE = "lang";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return resolve(request);
	}

	static Locale resolve(HttpServletRequest request) {
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

	static Locale supported(String tag) {
		return tag != null && tag.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : VIETNAMESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (response == null) {
			return;
		}
		Locale chosen = locale == null ? VIETNAMESE : supported(locale.getLanguage());
		ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen.getLanguage())
			.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
			.maxAge(Duration.ofDays(365))
			.sameSite("Lax")
			.httpOnly(true)
			.secure(request.isSecure())
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

}
