package vn.dvk.news;

/**
 * Where an article stands. A SCHEDULED article becomes visible by itself at its publication time (the status is
 * turned into PUBLISHED shortly after, for the lists of the back office); UNPUBLISHED ones answer 404.
 */
public enum ArticleStatus {

	DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED;

	public String messageKey() {
		return "news.status." + name();
	}

}
