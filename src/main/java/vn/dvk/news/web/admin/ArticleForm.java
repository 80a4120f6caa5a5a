package vn.dvk.news.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.dvk.news.ArticleDraft;
import vn.dvk.news.ArticleView;

/** The article form; related models are typed as ids or pasted as story links, one per line or comma. */
public class ArticleForm {

	private static final Pattern ID = Pattern.compile("(?:-|^)(\\d{1,18})(?:[/?#].*)?$");

	private String title;

	private String categoryCode;

	private String summary;

	private String bodyHtml;

	private String author;

	private String tags;

	private String models;

	private boolean featured;

	private String imageAlt;

	private String publishAt;

	private int version;

	static ArticleForm of(ArticleView a, String categoryCode) {
		ArticleForm f = new ArticleForm();
		f.title = a.summary().title();
		f.categoryCode = categoryCode;
		f.summary = a.summary().summary();
		f.bodyHtml = a.bodyHtml();
		f.author = a.summary().author();
		f.tags = String.join(", ", a.tags());
		f.models = String.join("\n", a.models().stream().map(m -> Long.toString(m.id())).toList());
		f.featured = a.summary().featured();
		f.imageAlt = a.summary().imageAlt();
		f.version = a.version();
		return f;
	}

	ArticleDraft draft() {
		return new ArticleDraft(title, categoryCode, summary, bodyHtml, author, tags, modelIds(), featured, imageAlt);
	}

	/** Ids from "12", "mo-hinh/ten-12" or a full story address; anything else is reported. */
	List<Long> modelIds() {
		List<Long> ids = new ArrayList<>();
		if (models == null) {
			return ids;
		}
		for (String part : models.split("[,;\\s]+")) {
			String p = part.strip();
			if (p.isEmpty()) {
				continue;
			}
			Matcher m = ID.matcher(p);
			if (!m.find()) {
				throw vn.dvk.shared.UserFacingException.field("models", "news.model.unreadable", p);
			}
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getCategoryCode() {
		return categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public String getSummary() {
		return summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getBodyHtml() {
		return bodyHtml;
	}

	public void setBodyHtml(String bodyHtml) {
		this.bodyHtml = bodyHtml;
	}

	public String getAuthor() {
		return author;
	}

	public void setAuthor(String author) {
		this.author = author;
	}

	public String getTags() {
		return tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public String getModels() {
		return models;
	}

	public void setModels(String models) {
		this.models = models;
	}

	public boolean isFeatured() {
		return featured;
	}

	public void setFeatured(boolean featured) {
		this.featured = featured;
	}

	public String getImageAlt() {
		return imageAlt;
	}

	public void setImageAlt(String imageAlt) {
		this.imageAlt = imageAlt;
	}

	public String getPublishAt() {
		return publishAt;
	}

	public void setPublishAt(String publishAt) {
		this.publishAt = publishAt;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
