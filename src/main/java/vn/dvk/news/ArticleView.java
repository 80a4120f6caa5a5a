package vn.dvk.news;

import java.util.List;

/** A whole article: its summary, the sanitized body, tags and the models/exemplars it is about. */
public record ArticleView(ArticleSummary summary, String bodyHtml, List<String> tags, List<LinkedModel> models,
		String createdBy, String updatedBy, int version) {

	/** A model or exemplar the article is about, with its public address when it is public. */
	public record LinkedModel(long id, String name, String path) {
	}

	public long id() {
		return summary.id();
	}

}
