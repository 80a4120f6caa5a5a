package vn.dvk.news.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvk.account.DvkUser;
import vn.dvk.news.ArticleDraft;
import vn.dvk.news.ArticleSummary;
import vn.dvk.news.ArticleView;
import vn.dvk.news.NewsCategory;
import vn.dvk.news.NewsQuery;
import vn.dvk.news.NewsService;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SiteSettings;
import vn.dvk.shared.UserFacingException;

/** Published news as open data; editors may also create articles (HTTP Basic). */
@RestController
@RequestMapping("/api/v1/news")
@Tag(name = "Tin tức")
class NewsApiController {

	private final NewsService news;

	private final SiteSettings site;

	NewsApiController(NewsService news, SiteSettings site) {
		this.news = news;
		this.site = site;
	}

	record NewsItem(long id, String title, String slug, String summary, Instant publishedAt, String author, long views,
			String url) {
	}

	record NewsPage(List<NewsItem> items, long total, int page, int size) {
	}

	record NewsArticle(long id, String title, String slug, String summary, Instant publishedAt, String author,
			long views, String url, String category, String bodyHtml, List<String> tags,
			List<ArticleView.LinkedModel> models, String imageUrl) {
	}

	/** What an editor sends; {@code publish} publishes at once, {@code publishAt} schedules. */
	record NewArticle(String title, String category, String summary, String bodyHtml, String author,
			List<String> tags, List<Long> modelIds, Boolean featured, Boolean publish, Instant publishAt) {
	}

	@Operation(summary = "Tin đã đăng, mới nhất trước (hoặc khớp nhất khi có q)")
	@GetMapping
	NewsPage list(@RequestParam(required = false) String category, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageResult<ArticleSummary> result = news.published(new NewsQuery(category, q, null),
				PageResult.Request.of(page, size));
		return new NewsPage(result.items().stream().map(this::item).toList(), result.total(), result.page(),
				result.size());
	}

	@Operation(summary = "Một bài đã đăng, với số lượt xem")
	@GetMapping("/{id}")
	NewsArticle one(@PathVariable long id) {
		return article(news.findPublished(id).orElseThrow(() -> UserFacingException.notFound("news.notFound")));
	}

	@Operation(summary = "Tạo bài (biên tập viên): bản nháp, đăng ngay hoặc hẹn giờ")
	@PostMapping
	ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal DvkUser user, @RequestBody NewArticle body) {
		ArticleView a = news.create(user, new ArticleDraft(body.title(), body.category(), body.summary(),
				body.bodyHtml(), body.author(), body.tags() == null ? null : String.join(",", body.tags()),
				body.modelIds(), Boolean.TRUE.equals(body.featured()), null));
		if (body.publishAt() != null) {
			a = news.schedule(user, a.id(), body.publishAt());
		}
		else if (Boolean.TRUE.equals(body.publish())) {
			a = news.publish(user, a.id());
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("id", a.id(), "status", a.summary().status().name(), "url", site.absolute(a.summary().path())));
	}

	private NewsItem item(ArticleSummary s) {
		return new NewsItem(s.id(), s.title(), s.slug(), s.summary(), s.publishAt(), s.author(), s.views(),
				site.absolute(s.path()));
	}

	private NewsArticle article(ArticleView a) {
		ArticleSummary s = a.summary();
		Map<Long, String> codes = news.categories()
			.stream()
			.collect(Collectors.toMap(NewsCategory::id, NewsCategory::code));
		return new NewsArticle(s.id(), s.title(), s.slug(), s.summary(), s.publishAt(), s.author(), s.views(),
				site.absolute(s.path()), codes.get(s.categoryId()), a.bodyHtml(), a.tags(), a.models(),
				Optional.ofNullable(s.imageId()).map(i -> site.absolute("/tin-tuc/anh/" + i + "?w=1200")).orElse(null));
	}

}
