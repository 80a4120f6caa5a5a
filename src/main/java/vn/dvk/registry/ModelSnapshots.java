package vn.dvk.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.dvk.shared.VietnameseFormats;

/**
 * Every saved state of a model as a readable snapshot (field → text), so the history page can show who changed
 * what and nothing is ever overwritten without a trace.
 */
@Component
class ModelSnapshots {

	/** Fields of a snapshot in display order; texts among them get a word diff. */
	static final List<String> FIELDS;

	static final List<String> TEXT_FIELDS;

	static {
		List<String> fields = new ArrayList<>(List.of("name", "kind", "subjectType", "field", "organization",
				"locality", "phase", "startYear"));
		List<String> texts = new ArrayList<>(List.of("name"));
		for (ContentItem item : ContentItem.values()) {
			fields.add(item.property());
			texts.add(item.property());
		}
		fields.addAll(List.of("focusAreas", "movements", "indicators"));
		FIELDS = List.copyOf(fields);
		TEXT_FIELDS = List.copyOf(texts);
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ModelSnapshots(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	static Map<String, String> snapshot(ModelView m) {
		Map<String, String> s = new LinkedHashMap<>();
		s.put("name", m.name());
		s.put("kind", m.kind().name());
		s.put("subjectType", m.subjectType().name());
		s.put("field", m.fieldCode());
		s.put("organization", m.organizationName());
		s.put("locality", m.localityName() + " (" + m.localityCode() + ")");
		s.put("phase", m.phase());
		s.put("startYear", String.valueOf(m.startYear()));
		for (ContentItem item : ContentItem.values()) {
			s.put(item.property(), m.content().get(item) == null ? "" : m.content().get(item));
		}
		s.put("focusAreas", String.join(", ", new TreeSet<>(m.focusAreas())));
		s.put("movements", String.join(", ", new TreeSet<>(m.movements())));
		List<String> indicators = new ArrayList<>();
		for (Indicator i : m.indicators()) {
			indicators.add(i.name() + ": " + VietnameseFormats.number(i.value()) + " " + i.unit()
					+ (i.asOf() == null ? "" : " (" + VietnameseFormats.date(i.asOf()) + ")"));
		}
		s.put("indicators", String.join("; ", indicators));
		return s;
	}

	void save(ModelView m, String actor, Instant at) {
		jdbc.sql("""
				insert into registry_version (model_id, revision, snapshot, changed_by, changed_at)
				values (:id, :revision, :snapshot, :actor, :at)""")
			.param("id", m.id())
			.param("revision", m.revision())
			.param("snapshot", json.writeValueAsString(snapshot(m)))
			.param("actor", actor)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Versions oldest first, each with the changes from the one before. */
	List<HistoryEntry> versions(long modelId) {
		List<Object[]> rows = jdbc
			.sql("select revision, snapshot, changed_by, changed_at from registry_version where model_id = :id"
					+ " order by revision")
			.param("id", modelId)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant() })
			.list();
		List<HistoryEntry> out = new ArrayList<>();
		Map<String, String> previous = Map.of();
		for (Object[] row : rows) {
			Map<String, String> current = json.readValue((String) row[1], new TypeReference<Map<String, String>>() {
			});
			List<HistoryEntry.Change> changes = new ArrayList<>();
			for (String field : FIELDS) {
				String before = previous.getOrDefault(field, "");
				String after = current.getOrDefault(field, "");
				if (!Objects.equals(before, after)) {
					changes.add(new HistoryEntry.Change(field, before, after,
							TEXT_FIELDS.contains(field) ? TextDiff.diff(before, after) : List.of()));
				}
			}
			out.add(new HistoryEntry((Instant) row[3], (String) row[2], HistoryEntry.Type.VERSION, (Integer) row[0],
					null, null, null, changes));
			previous = current;
		}
		return out;
	}

}
