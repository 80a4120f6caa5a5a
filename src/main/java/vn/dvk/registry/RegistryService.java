package vn.dvk.registry;

import vn.dvk.account.Permission;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Ownership;
import vn.dvk.account.Role;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
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

	private static final Pattern PHASE = Pattern.compile("^(\\d{4})-(\\d{4})$");

	private static final int MAX_NAME = 300;

	private static final int MAX_INDICATORS = 20;

	private final Models models;

	private final ModelSearch search;

	private final ModelSnapshots snapshots;

	private final Lineage lineage;

	private final EvidenceStore evidence;

	private final ModelCatalogue catalogue;

	private final AccessPolicy access;

	private final OrganizationService organizations;

	private final LocalityService localities;

	private final Catalogues catalogues;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ModelImporter importer;

	private final ImportJobs importJobs;

	private final ModelSpreadsheets spreadsheets;

	RegistryService(Models models, ModelSearch search, ModelSnapshots snapshots, Lineage lineage,
			EvidenceStore evidence, ModelCatalogue catalogue, AccessPolicy access, OrganizationService organizations,
			LocalityService localities, Catalogues catalogues, JdbcClient jdbc, ApplicationEventPublisher events,
			ModelImporter importer, ImportJobs importJobs, ModelSpreadsheets spreadsheets) {
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
		this.organizations = organizations;
		this.localities = localities;
		this.catalogues = catalogues;
		this.jdbc = jdbc;
		this.events = events;
	}

	// --- reading ------------------------------------------------------------------------------------------

	/**
	 * A model the caller may see: public ones for everybody, others within the caller's scope. Unknown models and,
	 * for anonymous callers, non-public ones are "not found"; a logged-in user outside the scope is refused.
	 */
	public ModelView get(DvkUser user, long id) {
		ModelView m = models.find(id).orElseThrow(() -> UserFacingException.notFound("registry.notFound"));
		if (m.status().isPublic() || access.canView(user, ownership(m))) {
			return m;
		}
		if (user == null) {
			throw UserFacingException.notFound("registry.notFound");
		}
		throw new AccessDeniedException("registry scope");
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
		jdbc.sql("select from_status, to_status, reason, actor, occurred_at from registry_transition"
				+ " where model_id = :id order by occurred_at, id")
			.param("id", id)
			.query(rs -> {
				String from = rs.getString(1);
				entries.add(new HistoryEntry(rs.getTimestamp(5).toInstant(), rs.getString(4),
						HistoryEntry.Type.TRANSITION, 0, from == null ? null : ModelStatus.valueOf(from),
						ModelStatus.valueOf(rs.getString(2)), rs.getString(3), List.of()));
			});
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
		List<ResultUpdate> updates = jdbc
			.sql("select id, update_date, note, created_at, created_by from registry_result_update"
					+ " where model_id = :id order by update_date desc, id desc")
			.param("id", id)
			.query((rs, n) -> new ResultUpdate(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					new ArrayList<>(), rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
		if (updates.isEmpty()) {
			return updates;
		}
		java.util.Map<Long, ResultUpdate> byId = new java.util.HashMap<>();
		updates.forEach(u -> byId.put(u.id(), u));
		jdbc.sql("select update_id, name, amount, unit from registry_result_value where update_id in (:ids) order by id")
			.param("ids", byId.keySet())
			.query(rs -> {
				byId.get(rs.getLong(1))
					.values()
					.add(new Indicator(rs.getString(2), Models.strip(rs.getBigDecimal(3)), rs.getString(4),
							byId.get(rs.getLong(1)).date()));
			});
		return updates;
	}

	public List<ModelComment> comments(DvkUser user, long id) {
		get(user, id);
		return jdbc.sql("select id, author, staff, body, created_at from registry_comment where model_id = :id"
				+ " order by created_at, id")
			.param("id", id)
			.query((rs, n) -> new ModelComment(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
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
		Validated v = validate(draft, user);
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
		Validated v = validate(draft, user);
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

	// --- lifecycle ----------------------------------------------------------------------------------------

	@Transactional
	public ModelView submit(DvkUser user, long id) {
		ModelView m = get(user, id);
		if (!access.canChange(user, ownership(m))) {
			throw new AccessDeniedException("registry");
		}
		requireStatus(m, ModelStatus.DRAFT, ModelStatus.RETURNED);
		List<ContentItem> missing = new ArrayList<>();
		for (ContentItem item : ContentItem.values()) {
			if (VietnameseText.isBlank(m.content().get(item))) {
				missing.add(item);
			}
		}
		if (!missing.isEmpty()) {
			throw UserFacingException.badRequest("registry.submit.incomplete", missing.size(),
					new DefaultMessageSourceResolvable(missing.get(0).messageKey()));
		}
		return transition(user, m, ModelStatus.SUBMITTED, null);
	}

	@Transactional
	public ModelView passToAppraisal(DvkUser user, long id) {
		ModelView m = staffModel(user, id);
		requireStatus(m, ModelStatus.SUBMITTED);
		return transition(user, m, ModelStatus.UNDER_APPRAISAL, null);
	}

	@Transactional
	public ModelView returnForRevision(DvkUser user, long id, String comment) {
		ModelView m = staffModel(user, id);
		requireStatus(m, ModelStatus.SUBMITTED, ModelStatus.UNDER_APPRAISAL);
		String reason = requireReason(comment, "registry.return.commentRequired");
		addComment(m.id(), actor(user), true, reason);
		ModelView returned = transition(user, m, ModelStatus.RETURNED, reason);
		events.publishEvent(new ModelReturned(id, m.organizationId(), m.name(), reason));
		return returned;
	}

	@Transactional
	public ModelView reject(DvkUser user, long id, String reason) {
		ModelView m = staffModel(user, id);
		requireStatus(m, ModelStatus.SUBMITTED, ModelStatus.UNDER_APPRAISAL);
		String why = requireReason(reason, "registry.reject.reasonRequired");
		ModelView rejected = transition(user, m, ModelStatus.REJECTED, why);
		events.publishEvent(new ModelRejected(id, m.organizationId(), m.name(), why));
		return rejected;
	}

	/**
	 * Records a recognition decision. The appraisal module will normally do this at the end of a round; staff may
	 * also record one directly, e.g. for models recognized before the system existed.
	 */
	@Transactional
	public ModelView recognize(DvkUser user, long id, RecognitionLevel level, String decisionNumber,
			LocalDate decisionDate) {
		ModelView m = staffModel(user, id);
		requireStatus(m, ModelStatus.DRAFT, ModelStatus.SUBMITTED, ModelStatus.UNDER_APPRAISAL, ModelStatus.RETURNED);
		if (level == null) {
			throw UserFacingException.field("level", "registry.recognize.levelRequired");
		}
		if (VietnameseText.isBlank(decisionNumber) || decisionNumber.strip().length() > 60) {
			throw UserFacingException.field("decisionNumber", "registry.recognize.decisionRequired");
		}
		if (decisionDate == null || decisionDate.isAfter(VietnameseFormats.today())) {
			throw UserFacingException.field("decisionDate", "registry.recognize.dateInvalid");
		}
		models.setRecognition(id, level, decisionNumber.strip(), decisionDate);
		ModelView recognized = transition(user, models.find(id).orElseThrow(), ModelStatus.RECOGNIZED,
				decisionNumber.strip() + " – " + VietnameseFormats.date(decisionDate));
		events.publishEvent(new ModelRecognized(id, m.organizationId(), m.name(), level,
				decisionNumber.strip(), decisionDate));
		return recognized;
	}

	@Transactional
	public ModelView discontinue(DvkUser user, long id, String reason) {
		ModelView m = staffModel(user, id);
		requireStatus(m, ModelStatus.RECOGNIZED, ModelStatus.MAINTAINED, ModelStatus.REPLICATED,
				ModelStatus.COMMENDED);
		return transition(user, m, ModelStatus.DISCONTINUED,
				requireReason(reason, "registry.discontinue.reasonRequired"));
	}

	@Transactional
	public ModelView commend(DvkUser user, long id, String reason) {
		ModelView m = staffModel(user, id);
		requireStatus(m, ModelStatus.RECOGNIZED, ModelStatus.MAINTAINED, ModelStatus.REPLICATED);
		return transition(user, m, ModelStatus.COMMENDED, requireReason(reason, "registry.commend.reasonRequired"));
	}

	/** Applies one status action to many models; each refusal is reported, the others go through. */
	@Transactional
	public BulkResult bulk(DvkUser user, List<Long> ids, BulkAction action, String reason, RecognitionLevel level,
			String decisionNumber, LocalDate decisionDate) {
		if (!access.allows(user, Permission.REVIEW_MODELS)) {
			throw new AccessDeniedException("registry bulk");
		}
		if (ids == null || ids.isEmpty()) {
			throw UserFacingException.badRequest("registry.bulk.empty");
		}
		List<Long> done = new ArrayList<>();
		List<BulkResult.Refusal> refused = new ArrayList<>();
		for (long id : new LinkedHashSet<>(ids)) {
			try {
				switch (action) {
					case PASS_TO_APPRAISAL -> passToAppraisal(user, id);
					case RETURN -> returnForRevision(user, id, reason);
					case REJECT -> reject(user, id, reason);
					case RECOGNIZE -> recognize(user, id, level, decisionNumber, decisionDate);
				}
				done.add(id);
			}
			catch (UserFacingException ex) {
				refused.add(new BulkResult.Refusal(id, ex.messageKey(), ex.arguments()));
			}
			catch (AccessDeniedException ex) {
				refused.add(new BulkResult.Refusal(id, "registry.bulk.denied", new Object[0]));
			}
		}
		return new BulkResult(done, refused);
	}

	private ModelView transition(DvkUser user, ModelView m, ModelStatus to, String reason) {
		Instant now = Instant.now();
		if (!models.setStatus(m.id(), m.version(), to, actor(user), now)) {
			throw new OptimisticLockingFailureException("registry_model " + m.id());
		}
		models.recordTransition(m.id(), m.status(), to, reason, actor(user), now);
		if (to == ModelStatus.REJECTED || to == ModelStatus.DISCONTINUED) {
			lineage.refresh(m.id());
		}
		return models.find(m.id()).orElseThrow();
	}

	private ModelView staffModel(DvkUser user, long id) {
		ModelView m = get(user, id);
		if (!access.allows(user, Permission.REVIEW_MODELS) || !access.canChange(user, ownership(m))) {
			throw new AccessDeniedException("registry staff");
		}
		return m;
	}

	private static void requireStatus(ModelView m, ModelStatus... allowed) {
		for (ModelStatus s : allowed) {
			if (m.status() == s) {
				return;
			}
		}
		throw UserFacingException.conflict("registry.transition.notAllowed",
				new DefaultMessageSourceResolvable(m.status().messageKey()));
	}

	private static String requireReason(String reason, String key) {
		if (VietnameseText.isBlank(reason)) {
			throw UserFacingException.field("reason", key);
		}
		String r = reason.strip();
		if (r.length() > 2000) {
			throw UserFacingException.field("reason", "validation.tooLong", 2000);
		}
		return r;
	}

	// --- results, comments, evidence, replication ---------------------------------------------------------

	@Transactional
	public ResultUpdate addResultUpdate(DvkUser user, long id, LocalDate date, String note, List<Indicator> values) {
		ModelView m = get(user, id);
		if (!access.canChange(user, ownership(m))) {
			throw new AccessDeniedException("registry");
		}
		if (!m.status().isRecognized()) {
			throw UserFacingException.conflict("registry.result.notRecognized");
		}
		if (date == null || date.isAfter(VietnameseFormats.today())) {
			throw UserFacingException.field("date", "registry.result.dateInvalid");
		}
		List<Indicator> clean = cleanIndicators(values, date);
		if (clean.isEmpty() && VietnameseText.isBlank(note)) {
			throw UserFacingException.field("note", "registry.result.empty");
		}
		if (note != null && note.strip().length() > 4000) {
			throw UserFacingException.field("note", "validation.tooLong", 4000);
		}
		Instant now = Instant.now();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into registry_result_update (model_id, update_date, note, created_at, created_by)
				values (:m, :d, :note, :at, :actor)""")
			.param("m", id)
			.param("d", Date.valueOf(date))
			.param("note", VietnameseText.isBlank(note) ? null : note.strip())
			.param("at", Timestamp.from(now))
			.param("actor", actor(user))
			.update(keys, "id");
		long updateId = keys.getKey().longValue();
		for (Indicator v : clean) {
			jdbc.sql("insert into registry_result_value (update_id, name, amount, unit) values (:u, :n, :v, :unit)")
				.param("u", updateId)
				.param("n", v.name())
				.param("v", v.value())
				.param("unit", v.unit())
				.update();
		}
		catalogue.touched(id);
		jdbc.sql("""
				update registry_model set last_result_date = :d
				where id = :m and (last_result_date is null or last_result_date < :d)""")
			.param("d", Date.valueOf(date))
			.param("m", id)
			.update();
		if (!clean.isEmpty()) {
			jdbc.sql("update registry_model set measurable = true where id = :m").param("m", id).update();
		}
		if (m.status() == ModelStatus.RECOGNIZED) {
			ModelView fresh = models.find(id).orElseThrow();
			transition(user, fresh, ModelStatus.MAINTAINED, null);
		}
		return results(id).stream().filter(r -> r.id() == updateId).findFirst().orElseThrow();
	}

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
		long commentId = addComment(id, actor(user), access.allows(user, Permission.REVIEW_MODELS), body.strip());
		return comments(user, id).stream().filter(c -> c.id() == commentId).findFirst().orElseThrow();
	}

	private long addComment(long modelId, String author, boolean staff, String body) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into registry_comment (model_id, author, staff, body, created_at)
				values (:m, :a, :s, :b, :at)""")
			.param("m", modelId)
			.param("a", author)
			.param("s", staff)
			.param("b", body)
			.param("at", Timestamp.from(Instant.now()))
			.update(keys, "id");
		return keys.getKey().longValue();
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

	/** Staff record that {@code replicaId} replicates {@code originalId}. */
	@Transactional
	public ModelView linkReplication(DvkUser user, long replicaId, long originalId) {
		ModelView replica = staffModel(user, replicaId);
		ModelView original = get(user, originalId);
		lineage.link(replica.id(), original.id());
		ModelView fresh = models.find(original.id()).orElseThrow();
		if (fresh.status() == ModelStatus.RECOGNIZED || fresh.status() == ModelStatus.MAINTAINED) {
			transition(user, fresh, ModelStatus.REPLICATED, ModelSummary.code(replica.kind(), replica.id()));
		}
		return models.find(replicaId).orElseThrow();
	}

	@Transactional
	public ModelView unlinkReplication(DvkUser user, long replicaId) {
		staffModel(user, replicaId);
		lineage.unlink(replicaId);
		return models.find(replicaId).orElseThrow();
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

	// --- validation ---------------------------------------------------------------------------------------

	record Validated(Models.Row row, List<Indicator> indicators, Set<String> focusAreas, Set<String> movements) {
	}

	Validated validate(ModelDraft d, DvkUser user) {
		if (d.kind() == null) {
			throw UserFacingException.field("kind", "registry.kind.required");
		}
		if (d.subjectType() == null) {
			throw UserFacingException.field("subjectType", "registry.subject.required");
		}
		if (VietnameseText.isBlank(d.name())) {
			throw UserFacingException.field("name", "registry.name.required");
		}
		String name = VietnameseText.clean(d.name());
		if (name.length() > MAX_NAME) {
			throw UserFacingException.field("name", "validation.tooLong", MAX_NAME);
		}
		if (VietnameseText.isBlank(d.fieldCode()) || !catalogues.isActive(CatalogueEntry.FIELD, d.fieldCode())) {
			throw UserFacingException.field("fieldCode", "registry.field.required");
		}
		if (d.organizationId() == null) {
			throw UserFacingException.field("organizationId", "registry.organization.required");
		}
		OrganizationView org = organizations.find(d.organizationId())
			.filter(OrganizationView::active)
			.orElseThrow(() -> UserFacingException.field("organizationId", "registry.organization.unknown"));
		if (VietnameseText.isBlank(d.localityCode())) {
			throw UserFacingException.field("localityCode", "registry.locality.required");
		}
		Locality locality = localities.findCurrent(d.localityCode().trim())
			.orElseThrow(() -> UserFacingException.field("localityCode", "registry.locality.unknown",
					d.localityCode().trim()));
		if (!access.canChange(user, new Ownership(org.id(), locality.id()))) {
			throw UserFacingException.field("organizationId", "registry.organization.outOfScope");
		}
		String phase = d.phase() == null ? "" : d.phase().replace('–', '-').replace(" ", "").trim();
		var pm = PHASE.matcher(phase);
		if (!pm.matches() || Integer.parseInt(pm.group(2)) <= Integer.parseInt(pm.group(1))) {
			throw UserFacingException.field("phase", "registry.phase.format");
		}
		int thisYear = VietnameseFormats.today().getYear();
		if (d.startYear() == null || d.startYear() < 1990 || d.startYear() > thisYear + 1) {
			throw UserFacingException.field("startYear", "registry.startYear.range", thisYear + 1);
		}
		ModelContent content = d.content() == null ? ModelContent.empty() : d.content();
		ModelContent cleaned = new ModelContent(item(content, ContentItem.SITUATION), item(content, ContentItem.GOALS),
				item(content, ContentItem.CONTENT_METHOD), item(content, ContentItem.AREA_TARGET),
				item(content, ContentItem.FORCES), item(content, ContentItem.RESOURCES),
				item(content, ContentItem.TIMELINE), item(content, ContentItem.OUTPUTS),
				item(content, ContentItem.SUSTAINABILITY));
		Set<String> focus = codes(d.focusAreas(), CatalogueEntry.FOCUS_AREA, "focusAreas");
		Set<String> movements = codes(d.movements(), CatalogueEntry.MOVEMENT, "movements");
		List<Indicator> indicators = cleanIndicators(d.indicators(), null);
		boolean measurable = !indicators.isEmpty() || MeasureExtractor.hasMeasure(cleaned.outputs());
		return new Validated(new Models.Row(d.kind(), d.subjectType(), name, d.fieldCode().trim(), org.id(),
				locality.id(), phase, d.startYear(), cleaned, measurable), indicators, focus, movements);
	}

	private static String item(ModelContent content, ContentItem item) {
		String v = content.get(item);
		if (VietnameseText.isBlank(v)) {
			return null;
		}
		String s = v.strip().replace("\r\n", "\n");
		if (s.length() > ContentItem.MAX_LENGTH) {
			throw UserFacingException.field(item.property(), "validation.tooLong", ContentItem.MAX_LENGTH);
		}
		return s;
	}

	private Set<String> codes(Set<String> codes, String listKind, String field) {
		Set<String> out = new LinkedHashSet<>();
		if (codes == null) {
			return out;
		}
		for (String c : codes) {
			if (c == null || c.isBlank()) {
				continue;
			}
			if (!catalogues.isActive(listKind, c.trim())) {
				throw UserFacingException.field(field, "registry.catalogue.unknown", c.trim());
			}
			out.add(c.trim());
		}
		return out;
	}

	/** Indicator rows without the empty ones; a half-filled row is refused with what is missing. */
	private static List<Indicator> cleanIndicators(List<Indicator> indicators, LocalDate defaultAsOf) {
		List<Indicator> out = new ArrayList<>();
		if (indicators == null) {
			return out;
		}
		for (Indicator i : indicators) {
			if (i == null || (VietnameseText.isBlank(i.name()) && i.value() == null && VietnameseText.isBlank(i.unit()))) {
				continue;
			}
			if (VietnameseText.isBlank(i.name()) || i.name().strip().length() > 200) {
				throw UserFacingException.field("indicators", "registry.indicator.name", out.size() + 1);
			}
			if (i.value() == null) {
				throw UserFacingException.field("indicators", "registry.indicator.value", i.name().strip());
			}
			if (VietnameseText.isBlank(i.unit()) || i.unit().strip().length() > 40) {
				throw UserFacingException.field("indicators", "registry.indicator.unit", i.name().strip());
			}
			if (i.value().abs().compareTo(new BigDecimal("1e15")) >= 0) {
				throw UserFacingException.field("indicators", "registry.indicator.value", i.name().strip());
			}
			out.add(new Indicator(VietnameseText.clean(i.name()), i.value(), VietnameseText.clean(i.unit()),
					i.asOf() == null ? defaultAsOf : i.asOf()));
		}
		if (out.size() > MAX_INDICATORS) {
			throw UserFacingException.field("indicators", "registry.indicator.tooMany", MAX_INDICATORS);
		}
		return out;
	}

	static Ownership ownership(ModelView m) {
		return new Ownership(m.organizationId(), m.localityId());
	}

	private static String actor(DvkUser user) {
		return user == null ? vn.dvk.system.AuditLog.SYSTEM : user.getUsername();
	}

}
