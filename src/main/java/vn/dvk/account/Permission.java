package vn.dvk.account;

import java.util.EnumSet;
import java.util.Set;


/**
 * What a user may do, whatever the record: the one table of "which roles may…" ({@link AccessPolicy} adds the
 * record's scope, panel membership and blind rounds). docs/ARCHITECTURE.md prints this table; a test keeps it true.
 * Nothing else in the code names roles to decide access.
 */
public enum Permission {

	/** Opens the back office ({@code /quan-tri}): every role but citizens. */
	BACK_OFFICE(Role.ADMIN, Role.PROVINCE_STAFF, Role.OFFICER, Role.EDITOR, Role.APPRAISER, Role.JURY, Role.JOURNALIST),
	/** Creates and changes user accounts. */
	MANAGE_USERS(Role.ADMIN),
	/** Administrative units, organizations and organization types. */
	MANAGE_UNITS(Role.ADMIN),
	/** The configurable lists of the registry (fields, target groups, movements). */
	MANAGE_CATALOGUES(Role.ADMIN),
	/** Reads the audit trail. */
	READ_AUDIT(Role.ADMIN),
	/** Takes an online backup of the embedded database. */
	BACKUP(Role.ADMIN),
	/** Sets the starting figure of the total of visits. */
	SET_VISIT_BASELINE(Role.ADMIN),
	/** Reads the visitor statistics page. */
	READ_VISIT_STATISTICS(Role.ADMIN, Role.PROVINCE_STAFF, Role.EDITOR),
	/** Reads the interactive API documentation (Swagger UI). */
	READ_API_DOCS(Role.ADMIN, Role.PROVINCE_STAFF),
	/** Sees the back-office list of models (within the user's scope). */
	BROWSE_MODELS(Role.ADMIN, Role.PROVINCE_STAFF, Role.OFFICER, Role.APPRAISER, Role.JURY),
	/** Registers, edits and imports models of the user's scope. */
	REGISTER_MODELS(Role.ADMIN, Role.PROVINCE_STAFF, Role.OFFICER),
	/** Reviews registrations: returns, rejects, passes to appraisal, recognizes, links replications. */
	REVIEW_MODELS(Role.ADMIN, Role.PROVINCE_STAFF),
	/** Writes and publishes news of the user's scope. */
	WRITE_NEWS(Role.ADMIN, Role.PROVINCE_STAFF, Role.EDITOR),
	/** Manages news categories. */
	MANAGE_NEWS_CATEGORIES(Role.ADMIN, Role.PROVINCE_STAFF),
	/** Creates, closes, exports and audits polls. */
	RUN_POLLS(Role.ADMIN, Role.PROVINCE_STAFF),
	/** Opens appraisal rounds, appoints councils, decides. */
	RUN_APPRAISAL(Role.ADMIN, Role.PROVINCE_STAFF),
	/** May be appointed to an appraisal council. */
	SIT_ON_COUNCIL(Role.APPRAISER),
	/** Organizes commendation conferences, nominates, accepts or declines proposals, prints certificates. */
	RUN_COMMENDATION(Role.ADMIN, Role.PROVINCE_STAFF),
	/** Proposes models of the user's organization for commendation. */
	PROPOSE_FOR_COMMENDATION(Role.ADMIN, Role.PROVINCE_STAFF, Role.OFFICER),
	/** Organizes the press contest: rounds, juries, eligibility, advancement, prizes, publication. */
	RUN_CONTEST(Role.ADMIN, Role.PROVINCE_STAFF),
	/** May be appointed to a contest jury. */
	SIT_ON_JURY(Role.JURY),
	/** Submits contest entries. */
	ENTER_CONTEST(Role.ADMIN, Role.PROVINCE_STAFF, Role.JOURNALIST),
	/** Recommends exemplars to the press. */
	RECOMMEND_TO_PRESS(Role.ADMIN, Role.PROVINCE_STAFF),
	/** The planning calendar, reviews of plans and reports, reminders, directive documents, inspections. */
	RUN_MONITORING(Role.ADMIN, Role.PROVINCE_STAFF),
	/** Files the annual plan and period reports of the user's own organization, answers inspections. */
	FILE_PLANS(Role.OFFICER),
	/** Reads the dashboard and the summary reports of the user's scope. */
	READ_REPORTS(Role.ADMIN, Role.PROVINCE_STAFF, Role.OFFICER),
	/** Sees records of the user's scope in the back office (units' records, filings, inspections). */
	READ_SCOPE(Role.ADMIN, Role.PROVINCE_STAFF, Role.OFFICER, Role.APPRAISER, Role.JURY, Role.EDITOR),
	/** Changes records of the user's scope. */
	CHANGE_SCOPE(Role.ADMIN, Role.PROVINCE_STAFF, Role.OFFICER),
	/** Sees and changes records of every scope, whatever the user's own. */
	EVERY_SCOPE(Role.ADMIN);

	private final Set<Role> roles;

	Permission(Role... roles) {
		this.roles = EnumSet.of(roles[0], roles);
	}

	/** The roles that hold this permission. */
	public Set<Role> roles() {
		return EnumSet.copyOf(roles);
	}

	public boolean heldBy(Set<Role> held) {
		for (Role r : held) {
			if (roles.contains(r)) {
				return true;
			}
		}
		return false;
	}

	public String messageKey() {
		return "account.permission." + name();
	}

}
