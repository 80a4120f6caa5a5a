package vn.dvk.visits;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import vn.dvk.shared.VietnameseFormats;

/**
 * Counts every public page a person views, before the page cache (a page served from the cache is counted like a
 * rendered one) and without touching the database: a page view per day, a view of the content the page shows (see
 * {@link ViewTarget}), a visit when the view starts one, and the visitor's presence. Only successful GETs of HTML
 * pages by people count: not the back office, the API, files, feeds, errors or known robots ({@link BotList}).
 * Nothing a client sends is taken as a count; the visitor cookie only says who the visitor is, and only when we
 * signed it.
 * <p>
 * A browser that arrives without a valid cookie gets a fresh random one, and its page view counts, but no visit
 * yet: the visit is confirmed when the cookie comes back, on the next page or at once through the page's script
 * ({@link #CONFIRM_PATH}, sent only while the "just issued" marker cookie is there). So every browser is its own
 * visitor however many share an address and a browser version, while a client that never returns cookies (most
 * robots, scripts, link previews) adds page views and never a visit, whatever address or User-Agent it uses.
 */
@Component
class VisitFilter implements Filter, Ordered {

	/** The page cache comes right after ({@code ORDER + 1}). */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final List<String> NOT_COUNTED = List.of("/api/", "/quan-tri", "/tai-khoan", "/dang-nhap",
			"/dang-xuat", "/actuator", "/webjars/", "/css/", "/js/", "/img/", "/error", "/swagger-ui", "/v3/");

	/** Where the page's script confirms a visit whose cookie was just issued (dvk.js). */
	static final String CONFIRM_PATH = "/api/v1/visits/confirm";

	private final VisitorKeys keys;

	private final BotList bots;

	private final VisitCounters counters;

	private final VisitorActivity activity;

	private final ObjectProvider<ViewTarget> targetProvider;

	private volatile List<ViewTarget> targets;

	VisitFilter(VisitorKeys keys, BotList bots, VisitCounters counters, VisitorActivity activity,
			ObjectProvider<ViewTarget> targets) {
		this.keys = keys;
		this.bots = bots;
		this.counters = counters;
		this.activity = activity;
		this.targetProvider = targets;
	}

	/** Among the very first filters, just before the page cache: a cached page costs as little as possible. */
	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * A plain filter, not a {@code OncePerRequestFilter}: registered for REQUEST dispatches only, it runs once per
	 * request anyway, and skips the request-attribute bookkeeping a cached page would pay for.
	 */
	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
			chain.doFilter(req, res);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		if ("POST".equals(request.getMethod()) && CONFIRM_PATH.equals(path)) {
			confirm(request, response, userAgent);
			return;
		}
		if (!"GET".equals(request.getMethod()) || !counted(path)) {
			chain.doFilter(request, response);
			return;
		}
		String key = keys.fromCookie(cookie(request));
		boolean bot = bots.isBot(userAgent);
		if (key == null) {
			// Robots get a device cookie too (polls need one; headless browsers are robots by name), never a count.
			VisitorKeys.Issued issued = keys.issue(request.isSecure());
			response.addHeader(HttpHeaders.SET_COOKIE, issued.setCookie());
			response.addHeader(HttpHeaders.SET_COOKIE, issued.setNewMarker());
			if (!bot && member(request)) {
				key = issued.key(); // a logged-in session came back with its cookie: a person, counted at once
			}
		}
		chain.doFilter(request, response);
		String type = response.getContentType();
		if (bot || response.getStatus() != HttpServletResponse.SC_OK || type == null || !type.startsWith("text/html")) {
			return;
		}
		java.time.LocalDate day = VietnameseFormats.today();
		if (key != null) {
			seen(request, key, day);
		}
		counters.pageView(day, target(path));
	}

	/** The script of a page whose cookie was just issued says the browser kept it: the visit starts now. */
	private void confirm(HttpServletRequest request, HttpServletResponse response, String userAgent) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.addHeader(HttpHeaders.SET_COOKIE, VisitorKeys.clearNewMarker(request.isSecure()));
		String key = keys.fromCookie(cookie(request));
		if (key != null && !bots.isBot(userAgent)) {
			seen(request, key, VietnameseFormats.today());
		}
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
	}

	private void seen(HttpServletRequest request, String key, java.time.LocalDate day) {
		if (activity.seen(key, member(request), System.currentTimeMillis())) {
			counters.visit(day);
		}
	}

	private static boolean counted(String path) {
		for (String prefix : NOT_COUNTED) {
			if (path.startsWith(prefix)) {
				return false;
			}
		}
		return true;
	}

	private static String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (VisitorKeys.COOKIE.equals(c.getName())) {
					return c.getValue();
				}
			}
		}
		return null;
	}

	/** A logged-in user: the security context in their session (this filter runs outside Spring Security's). */
	private static boolean member(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Object context = session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (context instanceof SecurityContext c) {
			Authentication auth = c.getAuthentication();
			return auth != null && auth.isAuthenticated();
		}
		return false;
	}

	private ContentRef target(String path) {
		List<ViewTarget> list = targets;
		if (list == null) {
			list = targetProvider.orderedStream().toList();
			targets = list;
		}
		for (ViewTarget t : list) {
			ContentRef ref = t.target(path);
			if (ref != null) {
				return ref;
			}
		}
		return null;
	}

}
