package vn.dvk.planning;

/** A follow-up item of an inspection: OPEN until the organization answers it, then CLOSED. */
enum ItemStatus {

	OPEN, CLOSED

}
