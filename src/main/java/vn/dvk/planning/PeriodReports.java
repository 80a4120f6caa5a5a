package vn.dvk.planning;

import static vn.dvk.planning.PlanningService.clean;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.dvk.account.DvkUser;
import vn.dvk.account.NotificationService;
import vn.dvk.planning.PlanningService.Figure;
import vn.dvk.planning.PlanningService.Measure;
import vn.dvk.planning.PlanningService.Period;
import vn.dvk.planning.PlanningService.Report;
import vn.dvk.planning.PlanningService.ReportDraft;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.shared.UserFacingException;
import vn.dvk.system.AuditLog;

/**
 * Period reports (báo cáo định kỳ): the registry's figures beside the declared ones, drafts, filing with lateness,
 * review. Who may do what is checked by PlanningService, which fronts this.
 */
@Component
class PeriodReports {

	private final vn.dvk.shared.Texts texts;

	private final JdbcClient jdbc;

	private final RegistryFigures figures;

	private final NotificationService notifications;

	private final AuditLog audit;

	private final vn.dvk.registry.Catalogues catalogues;

	private final Periods periods;

	PeriodReports(JdbcClient jdbc, RegistryFigures figures, NotificationService notifications, AuditLog audit,
			vn.dvk.registry.Catalogues catalogues, Periods periods, vn.dvk.shared.Texts texts) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.figures = figures;
		this.notifications = notifications;
		this.audit = audit;
		this.catalogues = catalogues;
		this.periods = periods;
	}

	/** What the registry says for an organization over a period, per field and measure ("FIELD:MEASURE" → count). */
	Map<String, Integer> computedFigures(long organizationId, Period period) {
		Map<String, Integer> out = new LinkedHashMap<>();
		figures.by(RegistryFigures.Grouping.FIELD,
				new RegistryFigures.Filter(period.coversFrom(), period.coversTo(),
						new vn.dvk.account.ScopeFilter.Everything(), organizationId, null, null, null))
			.forEach((field, f) -> {
				out.put(ReportDraft.key(field, Measure.REGISTERED), (int) f.registered());
				out.put(ReportDraft.key(field, Measure.RECOGNIZED), (int) f.recognized());
				out.put(ReportDraft.key(field, Measure.REPLICATED), (int) f.replicated());
				out.put(ReportDraft.key(field, Measure.UPDATED), (int) f.updated());
			});
		return out;
	}

	Optional<Report> find(long organizationId, Period period) {
		return jdbc.sql(REPORT_SELECT + " where r.organization_id = ? and r.period_id = ?")
			.params(organizationId, period.id())
			.query((rs, n) -> report(rs, period))
			.optional()
			.map(this::withFigures);
	}

	/** Saves (and with {@code submit} files) the report; the caller checked that the user files for the organization. */
	void save(DvkUser user, long organizationId, Period period, ReportDraft draft, boolean submit) {
		long periodId = period.id();
		Map<String, Integer> computed = computedFigures(organizationId, period);
		List<Figure> figureRows = new ArrayList<>();
		java.util.Set<String> keys = new java.util.TreeSet<>(computed.keySet());
		if (draft.declared() != null) {
			keys.addAll(draft.declared().keySet());
		}
		for (String key : keys) {
			int c = computed.getOrDefault(key, 0);
			Integer d = draft.declared() == null ? null : draft.declared().get(key);
			int declared = d == null ? c : d;
			if (declared < 0) {
				throw UserFacingException.field("figures", "planning.figure.negative");
			}
			String note = clean(draft.notes() == null ? null : draft.notes().get(key), 1000);
			String[] parts = key.split(":", 2);
			Measure measure;
			try {
				measure = Measure.valueOf(parts[1]);
			}
			catch (RuntimeException ex) {
				throw UserFacingException.field("figures", "planning.figure.unknown", key);
			}
			if (declared != c && note == null) {
				String field = catalogues.names(vn.dvk.registry.CatalogueEntry.FIELD,
						org.springframework.context.i18n.LocaleContextHolder.getLocale()).getOrDefault(parts[0], parts[0]);
				throw UserFacingException.field("figures", "planning.figure.noteRequired", field,
						new org.springframework.context.support.DefaultMessageSourceResolvable(
								new String[] { "planning.measure." + measure.name() }, null, measure.name()),
						c, declared);
			}
			if (declared != 0 || c != 0) {
				figureRows.add(new Figure(parts[0], measure, c, declared, note));
			}
		}
		Instant now = Instant.now();
		Optional<Report> existing = jdbc.sql(REPORT_SELECT + " where r.organization_id = ? and r.period_id = ?")
			.params(organizationId, periodId)
			.query((rs, n) -> report(rs, period))
			.optional();
		long id;
		if (existing.isEmpty()) {
			GeneratedKeyHolder keyHolder = new GeneratedKeyHolder();
			try {
				jdbc.sql("insert into period_report (organization_id, period_id, status, results, limits, causes, proposals, "
						+ "updated_at, updated_by) values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)")
					.params(organizationId, periodId, clean(draft.results(), 10_000), clean(draft.limits(), 10_000),
							clean(draft.causes(), 10_000), clean(draft.proposals(), 10_000), Timestamp.from(now),
							user.getUsername())
					.update(keyHolder, "id");
			}
			catch (DuplicateKeyException ex) {
				throw new UserFacingException(HttpStatus.CONFLICT, "planning.report.concurrent");
			}
			id = keyHolder.getKey().longValue();
		}
		else {
			id = existing.get().id();
			int changed = jdbc.sql("update period_report set results = ?, limits = ?, causes = ?, proposals = ?, "
					+ "updated_at = ?, updated_by = ?, version = version + 1 where id = ? and status in ('DRAFT', 'RETURNED')")
				.params(clean(draft.results(), 10_000), clean(draft.limits(), 10_000), clean(draft.causes(), 10_000),
						clean(draft.proposals(), 10_000), Timestamp.from(now), user.getUsername(), id)
				.update();
			if (changed == 0) {
				throw new UserFacingException(HttpStatus.CONFLICT, "planning.report.notEditable");
			}
			jdbc.sql("delete from period_report_figure where report_id = ?").params(id).update();
		}
		for (Figure f : figureRows) {
			jdbc.sql("insert into period_report_figure (report_id, field_code, measure, computed, declared, note) "
					+ "values (?, ?, ?, ?, ?, ?)")
				.params(id, f.fieldCode(), f.measure().name(), f.computed(), f.declared(), f.note())
				.update();
		}
		if (submit) {
			if (clean(draft.results(), 10_000) == null) {
				throw UserFacingException.field("results", "planning.report.resultsRequired");
			}
			boolean late = now.isAfter(Deadlines.endOfDay(period.deadline()));
			int sent = jdbc.sql("update period_report set status = 'SUBMITTED', submitted_at = ?, late = ?, "
					+ "version = version + 1 where id = ? and status in ('DRAFT', 'RETURNED')")
				.params(Timestamp.from(now), late, id)
				.update();
			if (sent == 0) {
				throw new UserFacingException(HttpStatus.CONFLICT, "planning.report.alreadySubmitted");
			}
			audit.record("planning.report.submit", "period_report", id,
					organizationId + " / " + period.name() + (late ? " (late)" : ""));
		}
	}

	record Ids(long organization, long period) {
	}

	/** Approves or returns a filed report (the caller checked the user runs monitoring); tells the officers. */
	Ids review(DvkUser user, long reportId, boolean approve, String comment) {
		Ids ids = jdbc.sql("select organization_id, period_id from period_report where id = ?")
			.params(reportId)
			.query((rs, n) -> new Ids(rs.getLong(1), rs.getLong(2)))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("planning.report.notFound"));
		String why = clean(comment, 2000);
		if (!approve && why == null) {
			throw UserFacingException.field("comment", "planning.review.commentRequired");
		}
		int changed = jdbc.sql("update period_report set status = ?, review_comment = ?, reviewed_by = ?, "
				+ "version = version + 1 where id = ? and status = 'SUBMITTED'")
			.params(approve ? "APPROVED" : "RETURNED", why, user.getUsername(), reportId)
			.update();
		if (changed == 0) {
			throw new UserFacingException(HttpStatus.CONFLICT, "planning.review.notSubmitted");
		}
		Period period = periods.period(ids.period());
		notifications.notifyOrganization(ids.organization(),
				texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, approve ? "planning.notice.reportApproved" : "planning.notice.reportReturned",
						period.name()),
				why, "/quan-tri/ke-hoach/bao-cao/" + period.id() + "/don-vi/" + ids.organization());
		audit.record(approve ? "planning.report.approve" : "planning.report.return", "period_report", reportId, why);
		return ids;
	}

	private static final String REPORT_SELECT = "select r.id, r.organization_id, o.name, r.status, r.results, r.limits, "
			+ "r.causes, r.proposals, r.submitted_at, r.late, r.review_comment, r.version from period_report r "
			+ "join organization_directory o on o.id = r.organization_id";

	private static Report report(java.sql.ResultSet rs, Period period) throws java.sql.SQLException {
		Timestamp submitted = rs.getTimestamp(9);
		return new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), period, FilingStatus.valueOf(rs.getString(4)),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), List.of(),
				submitted == null ? null : submitted.toInstant(), rs.getBoolean(10), rs.getString(11), rs.getInt(12));
	}

	private Report withFigures(Report r) {
		List<Figure> rows = jdbc.sql("select field_code, measure, computed, declared, note from period_report_figure "
				+ "where report_id = ? order by field_code, measure")
			.params(r.id())
			.query((rs, n) -> new Figure(rs.getString(1), Measure.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
					rs.getString(5)))
			.list();
		return new Report(r.id(), r.organizationId(), r.organizationName(), r.period(), r.status(), r.results(),
				r.limits(), r.causes(), r.proposals(), rows, r.submittedAt(), r.late(), r.reviewComment(), r.version());
	}

}
