package vn.dvk.planning;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Permission;
import vn.dvk.system.AuditLog;

/**
 * Filings made on paper before the platform (or entered afterwards): monitoring staff record when a plan or a period
 * report was really filed and how it was reviewed, so lateness and the year's figures stay true. Audited.
 */
@Service
public class FilingHistory {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final PlanningService planning;

	private final AuditLog audit;

	FilingHistory(JdbcClient jdbc, AccessPolicy access, PlanningService planning, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.planning = planning;
		this.audit = audit;
	}

	/** A plan filed at {@code filedAt}; late when after the day of the year's deadline in Vietnam. */
	@Transactional
	public void plan(DvkUser user, long planId, Instant filedAt, FilingStatus outcome, String reviewer, String comment) {
		access.require(user, Permission.RUN_MONITORING);
		PlanningService.Plan p = planning.plan(user, planId);
		boolean late = planning.calendar(p.year())
			.map(c -> filedAt.isAfter(Deadlines.endOfDay(c.planDeadline())))
			.orElse(false);
		jdbc.sql("update unit_plan set submitted_at = ?, late = ?, status = ?, reviewed_by = ?, review_comment = ? "
				+ "where id = ?")
			.params(Timestamp.from(filedAt), late, outcome.name(), outcome == FilingStatus.SUBMITTED ? null : reviewer,
					comment, planId)
			.update();
		audit.record("planning.history.plan", "unit_plan", planId, filedAt + " " + outcome);
	}

	/** A period report filed at {@code filedAt}; late when after the day of the period's deadline. */
	@Transactional
	public void report(DvkUser user, long reportId, Instant filedAt, FilingStatus outcome, String reviewer) {
		access.require(user, Permission.RUN_MONITORING);
		long periodId = jdbc.sql("select period_id from period_report where id = ?").params(reportId)
			.query(Long.class).single();
		PlanningService.Period period = planning.period(periodId);
		jdbc.sql("update period_report set submitted_at = ?, late = ?, status = ?, reviewed_by = ? where id = ?")
			.params(Timestamp.from(filedAt), filedAt.isAfter(Deadlines.endOfDay(period.deadline())), outcome.name(),
					outcome == FilingStatus.SUBMITTED ? null : reviewer, reportId)
			.update();
		audit.record("planning.history.report", "period_report", reportId, filedAt + " " + outcome);
	}

}
