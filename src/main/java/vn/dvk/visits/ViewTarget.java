package vn.dvk.visits;

/**
 * Implemented by a module whose public pages show one piece of content (an article, a story): says which content a
 * path shows, so the view is counted for it on every successful view, including views served from the page cache.
 */
public interface ViewTarget {

	/** The content shown at this path (context path removed), or {@code null} when the path is not one of ours. */
	ContentRef target(String path);

}
