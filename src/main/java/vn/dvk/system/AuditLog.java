package vn.dvk.system;

import vn.dvk.shared.VietnameseText;

import vn.dvk.shared.VietnameseFormats;

import vn.dvk.shared.PageResult;


import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: every administrative change and every security event, with who, when, what and a before/after
 * summary. Written in the caller's transaction, so a change and its audit line commit or roll back together.
 */
@Service
public class AuditLog {

	/** Actor recorded when nobody is logged in (start-up jobs, demo data). */
	public static final String SYSTEM = "system";

	private static final int MAX_SUMMARY = 4000;

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an action by the current user (or {@link #SYSTEM}). */
	@Transactional(propagation = Propagation.SUPPORTS)
	public void record(String action, String targetType, Object targetId, String summary) {
		recordAs(currentActor(), action, targetType, targetId, summary);
	}

	@Transactional(propagation = Propagation.SUPPORTS)
	public void recordAs(String actor, String action, String targetType, Object targetId, String summary) {
		jdbc.sql("""
				insert into audit_event (occurred_at, actor, action, target_type, target_id, summary, ip)
				values (:at, :actor, :action, :targetType, :targetId, :summary, :ip)""")
			.param("at", Timestamp.from(Instant.now()))
			.param("actor", truncate(actor == null ? SYSTEM : actor, 60))
			.param("action", action)
			.param("targetType", targetType)
			.param("targetId", targetId == null ? null : truncate(targetId.toString(), 60))
			.param("summary", summary == null ? null : truncate(summary, MAX_SUMMARY))
			.param("ip", currentIp())
			.update();
	}

	public PageResult<AuditEntry> search(Query query, PageResult.Request page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (!VietnameseText.isBlank(query.actor())) {
			where.append(" and actor = :actor");
			params.put("actor", query.actor().trim().toLowerCase(java.util.Locale.ROOT));
		}
		if (!VietnameseText.isBlank(query.action())) {
			where.append(" and action = :action");
			params.put("action", query.action().trim());
		}
		if (!VietnameseText.isBlank(query.targetType())) {
			where.append(" and target_type = :targetType");
			params.put("targetType", query.targetType().trim());
		}
		if (query.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", Timestamp.from(query.from().atStartOfDay(VietnameseFormats.ZONE).toInstant()));
		}
		if (query.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(VietnameseFormats.ZONE).toInstant()));
		}
		long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
		List<AuditEntry> items = jdbc
			.sql("select id, occurred_at, actor, action, target_type, target_id, summary, ip from audit_event" + where
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
					rs.getString("target_id"), rs.getString("summary"), rs.getString("ip")))
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** Distinct action codes seen so far, for the filter drop-down. */
	public List<String> actions() {
		return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
	}

	/**
	 * "field: before → after" for each field whose value differs, in the order given; fields absent on one side
	 * count as empty. Used as the summary of an update.
	 */
	public static String changes(Map<String, ?> before, Map<String, ?> after) {
		List<String> parts = new ArrayList<>();
		for (String field : after.keySet()) {
			Object b = before.get(field);
			Object a = after.get(field);
			if (!Objects.equals(b, a)) {
				parts.add(field + ": " + quote(b) + " → " + quote(a));
			}
		}
		return String.join("; ", parts);
	}

	/** "field: value" for each field, for a creation. */
	public static String values(Map<String, ?> values) {
		List<String> parts = new ArrayList<>();
		values.forEach((field, value) -> parts.add(field + ": " + quote(value)));
		return String.join("; ", parts);
	}

	private static String quote(Object value) {
		return value == null ? "∅" : "\"" + value + "\"";
	}

	public static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
			return SYSTEM;
		}
		return auth.getName();
	}

	private static String currentIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return truncate(request.getRemoteAddr(), 45);
		}
		return null;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	/** Filters of the audit page; every field is optional. */
	public record Query(String actor, String action, String targetType, LocalDate from, LocalDate to) {
	}

}
