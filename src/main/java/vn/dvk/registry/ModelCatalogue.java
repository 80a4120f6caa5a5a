package vn.dvk.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

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

import vn.dvk.system.PublicContentChanged;
import vn.dvk.search.SearchIndex;
import vn.dvk.search.TextIndex;
import vn.dvk.shared.UserFacingException;

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

	private static final long WAIT_FOR_LOAD_SECONDS = 60;

	private final JdbcClient jdbc;

	private final JdbcTemplate cursor;

	private final TransactionTemplate readOnly;

	private final QualityRules quality;

	/** The facts and words of every model, under their own lock. */
	private final CatalogueColumns columns;

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
		this.columns = new CatalogueColumns(quality);
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
					columns.apply(entries(batch), List.of());
					count[0] += batch.size();
					batch.clear();
				}
			}));
			columns.apply(entries(batch), List.of());
			count[0] += batch.size();
			Set<Long> late;
			synchronized (pendingLock) {
				ready = true;
				late = pending;
				pending = null;
			}
			refreshLocked(late);
			log.info("Model catalogue loaded: {} models, {} words, {} entries in {} ms", count[0], columns.termCount(),
					columns.postingCount(), (System.nanoTime() - start) / 1_000_000);
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
			List<CatalogueColumns.Entry> entries = entries(jdbc.sql("select * from registry_model where id in (:ids)")
				.param("ids", chunk)
				.query((rs, n) -> row(rs))
				.list());
			Set<Long> found = new java.util.HashSet<>();
			entries.forEach(e -> found.add(e.id()));
			columns.apply(entries, chunk.stream().filter(id -> !found.contains(id)).toList());
		}
	}

	/** A row's facts and texts, before its words are cut. */
	private record Row(long id, long organization, long unit, long updated, int recognized, int lastResult,
			int replicas, ModelStatus status, short field, short phase, int bits, String name, String text) {
	}

	private Row row(ResultSet rs) throws SQLException {
		ModelContent content = Models.content(rs);
		int b = (rs.getBoolean("is_public") ? CatalogueColumns.BIT_PUBLIC : 0) | (rs.getBoolean("measurable") ? CatalogueColumns.BIT_MEASURABLE : 0)
				| (quality.isThin(QualityRules.lengths(content)) ? CatalogueColumns.BIT_THIN : 0)
				| (SubjectType.INDIVIDUAL.name().equals(rs.getString("subject_type")) ? CatalogueColumns.BIT_INDIVIDUAL : 0)
				| (ModelKind.EXEMPLAR.name().equals(rs.getString("kind")) ? CatalogueColumns.BIT_EXEMPLAR : 0);
		return new Row(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("locality_id"),
				rs.getTimestamp("updated_at").getTime(), CatalogueColumns.day(rs.getObject("recognition_date", LocalDate.class)),
				CatalogueColumns.day(rs.getObject("last_result_date", LocalDate.class)), rs.getInt("replica_count"),
				ModelStatus.valueOf(rs.getString("status")), columns.code(rs.getString("field_code")),
				columns.code(rs.getString("phase")), b, rs.getString("name"), content.joined());
	}

	/** Cuts the rows' words, on every core when there are many. */
	private static List<CatalogueColumns.Entry> entries(List<Row> rows) {
		return (rows.size() > 200 ? rows.parallelStream() : rows.stream())
			.map(r -> new CatalogueColumns.Entry(r.id(), r.organization(), r.unit(), r.updated(), r.recognized(), r.lastResult(),
					r.replicas(), r.status(), r.field(), r.phase(), r.bits(),
					SearchIndex.tokens(new SearchIndex.Document(r.id(), r.name(), r.text()))))
			.toList();
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
		return columns.page(filter, query, order, offset, limit);
	}

	/** Every model id the filter and words select, ascending: for exports. */
	long[] ids(Filter filter, SearchIndex.Query query) {
		awaitLoaded();
		return columns.ids(filter, query);
	}

	/** Number of models in the catalogue (for diagnostics and tests). */
	int size() {
		awaitLoaded();
		return columns.size();
	}

}
