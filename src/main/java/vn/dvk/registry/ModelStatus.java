package vn.dvk.registry;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a model: draft → submitted → under appraisal → recognized → maintained (result updates) →
 * replicated → commended; or returned for revision, rejected, discontinued. Every transition is recorded with who,
 * when and why.
 */
public enum ModelStatus {

	DRAFT, SUBMITTED, RETURNED, UNDER_APPRAISAL, RECOGNIZED, MAINTAINED, REPLICATED, COMMENDED, REJECTED, DISCONTINUED;

	/** States shown on the public portal and in open data. */
	public static final Set<ModelStatus> PUBLIC = EnumSet.of(RECOGNIZED, MAINTAINED, REPLICATED, COMMENDED);

	/** States of a model that has been recognized and is still running. */
	public static final Set<ModelStatus> RECOGNIZED_STATES = PUBLIC;

	public boolean isPublic() {
		return PUBLIC.contains(this);
	}

	public boolean isRecognized() {
		return RECOGNIZED_STATES.contains(this);
	}

	/** Whether the registering unit may still edit the content. */
	public boolean isEditableByOfficer() {
		return this == DRAFT || this == RETURNED;
	}

	public String messageKey() {
		return "registry.status." + name();
	}

	/** Bootstrap badge colour of the status in lists. */
	public String badge() {
		return switch (this) {
			case DRAFT -> "text-bg-light";
			case SUBMITTED, UNDER_APPRAISAL -> "text-bg-info";
			case RETURNED -> "text-bg-warning";
			case RECOGNIZED, MAINTAINED, REPLICATED, COMMENDED -> "text-bg-success";
			case REJECTED, DISCONTINUED -> "text-bg-secondary";
		};
	}

}
