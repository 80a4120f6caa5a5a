package vn.dvk.poll;

/** The choices a poll's author makes about voters, frequency and results. */
public final class PollRules {

	private PollRules() {
	}

	/** Who may vote: a logged-in account, or any device (one vote per device cookie / address and browser). */
	public enum VoterRule {

		VERIFIED_ACCOUNT, OPEN

	}

	/** How often one identity may vote. */
	public enum Frequency {

		ONCE, DAILY

	}

	/** When the public sees the results. */
	public enum ResultsVisibility {

		LIVE, AFTER_CLOSE, HIDDEN

	}

}
