package vn.dvk.registry;

import java.time.LocalDate;

/**
 * Published when a model is recognized (công nhận): commendation records it as eligible, the organization's officers
 * are told.
 */
public record ModelRecognized(long modelId, long organizationId, String name, RecognitionLevel level,
		String decisionNumber, LocalDate decisionDate) {
}
