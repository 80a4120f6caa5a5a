package vn.dvk.registry;

import java.util.List;
import java.util.Set;

/**
 * What a registering officer (or an import, or staff) enters for a model or exemplar. Drafts may be incomplete;
 * submission requires every item.
 *
 * @param localityCode where the model runs (commune or province code)
 * @param phase the emulation phase, e.g. {@code 2021-2025}
 */
public record ModelDraft(ModelKind kind, SubjectType subjectType, String name, String fieldCode, Long organizationId,
		String localityCode, String phase, Integer startYear, ModelContent content, Set<String> focusAreas,
		Set<String> movements, List<Indicator> indicators) {
}
