package vn.dvk.visits;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/**
 * Counters of one node in memory. Keys are never removed while they may still be written (content keys live as
 * long as the process, day keys until the day after tomorrow), so an increment can never land in a counter that a
 * flush has already forgotten: a drain takes each value with {@code sumThenReset}, and whatever is added after that
 * waits for the next drain.
 */
@Component
class InProcessVisitCounters implements VisitCounters {

	// LongAdder: many request threads add to the same few counters at once without queueing on one memory word;
	// sumThenReset (JDK 9 and later) takes each cell with an atomic get-and-set: nothing added concurrently is lost.
	private final ConcurrentHashMap<LocalDate, LongAdder> visits = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<LocalDate, LongAdder> pageViews = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<ContentRef, LongAdder> views = new ConcurrentHashMap<>();

	// Drained but not yet settled: still part of what readers see.
	private final ConcurrentHashMap<LocalDate, AtomicLong> visitsInFlight = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<LocalDate, AtomicLong> pageViewsInFlight = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<ContentRef, AtomicLong> viewsInFlight = new ConcurrentHashMap<>();

	@Override
	public void visit(LocalDate day) {
		adder(visits, day).increment();
	}

	@Override
	public void pageView(LocalDate day, ContentRef content) {
		adder(pageViews, day).increment();
		if (content != null) {
			adder(views, content).increment();
		}
	}

	@Override
	public synchronized Deltas drain() {
		Map<LocalDate, long[]> days = new HashMap<>();
		visits.forEach((day, n) -> {
			long v = take(n, counter(visitsInFlight, day));
			if (v != 0) {
				days.computeIfAbsent(day, d -> new long[2])[0] = v;
			}
		});
		pageViews.forEach((day, n) -> {
			long v = take(n, counter(pageViewsInFlight, day));
			if (v != 0) {
				days.computeIfAbsent(day, d -> new long[2])[1] = v;
			}
		});
		Map<ContentRef, Long> contents = new HashMap<>();
		views.forEach((ref, n) -> {
			long v = take(n, counter(viewsInFlight, ref));
			if (v != 0) {
				contents.put(ref, v);
			}
		});
		forgetOldDays();
		return new Deltas(days, contents);
	}

	@Override
	public synchronized void settled(Deltas deltas) {
		deltas.days().forEach((day, v) -> {
			counter(visitsInFlight, day).addAndGet(-v[0]);
			counter(pageViewsInFlight, day).addAndGet(-v[1]);
		});
		deltas.views().forEach((ref, v) -> counter(viewsInFlight, ref).addAndGet(-v));
	}

	@Override
	public synchronized void failed(Deltas deltas) {
		deltas.days().forEach((day, v) -> {
			adder(visits, day).add(v[0]);
			adder(pageViews, day).add(v[1]);
		});
		deltas.views().forEach((ref, v) -> adder(views, ref).add(v));
		settled(deltas);
	}

	@Override
	public long pendingVisits(LocalDate day) {
		return sum(visits, day) + value(visitsInFlight, day);
	}

	@Override
	public long pendingPageViews(LocalDate day) {
		return sum(pageViews, day) + value(pageViewsInFlight, day);
	}

	@Override
	public long pendingViews(ContentRef content) {
		return sum(views, content) + value(viewsInFlight, content);
	}

	/** Moves a counter's value to its in-flight twin; returns it. */
	private static long take(LongAdder counter, AtomicLong inFlight) {
		long v = counter.sumThenReset();
		if (v != 0) {
			inFlight.addAndGet(v);
		}
		return v;
	}

	private void forgetOldDays() {
		LocalDate keep = vn.dvk.shared.VietnameseFormats.today().minusDays(2);
		for (Map<LocalDate, LongAdder> map : java.util.List.of(visits, pageViews)) {
			map.keySet().removeIf(day -> day.isBefore(keep) && map.get(day) != null && map.get(day).sum() == 0);
		}
		for (Map<LocalDate, AtomicLong> map : java.util.List.of(visitsInFlight, pageViewsInFlight)) {
			map.keySet().removeIf(day -> day.isBefore(keep) && map.get(day) != null && map.get(day).get() == 0);
		}
	}

	private static <K> AtomicLong counter(ConcurrentHashMap<K, AtomicLong> map, K key) {
		AtomicLong counter = map.get(key);
		return counter != null ? counter : map.computeIfAbsent(key, k -> new AtomicLong());
	}

	private static <K> LongAdder adder(ConcurrentHashMap<K, LongAdder> map, K key) {
		LongAdder adder = map.get(key);
		return adder != null ? adder : map.computeIfAbsent(key, k -> new LongAdder());
	}

	private static <K> long sum(ConcurrentHashMap<K, LongAdder> map, K key) {
		LongAdder adder = map.get(key);
		return adder == null ? 0 : adder.sum();
	}

	private static <K> long value(ConcurrentHashMap<K, AtomicLong> map, K key) {
		AtomicLong counter = map.get(key);
		return counter == null ? 0 : counter.get();
	}

}
