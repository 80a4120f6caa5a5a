package vn.dvk.judging;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.shared.VietnameseText;

/**
 * Where members' sheets are kept ({@code judging_sheet}, {@code judging_score}): saved or submitted, a score and a
 * comment per criterion. {@link Judging} checks who may write and {@link Rubrics#check} the sheet first.
 */
@Component
class ScoreSheets {

	private final JdbcClient jdbc;

	ScoreSheets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces a member's sheet on a subject and marks it saved, and submitted when asked. */
	void save(long panelId, long subjectId, long userId, List<Rubrics.Criterion> criteria, Map<Long, Double> given,
			Map<Long, String> comments, boolean submit) {
		clearScores(panelId, subjectId, userId);
		for (Rubrics.Criterion c : criteria) {
			Double s = given == null ? null : given.get(c.id());
			if (s != null) {
				String comment = comments == null ? null : comments.get(c.id());
				jdbc.sql("insert into judging_score (panel_id, subject_id, user_id, criterion_id, score, comment) "
						+ "values (?, ?, ?, ?, ?, ?)")
					.params(panelId, subjectId, userId, c.id(), BigDecimal.valueOf(s),
							VietnameseText.isBlank(comment) ? null : cut(VietnameseText.clean(comment), 1000))
					.update();
			}
		}
		Timestamp now = Timestamp.from(Instant.now());
		int updated = jdbc.sql("update judging_sheet set saved_at = ?, submitted_at = ? where panel_id = ? and "
				+ "subject_id = ? and user_id = ?")
			.params(now, submit ? now : null, panelId, subjectId, userId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into judging_sheet (panel_id, subject_id, user_id, saved_at, submitted_at) values "
					+ "(?, ?, ?, ?, ?)")
				.params(panelId, subjectId, userId, now, submit ? now : null)
				.update();
		}
	}

	Map<Long, Double> scores(long panelId, long subjectId, long userId) {
		Map<Long, Double> m = new HashMap<>();
		jdbc.sql("select criterion_id, score from judging_score where panel_id = ? and subject_id = ? and user_id = ?")
			.params(panelId, subjectId, userId)
			.query(rs -> {
				m.put(rs.getLong(1), rs.getBigDecimal(2).doubleValue());
			});
		return m;
	}

	Map<Long, String> comments(long panelId, long subjectId, long userId) {
		Map<Long, String> m = new HashMap<>();
		jdbc.sql("select criterion_id, comment from judging_score where panel_id = ? and subject_id = ? and "
				+ "user_id = ? and comment is not null")
			.params(panelId, subjectId, userId)
			.query(rs -> {
				m.put(rs.getLong(1), rs.getString(2));
			});
		return m;
	}

	/** Every member's scores and comments on one subject: member → (criterion → value). */
	void all(long panelId, long subjectId, Map<Long, Map<Long, Double>> scores, Map<Long, Map<Long, String>> comments) {
		jdbc.sql("select user_id, criterion_id, score, comment from judging_score where panel_id = ? and subject_id = ?")
			.params(panelId, subjectId)
			.query(rs -> {
				scores.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.put(rs.getLong(2), rs.getBigDecimal(3).doubleValue());
				String comment = rs.getString(4);
				if (comment != null) {
					comments.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), comment);
				}
			});
	}

	/** The submitted sheets of a panel, as "member:subject". */
	Set<String> submitted(long panelId) {
		return jdbc.sql("select user_id, subject_id from judging_sheet where panel_id = ? and submitted_at is not null")
			.params(panelId)
			.query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2))
			.set();
	}

	/** Each member's weighted total per subject, from submitted sheets only: member → (subject → total). */
	Map<Long, Map<Long, Double>> totals(long panelId, List<Rubrics.Criterion> criteria) {
		Map<Long, Double> weights = criteria.stream()
			.collect(Collectors.toMap(Rubrics.Criterion::id, Rubrics.Criterion::weight));
		Map<Long, Map<Long, Double>> totals = new LinkedHashMap<>();
		jdbc.sql("select s.user_id, s.subject_id, s.criterion_id, s.score from judging_score s join judging_sheet h on "
				+ "h.panel_id = s.panel_id and h.subject_id = s.subject_id and h.user_id = s.user_id "
				+ "where s.panel_id = ? and h.submitted_at is not null")
			.params(panelId)
			.query(rs -> {
				totals.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
					.merge(rs.getLong(2), weights.getOrDefault(rs.getLong(3), 1.0) * rs.getBigDecimal(4).doubleValue(),
							Double::sum);
			});
		return totals;
	}

	/** Takes a member's sheet back to draft (excluded by the chair: it no longer counts). */
	void withdraw(long panelId, long subjectId, long userId) {
		jdbc.sql("update judging_sheet set submitted_at = null where panel_id = ? and subject_id = ? and user_id = ?")
			.params(panelId, subjectId, userId)
			.update();
	}

	/** Removes a member's sheet entirely (a conflict declared after scoring). */
	void delete(long panelId, long subjectId, long userId) {
		clearScores(panelId, subjectId, userId);
		jdbc.sql("delete from judging_sheet where panel_id = ? and subject_id = ? and user_id = ?")
			.params(panelId, subjectId, userId)
			.update();
	}

	/** Removes every sheet on subjects that left the panel. */
	void deleteSubjects(long panelId, Collection<Long> subjectIds) {
		if (subjectIds.isEmpty()) {
			return;
		}
		jdbc.sql("delete from judging_score where panel_id = :p and subject_id in (:s)")
			.param("p", panelId)
			.param("s", subjectIds)
			.update();
		jdbc.sql("delete from judging_sheet where panel_id = :p and subject_id in (:s)")
			.param("p", panelId)
			.param("s", subjectIds)
			.update();
	}

	private void clearScores(long panelId, long subjectId, long userId) {
		jdbc.sql("delete from judging_score where panel_id = ? and subject_id = ? and user_id = ?")
			.params(panelId, subjectId, userId)
			.update();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
