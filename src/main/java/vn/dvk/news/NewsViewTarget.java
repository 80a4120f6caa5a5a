package vn.dvk.news;

import org.springframework.stereotype.Component;

import vn.dvk.visits.ContentRef;
import vn.dvk.visits.ViewTarget;

/** Article pages ({@code /tin-tuc/{slug}-{id}}) count a view of their article. */
@Component
class NewsViewTarget implements ViewTarget {

	@Override
	public ContentRef target(String path) {
		if (!path.startsWith("/tin-tuc/") || path.startsWith("/tin-tuc/chuyen-muc/") || path.startsWith("/tin-tuc/anh/")) {
			return null;
		}
		int dash = path.lastIndexOf('-');
		if (dash < 0 || dash == path.length() - 1 || path.length() - dash > 19) {
			return null;
		}
		long id = 0;
		for (int i = dash + 1; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			id = id * 10 + (c - '0');
		}
		return new ContentRef(ContentRef.NEWS, id);
	}

}
