package vn.dvk.registry;

import vn.dvk.account.Permission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Ownership;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;

/**
 * The registry's API. Every method that touches a model checks the caller's scope here (never only in a
 * controller): officers work on their organization's drafts, provincial staff on everything in their scope, the
 * public sees recognized models only.
 */
@Service
public class RegistryService {

	private final Models models;

	private final ModelSearch search;

	private final ModelSnapshots snapshots;

	private final Lineage lineage;

	private final EvidenceStore evidence;

	private final ModelCatalogue catalogue;

	private final AccessPolicy access;

	private final LocalityService localities;

	private final Catalogues catalogues;

	private final JdbcClient jdbc;

	private final ModelImporter importer;

	private final ImportJobs importJobs;

	private final ModelSpreadsheets spreadsheets;

	private final ModelLifecycle lifecycle;

	private final DraftRules rules;

	RegistryService(Models models, ModelSearch search, ModelSnapshots snapshots, Lineage lineage,
			EvidenceStore evidence, ModelCatalogue catalogue, AccessPolicy access,
			LocalityService localities, Catalogues catalogues, JdbcClient jdbc,
			ModelImporter importer, ImportJobs importJobs, ModelSpreadsheets spreadsheets, ModelLifecycle lifecycle,
			DraftRules rules) {
		this.lifecycle = lifecycle;
		this.rules = rules;
		this.importer = importer;
		this.importJobs = importJobs;
		this.spreadsheets = spreadsheets;
		this.models = models;
		this.search = search;
		this.snapshots = snapshots;
		this.lineage = lineage;
		this.evidence = evidence;
		this.catalogue = catalogue;
		this.access = access;
		this.localities = localities;
		this.catalogues = catalogues;
		this.jdbc = jdbc;
	}

	// --- reading ------------------------------------------------------------------------------------------

	/**
	 * A model the caller may see: public ones for everybody, others within the caller's scope. Unknown models and,
	 * for anonymous callers, non-public ones are "not found"; a logged-in user outside the scope is refused.
	 */
	public ModelView get(DvkUser user, long id) {
		return lifecycle.visible(user, id);
	}

	/**
	 * A model for a review whose caller the calling module has already checked by its own rule (an appraisal
	 * council member sees the models of their round, whatever their scope). Never for pages of this module.
	 */
	public ModelView getForReview(long id) {
		return models.find(id).orElseThrow(() -> UserFacingException.notFound("registry.notFound"));
	}

	/**
	 * Models other modules refer to, by id (one query): name, organization, locality, status. The caller decides
	 * what its user may see of them; unknown ids are absent.
	 */
	public java.util.Map<Long, ModelRef> refs(java.util.Collection<Long> ids) {
		return models.refs(ids);
	}

	/** A model as the public portal shows it: recognized models only. */
	public Optional<ModelView> findPublic(long id) {
		return models.find(id).filter(m -> m.status().isPublic());
	}

	public boolean canChange(DvkUser user, ModelView m) {
		if (!access.canChange(user, ownership(m))) {
			return false;
		}
		return access.allows(user, Permission.REVIEW_MODELS) || m.status().isEditableByOfficer();
	}

	/** Whether the user may add result updates and evidence of results (not the registration content). */
	public boolean canReport(DvkUser user, ModelView m) {
		return access.canChange(user, ownership(m)) && (m.status().isRecognized() || canChange(user, m));
	}


	/**
	 * A model for its edit form: refused (403) outside the user's scope or rights, or with a conflict (409) once its
	 * status locks the registration for the user.
	 */
	public ModelView forEditing(DvkUser user, long id) {
		ModelView current = get(user, id);
		if (!canChange(user, current)) {
			throw current.status().isEditableByOfficer() || access.allows(user, Permission.REVIEW_MODELS)
					|| !access.canChange(user, ownership(current)) ? new AccessDeniedException("registry")
							: UserFacingException.conflict("registry.edit.locked");
		}
		return current;
	}

	/** Whether the user reviews registrations (returns, recognizes, links replications). */
	public boolean reviews(DvkUser user) {
		return access.allows(user, Permission.REVIEW_MODELS);
	}

	/** Lists for back-office users: only models in their scope. */
	public PageResult<ModelSummary> queue(DvkUser user, ModelQuery query, PageResult.Request page) {
		return search.search(query, new ModelSearch.Visibility(false, access.filterFor(user)), page);
	}

	/** The public directory: recognized models only, whatever the filters say. */
	public PageResult<ModelSummary> directory(ModelQuery query, PageResult.Request page) {
		ModelQuery publicOnly = new ModelQuery(query.text(), query.fieldCode(), query.localityCode(),
				query.organizationId(), query.phase(), publicStatuses(query.statuses()), query.flag(),
				query.subjectType(), query.kind());
		return search.search(publicOnly, ModelSearch.Visibility.publicOnly(), page);
	}

	/** The API's list: public models for anonymous callers, plus the caller's scope for logged-in users. */
	public PageResult<ModelSummary> list(DvkUser user, ModelQuery query, PageResult.Request page) {
		return search.search(query, new ModelSearch.Visibility(true, access.filterFor(user)), page, false);
	}

	private static Set<ModelStatus> publicStatuses(Set<ModelStatus> asked) {
		if (asked == null || asked.isEmpty()) {
			return ModelStatus.PUBLIC;
		}
		Set<ModelStatus> s = EnumSet.noneOf(ModelStatus.class);
		asked.stream().filter(ModelStatus::isPublic).forEach(s::add);
		return s.isEmpty() ? EnumSet.of(ModelStatus.RECOGNIZED) : s;
	}

	public List<HistoryEntry> history(DvkUser user, long id) {
		ModelView m = get(user, id);
		List<HistoryEntry> entries = new ArrayList<>(snapshots.versions(m.id()));
		entries.addAll(models.transitions(id));
		for (ResultUpdate r : results(id)) {
			entries.add(new HistoryEntry(r.createdAt(), r.createdBy(), HistoryEntry.Type.RESULT_UPDATE, 0, null, null,
					VietnameseFormats.date(r.date()) + (r.note() == null ? "" : " – " + r.note()), List.of()));
		}
		for (Evidence e : evidence.list(id)) {
			entries.add(new HistoryEntry(e.createdAt(), e.createdBy(), HistoryEntry.Type.EVIDENCE, 0, null, null,
					e.filename(), List.of()));
		}
		entries.sort(Comparator.comparing(HistoryEntry::at).thenComparing(HistoryEntry::revision).reversed());
		return entries;
	}

	public List<ResultUpdate> results(long id) {
		return models.results(id);
	}

	public List<ModelComment> comments(DvkUser user, long id) {
		get(user, id);
		return models.comments(id);
	}

	public List<Evidence> evidence(long modelId) {
		return evidence.list(modelId);
	}

	/** The replication tree the model belongs to, as the caller may see it (the public sees public models). */
	public LineageNode lineage(DvkUser user, long id) {
		LineageNode tree = lineage.tree(id);
		if (user != null && access.allows(user, Permission.REVIEW_MODELS)) {
			return tree;
		}
		LineageNode visible = prune(user, tree);
		return visible != null ? visible : leaf(get(user, id));
	}

	private LineageNode prune(DvkUser user, LineageNode node) {
		boolean visible = node.status().isPublic();
		if (!visible && user != null) {
			visible = models.find(node.id()).map(m -> access.canView(user, ownership(m))).orElse(false);
		}
		if (!visible) {
			return null;
		}
		List<LineageNode> replicas = new ArrayList<>();
		for (LineageNode child : node.replicas()) {
			LineageNode kept = prune(user, child);
			if (kept != null) {
				replicas.add(kept);
			}
		}
		return new LineageNode(node.id(), node.name(), node.slug(), node.status(), node.localityName(),
				node.organizationName(), replicas);
	}

	private static LineageNode leaf(ModelView m) {
		return new LineageNode(m.id(), m.name(), m.slug(), m.status(), m.localityName(), m.organizationName(),
				List.of());
	}

	/** An evidence file's bytes, when the caller may see its model (public models: everybody). */
	public Optional<EvidenceFile> evidenceFile(DvkUser user, long evidenceId, boolean thumbnail) {
		Optional<Evidence> e = evidence.find(evidenceId);
		if (e.isEmpty()) {
			return Optional.empty();
		}
		get(user, e.get().modelId());
		return evidence.bytes(evidenceId, thumbnail)
			.map(bytes -> new EvidenceFile(e.get(), thumbnail && e.get().image() ? "image/jpeg"
					: e.get().contentType(), bytes));
	}

	/** Bytes of an evidence file with what to serve them as. */
	public record EvidenceFile(Evidence evidence, String contentType, byte[] bytes) {
	}

	// --- registering and editing --------------------------------------------------------------------------

	@Transactional
	public ModelView create(DvkUser user, ModelDraft draft) {
		requireRegistrar(user);
		DraftRules.Validated v = rules.validate(draft, user);
		Instant now = Instant.now();
		String actor = actor(user);
		long id = models.insert(v.row(), ModelStatus.DRAFT, actor, now);
		models.replaceIndicators(id, v.indicators());
		models.replaceTags(id, v.focusAreas(), v.movements());
		models.recordTransition(id, null, ModelStatus.DRAFT, null, actor, now);
		return afterSave(id, null, actor, now);
	}

	@Transactional
	public ModelView update(DvkUser user, long id, int version, ModelDraft draft) {
		ModelView current = forEditing(user, id);
		DraftRules.Validated v = rules.validate(draft, user);
		Instant now = Instant.now();
		String actor = actor(user);
		if (!models.update(id, version, v.row(), actor, now)) {
			throw new OptimisticLockingFailureException("registry_model " + id);
		}
		models.replaceIndicators(id, v.indicators());
		models.replaceTags(id, v.focusAreas(), v.movements());
		if (current.organizationId() != v.row().organizationId() || current.localityId() != v.row().localityId()) {
			lineage.refresh(id);
		}
		return afterSave(id, current, actor, now);
	}

	/** Saves the version snapshot of a model just written ({@code before}: null if new). */
	private ModelView afterSave(long id, ModelView before, String actor, Instant now) {
		ModelView saved = models.find(id).orElseThrow();
		snapshots.save(saved, actor, now);
		return saved;
	}

	// --- lifecycle (ModelLifecycle) ---------------------------------------------------------------------

	public ModelView submit(DvkUser user, long id) {
		return lifecycle.submit(user, id);
	}

	public ModelView passToAppraisal(DvkUser user, long id) {
		return lifecycle.passToAppraisal(user, id);
	}

	public ModelView returnForRevision(DvkUser user, long id, String comment) {
		return lifecycle.returnForRevision(user, id, comment);
	}

	public ModelView reject(DvkUser user, long id, String reason) {
		return lifecycle.reject(user, id, reason);
	}

	/**
	 * Records a recognition decision. The appraisal module will normally do this at the end of a round; staff may
	 * also record one directly, e.g. for models recognized before the system existed.
	 */
	public ModelView recognize(DvkUser user, long id, RecognitionLevel level, String decisionNumber,
			LocalDate decisionDate) {
		return lifecycle.recognize(user, id, level, decisionNumber, decisionDate);
	}

	public ModelView discontinue(DvkUser user, long id, String reason) {
		return lifecycle.discontinue(user, id, reason);
	}

	public ModelView commend(DvkUser user, long id, String reason) {
		return lifecycle.commend(user, id, reason);
	}

	/** Applies one status action to many models; each refusal is reported, the others go through. */
	public BulkResult bulk(DvkUser user, List<Long> ids, BulkAction action, String reason, RecognitionLevel level,
			String decisionNumber, LocalDate decisionDate) {
		return lifecycle.bulk(user, ids, action, reason, level, decisionNumber, decisionDate);
	}

	/** A result update of a recognized model (which then counts as maintained). */
	@Transactional
	public ResultUpdate addResultUpdate(DvkUser user, long id, LocalDate date, String note, List<Indicator> values) {
		long updateId = lifecycle.addResultUpdate(user, id, date, note, values);
		return results(id).stream().filter(r -> r.id() == updateId).findFirst().orElseThrow();
	}

	/** Staff record that {@code replicaId} replicates {@code originalId}. */
	public ModelView linkReplication(DvkUser user, long replicaId, long originalId) {
		return lifecycle.linkReplication(user, replicaId, originalId);
	}

	public ModelView unlinkReplication(DvkUser user, long replicaId) {
		return lifecycle.unlinkReplication(user, replicaId);
	}

	// --- comments, evidence ------------------------------------------------------------------------------

	@Transactional
	public ModelComment comment(DvkUser user, long id, String body) {
		ModelView m = get(user, id);
		if (!access.canChange(user, ownership(m)) && !access.canView(user, ownership(m))) {
			throw new AccessDeniedException("registry");
		}
		if (!access.allows(user, Permission.REVIEW_MODELS) && !access.canChange(user, ownership(m))) {
			throw new AccessDeniedException("registry");
		}
		if (VietnameseText.isBlank(body)) {
			throw UserFacingException.field("body", "registry.comment.empty");
		}
		if (body.strip().length() > 4000) {
			throw UserFacingException.field("body", "validation.tooLong", 4000);
		}
		long commentId = lifecycle.addComment(id, actor(user), access.allows(user, Permission.REVIEW_MODELS), body.strip());
		return comments(user, id).stream().filter(c -> c.id() == commentId).findFirst().orElseThrow();
	}

	@Transactional
	public Evidence addEvidence(DvkUser user, long id, String filename, byte[] bytes, String caption) {
		ModelView m = get(user, id);
		if (!canReport(user, m)) {
			throw new AccessDeniedException("registry");
		}
		if (caption != null && caption.strip().length() > 300) {
			throw UserFacingException.field("caption", "validation.tooLong", 300);
		}
		EvidenceStore.Checked checked = evidence.check(bytes);
		long evidenceId = evidence.store(id, filename, checked, caption, actor(user));
		catalogue.touched(id); // the cover photo of cards and stories may change
		return evidence.find(evidenceId).orElseThrow();
	}

	@Transactional
	public void removeEvidence(DvkUser user, long modelId, long evidenceId) {
		ModelView m = get(user, modelId);
		if (!canChange(user, m)) {
			throw new AccessDeniedException("registry");
		}
		evidence.delete(modelId, evidenceId);
		catalogue.touched(modelId);
	}

	// --- import and export --------------------------------------------------------------------------------

	private void requireRegistrar(DvkUser user) {
		access.require(user, Permission.REGISTER_MODELS);
	}

	/**
	 * Imports a file of models. A dry run ({@code commit} false) writes nothing; otherwise {@code mode} says
	 * whether bad rows stop everything or only themselves.
	 */
	@Transactional
	public ImportReport importFile(DvkUser user, byte[] bytes, String filename, boolean commit, ImportMode mode) {
		requireRegistrar(user);
		return importer.run(user, bytes, filename, commit, mode, done -> {
		});
	}

	/** Starts a commit in the background (the page shows its progress); the dry run must have been done. */
	public String startImport(DvkUser user, byte[] bytes, String filename, ImportMode mode, int expectedRows) {
		requireRegistrar(user);
		return importJobs.start(user, bytes, filename, mode, expectedRows);
	}

	public Optional<ImportJob> importJob(DvkUser user, String id) {
		return importJobs.find(id, user.getUsername());
	}

	/** The back office's export: models in the user's scope matching the filters. */
	@Transactional(readOnly = true)
	public void export(DvkUser user, ModelQuery query, boolean xlsx, java.io.OutputStream out,
			java.util.Locale locale) throws java.io.IOException {
		export(query, new ModelSearch.Visibility(false, access.filterFor(user)), xlsx, out, locale);
	}

	/** The API's export: public models, plus the caller's scope. */
	@Transactional(readOnly = true)
	public void exportOpenData(DvkUser user, ModelQuery query, boolean xlsx, java.io.OutputStream out,
			java.util.Locale locale) throws java.io.IOException {
		export(query, new ModelSearch.Visibility(true, access.filterFor(user)), xlsx, out, locale);
	}

	private void export(ModelQuery query, ModelSearch.Visibility visibility, boolean xlsx, java.io.OutputStream out,
			java.util.Locale locale) throws java.io.IOException {
		java.util.Map<String, String> fieldNames = catalogues.names(CatalogueEntry.FIELD,
				vn.dvk.shared.VietnameseCollation.VIETNAMESE);
		java.util.function.Consumer<java.util.function.Consumer<ModelSpreadsheets.Row>> rows = sink -> search
			.export(query, visibility, sink);
		if (xlsx) {
			spreadsheets.writeXlsx(out, rows, fieldNames, locale);
		}
		else {
			spreadsheets.writeCsv(out, rows, fieldNames, locale);
		}
	}

	public void writeTemplate(java.io.OutputStream out, String provinceCode) throws java.io.IOException {
		List<Locality> units = new ArrayList<>();
		localities.findCurrent(provinceCode).ifPresent(units::add);
		units.addAll(localities.search(new vn.dvk.locality.LocalityQuery(null, provinceCode, null, false),
				new PageResult.Request(0, PageResult.MAX_SIZE)).items());
		spreadsheets.writeTemplate(out, catalogues.active(CatalogueEntry.FIELD), units);
	}

	static Ownership ownership(ModelView m) {
		return new Ownership(m.organizationId(), m.localityId());
	}

	private static String actor(DvkUser user) {
		return ModelLifecycle.actor(user);
	}

}
