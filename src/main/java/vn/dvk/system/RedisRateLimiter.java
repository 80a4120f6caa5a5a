package vn.dvk.system;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: one-minute windows counted in Redis ({@code INCR} + expiry in one script), so a limit holds across
 * nodes. While Redis is down each node counts on its own (the limit then applies per node), rather than refusing
 * everyone or letting everything through.
 */
@Component
@ConditionalOnProperty(name = "dvk.cluster.enabled", havingValue = "true")
class RedisRateLimiter implements RateLimiter {

	private static final DefaultRedisScript<Long> COUNT = new DefaultRedisScript<>(
			"local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n",
			Long.class);

	private final StringRedisTemplate redis;

	private final InProcessRateLimiter fallback = new InProcessRateLimiter();

	private final RedisGuard guard;

	RedisRateLimiter(StringRedisTemplate redis, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
	}

	@Override
	public Decision attempt(String key, int perMinute) {
		long now = System.currentTimeMillis();
		long minute = now / 60_000;
		long retry = Math.max(1, (60_000 - now % 60_000 + 999) / 1000);
		return guard.call("rate limits", () -> {
			Long n = redis.execute(COUNT, List.of("dvk:rl:" + key + ":" + minute), "61000");
			return n != null && n <= perMinute ? new Decision(true, 0) : new Decision(false, retry);
		}, () -> fallback.attempt(key, perMinute));
	}

	@Scheduled(fixedDelayString = "PT1M")
	void forgetOldWindows() {
		fallback.forgetOldWindows();
	}

}
