package vn.dvk.visits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the buffered counts to the database every {@code dvk.visits.flush-interval} (1 s) and once more on a
 * graceful shutdown, after the web server has stopped taking requests (a lower phase stops later). A failed write
 * puts the counts back for the next attempt: nothing is lost while the database is away.
 */
@Component
class VisitFlusher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(VisitFlusher.class);

	private final VisitCounters counters;

	private final VisitStore store;

	private volatile boolean running;

	// Held for writing while a batch moves from memory to the database, for reading while a figure adds the two:
	// a reader never sees a batch twice or not at all.
	private final java.util.concurrent.locks.ReadWriteLock settling = new java.util.concurrent.locks.ReentrantReadWriteLock();

	private boolean warned;

	VisitFlusher(VisitCounters counters, VisitStore store) {
		this.counters = counters;
		this.store = store;
	}

	@Scheduled(fixedDelayString = "${dvk.visits.flush-interval:1s}")
	void scheduled() {
		if (running) {
			flush();
		}
	}

	/** Writes everything pending now; {@code true} when it is all in the database. */
	synchronized boolean flush() {
		VisitCounters.Deltas deltas = counters.drain();
		if (deltas.isEmpty()) {
			return true;
		}
		try {
			settling.writeLock().lock();
			try {
				store.add(deltas);
				counters.settled(deltas);
			}
			finally {
				settling.writeLock().unlock();
			}
			if (warned) {
				log.info("Visitor statistics are written to the database again");
				warned = false;
			}
			return true;
		}
		catch (RuntimeException ex) {
			counters.failed(deltas);
			if (!warned) {
				log.warn("Visitor statistics could not be written; kept in memory until the next attempt: {}",
						ex.getMessage());
				warned = true;
			}
			return false;
		}
	}

	/** Runs a read of stored plus pending figures that no flush can cut in two. */
	<T> T consistent(java.util.function.Supplier<T> read) {
		settling.readLock().lock();
		try {
			return read.get();
		}
		finally {
			settling.readLock().unlock();
		}
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		flush();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the web server (which stops at a higher phase), before the database goes. */
	@Override
	public int getPhase() {
		return 0;
	}

}
