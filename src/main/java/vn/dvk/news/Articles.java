package vn.dvk.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL of the news module. Public visibility is one condition: {@link #VISIBLE}. */
@Component
class Articles {

	/** Published, or scheduled for a time that has come (needs the {@code :now} parameter). */
	static final String VISIBLE = "a.status in ('PUBLISHED','SCHEDULED') and a.publish_at <= :now";

	private static final String SUMMARY_COLUMNS = """
			a.id, a.title, a.slug, a.summary, a.category_id, a.author, a.publish_at, a.image_id, a.image_alt,
			a.featured, a.status, a.organization_id, a.updated_at""";

	private final JdbcClient jdbc;

	Articles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- categories ---------------------------------------------------------------------------------------------

	List<NewsCategory> categories() {
		return jdbc.sql("select id, code, name_vi, name_en, sort_order, active from news_category order by sort_order, id")
			.query((rs, n) -> new NewsCategory(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getBoolean(6)))
			.list();
	}

	long insertCategory(String code, String nameVi, String nameEn, int order) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into news_category (code, name_vi, name_en, sort_order, active) values (?, ?, ?, ?, true)")
			.params(code, nameVi, nameEn, order)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateCategory(long id, String nameVi, String nameEn, int order, boolean active) {
		jdbc.sql("update news_category set name_vi = ?, name_en = ?, sort_order = ?, active = ? where id = ?")
			.params(nameVi, nameEn, order, active, id)
			.update();
	}

	// --- articles -----------------------------------------------------------------------------------------------

	record Row(ArticleSummary summary, String bodyHtml, String createdBy, String updatedBy, int version) {
	}

	long insert(ArticleDraft d, String slug, String body, long categoryId, Long organizationId, String actor,
			Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into news_article (category_id, organization_id, title, slug, summary, body_html, author,
				  image_alt, featured, status, publish_at, created_at, created_by, updated_at, updated_by, version)
				values (:category, :org, :title, :slug, :summary, :body, :author, :alt, :featured, 'DRAFT', null,
				  :now, :actor, :now, :actor, 0)""")
			.param("category", categoryId)
			.param("org", organizationId)
			.param("title", d.title())
			.param("slug", slug)
			.param("summary", d.summary())
			.param("body", body)
			.param("author", d.author())
			.param("alt", d.imageAlt())
			.param("featured", d.featured())
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Optimistic update: 0 when the version is stale. */
	int update(long id, int version, ArticleDraft d, String slug, String body, long categoryId, String actor,
			Instant now) {
		return jdbc.sql("""
				update news_article set category_id = :category, title = :title, slug = :slug, summary = :summary,
				  body_html = :body, author = :author, image_alt = :alt, featured = :featured, updated_at = :now,
				  updated_by = :actor, version = version + 1
				where id = :id and version = :version""")
			.param("category", categoryId)
			.param("title", d.title())
			.param("slug", slug)
			.param("summary", d.summary())
			.param("body", body)
			.param("author", d.author())
			.param("alt", d.imageAlt())
			.param("featured", d.featured())
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.param("id", id)
			.param("version", version)
			.update();
	}

	void setStatus(long id, ArticleStatus status, Instant publishAt, String actor, Instant now) {
		jdbc.sql("""
				update news_article set status = :status, publish_at = :at, updated_at = :now, updated_by = :actor,
				  version = version + 1 where id = :id""")
			.param("status", status.name())
			.param("at", publishAt == null ? null : Timestamp.from(publishAt))
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.param("id", id)
			.update();
	}

	void setImage(long id, Long imageId) {
		jdbc.sql("update news_article set image_id = ?, version = version + 1 where id = ?").params(imageId, id).update();
	}

	void delete(long id) {
		jdbc.sql("delete from news_article where id = ?").params(id).update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + ", a.body_html, a.created_by, a.updated_by, a.version "
				+ "from news_article a where a.id = ?")
			.params(id)
			.query((rs, n) -> new Row(summary(rs), rs.getString(14), rs.getString(15), rs.getString(16),
					rs.getInt(17)))
			.optional();
	}

	/** Summaries of these ids, in the order given (missing ids are skipped). */
	List<ArticleSummary> summaries(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, ArticleSummary> byId = new HashMap<>();
		jdbc.sql("select " + SUMMARY_COLUMNS + " from news_article a where a.id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> summary(rs))
			.list()
			.forEach(s -> byId.put(s.id(), s));
		List<ArticleSummary> list = new ArrayList<>();
		for (Long id : ids) {
			ArticleSummary s = byId.get(id);
			if (s != null) {
				list.add(s);
			}
		}
		return list;
	}

	/** One page of visible articles, newest first, optionally of one category or featured only. */
	List<ArticleSummary> visible(Long categoryId, boolean featuredOnly, Instant now, long offset, int limit) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from news_article a where " + VISIBLE
				+ (categoryId != null ? " and a.category_id = :category" : "") + (featuredOnly ? " and a.featured" : "")
				+ " order by a.publish_at desc, a.id desc limit :limit offset :offset")
			.param("now", Timestamp.from(now))
			.param("category", categoryId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> summary(rs))
			.list();
	}

	long countVisible(Long categoryId, Instant now) {
		return jdbc.sql("select count(*) from news_article a where " + VISIBLE
				+ (categoryId != null ? " and a.category_id = :category" : ""))
			.param("now", Timestamp.from(now))
			.param("category", categoryId)
			.query(Long.class)
			.single();
	}

	/** Back-office list: any status, within the given organizations ({@code null}: all). */
	List<ArticleSummary> all(ArticleStatus status, Long categoryId, String titleFolded, Collection<Long> orgs,
			long offset, int limit) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from news_article a where " + adminWhere(status, categoryId,
				titleFolded, orgs) + " order by a.updated_at desc, a.id desc limit :limit offset :offset")
			.params(adminParams(status, categoryId, titleFolded, orgs))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> summary(rs))
			.list();
	}

	long countAll(ArticleStatus status, Long categoryId, String titleFolded, Collection<Long> orgs) {
		return jdbc.sql("select count(*) from news_article a where " + adminWhere(status, categoryId, titleFolded, orgs))
			.params(adminParams(status, categoryId, titleFolded, orgs))
			.query(Long.class)
			.single();
	}

	private static String adminWhere(ArticleStatus status, Long categoryId, String titleFolded, Collection<Long> orgs) {
		StringBuilder where = new StringBuilder("1 = 1");
		if (status != null) {
			where.append(" and a.status = :status");
		}
		if (categoryId != null) {
			where.append(" and a.category_id = :category");
		}
		if (titleFolded != null) {
			where.append(" and lower(a.title) like :title");
		}
		if (orgs != null) {
			where.append(orgs.isEmpty() ? " and 1 = 0" : " and a.organization_id in (:orgs)");
		}
		return where.toString();
	}

	private static Map<String, Object> adminParams(ArticleStatus status, Long categoryId, String titleLike,
			Collection<Long> orgs) {
		Map<String, Object> p = new HashMap<>();
		p.put("status", status == null ? null : status.name());
		p.put("category", categoryId);
		p.put("title", titleLike == null ? null : "%" + titleLike + "%");
		p.put("orgs", orgs == null || orgs.isEmpty() ? List.of(-1L) : orgs);
		return p;
	}

	List<Long> organizationsWithArticles() {
		return jdbc.sql("select distinct organization_id from news_article where organization_id is not null")
			.query(Long.class)
			.list();
	}

	/** Scheduled articles whose time has come. */
	List<Long> due(Instant now) {
		return jdbc.sql("select id from news_article where status = 'SCHEDULED' and publish_at <= ?")
			.params(Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	void markPublished(List<Long> ids) {
		jdbc.sql("update news_article set status = 'PUBLISHED' where status = 'SCHEDULED' and id in (:ids)")
			.param("ids", ids)
			.update();
	}

	/** Everything that is or will be public, for the search index. */
	List<IndexRow> indexRows() {
		return jdbc.sql("""
				select a.id, a.title, a.summary, a.body_html, a.status, a.publish_at, a.category_id
				from news_article a where a.status in ('PUBLISHED','SCHEDULED') and a.publish_at is not null
				order by a.id""")
			.query((rs, n) -> new IndexRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(6).toInstant(), rs.getLong(7)))
			.list();
	}

	record IndexRow(long id, String title, String summary, String bodyHtml, Instant publishAt, long categoryId) {
	}

	// --- tags and linked models ---------------------------------------------------------------------------------

	List<String> tags(long id) {
		return jdbc.sql("select tag from news_tag where article_id = ? order by tag").params(id).query(String.class).list();
	}

	void setTags(long id, Collection<String> tags) {
		jdbc.sql("delete from news_tag where article_id = ?").params(id).update();
		for (String t : new LinkedHashSet<>(tags)) {
			jdbc.sql("insert into news_tag (article_id, tag) values (?, ?)").params(id, t).update();
		}
	}

	List<Long> modelIds(long id) {
		return jdbc.sql("select model_id from news_article_model where article_id = ? order by model_id")
			.params(id)
			.query(Long.class)
			.list();
	}

	void setModels(long id, Collection<Long> modelIds) {
		jdbc.sql("delete from news_article_model where article_id = ?").params(id).update();
		for (Long m : new LinkedHashSet<>(modelIds)) {
			jdbc.sql("insert into news_article_model (article_id, model_id) values (?, ?)").params(id, m).update();
		}
	}

	/** Visible articles sharing a tag with this one (most shared tags first), then of its category. */
	List<Long> related(long id, long categoryId, Instant now, int limit) {
		List<Long> ids = new ArrayList<>(jdbc.sql("""
				select a.id from news_article a join news_tag t on t.article_id = a.id
				where t.tag in (select tag from news_tag where article_id = :id) and a.id <> :id""" + " and " + VISIBLE
				+ " group by a.id, a.publish_at order by count(*) desc, a.publish_at desc limit :limit")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(Long.class)
			.list());
		if (ids.size() < limit) {
			for (ArticleSummary s : visible(categoryId, false, now, 0, limit + 1)) {
				if (s.id() != id && !ids.contains(s.id()) && ids.size() < limit) {
					ids.add(s.id());
				}
			}
		}
		return ids;
	}

	/** Visible articles about a model, newest first. */
	List<Long> aboutModel(long modelId, Instant now, int limit) {
		return jdbc.sql("select a.id from news_article a join news_article_model m on m.article_id = a.id "
				+ "where m.model_id = :model and " + VISIBLE + " order by a.publish_at desc limit :limit")
			.param("model", modelId)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	// --- images -------------------------------------------------------------------------------------------------

	long insertImage(String contentType, String sha256, int width, int height, byte[] original, byte[] w360,
			byte[] w720, byte[] w1200, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into news_image (content_type, sha256, width, height, original, w360, w720, w1200, created_at,
				  created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(contentType, sha256, width, height, original, w360, w720, w1200, Timestamp.from(Instant.now()), actor)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A rendition: 360, 720 or 1200 pixels wide (JPEG). */
	Optional<byte[]> image(long id, int width) {
		String column = switch (width) {
			case 360 -> "w360";
			case 720 -> "w720";
			default -> "w1200";
		};
		return jdbc.sql("select " + column + " from news_image where id = ?").params(id).query(byte[].class).optional();
	}

	/** Whether the image illustrates an article visible at {@code now} (unpublished pictures are not public). */
	boolean imageVisible(long imageId, Instant now) {
		return jdbc.sql("select count(*) from news_article a where a.image_id = :image and " + VISIBLE)
			.param("image", imageId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
	}

	private static ArticleSummary summary(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp(7);
		long image = rs.getLong(8);
		Long imageId = rs.wasNull() ? null : image;
		long org = rs.getLong(12);
		Long orgId = rs.wasNull() ? null : org;
		return new ArticleSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				rs.getString(6), at == null ? null : at.toInstant(), imageId, rs.getString(9), rs.getBoolean(10),
				ArticleStatus.valueOf(rs.getString(11)), orgId, rs.getTimestamp(13).toInstant(), 0);
	}

}
