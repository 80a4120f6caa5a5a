package vn.dvk.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dvk.account.ScopeFilter;
import vn.dvk.system.PublicContentChanged;
import vn.dvk.search.SearchIndex;
import vn.dvk.search.TextIndex;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;

/**
 * The registry's list index, in memory: for every model the few facts lists filter and sort on (status, visibility,
 * field, organization, locality, phase, kinds, dates, quality flags) and its words in a {@link TextIndex}. Every list
 * (staff queue, officer's list, public directory, API, search) asks it for the ids of one page and the total, then
 * reads only those rows from the database. At 100,000 models a page costs a millisecond or two instead of a count and
 * a sort in the database, the same on H2 and PostgreSQL.
 * <p>
 * The database stays the source of truth. The catalogue is loaded from it in the background at start (the
 * {@code modelCatalogue} health contributor, part of readiness, is out of service until then) and every write to a
 * model calls {@link #touched} inside its transaction: after the commit the touched rows are read again and replace
 * their old entries. Refreshes are serialized, and each reads the rows' committed state, so the last refresh always
 * wins with the latest data. In cluster mode the touched ids must also reach the other nodes (cache invalidation,
 * ARCHITECTURE.md); a full reload fixes any node that missed a message.
 */
@Component
class ModelCatalogue implements SmartLifecycle, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(ModelCatalogue.class);

	private static final int NO_DATE = Integer.MIN_VALUE;

	private static final int BIT_PUBLIC = 1;

	private static final int BIT_MEASURABLE = 2;

	private static final int BIT_THIN = 4;

	private static final int BIT_INDIVIDUAL = 8;

	private static final int BIT_EXEMPLAR = 16;

	private static final long WAIT_FOR_LOAD_SECONDS = 60;

	private final JdbcClient jdbc;

	private final JdbcTemplate cursor;

	private final TransactionTemplate readOnly;

	private final QualityRules quality;

	// --- state, guarded by lock ------------------------------------------------------------------------------

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final TextIndex words = new TextIndex();

	private int slots;

	private long[] ids = new long[0];

	private long[] organizations = new long[0];

	private long[] units = new long[0];

	private long[] updated = new long[0];

	private int[] recognized = new int[0];

	private int[] lastResults = new int[0];

	private int[] replicas = new int[0];

	private byte[] statuses = new byte[0];

	private short[] fields = new short[0];

	private short[] phases = new short[0];

	private byte[] bits = new byte[0];

	private byte[] flags = new byte[0];

	private final BitSet live = new BitSet();

	private final Map<Long, Integer> slotOf = new HashMap<>();

	private LocalDate flagsDay;

	/** Field and phase codes as small numbers; codes are only ever added. */
	private final Map<String, Short> codes = new ConcurrentHashMap<>();

	// --- loading ----------------------------------------------------------------------------------------------

	/** Serializes refreshes (and the initial load), so each reads the rows' state after the previous one applied. */
	private final ReentrantLock refreshing = new ReentrantLock();

	private final CountDownLatch loaded = new CountDownLatch(1);

	private final Object pendingLock = new Object();

	private Set<Long> pending = new LinkedHashSet<>();

	private boolean ready;

	private volatile boolean running;

	private volatile String failure;

	private final Object transactionKey = new Object();

	private final ApplicationEventPublisher events;

	private final vn.dvk.system.ClusterBus bus;

	ModelCatalogue(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
			QualityRules quality, ApplicationEventPublisher events, vn.dvk.system.ClusterBus bus) {
		this.bus = bus;
		// Other nodes' writes: read those models again here too.
		bus.subscribe("catalogue", ids -> refresh(java.util.Arrays.stream(ids.split(","))
			.filter(t -> !t.isBlank())
			.map(Long::valueOf)
			.toList()));
		this.jdbc = jdbc;
		this.events = events;
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(1000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.quality = quality;
	}

	// --- lifecycle and health -----------------------------------------------------------------------------------

	private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

	/** Loads once; a stop and restart of the context (tests pause cached contexts) keeps what is loaded. */
	@Override
	public void start() {
		running = true;
		if (!started.compareAndSet(false, true)) {
			return;
		}
		Thread loader = new Thread(this::load, "model-catalogue-load");
		loader.setDaemon(true);
		loader.start();
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public Health health() {
		if (failure != null) {
			return Health.down().withDetail("error", failure).build();
		}
		if (loaded.getCount() > 0) {
			return Health.outOfService().withDetail("loading", true).build();
		}
		return Health.up().build();
	}

	private void load() {
		long start = System.nanoTime();
		refreshing.lock();
		try {
			int[] count = { 0 };
			List<Row> batch = new ArrayList<>(2000);
			readOnly.executeWithoutResult(tx -> cursor.query("select * from registry_model order by id", rs -> {
				batch.add(row(rs));
				if (batch.size() == 2000) {
					apply(entries(batch), List.of());
					count[0] += batch.size();
					batch.clear();
				}
			}));
			apply(entries(batch), List.of());
			count[0] += batch.size();
			Set<Long> late;
			synchronized (pendingLock) {
				ready = true;
				late = pending;
				pending = null;
			}
			refreshLocked(late);
			log.info("Model catalogue loaded: {} models, {} words, {} entries in {} ms", count[0], words.termCount(),
					words.postingCount(), (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			failure = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			log.error("Model catalogue could not load; registry lists are unavailable", ex);
		}
		finally {
			refreshing.unlock();
			loaded.countDown();
		}
	}

	private void awaitLoaded() {
		try {
			if (!loaded.await(WAIT_FOR_LOAD_SECONDS, TimeUnit.SECONDS) || failure != null) {
				throw new UserFacingException(HttpStatus.SERVICE_UNAVAILABLE, "registry.catalogue.loading");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UserFacingException(HttpStatus.SERVICE_UNAVAILABLE, "registry.catalogue.loading");
		}
	}

	// --- changes ------------------------------------------------------------------------------------------------

	/**
	 * Models whose row changed (or was added) in the current transaction: their entries are replaced after the
	 * commit. Without a transaction, at once.
	 */
	void touched(Collection<Long> modelIds) {
		if (modelIds.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			refreshEverywhere(modelIds);
			return;
		}
		@SuppressWarnings("unchecked")
		Set<Long> collected = (Set<Long>) TransactionSynchronizationManager.getResource(transactionKey);
		if (collected == null) {
			Set<Long> fresh = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(transactionKey, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(transactionKey);
					if (status == STATUS_COMMITTED) {
						refreshEverywhere(fresh);
					}
				}

			});
			collected = fresh;
		}
		collected.addAll(modelIds);
	}

	private void refreshEverywhere(Collection<Long> modelIds) {
		try {
			refresh(modelIds);
		}
		finally {
			bus.publish("catalogue", String.join(",", modelIds.stream().map(String::valueOf).toList()));
		}
	}

	void touched(long modelId) {
		touched(List.of(modelId));
	}

	/** Reads the models again and replaces their entries (or removes them when gone). */
	void refresh(Collection<Long> modelIds) {
		synchronized (pendingLock) {
			if (!ready) {
				if (pending != null) {
					pending.addAll(modelIds);
				}
				return;
			}
		}
		refreshing.lock();
		try {
			refreshLocked(modelIds);
		}
		catch (RuntimeException ex) {
			log.error("Could not refresh models {} in the catalogue; lists may show them as before", modelIds, ex);
			throw ex;
		}
		finally {
			refreshing.unlock();
		}
		events.publishEvent(new PublicContentChanged("registry"));
	}

	private void refreshLocked(Collection<Long> modelIds) {
		List<Long> all = List.copyOf(new LinkedHashSet<>(modelIds));
		for (int from = 0; from < all.size(); from += 1000) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + 1000));
			List<Entry> entries = entries(jdbc.sql("select * from registry_model where id in (:ids)")
				.param("ids", chunk)
				.query((rs, n) -> row(rs))
				.list());
			Set<Long> found = new java.util.HashSet<>();
			entries.forEach(e -> found.add(e.id));
			apply(entries, chunk.stream().filter(id -> !found.contains(id)).toList());
		}
	}

	/** One model as read from its row, words already cut: built outside the lock. */
	private record Entry(long id, long organization, long unit, long updated, int recognized, int lastResult,
			int replicas, ModelStatus status, short field, short phase, int bits, Map<String, Short> tokens) {
	}

	/** A row's facts and texts, before its words are cut. */
	private record Row(long id, long organization, long unit, long updated, int recognized, int lastResult,
			int replicas, ModelStatus status, short field, short phase, int bits, String name, String text) {
	}

	private Row row(ResultSet rs) throws SQLException {
		ModelContent content = Models.content(rs);
		int b = (rs.getBoolean("is_public") ? BIT_PUBLIC : 0) | (rs.getBoolean("measurable") ? BIT_MEASURABLE : 0)
				| (quality.isThin(QualityRules.lengths(content)) ? BIT_THIN : 0)
				| (SubjectType.INDIVIDUAL.name().equals(rs.getString("subject_type")) ? BIT_INDIVIDUAL : 0)
				| (ModelKind.EXEMPLAR.name().equals(rs.getString("kind")) ? BIT_EXEMPLAR : 0);
		return new Row(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("locality_id"),
				rs.getTimestamp("updated_at").getTime(), day(rs.getObject("recognition_date", LocalDate.class)),
				day(rs.getObject("last_result_date", LocalDate.class)), rs.getInt("replica_count"),
				ModelStatus.valueOf(rs.getString("status")), code(rs.getString("field_code")),
				code(rs.getString("phase")), b, rs.getString("name"), content.joined());
	}

	/** Cuts the rows' words, on every core when there are many. */
	private static List<Entry> entries(List<Row> rows) {
		return (rows.size() > 200 ? rows.parallelStream() : rows.stream())
			.map(r -> new Entry(r.id(), r.organization(), r.unit(), r.updated(), r.recognized(), r.lastResult(),
					r.replicas(), r.status(), r.field(), r.phase(), r.bits(),
					SearchIndex.tokens(new SearchIndex.Document(r.id(), r.name(), r.text()))))
			.toList();
	}

	private static int day(LocalDate date) {
		return date == null ? NO_DATE : (int) date.toEpochDay();
	}

	private static LocalDate date(int day) {
		return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
	}

	private short code(String value) {
		if (value == null) {
			return -1;
		}
		return codes.computeIfAbsent(value, v -> {
			if (codes.size() >= Short.MAX_VALUE) {
				throw new IllegalStateException("too many distinct codes");
			}
			return (short) codes.size();
		});
	}

	private void apply(List<Entry> entries, List<Long> removed) {
		lock.writeLock().lock();
		try {
			LocalDate today = VietnameseFormats.today();
			if (flagsDay == null) {
				flagsDay = today;
			}
			for (Long id : removed) {
				Integer old = slotOf.remove(id);
				if (old != null) {
					live.clear(old);
				}
			}
			for (Entry e : entries) {
				Integer old = slotOf.get(e.id);
				if (old != null) {
					live.clear(old);
				}
				int s = slots++;
				ensureCapacity(slots);
				ids[s] = e.id;
				organizations[s] = e.organization;
				units[s] = e.unit;
				updated[s] = e.updated;
				recognized[s] = e.recognized;
				lastResults[s] = e.lastResult;
				replicas[s] = e.replicas;
				statuses[s] = (byte) e.status.ordinal();
				fields[s] = e.field;
				phases[s] = e.phase;
				bits[s] = (byte) e.bits;
				flags[s] = flagMask(s, flagsDay);
				live.set(s);
				slotOf.put(e.id, s);
				words.add(s, e.tokens);
			}
			if (slots - slotOf.size() > Math.max(10_000, slotOf.size() / 2)) {
				compact();
			}
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	private void ensureCapacity(int n) {
		if (n <= ids.length) {
			return;
		}
		int c = Math.max(n, ids.length + (ids.length >> 1) + 64);
		ids = Arrays.copyOf(ids, c);
		organizations = Arrays.copyOf(organizations, c);
		units = Arrays.copyOf(units, c);
		updated = Arrays.copyOf(updated, c);
		recognized = Arrays.copyOf(recognized, c);
		lastResults = Arrays.copyOf(lastResults, c);
		replicas = Arrays.copyOf(replicas, c);
		statuses = Arrays.copyOf(statuses, c);
		fields = Arrays.copyOf(fields, c);
		phases = Arrays.copyOf(phases, c);
		bits = Arrays.copyOf(bits, c);
		flags = Arrays.copyOf(flags, c);
	}

	/** Drops the slots of replaced and removed models, renumbering the rest in order. Under the write lock. */
	private void compact() {
		int[] map = new int[slots];
		int n = 0;
		for (int s = 0; s < slots; s++) {
			if (live.get(s)) {
				map[s] = n;
				ids[n] = ids[s];
				organizations[n] = organizations[s];
				units[n] = units[s];
				updated[n] = updated[s];
				recognized[n] = recognized[s];
				lastResults[n] = lastResults[s];
				replicas[n] = replicas[s];
				statuses[n] = statuses[s];
				fields[n] = fields[s];
				phases[n] = phases[s];
				bits[n] = bits[s];
				flags[n] = flags[s];
				slotOf.put(ids[n], n);
				n++;
			}
			else {
				map[s] = -1;
			}
		}
		words.compact(map);
		live.clear();
		live.set(0, n);
		slots = n;
	}

	private byte flagMask(int s, LocalDate today) {
		ModelStatus status = ModelStatus.values()[statuses[s]];
		int b = bits[s];
		int mask = 0;
		for (QualityFlag f : quality.flags(status, (b & BIT_MEASURABLE) != 0, date(recognized[s]),
				date(lastResults[s]), replicas[s], (b & BIT_THIN) != 0, today)) {
			mask |= 1 << f.ordinal();
		}
		return (byte) mask;
	}

	/** Flags depend on the day (results grow stale): recomputed once when the day changes. */
	private void refreshFlagsIfNewDay() {
		LocalDate today = VietnameseFormats.today();
		lock.readLock().lock();
		try {
			if (today.equals(flagsDay)) {
				return;
			}
		}
		finally {
			lock.readLock().unlock();
		}
		lock.writeLock().lock();
		try {
			if (!today.equals(flagsDay)) {
				for (int s = 0; s < slots; s++) {
					flags[s] = flagMask(s, today);
				}
				flagsDay = today;
			}
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	// --- queries -------------------------------------------------------------------------------------------------

	/**
	 * What a list may show and filter on, resolved to ids before the lock is taken. Sets of ids are sorted arrays;
	 * {@code null} means no restriction.
	 */
	record Filter(boolean publicModels, boolean everything, long[] scopeUnits, long[] scopeOrganizations,
			String fieldCode, long[] units, Long organization, String phase, Set<ModelStatus> statuses,
			QualityFlag flag, SubjectType subject, ModelKind kind) {
	}

	/** How a page is ordered. */
	enum Order {

		/** Search: best score first, then the most recently changed. */
		SCORE,
		/** Public directory: most recently recognized first. */
		RECOGNITION,
		/** Back office: most recently changed first. */
		UPDATED

	}

	/** A model on a page: its id and its quality flags as of today. */
	record Hit(long id, Set<QualityFlag> flags) {
	}

	record Page(List<Hit> hits, long total) {
	}

	/** One page of the models the filter selects, matching the query words if any, in the given order. */
	Page page(Filter filter, SearchIndex.Query query, Order order, long offset, int limit) {
		awaitLoaded();
		refreshFlagsIfNewDay();
		lock.readLock().lock();
		try {
			IntPredicate accepts = predicate(filter);
			if (accepts == null) {
				return new Page(List.of(), 0);
			}
			int wanted = (int) Math.min(Integer.MAX_VALUE - 8, offset + limit);
			TopK top = new TopK(Math.min(wanted, Math.max(1, slotOf.size())), order);
			long[] total = { 0 };
			if (query != null && !query.isEmpty()) {
				words.match(query.folded(), query.exact(), accepts, (slot, score) -> {
					total[0]++;
					top.offer(slot, score);
				});
			}
			else {
				for (int s = live.nextSetBit(0); s >= 0; s = live.nextSetBit(s + 1)) {
					if (accepts.test(s)) {
						total[0]++;
						top.offer(s, 0);
					}
				}
			}
			int[] ranked = top.sorted();
			List<Hit> hits = new ArrayList<>(limit);
			for (long i = offset; i < ranked.length && hits.size() < limit; i++) {
				int s = ranked[(int) i];
				hits.add(new Hit(ids[s], flagSet(flags[s])));
			}
			return new Page(hits, total[0]);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Every model id the filter and words select, ascending: for exports. */
	long[] ids(Filter filter, SearchIndex.Query query) {
		awaitLoaded();
		refreshFlagsIfNewDay();
		lock.readLock().lock();
		try {
			IntPredicate accepts = predicate(filter);
			if (accepts == null) {
				return new long[0];
			}
			long[][] out = { new long[64] };
			int[] n = { 0 };
			java.util.function.IntConsumer add = s -> {
				if (n[0] == out[0].length) {
					out[0] = Arrays.copyOf(out[0], n[0] * 2);
				}
				out[0][n[0]++] = ids[s];
			};
			if (query != null && !query.isEmpty()) {
				words.match(query.folded(), query.exact(), accepts, (slot, score) -> add.accept(slot));
			}
			else {
				for (int s = live.nextSetBit(0); s >= 0; s = live.nextSetBit(s + 1)) {
					if (accepts.test(s)) {
						add.accept(s);
					}
				}
			}
			long[] result = Arrays.copyOf(out[0], n[0]);
			Arrays.sort(result);
			return result;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Number of models in the catalogue (for diagnostics and tests). */
	int size() {
		awaitLoaded();
		lock.readLock().lock();
		try {
			return slotOf.size();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	private static Set<QualityFlag> flagSet(byte mask) {
		Set<QualityFlag> set = java.util.EnumSet.noneOf(QualityFlag.class);
		for (QualityFlag f : QualityFlag.values()) {
			if ((mask & (1 << f.ordinal())) != 0) {
				set.add(f);
			}
		}
		return set;
	}

	/** The filter as a test on slots (live ones only); {@code null} when nothing can match. Under the read lock. */
	private IntPredicate predicate(Filter f) {
		boolean anyScope = f.everything() || f.scopeUnits() != null || f.scopeOrganizations() != null;
		if (!f.publicModels() && !anyScope) {
			return null;
		}
		short field = -1;
		if (f.fieldCode() != null) {
			Short c = codes.get(f.fieldCode());
			if (c == null) {
				return null;
			}
			field = c;
		}
		short phase = -1;
		if (f.phase() != null) {
			Short c = codes.get(f.phase());
			if (c == null) {
				return null;
			}
			phase = c;
		}
		int statusMask = 0;
		if (f.statuses() != null) {
			for (ModelStatus st : f.statuses()) {
				statusMask |= 1 << st.ordinal();
			}
		}
		final short fieldCode = field;
		final short phaseCode = phase;
		final int statusBits = statusMask;
		final int flagBit = f.flag() == null ? 0 : 1 << f.flag().ordinal();
		final long organization = f.organization() == null ? Long.MIN_VALUE : f.organization();
		final int subjectWanted = f.subject() == null ? -1 : f.subject() == SubjectType.INDIVIDUAL ? BIT_INDIVIDUAL : 0;
		final int kindWanted = f.kind() == null ? -1 : f.kind() == ModelKind.EXEMPLAR ? BIT_EXEMPLAR : 0;
		return s -> {
			if (!live.get(s)) {
				return false;
			}
			int b = bits[s];
			boolean visible = (f.publicModels() && (b & BIT_PUBLIC) != 0) || f.everything()
					|| (f.scopeUnits() != null && Arrays.binarySearch(f.scopeUnits(), units[s]) >= 0)
					|| (f.scopeOrganizations() != null
							&& Arrays.binarySearch(f.scopeOrganizations(), organizations[s]) >= 0);
			return visible && (fieldCode < 0 || fields[s] == fieldCode) && (phaseCode < 0 || phases[s] == phaseCode)
					&& (statusBits == 0 || (statusBits & (1 << statuses[s])) != 0)
					&& (flagBit == 0 || (flags[s] & flagBit) != 0)
					&& (organization == Long.MIN_VALUE || organizations[s] == organization)
					&& (subjectWanted < 0 || (b & BIT_INDIVIDUAL) == subjectWanted)
					&& (kindWanted < 0 || (b & BIT_EXEMPLAR) == kindWanted)
					&& (f.units() == null || Arrays.binarySearch(f.units(), units[s]) >= 0);
		};
	}

	/** The best {@code k} slots seen, kept in a heap with the worst on top. Under the read lock. */
	private final class TopK {

		private final int capacity;

		private final Order order;

		private int[] slot;

		private int[] score;

		private int size;

		TopK(int capacity, Order order) {
			this.capacity = capacity;
			this.order = order;
			int initial = Math.min(capacity, 1024);
			this.slot = new int[initial];
			this.score = new int[initial];
		}

		/** Whether (a, scoreA) ranks before (b, scoreB). */
		private boolean before(int a, int scoreA, int b, int scoreB) {
			switch (order) {
				case SCORE -> {
					if (scoreA != scoreB) {
						return scoreA > scoreB;
					}
					if (updated[a] != updated[b]) {
						return updated[a] > updated[b];
					}
				}
				case RECOGNITION -> {
					if (recognized[a] != recognized[b]) {
						return recognized[a] > recognized[b];
					}
				}
				case UPDATED -> {
					if (updated[a] != updated[b]) {
						return updated[a] > updated[b];
					}
				}
			}
			return ids[a] > ids[b];
		}

		void offer(int s, int sc) {
			if (size < capacity) {
				if (size == slot.length) {
					int grown = Math.min(capacity, size * 2);
					slot = Arrays.copyOf(slot, grown);
					score = Arrays.copyOf(score, grown);
				}
				slot[size] = s;
				score[size] = sc;
				siftUp(size++);
			}
			else if (before(s, sc, slot[0], score[0])) {
				slot[0] = s;
				score[0] = sc;
				siftDown(0);
			}
		}

		/** Heap order: a parent ranks after its children (the worst is at the root). */
		private void siftUp(int i) {
			while (i > 0) {
				int parent = (i - 1) >>> 1;
				if (!before(slot[parent], score[parent], slot[i], score[i])) {
					return;
				}
				swap(i, parent);
				i = parent;
			}
		}

		private void siftDown(int i) {
			while (true) {
				int left = 2 * i + 1;
				if (left >= size) {
					return;
				}
				int worst = left;
				int right = left + 1;
				if (right < size && before(slot[left], score[left], slot[right], score[right])) {
					worst = right;
				}
				if (!before(slot[i], score[i], slot[worst], score[worst])) {
					return;
				}
				swap(i, worst);
				i = worst;
			}
		}

		private void swap(int a, int b) {
			int t = slot[a];
			slot[a] = slot[b];
			slot[b] = t;
			t = score[a];
			score[a] = score[b];
			score[b] = t;
		}

		/** The kept slots, best first (empties the heap). */
		int[] sorted() {
			int[] out = new int[size];
			for (int i = size - 1; i >= 0; i--) {
				out[i] = slot[0];
				size--;
				if (size > 0) {
					slot[0] = slot[size];
					score[0] = score[size];
					siftDown(0);
				}
			}
			return out;
		}

	}

}
