package vn.dvk.account;

/** Over which records a user's roles apply. */
public enum AccessScope {

	/** Records of the user's organization and its sub-organizations. */
	ORGANIZATION,
	/** Records of every organization in the commune of the user's organization. */
	COMMUNE,
	/** Records of the whole province. */
	PROVINCE;

	public String messageKey() {
		return "account.scope." + name();
	}

}
