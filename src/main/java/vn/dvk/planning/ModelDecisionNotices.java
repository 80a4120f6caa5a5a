package vn.dvk.planning;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.dvk.account.NotificationService;
import vn.dvk.registry.ModelRecognized;
import vn.dvk.registry.ModelRejected;
import vn.dvk.registry.ModelReturned;
import vn.dvk.shared.RequestLocales;
import vn.dvk.shared.Texts;
import vn.dvk.shared.VietnameseFormats;

/**
 * Tells an organization's officers what the province decided about one of their models: returned for revision (with
 * what to fix), rejected (with why), recognized (with the decision). Follow-up of units is this module's work; the
 * registry only announces its decisions. Runs after the decision commits, in its own transaction; a failure is retried
 * by the event registry and never undoes the decision.
 */
@Component
class ModelDecisionNotices {

	private final NotificationService notifications;

	private final Texts texts;

	ModelDecisionNotices(NotificationService notifications, Texts texts) {
		this.notifications = notifications;
		this.texts = texts;
	}

	@ApplicationModuleListener
	void on(ModelReturned e) {
		tell(e.organizationId(), e.modelId(), "planning.notice.returned", e.name(), e.comment());
	}

	@ApplicationModuleListener
	void on(ModelRejected e) {
		tell(e.organizationId(), e.modelId(), "planning.notice.rejected", e.name(), e.reason());
	}

	@ApplicationModuleListener
	void on(ModelRecognized e) {
		String level = texts.in(RequestLocales.VIETNAMESE, e.level().messageKey());
		tell(e.organizationId(), e.modelId(), "planning.notice.recognized", e.name(),
				texts.in(RequestLocales.VIETNAMESE, "planning.notice.recognized.body", e.decisionNumber(),
						VietnameseFormats.date(e.decisionDate()), level));
	}

	private void tell(long organizationId, long modelId, String key, String name, String body) {
		notifications.notifyOrganization(organizationId, texts.in(RequestLocales.VIETNAMESE, key, name), body,
				"/quan-tri/mo-hinh/" + modelId);
	}

}
