package vn.dvk.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A model or exemplar with everything its detail page shows. */
public record ModelView(long id, ModelKind kind, SubjectType subjectType, String name, String slug, String fieldCode,
		long organizationId, String organizationName, long localityId, String localityCode, String localityName,
		String phase, int startYear, ModelContent content, ModelStatus status, RecognitionLevel recognitionLevel,
		String recognitionDecision, LocalDate recognitionDate, Long replicaOf, int replicaCount, int spreadLocalities,
		int spreadOrganizations, boolean measurable, LocalDate lastResultDate, Long coverEvidenceId, int revision,
		int version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Set<String> focusAreas,
		Set<String> movements, List<Indicator> indicators, Set<QualityFlag> flags) {

	/** The registry code shown to people: MH-000123 for a model, DH-000045 for an exemplar. */
	public String code() {
		return ModelSummary.code(kind, id);
	}

	/** Public address: {@code /mo-hinh/{slug}-{id}}. */
	public String publicPath() {
		return "/mo-hinh/" + slug + "-" + id;
	}

}
