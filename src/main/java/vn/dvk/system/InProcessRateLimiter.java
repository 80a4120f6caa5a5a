package vn.dvk.system;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Fixed one-minute windows per key, in memory; windows older than the current minute are dropped each minute. */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "dvk.cluster.enabled", havingValue = "false", matchIfMissing = true)
class InProcessRateLimiter implements RateLimiter {

	private record Window(String key, long minute) {
	}

	private final ConcurrentHashMap<Window, AtomicInteger> counts = new ConcurrentHashMap<>();

	@Override
	public Decision attempt(String key, int perMinute) {
		long now = System.currentTimeMillis();
		long minute = now / 60_000;
		int n = counts.computeIfAbsent(new Window(key, minute), w -> new AtomicInteger()).incrementAndGet();
		if (n <= perMinute) {
			return new Decision(true, 0);
		}
		return new Decision(false, Math.max(1, (60_000 - now % 60_000 + 999) / 1000));
	}

	@Scheduled(fixedDelayString = "PT1M")
	void forgetOldWindows() {
		long minute = System.currentTimeMillis() / 60_000;
		counts.keySet().removeIf(w -> w.minute() < minute);
	}

}
