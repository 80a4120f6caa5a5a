package vn.dvk.demo;


import vn.dvk.news.ArticleStatus;

import vn.dvk.news.ArticleView;

import vn.dvk.news.NewsService;

import vn.dvk.news.ArticleDraft;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.account.AccessScope;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelSummary;
import vn.dvk.registry.RegistryService;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SettingsStore;
import vn.dvk.system.SiteSettings;
import vn.dvk.system.SystemActor;

/**
 * Demo news written for this project ({@code demo/news.json}): loaded once, after the demo models, through the news
 * service (so bodies are sanitized and images resized like an editor's), dated in the past as the file says, one of
 * them scheduled for the coming days. Articles belong to the committee's own organization.
 */
@Component
@Order(50)
class NewsDemoData implements ApplicationRunner {

	static final String MARKER = "demo-data.news";

	private static final Logger log = LoggerFactory.getLogger(NewsDemoData.class);

	private final boolean enabled;

	private final NewsService news;

	private final RegistryService registry;

	private final OrganizationService organizations;

	private final SettingsStore settings;

	private final SiteSettings site;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	NewsDemoData(@Value("${dvk.demo-data:true}") boolean enabled, NewsService news,
			RegistryService registry, OrganizationService organizations, SettingsStore settings, SiteSettings site,
			TransactionTemplate tx, JsonMapper json) {
		this.enabled = enabled;
		this.news = news;
		this.registry = registry;
		this.organizations = organizations;
		this.settings = settings;
		this.site = site;
		this.tx = tx;
		this.json = json;
	}

	record DemoArticle(String category, String title, String summary, String bodyHtml, String author,
			List<String> tags, int daysAgo, boolean featured, String image, List<String> models,
			Integer scheduledInDays) {
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!enabled || settings.get(MARKER).isPresent()) {
			return;
		}
		ClassPathResource resource = new ClassPathResource("demo/news.json");
		if (!resource.exists()) {
			return;
		}
		List<DemoArticle> all;
		try (InputStream in = resource.getInputStream()) {
			all = json.readValue(in, new TypeReference<List<DemoArticle>>() {
			});
		}
		Long org = organizations.search(new OrganizationQuery(site.name(), null, null, false), new PageResult.Request(0, 5))
			.items()
			.stream()
			.filter(o -> o.name().equals(site.name()))
			.map(OrganizationView::id)
			.findFirst()
			.orElse(null);
		DvkUser system = DvkUser.of(0, AuditLog.SYSTEM, "Hệ thống", EnumSet.of(Role.ADMIN), AccessScope.PROVINCE, org);
		long started = System.nanoTime();
		SystemActor.run(() -> tx.executeWithoutResult(status -> load(all, system)));
		log.info("Loaded {} demo news articles in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
	}

	private void load(List<DemoArticle> all, DvkUser system) {
		Instant now = Instant.now();
		long seed = 101;
		// Oldest first, so ids grow with publication dates as they would have.
		List<DemoArticle> ordered = new ArrayList<>(all);
		ordered.sort((a, b) -> Integer.compare(b.daysAgo(), a.daysAgo()));
		for (DemoArticle d : ordered) {
			ArticleView a = news.create(system, new ArticleDraft(d.title(), d.category(), d.summary(), d.bodyHtml(),
					d.author(), d.tags() == null ? null : String.join(",", d.tags()), modelIds(d.models()),
					d.featured(), d.image() == null ? null : d.title()));
			if (d.image() != null) {
				news.setImage(system, a.id(), Illustrations.draw(d.image(), seed++));
			}
			if (d.scheduledInDays() != null) {
				news.schedule(system, a.id(), now.plus(Duration.ofDays(d.scheduledInDays())));
			}
			else {
				// Spread a little over the day, so the times look like a newsroom's.
				Instant at = now.minus(Duration.ofDays(d.daysAgo())).minus(Duration.ofMinutes(37L * (seed % 9)));
				news.publishAsOf(system, a.id(), at);
			}
		}
		settings.put(MARKER, now.toString());
	}

	/** Registry ids of the public models with these exact names (others are left out). */
	private List<Long> modelIds(List<String> names) {
		List<Long> ids = new ArrayList<>();
		if (names == null) {
			return ids;
		}
		for (String name : names) {
			registry.directory(new ModelQuery(name, null, null, null, null, null, null, null, null),
					new PageResult.Request(0, 20))
				.items()
				.stream()
				.filter(m -> m.name().equals(name))
				.map(ModelSummary::id)
				.findFirst()
				.ifPresent(ids::add);
		}
		return ids;
	}

}
