package vn.dvk.appraisal.web.admin;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
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
import vn.dvk.account.UserView;
import vn.dvk.appraisal.AppraisalDocuments;
import vn.dvk.appraisal.AppraisalService;
import vn.dvk.judging.Aggregation;
import vn.dvk.judging.Judging;
import vn.dvk.judging.Member;
import vn.dvk.judging.MemberRole;
import vn.dvk.judging.Missing;
import vn.dvk.judging.web.PanelPages;
import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelSummary;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;

/**
 * Appraisal pages: staff open rounds, put models before the council, appoint members, close and decide; council
 * members score the models of their rounds (the sheet pages are the judging module's, see {@link PanelPages}).
 * Who may do what is decided by the services and the access policy.
 */
@Controller
@RequestMapping("/quan-tri/tham-dinh")
class AppraisalAdminController extends PanelPages {

	private final AppraisalService appraisals;

	private final AppraisalDocuments documents;

	private final RegistryService registry;

	private final AccountService accounts;

	private final Catalogues catalogues;

	AppraisalAdminController(AppraisalService appraisals, AppraisalDocuments documents, Judging judging,
			RegistryService registry, AccountService accounts, Texts texts, Catalogues catalogues) {
		super(judging, texts);
		this.appraisals = appraisals;
		this.documents = documents;
		this.registry = registry;
		this.accounts = accounts;
		this.catalogues = catalogues;
	}

	@Override
	protected long panelOf(long roundId) {
		return appraisals.panel(roundId);
	}

	@Override
	protected String roundPath(long roundId) {
		return "/quan-tri/tham-dinh/" + roundId;
	}

	@Override
	protected void describe(DvkUser user, long roundId, long subjectId, Model model) {
		ModelView m = appraisals.model(user, roundId, subjectId);
		model.addAttribute("model", m);
		model.addAttribute("subjectName", m.name());
		model.addAttribute("subjectTemplate", "appraisal/admin/subject");
		model.addAttribute("roundName", appraisals.round(roundId).name());
		model.addAttribute("sectionName", texts.get("appraisal.title"));
		model.addAttribute("sectionPath", "/quan-tri/tham-dinh");
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
		PanelFacts facts = judging.requireSeat(user, round.panelId());
		boolean staff = facts.runner();
		Map<Long, Member> members = judging.members(round.panelId());
		Map<Long, UserView> people = accounts.findAll(members.keySet());
		List<Missing> missing = judging.missing(round.panelId());
		model.addAttribute("round", round);
		model.addAttribute("staff", staff);
		model.addAttribute("members", members);
		model.addAttribute("people", people);
		model.addAttribute("results", appraisals.visibleResults(user, id).orElse(null));
		Map<Long, String> subjects = new LinkedHashMap<>();
		registry.refs(judging.subjects(round.panelId())).forEach((k, v) -> subjects.put(k, v.name()));
		model.addAttribute("subjects", subjects);
		model.addAttribute("mine", facts.member());
		if (facts.member()) {
			model.addAttribute("conflicts", judging.conflictsOf(round.panelId(), user.id()));
			model.addAttribute("todo", missing.stream().filter(m -> m.memberId() == user.id())
				.map(Missing::subjectId).collect(java.util.stream.Collectors.toSet()));
		}
		model.addAttribute("manages", judging.mayManage(facts));
		model.addAttribute("readsSheets", judging.mayReadSheets(facts));
		Map<Long, Integer> missingByMember = new HashMap<>();
		missing.forEach(m -> missingByMember.merge(m.memberId(), 1, Integer::sum));
		model.addAttribute("missingByMember", missingByMember);
		model.addAttribute("missing", missing.size());
		if (staff && round.open()) {
			// Submitted models in the staff member's scope, filtered by words (name, place, organization) and field.
			PageResult<ModelSummary> candidates = registry.list(user,
					new ModelQuery(q == null || q.isBlank() ? null : q.strip(),
							field == null || field.isBlank() ? null : field, null, null, null,
							Set.of(ModelStatus.SUBMITTED), null, null, null),
					new PageResult.Request(0, 100));
			model.addAttribute("candidates", candidates.items());
			model.addAttribute("candidateTotal", candidates.total());
			model.addAttribute("q", q);
			model.addAttribute("field", field);
			model.addAttribute("fieldNames",
					catalogues.names(CatalogueEntry.FIELD, LocaleContextHolder.getLocale()));
		}
		model.addAttribute("decisions", AppraisalService.Decision.values());
		return "appraisal/admin/round";
	}

	@PostMapping("/{id}/mo-hinh")
	String addModels(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(name = "model", required = false) List<Long> models, RedirectAttributes redirect) {
		return act(redirect, roundPath(id), () -> {
			appraisals.addModels(user, id, models);
			return texts.get("appraisal.admin.modelsAdded", models.size());
		});
	}

	@PostMapping("/{id}/thanh-vien")
	String addMember(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam String username,
			@RequestParam MemberRole role, RedirectAttributes redirect) {
		return act(redirect, roundPath(id),
				() -> texts.get("appraisal.admin.memberAdded", appraisals.addMember(user, id, username, role).fullName()));
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
		return act(redirect, roundPath(id), () -> {
			AppraisalService.Round round = appraisals.round(id);
			List<AppraisalService.Choice> choices = new java.util.ArrayList<>();
			for (Long m : models == null ? List.<Long>of() : models) {
				String d = form.get("decision-" + m);
				AppraisalService.Decision decision = d == null || d.isBlank() ? null
						: AppraisalService.Decision.valueOf(d);
				String note = form.get("note-" + m);
				if ((note == null || note.isBlank()) && decision != null
						&& decision != AppraisalService.Decision.RECOGNIZE) {
					note = texts.get("appraisal.decision.belowThreshold", VietnameseFormats.number(round.passThreshold()),
							VietnameseFormats.number(round.maximum()));
				}
				choices.add(new AppraisalService.Choice(m, decision, note,
						Integer.parseInt(form.getOrDefault("version-" + m, "0"))));
			}
			return texts.get("appraisal.admin.decidedMany", appraisals.decideAll(user, id, choices, number, date));
		});
	}

	@GetMapping("/{id}/bang-diem.xlsx")
	void exportScores(@AuthenticationPrincipal DvkUser user, @PathVariable long id, HttpServletResponse response)
			throws java.io.IOException {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		documents.scores(user, id, body);
		send(response, body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"bang-diem-tham-dinh-" + id + ".xlsx");
	}

	@GetMapping("/{id}/bien-ban.pdf")
	void minutes(@AuthenticationPrincipal DvkUser user, @PathVariable long id, HttpServletResponse response)
			throws java.io.IOException {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		documents.minutes(user, id, body);
		send(response, body, "application/pdf", "bien-ban-tham-dinh-" + id + ".pdf");
	}

	private static void send(HttpServletResponse response, java.io.ByteArrayOutputStream body, String type,
			String filename) throws java.io.IOException {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
		response.setContentLength(body.size());
		body.writeTo(response.getOutputStream());
	}

}
