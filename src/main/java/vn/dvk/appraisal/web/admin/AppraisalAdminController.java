package vn.dvk.appraisal.web.admin;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import vn.dvk.account.UserView;
import vn.dvk.judging.Aggregation;
import vn.dvk.appraisal.AppraisalService;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/**
 * Appraisal pages: staff open rounds, add models and members, close and decide; council members score the models
 * of their rounds (the scoring page is theirs; staff pages need ADMIN or PROVINCE_STAFF).
 */
@Controller
@RequestMapping("/quan-tri/tham-dinh")
class AppraisalAdminController {

	private final AppraisalService appraisals;

	private final RegistryService registry;

	private final AccountService accounts;

	private final Texts texts;

	private final vn.dvk.registry.Catalogues catalogues;

	AppraisalAdminController(AppraisalService appraisals, RegistryService registry, AccountService accounts,
			Texts texts, vn.dvk.registry.Catalogues catalogues) {
		this.catalogues = catalogues;
		this.appraisals = appraisals;
		this.registry = registry;
		this.accounts = accounts;
		this.texts = texts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal DvkUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		PageResult<AppraisalService.Round> result = appraisals.rounds(user,
				new PageResult.Request(Math.max(0, page), PageResult.DEFAULT_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("rounds", result.items());
		model.addAttribute("levels", AppraisalService.Level.values());
		model.addAttribute("methods", Aggregation.Method.values());
		model.addAttribute("templates", appraisals.templates());
		return "appraisal/admin/list";
	}

	@PostMapping
	String create(@AuthenticationPrincipal DvkUser user, @RequestParam String name,
			@RequestParam AppraisalService.Level level, @RequestParam(required = false) String phase,
			@RequestParam(required = false) LocalDate deadline, @RequestParam Aggregation.Method method,
			@RequestParam(defaultValue = "false") boolean blind, @RequestParam(required = false) Long templateId,
			RedirectAttributes redirect) {
		try {
			AppraisalService.Round r = appraisals.create(user,
					new AppraisalService.NewRound(name, level, phase, deadline, method, blind, null, templateId));
			redirect.addFlashAttribute("success", texts.get("appraisal.admin.created"));
			return "redirect:/quan-tri/tham-dinh/" + r.id();
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
			return "redirect:/quan-tri/tham-dinh";
		}
	}

	@PostMapping("/tieu-chi")
	String createTemplate(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String passThreshold, @RequestParam(defaultValue = "") String criteria,
			RedirectAttributes redirect) {
		List<String[]> lines = new java.util.ArrayList<>();
		for (String line : criteria.split("\\R")) {
			if (!line.isBlank()) {
				String[] parts = line.split("\\|");
				lines.add(parts.length == 3 ? parts : new String[] { line, "", "" });
			}
		}
		try {
			Double threshold = passThreshold == null || passThreshold.isBlank() ? null
					: Double.valueOf(passThreshold.strip().replace(',', '.'));
			appraisals.createTemplate(user, name, threshold, lines);
			redirect.addFlashAttribute("success", texts.get("appraisal.template.created"));
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("failure", texts.get("judging.template.threshold", "—"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/tham-dinh";
	}

	@GetMapping("/{id}")
	String round(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) String q, @RequestParam(required = false) String field, Model model) {
		AppraisalService.Round round = appraisals.round(id);
		Map<Long, AppraisalService.MemberRole> members = appraisals.members(id);
		boolean staff = appraisals.runs(user);
		if (!staff && !members.containsKey(user.id())) {
			throw new org.springframework.security.access.AccessDeniedException("not in round");
		}
		model.addAttribute("round", round);
		model.addAttribute("staff", staff);
		Map<Long, UserView> people = new HashMap<>();
		members.keySet().forEach(m -> accounts.find(m).ifPresent(u -> people.put(m, u)));
		model.addAttribute("members", members);
		model.addAttribute("people", people);
		AppraisalService.Results results = appraisals.results(id);
		// Blind rounds: members see the results only once the round is closed.
		model.addAttribute("results", staff || !round.blind() || !round.open() ? results : null);
		model.addAttribute("lines", results.lines());
		model.addAttribute("mine", members.containsKey(user.id()));
		if (members.containsKey(user.id())) {
			Set<Long> todo = new java.util.HashSet<>();
			appraisals.missing(id).stream().filter(p -> p[0] == user.id()).forEach(p -> todo.add(p[1]));
			model.addAttribute("conflicts", appraisals.conflictsOf(id, user.id()));
			model.addAttribute("todo", todo);
		}
		boolean manages = appraisals.manages(user, id);
		model.addAttribute("manages", manages);
		model.addAttribute("readsSheets", manages && (staff || !round.blind() || !round.open()));
		if (manages) {
			// The chair's view of progress: sheets still expected per member.
			Map<Long, Integer> missingByMember = new HashMap<>();
			appraisals.missing(id).forEach(p -> missingByMember.merge(p[0], 1, Integer::sum));
			model.addAttribute("missingByMember", missingByMember);
		}
		if (staff && round.open()) {
			// Submitted models in the staff member's scope, filtered by words (name, place, organization) and field.
			PageResult<vn.dvk.registry.ModelSummary> candidates = registry.list(user,
					new ModelQuery(q == null || q.isBlank() ? null : q.strip(),
							field == null || field.isBlank() ? null : field, null, null, null,
							Set.of(ModelStatus.SUBMITTED), null, null, null),
					new PageResult.Request(0, 100));
			model.addAttribute("candidates", candidates.items());
			model.addAttribute("candidateTotal", candidates.total());
			model.addAttribute("q", q);
			model.addAttribute("field", field);
			model.addAttribute("fieldNames", catalogues.names(vn.dvk.registry.CatalogueEntry.FIELD,
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			model.addAttribute("missing", appraisals.missing(id).size());
		}
		model.addAttribute("roles", AppraisalService.MemberRole.values());
		model.addAttribute("decisions", AppraisalService.Decision.values());
		return "appraisal/admin/round";
	}

	@PostMapping("/{id}/mo-hinh")
	String addModels(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(name = "model", required = false) List<Long> models, RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			appraisals.addModels(user, id, models);
			return texts.get("appraisal.admin.modelsAdded", models.size());
		});
	}

	@PostMapping("/{id}/thanh-vien")
	String addMember(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam String username,
			@RequestParam AppraisalService.MemberRole role, RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			UserView member = appraisals.addMember(user, id, username, role);
			return texts.get("appraisal.admin.memberAdded", member.fullName());
		});
	}

	@PostMapping("/{id}/nhac/{member}")
	String remind(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long member,
			RedirectAttributes redirect) {
		return act(redirect, id, () -> texts.get("appraisal.remind.sent", appraisals.remind(user, id, member)));
	}

	@PostMapping("/{id}/khong-giao")
	String exclude(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam long member,
			@RequestParam long modelId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			appraisals.exclude(user, id, member, modelId, reason);
			return texts.get("appraisal.exclude.done");
		});
	}

	@PostMapping("/{id}/ket-thuc")
	String close(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			appraisals.close(user, id, confirm);
			return texts.get("appraisal.admin.closed");
		});
	}

	/**
	 * Decides the ticked models at once, each with the decision chosen on its line (pre-set from the threshold),
	 * under one decision number and date; a return or rejection without a note says the score was below the
	 * threshold.
	 */
	@PostMapping("/{id}/quyet-dinh")
	String decideAll(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(name = "model", required = false) List<Long> models,
			@RequestParam(required = false) String number, @RequestParam(required = false) LocalDate date,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			AppraisalService.Round round = appraisals.round(id);
			List<AppraisalService.Choice> choices = new java.util.ArrayList<>();
			for (Long m : models == null ? List.<Long>of() : models) {
				String d = form.get("decision-" + m);
				AppraisalService.Decision decision = d == null || d.isBlank() ? null
						: AppraisalService.Decision.valueOf(d);
				String note = form.get("note-" + m);
				if ((note == null || note.isBlank()) && decision != null
						&& decision != AppraisalService.Decision.RECOGNIZE) {
					note = texts.get("appraisal.decision.belowThreshold",
							vn.dvk.shared.VietnameseFormats.number(round.passThreshold()),
							vn.dvk.shared.VietnameseFormats.number(round.maximum()));
				}
				choices.add(new AppraisalService.Choice(m, decision, note,
						Integer.parseInt(form.getOrDefault("version-" + m, "0"))));
			}
			return texts.get("appraisal.admin.decidedMany", appraisals.decideAll(user, id, choices, number, date));
		});
	}

	@GetMapping("/{id}/bang-diem.xlsx")
	void exportScores(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"bang-diem-tham-dinh-" + id + ".xlsx\"");
		appraisals.exportScores(user, id, response.getOutputStream());
	}

	@GetMapping("/{id}/bien-ban.pdf")
	void minutes(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
		appraisals.minutes(user, id, pdf);
		response.setContentType("application/pdf");
		response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"bien-ban-tham-dinh-" + id + ".pdf\"");
		response.setContentLength(pdf.size());
		pdf.writeTo(response.getOutputStream());
	}

	@GetMapping("/{id}/cham/{modelId}")
	String sheet(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long modelId,
			Model model) {
		AppraisalService.Round round = appraisals.round(id);
		model.addAttribute("round", round);
		model.addAttribute("model", appraisals.model(user, id, modelId));
		model.addAttribute("scores", appraisals.scores(id, modelId, user.id()));
		model.addAttribute("comments", appraisals.comments(id, modelId, user.id()));
		model.addAttribute("conflict", appraisals.conflict(id, user.id(), modelId).orElse(null));
		model.addAttribute("kinds", vn.dvk.judging.ConflictKind.declarable());
		return "appraisal/admin/sheet";
	}

	/** The chair's reading of one model: every member's scores and comments per criterion. */
	@GetMapping("/{id}/phieu/{modelId}")
	String sheets(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long modelId,
			Model model) {
		List<AppraisalService.MemberSheet> sheets = appraisals.sheets(user, id, modelId);
		model.addAttribute("round", appraisals.round(id));
		model.addAttribute("model", appraisals.model(user, id, modelId));
		model.addAttribute("sheets", sheets);
		return "appraisal/admin/sheets";
	}

	@PostMapping("/{id}/cham/{modelId}")
	String score(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long modelId,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		vn.dvk.judging.Rubrics.Posted sheet = vn.dvk.judging.Rubrics.read(appraisals.round(id).criteria(), form);
		boolean submit = "submit".equals(form.get("action"));
		try {
			if (sheet.notANumber() != null) {
				throw sheet.refusal();
			}
			appraisals.score(user, id, modelId, sheet.scores(), sheet.comments(), submit);
			redirect.addFlashAttribute("success", texts.get(submit ? "appraisal.sheet.submitted" : "appraisal.sheet.saved"));
			return submit ? "redirect:/quan-tri/tham-dinh/" + id : "redirect:/quan-tri/tham-dinh/" + id + "/cham/" + modelId;
		}
		catch (UserFacingException ex) {
			// shown again with what was typed
			String page = sheet(user, id, modelId, model);
			model.addAttribute("failure", texts.get(ex));
			model.addAttribute("scores", sheet.scores());
			model.addAttribute("comments", sheet.comments());
			return page;
		}
	}

	@PostMapping("/{id}/xung-dot/{modelId}")
	String conflict(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long modelId,
			@RequestParam(required = false) vn.dvk.judging.ConflictKind kind,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			appraisals.declareConflict(user, id, modelId, kind, note);
			return texts.get("appraisal.sheet.conflictDeclared");
		});
	}

	private String act(RedirectAttributes redirect, long id, java.util.function.Supplier<String> work) {
		try {
			redirect.addFlashAttribute("success", work.get());
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/tham-dinh/" + id;
	}

}
