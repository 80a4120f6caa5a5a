package vn.dvk.poll.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.poll.PollService;
import vn.dvk.poll.PollView;
import vn.dvk.poll.VoteOutcome;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;
import vn.dvk.visits.VisitorIdentity;

/** Public poll pages: the active polls, one poll with its ballot and (when allowed) its results. */
@Controller
class PollPublicController {

	private final PollService polls;

	private final VisitorIdentity identities;

	private final Texts texts;

	private final vn.dvk.account.CitizenService citizens;

	private final vn.dvk.account.EidSettings eid;

	PollPublicController(PollService polls, VisitorIdentity identities, Texts texts,
			vn.dvk.account.CitizenService citizens, vn.dvk.account.EidSettings eid) {
		this.eid = eid;
		this.citizens = citizens;
		this.polls = polls;
		this.identities = identities;
		this.texts = texts;
	}

	@GetMapping("/binh-chon")
	String list(Model model) {
		model.addAttribute("polls", polls.active());
		return "poll/list";
	}

	@GetMapping("/binh-chon/{id}")
	String poll(@AuthenticationPrincipal DvkUser user, @PathVariable long id, Model model) {
		PollView p = polls.find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		Instant now = Instant.now();
		model.addAttribute("p", p);
		model.addAttribute("open", p.openAt(now));
		model.addAttribute("ended", p.endedAt(now));
		model.addAttribute("results", polls.results(user, id).orElse(null));
		if (p.voterRule() == vn.dvk.poll.PollRules.VoterRule.VERIFIED_ACCOUNT) {
			model.addAttribute("eidName", eid.enabled() ? eid.displayName() : null);
			// What stands between this visitor and the ballot: logging in, or verifying the e-mail address.
			java.util.Optional<vn.dvk.account.CitizenService.Status> status = user == null ? java.util.Optional.empty()
					: citizens.status(user.id());
			model.addAttribute("accountNeed", user == null ? "login"
					: p.eidLevel() != null
							? status.map(s -> s.eidLevel() != null && s.eidLevel() >= p.eidLevel()).orElse(false) ? null
									: "eid"
							: status.filter(vn.dvk.account.CitizenService.Status::verified).isPresent() ? null
									: "verify");
		}
		return "poll/poll";
	}

	@PostMapping("/binh-chon/{id}")
	String vote(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(name = "option", required = false) List<Long> options,
			@RequestParam(name = "altcha", required = false) String altcha, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			VoteOutcome outcome = polls.vote(id, options,
					Voters.from(request, user, identities, altcha));
			redirect.addFlashAttribute("success",
					texts.get(outcome.counted() ? "poll.vote.thanks" : "poll.vote.already"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/binh-chon/" + id;
	}

}
