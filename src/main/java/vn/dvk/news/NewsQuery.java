package vn.dvk.news;

/** Filters of news lists: category code, words, and (back office only) status. */
public record NewsQuery(String category, String q, ArticleStatus status) {

	public static NewsQuery all() {
		return new NewsQuery(null, null, null);
	}

}
