package vn.dvk.judging;

import java.util.List;

/**
 * Why a judge does not score a subject. Declared by the judge (own unit, family, supervised, other), set by the
 * panel's chair (with a reason), or found automatically by the panel's own rule (same organization or commune as a
 * model; author of an entry or working at its outlet).
 */
public enum ConflictKind {

	OWN_UNIT, FAMILY, SUPERVISED, OTHER,
	/** Not declared by the judge: the chair (or staff) took the judge off the subject, with a reason. */
	CHAIR_EXCLUDED,
	/** Automatic: the judge belongs to the model's organization. */
	AUTO_UNIT,
	/** Automatic: the judge's organization is in the model's commune. */
	AUTO_COMMUNE,
	/** Automatic: the judge is an author of the entry. */
	AUTO_AUTHOR,
	/** Automatic: the judge works at the entry's outlet. */
	AUTO_OUTLET;

	/** The kinds a judge may declare. */
	public static List<ConflictKind> declarable() {
		return List.of(OWN_UNIT, FAMILY, SUPERVISED, OTHER);
	}

	public String messageKey() {
		return "judging.conflict." + name();
	}

}
