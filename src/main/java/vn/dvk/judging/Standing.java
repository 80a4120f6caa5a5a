package vn.dvk.judging;

/**
 * A subject's standing in its panel: the three aggregations of the submitted sheets, how many sheets of how many
 * expected (conflicted members are not expected), and the rank by the deciding method within its group.
 */
public record Standing(long subjectId, Aggregation.Figures figures, int sheets, int expected, Integer rank) {

	/** The figure the panel decides by, or null without a sheet. */
	public Double deciding(Aggregation.Method method) {
		return figures == null ? null : figures.by(method);
	}

}
