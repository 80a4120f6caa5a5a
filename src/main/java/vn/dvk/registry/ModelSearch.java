package vn.dvk.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.account.ScopeFilter;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.SearchIndex;
import vn.dvk.shared.VietnameseText;

/**
 * The registry's lists: the staff queue, the officer's own list, the public directory and the API, all one query
 * with filters, visibility, optional ranked full-text search and paging. No N+1: one query for the page, one for
 * its count, one for the snippets of a search page.
 */
@Component
class ModelSearch {

	/** Who is looking: the public (public models only), or a user's scope, optionally plus public models. */
	record Visibility(boolean publicModels, ScopeFilter scope) {

		static Visibility publicOnly() {
			return new Visibility(true, new ScopeFilter.Nothing());
		}

	}

	private static final String SUMMARY_COLUMNS = """
			m.id, m.kind, m.subject_type, m.name, m.slug, m.field_code, m.organization_id, m.phase, m.start_year,
			m.status, m.recognition_level, m.recognition_date, m.cover_evidence_id, m.spread_localities,
			m.spread_organizations, m.measurable, m.last_result_date, m.replica_count, m.updated_at,
			length(trim(coalesce(m.situation, ''))) as l_situation, length(trim(coalesce(m.goals, ''))) as l_goals,
			length(trim(coalesce(m.content_method, ''))) as l_content_method,
			length(trim(coalesce(m.area_target, ''))) as l_area_target, length(trim(coalesce(m.forces, ''))) as l_forces,
			length(trim(coalesce(m.resources, ''))) as l_resources, length(trim(coalesce(m.timeline, ''))) as l_timeline,
			length(trim(coalesce(m.outputs, ''))) as l_outputs,
			length(trim(coalesce(m.sustainability, ''))) as l_sustainability,
			o.name as organization_name, u.code as locality_code, u.name as locality_name""";

	private final JdbcClient jdbc;

	private final SearchIndex index;

	private final QualityRules quality;

	private final LocalityService localities;

	private final NamedParameterJdbcTemplate streaming;

	ModelSearch(JdbcClient jdbc, SearchIndex index, QualityRules quality, LocalityService localities,
			DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate cursor = new JdbcTemplate(dataSource);
		cursor.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(cursor);
		this.index = index;
		this.quality = quality;
		this.localities = localities;
	}

	/** The pieces of a list query: joins for a text search, the WHERE clause and its parameters. */
	private record Built(String joins, String where, String score, Map<String, Object> params, List<String> words) {
	}

	private static final String FROM = " from registry_model m join organization o on o.id = m.organization_id"
			+ " join administrative_unit u on u.id = m.locality_id";

	/** Empty when a filter names something that does not exist (no row can match). */
	private Optional<Built> build(ModelQuery q, Visibility visibility) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder(" where ").append(visible(visibility, params));
		SearchIndex.Match match = VietnameseText.isBlank(q.text()) ? null
				: index.match(SearchIndex.REGISTRY_MODEL, q.text(), "m.id");
		if (match != null && match.isEmpty()) {
			match = null;
		}
		if (!VietnameseText.isBlank(q.fieldCode())) {
			where.append(" and m.field_code = :field");
			params.put("field", q.fieldCode().trim());
		}
		if (!VietnameseText.isBlank(q.localityCode())) {
			Optional<Locality> unit = localities.findByCode(q.localityCode().trim());
			if (unit.isEmpty()) {
				return Optional.empty();
			}
			where.append(" and ").append(underUnit("fu", unit.get().id(), params));
		}
		if (q.organizationId() != null) {
			where.append(" and m.organization_id = :org");
			params.put("org", q.organizationId());
		}
		if (!VietnameseText.isBlank(q.phase())) {
			where.append(" and m.phase = :phase");
			params.put("phase", q.phase().trim());
		}
		if (q.statuses() != null && !q.statuses().isEmpty()) {
			where.append(" and m.status in (:statuses)");
			params.put("statuses", q.statuses().stream().map(Enum::name).toList());
		}
		if (q.subjectType() != null) {
			where.append(" and m.subject_type = :subject");
			params.put("subject", q.subjectType().name());
		}
		if (q.kind() != null) {
			where.append(" and m.kind = :kind");
			params.put("kind", q.kind().name());
		}
		if (q.flag() != null) {
			where.append(" and ").append(quality.condition(q.flag(), params));
		}
		if (match == null) {
			return Optional.of(new Built("", where.toString(), "0", params, List.of()));
		}
		params.putAll(match.params());
		return Optional.of(new Built(match.joins(), where.toString(), match.score(), params, match.words()));
	}

	private static final java.util.regex.Pattern USES_ORGANIZATION = java.util.regex.Pattern.compile("(^|[^a-z_])o\\.");

	private static final java.util.regex.Pattern USES_UNIT = java.util.regex.Pattern.compile("(^|[^a-z_])u\\.");

	/**
	 * One page in two steps: the ids of the page (ordered, from the narrowest query that can answer), then the rows
	 * of those ids only. The database never computes display columns, nor reads long texts, for rows off the page.
	 */
	PageResult<ModelSummary> search(ModelQuery q, Visibility visibility, PageResult.Request page) {
		Optional<Built> built = build(q, visibility);
		if (built.isEmpty()) {
			return new PageResult<>(List.of(), 0, page.page(), page.size());
		}
		Built b = built.get();
		String from = " from registry_model m"
				+ (USES_ORGANIZATION.matcher(b.where()).find() ? " join organization o on o.id = m.organization_id" : "")
				+ (USES_UNIT.matcher(b.where()).find() ? " join administrative_unit u on u.id = m.locality_id" : "");
		long total = jdbc.sql("select count(*)" + from + b.joins() + b.where())
			.params(b.params())
			.query(Long.class)
			.single();
		if (total == 0) {
			return new PageResult<>(List.of(), 0, page.page(), page.size());
		}
		String order = !b.words().isEmpty() ? " order by score desc, m.updated_at desc, m.id desc"
				: visibility.publicModels() && visibility.scope() instanceof ScopeFilter.Nothing
						? " order by m.recognition_date desc, m.id desc"
						: " order by m.updated_at desc, m.id desc";
		List<Long> ids = jdbc
			.sql("select m.id, " + b.score() + " as score" + from + b.joins() + b.where() + order
					+ " limit :limit offset :offset")
			.params(b.params())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> rs.getLong(1))
			.list();
		if (ids.isEmpty()) {
			return new PageResult<>(List.of(), total, page.page(), page.size());
		}
		List<String> words = b.words();
		Map<Long, ModelSummary> byId = new HashMap<>();
		jdbc.sql("select " + SUMMARY_COLUMNS + FROM + " where m.id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> summary(rs, words))
			.list()
			.forEach(m -> byId.put(m.id(), m));
		List<ModelSummary> items = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
		if (!words.isEmpty()) {
			items = withSnippets(items, words);
		}
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/**
	 * Every model the query selects, one at a time, in code order: for exports. Rows are fetched in chunks from a
	 * cursor (PostgreSQL needs the caller's read-only transaction for that), never all at once.
	 */
	void export(ModelQuery q, Visibility visibility, java.util.function.Consumer<ModelSpreadsheets.Row> sink) {
		Optional<Built> built = build(q, visibility);
		if (built.isEmpty()) {
			return;
		}
		Built b = built.get();
		String sql = "select m.*, o.name as organization_name, u.code as locality_code, u.name as locality_name"
				+ FROM + b.joins() + b.where() + " order by m.id";
		streaming.query(sql, b.params(), rs -> {
			ModelContent content = Models.content(rs);
			ModelStatus status = ModelStatus.valueOf(rs.getString("status"));
			LocalDate recognitionDate = rs.getObject("recognition_date", LocalDate.class);
			String level = rs.getString("recognition_level");
			sink.accept(new ModelSpreadsheets.Row(rs.getLong("id"), ModelKind.valueOf(rs.getString("kind")),
					SubjectType.valueOf(rs.getString("subject_type")), rs.getString("name"),
					rs.getString("field_code"), rs.getString("locality_code"), rs.getString("locality_name"),
					rs.getString("organization_name"), rs.getInt("start_year"), rs.getString("phase"), content,
					recognitionDate, rs.getString("recognition_decision"),
					level == null ? null : RecognitionLevel.valueOf(level), status,
					quality.flags(status, rs.getBoolean("measurable"), recognitionDate,
							rs.getObject("last_result_date", LocalDate.class), rs.getInt("replica_count"), content)));
		});
	}

	/** The visibility condition on alias {@code m}. */
	String visible(Visibility v, Map<String, Object> params) {
		String scope = scopeCondition(v.scope(), params);
		if (v.publicModels()) {
			return scope == null ? "m.is_public = true" : "(m.is_public = true or " + scope + ")";
		}
		return scope == null ? "1 = 0" : scope;
	}

	private String scopeCondition(ScopeFilter scope, Map<String, Object> params) {
		if (scope instanceof ScopeFilter.Everything) {
			return "1 = 1";
		}
		if (scope instanceof ScopeFilter.LocalitiesUnder l) {
			return underUnit("su", l.unitId(), params);
		}
		if (scope instanceof ScopeFilter.OrganizationsUnder o) {
			params.put("so", o.organizationId());
			return "(o.id = :so or o.parent_id = :so or o.parent_id in (select x.id from organization x"
					+ " where x.parent_id = :so or x.parent_id in (select y.id from organization y where y.parent_id = :so)))";
		}
		return null;
	}

	/** Models located in the unit or below it (at most three levels: province, former district, commune). */
	private static String underUnit(String name, long unitId, Map<String, Object> params) {
		params.put(name, unitId);
		return "(u.id = :" + name + " or u.parent_id = :" + name + " or u.parent_id in (select pu.id from"
				+ " administrative_unit pu where pu.parent_id = :" + name + "))";
	}

	private ModelSummary summary(ResultSet rs, List<String> words) throws SQLException {
		ModelStatus status = ModelStatus.valueOf(rs.getString("status"));
		LocalDate recognitionDate = rs.getObject("recognition_date", LocalDate.class);
		String level = rs.getString("recognition_level");
		String name = rs.getString("name");
		return new ModelSummary(rs.getLong("id"), ModelKind.valueOf(rs.getString("kind")),
				SubjectType.valueOf(rs.getString("subject_type")), name, rs.getString("slug"),
				rs.getString("field_code"), rs.getLong("organization_id"), rs.getString("organization_name"),
				rs.getString("locality_code"), rs.getString("locality_name"), rs.getString("phase"),
				rs.getInt("start_year"), status, level == null ? null : RecognitionLevel.valueOf(level), recognitionDate,
				(Long) rs.getObject("cover_evidence_id", Long.class), rs.getInt("spread_localities"),
				rs.getInt("spread_organizations"),
				quality.flags(status, rs.getBoolean("measurable"), recognitionDate,
						rs.getObject("last_result_date", LocalDate.class), rs.getInt("replica_count"),
						lengths(rs)),
				rs.getTimestamp("updated_at").toInstant(),
				words.isEmpty() ? List.of(new SearchIndex.Segment(name, false)) : SearchIndex.highlight(name, words),
				List.of());
	}

	/** The items' lengths, enough for the thin-content rule without loading the texts. */
	private static int[] lengths(ResultSet rs) throws SQLException {
		ContentItem[] items = ContentItem.values();
		int[] lengths = new int[items.length];
		for (int i = 0; i < items.length; i++) {
			lengths[i] = rs.getInt("l_" + items[i].column());
		}
		return lengths;
	}

	private List<ModelSummary> withSnippets(List<ModelSummary> items, List<String> words) {
		if (items.isEmpty()) {
			return items;
		}
		Map<Long, ModelContent> contents = new HashMap<>();
		jdbc.sql("select * from registry_model where id in (:ids)")
			.param("ids", items.stream().map(ModelSummary::id).toList())
			.query(rs -> {
				contents.put(rs.getLong("id"), Models.content(rs));
			});
		return items.stream().map(s -> {
			ModelContent c = contents.get(s.id());
			List<SearchIndex.Segment> snippet = c == null ? List.of() : SearchIndex.snippet(c.joined(), words, 220);
			return new ModelSummary(s.id(), s.kind(), s.subjectType(), s.name(), s.slug(), s.fieldCode(),
					s.organizationId(), s.organizationName(), s.localityCode(), s.localityName(), s.phase(),
					s.startYear(), s.status(), s.recognitionLevel(), s.recognitionDate(), s.coverEvidenceId(),
					s.spreadLocalities(), s.spreadOrganizations(), s.flags(), s.updatedAt(), s.nameSegments(),
					snippet);
		}).toList();
	}

}
