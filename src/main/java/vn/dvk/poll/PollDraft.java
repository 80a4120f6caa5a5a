package vn.dvk.poll;

import java.time.Instant;
import java.util.List;

/**
 * A new poll. Each option is either a label or the id of a recognized model (its name becomes the label). The
 * two limits of open polls default to {@link #DEFAULT_IP_LIMIT_PER_MINUTE} and {@link #DEFAULT_BALLOTS_PER_ADDRESS}
 * when left empty: every poll has them. {@code eidLevel}: a poll for verified accounts that asks for the national
 * e-ID at this assurance level or above (empty: a verified e-mail address does too).
 */
public record PollDraft(String title, String description, List<Option> options, int maxChoices, Instant startsAt,
		Instant endsAt, PollRules.VoterRule voterRule, PollRules.Frequency frequency,
		PollRules.ResultsVisibility resultsVisibility, boolean proofOfWork, Integer ipLimitPerMinute,
		Integer ballotsPerAddress, Integer eidLevel) {

	/**
	 * Ballots per minute one address may send to one poll. Sized for shared addresses: a school hall or a hamlet
	 * meeting voting together stays below it; a carrier's address shared by thousands of phones reaches it only
	 * when over three hundred of them vote in the same minute, and those are told to wait a minute.
	 */
	public static final int DEFAULT_IP_LIMIT_PER_MINUTE = 300;

	/**
	 * Counted ballots one address may give one poll (per day for daily polls) before staff raise the cap: what one
	 * script on one address can add at most, and still room for a school or a commune hall.
	 */
	public static final int DEFAULT_BALLOTS_PER_ADDRESS = 500;

	public PollDraft(String title, String description, List<Option> options, int maxChoices, Instant startsAt,
			Instant endsAt, PollRules.VoterRule voterRule, PollRules.Frequency frequency,
			PollRules.ResultsVisibility resultsVisibility, boolean proofOfWork, Integer ipLimitPerMinute) {
		this(title, description, options, maxChoices, startsAt, endsAt, voterRule, frequency, resultsVisibility,
				proofOfWork, ipLimitPerMinute, null, null);
	}

	public PollDraft(String title, String description, List<Option> options, int maxChoices, Instant startsAt,
			Instant endsAt, PollRules.VoterRule voterRule, PollRules.Frequency frequency,
			PollRules.ResultsVisibility resultsVisibility, boolean proofOfWork, Integer ipLimitPerMinute,
			Integer ballotsPerAddress) {
		this(title, description, options, maxChoices, startsAt, endsAt, voterRule, frequency, resultsVisibility,
				proofOfWork, ipLimitPerMinute, ballotsPerAddress, null);
	}

	public record Option(String label, Long modelId) {
	}

}
