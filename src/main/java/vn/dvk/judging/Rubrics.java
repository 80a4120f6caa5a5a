package vn.dvk.judging;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;

/**
 * Rubric templates: weighted criteria, each with a maximum score, and a pass threshold within the rubric's range.
 * Panels keep the template they were opened with. Also the checks every score sheet goes through, and its total.
 * Callers check who may create templates; this class checks what a template and a sheet may contain.
 */
@Service
public class Rubrics {

	public record Criterion(long id, String name, double weight, double maxScore) {
	}

	public record Template(long id, String name, double passThreshold, List<Criterion> criteria) {

		/** The highest weighted total a sheet can reach. */
		public double maximum() {
			return Rubrics.maximum(criteria);
		}

	}

	private final JdbcClient jdbc;

	Rubrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Template> templates() {
		return jdbc.sql("select id, name, pass_threshold from rubric_template order by id")
			.query((rs, n) -> new Template(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3).doubleValue(),
					criteria(rs.getLong(1))))
			.list();
	}

	public Optional<Template> template(long id) {
		return jdbc.sql("select id, name, pass_threshold from rubric_template where id = ?")
			.params(id)
			.query((rs, n) -> new Template(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3).doubleValue(),
					criteria(rs.getLong(1))))
			.optional();
	}

	/** The first template: the movement's default rubric unless staff added others before it. */
	public long defaultTemplateId() {
		return jdbc.sql("select min(id) from rubric_template").query(Long.class).single();
	}

	public List<Criterion> criteria(long templateId) {
		return jdbc
			.sql("select id, name, weight, max_score from rubric_criterion where template_id = ? order by position")
			.params(templateId)
			.query((rs, n) -> new Criterion(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3).doubleValue(),
					rs.getBigDecimal(4).doubleValue()))
			.list();
	}

	/**
	 * A new template: criteria as name, weight (0.1 to 10) and maximum score (1 to 1,000), one per line; the
	 * threshold must lie within the rubric's range.
	 */
	@Transactional
	public Template create(String name, Double passThreshold, List<String[]> criteria) {
		String n = name == null ? "" : VietnameseText.clean(name);
		if (VietnameseText.isBlank(n) || n.length() > 200) {
			throw UserFacingException.field("name", "judging.template.name");
		}
		if (criteria == null || criteria.isEmpty() || criteria.size() > 30) {
			throw UserFacingException.field("criteria", "judging.template.criteria");
		}
		List<Object[]> parsed = new ArrayList<>();
		double maximum = 0;
		for (String[] c : criteria) {
			try {
				String label = VietnameseText.clean(c[0]);
				double weight = Double.parseDouble(c[1].strip().replace(',', '.'));
				double max = Double.parseDouble(c[2].strip().replace(',', '.'));
				if (VietnameseText.isBlank(label) || label.length() > 300 || weight < 0.1 || weight > 10 || max < 1
						|| max > 1000) {
					throw new IllegalArgumentException();
				}
				parsed.add(new Object[] { label, weight, max });
				maximum += weight * max;
			}
			catch (RuntimeException ex) {
				throw UserFacingException.field("criteria", "judging.template.line", String.join(" | ", c));
			}
		}
		if (passThreshold == null || passThreshold <= 0 || passThreshold > maximum) {
			throw UserFacingException.field("passThreshold", "judging.template.threshold",
					VietnameseFormats.number(maximum));
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into rubric_template (name, pass_threshold, created_at) values (?, ?, ?)")
			.params(n, BigDecimal.valueOf(passThreshold), Timestamp.from(Instant.now()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (int i = 0; i < parsed.size(); i++) {
			Object[] c = parsed.get(i);
			jdbc.sql("insert into rubric_criterion (template_id, position, name, weight, max_score) values (?, ?, ?, ?, ?)")
				.params(id, i, c[0], BigDecimal.valueOf((Double) c[1]), BigDecimal.valueOf((Double) c[2]))
				.update();
		}
		return template(id).orElseThrow();
	}

	/**
	 * Checks a sheet against its criteria: every score between 0 and the criterion's maximum, none for a criterion
	 * of another rubric, and, when the sheet is submitted, one for every criterion. The refusal names the criterion.
	 */
	public static void check(List<Criterion> criteria, Map<Long, Double> scores, boolean complete) {
		for (Criterion c : criteria) {
			Double s = scores == null ? null : scores.get(c.id());
			if (s == null) {
				if (complete) {
					throw UserFacingException.field("score" + c.id(), "judging.score.missing", c.name());
				}
				continue;
			}
			if (s.isNaN() || s < 0 || s > c.maxScore()) {
				throw UserFacingException.field("score" + c.id(), "judging.score.range", c.name(),
						VietnameseFormats.number(c.maxScore()));
			}
		}
		Set<Long> known = criteria.stream().map(Criterion::id).collect(Collectors.toSet());
		if (scores != null && !known.containsAll(scores.keySet())) {
			throw UserFacingException.badRequest("judging.score.foreignCriterion");
		}
	}

	/** A sheet as posted: scores and comments per criterion, and the first score that was not a number (or null). */
	public record Posted(Map<Long, Double> scores, Map<Long, String> comments, Criterion notANumber) {

		/** The refusal for a score that is not a number, naming its criterion. */
		public UserFacingException refusal() {
			return UserFacingException.field("score" + notANumber.id(), "judging.score.range", notANumber.name(),
					VietnameseFormats.number(notANumber.maxScore()));
		}

	}

	/**
	 * Reads a posted sheet (fields {@code score{id}} and {@code comment{id}}; "7,5" and "7.5" both read as 7.5). It
	 * keeps everything typed, so a refused sheet can be shown again as it was.
	 */
	public static Posted read(List<Criterion> criteria, Map<String, String> form) {
		Map<Long, Double> scores = new java.util.HashMap<>();
		Map<Long, String> comments = new java.util.HashMap<>();
		Criterion bad = null;
		for (Criterion c : criteria) {
			String v = form.get("score" + c.id());
			if (v != null && !v.isBlank()) {
				try {
					scores.put(c.id(), Double.parseDouble(v.strip().replace(',', '.')));
				}
				catch (NumberFormatException ex) {
					bad = bad == null ? c : bad;
				}
			}
			String comment = form.get("comment" + c.id());
			if (comment != null) {
				comments.put(c.id(), comment);
			}
		}
		return new Posted(scores, comments, bad);
	}

	/** The weighted total of a sheet (criteria without a score count nothing). */
	public static double total(List<Criterion> criteria, Map<Long, Double> scores) {
		double total = 0;
		for (Criterion c : criteria) {
			Double s = scores.get(c.id());
			if (s != null) {
				total += c.weight() * s;
			}
		}
		return total;
	}

	public static double maximum(List<Criterion> criteria) {
		return criteria.stream().mapToDouble(c -> c.weight() * c.maxScore()).sum();
	}

}
