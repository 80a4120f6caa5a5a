package vn.dvk.reporting;

import vn.dvk.planning.FilingFigures;

import vn.dvk.account.Permission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.account.ScopeFilter;
import vn.dvk.account.ScopeSql;
import vn.dvk.planning.MonitoringService;
import vn.dvk.planning.PlanningService;
import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.RecognitionLevel;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseCollation;

/**
 * The summary report and the dashboard. Both read {@link RegistryFigures} (one source of truth) within the
 * viewer's scope: provincial staff see the province, an officer their organization or commune.
 */
@Service
public class ReportService {

	private final FilingFigures filings;

	/** How the summary is grouped, as the API names it. */
	public enum GroupBy {

		FIELD(RegistryFigures.Grouping.FIELD), LOCALITY(RegistryFigures.Grouping.LOCALITY),
		ORGANIZATION(RegistryFigures.Grouping.ORGANIZATION), FOCUS_AREA(RegistryFigures.Grouping.FOCUS_AREA);

		final RegistryFigures.Grouping grouping;

		GroupBy(RegistryFigures.Grouping grouping) {
			this.grouping = grouping;
		}

		/** "field", "locality", "organization", "focusArea". */
		public static GroupBy parse(String value) {
			if (value == null || value.isBlank()) {
				return FIELD;
			}
			return switch (value.strip()) {
				case "field" -> FIELD;
				case "locality" -> LOCALITY;
				case "organization" -> ORGANIZATION;
				case "focusArea" -> FOCUS_AREA;
				default -> throw UserFacingException.field("groupBy", "reporting.groupBy.invalid", value);
			};
		}

		public String apiName() {
			return switch (this) {
				case FIELD -> "field";
				case LOCALITY -> "locality";
				case ORGANIZATION -> "organization";
				case FOCUS_AREA -> "focusArea";
			};
		}

	}

	public record Row(String key, String label, long registered, long recognized, long replicated, long commended,
			long updated) {
	}

	public record Summary(LocalDate from, LocalDate to, GroupBy groupBy, List<Row> rows, Row totals) {
	}

	/** The dashboard's filters: year, and optionally a phase, a field and a locality (with the units under it). */
	public record DashboardFilter(int year, String phase, String fieldCode, Long localityId) {
	}

	public record Kpis(long models, Map<ModelStatus, Long> byStatus, long registered, long recognized, long replicated,
			long commended, long organizations, long plansFiled, long plansOnTime, long reportsDue, long reportsFiled,
			long reportsOnTime, long lagging) {
	}

	public record Dashboard(DashboardFilter filter, Kpis kpis, Summary byField, Map<Integer, RegistryFigures.Figures> byMonth,
			Summary byLocality) {
	}

	private final RegistryFigures figures;

	private final Catalogues catalogues;

	private final AccessPolicy access;

	private final MonitoringService monitoring;

	private final PlanningService planning;

	private final JdbcClient jdbc;

	ReportService(RegistryFigures figures, Catalogues catalogues, AccessPolicy access, MonitoringService monitoring,
			PlanningService planning, JdbcClient jdbc, FilingFigures filings) {
		this.filings = filings;
		this.figures = figures;
		this.catalogues = catalogues;
		this.access = access;
		this.monitoring = monitoring;
		this.planning = planning;
		this.jdbc = jdbc;
	}

	/** The summary over a date range, grouped, with totals that count each model once. */
	public Summary summary(DvkUser user, LocalDate from, LocalDate to, GroupBy groupBy, Locale locale) {
		return summary(filter(user, from, to, null, null, null), groupBy, locale);
	}

	private Summary summary(RegistryFigures.Filter filter, GroupBy groupBy, Locale locale) {
		Map<String, RegistryFigures.Figures> grouped = figures.by(groupBy.grouping, filter);
		Map<String, String> labels = labels(groupBy, grouped.keySet(), locale);
		List<Row> rows = new ArrayList<>();
		grouped.forEach((key, f) -> rows.add(row(key, labels.getOrDefault(key, key), f)));
		rows.sort(Comparator.comparing((Row r) -> VietnameseCollation.sortKey(r.label())));
		return new Summary(filter.from(), filter.to(), groupBy, rows, row("", "", figures.totals(filter)));
	}

	/** Recognitions per group and level, for the report's field × level table. */
	public Map<String, Map<RecognitionLevel, Long>> recognizedByLevel(DvkUser user, LocalDate from, LocalDate to,
			GroupBy groupBy) {
		return figures.recognizedByLevel(groupBy.grouping, filter(user, from, to, null, null, null));
	}

	public Dashboard dashboard(DvkUser user, DashboardFilter f, Locale locale) {
		LocalDate from = LocalDate.of(f.year(), 1, 1);
		LocalDate to = LocalDate.of(f.year(), 12, 31);
		RegistryFigures.Filter filter = filter(user, from, to, f.phase(), f.fieldCode(), f.localityId());
		Map<ModelStatus, Long> byStatus = figures.byStatus(filter);
		RegistryFigures.Figures year = figures.totals(filter);
		Kpis kpis = filingKpis(user, f.year(), byStatus, year);
		return new Dashboard(f, kpis, summary(filter, GroupBy.FIELD, locale), figures.byMonth(f.year(), filter),
				summary(filter, GroupBy.LOCALITY, locale));
	}

	private Kpis filingKpis(DvkUser user, int year, Map<ModelStatus, Long> byStatus, RegistryFigures.Figures fig) {
		FilingFigures.Filings f = filings.of(user, year);
		long lagging = canSeeLagging(user) ? monitoring.lagging(user, year).size() : 0;
		long models = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new Kpis(models, byStatus, fig.registered(), fig.recognized(), fig.replicated(), fig.commended(),
				f.organizations(), f.plans(), f.plansOnTime(), f.reportsDue(), f.reportsFiled(), f.reportsOnTime(), lagging);
	}

	/** Lagging units are the monitoring staff's to see. */
	public boolean canSeeLagging(DvkUser user) {
		return access.allows(user, Permission.RUN_MONITORING);
	}

	private RegistryFigures.Filter filter(DvkUser user, LocalDate from, LocalDate to, String phase, String field,
			Long locality) {
		if (from == null || to == null) {
			throw UserFacingException.field("from", "reporting.range.required");
		}
		if (to.isBefore(from)) {
			throw UserFacingException.field("to", "reporting.range.order");
		}
		access.require(user, Permission.READ_REPORTS);
		ScopeFilter scope = access.filterFor(user);
		if (scope instanceof ScopeFilter.Nothing) {
			throw new AccessDeniedException("reports");
		}
		return new RegistryFigures.Filter(from, to, scope, null, blank(field), locality, blank(phase));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	private static Row row(String key, String label, RegistryFigures.Figures f) {
		return new Row(key, label, f.registered(), f.recognized(), f.replicated(), f.commended(), f.updated());
	}

	/** Names for the group keys: catalogue names, locality names, organization names. */
	private Map<String, String> labels(GroupBy groupBy, java.util.Collection<String> keys, Locale locale) {
		return switch (groupBy) {
			case FIELD -> catalogues.names(CatalogueEntry.FIELD, locale);
			case FOCUS_AREA -> catalogues.names(CatalogueEntry.FOCUS_AREA, locale);
			case LOCALITY -> names("unit_directory", keys);
			case ORGANIZATION -> names("organization_directory", keys);
		};
	}

	private Map<String, String> names(String table, java.util.Collection<String> keys) {
		Map<String, String> out = new HashMap<>();
		if (keys.isEmpty()) {
			return out;
		}
		List<Long> ids = keys.stream().map(Long::valueOf).toList();
		for (int i = 0; i < ids.size(); i += 1000) {
			String in = ids.subList(i, Math.min(ids.size(), i + 1000))
				.stream()
				.map(String::valueOf)
				.collect(java.util.stream.Collectors.joining(","));
			jdbc.sql("select id, name from " + table + " where id in (" + in + ")").query(rs -> {
				out.put(Long.toString(rs.getLong(1)), rs.getString(2));
			});
		}
		return out;
	}

	/** Codes of administrative units by id (the registry's list filters by code), for drill-down links. */
	public Map<String, String> localityCodes(java.util.Collection<String> ids) {
		Map<String, String> out = new HashMap<>();
		List<String> list = new ArrayList<>(ids);
		for (int i = 0; i < list.size(); i += 1000) {
			String in = list.subList(i, Math.min(list.size(), i + 1000))
				.stream()
				.map(Long::valueOf)
				.map(String::valueOf)
				.collect(java.util.stream.Collectors.joining(","));
			jdbc.sql("select id, code from unit_directory where id in (" + in + ")").query(rs -> {
				out.put(Long.toString(rs.getLong(1)), rs.getString(2));
			});
		}
		return out;
	}

	/** The phases models are registered in (e.g. 2021-2025), newest first. */
	public List<String> phases() {
		return jdbc.sql("select distinct phase from registry_model_facts order by phase desc").query(String.class).list();
	}

	/** The province's figures for everyone (the public "Số liệu" page): no scope, public counts only. */
	public Summary publicSummary(LocalDate from, LocalDate to, Locale locale) {
		return summary(new RegistryFigures.Filter(from, to, new ScopeFilter.Everything(), null, null, null, null),
				GroupBy.FIELD, locale);
	}

	/** The years with a planning calendar or models, for filters. */
	public List<Integer> years() {
		List<Integer> years = new ArrayList<>(planning.years());
		int now = LocalDate.now(RegistryFigures.ZONE).getYear();
		if (!years.contains(now)) {
			years.add(0, now);
		}
		return years;
	}

	static Map<String, Long> orderedStatus(Map<ModelStatus, Long> byStatus) {
		Map<String, Long> out = new LinkedHashMap<>();
		for (ModelStatus s : ModelStatus.values()) {
			out.put(s.name(), byStatus.getOrDefault(s, 0L));
		}
		return out;
	}

}
