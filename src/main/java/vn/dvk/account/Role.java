package vn.dvk.account;

/** What a user does in the movement; a user may hold several roles. */
public enum Role {

	/** Manages users, units, organizations and settings. */
	ADMIN,
	/** Provincial staff of the mass-mobilization committee. */
	PROVINCE_STAFF,
	/** Commune or agency officer who registers models and files plans and reports. */
	OFFICER,
	/** Writes and publishes news on the portal (provincial staff may too). */
	EDITOR,
	/** Member of an appraisal council. */
	APPRAISER,
	/** Member of a press-contest jury. */
	JURY,
	/** Journalist using the press kit and submitting contest entries. */
	JOURNALIST,
	/** Citizen with a portal account (votes in polls). */
	CITIZEN;

	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "account.role." + name();
	}

}
