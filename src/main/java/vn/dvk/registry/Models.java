package vn.dvk.registry;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.dvk.shared.VietnameseText;

/** Persistence of models and their children, with explicit SQL. */
@Repository
class Models {

	static final String VIEW_SELECT = """
			select m.*, o.name as organization_name, u.code as locality_code, u.name as locality_name
			from registry_model m
			join organization_directory o on o.id = m.organization_id
			join unit_directory u on u.id = m.locality_id""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final QualityRules quality;

	private final ModelCatalogue catalogue;

	Models(JdbcClient jdbc, JdbcTemplate jdbcTemplate, QualityRules quality, ModelCatalogue catalogue) {
		this.catalogue = catalogue;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.quality = quality;
	}

	/** Fields written by create and update. */
	record Row(ModelKind kind, SubjectType subjectType, String name, String fieldCode, long organizationId,
			long localityId, String phase, int startYear, ModelContent content, boolean measurable) {
	}

	long insert(Row r, ModelStatus status, String actor, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into registry_model (kind, subject_type, name, name_folded, slug, field_code, organization_id,
				    locality_id, phase, start_year, situation, goals, content_method, area_target, forces, resources,
				    timeline, outputs, sustainability, status, is_public, measurable, revision, version, created_at,
				    created_by, updated_at, updated_by)
				values (:kind, :subject, :name, :folded, :slug, :field, :org, :locality, :phase, :startYear,
				    :situation, :goals, :contentMethod, :areaTarget, :forces, :resources, :timeline, :outputs,
				    :sustainability, :status, :public, :measurable, 1, 0, :at, :actor, :at, :actor)""")
			.params(rowParams(r))
			.param("status", status.name())
			.param("public", status.isPublic())
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		catalogue.touched(id);
		return id;
	}

	/** Writes new content; false when the version is stale (someone else saved in between). */
	boolean update(long id, int version, Row r, String actor, Instant at) {
		catalogue.touched(id);
		return jdbc.sql("""
				update registry_model set kind = :kind, subject_type = :subject, name = :name, name_folded = :folded,
				    slug = :slug, field_code = :field, organization_id = :org, locality_id = :locality, phase = :phase,
				    start_year = :startYear, situation = :situation, goals = :goals, content_method = :contentMethod,
				    area_target = :areaTarget, forces = :forces, resources = :resources, timeline = :timeline,
				    outputs = :outputs, sustainability = :sustainability, measurable = :measurable,
				    revision = revision + 1, version = version + 1, updated_at = :at, updated_by = :actor
				where id = :id and version = :version""")
			.params(rowParams(r))
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	private static Map<String, Object> rowParams(Row r) {
		Map<String, Object> p = new HashMap<>();
		p.put("kind", r.kind().name());
		p.put("subject", r.subjectType().name());
		p.put("name", r.name());
		p.put("folded", truncate(VietnameseText.fold(r.name()), 300));
		p.put("slug", slug(r.name()));
		p.put("field", r.fieldCode());
		p.put("org", r.organizationId());
		p.put("locality", r.localityId());
		p.put("phase", r.phase());
		p.put("startYear", r.startYear());
		ModelContent c = r.content();
		p.put("situation", c.situation());
		p.put("goals", c.goals());
		p.put("contentMethod", c.contentMethod());
		p.put("areaTarget", c.areaTarget());
		p.put("forces", c.forces());
		p.put("resources", c.resources());
		p.put("timeline", c.timeline());
		p.put("outputs", c.outputs());
		p.put("sustainability", c.sustainability());
		p.put("measurable", r.measurable());
		return p;
	}

	static String slug(String name) {
		String slug = VietnameseText.slug(name, 100);
		return slug.isEmpty() ? "mo-hinh" : slug;
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	/** Moves to a status; false when the model changed in between (version check). */
	boolean setStatus(long id, int version, ModelStatus status, String actor, Instant at) {
		catalogue.touched(id);
		return jdbc.sql("""
				update registry_model set status = :status, is_public = :public, version = version + 1,
				    updated_at = :at, updated_by = :actor
				where id = :id and version = :version""")
			.param("status", status.name())
			.param("public", status.isPublic())
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	void setRecognition(long id, RecognitionLevel level, String decision, LocalDate date) {
		catalogue.touched(id);
		jdbc.sql("""
				update registry_model set recognition_level = :level, recognition_decision = :decision,
				    recognition_date = :date where id = :id""")
			.param("level", level.name())
			.param("decision", decision)
			.param("date", Date.valueOf(date))
			.param("id", id)
			.update();
	}

	void recordTransition(long id, ModelStatus from, ModelStatus to, String reason, String actor, Instant at) {
		jdbc.sql("""
				insert into registry_transition (model_id, from_status, to_status, reason, actor, occurred_at)
				values (:id, :from, :to, :reason, :actor, :at)""")
			.param("id", id)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("reason", reason)
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	void replaceIndicators(long id, List<Indicator> indicators) {
		jdbc.sql("delete from registry_indicator where model_id = :id").param("id", id).update();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < indicators.size(); i++) {
			Indicator ind = indicators.get(i);
			rows.add(new Object[] { id, i, ind.name(), ind.value(), ind.unit(),
					ind.asOf() == null ? null : Date.valueOf(ind.asOf()) });
		}
		if (!rows.isEmpty()) {
			jdbcTemplate.batchUpdate("""
					insert into registry_indicator (model_id, position, name, amount, unit, as_of)
					values (?, ?, ?, ?, ?, ?)""", rows);
		}
	}

	void replaceTags(long id, Set<String> focusAreas, Set<String> movements) {
		jdbc.sql("delete from registry_model_tag where model_id = :id").param("id", id).update();
		List<Object[]> rows = new ArrayList<>();
		focusAreas.forEach(c -> rows.add(new Object[] { id, CatalogueEntry.FOCUS_AREA, c }));
		movements.forEach(c -> rows.add(new Object[] { id, CatalogueEntry.MOVEMENT, c }));
		if (!rows.isEmpty()) {
			jdbcTemplate.batchUpdate("insert into registry_model_tag (model_id, list_kind, code) values (?, ?, ?)",
					rows);
		}
	}

	Optional<ModelView> find(long id) {
		Optional<ModelView> base = jdbc.sql(VIEW_SELECT + " where m.id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs, List.of(), Set.of(), Set.of()))
			.optional();
		if (base.isEmpty()) {
			return base;
		}
		List<Indicator> indicators = indicators(id);
		Set<String> focus = new LinkedHashSet<>();
		Set<String> movements = new LinkedHashSet<>();
		jdbc.sql("select list_kind, code from registry_model_tag where model_id = :id order by list_kind, code")
			.param("id", id)
			.query(rs -> {
				(CatalogueEntry.FOCUS_AREA.equals(rs.getString(1)) ? focus : movements).add(rs.getString(2));
			});
		ModelView v = base.get();
		return Optional.of(withChildren(v, indicators, focus, movements));
	}

	List<Indicator> indicators(long id) {
		return jdbc.sql("select name, amount, unit, as_of from registry_indicator where model_id = :id order by position")
			.param("id", id)
			.query((rs, n) -> new Indicator(rs.getString("name"), strip(rs.getBigDecimal("amount")),
					rs.getString("unit"), rs.getObject("as_of", LocalDate.class)))
			.list();
	}

	static BigDecimal strip(BigDecimal v) {
		if (v == null) {
			return null;
		}
		BigDecimal s = v.stripTrailingZeros();
		return s.scale() < 0 ? s.setScale(0) : s;
	}

	private ModelView withChildren(ModelView v, List<Indicator> indicators, Set<String> focus, Set<String> movements) {
		return new ModelView(v.id(), v.kind(), v.subjectType(), v.name(), v.slug(), v.fieldCode(), v.organizationId(),
				v.organizationName(), v.localityId(), v.localityCode(), v.localityName(), v.phase(), v.startYear(),
				v.content(), v.status(), v.recognitionLevel(), v.recognitionDecision(), v.recognitionDate(),
				v.replicaOf(), v.replicaCount(), v.spreadLocalities(), v.spreadOrganizations(), v.measurable(),
				v.lastResultDate(), v.coverEvidenceId(), v.revision(), v.version(), v.createdAt(), v.createdBy(),
				v.updatedAt(), v.updatedBy(), focus, movements, indicators, v.flags());
	}

	ModelView view(ResultSet rs, List<Indicator> indicators, Set<String> focus, Set<String> movements)
			throws SQLException {
		ModelContent content = content(rs);
		ModelStatus status = ModelStatus.valueOf(rs.getString("status"));
		LocalDate recognitionDate = rs.getObject("recognition_date", LocalDate.class);
		LocalDate lastResult = rs.getObject("last_result_date", LocalDate.class);
		boolean measurable = rs.getBoolean("measurable");
		int replicaCount = rs.getInt("replica_count");
		String level = rs.getString("recognition_level");
		return new ModelView(rs.getLong("id"), ModelKind.valueOf(rs.getString("kind")),
				SubjectType.valueOf(rs.getString("subject_type")), rs.getString("name"), rs.getString("slug"),
				rs.getString("field_code"), rs.getLong("organization_id"), rs.getString("organization_name"),
				rs.getLong("locality_id"), rs.getString("locality_code"), rs.getString("locality_name"),
				rs.getString("phase"), rs.getInt("start_year"), content, status,
				level == null ? null : RecognitionLevel.valueOf(level), rs.getString("recognition_decision"),
				recognitionDate, (Long) rs.getObject("replica_of", Long.class), replicaCount,
				rs.getInt("spread_localities"), rs.getInt("spread_organizations"), measurable, lastResult,
				(Long) rs.getObject("cover_evidence_id", Long.class), rs.getInt("revision"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), focus, movements, indicators,
				quality.flags(status, measurable, recognitionDate, lastResult, replicaCount, content));
	}

	static ModelContent content(ResultSet rs) throws SQLException {
		return new ModelContent(rs.getString("situation"), rs.getString("goals"), rs.getString("content_method"),
				rs.getString("area_target"), rs.getString("forces"), rs.getString("resources"),
				rs.getString("timeline"), rs.getString("outputs"), rs.getString("sustainability"));
	}

	/** Finds a model by the import's identity: same folded name, organization and start year. */
	Optional<Long> findByIdentity(String name, long organizationId, int startYear) {
		return jdbc.sql("""
				select id from registry_model
				where organization_id = :org and start_year = :year and name_folded = :folded
				order by id limit 1""")
			.param("org", organizationId)
			.param("year", startYear)
			.param("folded", truncate(VietnameseText.fold(name), 300))
			.query(Long.class)
			.optional();
	}

	Map<Long, ModelRef> refs(Collection<Long> ids) {
		Map<Long, ModelRef> out = new java.util.LinkedHashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		jdbc.sql("select id, kind, name, organization_id, locality_id, status, recognition_level from registry_model "
				+ "where id in (:ids) order by id")
			.param("ids", ids)
			.query(rs -> {
				String level = rs.getString(7);
				out.put(rs.getLong(1), new ModelRef(rs.getLong(1), ModelKind.valueOf(rs.getString(2)), rs.getString(3),
						rs.getLong(4), rs.getLong(5), ModelStatus.valueOf(rs.getString(6)),
						level == null ? null : RecognitionLevel.valueOf(level)));
			});
		return out;
	}

	Map<Long, ModelStatus> statuses(Collection<Long> ids) {
		Map<Long, ModelStatus> out = new HashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		jdbc.sql("select id, status from registry_model where id in (:ids)")
			.param("ids", ids)
			.query(rs -> {
				out.put(rs.getLong(1), ModelStatus.valueOf(rs.getString(2)));
			});
		return out;
	}

	/** A model's result updates with their values, newest first. */
	List<ResultUpdate> results(long id) {
		List<ResultUpdate> updates = jdbc
			.sql("select id, update_date, note, created_at, created_by from registry_result_update"
					+ " where model_id = :id order by update_date desc, id desc")
			.param("id", id)
			.query((rs, n) -> new ResultUpdate(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					new ArrayList<>(), rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
		if (updates.isEmpty()) {
			return updates;
		}
		java.util.Map<Long, ResultUpdate> byId = new java.util.HashMap<>();
		updates.forEach(u -> byId.put(u.id(), u));
		jdbc.sql("select update_id, name, amount, unit from registry_result_value where update_id in (:ids) order by id")
			.param("ids", byId.keySet())
			.query(rs -> {
				byId.get(rs.getLong(1))
					.values()
					.add(new Indicator(rs.getString(2), strip(rs.getBigDecimal(3)), rs.getString(4),
							byId.get(rs.getLong(1)).date()));
			});
		return updates;
	}

	List<ModelComment> comments(long id) {
		return jdbc.sql("select id, author, staff, body, created_at from registry_comment where model_id = :id"
				+ " order by created_at, id")
			.param("id", id)
			.query((rs, n) -> new ModelComment(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** The status changes of a model as history entries, oldest first. */
	List<HistoryEntry> transitions(long id) {
		return jdbc.sql("select from_status, to_status, reason, actor, occurred_at from registry_transition"
				+ " where model_id = :id order by occurred_at, id")
			.param("id", id)
			.query((rs, n) -> {
				String from = rs.getString(1);
				return new HistoryEntry(rs.getTimestamp(5).toInstant(), rs.getString(4), HistoryEntry.Type.TRANSITION,
						0, from == null ? null : ModelStatus.valueOf(from), ModelStatus.valueOf(rs.getString(2)),
						rs.getString(3), List.of());
			})
			.list();
	}

}
