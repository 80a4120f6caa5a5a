package vn.dvk.poll.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvk.account.DvkUser;
import vn.dvk.poll.PollDraft;
import vn.dvk.poll.PollResults;
import vn.dvk.poll.PollRules;
import vn.dvk.poll.PollService;
import vn.dvk.poll.PollView;
import vn.dvk.poll.VoteOutcome;
import vn.dvk.shared.UserFacingException;
import vn.dvk.visits.VisitorIdentity;

/** Polls as JSON: staff create and close; anyone lists active polls, reads visible results and votes. */
@RestController
@RequestMapping("/api/v1/polls")
@Tag(name = "Bình chọn")
class PollApiController {

	private final PollService polls;

	private final VisitorIdentity identities;

	PollApiController(PollService polls, VisitorIdentity identities) {
		this.polls = polls;
		this.identities = identities;
	}

	record NewOption(String label, Long modelId) {
	}

	record NewPoll(String title, String description, List<NewOption> options, Integer maxChoices, Instant startsAt,
			Instant endsAt, PollRules.VoterRule voterRule, PollRules.Frequency frequency,
			PollRules.ResultsVisibility resultsVisibility, Boolean proofOfWork, Integer ipLimitPerMinute,
			Integer ballotsPerAddress, Integer eidLevel) {
	}

	record ActiveOption(long id, String label, Long modelId) {
	}

	record ActivePoll(long id, String title, Instant endsAt, PollRules.VoterRule voterRule,
			List<ActiveOption> options) {
	}

	/** The options chosen, and the solved proof-of-work challenge when the poll asks for one (ALTCHA payload). */
	record Ballot(List<Long> optionIds, String altcha) {
	}

	@Operation(summary = "Tạo cuộc bình chọn (cán bộ)")
	@PostMapping
	ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal DvkUser user, @RequestBody NewPoll body) {
		PollView p = polls.create(user, new PollDraft(body.title(), body.description(),
				body.options() == null ? null
						: body.options().stream().map(o -> new PollDraft.Option(o.label(), o.modelId())).toList(),
				body.maxChoices() == null ? 1 : body.maxChoices(), body.startsAt() == null ? Instant.now() : body.startsAt(),
				body.endsAt(), body.voterRule() == null ? PollRules.VoterRule.OPEN : body.voterRule(),
				body.frequency() == null ? PollRules.Frequency.ONCE : body.frequency(),
				body.resultsVisibility() == null ? PollRules.ResultsVisibility.LIVE : body.resultsVisibility(),
				Boolean.TRUE.equals(body.proofOfWork()), body.ipLimitPerMinute(),
				body.ballotsPerAddress(), body.eidLevel()));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", p.id()));
	}

	@Operation(summary = "Kết thúc sớm cuộc bình chọn (cán bộ)")
	@PostMapping("/{id}/close")
	Map<String, Object> close(@AuthenticationPrincipal DvkUser user, @PathVariable long id) {
		polls.close(user, id);
		return Map.of("id", id, "closed", true);
	}

	@Operation(summary = "Các cuộc bình chọn đang diễn ra")
	@GetMapping("/active")
	List<ActivePoll> active() {
		return polls.active()
			.stream()
			.map(p -> new ActivePoll(p.id(), p.title(), p.endsAt(), p.voterRule(),
					p.options().stream().map(o -> new ActiveOption(o.id(), o.label(), o.modelId())).toList()))
			.toList();
	}

	@Operation(summary = "Kết quả (khi được phép xem)")
	@GetMapping("/{id}/results")
	PollResults results(@AuthenticationPrincipal DvkUser user, @PathVariable long id) {
		return polls.results(user, id)
			.orElseThrow(() -> new UserFacingException(HttpStatus.FORBIDDEN, "poll.results.hidden"));
	}

	@Operation(summary = "Thử thách chống bỏ phiếu tự động (định dạng ALTCHA) cho cuộc bình chọn có yêu cầu")
	@GetMapping("/{id}/challenge")
	ResponseEntity<Map<String, Object>> challenge(@PathVariable long id, HttpServletRequest request) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(polls.challenge(id, identities.key(request)));
	}

	@Operation(summary = "Bỏ phiếu: 201 lần đầu, 200 với alreadyVoted khi đã bỏ phiếu")
	@PostMapping("/{id}/votes")
	ResponseEntity<Map<String, Object>> vote(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestBody(required = false) Ballot ballot, HttpServletRequest request) {
		Voters.requireSameSiteJson(request);
		VoteOutcome outcome = polls.vote(id, ballot == null ? List.of() : ballot.optionIds(),
				Voters.from(request, user, identities, ballot == null ? null : ballot.altcha()));
		return ResponseEntity.status(outcome.counted() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(Map.of("pollId", id, "counted", outcome.counted(), "alreadyVoted", outcome.alreadyVoted()));
	}

}
