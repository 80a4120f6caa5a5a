package vn.dvk.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

import vn.dvk.registry.ModelCatalogue.Filter;
import vn.dvk.registry.ModelCatalogue.Hit;
import vn.dvk.registry.ModelCatalogue.Order;
import vn.dvk.registry.ModelCatalogue.Page;
import vn.dvk.search.SearchIndex;
import vn.dvk.search.TextIndex;
import vn.dvk.shared.VietnameseFormats;

/**
 * The catalogue's storage: one slot per model version in parallel primitive arrays (organization, locality, dates,
 * status, field, phase, bits, quality flags) plus a {@link TextIndex} of their words, all under one read-write lock.
 * Replaced entries leave dead slots, compacted when they pile up; quality flags are recomputed when the day changes.
 * Pages are cut with a bounded heap ({@link TopSlots}) so a page costs the matching slots, not a sort of all of them.
 */
final class CatalogueColumns {

	static final int NO_DATE = Integer.MIN_VALUE;

	static final int BIT_PUBLIC = 1;

	static final int BIT_MEASURABLE = 2;

	static final int BIT_THIN = 4;

	static final int BIT_INDIVIDUAL = 8;

	static final int BIT_EXEMPLAR = 16;


	// --- state, guarded by lock ------------------------------------------------------------------------------

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final TextIndex words = new TextIndex();

	private int slots;

	private long[] ids = new long[0];

	private long[] organizations = new long[0];

	private long[] units = new long[0];

	private long[] updated = new long[0];

	private int[] recognized = new int[0];

	private int[] lastResults = new int[0];

	private int[] replicas = new int[0];

	private byte[] statuses = new byte[0];

	private short[] fields = new short[0];

	private short[] phases = new short[0];

	private byte[] bits = new byte[0];

	private byte[] flags = new byte[0];

	private final BitSet live = new BitSet();

	private final Map<Long, Integer> slotOf = new HashMap<>();

	private LocalDate flagsDay;

	/** Field and phase codes as small numbers; codes are only ever added. */
	private final Map<String, Short> codes = new ConcurrentHashMap<>();

	private final QualityRules quality;

	CatalogueColumns(QualityRules quality) {
		this.quality = quality;
	}

	int termCount() {
		return words.termCount();
	}

	long postingCount() {
		return words.postingCount();
	}

	/** One model as read from its row, words already cut: built outside the lock. */
	record Entry(long id, long organization, long unit, long updated, int recognized, int lastResult,
			int replicas, ModelStatus status, short field, short phase, int bits, Map<String, Short> tokens) {
	}

	static int day(LocalDate date) {
		return date == null ? NO_DATE : (int) date.toEpochDay();
	}

	private static LocalDate date(int day) {
		return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
	}

	short code(String value) {
		if (value == null) {
			return -1;
		}
		return codes.computeIfAbsent(value, v -> {
			if (codes.size() >= Short.MAX_VALUE) {
				throw new IllegalStateException("too many distinct codes");
			}
			return (short) codes.size();
		});
	}

	void apply(List<Entry> entries, List<Long> removed) {
		lock.writeLock().lock();
		try {
			LocalDate today = VietnameseFormats.today();
			if (flagsDay == null) {
				flagsDay = today;
			}
			for (Long id : removed) {
				Integer old = slotOf.remove(id);
				if (old != null) {
					live.clear(old);
				}
			}
			for (Entry e : entries) {
				Integer old = slotOf.get(e.id);
				if (old != null) {
					live.clear(old);
				}
				int s = slots++;
				ensureCapacity(slots);
				ids[s] = e.id;
				organizations[s] = e.organization;
				units[s] = e.unit;
				updated[s] = e.updated;
				recognized[s] = e.recognized;
				lastResults[s] = e.lastResult;
				replicas[s] = e.replicas;
				statuses[s] = (byte) e.status.ordinal();
				fields[s] = e.field;
				phases[s] = e.phase;
				bits[s] = (byte) e.bits;
				flags[s] = flagMask(s, flagsDay);
				live.set(s);
				slotOf.put(e.id, s);
				words.add(s, e.tokens);
			}
			if (slots - slotOf.size() > Math.max(10_000, slotOf.size() / 2)) {
				compact();
			}
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	private void ensureCapacity(int n) {
		if (n <= ids.length) {
			return;
		}
		int c = Math.max(n, ids.length + (ids.length >> 1) + 64);
		ids = Arrays.copyOf(ids, c);
		organizations = Arrays.copyOf(organizations, c);
		units = Arrays.copyOf(units, c);
		updated = Arrays.copyOf(updated, c);
		recognized = Arrays.copyOf(recognized, c);
		lastResults = Arrays.copyOf(lastResults, c);
		replicas = Arrays.copyOf(replicas, c);
		statuses = Arrays.copyOf(statuses, c);
		fields = Arrays.copyOf(fields, c);
		phases = Arrays.copyOf(phases, c);
		bits = Arrays.copyOf(bits, c);
		flags = Arrays.copyOf(flags, c);
	}

	/** Drops the slots of replaced and removed models, renumbering the rest in order. Under the write lock. */
	private void compact() {
		int[] map = new int[slots];
		int n = 0;
		for (int s = 0; s < slots; s++) {
			if (live.get(s)) {
				map[s] = n;
				ids[n] = ids[s];
				organizations[n] = organizations[s];
				units[n] = units[s];
				updated[n] = updated[s];
				recognized[n] = recognized[s];
				lastResults[n] = lastResults[s];
				replicas[n] = replicas[s];
				statuses[n] = statuses[s];
				fields[n] = fields[s];
				phases[n] = phases[s];
				bits[n] = bits[s];
				flags[n] = flags[s];
				slotOf.put(ids[n], n);
				n++;
			}
			else {
				map[s] = -1;
			}
		}
		words.compact(map);
		live.clear();
		live.set(0, n);
		slots = n;
	}

	private byte flagMask(int s, LocalDate today) {
		ModelStatus status = ModelStatus.values()[statuses[s]];
		int b = bits[s];
		int mask = 0;
		for (QualityFlag f : quality.flags(status, (b & BIT_MEASURABLE) != 0, date(recognized[s]),
				date(lastResults[s]), replicas[s], (b & BIT_THIN) != 0, today)) {
			mask |= 1 << f.ordinal();
		}
		return (byte) mask;
	}

	/** Flags depend on the day (results grow stale): recomputed once when the day changes. */
	private void refreshFlagsIfNewDay() {
		LocalDate today = VietnameseFormats.today();
		lock.readLock().lock();
		try {
			if (today.equals(flagsDay)) {
				return;
			}
		}
		finally {
			lock.readLock().unlock();
		}
		lock.writeLock().lock();
		try {
			if (!today.equals(flagsDay)) {
				for (int s = 0; s < slots; s++) {
					flags[s] = flagMask(s, today);
				}
				flagsDay = today;
			}
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** One page of the models the filter selects, matching the query words if any, in the given order. */
	Page page(Filter filter, SearchIndex.Query query, Order order, long offset, int limit) {
		refreshFlagsIfNewDay();
		lock.readLock().lock();
		try {
			IntPredicate accepts = predicate(filter);
			if (accepts == null) {
				return new Page(List.of(), 0);
			}
			int wanted = (int) Math.min(Integer.MAX_VALUE - 8, offset + limit);
			TopSlots top = new TopSlots(Math.min(wanted, Math.max(1, slotOf.size())), ranking(order));
			long[] total = { 0 };
			if (query != null && !query.isEmpty()) {
				words.match(query.folded(), query.exact(), accepts, (slot, score) -> {
					total[0]++;
					top.offer(slot, score);
				});
			}
			else {
				for (int s = live.nextSetBit(0); s >= 0; s = live.nextSetBit(s + 1)) {
					if (accepts.test(s)) {
						total[0]++;
						top.offer(s, 0);
					}
				}
			}
			int[] ranked = top.sorted();
			List<Hit> hits = new ArrayList<>(limit);
			for (long i = offset; i < ranked.length && hits.size() < limit; i++) {
				int s = ranked[(int) i];
				hits.add(new Hit(ids[s], flagSet(flags[s])));
			}
			return new Page(hits, total[0]);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Every model id the filter and words select, ascending: for exports. */
	long[] ids(Filter filter, SearchIndex.Query query) {
		refreshFlagsIfNewDay();
		lock.readLock().lock();
		try {
			IntPredicate accepts = predicate(filter);
			if (accepts == null) {
				return new long[0];
			}
			long[][] out = { new long[64] };
			int[] n = { 0 };
			java.util.function.IntConsumer add = s -> {
				if (n[0] == out[0].length) {
					out[0] = Arrays.copyOf(out[0], n[0] * 2);
				}
				out[0][n[0]++] = ids[s];
			};
			if (query != null && !query.isEmpty()) {
				words.match(query.folded(), query.exact(), accepts, (slot, score) -> add.accept(slot));
			}
			else {
				for (int s = live.nextSetBit(0); s >= 0; s = live.nextSetBit(s + 1)) {
					if (accepts.test(s)) {
						add.accept(s);
					}
				}
			}
			long[] result = Arrays.copyOf(out[0], n[0]);
			Arrays.sort(result);
			return result;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Number of models in the catalogue (for diagnostics and tests). */
	int size() {
		lock.readLock().lock();
		try {
			return slotOf.size();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	private static Set<QualityFlag> flagSet(byte mask) {
		Set<QualityFlag> set = java.util.EnumSet.noneOf(QualityFlag.class);
		for (QualityFlag f : QualityFlag.values()) {
			if ((mask & (1 << f.ordinal())) != 0) {
				set.add(f);
			}
		}
		return set;
	}

	/** The filter as a test on slots (live ones only); {@code null} when nothing can match. Under the read lock. */
	private IntPredicate predicate(Filter f) {
		boolean anyScope = f.everything() || f.scopeUnits() != null || f.scopeOrganizations() != null;
		if (!f.publicModels() && !anyScope) {
			return null;
		}
		short field = -1;
		if (f.fieldCode() != null) {
			Short c = codes.get(f.fieldCode());
			if (c == null) {
				return null;
			}
			field = c;
		}
		short phase = -1;
		if (f.phase() != null) {
			Short c = codes.get(f.phase());
			if (c == null) {
				return null;
			}
			phase = c;
		}
		int statusMask = 0;
		if (f.statuses() != null) {
			for (ModelStatus st : f.statuses()) {
				statusMask |= 1 << st.ordinal();
			}
		}
		final short fieldCode = field;
		final short phaseCode = phase;
		final int statusBits = statusMask;
		final int flagBit = f.flag() == null ? 0 : 1 << f.flag().ordinal();
		final long organization = f.organization() == null ? Long.MIN_VALUE : f.organization();
		final int subjectWanted = f.subject() == null ? -1 : f.subject() == SubjectType.INDIVIDUAL ? BIT_INDIVIDUAL : 0;
		final int kindWanted = f.kind() == null ? -1 : f.kind() == ModelKind.EXEMPLAR ? BIT_EXEMPLAR : 0;
		return s -> {
			if (!live.get(s)) {
				return false;
			}
			int b = bits[s];
			boolean visible = (f.publicModels() && (b & BIT_PUBLIC) != 0) || f.everything()
					|| (f.scopeUnits() != null && Arrays.binarySearch(f.scopeUnits(), units[s]) >= 0)
					|| (f.scopeOrganizations() != null
							&& Arrays.binarySearch(f.scopeOrganizations(), organizations[s]) >= 0);
			return visible && (fieldCode < 0 || fields[s] == fieldCode) && (phaseCode < 0 || phases[s] == phaseCode)
					&& (statusBits == 0 || (statusBits & (1 << statuses[s])) != 0)
					&& (flagBit == 0 || (flags[s] & flagBit) != 0)
					&& (organization == Long.MIN_VALUE || organizations[s] == organization)
					&& (subjectWanted < 0 || (b & BIT_INDIVIDUAL) == subjectWanted)
					&& (kindWanted < 0 || (b & BIT_EXEMPLAR) == kindWanted)
					&& (f.units() == null || Arrays.binarySearch(f.units(), units[s]) >= 0);
		};
	}

	/** How slots rank in a page of the given order (under the read lock). */
	private TopSlots.Ranking ranking(Order order) {
		return (a, scoreA, b, scoreB) -> {
			switch (order) {
				case SCORE -> {
					if (scoreA != scoreB) {
						return scoreA > scoreB;
					}
					if (updated[a] != updated[b]) {
						return updated[a] > updated[b];
					}
				}
				case RECOGNITION -> {
					if (recognized[a] != recognized[b]) {
						return recognized[a] > recognized[b];
					}
				}
				case UPDATED -> {
					if (updated[a] != updated[b]) {
						return updated[a] > updated[b];
					}
				}
			}
			return ids[a] > ids[b];
		};
	}

}
