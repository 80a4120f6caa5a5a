package vn.dvk.news;

import java.time.Instant;

/** An article in a list: enough for a card, a feed item or a search hit. */
public record ArticleSummary(long id, String title, String slug, String summary, long categoryId, String author,
		Instant publishAt, Long imageId, String imageAlt, boolean featured, ArticleStatus status, Long organizationId,
		Instant updatedAt, long views) {

	/** The public address: {@code /tin-tuc/{slug}-{id}}. */
	public String path() {
		return "/tin-tuc/" + slug + "-" + id;
	}

	ArticleSummary withViews(long v) {
		return new ArticleSummary(id, title, slug, summary, categoryId, author, publishAt, imageId, imageAlt, featured,
				status, organizationId, updatedAt, v);
	}

	/** Visible to the public at {@code now}: published, or scheduled for a time that has come. */
	public boolean visibleAt(Instant now) {
		return (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED) && publishAt != null
				&& !publishAt.isAfter(now);
	}

}
