package vn.dvk.contest.web.admin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.PanelFacts;
import vn.dvk.contest.ContestRecords;
import vn.dvk.contest.ContestService;
import vn.dvk.judging.Judging;
import vn.dvk.judging.MemberRole;
import vn.dvk.judging.Missing;
import vn.dvk.judging.web.PanelPages;
import vn.dvk.shared.Texts;

/**
 * A contest round's pages: the results ranked per category, advancement to the final, prizes, the jury; the sheet
 * pages are the judging module's ({@link PanelPages}), with an entry shown without its authors in a blind round.
 */
@Controller
@RequestMapping("/quan-tri/cuoc-thi/vong")
class ContestRoundController extends PanelPages {

	private final ContestService contests;

	private final AccountService accounts;

	ContestRoundController(ContestService contests, Judging judging, AccountService accounts, Texts texts) {
		super(judging, texts);
		this.contests = contests;
		this.accounts = accounts;
	}

	@Override
	protected long panelOf(long roundId) {
		return contests.round(roundId).panelId();
	}

	@Override
	protected String roundPath(long roundId) {
		return "/quan-tri/cuoc-thi/vong/" + roundId;
	}

	@Override
	protected void describe(DvkUser user, long roundId, long subjectId, Model model) {
		ContestRecords.Round round = contests.round(roundId);
		ContestRecords.Entry e = contests.entry(subjectId);
		model.addAttribute("e", e);
		model.addAttribute("showAuthors", judging.mayKnowAuthors(judging.facts(user, round.panelId())));
		model.addAttribute("subjectName", e.title());
		model.addAttribute("subjectTemplate", "contest/admin/subject");
		model.addAttribute("roundName", round.name());
		model.addAttribute("sectionName", contests.contest(round.contestId()).name());
		model.addAttribute("sectionPath", "/quan-tri/cuoc-thi/" + round.contestId());
	}

	@GetMapping("/{id}")
	String round(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(defaultValue = "3") int top, @RequestParam(required = false) Double threshold, Model model) {
		ContestRecords.Round round = contests.round(id);
		PanelFacts facts = judging.requireSeat(user, round.panelId());
		boolean staff = facts.runner();
		model.addAttribute("round", round);
		model.addAttribute("c", contests.contest(round.contestId()));
		model.addAttribute("staff", staff);
		var members = judging.members(round.panelId());
		model.addAttribute("members", members);
		model.addAttribute("people", accounts.findAll(members.keySet()));
		Map<Long, String> subjects = new LinkedHashMap<>();
		Set<Long> before = Set.copyOf(judging.subjects(round.panelId()));
		contests.entries(round.contestId()).stream().filter(e -> before.contains(e.id()))
			.forEach(e -> subjects.put(e.id(), e.title()));
		model.addAttribute("subjects", subjects);
		List<ContestRecords.ResultLine> lines = judging.mayReadResults(facts) ? contests.results(user, id) : null;
		model.addAttribute("lines", lines);
		model.addAttribute("showAuthors", judging.mayKnowAuthors(facts));
		model.addAttribute("readsSheets", judging.mayReadSheets(facts));
		model.addAttribute("manages", judging.mayManage(facts));
		List<Missing> missing = judging.missing(round.panelId());
		model.addAttribute("mine", facts.member());
		if (facts.member()) {
			model.addAttribute("conflicts", judging.conflictsOf(round.panelId(), user.id()));
			model.addAttribute("todo", missing.stream().filter(m -> m.memberId() == user.id()).map(Missing::subjectId)
				.collect(Collectors.toSet()));
		}
		model.addAttribute("missing", missing.size());
		Map<Long, Integer> missingByMember = new HashMap<>();
		missing.forEach(m -> missingByMember.merge(m.memberId(), 1, Integer::sum));
		model.addAttribute("missingByMember", missingByMember);
		// which entries the advancement form ticks first: the top N of each category, or those reaching a threshold
		model.addAttribute("top", Math.max(0, top));
		model.addAttribute("threshold", threshold);
		Set<Long> preselected = new java.util.HashSet<>();
		for (ContestRecords.ResultLine l : lines == null ? List.<ContestRecords.ResultLine>of() : lines) {
			Double score = l.deciding(round.decidingMethod());
			if (threshold != null ? score != null && score >= threshold : l.rank() != null && l.rank() <= top) {
				preselected.add(l.entryId());
			}
		}
		model.addAttribute("preselected", preselected);
		return "contest/admin/round";
	}

	@PostMapping("/{id}/thanh-vien")
	String appoint(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam String username,
			@RequestParam(required = false) MemberRole role, @RequestParam(required = false) String affiliation,
			RedirectAttributes redirect) {
		return act(redirect, roundPath(id), () -> texts.get("contest.juror.added",
				contests.addJuror(user, id, username, role, affiliation).fullName()));
	}

	@PostMapping("/{id}/vao-chung-khao")
	String advance(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(name = "entry", required = false) List<Long> entries, RedirectAttributes redirect) {
		return act(redirect, roundPath(id), () -> texts.get("contest.advanced", contests.advance(user, id, entries)));
	}

	@PostMapping("/{id}/giai/{entry}")
	String award(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long entry,
			@RequestParam(required = false) Long prizeId, RedirectAttributes redirect) {
		return act(redirect, roundPath(id), () -> {
			contests.award(user, entry, prizeId);
			return texts.get("contest.prize.saved");
		});
	}

}
