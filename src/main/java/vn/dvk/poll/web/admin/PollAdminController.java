package vn.dvk.poll.web.admin;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.poll.PollRules;
import vn.dvk.poll.PollService;
import vn.dvk.poll.PollView;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;

/** Staff pages: the polls, a new poll, closing early and publishing results. */
@Controller
@RequestMapping("/quan-tri/binh-chon")
class PollAdminController {

	private final PollService polls;

	private final Texts texts;

	PollAdminController(PollService polls, Texts texts) {
		this.polls = polls;
		this.texts = texts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal DvkUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", polls.list(user, new PageResult.Request(Math.max(0, page), PageResult.DEFAULT_SIZE)));
		model.addAttribute("now", java.time.Instant.now());
		return "poll/admin/list";
	}

	@GetMapping("/moi")
	String form(Model model) {
		PollForm form = new PollForm();
		LocalDateTime now = LocalDateTime.now(VietnameseFormats.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(1);
		form.setStartsAt(now.toString());
		form.setEndsAt(now.plusDays(7).toString());
		model.addAttribute("form", form);
		return form(model, form);
	}

	@GetMapping("/{id}/sua")
	String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		PollView p = polls.find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		if (!PollService.editable(p)) {
			redirect.addFlashAttribute("failure", texts.get("poll.edit.started"));
			return "redirect:/quan-tri/binh-chon";
		}
		model.addAttribute("editing", p);
		return form(model, PollForm.of(p));
	}

	@PostMapping("/{id}/sua")
	String update(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @ModelAttribute("form") PollForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		try {
			PollView p = polls.update(user, id, form.draft());
			redirect.addFlashAttribute("success", texts.get("poll.admin.updated"));
			return "redirect:" + p.path();
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			model.addAttribute("editing", polls.find(id).orElse(null));
			return form(model, form);
		}
	}

	private String form(Model model, PollForm form) {
		model.addAttribute("form", form);
		model.addAttribute("voterRules", PollRules.VoterRule.values());
		model.addAttribute("frequencies", PollRules.Frequency.values());
		model.addAttribute("visibilities", PollRules.ResultsVisibility.values());
		return "poll/admin/form";
	}

	@PostMapping("/moi")
	String create(@AuthenticationPrincipal DvkUser user, @ModelAttribute("form") PollForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		try {
			PollView p = polls.create(user, form.draft());
			redirect.addFlashAttribute("success", texts.get("poll.admin.created"));
			return "redirect:" + p.path();
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			return form(model, form);
		}
	}

	@GetMapping("/{id}/{what:phieu|ket-qua}.{format:xlsx|csv}")
	void export(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable String what,
			@PathVariable String format, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		boolean xlsx = format.equals("xlsx");
		response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				: "text/csv;charset=UTF-8");
		response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"binh-chon-" + id + "-" + what + "." + format + "\"");
		if (what.equals("phieu")) {
			polls.exportVotes(user, id, xlsx, response.getOutputStream());
		}
		else {
			polls.exportResults(user, id, xlsx, response.getOutputStream());
		}
	}

	@GetMapping("/{id}/gian-lan")
	String fraud(@AuthenticationPrincipal DvkUser user, @PathVariable long id, Model model) {
		model.addAttribute("p", polls.find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound")));
		model.addAttribute("fraud", polls.fraud(user, id));
		return "poll/admin/fraud";
	}

	@PostMapping("/{id}/huy-phieu")
	String voidBallots(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam String address,
			@RequestParam(defaultValue = "ADDRESS") PollService.VoidGroup group,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			int n = polls.voidBallots(user, id, group, address, reason);
			redirect.addFlashAttribute("success", texts.get("poll.void.done", n));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/binh-chon/" + id + "/gian-lan";
	}

	@PostMapping("/{id}/ket-thuc")
	String close(@AuthenticationPrincipal DvkUser user, @PathVariable long id, RedirectAttributes redirect) {
		polls.close(user, id);
		redirect.addFlashAttribute("success", texts.get("poll.admin.closed"));
		return "redirect:/quan-tri/binh-chon";
	}

	@PostMapping("/{id}/cong-bo")
	String publish(@AuthenticationPrincipal DvkUser user, @PathVariable long id, RedirectAttributes redirect) {
		polls.publishResults(user, id);
		redirect.addFlashAttribute("success", texts.get("poll.admin.published"));
		return "redirect:/quan-tri/binh-chon";
	}

}
