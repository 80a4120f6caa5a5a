package vn.dvk.poll;

import java.time.Instant;
import java.util.List;

/** A poll as pages and the API show it. */
public record PollView(long id, String title, String description, int maxChoices, Instant startsAt, Instant endsAt,
		PollRules.VoterRule voterRule, PollRules.Frequency frequency, PollRules.ResultsVisibility resultsVisibility,
		boolean resultsPublished, boolean proofOfWork, Integer ipLimitPerMinute, int ballotsPerAddress,
		Integer eidLevel, Instant closedAt, List<Option> options) {

	/**
	 * An option; for a model, {@code modelPath} is its public story, {@code coverEvidenceId} its cover photo (when
	 * it has one) and {@code place} its organization and locality.
	 */
	public record Option(long id, String label, Long modelId, String modelPath, Long coverEvidenceId, String place) {
	}

	public boolean openAt(Instant now) {
		return closedAt == null && !now.isBefore(startsAt) && now.isBefore(endsAt);
	}

	/** Staff may rewrite a poll until it opens (nobody can have voted before). */
	public boolean editableAt(Instant now) {
		return closedAt == null && now.isBefore(startsAt);
	}

	public boolean endedAt(Instant now) {
		return closedAt != null || !now.isBefore(endsAt);
	}

	/** Whether the public may see the results now. */
	public boolean resultsPublicAt(Instant now) {
		return switch (resultsVisibility) {
			case LIVE -> true;
			case AFTER_CLOSE -> endedAt(now) || resultsPublished;
			case HIDDEN -> resultsPublished;
		};
	}

	public String path() {
		return "/binh-chon/" + id;
	}

}
