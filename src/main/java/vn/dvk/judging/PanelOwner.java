package vn.dvk.judging;

import java.util.Collection;
import java.util.Map;

import vn.dvk.account.Permission;

/**
 * What a module that judges something tells the judging module about its panels: the kind it owns, who runs and who
 * may sit on such panels, its own rule for automatic conflicts of interest, and how a subject is named in messages.
 * Appraisal (models before a council) and the press contest (entries before a jury) implement it.
 */
public interface PanelOwner {

	/** The kind this module's panels carry (stored with the panel). */
	String kind();

	/** Who opens the panels, appoints members, closes and decides (staff). */
	Permission runs();

	/** Who may be appointed a member. */
	Permission sits();

	/**
	 * The automatic conflicts between members and subjects, keyed "member:subject", found by the module's rule
	 * (the member's organization or commune registered the model; the juror wrote the entry or works at its
	 * outlet). Declared ones and the chair's exclusions are the judging module's and are added to these.
	 */
	Map<String, ConflictKind> automaticConflicts(Panel panel, Map<Long, Member> members, Collection<Long> subjects);

	/** A subject's name as messages and reminders show it. */
	String subjectName(long subjectId);

	/** The panel's name in messages and reminders (the round's name). */
	String panelName(Panel panel);

	/** The back-office page of the panel, for the link in a reminder (path only). */
	String panelPath(Panel panel);

}
