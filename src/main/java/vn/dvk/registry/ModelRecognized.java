package vn.dvk.registry;

import java.time.LocalDate;

/** Published when a model is recognized (công nhận), for reporting and commendation. */
public record ModelRecognized(long modelId, RecognitionLevel level, String decisionNumber, LocalDate decisionDate) {
}
