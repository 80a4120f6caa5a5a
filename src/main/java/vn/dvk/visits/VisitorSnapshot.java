package vn.dvk.visits;

import java.time.LocalDate;

/** The figures of the visitor-statistics box and of {@code GET /api/v1/stats/visitors}. */
public record VisitorSnapshot(Online online, long totalVisits, Day today, Day yesterday) {

	/** People seen in the last few minutes (5 by default): guests, logged-in members, and both. */
	public record Online(long guests, long members, long total) {
	}

	/** Visits started and pages viewed on one day (Asia/Ho_Chi_Minh). */
	public record Day(LocalDate date, long visits, long pageViews) {
	}

}
