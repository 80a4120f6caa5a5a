package vn.dvk.judging;

import java.time.LocalDate;
import java.util.List;

/**
 * A judging panel: the round of an owner module it belongs to, its rubric, deciding method, whether it is blind, and
 * whether it still takes sheets.
 */
public record Panel(long id, String kind, long ownerId, long templateId, Aggregation.Method decidingMethod,
		boolean blind, boolean open, LocalDate deadline, List<Rubrics.Criterion> criteria, int version) {

	/** The highest total a member can give a subject. */
	public double maximum() {
		return Rubrics.maximum(criteria);
	}

}
