package vn.dvk.planning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.Permission;
import vn.dvk.account.DvkUser;
import vn.dvk.account.NotificationService;
import vn.dvk.account.ScopeSql;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;

/**
 * Lagging units (đơn vị chậm, chưa tích cực) and the reminders (đôn đốc) that follow: the list is computed from the
 * calendar, the filings and the registry, each reason switchable in settings ({@code dvk.monitoring.*}); reminders
 * go one by one, in bulk, or on schedule (before and after each deadline) as in-app notifications and e-mail.
 */
@Service
public class MonitoringService {

	private final vn.dvk.shared.Texts texts;

	/** Why a unit is on the list. */
	public enum Reason {

		/** No plan filed after the year's deadline. */
		NO_PLAN,
		/** No report filed after a period's deadline. */
		NO_REPORT,
		/** No model or exemplar registered this year. */
		NO_NEW_MODEL,
		/** Running models without a result update for months. */
		STALE_MODELS,
		/** Every model lacks measurable outputs. */
		NOT_MEASURABLE

	}

	/** A reason with what it is about (the period's name, how many models). */
	public record Finding(Reason reason, String detail) {
	}

	public record LaggingUnit(long organizationId, String name, String locality, List<Finding> findings) {
	}

	public record ReminderRecord(long id, long organizationId, String organizationName, String reason, String message,
			boolean scheduled, String sentBy, Instant sentAt, int recipients) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final PlanningService planning;

	private final NotificationService notifications;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final Set<Reason> enabled;

	private final int staleMonths;

	private final int remindBeforeDays;

	private final int remindAfterDays;

	MonitoringService(JdbcClient jdbc, AccessPolicy access, PlanningService planning, NotificationService notifications,
			AuditLog audit, org.springframework.transaction.PlatformTransactionManager transactions,
			@Value("${dvk.monitoring.reasons:NO_PLAN,NO_REPORT,NO_NEW_MODEL,STALE_MODELS,NOT_MEASURABLE}") Set<Reason> enabled,
			@Value("${dvk.monitoring.stale-months:6}") int staleMonths,
			@Value("${dvk.monitoring.remind-before-days:7}") int remindBeforeDays,
			@Value("${dvk.monitoring.remind-after-days:1}") int remindAfterDays, vn.dvk.shared.Texts texts) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.access = access;
		this.planning = planning;
		this.notifications = notifications;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
		this.enabled = enabled.isEmpty() ? EnumSet.noneOf(Reason.class) : EnumSet.copyOf(enabled);
		this.staleMonths = staleMonths;
		this.remindBeforeDays = remindBeforeDays;
		this.remindAfterDays = remindAfterDays;
	}

	public Set<Reason> enabledReasons() {
		return enabled;
	}

	public int staleMonths() {
		return staleMonths;
	}

	/**
	 * The lagging units of a year in the viewer's scope, as of today in Vietnam: six queries whatever the number of
	 * organizations (each reason is one grouped query), then combined here.
	 */
	public List<LaggingUnit> lagging(DvkUser user, int year) {
		access.require(user, Permission.RUN_MONITORING);
		return lagging(user, year, Deadlines.today());
	}

	List<LaggingUnit> lagging(DvkUser user, int year, LocalDate today) {
		ScopeSql scope = ScopeSql.of(access.filterFor(user), "o.id", "o.locality_id");
		record Org(long id, String name, String locality) {
		}
		Map<Long, Org> orgs = new LinkedHashMap<>();
		jdbc.sql("select o.id, o.name, u.name from organization_directory o join unit_directory u on u.id = o.locality_id "
				+ "where o.active = true and " + scope.condition() + " order by o.sort_key, o.id")
			.params(scope.params())
			.query(rs -> {
				orgs.put(rs.getLong(1), new Org(rs.getLong(1), rs.getString(2), rs.getString(3)));
			});
		Map<Long, List<Finding>> found = new HashMap<>();
		var calendar = planning.calendar(year);
		if (enabled.contains(Reason.NO_PLAN) && calendar.isPresent() && today.isAfter(calendar.get().planDeadline())) {
			Set<Long> filed = new HashSet<>(jdbc.sql("select organization_id from unit_plan where plan_year = ? and "
					+ "status in ('SUBMITTED', 'APPROVED')").params(year).query(Long.class).list());
			orgs.keySet().stream().filter(id -> !filed.contains(id)).forEach(id -> add(found, id, Reason.NO_PLAN,
					Integer.toString(year)));
		}
		if (enabled.contains(Reason.NO_REPORT) && calendar.isPresent()) {
			for (PlanningService.Period p : calendar.get().periods()) {
				if (!today.isAfter(p.deadline())) {
					continue;
				}
				Set<Long> filed = new HashSet<>(jdbc.sql("select organization_id from period_report where period_id = ? "
						+ "and status in ('SUBMITTED', 'APPROVED')").params(p.id()).query(Long.class).list());
				// the period's name reads mid-sentence ("chưa gửi báo cáo sơ kết …")
				String name = p.name().isEmpty() ? p.code()
						: p.name().substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + p.name().substring(1);
				orgs.keySet().stream().filter(id -> !filed.contains(id)).forEach(id -> add(found, id, Reason.NO_REPORT,
						name));
			}
		}
		if (enabled.contains(Reason.NO_NEW_MODEL) && !today.isBefore(LocalDate.of(year, 1, 1))) {
			Set<Long> active = new HashSet<>(jdbc.sql("select distinct organization_id from registry_model_facts "
					+ "where registered = true and created_at >= ? and created_at < ?")
				.params(start(LocalDate.of(year, 1, 1)), start(LocalDate.of(year + 1, 1, 1)))
				.query(Long.class)
				.list());
			orgs.keySet().stream().filter(id -> !active.contains(id)).forEach(id -> add(found, id, Reason.NO_NEW_MODEL,
					Integer.toString(year)));
		}
		if (enabled.contains(Reason.STALE_MODELS)) {
			LocalDate since = today.minusMonths(staleMonths);
			jdbc.sql("select organization_id, count(*) from registry_model_facts where recognized = true and "
					+ "coalesce(last_result_date, recognition_date) < ? group by organization_id")
				.params(Date.valueOf(since))
				.query(rs -> {
					if (orgs.containsKey(rs.getLong(1))) {
						add(found, rs.getLong(1), Reason.STALE_MODELS, Long.toString(rs.getLong(2)));
					}
				});
		}
		if (enabled.contains(Reason.NOT_MEASURABLE)) {
			jdbc.sql("select organization_id, count(*) from registry_model_facts where running = true "
					+ "group by organization_id having sum(case when measurable then 1 else 0 end) = 0")
				.query(rs -> {
					if (orgs.containsKey(rs.getLong(1))) {
						add(found, rs.getLong(1), Reason.NOT_MEASURABLE, Long.toString(rs.getLong(2)));
					}
				});
		}
		List<LaggingUnit> units = new ArrayList<>();
		orgs.values().forEach(o -> {
			List<Finding> f = found.get(o.id());
			if (f != null) {
				units.add(new LaggingUnit(o.id(), o.name(), o.locality(), f));
			}
		});
		return units;
	}

	private static void add(Map<Long, List<Finding>> found, long id, Reason reason, String detail) {
		found.computeIfAbsent(id, k -> new ArrayList<>()).add(new Finding(reason, detail));
	}

	// --- reminders ------------------------------------------------------------------------------------------------

	/**
	 * Reminds organizations now (one click or a ticked list): a notification to each officer (and e-mail as they
	 * chose) and a line in each organization's reminder history. Returns the number of people notified.
	 */
	@Transactional
	public int remind(DvkUser user, List<Long> organizationIds, String reason, String message) {
		access.require(user, Permission.RUN_MONITORING);
		if (organizationIds == null || organizationIds.isEmpty()) {
			throw UserFacingException.badRequest("planning.remind.none");
		}
		String text = PlanningService.clean(message, 2000);
		if (text == null) {
			throw UserFacingException.field("message", "planning.remind.message.required");
		}
		int people = 0;
		for (Long org : new java.util.LinkedHashSet<>(organizationIds)) {
			int n = notifications.notifyOrganization(org,
					texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.remind", abbreviate(text, 120)), text, "/quan-tri/ke-hoach");
			jdbc.sql("insert into reminder (organization_id, reason, message, sent_by, sent_at, recipients) values "
					+ "(?, ?, ?, ?, ?, ?)")
				.params(org, reason == null || reason.isBlank() ? "MANUAL" : reason, text, user.getUsername(),
						Timestamp.from(Instant.now()), n)
				.update();
			people += n;
		}
		audit.record("planning.remind", "organization", organizationIds.size() == 1 ? organizationIds.get(0) : null,
				organizationIds.size() + " units, " + people + " people");
		return people;
	}

	/** Reminders sent to organizations in the viewer's scope (one organization's when given), newest first. */
	public PageResult<ReminderRecord> history(DvkUser user, Long organizationId, PageResult.Request page) {
		ScopeSql scope = ScopeSql.of(access.filterFor(user), "o.id", "o.locality_id");
		String where = " where " + scope.condition() + (organizationId == null ? "" : " and r.organization_id = ?");
		List<Object> params = new ArrayList<>(scope.params());
		if (organizationId != null) {
			params.add(organizationId);
		}
		long total = jdbc.sql("select count(*) from reminder r join organization_directory o on o.id = r.organization_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<ReminderRecord> items = jdbc
			.sql("select r.id, r.organization_id, o.name, r.reason, r.message, r.scheduled_key, r.sent_by, r.sent_at, "
					+ "r.recipients from reminder r join organization_directory o on o.id = r.organization_id" + where
					+ " order by r.sent_at desc, r.id desc offset " + page.offset() + " rows fetch next " + page.size()
					+ " rows only")
			.params(params)
			.query((rs, n) -> new ReminderRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6) != null, rs.getString(7), rs.getTimestamp(8).toInstant(),
					rs.getInt(9)))
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** Every morning in Vietnam, on one node: the reminders due before and after each deadline. */
	@Scheduled(cron = "${dvk.monitoring.reminder-cron:0 0 8 * * *}", zone = "Asia/Ho_Chi_Minh")
	@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "planning-reminders", lockAtMostFor = "PT30M")
	public void scheduledReminders() {
		sendScheduled(Deadlines.today());
	}

	/**
	 * Sends the scheduled reminders due on a day: from {@code remind-before-days} before a deadline until it, to the
	 * organizations that have not filed; from {@code remind-after-days} after it (for 30 days), to those still
	 * missing. Each goes once per organization and deadline: its key is unique, so a second node (or a second run)
	 * finds it taken and sends nothing. Returns the number of organizations reminded.
	 */
	public int sendScheduled(LocalDate today) {
		int sent = 0;
		for (int year : new int[] { today.getYear() - 1, today.getYear() }) {
			var calendar = planning.calendar(year);
			if (calendar.isEmpty()) {
				continue;
			}
			LocalDate planDeadline = calendar.get().planDeadline();
			String phase = phase(today, planDeadline);
			if (phase != null) {
				List<Long> missing = jdbc.sql("select o.id from organization_directory o where o.active = true and not exists "
						+ "(select 1 from unit_plan p where p.organization_id = o.id and p.plan_year = ? and "
						+ "p.status in ('SUBMITTED', 'APPROVED'))").params(year).query(Long.class).list();
				String message = "before".equals(phase)
						? texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.planDue", String.valueOf(year), vn(planDeadline))
						: texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.planLate", String.valueOf(year), vn(planDeadline));
				sent += sendOnce(missing, "plan-" + year + "-" + phase, "NO_PLAN", message,
						"/quan-tri/ke-hoach/" + year + "/don-vi/");
			}
			for (PlanningService.Period p : calendar.get().periods()) {
				String periodPhase = phase(today, p.deadline());
				if (periodPhase == null) {
					continue;
				}
				List<Long> missing = jdbc.sql("select o.id from organization_directory o where o.active = true and not exists "
						+ "(select 1 from period_report r where r.organization_id = o.id and r.period_id = ? and "
						+ "r.status in ('SUBMITTED', 'APPROVED'))").params(p.id()).query(Long.class).list();
				String message = "before".equals(periodPhase)
						? texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.reportDue", p.name(), vn(p.deadline()))
						: texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.reportLate", p.name(), vn(p.deadline()));
				sent += sendOnce(missing, "report-" + p.id() + "-" + periodPhase, "NO_REPORT", message,
						"/quan-tri/ke-hoach/bao-cao/" + p.id() + "/don-vi/");
			}
		}
		return sent;
	}

	private String phase(LocalDate today, LocalDate deadline) {
		if (!today.isBefore(deadline.minusDays(remindBeforeDays)) && !today.isAfter(deadline)) {
			return "before";
		}
		if (!today.isBefore(deadline.plusDays(remindAfterDays)) && !today.isAfter(deadline.plusDays(30))) {
			return "after";
		}
		return null;
	}

	private int sendOnce(List<Long> organizations, String key, String reason, String message, String linkPrefix) {
		int sent = 0;
		for (Long org : organizations) {
			Boolean done = tx.execute(status -> {
				try {
					// the key is taken first: a concurrent run waits on it, then finds it taken
					jdbc.sql("insert into reminder (organization_id, reason, message, scheduled_key, sent_by, sent_at, "
							+ "recipients) values (?, ?, ?, ?, 'system', ?, 0)")
						.params(org, reason, message, key, Timestamp.from(Instant.now()))
						.update();
				}
				catch (DuplicateKeyException ex) {
					status.setRollbackOnly(); // PostgreSQL cannot commit after the refused insert
					return false;
				}
				int n = notifications.notifyOrganization(org,
						texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.remind", abbreviate(message, 120)), message,
						linkPrefix + org);
				jdbc.sql("update reminder set recipients = ? where organization_id = ? and scheduled_key = ?")
					.params(n, org, key)
					.update();
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				sent++;
			}
		}
		return sent;
	}

	private static String vn(LocalDate d) {
		return vn.dvk.shared.VietnameseFormats.date(d);
	}

	private static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(vn.dvk.registry.RegistryFigures.ZONE).toInstant());
	}

	private static String abbreviate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
