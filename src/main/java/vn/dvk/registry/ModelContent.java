package vn.dvk.registry;

/** The registration items that follow the name. */
public record ModelContent(String situation, String goals, String contentMethod, String areaTarget, String forces,
		String resources, String timeline, String outputs, String sustainability) {

	public static ModelContent empty() {
		return new ModelContent(null, null, null, null, null, null, null, null, null);
	}

	public String get(ContentItem item) {
		return switch (item) {
			case SITUATION -> situation;
			case GOALS -> goals;
			case CONTENT_METHOD -> contentMethod;
			case AREA_TARGET -> areaTarget;
			case FORCES -> forces;
			case RESOURCES -> resources;
			case TIMELINE -> timeline;
			case OUTPUTS -> outputs;
			case SUSTAINABILITY -> sustainability;
		};
	}

	/** All items joined, for the search index. */
	public String joined() {
		StringBuilder s = new StringBuilder();
		for (ContentItem item : ContentItem.values()) {
			String v = get(item);
			if (v != null && !v.isBlank()) {
				s.append(v).append('\n');
			}
		}
		return s.toString();
	}

}
