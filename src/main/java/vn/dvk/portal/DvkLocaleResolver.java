package vn.dvk.portal;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

import vn.dvk.shared.RequestLocales;

/**
 * Vietnamese first, English second: a visitor gets Vietnamese until they choose English with {@code ?lang=en},
 * which is remembered in a cookie; API callers may also ask with {@code Accept-Language: en}. Any other language
 * falls back to Vietnamese, so a page is never half in a third language.
 */
class DvkLocaleResolver implements LocaleResolver {

	static final Locale VIETNAMESE = RequestLocales.VIETNAMESE;

	static final String COOKIE = RequestLocales.COOKIE;

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return resolve(request);
	}

	static Locale resolve(HttpServletRequest request) {
		return RequestLocales.resolve(request);
	}

	static Locale supported(String tag) {
		return RequestLocales.supported(tag);
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
