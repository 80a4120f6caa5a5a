package vn.dvk.poll.web.admin;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import vn.dvk.poll.PollDraft;
import vn.dvk.poll.PollRules;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;

/** The poll form: options one per line; a line "#123" stands for the recognized model with id 123. */
public class PollForm {

	private String title;

	private String description;

	private String options;

	private int maxChoices = 1;

	private String startsAt;

	private String endsAt;

	private PollRules.VoterRule voterRule = PollRules.VoterRule.OPEN;

	private PollRules.Frequency frequency = PollRules.Frequency.ONCE;

	private PollRules.ResultsVisibility resultsVisibility = PollRules.ResultsVisibility.LIVE;

	private Integer ipLimitPerMinute = PollDraft.DEFAULT_IP_LIMIT_PER_MINUTE;

	private Integer ballotsPerAddress = PollDraft.DEFAULT_BALLOTS_PER_ADDRESS;

	private Integer eidLevel;

	private boolean proofOfWork;

	/** The form filled with a poll, for editing before it opens. */
	static PollForm of(vn.dvk.poll.PollView p) {
		PollForm f = new PollForm();
		f.title = p.title();
		f.description = p.description();
		f.options = String.join("\n", p.options()
			.stream()
			.map(o -> o.modelId() != null ? "#" + o.modelId() : o.label())
			.toList());
		f.maxChoices = p.maxChoices();
		java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
		f.startsAt = p.startsAt().atZone(VietnameseFormats.ZONE).format(local);
		f.endsAt = p.endsAt().atZone(VietnameseFormats.ZONE).format(local);
		f.voterRule = p.voterRule();
		f.frequency = p.frequency();
		f.resultsVisibility = p.resultsVisibility();
		f.ipLimitPerMinute = p.ipLimitPerMinute();
		f.ballotsPerAddress = p.ballotsPerAddress();
		f.eidLevel = p.eidLevel();
		f.proofOfWork = p.proofOfWork();
		return f;
	}

	public Integer getBallotsPerAddress() {
		return ballotsPerAddress;
	}

	public void setBallotsPerAddress(Integer ballotsPerAddress) {
		this.ballotsPerAddress = ballotsPerAddress;
	}

	public Integer getEidLevel() {
		return eidLevel;
	}

	public void setEidLevel(Integer eidLevel) {
		this.eidLevel = eidLevel;
	}

	public boolean isProofOfWork() {
		return proofOfWork;
	}

	public void setProofOfWork(boolean proofOfWork) {
		this.proofOfWork = proofOfWork;
	}

	PollDraft draft() {
		List<PollDraft.Option> list = new ArrayList<>();
		if (options != null) {
			for (String line : options.split("\\R")) {
				String l = line.strip();
				if (l.isEmpty()) {
					continue;
				}
				if (l.matches("#\\d{1,18}")) {
					list.add(new PollDraft.Option(null, Long.parseLong(l.substring(1))));
				}
				else {
					list.add(new PollDraft.Option(l, null));
				}
			}
		}
		return new PollDraft(title, description, list, maxChoices, time("startsAt", startsAt).toInstant(),
				time("endsAt", endsAt).toInstant(), voterRule, frequency, resultsVisibility, proofOfWork, ipLimitPerMinute,
				ballotsPerAddress, eidLevel);
	}

	private static java.time.ZonedDateTime time(String field, String text) {
		if (text == null || text.isBlank()) {
			throw UserFacingException.field(field, "poll.time.required");
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(VietnameseFormats.ZONE);
		}
		catch (DateTimeParseException ex) {
			throw UserFacingException.field(field, "poll.time.unreadable");
		}
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getOptions() {
		return options;
	}

	public void setOptions(String options) {
		this.options = options;
	}

	public int getMaxChoices() {
		return maxChoices;
	}

	public void setMaxChoices(int maxChoices) {
		this.maxChoices = maxChoices;
	}

	public String getStartsAt() {
		return startsAt;
	}

	public void setStartsAt(String startsAt) {
		this.startsAt = startsAt;
	}

	public String getEndsAt() {
		return endsAt;
	}

	public void setEndsAt(String endsAt) {
		this.endsAt = endsAt;
	}

	public PollRules.VoterRule getVoterRule() {
		return voterRule;
	}

	public void setVoterRule(PollRules.VoterRule voterRule) {
		this.voterRule = voterRule;
	}

	public PollRules.Frequency getFrequency() {
		return frequency;
	}

	public void setFrequency(PollRules.Frequency frequency) {
		this.frequency = frequency;
	}

	public PollRules.ResultsVisibility getResultsVisibility() {
		return resultsVisibility;
	}

	public void setResultsVisibility(PollRules.ResultsVisibility resultsVisibility) {
		this.resultsVisibility = resultsVisibility;
	}

	public Integer getIpLimitPerMinute() {
		return ipLimitPerMinute;
	}

	public void setIpLimitPerMinute(Integer ipLimitPerMinute) {
		this.ipLimitPerMinute = ipLimitPerMinute;
	}

}
