package vn.dvk.poll;

import java.time.Instant;
import java.util.List;

/** A new poll. Each option is either a label or the id of a recognized model (its name becomes the label). */
public record PollDraft(String title, String description, List<Option> options, int maxChoices, Instant startsAt,
		Instant endsAt, PollRules.VoterRule voterRule, PollRules.Frequency frequency,
		PollRules.ResultsVisibility resultsVisibility, boolean proofOfWork, Integer ipLimitPerMinute) {

	public record Option(String label, Long modelId) {
	}

}
