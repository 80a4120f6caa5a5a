package vn.dvk.planning;

import vn.dvk.account.Permission;

import vn.dvk.account.AccessPolicy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.DvkUser;
import vn.dvk.account.NotificationService;
import vn.dvk.account.Role;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;

/**
 * Inspections (kiểm tra): a team from the province visits organizations on a date with a content; per
 * organization it records findings and recommendations, which the organization answers; follow-up items with due
 * dates are tracked until closed. An officer sees only what concerns their own organization.
 */
@Service
public class InspectionService {

	private final vn.dvk.shared.Texts texts;

	private final AccessPolicy access;

	public record Inspection(long id, String title, String content, LocalDate plannedOn, String status,
			List<Member> team, List<Unit> units) {
	}

	public record Member(long userId, String name, boolean leader) {
	}

	public record Unit(long organizationId, String name, String findings, String recommendations, String answer,
			Instant answeredAt, List<Item> items) {
	}

	public record Item(long id, long organizationId, String description, LocalDate dueOn, String status,
			String response, Instant closedAt) {

		public boolean open() {
			return "OPEN".equals(status);
		}

		public boolean overdue(LocalDate today) {
			return open() && dueOn.isBefore(today);
		}

	}

	public record Summary(long id, String title, LocalDate plannedOn, String status, int units, int openItems) {
	}

	private final JdbcClient jdbc;

	private final NotificationService notifications;

	private final AuditLog audit;

	InspectionService(JdbcClient jdbc, NotificationService notifications, AuditLog audit, AccessPolicy access, vn.dvk.shared.Texts texts) {
		this.texts = texts;
		this.access = access;
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.audit = audit;
	}

	@Transactional
	public Inspection create(DvkUser user, String title, String content, LocalDate plannedOn, List<Long> team,
			Long leaderId, List<Long> organizations) {
		access.require(user, Permission.RUN_MONITORING);
		String t = PlanningService.clean(title, 300);
		if (t == null) {
			throw UserFacingException.field("title", "planning.inspection.title.required");
		}
		if (plannedOn == null) {
			throw UserFacingException.field("plannedOn", "planning.inspection.date.required");
		}
		if (organizations == null || organizations.isEmpty()) {
			throw UserFacingException.field("organizations", "planning.inspection.units");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into inspection (title, content, planned_on, status, created_at, created_by) values "
				+ "(?, ?, ?, 'PLANNED', ?, ?)")
			.params(t, PlanningService.clean(content, 4000), Date.valueOf(plannedOn), Timestamp.from(Instant.now()),
					user.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Long member : new java.util.LinkedHashSet<>(team == null ? List.<Long>of() : team)) {
			jdbc.sql("insert into inspection_member (inspection_id, user_id, leader) values (?, ?, ?)")
				.params(id, member, member.equals(leaderId))
				.update();
		}
		for (Long org : new java.util.LinkedHashSet<>(organizations)) {
			jdbc.sql("insert into inspection_unit (inspection_id, organization_id) values (?, ?)").params(id, org).update();
			notifications.notifyOrganization(org, texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.inspection", t),
					texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.inspection.body", vn.dvk.shared.VietnameseFormats.date(plannedOn)),
					"/quan-tri/kiem-tra/" + id);
		}
		audit.record("planning.inspection", "inspection", id, t);
		return get(user, id);
	}

	/** Records (or corrects) the findings and recommendations for one inspected organization. */
	@Transactional
	public void record(DvkUser user, long inspectionId, long organizationId, String findings, String recommendations) {
		requireTeam(user, inspectionId);
		int n = jdbc.sql("update inspection_unit set findings = ?, recommendations = ? where inspection_id = ? and "
				+ "organization_id = ?")
			.params(PlanningService.clean(findings, 10_000), PlanningService.clean(recommendations, 10_000), inspectionId,
					organizationId)
			.update();
		if (n == 0) {
			throw UserFacingException.badRequest("planning.inspection.notInspected");
		}
		jdbc.sql("update inspection set status = 'DONE' where id = ?").params(inspectionId).update();
		notifications.notifyOrganization(organizationId, texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.findings"),
				texts.in(vn.dvk.shared.RequestLocales.VIETNAMESE, "planning.notice.findings.body"), "/quan-tri/kiem-tra/" + inspectionId);
		audit.record("planning.inspection", "inspection", inspectionId, "findings for " + organizationId);
	}

	/** Adds a follow-up item for an inspected organization, due on a day. */
	@Transactional
	public long addItem(DvkUser user, long inspectionId, long organizationId, String description, LocalDate dueOn) {
		requireTeam(user, inspectionId);
		String d = PlanningService.clean(description, 2000);
		if (d == null || dueOn == null) {
			throw UserFacingException.field("description", "planning.inspection.item.required");
		}
		if (jdbc.sql("select count(*) from inspection_unit where inspection_id = ? and organization_id = ?")
			.params(inspectionId, organizationId)
			.query(Long.class)
			.single() == 0) {
			throw UserFacingException.badRequest("planning.inspection.notInspected");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into inspection_item (inspection_id, organization_id, description, due_on, status) values "
				+ "(?, ?, ?, ?, ?)")
			.params(inspectionId, organizationId, d, Date.valueOf(dueOn), ItemStatus.OPEN.name())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The inspected organization answers the findings (an officer of it). */
	@Transactional
	public void answer(DvkUser user, long inspectionId, String answer) {
		Long org = user == null ? null : user.organizationId();
		if (org == null || !access.allows(user, Permission.FILE_PLANS)) {
			throw new AccessDeniedException("answers only for its own organization");
		}
		String a = PlanningService.clean(answer, 10_000);
		if (a == null) {
			throw UserFacingException.field("answer", "planning.inspection.answer.required");
		}
		int n = jdbc.sql("update inspection_unit set answer = ?, answered_at = ?, answered_by = ? where inspection_id = ? "
				+ "and organization_id = ?")
			.params(a, Timestamp.from(Instant.now()), user.getUsername(), inspectionId, org)
			.update();
		if (n == 0) {
			throw new AccessDeniedException("not inspected");
		}
		audit.record("planning.inspection", "inspection", inspectionId, "answer of " + org);
	}

	/**
	 * Closes a follow-up item with what was done: the organization's officer reports it done, or the team closes it.
	 */
	@Transactional
	public void closeItem(DvkUser user, long itemId, String response) {
		record Row(long inspection, long organization, String status) {
		}
		Row row = jdbc.sql("select inspection_id, organization_id, status from inspection_item where id = ?")
			.params(itemId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("planning.inspection.itemNotFound"));
		boolean own = access.allows(user, Permission.FILE_PLANS) && user.organizationId() != null
				&& user.organizationId() == row.organization();
		if (!own && !onTeam(user, row.inspection())) {
			throw new AccessDeniedException("item of another organization");
		}
		String r = PlanningService.clean(response, 2000);
		if (r == null) {
			throw UserFacingException.field("response", "planning.inspection.response.required");
		}
		int n = jdbc.sql("update inspection_item set status = ?, response = ?, closed_at = ?, closed_by = ? "
				+ "where id = ? and status = ?")
			.params(ItemStatus.CLOSED.name(), r, Timestamp.from(Instant.now()), user.getUsername(), itemId,
					ItemStatus.OPEN.name())
			.update();
		if (n == 0) {
			throw new UserFacingException(HttpStatus.CONFLICT, "planning.inspection.itemClosed");
		}
		audit.record("planning.inspection", "inspection", row.inspection(), "item " + itemId + " closed");
	}

	public Inspection get(DvkUser user, long id) {
		record Head(long id, String title, String content, LocalDate on, String status) {
		}
		Head h = jdbc.sql("select id, title, content, planned_on, status from inspection where id = ?")
			.params(id)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
					rs.getString(5)))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("planning.inspection.notFound"));
		boolean team = onTeam(user, id);
		Long own = access.allows(user, Permission.FILE_PLANS) ? user.organizationId() : null;
		List<Member> members = jdbc.sql("select m.user_id, u.full_name, m.leader from inspection_member m join account_directory u "
				+ "on u.id = m.user_id where m.inspection_id = ? order by m.leader desc, u.full_name")
			.params(id)
			.query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
			.list();
		Map<Long, List<Item>> items = new LinkedHashMap<>();
		jdbc.sql("select id, organization_id, description, due_on, status, response, closed_at from inspection_item "
				+ "where inspection_id = ? order by due_on, id")
			.params(id)
			.query(rs -> {
				Timestamp closed = rs.getTimestamp(7);
				items.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
					.add(new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
							rs.getString(5), rs.getString(6), closed == null ? null : closed.toInstant()));
			});
		List<Unit> units = new ArrayList<>();
		jdbc.sql("select i.organization_id, o.name, i.findings, i.recommendations, i.answer, i.answered_at from "
				+ "inspection_unit i join organization_directory o on o.id = i.organization_id where i.inspection_id = ? order by o.sort_key")
			.params(id)
			.query(rs -> {
				long org = rs.getLong(1);
				if (team || (own != null && own == org)) {
					Timestamp answered = rs.getTimestamp(6);
					units.add(new Unit(org, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
							answered == null ? null : answered.toInstant(), items.getOrDefault(org, List.of())));
				}
			});
		if (!team && units.isEmpty()) {
			throw new AccessDeniedException("inspection of other organizations");
		}
		return new Inspection(h.id(), h.title(), h.content(), h.on(), h.status(), members, units);
	}

	/** Inspections the user may open (staff: all; team members: theirs; officers: those of their organization). */
	public PageResult<Summary> list(DvkUser user, PageResult.Request page) {
		String where;
		List<Object> params = new ArrayList<>();
		if (access.allows(user, Permission.RUN_MONITORING)) {
			where = "";
		}
		else if (user.organizationId() != null && access.allows(user, Permission.FILE_PLANS)) {
			where = " where i.id in (select inspection_id from inspection_unit where organization_id = ?) or i.id in "
					+ "(select inspection_id from inspection_member where user_id = ?)";
			params.add(user.organizationId());
			params.add(user.id());
		}
		else {
			where = " where i.id in (select inspection_id from inspection_member where user_id = ?)";
			params.add(user.id());
		}
		long total = jdbc.sql("select count(*) from inspection i" + where).params(params).query(Long.class).single();
		List<Summary> items = jdbc.sql("select i.id, i.title, i.planned_on, i.status, "
				+ "(select count(*) from inspection_unit u where u.inspection_id = i.id), "
				+ "(select count(*) from inspection_item t where t.inspection_id = i.id and t.status = '" + ItemStatus.OPEN
				+ "') "
				+ "from inspection i" + where + " order by i.planned_on desc, i.id desc offset " + page.offset()
				+ " rows fetch next " + page.size() + " rows only")
			.params(params)
			.query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
					rs.getInt(5), rs.getInt(6)))
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** Staff, or a member of the inspection's team. */
	public boolean onTeam(DvkUser user, long inspectionId) {
		if (access.allows(user, Permission.RUN_MONITORING)) {
			return true;
		}
		return user != null && jdbc.sql("select count(*) from inspection_member where inspection_id = ? and user_id = ?")
			.params(inspectionId, user.id())
			.query(Long.class)
			.single() > 0;
	}

	private void requireTeam(DvkUser user, long inspectionId) {
		if (!onTeam(user, inspectionId)) {
			throw new AccessDeniedException("not on the inspection team");
		}
	}

}
