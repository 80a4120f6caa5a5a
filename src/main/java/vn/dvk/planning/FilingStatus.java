package vn.dvk.planning;

/** Where a plan or a period report stands: draft → submitted → approved, or returned with a comment. */
public enum FilingStatus {

	DRAFT, SUBMITTED, APPROVED, RETURNED;

	/** Filed means the province has it: submitted or approved. */
	public boolean filed() {
		return this == SUBMITTED || this == APPROVED;
	}

	/** The officer may still change it. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

}
