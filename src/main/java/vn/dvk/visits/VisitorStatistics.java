package vn.dvk.visits;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.springframework.stereotype.Service;

import vn.dvk.system.AuditLog;
import vn.dvk.system.SettingsStore;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;

/**
 * The visitor figures as people see them: what the database holds plus what is still buffered, so a figure read
 * right after a request already includes it. The total of visits starts from a figure the administrator sets (a
 * portal that moves from another system brings its count).
 */
@Service
public class VisitorStatistics {

	static final String STARTING_TOTAL = "visits.starting-total";

	private final VisitStore store;

	private final VisitCounters counters;

	private final VisitorActivity activity;

	private final VisitSettings settings;

	private final SettingsStore settingsStore;

	private final AuditLog audit;

	private final VisitFlusher flusher;

	VisitorStatistics(VisitStore store, VisitCounters counters, VisitorActivity activity, VisitSettings settings,
			SettingsStore settingsStore, AuditLog audit, VisitFlusher flusher) {
		this.flusher = flusher;
		this.store = store;
		this.counters = counters;
		this.activity = activity;
		this.settings = settings;
		this.settingsStore = settingsStore;
		this.audit = audit;
	}

	public VisitorSnapshot snapshot() {
		LocalDate today = VietnameseFormats.today();
		LocalDate yesterday = today.minusDays(1);
		long start = startingTotal();
		VisitorSnapshot.Online online = activity
			.online(System.currentTimeMillis() - settings.onlineWindow().toMillis());
		return flusher.consistent(() -> {
			Map<LocalDate, long[]> days = store.days(yesterday, today);
			long total = start + store.totalVisits() + counters.pendingVisits(today)
					+ counters.pendingVisits(yesterday) + counters.pendingVisits(today.minusDays(2));
			return new VisitorSnapshot(online, total, day(today, days), day(yesterday, days));
		});
	}

	/** Views of one piece of content so far. */
	public long views(ContentRef content) {
		return views(content.kind(), List.of(content.id())).getOrDefault(content.id(), 0L);
	}

	/** Views of several pieces of one kind (every id is in the answer, 0 when never viewed). */
	public Map<Long, Long> views(String kind, Collection<Long> ids) {
		return flusher.consistent(() -> {
			Map<Long, Long> stored = store.views(kind, ids);
			Map<Long, Long> views = new HashMap<>();
			for (Long id : ids) {
				views.put(id, stored.getOrDefault(id, 0L) + counters.pendingViews(new ContentRef(kind, id)));
			}
			return views;
		});
	}

	/** Every day from {@code from} to {@code to}, days without visitors included (as zeros). */
	public List<VisitorSnapshot.Day> history(LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			throw UserFacingException.badRequest("visits.history.range");
		}
		if (ChronoUnit.DAYS.between(from, to) > 3660) {
			throw UserFacingException.badRequest("visits.history.tooLong");
		}
		return flusher.consistent(() -> {
			Map<LocalDate, long[]> days = store.days(from, to);
			List<VisitorSnapshot.Day> list = new ArrayList<>();
			for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
				list.add(day(d, days));
			}
			return list;
		});
	}

	public long startingTotal() {
		return settingsStore.get(STARTING_TOTAL).map(Long::parseLong).orElse(0L);
	}

	/** The starting figure as typed ("80.000.000", "80,000,000" or "80000000"). */
	@vn.dvk.account.Requires(vn.dvk.account.Permission.SET_VISIT_BASELINE)
	public void setStartingTotal(String typed) {
		String digits = typed == null ? "" : typed.replace(".", "").replace(",", "").replace(" ", "").strip();
		if (!digits.matches("\\d{1,13}")) {
			throw UserFacingException.field("startingTotal", "visits.startingTotal.invalid");
		}
		setStartingTotal(Long.parseLong(digits));
	}

	@vn.dvk.account.Requires(vn.dvk.account.Permission.SET_VISIT_BASELINE)
	public void setStartingTotal(long value) {
		if (value < 0 || value > 1_000_000_000_000L) {
			throw UserFacingException.field("startingTotal", "visits.startingTotal.invalid");
		}
		long before = startingTotal();
		settingsStore.put(STARTING_TOTAL, Long.toString(value));
		audit.record("visits.startingTotal", "setting", STARTING_TOTAL, before + " → " + value);
	}

	private VisitorSnapshot.Day day(LocalDate day, Map<LocalDate, long[]> stored) {
		long[] v = stored.getOrDefault(day, new long[2]);
		return new VisitorSnapshot.Day(day, v[0] + counters.pendingVisits(day), v[1] + counters.pendingPageViews(day));
	}

}
