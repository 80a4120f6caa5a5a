package vn.dvk.news;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The safe HTML subset of article bodies, enforced by jsoup's cleaner (an allow-list: anything not listed, such as
 * scripts, event handlers, inline styles, classes, frames or {@code javascript:} links, is removed). Links keep
 * http, https and mailto targets and open with {@code rel="noopener nofollow"}; images keep http(s) sources and
 * the portal's own {@code /tin-tuc/anh/} and {@code /mo-hinh/anh/} paths.
 */
final class NewsSanitizer {

	private static final Safelist SAFELIST = new Safelist()
		.addTags("p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i", "u", "s", "sub", "sup",
				"blockquote", "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr",
				"th", "td", "hr")
		.addAttributes("a", "href", "title")
		.addAttributes("img", "src", "alt", "width", "height")
		.addAttributes("th", "colspan", "rowspan", "scope")
		.addAttributes("td", "colspan", "rowspan")
		.addAttributes("ol", "start")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addProtocols("img", "src", "http", "https")
		.addEnforcedAttribute("a", "rel", "noopener nofollow")
		.preserveRelativeLinks(true);

	private static final String BASE = "https://portal.invalid";

	private NewsSanitizer() {
	}

	/** The clean body; relative links survive only when they point into the portal. */
	static String clean(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document dirty = Jsoup.parseBodyFragment(html, BASE);
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		for (Element img : clean.select("img[src]")) {
			String src = img.attr("src");
			if (src.startsWith(BASE)) {
				src = src.substring(BASE.length());
			}
			if (!(src.startsWith("https://") || src.startsWith("http://") || src.startsWith("/tin-tuc/anh/")
					|| src.startsWith("/mo-hinh/anh/"))) {
				img.remove();
				continue;
			}
			img.attr("src", src);
			img.attr("loading", "lazy");
		}
		for (Element a : clean.select("a[href]")) {
			String href = a.attr("href");
			if (href.startsWith(BASE)) {
				a.attr("href", href.substring(BASE.length()));
			}
		}
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

	/** The words of a body, for search and for summaries. */
	static String text(String html) {
		return html == null ? "" : Jsoup.parseBodyFragment(html).text();
	}

}
