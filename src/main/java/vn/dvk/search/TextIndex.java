package vn.dvk.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An in-memory inverted index: for every token, the ascending list of document slots holding it with the token's
 * weight in that document (see {@link SearchIndex#tokens}). A query intersects the lists of its words, starting from
 * the shortest, so the common words of a question cost little more than its rare ones.
 * <p>
 * Slots are small integers chosen by the owner, given in increasing order: a changed document gets a new slot and the
 * owner's filter skips the old one until {@link #compact} renumbers. Not thread-safe: the owner guards it (one writer
 * or many readers).
 */
public final class TextIndex {

	private static final class Postings {

		int[] slots = new int[2];

		byte[] weights = new byte[2];

		int size;

		void add(int slot, byte weight) {
			if (size == slots.length) {
				int grown = size + (size >> 1) + 2;
				slots = java.util.Arrays.copyOf(slots, grown);
				weights = java.util.Arrays.copyOf(weights, grown);
			}
			slots[size] = slot;
			weights[size] = weight;
			size++;
		}

		/** The first position at or after {@code from} whose slot is at least {@code target} (galloping search). */
		int advance(int from, int target) {
			if (from >= size || slots[from] >= target) {
				return from;
			}
			int step = 1;
			int lo = from;
			int hi = from + 1;
			while (hi < size && slots[hi] < target) {
				lo = hi;
				step <<= 1;
				hi = from + step;
			}
			hi = Math.min(hi, size);
			// slots[lo] < target; answer in (lo, hi]
			while (lo + 1 < hi) {
				int mid = (lo + hi) >>> 1;
				if (slots[mid] < target) {
					lo = mid;
				}
				else {
					hi = mid;
				}
			}
			return hi;
		}

	}

	private final Map<String, Postings> terms = new HashMap<>();

	private long postingCount;

	private int lastSlot = -1;

	/** Adds a document under a slot greater than every slot added before. */
	public void add(int slot, Map<String, Short> tokens) {
		if (slot <= lastSlot) {
			throw new IllegalArgumentException("slot " + slot + " is not after " + lastSlot);
		}
		lastSlot = slot;
		for (var e : tokens.entrySet()) {
			terms.computeIfAbsent(e.getKey(), k -> new Postings()).add(slot, (byte) Math.min(127, e.getValue()));
			postingCount++;
		}
	}

	/** Receives a matching slot and its score. */
	@FunctionalInterface
	public interface Hit {

		void accept(int slot, int score);

	}

	/**
	 * Every slot holding all the folded words and accepted by the filter, with its score: the sum of the folded words'
	 * weights plus the weights of the exact (diacritic) words it also holds. The filter runs before scoring, once per
	 * candidate of the shortest list.
	 */
	public void match(List<String> folded, List<String> exact, IntPredicate filter, Hit hit) {
		if (folded.isEmpty()) {
			return;
		}
		List<Postings> required = new ArrayList<>(folded.size());
		for (String w : folded) {
			Postings p = terms.get(w);
			if (p == null) {
				return;
			}
			required.add(p);
		}
		required.sort(Comparator.comparingInt(p -> p.size));
		List<Postings> optional = new ArrayList<>();
		for (String w : exact) {
			Postings p = terms.get(w);
			if (p != null) {
				optional.add(p);
			}
		}
		Postings lead = required.get(0);
		int[] cursors = new int[required.size()];
		int[] optionalCursors = new int[optional.size()];
		candidates: for (int i = 0; i < lead.size; i++) {
			int slot = lead.slots[i];
			int score = lead.weights[i];
			for (int r = 1; r < cursors.length; r++) {
				Postings p = required.get(r);
				int at = p.advance(cursors[r], slot);
				cursors[r] = at;
				if (at >= p.size) {
					break candidates;
				}
				if (p.slots[at] != slot) {
					continue candidates;
				}
				score += p.weights[at];
			}
			if (!filter.test(slot)) {
				continue;
			}
			for (int o = 0; o < optionalCursors.length; o++) {
				Postings p = optional.get(o);
				int at = p.advance(optionalCursors[o], slot);
				optionalCursors[o] = at;
				if (at < p.size && p.slots[at] == slot) {
					score += p.weights[at];
				}
			}
			hit.accept(slot, score);
		}
	}

	/**
	 * Renumbers the slots: {@code newSlot[old]} is the new number, or -1 to drop the slot's entries. The mapping must
	 * keep the order of the slots it keeps.
	 */
	public void compact(int[] newSlot) {
		long count = 0;
		var it = terms.entrySet().iterator();
		while (it.hasNext()) {
			Postings p = it.next().getValue();
			int n = 0;
			for (int i = 0; i < p.size; i++) {
				int old = p.slots[i];
				int now = old < newSlot.length ? newSlot[old] : -1;
				if (now >= 0) {
					p.slots[n] = now;
					p.weights[n] = p.weights[i];
					n++;
				}
			}
			if (n == 0) {
				it.remove();
				continue;
			}
			p.size = n;
			if (p.slots.length > n + (n >> 1) + 8) {
				p.slots = java.util.Arrays.copyOf(p.slots, n);
				p.weights = java.util.Arrays.copyOf(p.weights, n);
			}
			count += n;
		}
		postingCount = count;
		int last = -1;
		for (int s : newSlot) {
			last = Math.max(last, s);
		}
		lastSlot = last;
	}

	public int termCount() {
		return terms.size();
	}

	public long postingCount() {
		return postingCount;
	}

	/** Removes everything. */
	public void clear() {
		terms.clear();
		postingCount = 0;
		lastSlot = -1;
	}

	/** Number of documents holding a token (for tests and diagnostics). */
	int frequency(String token) {
		Postings p = terms.get(token);
		return p == null ? 0 : p.size;
	}

}
