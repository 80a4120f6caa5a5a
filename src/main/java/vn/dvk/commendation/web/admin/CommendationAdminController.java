package vn.dvk.commendation.web.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.commendation.CommendationCandidates;
import vn.dvk.commendation.CommendationService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** Staff prepare conferences and decide nominations; officers propose their organizations' recognized models. */
@Controller
@RequestMapping("/quan-tri/bieu-duong")
class CommendationAdminController {

	private final CommendationService commendations;

	private final CommendationCandidates candidates;

	private final Texts texts;

	private final vn.dvk.appraisal.AppraisalService appraisals;

	private final vn.dvk.registry.Catalogues catalogues;

	CommendationAdminController(CommendationService commendations, CommendationCandidates candidates, Texts texts,
			vn.dvk.appraisal.AppraisalService appraisals, vn.dvk.registry.Catalogues catalogues) {
		this.appraisals = appraisals;
		this.catalogues = catalogues;
		this.commendations = commendations;
		this.candidates = candidates;
		this.texts = texts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal DvkUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		PageResult<CommendationService.Conference> result = commendations
			.conferences(new PageResult.Request(Math.max(0, page), PageResult.DEFAULT_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("conferences", result.items());
		return "commendation/admin/list";
	}

	@PostMapping
	String create(@AuthenticationPrincipal DvkUser user, @RequestParam String name,
			@RequestParam(required = false) String phase, @RequestParam(required = false) LocalDate heldOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) LocalDate decisionDate, @RequestParam(defaultValue = "") String awardForms,
			RedirectAttributes redirect) {
		List<String[]> forms = new ArrayList<>();
		for (String line : awardForms.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int bar = line.lastIndexOf('|');
			forms.add(bar < 0 ? new String[] { line, "" } : new String[] { line.substring(0, bar), line.substring(bar + 1) });
		}
		try {
			CommendationService.Conference c = commendations.create(user,
					new CommendationService.NewConference(name, "PROVINCE", phase, heldOn, place, decisionNumber,
							decisionDate, forms));
			redirect.addFlashAttribute("success", texts.get("commendation.admin.created"));
			return "redirect:/quan-tri/bieu-duong/" + c.id();
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
			return "redirect:/quan-tri/bieu-duong";
		}
	}

	@GetMapping("/{id}")
	String conference(@AuthenticationPrincipal DvkUser user, @PathVariable long id, Model model) {
		model.addAttribute("c", commendations.conference(id));
		List<CommendationService.Nomination> nominations = commendations.nominations(id);
		model.addAttribute("nominations", nominations);
		model.addAttribute("scores", appraisals.latestScores(nominations.stream().map(CommendationService.Nomination::modelId).toList()));
		model.addAttribute("fieldNames", catalogues.names(vn.dvk.registry.CatalogueEntry.FIELD,
				org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		model.addAttribute("candidates", candidates.candidates(user, id));
		return "commendation/admin/conference";
	}

	/** Adds an award form ({@code form} absent) or changes one: name and quota. */
	@PostMapping("/{id}/hinh-thuc")
	String saveAwardForm(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) Long form, @RequestParam(required = false) String name,
			@RequestParam(required = false) String quota, @RequestParam(required = false) String action,
			RedirectAttributes redirect) {
		try {
			if ("remove".equals(action) && form != null) {
				commendations.removeAwardForm(user, id, form);
				redirect.addFlashAttribute("success", texts.get("commendation.admin.awardRemoved"));
			}
			else {
				Integer places;
				try {
					places = quota == null ? null : Integer.valueOf(quota.strip());
				}
				catch (NumberFormatException ex) {
					places = null;
				}
				commendations.saveAwardForm(user, id, form, name, places);
				redirect.addFlashAttribute("success", texts.get("commendation.admin.awardSaved"));
			}
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/bieu-duong/" + id;
	}

	@GetMapping("/{id}/{what:giay-khen\\.zip|danh-sach\\.xlsx|danh-sach\\.pdf}")
	void output(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable String what,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		String type;
		if (what.endsWith(".zip")) {
			commendations.certificates(user, id, body);
			type = "application/zip";
		}
		else if (what.endsWith(".xlsx")) {
			commendations.listXlsx(user, id, body);
			type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		}
		else {
			commendations.listPdf(user, id, body);
			type = "application/pdf";
		}
		response.setContentType(type);
		response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"bieu-duong-" + id + "-" + what + "\"");
		response.setContentLength(body.size());
		body.writeTo(response.getOutputStream());
	}

	@PostMapping("/{id}/de-cu")
	String nominate(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam long modelId,
			@RequestParam long awardFormId, @RequestParam(required = false) String achievement,
			RedirectAttributes redirect) {
		try {
			boolean nominated = commendations.nominateOrPropose(user, id, modelId, awardFormId, achievement);
			redirect.addFlashAttribute("success",
					texts.get(nominated ? "commendation.admin.nominated" : "commendation.admin.proposed"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/bieu-duong/" + id;
	}

	@PostMapping("/{id}/de-cu/{nomination}")
	String decide(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long nomination,
			@RequestParam String action, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			if ("accept".equals(action)) {
				commendations.accept(user, nomination);
				redirect.addFlashAttribute("success", texts.get("commendation.admin.accepted"));
			}
			else {
				commendations.decline(user, nomination, reason);
				redirect.addFlashAttribute("success", texts.get("commendation.admin.declined"));
			}
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/bieu-duong/" + id;
	}

}
