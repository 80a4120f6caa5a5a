package vn.dvk.portal;


import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;

import vn.dvk.system.PublicContentChanged;

/**
 * Rendered public pages for anonymous visitors, kept for a few seconds (ARCHITECTURE.md: public pages come from a
 * page cache). A crowd reading the directory or a story costs one rendering per page and language per interval,
 * not one per visitor.
 * <p>
 * Only plain GETs of public paths by visitors without a session, login or remember-me cookie are served from it,
 * and only complete 200 HTML answers that set no cookie and opened no session are kept, with their headers
 * (security headers included). Every {@link PublicContentChanged} (a model, a name, a setting; published after the
 * commit) starts a new generation, so a change shows at once; the time limit covers anything else. Runs before the
 * security filters: a hit costs a map lookup and a copy. Filters that must see every visit (visitor statistics)
 * go before this one.
 */
@Component
class PublicPageCache implements Filter, Ordered {

	/** Response header saying whether the page came from the cache ({@code hit}) or was rendered ({@code miss}). */
	static final String HEADER = "X-DVK-Cache";

	/** Request attribute marking a page rendered for a logged-in user: it is never kept. */
	static final String PERSONAL = PublicPageCache.class.getName() + ".personal";

	private static final List<String> SKIPPED_HEADERS = List.of(HttpHeaders.SET_COOKIE, HttpHeaders.CONTENT_LENGTH,
			HttpHeaders.DATE, HttpHeaders.TRANSFER_ENCODING, HEADER);

	private final boolean enabled;

	private final AtomicLong generation = new AtomicLong();

	private final Cache<Key, Page> pages;

	PublicPageCache(@Value("${dvk.page-cache.enabled:true}") boolean enabled,
			@Value("${dvk.page-cache.ttl:10s}") Duration ttl, @Value("${dvk.page-cache.max-mb:64}") int maxMegabytes) {
		this.enabled = enabled;
		this.pages = Caffeine.newBuilder()
			.expireAfterWrite(ttl)
			.maximumWeight(maxMegabytes * 1024L * 1024L)
			.<Key, Page>weigher((k, v) -> v.body().length + k.uri().length() * 2 + 256)
			.build();
	}

	private record Key(long generation, String language, String uri) {
	}

	private record Page(String contentType, byte[] body, List<String[]> headers) {
	}

	/**
	 * Right after the visit counter and before everything else (request context, security): a hit skips all of
	 * it, and replays the headers Spring Security added when the page was rendered.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 11;
	}

	@EventListener
	void on(PublicContentChanged event) {
		generation.incrementAndGet();
	}

	/** Drops every kept page (tests, administration). */
	void clear() {
		generation.incrementAndGet();
		pages.invalidateAll();
	}

	/** A plain filter (REQUEST dispatches only), like the visit counter before it: a hit pays for nothing else. */
	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
			chain.doFilter(req, res);
			return;
		}
		if (!enabled || !cacheable(request)) {
			chain.doFilter(request, response);
			return;
		}
		String query = request.getQueryString();
		Key key = new Key(generation.get(), vn.dvk.shared.RequestLocales.resolve(request).getLanguage(),
				request.getRequestURI() + (query == null ? "" : "?" + query));
		Page page = pages.getIfPresent(key);
		if (page != null) {
			write(page, response);
			return;
		}
		// Cookies set before this filter (the visitor cookie) are the outer filters' business, not the page's.
		int cookiesBefore = response.getHeaders(HttpHeaders.SET_COOKIE).size();
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		if (storable(request, wrapper, cookiesBefore)) {
			List<String[]> headers = new ArrayList<>();
			for (String name : wrapper.getHeaderNames()) {
				if (SKIPPED_HEADERS.stream().noneMatch(name::equalsIgnoreCase)) {
					for (String value : wrapper.getHeaders(name)) {
						headers.add(new String[] { name, value });
					}
				}
			}
			pages.put(key, new Page(wrapper.getContentType(), wrapper.getContentAsByteArray(), headers));
			wrapper.setHeader(HEADER, "miss");
		}
		wrapper.copyBodyToResponse();
	}

	private static void write(Page page, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		for (String[] h : page.headers()) {
			response.addHeader(h[0], h[1]);
		}
		response.setHeader(HEADER, "hit");
		response.setContentType(page.contentType());
		response.setContentLength(page.body().length);
		// Headers and body leave in one write.
		response.setBufferSize(page.body().length + 4096);
		response.getOutputStream().write(page.body());
	}

	/**
	 * Public paths worth keeping: home, directory, stories, news, feeds, sitemap, search, about. Not images (they
	 * carry their own HTTP caching), admin, API or forms.
	 */
	private static boolean publicPath(String path) {
		return path.equals("/") || path.equals("/mo-hinh") || path.equals("/gioi-thieu") || path.equals("/tin-tuc")
				|| path.equals("/bieu-duong") || path.startsWith("/bieu-duong/")
				|| path.equals("/tim-kiem") || path.equals("/sitemap.xml")
				|| (path.startsWith("/mo-hinh/") && !path.startsWith("/mo-hinh/anh/"))
				|| (path.startsWith("/tin-tuc/") && !path.startsWith("/tin-tuc/anh/"));
	}

	private static boolean storableType(String type) {
		return type != null && (type.startsWith("text/html") || type.startsWith("application/rss+xml")
				|| type.startsWith("application/xml"));
	}

	private static boolean cacheable(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter("lang") != null) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!publicPath(path)) {
			return false;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				String name = c.getName().toLowerCase(Locale.ROOT);
				if (name.equals("dvk_session") || name.equals("jsessionid") || name.equals("remember-me")) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean storable(HttpServletRequest request, ContentCachingResponseWrapper response,
			int cookiesBefore) {
		return response.getStatus() == HttpServletResponse.SC_OK && storableType(response.getContentType())
				&& response.getHeaders(HttpHeaders.SET_COOKIE).size() == cookiesBefore
				&& request.getSession(false) == null
				&& request.getAttribute(PERSONAL) == null;
	}

}
