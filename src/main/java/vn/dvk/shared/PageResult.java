package vn.dvk.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the total count and where the page sits. Pages are numbered from 0 in code and
 * from 1 on screen.
 */
public record PageResult<T>(List<T> items, long total, int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 200;

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	/** Index of the first item on this page, counted from 1, for "1–20 / 345". */
	public long firstItem() {
		return total == 0 ? 0 : (long) page * size + 1;
	}

	public long lastItem() {
		return Math.min(total, (long) (page + 1) * size);
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
	}

	/** A page request clamped to sane bounds, whatever the caller asked for. */
	public record Request(int page, int size) {

		public Request {
			page = Math.max(0, page);
			size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		}

		public static Request of(Integer page, Integer size) {
			return new Request(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
		}

		public long offset() {
			return (long) page * size;
		}

	}

}
