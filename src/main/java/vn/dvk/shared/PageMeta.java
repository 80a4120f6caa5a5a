package vn.dvk.shared;

/**
 * What a public page tells search engines and link previews: canonical address, OpenGraph title, description,
 * image and type. Pages put it in their model as {@code meta}; the public layout writes the tags.
 */
public record PageMeta(String title, String description, String url, String image, String type) {

	public PageMeta {
		if (description != null && description.length() > 300) {
			description = description.substring(0, 297) + "…";
		}
	}

}
