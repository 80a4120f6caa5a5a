package vn.dvk.news;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.Permission;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Ownership;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.AfterCommit;
import vn.dvk.system.AuditLog;
import vn.dvk.documents.FileContent;
import vn.dvk.documents.Images;
import vn.dvk.shared.PageResult;
import vn.dvk.system.PublicContentChanged;
import vn.dvk.search.SearchIndex;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;
import vn.dvk.visits.ContentRef;
import vn.dvk.visits.VisitorStatistics;

/**
 * News: what the public sees (only visible articles: published, or scheduled for a time that has come) and what
 * editors do. Editors are EDITOR or PROVINCE_STAFF users (and ADMIN); an article belongs to its author's
 * organization and can be changed only within the editor's scope (an organization-scoped editor cannot touch
 * another organization's drafts; a province-scoped one can). Every change publishes {@link PublicContentChanged}
 * after the commit, so the page cache and the search index follow at once.
 */
@Service
public class NewsService {

	static final int TITLE_MAX = 300;

	static final int SLUG_MAX = 100;

	static final int SUMMARY_MAX = 1000;

	static final int BODY_MAX = 200_000;

	static final int[] WIDTHS = { 360, 720, 1200 };

	private final Articles articles;

	private final NewsIndex index;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final VisitorStatistics statistics;

	private final RegistryService registry;

	private final NewsSettings settings;

	private final ApplicationEventPublisher events;

	NewsService(Articles articles, NewsIndex index, AccessPolicy access, AuditLog audit, VisitorStatistics statistics,
			RegistryService registry, NewsSettings settings, ApplicationEventPublisher events) {
		this.articles = articles;
		this.index = index;
		this.access = access;
		this.audit = audit;
		this.statistics = statistics;
		this.registry = registry;
		this.settings = settings;
		this.events = events;
	}

	// --- public -------------------------------------------------------------------------------------------------

	public List<NewsCategory> categories() {
		return articles.categories();
	}

	public Optional<NewsCategory> category(String code) {
		return articles.categories().stream().filter(c -> c.code().equals(code)).findFirst();
	}

	/** Visible articles, newest first or, with words, best match first; with their view counts. */
	public PageResult<ArticleSummary> published(NewsQuery query, PageResult.Request page) {
		Instant now = Instant.now();
		Long categoryId = categoryId(query.category());
		if (query.category() != null && !query.category().isBlank() && categoryId == null) {
			return new PageResult<>(List.of(), 0, page.page(), page.size());
		}
		SearchIndex.Query words = SearchIndex.Query.of(query.q() == null ? "" : query.q());
		if (!words.isEmpty()) {
			List<Long> ids = index.search(words, categoryId, now);
			int from = (int) Math.min(ids.size(), page.offset());
			int to = Math.min(ids.size(), from + page.size());
			return new PageResult<>(withViews(articles.summaries(ids.subList(from, to))), ids.size(), page.page(),
					page.size());
		}
		List<ArticleSummary> items = articles.visible(categoryId, false, now, page.offset(), page.size());
		return new PageResult<>(withViews(items), articles.countVisible(categoryId, now), page.page(), page.size());
	}

	/** Every visible article, newest first (at most {@code limit}), for the sitemap. */
	public List<ArticleSummary> allPublished(int limit) {
		return articles.visible(null, false, Instant.now(), 0, limit);
	}

	public List<ArticleSummary> featured(int limit) {
		return withViews(articles.visible(null, true, Instant.now(), 0, limit));
	}

	public List<ArticleSummary> latest(int limit) {
		return withViews(articles.visible(null, false, Instant.now(), 0, limit));
	}

	/** The article as the public sees it: empty when it does not exist or is not visible now. */
	public Optional<ArticleView> findPublished(long id) {
		Instant now = Instant.now();
		return articles.find(id).filter(r -> r.summary().visibleAt(now)).map(this::view);
	}

	public List<ArticleSummary> related(ArticleView article, int limit) {
		return withViews(articles
			.summaries(articles.related(article.id(), article.summary().categoryId(), Instant.now(), limit)));
	}

	/** Visible articles about a model or exemplar, newest first. */
	public List<ArticleSummary> aboutModel(long modelId, int limit) {
		return articles.summaries(articles.aboutModel(modelId, Instant.now(), limit));
	}

	/** A public picture: the rendition closest to the width asked, when its article is visible. */
	public Optional<byte[]> publicImage(long imageId, int width) {
		if (!articles.imageVisible(imageId, Instant.now())) {
			return Optional.empty();
		}
		return articles.image(imageId, rendition(width));
	}

	static int rendition(int width) {
		for (int w : WIDTHS) {
			if (width <= w) {
				return w;
			}
		}
		return WIDTHS[WIDTHS.length - 1];
	}

	// --- back office --------------------------------------------------------------------------------------------

	public boolean canChange(DvkUser user, ArticleSummary article) {
		if (!access.allows(user, Permission.WRITE_NEWS)) {
			return false;
		}
		if (access.allows(user, Permission.EVERY_SCOPE)) {
			return true;
		}
		return article.organizationId() != null
				&& access.withinScope(user, Ownership.organization(article.organizationId()));
	}

	/** Articles of every status within the editor's scope, most recently changed first. */
	public PageResult<ArticleSummary> list(DvkUser user, NewsQuery query, PageResult.Request page) {
		requireEditor(user);
		Collection<Long> orgs = null;
		if (!access.allows(user, Permission.EVERY_SCOPE)) {
			orgs = articles.organizationsWithArticles()
				.stream()
				.filter(o -> access.withinScope(user, Ownership.organization(o)))
				.toList();
		}
		Long categoryId = categoryId(query.category());
		String title = query.q() == null || query.q().isBlank() ? null
				: VietnameseText.clean(query.q()).toLowerCase(vn.dvk.shared.VietnameseCollation.VIETNAMESE);
		List<ArticleSummary> items = articles.all(query.status(), categoryId, title, orgs, page.offset(), page.size());
		return new PageResult<>(withViews(items), articles.countAll(query.status(), categoryId, title, orgs),
				page.page(), page.size());
	}

	/** An article for editing or preview (any status), within the editor's scope. */
	public ArticleView get(DvkUser user, long id) {
		Articles.Row row = articles.find(id).orElseThrow(() -> UserFacingException.notFound("news.notFound"));
		if (!canChange(user, row.summary())) {
			throw new AccessDeniedException("news scope");
		}
		return view(row);
	}

	@Transactional
	public ArticleView create(DvkUser user, ArticleDraft draft) {
		requireEditor(user);
		ArticleDraft d = checked(draft);
		long categoryId = requireCategory(d.categoryCode());
		Long org = user.organizationId();
		if (org == null && !access.allows(user, Permission.EVERY_SCOPE)) {
			throw UserFacingException.badRequest("news.noOrganization");
		}
		Instant now = Instant.now();
		long id = articles.insert(d, slug(d.title()), NewsSanitizer.clean(d.bodyHtml()), categoryId, org,
				user.getUsername(), now);
		articles.setTags(id, tags(d.tags()));
		articles.setModels(id, modelIds(d.modelIds()));
		audit.record("news.create", "news_article", id, d.title());
		changed();
		return view(articles.find(id).orElseThrow());
	}

	@Transactional
	public ArticleView update(DvkUser user, long id, int version, ArticleDraft draft) {
		ArticleView current = get(user, id);
		ArticleDraft d = checked(draft);
		long categoryId = requireCategory(d.categoryCode());
		if (articles.update(id, version, d, slug(d.title()), NewsSanitizer.clean(d.bodyHtml()), categoryId,
				user.getUsername(), Instant.now()) == 0) {
			throw UserFacingException.conflict("news.stale");
		}
		articles.setTags(id, tags(d.tags()));
		articles.setModels(id, modelIds(d.modelIds()));
		audit.record("news.update", "news_article", id,
				current.summary().title().equals(d.title()) ? d.title() : current.summary().title() + " → " + d.title());
		changed();
		return view(articles.find(id).orElseThrow());
	}

	/** Publishes now (keeping the first publication time when it was published before). */
	@Transactional
	public ArticleView publish(DvkUser user, long id) {
		ArticleView a = get(user, id);
		Instant now = Instant.now();
		Instant at = a.summary().status() == ArticleStatus.UNPUBLISHED && a.summary().publishAt() != null
				&& !a.summary().publishAt().isAfter(now) ? a.summary().publishAt() : now;
		articles.setStatus(id, ArticleStatus.PUBLISHED, at, user.getUsername(), now);
		audit.record("news.publish", "news_article", id, a.summary().title());
		changed();
		return view(articles.find(id).orElseThrow());
	}

	/**
	 * Publishes with the date it first appeared elsewhere (an article brought from the portal's former CMS, or the
	 * demo's past news): the time must not lie in the future.
	 */
	@Transactional
	public ArticleView publishAsOf(DvkUser user, long id, Instant at) {
		ArticleView a = get(user, id);
		Instant now = Instant.now();
		if (at == null || at.isAfter(now)) {
			throw UserFacingException.field("publishAt", "news.publishAsOf.future");
		}
		articles.setStatus(id, ArticleStatus.PUBLISHED, at, user.getUsername(), now);
		audit.record("news.publish", "news_article", id, a.summary().title() + " @ " + at);
		changed();
		return view(articles.find(id).orElseThrow());
	}

	/** Publishes at a future time: invisible everywhere until then. */
	@Transactional
	public ArticleView schedule(DvkUser user, long id, Instant at) {
		ArticleView a = get(user, id);
		Instant now = Instant.now();
		if (at == null || !at.isAfter(now)) {
			throw UserFacingException.field("publishAt", "news.schedule.past");
		}
		articles.setStatus(id, ArticleStatus.SCHEDULED, at, user.getUsername(), now);
		audit.record("news.schedule", "news_article", id, a.summary().title() + " @ " + at);
		changed();
		return view(articles.find(id).orElseThrow());
	}

	@Transactional
	public ArticleView unpublish(DvkUser user, long id) {
		ArticleView a = get(user, id);
		articles.setStatus(id, ArticleStatus.UNPUBLISHED, a.summary().publishAt(), user.getUsername(), Instant.now());
		audit.record("news.unpublish", "news_article", id, a.summary().title());
		changed();
		return view(articles.find(id).orElseThrow());
	}

	/** Deletes an article that was never public (drafts); published ones are unpublished instead. */
	@Transactional
	public void delete(DvkUser user, long id) {
		ArticleView a = get(user, id);
		if (a.summary().status() != ArticleStatus.DRAFT) {
			throw UserFacingException.conflict("news.delete.notDraft");
		}
		articles.delete(id);
		audit.record("news.delete", "news_article", id, a.summary().title());
		changed();
	}

	/** Sets the featured image from an upload, checked by its bytes and stored in three widths. */
	@Transactional
	public ArticleView setImage(DvkUser user, long id, byte[] bytes) {
		get(user, id);
		if (bytes == null || bytes.length == 0) {
			throw UserFacingException.field("image", "news.image.empty");
		}
		long max = settings.imageMaxSize().toBytes();
		if (bytes.length > max) {
			throw UserFacingException.field("image", "news.image.tooLarge", max / (1024 * 1024));
		}
		FileContent kind = FileContent.detect(bytes);
		String type = switch (kind) {
			case JPEG -> "image/jpeg";
			case PNG -> "image/png";
			case WEBP -> "image/webp";
			default -> throw UserFacingException.field("image", "news.image.type");
		};
		BufferedImage image = Images.decode(bytes)
			.orElseThrow(() -> UserFacingException.field("image", "news.image.broken"));
		long imageId = articles.insertImage(type, Images.sha256(bytes), image.getWidth(), image.getHeight(), bytes,
				Images.jpeg(image, 360), Images.jpeg(image, 720), Images.jpeg(image, 1200), user.getUsername());
		articles.setImage(id, imageId);
		audit.record("news.image", "news_article", id, type + " " + image.getWidth() + "×" + image.getHeight());
		changed();
		return view(articles.find(id).orElseThrow());
	}

	@Transactional
	public ArticleView removeImage(DvkUser user, long id) {
		get(user, id);
		articles.setImage(id, null);
		audit.record("news.image.remove", "news_article", id, null);
		changed();
		return view(articles.find(id).orElseThrow());
	}

	/** An image of an article the editor may change (for previews of drafts). */
	public Optional<byte[]> imageForEditor(DvkUser user, long articleId, int width) {
		ArticleView a = get(user, articleId);
		return a.summary().imageId() == null ? Optional.empty() : articles.image(a.summary().imageId(), rendition(width));
	}

	/** Publishes scheduled articles whose time has come (they are visible already; this updates their status). */
	@Scheduled(fixedDelayString = "${dvk.news.schedule-check:PT30S}", initialDelayString = "PT10S")
	@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "news.publishDue", lockAtMostFor = "PT5M")
	@Transactional
	public void publishDue() {
		List<Long> due = articles.due(Instant.now());
		if (!due.isEmpty()) {
			articles.markPublished(due);
			changed();
		}
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	private void changed() {
		AfterCommit.run(() -> {
			index.invalidate();
			events.publishEvent(new PublicContentChanged("news"));
		});
	}

	private ArticleView view(Articles.Row row) {
		long id = row.summary().id();
		List<ArticleView.LinkedModel> models = new ArrayList<>();
		for (Long modelId : articles.modelIds(id)) {
			Optional<ModelView> m = registry.findPublic(modelId);
			m.ifPresent(v -> models.add(new ArticleView.LinkedModel(v.id(), v.name(), v.publicPath())));
		}
		long views = statistics.views(new ContentRef(ContentRef.NEWS, id));
		return new ArticleView(row.summary().withViews(views), row.bodyHtml(), articles.tags(id), models,
				row.createdBy(), row.updatedBy(), row.version());
	}

	private List<ArticleSummary> withViews(List<ArticleSummary> items) {
		if (items.isEmpty()) {
			return items;
		}
		Map<Long, Long> views = statistics.views(ContentRef.NEWS, items.stream().map(ArticleSummary::id).toList());
		return items.stream().map(s -> s.withViews(views.getOrDefault(s.id(), 0L))).toList();
	}

	private Long categoryId(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return category(code).map(NewsCategory::id).orElse(null);
	}

	private long requireCategory(String code) {
		return category(code == null ? "" : code).filter(NewsCategory::active)
			.map(NewsCategory::id)
			.orElseThrow(() -> UserFacingException.field("categoryCode", "news.category.required"));
	}

	private void requireEditor(DvkUser user) {
		access.require(user, Permission.WRITE_NEWS);
	}

	private static ArticleDraft checked(ArticleDraft d) {
		String title = VietnameseText.clean(d.title());
		if (VietnameseText.isBlank(title)) {
			throw UserFacingException.field("title", "news.title.required");
		}
		if (title.length() > TITLE_MAX) {
			throw UserFacingException.field("title", "news.title.tooLong", TITLE_MAX);
		}
		if (VietnameseText.slug(title, SLUG_MAX).isEmpty()) {
			throw UserFacingException.field("title", "news.title.noLetters");
		}
		String summary = VietnameseText.clean(d.summary());
		if (VietnameseText.isBlank(summary)) {
			throw UserFacingException.field("summary", "news.summary.required");
		}
		if (summary.length() > SUMMARY_MAX) {
			throw UserFacingException.field("summary", "news.summary.tooLong", SUMMARY_MAX);
		}
		String body = d.bodyHtml() == null ? "" : d.bodyHtml();
		if (body.length() > BODY_MAX) {
			throw UserFacingException.field("bodyHtml", "news.body.tooLong", BODY_MAX / 1000);
		}
		if (NewsSanitizer.text(NewsSanitizer.clean(body)).isBlank()) {
			throw UserFacingException.field("bodyHtml", "news.body.required");
		}
		String author = VietnameseText.clean(d.author());
		if (VietnameseText.isBlank(author)) {
			throw UserFacingException.field("author", "news.author.required");
		}
		if (author.length() > 120) {
			throw UserFacingException.field("author", "news.author.tooLong", 120);
		}
		for (String t : tags(d.tags())) {
			if (t.length() > 60) {
				throw UserFacingException.field("tags", "news.tag.tooLong", 60);
			}
		}
		String alt = d.imageAlt() == null ? null : VietnameseText.clean(d.imageAlt());
		if (alt != null && alt.length() > 300) {
			alt = alt.substring(0, 300);
		}
		return new ArticleDraft(title, d.categoryCode(), summary, body, author, d.tags(), d.modelIds(), d.featured(),
				alt == null || alt.isBlank() ? null : alt);
	}

	private List<Long> modelIds(List<Long> ids) {
		if (ids == null) {
			return List.of();
		}
		List<Long> valid = new ArrayList<>();
		for (Long id : ids) {
			if (id != null && !valid.contains(id)) {
				if (registry.findPublic(id).isEmpty()) {
					throw UserFacingException.field("modelIds", "news.model.notPublic", id);
				}
				valid.add(id);
			}
		}
		return valid;
	}

	static List<String> tags(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[,;\n]"))
			.map(VietnameseText::clean)
			.filter(t -> !VietnameseText.isBlank(t))
			.map(t -> t.toLowerCase(vn.dvk.shared.VietnameseCollation.VIETNAMESE))
			.distinct()
			.limit(12)
			.toList();
	}

	static String slug(String title) {
		return VietnameseText.slug(title, SLUG_MAX);
	}

}
