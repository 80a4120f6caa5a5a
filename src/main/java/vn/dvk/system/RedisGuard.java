package vn.dvk.system;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: the way every shared-state implementation calls Redis. After a failure Redis is left alone for a
 * few seconds and callers use their in-process fallback at once, so a Redis outage costs pages nothing but the
 * sharing (no request waits for a timeout each time); one warning a minute goes to the log.
 */
@Component
@ConditionalOnProperty(name = "dvk.cluster.enabled", havingValue = "true")
public class RedisGuard {

	private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

	private static final long PAUSE_MILLIS = 3_000;

	private volatile long failedAt;

	private volatile long warnedAt;

	/** Redis's answer, or the fallback's when Redis failed now or a moment ago. */
	public <T> T call(String what, Supplier<T> redis, Supplier<T> fallback) {
		if (System.currentTimeMillis() - failedAt < PAUSE_MILLIS) {
			return fallback.get();
		}
		try {
			return redis.get();
		}
		catch (RuntimeException ex) {
			long now = System.currentTimeMillis();
			failedAt = now;
			if (now - warnedAt > 60_000) {
				warnedAt = now;
				log.warn("Redis unreachable ({}): {}; shared state falls back to this node for now", what,
						ex.getMessage());
			}
			return fallback.get();
		}
	}

	/** Whether the last call failed less than a moment ago. */
	public boolean degraded() {
		return System.currentTimeMillis() - failedAt < PAUSE_MILLIS;
	}

}
