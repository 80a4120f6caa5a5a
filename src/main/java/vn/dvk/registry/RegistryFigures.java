package vn.dvk.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dvk.account.ScopeFilter;
import vn.dvk.account.ScopeSql;

/**
 * The movement's figures over a date range, counted in the database: the single source of the summary report, the
 * dashboard and the figures a period report is pre-filled with (so they always agree). Dates are days in
 * Asia/Ho_Chi_Minh; a range includes both ends.
 * <ul>
 * <li><b>registered</b>: models and exemplars registered (created and no longer a draft) in the range;</li>
 * <li><b>recognized</b>: recognition decisions dated in the range;</li>
 * <li><b>replicated</b>: replicas of another model registered in the range;</li>
 * <li><b>commended</b>: models that became commended in the range;</li>
 * <li><b>updated</b>: models with a result update dated in the range.</li>
 * </ul>
 */
@Service
public class RegistryFigures {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** What the figures are grouped by. */
	public enum Grouping {

		FIELD("m.field_code"), LOCALITY("m.locality_id"), ORGANIZATION("m.organization_id"), FOCUS_AREA("ft.code");

		private final String column;

		Grouping(String column) {
			this.column = column;
		}

	}

	/**
	 * Which models count: the viewer's scope and optional filters (one organization, a field, a locality and the
	 * units under it, a phase such as "2021-2025").
	 */
	public record Filter(LocalDate from, LocalDate to, ScopeFilter scope, Long organizationId, String fieldCode,
			Long localityId, String phase) {

		public static Filter of(LocalDate from, LocalDate to, ScopeFilter scope) {
			return new Filter(from, to, scope, null, null, null, null);
		}

	}

	public record Figures(long registered, long recognized, long replicated, long commended, long updated) {

		public static final Figures ZERO = new Figures(0, 0, 0, 0, 0);

		Figures plus(Figures o) {
			return new Figures(registered + o.registered, recognized + o.recognized, replicated + o.replicated,
					commended + o.commended, updated + o.updated);
		}

	}

	private final JdbcClient jdbc;

	RegistryFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Figures per group key (field code, locality id, organization id or focus-area code), keys with any figure. */
	public Map<String, Figures> by(Grouping grouping, Filter filter) {
		return count(grouping, filter);
	}

	/** Figures of all models in the filter, each model counted once (focus areas overlap, so not a sum of groups). */
	public Figures totals(Filter filter) {
		return count(null, filter).getOrDefault("", Figures.ZERO);
	}

	/** Recognitions dated in the range per group key and level (COMMUNE, PROVINCE, CENTRAL). */
	public Map<String, Map<RecognitionLevel, Long>> recognizedByLevel(Grouping grouping, Filter filter) {
		Where w = where(filter, grouping);
		Map<String, Map<RecognitionLevel, Long>> out = new LinkedHashMap<>();
		List<Object> p = new ArrayList<>(List.of(Date.valueOf(filter.from()), Date.valueOf(filter.to())));
		p.addAll(w.params);
		jdbc.sql("select " + grouping.column + ", m.recognition_level, count(*) from registry_model m" + w.join
				+ " where m.recognition_date >= ? and m.recognition_date <= ? and m.recognition_level is not null and "
				+ w.sql + " group by " + grouping.column + ", m.recognition_level")
			.params(p)
			.query(rs -> {
				out.computeIfAbsent(rs.getString(1), k -> new java.util.EnumMap<>(RecognitionLevel.class))
					.put(RecognitionLevel.valueOf(rs.getString(2)), rs.getLong(3));
			});
		return out;
	}

	/** Models by their current status, within the filter's scope and filters (the range is not used). */
	public Map<ModelStatus, Long> byStatus(Filter filter) {
		Where w = where(filter, null);
		Map<ModelStatus, Long> counts = new java.util.EnumMap<>(ModelStatus.class); // in lifecycle order
		jdbc.sql("select m.status, count(*) from registry_model m where " + w.sql + " group by m.status")
			.params(w.params)
			.query(rs -> {
				counts.put(ModelStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/** Registrations and recognitions per month (1–12) of a year, in Vietnam time. */
	public Map<Integer, Figures> byMonth(int year, Filter filter) {
		Filter f = new Filter(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), filter.scope(), filter.organizationId(),
				filter.fieldCode(), filter.localityId(), filter.phase());
		Where w = where(f, null);
		Map<Integer, Figures> months = new LinkedHashMap<>();
		for (int i = 1; i <= 12; i++) {
			months.put(i, Figures.ZERO);
		}
		List<Object> params = new ArrayList<>(List.of(start(f.from()), end(f.to())));
		params.addAll(w.params);
		String month = "extract(month from (m.created_at at time zone 'Asia/Ho_Chi_Minh'))";
		jdbc.sql("select " + month + ", count(*), "
				+ "sum(case when m.replica_of is not null then 1 else 0 end) from registry_model m where "
				+ "m.status <> 'DRAFT' and m.created_at >= ? and m.created_at < ? and " + w.sql + " group by " + month)
			.params(params)
			.query(rs -> {
				months.merge(rs.getInt(1), new Figures(rs.getLong(2), 0, rs.getLong(3), 0, 0), Figures::plus);
			});
		params = new ArrayList<>(List.of(Date.valueOf(f.from()), Date.valueOf(f.to())));
		params.addAll(w.params);
		jdbc.sql("select extract(month from m.recognition_date), count(*) from registry_model m where "
				+ "m.recognition_date >= ? and m.recognition_date <= ? and " + w.sql
				+ " group by extract(month from m.recognition_date)")
			.params(params)
			.query(rs -> {
				months.merge(rs.getInt(1), new Figures(0, rs.getLong(2), 0, 0, 0), Figures::plus);
			});
		return months;
	}

	// --- the queries ----------------------------------------------------------------------------------------------

	private Map<String, Figures> count(Grouping grouping, Filter filter) {
		String key = grouping == null ? "''" : grouping.column;
		// totals are one row over everything (a constant cannot be grouped by on PostgreSQL)
		String groupBy = grouping == null ? "" : " group by " + key;
		Where w = where(filter, grouping);
		Map<String, Figures> out = new LinkedHashMap<>();
		Timestamp from = start(filter.from());
		Timestamp to = end(filter.to());

		List<Object> p = new ArrayList<>(List.of(from, to, Date.valueOf(filter.from()), Date.valueOf(filter.to()), from, to));
		p.addAll(w.params);
		jdbc.sql("select " + key + ", "
				+ "sum(case when m.status <> 'DRAFT' and m.created_at >= ? and m.created_at < ? then 1 else 0 end), "
				+ "sum(case when m.recognition_date >= ? and m.recognition_date <= ? then 1 else 0 end), "
				+ "sum(case when m.replica_of is not null and m.status <> 'DRAFT' and m.created_at >= ? "
				+ "and m.created_at < ? then 1 else 0 end) from registry_model m" + w.join + " where " + w.sql
				+ groupBy)
			.params(p)
			.query(rs -> {
				Figures f = new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4), 0, 0);
				if (f.registered() + f.recognized() + f.replicated() > 0) {
					out.merge(rs.getString(1), f, Figures::plus);
				}
			});

		p = new ArrayList<>(List.of(from, to));
		p.addAll(w.params);
		jdbc.sql("select " + key + ", count(distinct t.model_id) from registry_transition t join registry_model m "
				+ "on m.id = t.model_id" + w.join + " where t.to_status = 'COMMENDED' and t.occurred_at >= ? "
				+ "and t.occurred_at < ? and " + w.sql + groupBy)
			.params(p)
			.query(rs -> {
				out.merge(rs.getString(1), new Figures(0, 0, 0, rs.getLong(2), 0), Figures::plus);
			});

		p = new ArrayList<>(List.of(Date.valueOf(filter.from()), Date.valueOf(filter.to())));
		p.addAll(w.params);
		jdbc.sql("select " + key + ", count(distinct u.model_id) from registry_result_update u join registry_model m "
				+ "on m.id = u.model_id" + w.join + " where u.update_date >= ? and u.update_date <= ? and " + w.sql
				+ groupBy)
			.params(p)
			.query(rs -> {
				out.merge(rs.getString(1), new Figures(0, 0, 0, 0, rs.getLong(2)), Figures::plus);
			});
		return out;
	}

	private record Where(String join, String sql, List<Object> params) {
	}

	private static Where where(Filter f, Grouping grouping) {
		String join = grouping == Grouping.FOCUS_AREA
				? " join registry_model_tag ft on ft.model_id = m.id and ft.list_kind = 'FOCUS_AREA'" : "";
		ScopeSql scope = ScopeSql.of(f.scope(), "m.organization_id", "m.locality_id");
		StringBuilder sql = new StringBuilder(scope.condition());
		List<Object> params = new ArrayList<>(scope.params());
		if (f.organizationId() != null) {
			sql.append(" and m.organization_id = ?");
			params.add(f.organizationId());
		}
		if (f.fieldCode() != null) {
			sql.append(" and m.field_code = ?");
			params.add(f.fieldCode());
		}
		if (f.localityId() != null) {
			ScopeSql under = ScopeSql.of(new ScopeFilter.LocalitiesUnder(f.localityId()), "m.organization_id",
					"m.locality_id");
			sql.append(" and ").append(under.condition());
			params.addAll(under.params());
		}
		if (f.phase() != null) {
			sql.append(" and m.phase = ?");
			params.add(f.phase());
		}
		return new Where(join, sql.toString(), params);
	}

	static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
	}

	static Timestamp end(LocalDate day) {
		return Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
	}

}
