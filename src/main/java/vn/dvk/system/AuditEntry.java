package vn.dvk.system;

import java.time.Instant;

/** One line of the audit trail: who did what to which record, when, from where, and what changed. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String targetType,
		String targetId, String summary, String ip) {
}
