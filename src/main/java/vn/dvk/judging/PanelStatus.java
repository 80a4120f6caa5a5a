package vn.dvk.judging;

/** A panel takes sheets while OPEN; once CLOSED nothing changes. */
enum PanelStatus {

	OPEN, CLOSED

}
