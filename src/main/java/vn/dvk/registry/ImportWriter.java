package vn.dvk.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import vn.dvk.account.DvkUser;
import vn.dvk.locality.Locality;
import vn.dvk.locality.OrganizationView;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;

/**
 * The writing half of a model import: finds the models the rows name, inserts new ones, updates changed ones
 * (recording a recognition the file brings), writes their transitions and version snapshots in batches, refreshes the
 * catalogue and announces the recognized ones ({@link ModelsImported}, one event per chunk).
 */
@Component
class ImportWriter {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final ModelCatalogue catalogue;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	ImportWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ModelCatalogue catalogue, JsonMapper json,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.catalogue = catalogue;
		this.json = json;
		this.events = events;
	}

	/** A checked row ready to write. */
	record Candidate(int row, String name, ModelKind kind, SubjectType subject, CatalogueEntry field,
			OrganizationView organization, Locality locality, int startYear, String phase, ModelContent content,
			LocalDate recognitionDate, String recognitionDecision, RecognitionLevel recognitionLevel) {

		String identity() {
			return organization.id() + "|" + startYear + "|" + VietnameseText.fold(name);
		}

		boolean recognized() {
			return recognitionDate != null;
		}

	}

	record Existing(long id, int version, ModelStatus status, ModelContent content, String name,
			String fieldCode, long localityId, String phase, String kind, String subject) {
	}

	/**
	 * The models the file's rows name (same organization, start year and folded name), read in two steps: the
	 * identities of the rows' organizations' models (small columns), then the full rows of those that match only.
	 */
	Map<String, Existing> existing(List<Candidate> candidates) {
		Set<String> wanted = new java.util.HashSet<>();
		Set<Long> orgIds = new LinkedHashSet<>();
		candidates.forEach(c -> {
			wanted.add(c.identity());
			orgIds.add(c.organization().id());
		});
		Map<Long, String> matched = new HashMap<>();
		Set<String> found = new java.util.HashSet<>();
		for (List<Long> chunk : chunks(List.copyOf(orgIds), 500)) {
			jdbc.sql("select id, organization_id, start_year, name_folded from registry_model"
					+ " where organization_id in (:orgs) order by id")
				.param("orgs", chunk)
				.query(rs -> {
					String key = rs.getLong("organization_id") + "|" + rs.getInt("start_year") + "|"
							+ rs.getString("name_folded");
					if (wanted.contains(key) && found.add(key)) {
						matched.put(rs.getLong("id"), key);
					}
				});
		}
		Map<String, Existing> out = new HashMap<>();
		for (List<Long> chunk : chunks(List.copyOf(matched.keySet()), 500)) {
			jdbc.sql("select * from registry_model where id in (:ids)").param("ids", chunk).query(rs -> {
				out.put(matched.get(rs.getLong("id")), new Existing(rs.getLong("id"), rs.getInt("version"),
						ModelStatus.valueOf(rs.getString("status")), Models.content(rs), rs.getString("name"),
						rs.getString("field_code"), rs.getLong("locality_id"), rs.getString("phase"),
						rs.getString("kind"), rs.getString("subject_type")));
			});
		}
		return out;
	}

	static boolean changed(Existing e, Candidate c) {
		return !Objects.equals(e.content(), c.content()) || !e.name().equals(c.name())
				|| !e.fieldCode().equals(c.field().code()) || e.localityId() != c.locality().id()
				|| !e.phase().equals(c.phase()) || !e.kind().equals(c.kind().name())
				|| !e.subject().equals(c.subject().name()) || (c.recognized() && !e.status().isRecognized());
	}

	void write(DvkUser user, List<Candidate> candidates, Map<String, Existing> existing, String filename,
			IntConsumer progress) {
		Instant now = Instant.now();
		String actor = user == null ? vn.dvk.system.AuditLog.SYSTEM : user.getUsername();
		Timestamp at = Timestamp.from(now);
		String reason = "Nhập từ tệp " + (filename == null ? "" : filename);
		List<Object[]> transitions = new ArrayList<>();
		List<Object[]> versions = new ArrayList<>();
		List<Long> written = new ArrayList<>();
		List<Long> recognized = new ArrayList<>();
		int done = 0;
		for (Candidate c : candidates) {
			Existing e = existing.get(c.identity());
			boolean measurable = MeasureExtractor.hasMeasure(c.content().outputs());
			long id;
			int revision;
			if (e == null) {
				ModelStatus status = c.recognized() ? ModelStatus.RECOGNIZED : ModelStatus.SUBMITTED;
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into registry_model (kind, subject_type, name, name_folded, slug, field_code,
						    organization_id, locality_id, phase, start_year, situation, goals, content_method,
						    area_target, forces, resources, timeline, outputs, sustainability, status, is_public,
						    recognition_level, recognition_decision, recognition_date, measurable, revision, version,
						    created_at, created_by, updated_at, updated_by)
						values (:kind, :subject, :name, :folded, :slug, :field, :org, :locality, :phase, :year,
						    :situation, :goals, :contentMethod, :areaTarget, :forces, :resources, :timeline, :outputs,
						    :sustainability, :status, :public, :level, :decision, :date, :measurable, 1, 0, :at,
						    :actor, :at, :actor)""")
					.params(params(c))
					.param("status", status.name())
					.param("public", status.isPublic())
					.param("measurable", measurable)
					.param("at", at)
					.param("actor", actor)
					.update(keys, "id");
				id = keys.getKey().longValue();
				revision = 1;
				if (c.recognized()) {
					recognized.add(id);
				}
				transitions.add(new Object[] { id, null, status.name(),
						c.recognized() ? c.recognitionDecision() + " – " + VietnameseFormats.date(c.recognitionDate())
								: reason,
						actor, at });
			}
			else if (changed(e, c)) {
				id = e.id();
				revision = jdbc.sql("select revision from registry_model where id = :id").param("id", id)
					.query(Integer.class)
					.single() + 1;
				boolean recognize = c.recognized() && !e.status().isRecognized();
				jdbc.sql("""
						update registry_model set kind = :kind, subject_type = :subject, name = :name,
						    name_folded = :folded, slug = :slug, field_code = :field, locality_id = :locality,
						    phase = :phase, situation = :situation, goals = :goals, content_method = :contentMethod,
						    area_target = :areaTarget, forces = :forces, resources = :resources, timeline = :timeline,
						    outputs = :outputs, sustainability = :sustainability,
						    measurable = (measurable or :measurable), revision = revision + 1, version = version + 1,
						    updated_at = :at, updated_by = :actor
						where id = :id""")
					.params(params(c))
					.param("measurable", measurable)
					.param("at", at)
					.param("actor", actor)
					.param("id", id)
					.update();
				if (recognize) {
					jdbc.sql("""
							update registry_model set status = 'RECOGNIZED', is_public = true, recognition_level = :level,
							    recognition_decision = :decision, recognition_date = :date where id = :id""")
						.params(params(c))
						.param("id", id)
						.update();
					recognized.add(id);
					transitions.add(new Object[] { id, e.status().name(), ModelStatus.RECOGNIZED.name(),
							c.recognitionDecision() + " – " + VietnameseFormats.date(c.recognitionDate()), actor, at });
				}
			}
			else {
				continue;
			}
			versions.add(new Object[] { id, revision, json.writeValueAsString(snapshot(c)), actor, at });
			written.add(id);
			done++;
			if (done % PROGRESS_STEP == 0) {
				flush(transitions, versions);
				progress.accept(done);
			}
		}
		flush(transitions, versions);
		catalogue.touched(written);
		for (int from = 0; from < recognized.size(); from += EVENT_CHUNK) {
			events.publishEvent(new ModelsImported(
					List.copyOf(recognized.subList(from, Math.min(recognized.size(), from + EVENT_CHUNK)))));
		}
		progress.accept(done);
	}

	private void flush(List<Object[]> transitions, List<Object[]> versions) {
		if (!transitions.isEmpty()) {
			jdbcTemplate.batchUpdate("""
					insert into registry_transition (model_id, from_status, to_status, reason, actor, occurred_at)
					values (?, ?, ?, ?, ?, ?)""", transitions);
			transitions.clear();
		}
		if (!versions.isEmpty()) {
			jdbcTemplate.batchUpdate("""
					insert into registry_version (model_id, revision, snapshot, changed_by, changed_at)
					values (?, ?, ?, ?, ?)""", versions);
			versions.clear();
		}
	}

	private static Map<String, Object> params(Candidate c) {
		Map<String, Object> p = new HashMap<>();
		p.put("kind", c.kind().name());
		p.put("subject", c.subject().name());
		p.put("name", c.name());
		String folded = VietnameseText.fold(c.name());
		p.put("folded", folded.length() > 300 ? folded.substring(0, 300) : folded);
		p.put("slug", Models.slug(c.name()));
		p.put("field", c.field().code());
		p.put("org", c.organization().id());
		p.put("locality", c.locality().id());
		p.put("phase", c.phase());
		p.put("year", c.startYear());
		ModelContent m = c.content();
		p.put("situation", m.situation());
		p.put("goals", m.goals());
		p.put("contentMethod", m.contentMethod());
		p.put("areaTarget", m.areaTarget());
		p.put("forces", m.forces());
		p.put("resources", m.resources());
		p.put("timeline", m.timeline());
		p.put("outputs", m.outputs());
		p.put("sustainability", m.sustainability());
		p.put("level", c.recognitionLevel() == null ? null : c.recognitionLevel().name());
		p.put("decision", c.recognitionDecision());
		p.put("date", c.recognitionDate() == null ? null : Date.valueOf(c.recognitionDate()));
		return p;
	}

	private static Map<String, String> snapshot(Candidate c) {
		Map<String, String> s = new LinkedHashMap<>();
		s.put("name", c.name());
		s.put("kind", c.kind().name());
		s.put("subjectType", c.subject().name());
		s.put("field", c.field().code());
		s.put("organization", c.organization().name());
		s.put("locality", c.locality().name() + " (" + c.locality().code() + ")");
		s.put("phase", c.phase());
		s.put("startYear", String.valueOf(c.startYear()));
		for (ContentItem item : ContentItem.values()) {
			s.put(item.property(), c.content().get(item) == null ? "" : c.content().get(item));
		}
		s.put("focusAreas", "");
		s.put("movements", "");
		s.put("indicators", "");
		return s;
	}

	private static <T> List<List<T>> chunks(List<T> list, int size) {
		List<List<T>> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i += size) {
			out.add(list.subList(i, Math.min(list.size(), i + size)));
		}
		return out;
	}

	private static final int PROGRESS_STEP = 250;

	/** How many recognized ids one {@link ModelsImported} event carries at most. */
	private static final int EVENT_CHUNK = 1000;

}
