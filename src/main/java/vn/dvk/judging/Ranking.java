package vn.dvk.judging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The panel's arithmetic on what is stored: which sheets are missing, and the ranked standings. */
final class Ranking {

	private Ranking() {
	}

	/** Every (member, subject) pair with neither a submitted sheet nor a conflict. */
	static List<Missing> missing(Collection<Long> members, List<Long> subjects, Set<String> submitted,
			Map<String, ConflictKind> conflicts) {
		List<Missing> missing = new ArrayList<>();
		for (Long member : members) {
			for (Long subject : subjects) {
				String key = member + ":" + subject;
				if (!submitted.contains(key) && !conflicts.containsKey(key)) {
					missing.add(new Missing(member, subject));
				}
			}
		}
		return missing;
	}

	/**
	 * Subjects ranked within their group by the panel's deciding method; ties broken by the mean, then by the
	 * earlier subject; expected sheets leave out the members conflicted on the subject.
	 */
	static Map<Long, Standing> standings(Panel panel, Map<Long, Aggregation.Figures> figures, List<Long> subjects,
			Set<Long> members, Map<String, ConflictKind> conflicts, Function<Long, String> groupOf) {
		Comparator<Long> order = Comparator
			.comparing((Long s) -> figures.get(s) == null ? null : figures.get(s).by(panel.decidingMethod()),
					Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(s -> figures.get(s) == null ? null : figures.get(s).mean(),
					Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(Comparator.naturalOrder());
		Map<String, Integer> positions = new HashMap<>();
		Map<Long, Standing> out = new LinkedHashMap<>();
		for (Long s : subjects.stream().sorted(order).toList()) {
			Aggregation.Figures f = figures.get(s);
			String group = groupOf == null ? "" : String.valueOf(groupOf.apply(s));
			Integer rank = f == null ? null : positions.merge(group, 1, Integer::sum);
			long expected = members.stream().filter(m -> !conflicts.containsKey(m + ":" + s)).count();
			out.put(s, new Standing(s, f, f == null ? 0 : f.members(), (int) expected, rank));
		}
		return out;
	}

}
