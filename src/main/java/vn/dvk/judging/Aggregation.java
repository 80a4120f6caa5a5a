package vn.dvk.judging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three ways a panel's scores become one figure per subject (a model before a council, an entry before a
 * jury), computed side by side:
 * <ul>
 * <li><b>mean</b>: the mean of the members' totals for the model;</li>
 * <li><b>trimmed mean</b>: the same without the highest and the lowest total, only when at least five members
 * scored the model (otherwise {@code null});</li>
 * <li><b>normalized</b>: each member's totals are standardized over every model that member scored in the round
 * (z = (total − the member's mean) / the member's standard deviation; a member who gave every model the same
 * total contributes z = 0, so no division by zero), the model's z-scores are averaged, and the result is put back
 * on the rubric's scale with the mean and standard deviation of all totals of the round, clamped to
 * [0, maximum].</li>
 * </ul>
 * A member's total for a model is the weighted sum of their criterion scores. Pure arithmetic, no database.
 */
public final class Aggregation {

	private Aggregation() {
	}

	/** One subject's figures; {@code trimmedMean} is null below five members. */
	public record Figures(long subjectId, int members, double mean, Double trimmedMean, double normalized) {

		/**
		 * The figure a method ranks by. Below five sheets nothing is dropped, so the trimmed method ranks by the
		 * mean: a subject a conflicted judge could not score is not pushed below the others for it.
		 */
		public Double by(Method method) {
			return switch (method) {
				case MEAN -> mean;
				case TRIMMED_MEAN -> trimmedMean != null ? trimmedMean : mean;
				case NORMALIZED -> normalized;
			};
		}

	}

	public enum Method {

		MEAN, TRIMMED_MEAN, NORMALIZED

	}

	/**
	 * @param totals member id → (model id → that member's total for the model)
	 * @param maximum the highest total the rubric allows
	 * @return figures per model, in the order models first appear
	 */
	public static Map<Long, Figures> compute(Map<Long, Map<Long, Double>> totals, double maximum) {
		Map<Long, List<Double>> perModel = new LinkedHashMap<>();
		Map<Long, List<Double>> zPerModel = new HashMap<>();
		List<Double> all = new ArrayList<>();
		for (Map.Entry<Long, Map<Long, Double>> member : totals.entrySet()) {
			Map<Long, Double> scores = member.getValue();
			if (scores.isEmpty()) {
				continue;
			}
			double mean = scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
			double variance = scores.values().stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElse(0);
			double sd = Math.sqrt(variance);
			for (Map.Entry<Long, Double> s : scores.entrySet()) {
				perModel.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(s.getValue());
				zPerModel.computeIfAbsent(s.getKey(), k -> new ArrayList<>())
					.add(sd < 1e-9 ? 0.0 : (s.getValue() - mean) / sd);
				all.add(s.getValue());
			}
		}
		double grandMean = all.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		double grandSd = Math.sqrt(all.stream().mapToDouble(v -> (v - grandMean) * (v - grandMean)).average().orElse(0));
		Map<Long, Figures> result = new LinkedHashMap<>();
		for (Map.Entry<Long, List<Double>> m : perModel.entrySet()) {
			List<Double> values = m.getValue();
			double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
			Double trimmed = null;
			if (values.size() >= 5) {
				List<Double> sorted = new ArrayList<>(values);
				sorted.sort(Comparator.naturalOrder());
				trimmed = sorted.subList(1, sorted.size() - 1).stream().mapToDouble(Double::doubleValue).average()
					.orElse(0);
			}
			double z = zPerModel.get(m.getKey()).stream().mapToDouble(Double::doubleValue).average().orElse(0);
			double normalized = Math.max(0, Math.min(maximum, grandMean + z * grandSd));
			result.put(m.getKey(), new Figures(m.getKey(), values.size(), round(mean), trimmed == null ? null
					: round(trimmed), round(normalized)));
		}
		return result;
	}

	/** Ranks 1, 2, … by the method, best first; equal figures share a rank; models without a figure get none. */
	public static Map<Long, Integer> rank(Map<Long, Figures> figures, Method method) {
		List<Figures> ordered = new ArrayList<>(figures.values());
		ordered.sort(Comparator.comparing((Figures f) -> f.by(method), Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(Figures::subjectId));
		Map<Long, Integer> ranks = new LinkedHashMap<>();
		Double previous = null;
		int rank = 0;
		for (int i = 0; i < ordered.size(); i++) {
			Double value = ordered.get(i).by(method);
			if (value == null) {
				break; // nulls are last
			}
			if (i == 0 || !value.equals(previous)) {
				rank = i + 1;
			}
			previous = value;
			ranks.put(ordered.get(i).subjectId(), rank);
		}
		return ranks;
	}

	static double round(double v) {
		return Math.round(v * 100.0) / 100.0;
	}

}
