package vn.dvk.registry;

/**
 * The registration items after the name (the ten items real forms ask for are the name and these nine), with the
 * column that stores each and the minimum length below which the content counts as thin.
 */
public enum ContentItem {

	SITUATION("situation", 100), GOALS("goals", 60), CONTENT_METHOD("content_method", 200),
	AREA_TARGET("area_target", 30), FORCES("forces", 30), RESOURCES("resources", 30), TIMELINE("timeline", 15),
	OUTPUTS("outputs", 60), SUSTAINABILITY("sustainability", 50);

	public static final int MAX_LENGTH = 10_000;

	private final String column;

	private final int defaultMinLength;

	ContentItem(String column, int defaultMinLength) {
		this.column = column;
		this.defaultMinLength = defaultMinLength;
	}

	public String column() {
		return column;
	}

	public int defaultMinLength() {
		return defaultMinLength;
	}

	public String messageKey() {
		return "registry.item." + name();
	}

	/** Form and JSON property name, e.g. {@code contentMethod}. */
	public String property() {
		String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
		StringBuilder s = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			s.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
		}
		return s.toString();
	}

}
