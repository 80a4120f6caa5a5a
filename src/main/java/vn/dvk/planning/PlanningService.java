package vn.dvk.planning;

import vn.dvk.account.Permission;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.NotificationService;
import vn.dvk.account.ScopeSql;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/**
 * The planning calendar (a year's plan deadline and its reporting periods), each organization's annual plan with
 * targets per field, and its period reports whose figures come pre-filled from the registry. Deadlines are days in
 * Asia/Ho_Chi_Minh: a filing is late when it arrives after the end of its deadline's day there.
 */
@Service
public class PlanningService {

	private final vn.dvk.shared.Texts texts;

	/** The figures a period report carries per field. */
	public enum Measure {

		REGISTERED, RECOGNIZED, REPLICATED, UPDATED

	}

	public record Period(long id, int year, String code, String name, LocalDate coversFrom, LocalDate coversTo,
			LocalDate deadline) {
	}

	public record Calendar(int year, LocalDate planDeadline, Long directiveId, List<Period> periods) {
	}

	public record Target(String fieldCode, int newModels, int newExemplars, int replications) {
	}

	public record Plan(long id, long organizationId, String organizationName, int year, FilingStatus status,
			List<Target> targets, List<String> focusAreas, String narrative, Instant submittedAt, boolean late,
			String reviewComment, int version) {
	}

	/** What an officer fills in; targets per field code. */
	public record PlanDraft(List<Target> targets, List<String> focusAreas, String narrative) {
	}

	public record Figure(String fieldCode, Measure measure, int computed, int declared, String note) {

		public boolean differs() {
			return computed != declared;
		}

	}

	public record Report(long id, long organizationId, String organizationName, Period period, FilingStatus status,
			String results, String limits, String causes, String proposals, List<Figure> figures, Instant submittedAt,
			boolean late, String reviewComment, int version) {
	}

	/** The narrative of a report and the figures the officer declares where they differ from the registry's. */
	public record ReportDraft(String results, String limits, String causes, String proposals,
			Map<String, Integer> declared, Map<String, String> notes) {

		/** Key of a figure in {@link #declared} and {@link #notes}: "FIELD:MEASURE". */
		public static String key(String fieldCode, Measure measure) {
			return fieldCode + ":" + measure.name();
		}

	}

	/** One line of the matrix: an organization and the state of its plan and of each period's report. */
	public record MatrixRow(long organizationId, String organizationName, String locality, String typeCode,
			Filing plan, Map<Long, Filing> reports) {
	}

	public record Filing(FilingStatus status, Instant submittedAt, boolean late) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final RegistryFigures figures;

	private final NotificationService notifications;

	private final AuditLog audit;

	private final vn.dvk.registry.Catalogues catalogues;

	private final Periods periods;

	private final PeriodReports reports;

	PlanningService(JdbcClient jdbc, AccessPolicy access, RegistryFigures figures, NotificationService notifications,
			AuditLog audit, vn.dvk.registry.Catalogues catalogues, Periods periods, PeriodReports reports, vn.dvk.shared.Texts texts) {
		this.texts = texts;
		this.periods = periods;
		this.reports = reports;
		this.catalogues = catalogues;
		this.jdbc = jdbc;
		this.access = access;
		this.figures = figures;
		this.notifications = notifications;
		this.audit = audit;
	}

	// --- calendar ---------------------------------------------------------------------------------------------

	public List<Integer> years() {
		return jdbc.sql("select plan_year from planning_year order by plan_year desc").query(Integer.class).list();
	}

	public List<Period> periods(int year) {
		return periods.periods(year);
	}

	public Period period(long id) {
		return periods.period(id);
	}

	public Optional<Calendar> calendar(int year) {
		return jdbc.sql("select plan_year, plan_deadline, directive_id from planning_year where plan_year = ?")
			.params(year)
			.query((rs, n) -> {
				long directive = rs.getLong(3);
				return new Calendar(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.wasNull() ? null : directive,
						periods(year));
			})
			.optional();
	}

	/** Sets a year's plan deadline and, optionally, the provincial plan (a directive document) units answer. */
	@Transactional
	public Calendar saveYear(DvkUser user, int year, LocalDate planDeadline, Long directiveId) {
		access.require(user, Permission.RUN_MONITORING);
		if (year < 2000 || year > 2100) {
			throw UserFacingException.field("year", "planning.year.invalid");
		}
		if (planDeadline == null) {
			throw UserFacingException.field("planDeadline", "planning.deadline.required");
		}
		int updated = jdbc.sql("update planning_year set plan_deadline = ?, directive_id = ? where plan_year = ?")
			.params(Date.valueOf(planDeadline), directiveId, year)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into planning_year (plan_year, plan_deadline, directive_id) values (?, ?, ?)")
				.params(year, Date.valueOf(planDeadline), directiveId)
				.update();
		}
		audit.record("planning.calendar", "planning_year", year, "plan deadline " + planDeadline);
		return calendar(year).orElseThrow();
	}

	/** Adds a reporting period to a year (e.g. H1 sơ kết 6 tháng, Y tổng kết năm), or changes the one with its code. */
	@Transactional
	public Period savePeriod(DvkUser user, int year, String code, String name, LocalDate from, LocalDate to,
			LocalDate deadline) {
		access.require(user, Permission.RUN_MONITORING);
		calendar(year).orElseThrow(() -> UserFacingException.field("year", "planning.year.outside", year));
		String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		String n = name == null ? "" : VietnameseText.clean(name);
		if (!c.matches("[A-Z0-9-]{1,20}") || VietnameseText.isBlank(n)) {
			throw UserFacingException.field("code", "planning.period.invalid");
		}
		if (from == null || to == null || deadline == null || to.isBefore(from)) {
			throw UserFacingException.field("coversFrom", "planning.period.dates");
		}
		int updated = jdbc.sql("update reporting_period set name = ?, covers_from = ?, covers_to = ?, deadline = ? "
				+ "where plan_year = ? and code = ?")
			.params(n, Date.valueOf(from), Date.valueOf(to), Date.valueOf(deadline), year, c)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into reporting_period (plan_year, code, name, covers_from, covers_to, deadline) "
					+ "values (?, ?, ?, ?, ?, ?)")
				.params(year, c, n, Date.valueOf(from), Date.valueOf(to), Date.valueOf(deadline))
				.update();
		}
		audit.record("planning.calendar", "planning_year", year, "period " + c + " deadline " + deadline);
		return periods(year).stream().filter(p -> p.code().equals(c)).findFirst().orElseThrow();
	}

	// --- plans ------------------------------------------------------------------------------------------------

	public Optional<Plan> plan(DvkUser user, long organizationId, int year) {
		requireView(user, organizationId);
		return jdbc.sql(PLAN_SELECT + " where p.organization_id = ? and p.plan_year = ?")
			.params(organizationId, year)
			.query((rs, n) -> plan(rs))
			.optional()
			.map(this::withTargets);
	}

	public Plan plan(DvkUser user, long planId) {
		Plan p = jdbc.sql(PLAN_SELECT + " where p.id = ?")
			.params(planId)
			.query((rs, n) -> plan(rs))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("planning.plan.notFound"));
		requireView(user, p.organizationId());
		return withTargets(p);
	}

	/**
	 * Saves an organization's plan for a year (created on first save) and, with {@code submit}, sends it to the
	 * province. Only an officer of that organization files it. Two submissions at once store one plan: the row is
	 * unique per organization and year, and only a draft or returned plan changes.
	 */
	@Transactional
	public Plan savePlan(DvkUser user, long organizationId, int year, PlanDraft draft, boolean submit) {
		requireFiler(user, organizationId);
		Calendar calendar = calendar(year)
			.orElseThrow(() -> UserFacingException.field("year", "planning.year.outside", year));
		List<Target> targets = new ArrayList<>();
		for (Target t : draft.targets() == null ? List.<Target>of() : draft.targets()) {
			if (t.newModels() < 0 || t.newExemplars() < 0 || t.replications() < 0) {
				throw UserFacingException.field("targets", "planning.target.negative");
			}
			if (t.newModels() > 100_000 || t.newExemplars() > 100_000 || t.replications() > 100_000) {
				throw UserFacingException.field("targets", "planning.target.tooLarge");
			}
			if (t.newModels() + t.newExemplars() + t.replications() > 0) {
				targets.add(t);
			}
		}
		if (submit && targets.isEmpty()) {
			throw UserFacingException.field("targets", "planning.target.none");
		}
		String narrative = clean(draft.narrative(), 10_000);
		String focus = draft.focusAreas() == null ? null : String.join(",", draft.focusAreas());
		Instant now = Instant.now();
		Optional<Plan> existing = jdbc.sql(PLAN_SELECT + " where p.organization_id = ? and p.plan_year = ?")
			.params(organizationId, year)
			.query((rs, n) -> plan(rs))
			.optional();
		long id;
		if (existing.isEmpty()) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			try {
				jdbc.sql("insert into unit_plan (organization_id, plan_year, status, focus_areas, narrative, updated_at, "
						+ "updated_by) values (?, ?, 'DRAFT', ?, ?, ?, ?)")
					.params(organizationId, year, focus, narrative, Timestamp.from(now), user.getUsername())
					.update(keys, "id");
			}
			catch (DuplicateKeyException ex) {
				throw new UserFacingException(HttpStatus.CONFLICT, "planning.plan.concurrent");
			}
			id = keys.getKey().longValue();
		}
		else {
			Plan p = existing.get();
			if (!p.status().editable()) {
				throw new UserFacingException(HttpStatus.CONFLICT, "planning.plan.notEditable");
			}
			id = p.id();
			int changed = jdbc.sql("update unit_plan set focus_areas = ?, narrative = ?, updated_at = ?, updated_by = ?, "
					+ "version = version + 1 where id = ? and status in ('DRAFT', 'RETURNED')")
				.params(focus, narrative, Timestamp.from(now), user.getUsername(), id)
				.update();
			if (changed == 0) {
				throw new UserFacingException(HttpStatus.CONFLICT, "planning.plan.notEditable");
			}
			jdbc.sql("delete from unit_plan_target where plan_id = ?").params(id).update();
		}
		for (Target t : targets) {
			jdbc.sql("insert into unit_plan_target (plan_id, field_code, new_models, new_exemplars, replications) "
					+ "values (?, ?, ?, ?, ?)")
				.params(id, t.fieldCode(), t.newModels(), t.newExemplars(), t.replications())
				.update();
		}
		if (submit) {
			boolean late = now.isAfter(Deadlines.endOfDay(calendar.planDeadline()));
			int sent = jdbc.sql("update unit_plan set status = 'SUBMITTED', submitted_at = ?, late = ?, "
					+ "version = version + 1 where id = ? and status in ('DRAFT', 'RETURNED')")
				.params(Timestamp.from(now), late, id)
				.update();
			if (sent == 0) {
				throw new UserFacingException(HttpStatus.CONFLICT, "planning.plan.alreadySubmitted");
			}
			audit.record("planning.plan.submit", "unit_plan", id, organizationId + " / " + year + (late ? " (late)" : ""));
		}
		return plan(user, id);
	}

	/** The province approves a submitted plan or returns it with what to change; the officers are notified. */
	@Transactional
	public Plan reviewPlan(DvkUser user, long planId, boolean approve, String comment) {
		access.require(user, Permission.RUN_MONITORING);
		Plan p = plan(user, planId);
		String why = clean(comment, 2000);
		if (!approve && why == null) {
			throw UserFacingException.field("comment", "planning.review.commentRequired");
		}
		int changed = jdbc.sql("update unit_plan set status = ?, review_comment = ?, reviewed_by = ?, version = version + 1 "
				+ "where id = ? and status = 'SUBMITTED'")
			.params(approve ? "APPROVED" : "RETURNED", why, user.getUsername(), planId)
			.update();
		if (changed == 0) {
			throw new UserFacingException(HttpStatus.CONFLICT, "planning.review.notSubmitted");
		}
		notifications.notifyOrganization(p.organizationId(),
				texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, approve ? "planning.notice.planApproved" : "planning.notice.planReturned",
						String.valueOf(p.year())),
				why, "/quan-tri/ke-hoach/" + p.year() + "/don-vi/" + p.organizationId());
		audit.record(approve ? "planning.plan.approve" : "planning.plan.return", "unit_plan", planId, why);
		return plan(user, planId);
	}

	private static final String PLAN_SELECT = "select p.id, p.organization_id, o.name, p.plan_year, p.status, "
			+ "p.focus_areas, p.narrative, p.submitted_at, p.late, p.review_comment, p.version from unit_plan p "
			+ "join organization_directory o on o.id = p.organization_id";

	private static Plan plan(java.sql.ResultSet rs) throws java.sql.SQLException {
		String focus = rs.getString(6);
		Timestamp submitted = rs.getTimestamp(8);
		return new Plan(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
				FilingStatus.valueOf(rs.getString(5)), List.of(),
				focus == null || focus.isBlank() ? List.of() : List.of(focus.split(",")), rs.getString(7),
				submitted == null ? null : submitted.toInstant(), rs.getBoolean(9), rs.getString(10), rs.getInt(11));
	}

	private Plan withTargets(Plan p) {
		List<Target> targets = jdbc.sql("select field_code, new_models, new_exemplars, replications from unit_plan_target "
				+ "where plan_id = ? order by field_code")
			.params(p.id())
			.query((rs, n) -> new Target(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.list();
		return new Plan(p.id(), p.organizationId(), p.organizationName(), p.year(), p.status(), targets, p.focusAreas(),
				p.narrative(), p.submittedAt(), p.late(), p.reviewComment(), p.version());
	}

	// --- period reports (PeriodReports) ----------------------------------------------------------------------

	/** What the registry says for an organization over a period, per field and measure ("FIELD:MEASURE" → count). */
	public Map<String, Integer> computedFigures(long organizationId, Period period) {
		return reports.computedFigures(organizationId, period);
	}

	public Optional<Report> report(DvkUser user, long organizationId, long periodId) {
		requireView(user, organizationId);
		return reports.find(organizationId, periods.period(periodId));
	}

	/**
	 * Saves a period report and, with {@code submit}, files it. The registry's figures are stored beside the ones
	 * the officer declares; a declared figure that differs needs a note saying why, so nothing changes silently.
	 */
	@Transactional
	public Report saveReport(DvkUser user, long organizationId, long periodId, ReportDraft draft, boolean submit) {
		requireFiler(user, organizationId);
		reports.save(user, organizationId, periods.period(periodId), draft, submit);
		return report(user, organizationId, periodId).orElseThrow();
	}

	/** Staff approve a filed report or return it with a comment; the organization's officers are told. */
	@Transactional
	public Report reviewReport(DvkUser user, long reportId, boolean approve, String comment) {
		access.require(user, Permission.RUN_MONITORING);
		PeriodReports.Ids ids = reports.review(user, reportId, approve, comment);
		return report(user, ids.organization(), ids.period()).orElseThrow();
	}

	// --- the matrix ---------------------------------------------------------------------------------------------

	/**
	 * Organizations in the viewer's scope × (the year's plan, each period's report), filtered by locality (the
	 * unit and those under it) and organization type, a page at a time.
	 */
	public PageResult<MatrixRow> matrix(DvkUser user, int year, Long localityId, String typeCode,
			PageResult.Request page) {
		ScopeSql scope = ScopeSql.of(access.filterFor(user), "o.id", "o.locality_id");
		StringBuilder where = new StringBuilder(" where o.active = true and ").append(scope.condition());
		List<Object> params = new ArrayList<>(scope.params());
		if (localityId != null) {
			ScopeSql under = ScopeSql.of(new vn.dvk.account.ScopeFilter.LocalitiesUnder(localityId), "o.id",
					"o.locality_id");
			where.append(" and ").append(under.condition());
			params.addAll(under.params());
		}
		if (typeCode != null && !typeCode.isBlank()) {
			where.append(" and o.type_code = ?");
			params.add(typeCode);
		}
		long total = jdbc.sql("select count(*) from organization_directory o" + where).params(params).query(Long.class).single();
		List<MatrixRow> rows = new ArrayList<>();
		jdbc.sql("select o.id, o.name, u.name, o.type_code from organization_directory o join unit_directory u on "
				+ "u.id = o.locality_id" + where + " order by o.sort_key, o.id offset " + page.offset()
				+ " rows fetch next " + page.size() + " rows only")
			.params(params)
			.query(rs -> {
				rows.add(new MatrixRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), null,
						new HashMap<>()));
			});
		if (rows.isEmpty()) {
			return new PageResult<>(rows, total, page.page(), page.size());
		}
		String ids = rows.stream().map(r -> Long.toString(r.organizationId())).collect(java.util.stream.Collectors.joining(","));
		Map<Long, Filing> plans = new HashMap<>();
		jdbc.sql("select organization_id, status, submitted_at, late from unit_plan where plan_year = ? and "
				+ "organization_id in (" + ids + ")")
			.params(year)
			.query(rs -> {
				Timestamp t = rs.getTimestamp(3);
				plans.put(rs.getLong(1), new Filing(FilingStatus.valueOf(rs.getString(2)), t == null ? null : t.toInstant(),
						rs.getBoolean(4)));
			});
		Map<Long, Map<Long, Filing>> reports = new HashMap<>();
		jdbc.sql("select r.organization_id, r.period_id, r.status, r.submitted_at, r.late from period_report r join "
				+ "reporting_period p on p.id = r.period_id where p.plan_year = ? and r.organization_id in (" + ids + ")")
			.params(year)
			.query(rs -> {
				Timestamp t = rs.getTimestamp(4);
				reports.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.put(rs.getLong(2), new Filing(FilingStatus.valueOf(rs.getString(3)), t == null ? null : t.toInstant(),
							rs.getBoolean(5)));
			});
		List<MatrixRow> filled = rows.stream()
			.map(r -> new MatrixRow(r.organizationId(), r.organizationName(), r.locality(), r.typeCode(),
					plans.get(r.organizationId()), reports.getOrDefault(r.organizationId(), Map.of())))
			.toList();
		return new PageResult<>(filled, total, page.page(), page.size());
	}

	/** Units that have active organizations (for the matrix's and the lagging list's locality filter), by name. */
	public Map<Long, String> localitiesWithOrganizations() {
		Map<Long, String> out = new LinkedHashMap<>();
		jdbc.sql("select u.id, u.name from unit_directory u where u.id in (select locality_id from organization_directory "
				+ "where active = true) order by u.sort_key")
			.query(rs -> {
				out.put(rs.getLong(1), rs.getString(2));
			});
		return out;
	}

	// --- checks ---------------------------------------------------------------------------------------------------


	/** Only an officer of the organization itself files its plan and reports (staff review them). */
	public boolean files(DvkUser user, long organizationId) {
		return access.allows(user, Permission.FILE_PLANS) && user.organizationId() != null
				&& user.organizationId() == organizationId;
	}

	/** Whether the user runs the planning calendar, reviews and reminders. */
	public boolean runs(DvkUser user) {
		return access.allows(user, Permission.RUN_MONITORING);
	}


	private void requireFiler(DvkUser user, long organizationId) {
		if (!files(user, organizationId)) {
			throw new AccessDeniedException("files only for its own organization");
		}
	}

	private void requireView(DvkUser user, long organizationId) {
		if (access.allows(user, Permission.RUN_MONITORING) || files(user, organizationId)) {
			return;
		}
		access.checkView(user, vn.dvk.account.Ownership.organization(organizationId));
	}

	static String clean(String text, int max) {
		if (text == null) {
			return null;
		}
		String t = VietnameseText.clean(text);
		if (VietnameseText.isBlank(t)) {
			return null;
		}
		return t.length() <= max ? t : t.substring(0, max);
	}

}
