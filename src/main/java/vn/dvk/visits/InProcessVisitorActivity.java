package vn.dvk.visits;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Last-seen times of the visitors of one node, forgotten after the idle gap. A view within the gap only moves the
 * time forward (no lock); a view that may start a visit updates the entry atomically ({@code compute}), so two
 * simultaneous first views of one visitor start one visit.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "dvk.cluster.enabled", havingValue = "false", matchIfMissing = true)
class InProcessVisitorActivity implements VisitorActivity {

	private static final class Seen {

		volatile long last;

		volatile boolean member;

		Seen(long last, boolean member) {
			this.last = last;
			this.member = member;
		}

	}

	private final ConcurrentHashMap<String, Seen> visitors = new ConcurrentHashMap<>();

	private final long idleGapMillis;

	InProcessVisitorActivity(VisitSettings settings) {
		this.idleGapMillis = settings.idleGap().toMillis();
	}

	@Override
	public boolean seen(String visitorKey, boolean member, long nowMillis) {
		// Fast path, no lock: a visitor seen within the gap continues their visit. (Crowds share keys, e.g. many
		// browsers behind one address without cookies; a lock per view would make them queue.)
		Seen current = visitors.get(visitorKey);
		if (current != null && nowMillis - current.last < idleGapMillis) {
			if (nowMillis > current.last) {
				current.last = nowMillis;
			}
			if (current.member != member) {
				current.member = member;
			}
			return false;
		}
		boolean[] started = new boolean[1];
		visitors.compute(visitorKey, (k, s) -> {
			if (s == null) {
				started[0] = true;
				return new Seen(nowMillis, member);
			}
			if (nowMillis - s.last >= idleGapMillis) {
				started[0] = true;
			}
			s.last = Math.max(s.last, nowMillis);
			s.member = member;
			return s;
		});
		return started[0];
	}

	@Override
	public VisitorSnapshot.Online online(long sinceMillis) {
		long guests = 0;
		long members = 0;
		for (Seen s : visitors.values()) {
			if (s.last >= sinceMillis) {
				if (s.member) {
					members++;
				}
				else {
					guests++;
				}
			}
		}
		return new VisitorSnapshot.Online(guests, members, guests + members);
	}

	/** Forgets visitors idle for longer than the gap (their next view starts a visit either way). */
	@Scheduled(fixedDelayString = "PT1M")
	void forgetIdle() {
		long now = System.currentTimeMillis();
		for (String key : visitors.keySet()) {
			visitors.computeIfPresent(key, (k, s) -> now - s.last >= idleGapMillis ? null : s);
		}
	}

	/** When this node last saw the visitor with that membership, or {@code null}. */
	Long lastSeen(String visitorKey, boolean member) {
		Seen s = visitors.get(visitorKey);
		return s == null || s.member != member ? null : s.last;
	}

	int size() {
		return visitors.size();
	}

}
