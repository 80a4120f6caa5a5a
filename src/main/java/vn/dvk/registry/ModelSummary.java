package vn.dvk.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.dvk.search.SearchIndex.Segment;

/**
 * A model in a list: enough for a row or a card, with the name and a snippet highlighted when the list is a search.
 */
public record ModelSummary(long id, ModelKind kind, SubjectType subjectType, String name, String slug,
		String fieldCode, long organizationId, String organizationName, String localityCode, String localityName,
		String phase, int startYear, ModelStatus status, RecognitionLevel recognitionLevel, LocalDate recognitionDate,
		Long coverEvidenceId, int spreadLocalities, int spreadOrganizations, Set<QualityFlag> flags,
		Instant updatedAt, List<Segment> nameSegments, List<Segment> snippet) {

	public String code() {
		return code(kind, id);
	}

	public String publicPath() {
		return "/mo-hinh/" + slug + "-" + id;
	}

	static String code(ModelKind kind, long id) {
		return (kind == ModelKind.EXEMPLAR ? "DH-" : "MH-") + String.format("%06d", id);
	}

}
