package vn.dvk.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import vn.dvk.shared.VietnameseFormats;

class InProcessVisitCountersTests {

	private final InProcessVisitCounters counters = new InProcessVisitCounters();

	private final LocalDate today = VietnameseFormats.today();

	private final ContentRef article = new ContentRef(ContentRef.NEWS, 7);

	@Test
	void drainingWhileCountingLosesAndDoublesNothing() throws InterruptedException {
		int threads = 8;
		int perThread = 50_000;
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread w = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				for (int i = 0; i < perThread; i++) {
					counters.pageView(today, article);
				}
			});
			w.start();
			workers.add(w);
		}
		AtomicBoolean failOnce = new AtomicBoolean(true);
		long[] written = { 0 };
		Thread flusher = new Thread(() -> {
			while (workers.stream().anyMatch(Thread::isAlive)) {
				flushInto(written, failOnce);
			}
		});
		start.countDown();
		flusher.start();
		for (Thread w : workers) {
			w.join();
		}
		flusher.join();
		flushInto(written, failOnce);
		assertThat(written[0]).isEqualTo((long) threads * perThread);
		assertThat(counters.pendingViews(article)).isZero();
		assertThat(counters.pendingPageViews(today)).isZero();
	}

	/** One flush; the first one "fails" and gives its deltas back. */
	private void flushInto(long[] written, AtomicBoolean failOnce) {
		VisitCounters.Deltas d = counters.drain();
		if (d.isEmpty()) {
			return;
		}
		if (failOnce.getAndSet(false)) {
			counters.failed(d);
			return;
		}
		written[0] += d.views().getOrDefault(article, 0L);
		counters.settled(d);
	}

	@Test
	void drainedCountsStayVisibleUntilSettled() {
		counters.visit(today);
		counters.pageView(today, article);
		counters.pageView(today, null);
		VisitCounters.Deltas d = counters.drain();
		assertThat(d.visits()).isEqualTo(1);
		assertThat(d.days().get(today)).containsExactly(1, 2);
		assertThat(counters.pendingVisits(today)).isEqualTo(1);
		assertThat(counters.pendingPageViews(today)).isEqualTo(2);
		assertThat(counters.pendingViews(article)).isEqualTo(1);
		counters.settled(d);
		assertThat(counters.pendingVisits(today)).isZero();
		assertThat(counters.pendingViews(article)).isZero();
		assertThat(counters.drain().isEmpty()).isTrue();
	}

}
