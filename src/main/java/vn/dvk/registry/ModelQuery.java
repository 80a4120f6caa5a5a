package vn.dvk.registry;

import java.util.Set;

/**
 * Filters of the registry lists; every field is optional.
 *
 * @param text search words (diacritic-insensitive, every word must match, ranked)
 * @param localityCode models in this unit or under it
 * @param statuses any of these statuses (none: every status the caller may see)
 */
public record ModelQuery(String text, String fieldCode, String localityCode, Long organizationId, String phase,
		Set<ModelStatus> statuses, QualityFlag flag, SubjectType subjectType, ModelKind kind) {

	public static ModelQuery all() {
		return new ModelQuery(null, null, null, null, null, null, null, null, null);
	}

	public ModelQuery withText(String newText) {
		return new ModelQuery(newText, fieldCode, localityCode, organizationId, phase, statuses, flag, subjectType,
				kind);
	}

}
