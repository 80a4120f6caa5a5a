package vn.dvk.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The three aggregations on examples computed by hand. */
class AggregationTests {

	/**
	 * Three members, three models, rubric maximum 100.
	 * <pre>
	 *            model 1  model 2  model 3   member mean  member sd
	 * member A      80       60       70         70        √(200/3) = 8.165
	 * member B      90       90       90         90        0   (every z = 0: no division by zero)
	 * member C      70       40       55         55        √(450/3) = 12.247
	 * z of A:    +1.2247  −1.2247     0
	 * z of C:    +1.2247  −1.2247     0
	 * mean z:    +0.8165  −0.8165     0          (A, B, C)
	 * mean:       80.00    63.33    71.67
	 * all nine totals: mean 71.667, sd √(2500/9) = 16.667
	 * normalized = 71.667 + mean z × 16.667:  85.27   58.06   71.67
	 * </pre>
	 */
	@Test
	void meanAndNormalizedOnAHandComputedExample() {
		Map<Long, Map<Long, Double>> totals = new LinkedHashMap<>();
		totals.put(1L, scores(80, 60, 70));
		totals.put(2L, scores(90, 90, 90));
		totals.put(3L, scores(70, 40, 55));
		Map<Long, Aggregation.Figures> f = Aggregation.compute(totals, 100);
		assertThat(f.get(1L).mean()).isEqualTo(80.0);
		assertThat(f.get(2L).mean()).isEqualTo(63.33);
		assertThat(f.get(3L).mean()).isEqualTo(71.67);
		assertThat(f.get(1L).normalized()).isEqualTo(85.27);
		assertThat(f.get(2L).normalized()).isEqualTo(58.06);
		assertThat(f.get(3L).normalized()).isEqualTo(71.67);
		assertThat(f.get(1L).trimmedMean()).as("three members: no trimmed mean").isNull();
		assertThat(Aggregation.rank(f, Aggregation.Method.MEAN)).containsExactly(Map.entry(1L, 1), Map.entry(3L, 2),
				Map.entry(2L, 3));
		assertThat(Aggregation.rank(f, Aggregation.Method.TRIMMED_MEAN)).as("below five sheets: ranked by the mean")
			.isEqualTo(Aggregation.rank(f, Aggregation.Method.MEAN));
	}

	/** Five members on one model: 50, 60, 70, 80, 100 → mean 72, trimmed (60 + 70 + 80) / 3 = 70. */
	@Test
	void trimmedMeanDropsTheHighestAndLowestFromFiveMembers() {
		Map<Long, Map<Long, Double>> totals = new LinkedHashMap<>();
		double[] given = { 50, 60, 70, 80, 100 };
		for (int m = 0; m < given.length; m++) {
			totals.put((long) m, Map.of(7L, given[m], 8L, 40.0));
		}
		Map<Long, Aggregation.Figures> f = Aggregation.compute(totals, 100);
		assertThat(f.get(7L).mean()).isEqualTo(72.0);
		assertThat(f.get(7L).trimmedMean()).isEqualTo(70.0);
		assertThat(f.get(8L).trimmedMean()).isEqualTo(40.0);
	}

	@Test
	void aMemberGivingTheSameScoreEverywhereOrNoScoresAtAllBreaksNothing() {
		Map<Long, Map<Long, Double>> totals = new LinkedHashMap<>();
		totals.put(1L, Map.of(1L, 50.0, 2L, 50.0));
		totals.put(2L, Map.of());
		Map<Long, Aggregation.Figures> f = Aggregation.compute(totals, 100);
		assertThat(f.get(1L).normalized()).isEqualTo(50.0);
		assertThat(f.get(2L).normalized()).isEqualTo(50.0);
		assertThat(Aggregation.compute(Map.of(), 100)).isEmpty();
	}

	private static Map<Long, Double> scores(double one, double two, double three) {
		Map<Long, Double> m = new LinkedHashMap<>();
		m.put(1L, one);
		m.put(2L, two);
		m.put(3L, three);
		return m;
	}

}
