package vn.dvk.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.account.ScopeFilter;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.shared.PageResult;
import vn.dvk.search.SearchIndex;
import vn.dvk.shared.VietnameseText;

/**
 * The registry's lists: the staff queue, the officer's own list, the public directory and the API, all one query
 * with filters, visibility, optional ranked full-text search and paging. The {@link ModelCatalogue} picks the page's
 * ids and counts; the database then reads those rows (one query) and, for a search page, their texts for the
 * snippets (one more). No N+1.
 */
@Component
class ModelSearch {

	/** Who is looking: the public (public models only), or a user's scope, optionally plus public models. */
	record Visibility(boolean publicModels, ScopeFilter scope) {

		static Visibility publicOnly() {
			return new Visibility(true, new ScopeFilter.Nothing());
		}

	}

	private static final String SUMMARY_COLUMNS = """
			m.id, m.kind, m.subject_type, m.name, m.slug, m.field_code, m.organization_id, m.phase, m.start_year,
			m.status, m.recognition_level, m.recognition_date, m.cover_evidence_id, m.spread_localities,
			m.spread_organizations, m.updated_at, o.name as organization_name, u.code as locality_code,
			u.name as locality_name""";

	private static final String FROM = " from registry_model m join organization_directory o on o.id = m.organization_id"
			+ " join unit_directory u on u.id = m.locality_id";

	private final JdbcClient jdbc;

	private final ModelCatalogue catalogue;

	private final QualityRules quality;

	private final LocalityService localities;

	ModelSearch(JdbcClient jdbc, ModelCatalogue catalogue, QualityRules quality, LocalityService localities) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.quality = quality;
		this.localities = localities;
	}

	/** The catalogue's filter for a query seen with a visibility; empty when a filter names nothing that exists. */
	private Optional<ModelCatalogue.Filter> filter(ModelQuery q, Visibility visibility) {
		long[] units = null;
		if (!VietnameseText.isBlank(q.localityCode())) {
			Optional<Locality> unit = localities.findByCode(q.localityCode().trim());
			if (unit.isEmpty()) {
				return Optional.empty();
			}
			units = unitsUnder(unit.get().id());
		}
		ScopeFilter scope = visibility.scope();
		return Optional.of(new ModelCatalogue.Filter(visibility.publicModels(), scope instanceof ScopeFilter.Everything,
				scope instanceof ScopeFilter.LocalitiesUnder l ? unitsUnder(l.unitId()) : null,
				scope instanceof ScopeFilter.OrganizationsUnder o ? organizationsUnder(o.organizationId()) : null,
				blankToNull(q.fieldCode()), units, q.organizationId(), blankToNull(q.phase()),
				q.statuses() == null || q.statuses().isEmpty() ? null : q.statuses(), q.flag(), q.subjectType(),
				q.kind()));
	}

	private static String blankToNull(String s) {
		return VietnameseText.isBlank(s) ? null : s.trim();
	}

	/** The unit and the units under it (at most three levels: province, former district, commune), sorted. */
	private long[] unitsUnder(long unitId) {
		return jdbc.sql("""
				select unit_id from unit_subtree where ancestor_id = :u""")
			.param("u", unitId)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.sorted()
			.toArray();
	}

	/** The organization and its sub-organizations (three levels below it at most), sorted. */
	private long[] organizationsUnder(long organizationId) {
		return jdbc.sql("""
				select organization_id from organization_subtree where ancestor_id = :o""")
			.param("o", organizationId)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.sorted()
			.toArray();
	}

	/**
	 * One page: the ids and the total from the catalogue (in memory), then the rows of those ids only, so the
	 * database never counts, sorts or reads rows off the page.
	 */
	PageResult<ModelSummary> search(ModelQuery q, Visibility visibility, PageResult.Request page) {
		return search(q, visibility, page, true);
	}

	/** @param snippets whether a search page also gets the text around the matches (pages do, the API does not) */
	PageResult<ModelSummary> search(ModelQuery q, Visibility visibility, PageResult.Request page, boolean snippets) {
		Optional<ModelCatalogue.Filter> filter = filter(q, visibility);
		if (filter.isEmpty()) {
			return new PageResult<>(List.of(), 0, page.page(), page.size());
		}
		SearchIndex.Query words = VietnameseText.isBlank(q.text()) ? null : SearchIndex.Query.of(q.text());
		if (words != null && words.isEmpty()) {
			words = null;
		}
		ModelCatalogue.Order order = words != null ? ModelCatalogue.Order.SCORE
				: visibility.publicModels() && visibility.scope() instanceof ScopeFilter.Nothing
						? ModelCatalogue.Order.RECOGNITION : ModelCatalogue.Order.UPDATED;
		ModelCatalogue.Page result = catalogue.page(filter.get(), words, order, page.offset(), page.size());
		if (result.hits().isEmpty()) {
			return new PageResult<>(List.of(), result.total(), page.page(), page.size());
		}
		List<String> folded = words == null ? List.of() : words.folded();
		Map<Long, ModelSummary> byId = new HashMap<>();
		Map<Long, Set<QualityFlag>> flags = new HashMap<>();
		result.hits().forEach(h -> flags.put(h.id(), h.flags()));
		jdbc.sql("select " + SUMMARY_COLUMNS + FROM + " where m.id in (:ids)")
			.param("ids", flags.keySet())
			.query((rs, n) -> summary(rs, folded, flags))
			.list()
			.forEach(m -> byId.put(m.id(), m));
		List<ModelSummary> items = result.hits()
			.stream()
			.map(h -> byId.get(h.id()))
			.filter(java.util.Objects::nonNull)
			.toList();
		if (snippets && !folded.isEmpty()) {
			items = withSnippets(items, folded);
		}
		return new PageResult<>(items, result.total(), page.page(), page.size());
	}

	/**
	 * Every model the query selects, one at a time, in id order: for exports. The ids come from the catalogue; a
	 * reader thread reads the rows a thousand at a time (a few chunks ahead, never all at once) while the caller's
	 * thread writes them, so reading and writing the file use both cores.
	 */
	void export(ModelQuery q, Visibility visibility, java.util.function.Consumer<ModelSpreadsheets.Row> sink) {
		Optional<ModelCatalogue.Filter> filter = filter(q, visibility);
		if (filter.isEmpty()) {
			return;
		}
		SearchIndex.Query words = VietnameseText.isBlank(q.text()) ? null : SearchIndex.Query.of(q.text());
		long[] ids = catalogue.ids(filter.get(), words);
		java.util.concurrent.BlockingQueue<Object> chunks = new java.util.concurrent.ArrayBlockingQueue<>(4);
		java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
		Thread reader = new Thread(() -> {
			Object last = END;
			try {
				for (int from = 0; from < ids.length && !cancelled.get(); from += EXPORT_CHUNK) {
					List<ModelSpreadsheets.Row> rows = exportRows(ids, from, Math.min(ids.length, from + EXPORT_CHUNK));
					while (!cancelled.get() && !chunks.offer(rows, 1, java.util.concurrent.TimeUnit.SECONDS)) {
						// the writer is slower: wait for room
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				last = ex;
			}
			catch (RuntimeException ex) {
				last = ex;
			}
			try {
				while (!cancelled.get() && !chunks.offer(last, 1, java.util.concurrent.TimeUnit.SECONDS)) {
					// wait for room for the end marker
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "model-export-reader");
		reader.setDaemon(true);
		reader.start();
		try {
			while (true) {
				Object next = chunks.take();
				if (next == END) {
					return;
				}
				if (next instanceof RuntimeException ex) {
					throw ex;
				}
				if (next instanceof InterruptedException ex) {
					throw new IllegalStateException("export reader interrupted", ex);
				}
				@SuppressWarnings("unchecked")
				List<ModelSpreadsheets.Row> rows = (List<ModelSpreadsheets.Row>) next;
				rows.forEach(sink);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("export interrupted", ex);
		}
		finally {
			cancelled.set(true);
		}
	}

	private static final Object END = new Object();

	private static final int EXPORT_CHUNK = 1000;

	/**
	 * The rows of {@code ids[from..to)} (ascending) in id order. A dense run of ids is read as a range of the primary
	 * key (much cheaper than a long IN list) and filtered; a sparse one by its ids.
	 */
	private List<ModelSpreadsheets.Row> exportRows(long[] ids, int from, int to) {
		String select = "select m.*, o.name as organization_name, u.code as locality_code, u.name as locality_name"
				+ FROM;
		long lo = ids[from];
		long hi = ids[to - 1];
		List<ModelSpreadsheets.Row> rows = new ArrayList<>(to - from);
		org.springframework.jdbc.core.RowCallbackHandler handler = rs -> {
			long id = rs.getLong("id");
			if (Arrays.binarySearch(ids, from, to, id) < 0) {
				return;
			}
			ModelContent content = Models.content(rs);
			ModelStatus status = ModelStatus.valueOf(rs.getString("status"));
			LocalDate recognitionDate = rs.getObject("recognition_date", LocalDate.class);
			String level = rs.getString("recognition_level");
			rows.add(new ModelSpreadsheets.Row(id, ModelKind.valueOf(rs.getString("kind")),
					SubjectType.valueOf(rs.getString("subject_type")), rs.getString("name"),
					rs.getString("field_code"), rs.getString("locality_code"), rs.getString("locality_name"),
					rs.getString("organization_name"), rs.getInt("start_year"), rs.getString("phase"), content,
					recognitionDate, rs.getString("recognition_decision"),
					level == null ? null : RecognitionLevel.valueOf(level), status,
					quality.flags(status, rs.getBoolean("measurable"), recognitionDate,
							rs.getObject("last_result_date", LocalDate.class), rs.getInt("replica_count"), content)));
		};
		if (hi - lo < 2L * (to - from)) {
			jdbc.sql(select + " where m.id between :lo and :hi order by m.id")
				.param("lo", lo)
				.param("hi", hi)
				.query(handler);
		}
		else {
			jdbc.sql(select + " where m.id in (:ids) order by m.id")
				.param("ids", Arrays.stream(ids, from, to).boxed().toList())
				.query(handler);
		}
		return rows;
	}

	private ModelSummary summary(ResultSet rs, List<String> words, Map<Long, Set<QualityFlag>> flags)
			throws SQLException {
		ModelStatus status = ModelStatus.valueOf(rs.getString("status"));
		LocalDate recognitionDate = rs.getObject("recognition_date", LocalDate.class);
		String level = rs.getString("recognition_level");
		String name = rs.getString("name");
		long id = rs.getLong("id");
		return new ModelSummary(id, ModelKind.valueOf(rs.getString("kind")),
				SubjectType.valueOf(rs.getString("subject_type")), name, rs.getString("slug"),
				rs.getString("field_code"), rs.getLong("organization_id"), rs.getString("organization_name"),
				rs.getString("locality_code"), rs.getString("locality_name"), rs.getString("phase"),
				rs.getInt("start_year"), status, level == null ? null : RecognitionLevel.valueOf(level), recognitionDate,
				(Long) rs.getObject("cover_evidence_id", Long.class), rs.getInt("spread_localities"),
				rs.getInt("spread_organizations"), flags.getOrDefault(id, Set.of()),
				rs.getTimestamp("updated_at").toInstant(),
				words.isEmpty() ? List.of(new SearchIndex.Segment(name, false)) : SearchIndex.highlight(name, words),
				List.of());
	}

	private List<ModelSummary> withSnippets(List<ModelSummary> items, List<String> words) {
		if (items.isEmpty()) {
			return items;
		}
		Map<Long, ModelContent> contents = new HashMap<>();
		jdbc.sql("select * from registry_model where id in (:ids)")
			.param("ids", items.stream().map(ModelSummary::id).toList())
			.query(rs -> {
				contents.put(rs.getLong("id"), Models.content(rs));
			});
		return items.stream().map(s -> {
			ModelContent c = contents.get(s.id());
			List<SearchIndex.Segment> snippet = c == null ? List.of() : SearchIndex.snippet(c.joined(), words, 220);
			return new ModelSummary(s.id(), s.kind(), s.subjectType(), s.name(), s.slug(), s.fieldCode(),
					s.organizationId(), s.organizationName(), s.localityCode(), s.localityName(), s.phase(),
					s.startYear(), s.status(), s.recognitionLevel(), s.recognitionDate(), s.coverEvidenceId(),
					s.spreadLocalities(), s.spreadOrganizations(), s.flags(), s.updatedAt(), s.nameSegments(),
					snippet);
		}).toList();
	}

}
