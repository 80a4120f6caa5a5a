package vn.dvk.registry;

/**
 * What other modules need to know about a model they refer to (a model before a council, nominated, entered in a
 * contest, counted in a filing): its name, whose it is and where, and its status. Read in one query for many.
 */
public record ModelRef(long id, ModelKind kind, String name, long organizationId, long localityId,
		ModelStatus status, RecognitionLevel recognitionLevel) {

	public String code() {
		return ModelSummary.code(kind, id);
	}

	public boolean recognized() {
		return status.isRecognized();
	}

}
