package vn.dvk.visits;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: when each visitor was last seen, in Redis, so a visitor moving between nodes keeps one visit and
 * "online" counts the same on every node. One script per view sets the visitor's last-seen key with the idle gap
 * as expiry and returns the previous value (none: a new visit; {@code SET … GET} is atomic, so two nodes seeing a
 * new visitor at once start one visit) and moves the visitor in the online sets (sorted by time).
 * <p>
 * A node that confirmed a visitor less than ten seconds ago does not ask Redis again (the visit cannot have
 * ended); online times may then lag ten seconds in a five-minute window. While Redis is down the node falls back
 * to its own memory: visits and presence are then counted per node until Redis returns.
 */
@Component
@ConditionalOnProperty(name = "dvk.cluster.enabled", havingValue = "true")
class RedisVisitorActivity implements VisitorActivity {

	private static final long CONFIRMED_MILLIS = 10_000;

	private static final String GUESTS = "dvk:online:guests";

	private static final String MEMBERS = "dvk:online:members";

	private static final DefaultRedisScript<String> SEEN = new DefaultRedisScript<>("""
			local old = redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'GET')
			redis.call('ZADD', KEYS[2], ARGV[1], ARGV[3])
			redis.call('ZREM', KEYS[3], ARGV[3])
			return old""", String.class);

	private final StringRedisTemplate redis;

	private final long idleGapMillis;

	private final long onlineWindowMillis;

	// Recently confirmed visitors of this node; also the fallback while Redis is down.
	private final InProcessVisitorActivity local;

	private final vn.dvk.system.RedisGuard guard;

	RedisVisitorActivity(StringRedisTemplate redis, VisitSettings settings, vn.dvk.system.RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
		this.idleGapMillis = settings.idleGap().toMillis();
		this.onlineWindowMillis = settings.onlineWindow().toMillis();
		this.local = new InProcessVisitorActivity(settings);
	}

	@Override
	public boolean seen(String visitorKey, boolean member, long nowMillis) {
		Long confirmed = local.lastSeen(visitorKey, member);
		if (confirmed != null && nowMillis - confirmed < CONFIRMED_MILLIS) {
			local.seen(visitorKey, member, nowMillis);
			return false;
		}
		return guard.call("visitors", () -> {
			String old = redis.execute(SEEN, List.of("dvk:seen:" + visitorKey, member ? MEMBERS : GUESTS,
					member ? GUESTS : MEMBERS), Long.toString(nowMillis), Long.toString(idleGapMillis), visitorKey);
			local.seen(visitorKey, member, nowMillis);
			return old == null || nowMillis - Long.parseLong(old) >= idleGapMillis;
		}, () -> local.seen(visitorKey, member, nowMillis));
	}

	@Override
	public VisitorSnapshot.Online online(long sinceMillis) {
		return guard.call("online", () -> {
			Long guests = redis.opsForZSet().count(GUESTS, sinceMillis, Double.POSITIVE_INFINITY);
			Long members = redis.opsForZSet().count(MEMBERS, sinceMillis, Double.POSITIVE_INFINITY);
			long g = guests == null ? 0 : guests;
			long m = members == null ? 0 : members;
			return new VisitorSnapshot.Online(g, m, g + m);
		}, () -> local.online(sinceMillis));
	}

	/** Drops visitors from the online sets once they are out of every window (any node may do it). */
	@Scheduled(fixedDelayString = "PT1M")
	void forgetIdle() {
		local.forgetIdle();
		long before = System.currentTimeMillis() - Math.max(onlineWindowMillis, idleGapMillis);
		guard.call("online cleanup", () -> {
			redis.opsForZSet().removeRangeByScore(GUESTS, Double.NEGATIVE_INFINITY, before);
			return redis.opsForZSet().removeRangeByScore(MEMBERS, Double.NEGATIVE_INFINITY, before);
		}, () -> 0L);
	}

}
