package vn.dvk.news.web;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

import vn.dvk.news.ArticleSummary;
import vn.dvk.news.ArticleView;
import vn.dvk.news.NewsCategory;
import vn.dvk.news.NewsQuery;
import vn.dvk.news.NewsService;
import vn.dvk.shared.PageMeta;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SiteSettings;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/** The public news pages: all news, a category, an article, pictures and RSS 2.0 feeds. */
@Controller
class NewsPublicController {

	static final int PAGE_SIZE = 10;

	private static final int FEED_SIZE = 30;

	private final NewsService news;

	private final SiteSettings site;

	NewsPublicController(NewsService news, SiteSettings site) {
		this.news = news;
		this.site = site;
	}

	@GetMapping("/tin-tuc")
	String all(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Locale locale,
			Model model) {
		return list(null, q, page, locale, model);
	}

	@GetMapping("/tin-tuc/chuyen-muc/{code}")
	String category(@PathVariable String code, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		NewsCategory category = news.category(code)
			.filter(NewsCategory::active)
			.orElseThrow(() -> UserFacingException.notFound("news.category.notFound"));
		return list(category, q, page, locale, model);
	}

	private String list(NewsCategory category, String q, int page, Locale locale, Model model) {
		String text = q == null ? null : VietnameseText.clean(q);
		if (text != null && text.length() > 200) {
			text = text.substring(0, 200);
		}
		PageResult<ArticleSummary> result = news.published(
				new NewsQuery(category == null ? null : category.code(), text, null),
				new PageResult.Request(Math.max(0, page), PAGE_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("category", category);
		model.addAttribute("q", text);
		addCategories(model, locale);
		String path = category == null ? "/tin-tuc" : category.path();
		model.addAttribute("feedPath", path + "/rss.xml");
		model.addAttribute("meta", new PageMeta(category == null ? null : category.name(locale), null,
				site.absolute(path + (page > 0 ? "?page=" + page : "")), null, "website"));
		return "news/list";
	}

	@GetMapping("/tin-tuc/{slugAndId:.+-\\d+}")
	Object article(@PathVariable String slugAndId, Locale locale, Model model) {
		int dash = slugAndId.lastIndexOf('-');
		long id;
		try {
			id = Long.parseLong(slugAndId.substring(dash + 1));
		}
		catch (NumberFormatException ex) {
			throw UserFacingException.notFound("news.notFound");
		}
		ArticleView article = news.findPublished(id).orElseThrow(() -> UserFacingException.notFound("news.notFound"));
		ArticleSummary s = article.summary();
		if (!s.slug().equals(slugAndId.substring(0, dash))) {
			// The title changed since the link was made: the id still finds the article.
			RedirectView redirect = new RedirectView(s.path());
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return redirect;
		}
		return show(article, locale, model, false);
	}

	/** The editors' preview: any status, exactly as the public page will look (the page is never cached). */
	@GetMapping("/quan-tri/tin-tuc/{id}/xem-truoc")
	String preview(@org.springframework.security.core.annotation.AuthenticationPrincipal vn.dvk.account.DvkUser user,
			@PathVariable long id, Locale locale, Model model) {
		return show(news.get(user, id), locale, model, true);
	}

	@GetMapping("/quan-tri/tin-tuc/{id}/anh")
	ResponseEntity<byte[]> previewImage(
			@org.springframework.security.core.annotation.AuthenticationPrincipal vn.dvk.account.DvkUser user,
			@PathVariable long id, @RequestParam(defaultValue = "720") int w) {
		byte[] bytes = news.imageForEditor(user, id, w).orElseThrow(() -> UserFacingException.notFound("news.image.notFound"));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(bytes);
	}

	/** Shared by the public page and the editors' preview. */
	String show(ArticleView article, Locale locale, Model model, boolean preview) {
		ArticleSummary s = article.summary();
		model.addAttribute("a", article);
		model.addAttribute("preview", preview);
		addCategories(model, locale);
		model.addAttribute("related", preview ? List.of() : news.related(article, 5));
		String url = site.absolute(s.path());
		model.addAttribute("shareUrl", url);
		model.addAttribute("meta", new PageMeta(s.title(), s.summary(), url,
				s.imageId() == null ? null : site.absolute("/tin-tuc/anh/" + s.imageId() + "?w=1200"), "article"));
		return "news/article";
	}

	private void addCategories(Model model, Locale locale) {
		List<NewsCategory> categories = news.categories().stream().filter(NewsCategory::active).toList();
		model.addAttribute("categories", categories);
		model.addAttribute("categoryNames", categories.stream()
			.collect(Collectors.toMap(NewsCategory::id, c -> c.name(locale))));
	}

	@GetMapping("/tin-tuc/anh/{imageId}")
	ResponseEntity<byte[]> image(@PathVariable long imageId, @RequestParam(defaultValue = "720") int w) {
		byte[] bytes = news.publicImage(imageId, w).orElseThrow(() -> UserFacingException.notFound("news.image.notFound"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
			.body(bytes);
	}

	@GetMapping(path = "/tin-tuc/rss.xml")
	ResponseEntity<String> feed(Locale locale) throws XMLStreamException, IOException {
		return rss(null, locale);
	}

	@GetMapping(path = "/tin-tuc/chuyen-muc/{code}/rss.xml")
	ResponseEntity<String> categoryFeed(@PathVariable String code, Locale locale)
			throws XMLStreamException, IOException {
		NewsCategory category = news.category(code)
			.filter(NewsCategory::active)
			.orElseThrow(() -> UserFacingException.notFound("news.category.notFound"));
		return rss(category, locale);
	}

	private ResponseEntity<String> rss(NewsCategory category, Locale locale) throws XMLStreamException, IOException {
		List<ArticleSummary> items = news
			.published(new NewsQuery(category == null ? null : category.code(), null, null),
					new PageResult.Request(0, FEED_SIZE))
			.items();
		Map<Long, NewsCategory> categories = news.categories()
			.stream()
			.collect(Collectors.toMap(NewsCategory::id, Function.identity()));
		StringWriter out = new StringWriter();
		XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
		x.writeStartDocument("UTF-8", "1.0");
		x.writeStartElement("rss");
		x.writeAttribute("version", "2.0");
		x.writeNamespace("atom", "http://www.w3.org/2005/Atom");
		x.writeStartElement("channel");
		String link = site.absolute(category == null ? "/tin-tuc" : category.path());
		element(x, "title", category == null ? site.name() : category.name(locale) + " – " + site.name());
		element(x, "link", link);
		element(x, "description", category == null ? site.name() : category.name(locale));
		element(x, "language", locale.getLanguage());
		x.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
		x.writeAttribute("href", link + "/rss.xml");
		x.writeAttribute("rel", "self");
		x.writeAttribute("type", "application/rss+xml");
		if (!items.isEmpty()) {
			element(x, "lastBuildDate", rfc822(items.get(0).publishAt()));
		}
		for (ArticleSummary a : items) {
			x.writeStartElement("item");
			element(x, "title", a.title());
			element(x, "link", site.absolute(a.path()));
			element(x, "description", a.summary());
			element(x, "author", a.author());
			NewsCategory c = categories.get(a.categoryId());
			if (c != null) {
				element(x, "category", c.name(locale));
			}
			x.writeStartElement("guid");
			x.writeAttribute("isPermaLink", "false");
			x.writeCharacters(site.absolute("/tin-tuc/" + a.id()));
			x.writeEndElement();
			element(x, "pubDate", rfc822(a.publishAt()));
			x.writeEndElement();
		}
		x.writeEndElement();
		x.writeEndElement();
		x.writeEndDocument();
		x.close();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8"))
			.body(out.toString());
	}

	private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeCharacters(text == null ? "" : text);
		x.writeEndElement();
	}

	private static String rfc822(java.time.Instant at) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
	}

}
