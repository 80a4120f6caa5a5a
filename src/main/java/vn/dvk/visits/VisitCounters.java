package vn.dvk.visits;

import java.time.LocalDate;
import java.util.Map;

/**
 * Shared state (ARCHITECTURE.md): the counts not yet written to the database. The in-process implementation
 * serves a single node; the cluster mode puts them in Redis. Exactly what is drained is written once: a failed
 * write gives the deltas back.
 */
interface VisitCounters {

	void visit(LocalDate day);

	/** One page view on that day, of that content ({@code null} for pages that show no single piece). */
	void pageView(LocalDate day, ContentRef content);

	/** Takes every pending count; they stay visible in {@link #pendingViews} and the others until settled. */
	Deltas drain();

	/** The drained deltas are in the database now. */
	void settled(Deltas deltas);

	/** The write failed: the deltas are pending again, to be written by the next flush. */
	void failed(Deltas deltas);

	long pendingVisits(LocalDate day);

	long pendingPageViews(LocalDate day);

	long pendingViews(ContentRef content);

	/** Counts taken out of the counters: per day {visits, page views}, per content its views. */
	record Deltas(Map<LocalDate, long[]> days, Map<ContentRef, Long> views) {

		boolean isEmpty() {
			return days.isEmpty() && views.isEmpty();
		}

		long visits() {
			return days.values().stream().mapToLong(v -> v[0]).sum();
		}

	}

}
