package vn.dvk.registry;

/** Status actions staff can apply to a selection of models at once. */
public enum BulkAction {

	PASS_TO_APPRAISAL, RETURN, REJECT, RECOGNIZE;

	public String messageKey() {
		return "registry.bulk." + name();
	}

}
