package vn.dvk.poll;

/** What became of a vote: counted now, or this identity had already voted (nothing changed). */
public record VoteOutcome(boolean counted, boolean alreadyVoted) {
}
