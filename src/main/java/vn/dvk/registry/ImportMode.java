package vn.dvk.registry;

/** What to do with a file that has bad rows: import nothing, or import the valid rows. */
public enum ImportMode {

	ALL_OR_NOTHING, VALID_ROWS;

	public static ImportMode of(String text) {
		return text != null && text.trim().equalsIgnoreCase("valid-rows") ? VALID_ROWS : ALL_OR_NOTHING;
	}

}
