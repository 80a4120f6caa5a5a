package vn.dvk.registry;

/**
 * Weaknesses the movement itself names ("chung chung, chưa rõ nét, hiệu quả chưa cao, thiếu sức lan tỏa"), computed
 * from the record and shown to staff.
 */
public enum QualityFlag {

	/** No indicator and no number with a unit in the outputs text. */
	NO_MEASURABLE_OUTPUT,
	/** Recognized, and no result update for the configured period (6 months by default). */
	STALE_RESULTS,
	/** Recognized longer ago than the configured period (2 years by default) and never replicated. */
	NEVER_REPLICATED,
	/** One of the registration items is shorter than its configured minimum. */
	THIN_CONTENT;

	public String messageKey() {
		return "registry.flag." + name();
	}

}
