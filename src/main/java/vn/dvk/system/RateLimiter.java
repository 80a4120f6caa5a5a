package vn.dvk.system;

/**
 * Shared state (ARCHITECTURE.md): how many attempts a key (an address, a subnet, an account) made in the current
 * minute. In process for one node; Redis in cluster mode, so the limit holds across nodes.
 */
public interface RateLimiter {

	/** Counts one attempt of the key; refused when it is over {@code perMinute} in the current minute. */
	Decision attempt(String key, int perMinute);

	/** Allowed or not, and when to retry (seconds until the next minute starts). */
	record Decision(boolean allowed, long retryAfterSeconds) {
	}

}
