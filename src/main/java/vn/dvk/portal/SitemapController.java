package vn.dvk.portal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import vn.dvk.news.ArticleSummary;
import vn.dvk.news.NewsCategory;
import vn.dvk.news.NewsService;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelSummary;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SiteSettings;

/**
 * {@code /sitemap.xml} (public pages, published articles, recognized models: never drafts, scheduled or unpublished
 * articles) and {@code /robots.txt} (keeps robots out of the back office, the API and searches).
 */
@Controller
class SitemapController {

	/** A sitemap file holds at most 50,000 addresses. */
	static final int MAX_ARTICLES = 20_000;

	static final int MAX_MODELS = 20_000;

	private final NewsService news;

	private final RegistryService registry;

	private final SiteSettings site;

	SitemapController(NewsService news, RegistryService registry, SiteSettings site) {
		this.news = news;
		this.registry = registry;
		this.site = site;
	}

	@GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
	ResponseEntity<String> robots() {
		String body = """
				User-agent: *
				Disallow: /quan-tri
				Disallow: /tai-khoan
				Disallow: /dang-nhap
				Disallow: /api/
				Disallow: /tim-kiem
				Allow: /

				Sitemap: %s
				""".formatted(site.absolute("/sitemap.xml"));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).body(body);
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap() throws XMLStreamException {
		StringWriter out = new StringWriter();
		XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
		x.writeStartDocument("UTF-8", "1.0");
		x.writeStartElement("urlset");
		x.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
		url(x, "/", null);
		url(x, "/tin-tuc", null);
		for (NewsCategory c : news.categories()) {
			if (c.active()) {
				url(x, c.path(), null);
			}
		}
		url(x, "/mo-hinh", null);
		url(x, "/gioi-thieu", null);
		for (ArticleSummary a : news.allPublished(MAX_ARTICLES)) {
			url(x, a.path(), a.updatedAt());
		}
		int page = 0;
		int written = 0;
		while (written < MAX_MODELS) {
			PageResult<ModelSummary> models = registry.directory(
					new ModelQuery(null, null, null, null, null, null, null, null, null),
					new PageResult.Request(page++, PageResult.MAX_SIZE));
			for (ModelSummary m : models.items()) {
				url(x, m.publicPath(), m.updatedAt());
				written++;
			}
			if (!models.hasNext()) {
				break;
			}
		}
		x.writeEndElement();
		x.writeEndDocument();
		x.close();
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml;charset=UTF-8")).body(out.toString());
	}

	private void url(XMLStreamWriter x, String path, Instant modified) throws XMLStreamException {
		x.writeStartElement("url");
		x.writeStartElement("loc");
		x.writeCharacters(site.absolute(path));
		x.writeEndElement();
		if (modified != null) {
			x.writeStartElement("lastmod");
			x.writeCharacters(DateTimeFormatter.ISO_LOCAL_DATE.format(modified.atOffset(ZoneOffset.UTC)));
			x.writeEndElement();
		}
		x.writeEndElement();
	}

}
