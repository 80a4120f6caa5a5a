package vn.dvk.judging;

import java.util.Map;

/** One member's sheet on a subject as the chair reads it: status, scores and comments per criterion, or the conflict. */
public record MemberSheet(long userId, String name, MemberRole role, ConflictKind conflict, boolean submitted,
		Map<Long, Double> scores, Map<Long, String> comments, Double total) {
}
