package vn.dvk.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Permission;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;

/**
 * Who may see a model and how its status moves: submission, passing to appraisal, return, rejection, recognition
 * (with the events other modules listen to), discontinuation, commendation, result updates (recognized → maintained)
 * and replication links (→ replicated). Every step records a transition; RegistryService is its public face.
 */
@Component
class ModelLifecycle {

	private final Models models;

	private final Lineage lineage;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final ModelCatalogue catalogue;

	private final JdbcClient jdbc;

	ModelLifecycle(Models models, Lineage lineage, AccessPolicy access, ApplicationEventPublisher events,
			ModelCatalogue catalogue, JdbcClient jdbc) {
		this.models = models;
		this.lineage = lineage;
		this.access = access;
		this.events = events;
		this.catalogue = catalogue;
		this.jdbc = jdbc;
	}

	/**
	 * A model the caller may see: public ones for everybody, others within the caller's scope. Unknown models and,
	 * for anonymous callers, non-public ones are "not found"; a logged-in user outside the scope is refused.
	 */
	ModelView visible(DvkUser user, long id) {
		ModelView m = models.find(id).orElseThrow(() -> UserFacingException.notFound("registry.notFound"));
		if (m.status().isPublic() || access.canView(user, RegistryService.ownership(m))) {
			return m;
		}
		if (user == null) {
			throw UserFacingException.notFound("registry.notFound");
		}
		throw new AccessDeniedException("registry scope");
	}

	@Transactional
	public ModelView submit(DvkUser user, long id) {
		ModelView m = visible(user, id);
		if (!access.canChange(user, RegistryService.ownership(m))) {
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

	ModelView transition(DvkUser user, ModelView m, ModelStatus to, String reason) {
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

	ModelView staffModel(DvkUser user, long id) {
		ModelView m = visible(user, id);
		if (!access.allows(user, Permission.REVIEW_MODELS) || !access.canChange(user, RegistryService.ownership(m))) {
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

	@Transactional
	public long addResultUpdate(DvkUser user, long id, LocalDate date, String note, List<Indicator> values) {
		ModelView m = visible(user, id);
		if (!access.canChange(user, RegistryService.ownership(m))) {
			throw new AccessDeniedException("registry");
		}
		if (!m.status().isRecognized()) {
			throw UserFacingException.conflict("registry.result.notRecognized");
		}
		if (date == null || date.isAfter(VietnameseFormats.today())) {
			throw UserFacingException.field("date", "registry.result.dateInvalid");
		}
		List<Indicator> clean = DraftRules.cleanIndicators(values, date);
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
		return updateId;
	}

	/** Staff record that {@code replicaId} replicates {@code originalId}. */
	@Transactional
	public ModelView linkReplication(DvkUser user, long replicaId, long originalId) {
		ModelView replica = staffModel(user, replicaId);
		ModelView original = visible(user, originalId);
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

	long addComment(long modelId, String author, boolean staff, String body) {
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

	static String actor(DvkUser user) {
		return user == null ? vn.dvk.system.AuditLog.SYSTEM : user.getUsername();
	}

}
