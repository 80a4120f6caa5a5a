package vn.dvk.news;

import java.util.List;

/**
 * What an editor writes. {@code bodyHtml} is sanitized on save; {@code tags} is a comma-separated list;
 * {@code modelIds} are registry ids of the models/exemplars the article is about.
 */
public record ArticleDraft(String title, String categoryCode, String summary, String bodyHtml, String author,
		String tags, List<Long> modelIds, boolean featured, String imageAlt) {
}
