package vn.dvk.visits;

/**
 * Shared state (ARCHITECTURE.md): when each visitor was last seen, to tell a new visit from a continuing one and to
 * count who is online. In process for one node; Redis in cluster mode.
 */
interface VisitorActivity {

	/**
	 * Records a page view by this visitor at {@code nowMillis}; {@code true} when it starts a visit (the visitor
	 * was never seen, or not for the idle gap).
	 */
	boolean seen(String visitorKey, boolean member, long nowMillis);

	/** Visitors seen since {@code sinceMillis}. */
	VisitorSnapshot.Online online(long sinceMillis);

}
