package vn.dvk.judging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.dvk.judging.Judging.Declared;

/**
 * A panel's members, subjects and stored conflicts (those members declared and the chair's exclusions; the automatic
 * ones are the owner module's): the SQL behind {@link Judging}.
 */
@Repository
class PanelStore {

	private final JdbcClient jdbc;

	PanelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Seats a member with a role (one chair, one secretary: who held the role before becomes a member). */
	void seat(long panelId, long userId, MemberRole role, String affiliation) {
		if (role != MemberRole.MEMBER) {
			jdbc.sql("update judging_member set role = 'MEMBER' where panel_id = ? and role = ?")
				.params(panelId, role.name())
				.update();
		}
		int updated = jdbc.sql("update judging_member set role = ?, affiliation = ? where panel_id = ? and user_id = ?")
			.params(role.name(), affiliation, panelId, userId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into judging_member (panel_id, user_id, role, affiliation) values (?, ?, ?, ?)")
				.params(panelId, userId, role.name(), affiliation)
				.update();
		}
	}

	Map<Long, Member> members(long panelId) {
		Map<Long, Member> m = new LinkedHashMap<>();
		jdbc.sql("select user_id, role, affiliation from judging_member where panel_id = ? order by user_id")
			.params(panelId)
			.query(rs -> {
				m.put(rs.getLong(1), new Member(rs.getLong(1), MemberRole.valueOf(rs.getString(2)), rs.getString(3)));
			});
		return m;
	}

	/** The panels of a kind that have the subject before them. */
	List<Long> panelsBefore(String kind, long subjectId) {
		return jdbc.sql("select s.panel_id from judging_subject s join judging_panel p on p.id = s.panel_id "
				+ "where p.kind = ? and s.subject_id = ?").params(kind, subjectId).query(Long.class).list();
	}

	/** Takes a subject off a panel with its conflicts (the sheets are ScoreSheets'). */
	void withdraw(long panelId, long subjectId) {
		jdbc.sql("delete from judging_conflict where panel_id = ? and subject_id = ?").params(panelId, subjectId)
			.update();
		jdbc.sql("delete from judging_subject where panel_id = ? and subject_id = ?").params(panelId, subjectId)
			.update();
	}

	/** "member:subject" → kind. */
	Map<String, ConflictKind> stored(long panelId) {
		Map<String, ConflictKind> found = new HashMap<>();
		jdbc.sql("select user_id, subject_id, kind from judging_conflict where panel_id = ?")
			.params(panelId)
			.query(rs -> {
				found.put(rs.getLong(1) + ":" + rs.getLong(2), ConflictKind.valueOf(rs.getString(3)));
			});
		return found;
	}

	/** Records a member's conflict on a subject, replacing one recorded before. */
	void put(long panelId, long userId, long subjectId, ConflictKind kind, String note) {
		jdbc.sql("delete from judging_conflict where panel_id = ? and user_id = ? and subject_id = ?")
			.params(panelId, userId, subjectId)
			.update();
		jdbc.sql("insert into judging_conflict (panel_id, user_id, subject_id, kind, note, declared_at) values "
				+ "(?, ?, ?, ?, ?, ?)")
			.params(panelId, userId, subjectId, kind.name(), note, Timestamp.from(Instant.now()))
			.update();
	}

	/** Oldest first, with their notes (for the minutes). */
	List<Declared> declared(long panelId) {
		return jdbc.sql("select user_id, subject_id, kind, note from judging_conflict where panel_id = ? "
				+ "order by declared_at, user_id")
			.params(panelId)
			.query((rs, n) -> new Declared(rs.getLong(1), rs.getLong(2), ConflictKind.valueOf(rs.getString(3)),
					rs.getString(4)))
			.list();
	}

}
