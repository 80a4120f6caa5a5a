package vn.dvk.portal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.dvk.shared.PageResult;

/**
 * Links of the pagination fragment: the current URL with only {@code page} changed, so filters survive paging;
 * exposed to templates as {@code @pages}.
 */
@Component("pages")
class PageLinks {

	public String url(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page", page)
			.replaceQueryParam("lang")
			.build()
			.toUri()
			.getRawPath()
			+ query(page);
	}

	private static String query(int page) {
		String q = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page", page)
			.replaceQueryParam("lang")
			.build()
			.getQuery();
		return q == null || q.isEmpty() ? "" : "?" + q;
	}

	/** Page numbers to show (from 0): the first, the last and two either side of the current one; -1 is a gap. */
	public List<Integer> window(PageResult<?> result) {
		List<Integer> pages = new ArrayList<>();
		int last = result.totalPages() - 1;
		int previous = -2;
		for (int p = 0; p <= last; p++) {
			boolean show = p == 0 || p == last || Math.abs(p - result.page()) <= 2;
			if (show) {
				if (previous >= 0 && p - previous > 1) {
					pages.add(-1);
				}
				pages.add(p);
				previous = p;
			}
		}
		return pages;
	}

}
