package vn.dvk.poll;

import java.util.List;

/** Counted ballots (voided ones excluded) and votes per option, with percentages of ballots. */
public record PollResults(long pollId, long totalVotes, List<Option> options, boolean published) {

	public record Option(long id, String label, long votes, double percent) {
	}

}
