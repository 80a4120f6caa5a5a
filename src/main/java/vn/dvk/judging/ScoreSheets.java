package vn.dvk.judging;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvk.shared.VietnameseText;

/**
 * Where a panel keeps its judges' sheets: a score table (panel, subject, judge, criterion, score, comment) and a
 * sheet table (panel, subject, judge, saved, submitted). Appraisal councils keep theirs in {@code appraisal_*}
 * (subject = model), contest juries in {@code contest_*} (subject = entry); the code is the same. The caller checks
 * who may score and {@link Rubrics#check} the sheet first.
 */
public final class ScoreSheets {

	private final JdbcClient jdbc;

	private final String scores;

	private final String sheets;

	private final String subject;

	/** Table and column names are the panel's own constants, never user input. */
	public ScoreSheets(JdbcClient jdbc, String scoreTable, String sheetTable, String subjectColumn) {
		this.jdbc = jdbc;
		this.scores = scoreTable;
		this.sheets = sheetTable;
		this.subject = subjectColumn;
	}

	/** Replaces a judge's sheet on a subject (scores and comments) and marks it saved, and submitted when asked. */
	public void save(long panelId, long subjectId, long userId, List<Rubrics.Criterion> criteria,
			Map<Long, Double> given, Map<Long, String> comments, boolean submit) {
		clearScores(panelId, subjectId, userId);
		for (Rubrics.Criterion c : criteria) {
			Double s = given == null ? null : given.get(c.id());
			if (s != null) {
				String comment = comments == null ? null : comments.get(c.id());
				jdbc.sql("insert into " + scores + " (round_id, " + subject + ", user_id, criterion_id, score, comment) "
						+ "values (?, ?, ?, ?, ?, ?)")
					.params(panelId, subjectId, userId, c.id(), BigDecimal.valueOf(s),
							VietnameseText.isBlank(comment) ? null : cut(VietnameseText.clean(comment), 1000))
					.update();
			}
		}
		Timestamp now = Timestamp.from(Instant.now());
		int updated = jdbc.sql("update " + sheets + " set saved_at = ?, submitted_at = ? where round_id = ? and "
				+ subject + " = ? and user_id = ?")
			.params(now, submit ? now : null, panelId, subjectId, userId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into " + sheets + " (round_id, " + subject + ", user_id, saved_at, submitted_at) "
					+ "values (?, ?, ?, ?, ?)")
				.params(panelId, subjectId, userId, now, submit ? now : null)
				.update();
		}
	}

	/** A judge's scores on a subject: criterion id → score. */
	public Map<Long, Double> scores(long panelId, long subjectId, long userId) {
		Map<Long, Double> m = new HashMap<>();
		jdbc.sql("select criterion_id, score from " + scores + " where round_id = ? and " + subject + " = ? and user_id = ?")
			.params(panelId, subjectId, userId)
			.query(rs -> {
				m.put(rs.getLong(1), rs.getBigDecimal(2).doubleValue());
			});
		return m;
	}

	/** A judge's comments on a subject: criterion id → comment. */
	public Map<Long, String> comments(long panelId, long subjectId, long userId) {
		Map<Long, String> m = new HashMap<>();
		jdbc.sql("select criterion_id, comment from " + scores + " where round_id = ? and " + subject + " = ? and "
				+ "user_id = ? and comment is not null")
			.params(panelId, subjectId, userId)
			.query(rs -> {
				m.put(rs.getLong(1), rs.getString(2));
			});
		return m;
	}

	/** The submitted sheets of a panel, as "judge:subject". */
	public Set<String> submitted(long panelId) {
		return jdbc.sql("select user_id, " + subject + " from " + sheets + " where round_id = ? and submitted_at is not null")
			.params(panelId)
			.query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2))
			.set();
	}

	/** Each judge's weighted total per subject, from submitted sheets only: judge → (subject → total). */
	public Map<Long, Map<Long, Double>> totals(long panelId, List<Rubrics.Criterion> criteria) {
		Map<Long, Double> weights = criteria.stream()
			.collect(Collectors.toMap(Rubrics.Criterion::id, Rubrics.Criterion::weight));
		Map<Long, Map<Long, Double>> totals = new LinkedHashMap<>();
		jdbc.sql("select s.user_id, s." + subject + ", s.criterion_id, s.score from " + scores + " s join " + sheets
				+ " h on h.round_id = s.round_id and h." + subject + " = s." + subject + " and h.user_id = s.user_id "
				+ "where s.round_id = ? and h.submitted_at is not null")
			.params(panelId)
			.query(rs -> {
				totals.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
					.merge(rs.getLong(2), weights.getOrDefault(rs.getLong(3), 1.0) * rs.getBigDecimal(4).doubleValue(),
							Double::sum);
			});
		return totals;
	}

	/** Removes a judge's sheet on a subject entirely (a conflict declared after scoring). */
	public void delete(long panelId, long subjectId, long userId) {
		clearScores(panelId, subjectId, userId);
		jdbc.sql("delete from " + sheets + " where round_id = ? and " + subject + " = ? and user_id = ?")
			.params(panelId, subjectId, userId)
			.update();
	}

	private void clearScores(long panelId, long subjectId, long userId) {
		jdbc.sql("delete from " + scores + " where round_id = ? and " + subject + " = ? and user_id = ?")
			.params(panelId, subjectId, userId)
			.update();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
