package vn.dvk.registry;

import java.time.Instant;
import java.util.List;

/**
 * One event in a model's history, newest first on the page: a saved version with its changes, a status
 * transition with its reason, a result update, a comment.
 *
 * @param revision the version number for saved versions, 0 otherwise
 */
public record HistoryEntry(Instant at, String actor, Type type, int revision, ModelStatus fromStatus,
		ModelStatus toStatus, String text, List<Change> changes) {

	public enum Type {

		VERSION, TRANSITION, RESULT_UPDATE, COMMENT, EVIDENCE

	}

	/** A field that changed between two versions; texts come with their word diff. */
	public record Change(String field, String before, String after, List<TextDiff.Part> diff) {
	}

}
