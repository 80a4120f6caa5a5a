package vn.dvk.planning.web.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
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
import vn.dvk.locality.OrganizationService;
import vn.dvk.planning.DirectiveService;
import vn.dvk.planning.PlanningService;
import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/**
 * Plans and period reports: the province's matrix and calendar, an organization's plan and reports (filed by its
 * officer, reviewed by staff).
 */
@Controller
@RequestMapping("/quan-tri/ke-hoach")
class PlanningAdminController {

	private final PlanningService planning;

	private final DirectiveService directives;

	private final OrganizationService organizations;

	private final Catalogues catalogues;

	private final Texts texts;

	PlanningAdminController(PlanningService planning, DirectiveService directives, OrganizationService organizations,
			Catalogues catalogues, Texts texts) {
		this.planning = planning;
		this.directives = directives;
		this.organizations = organizations;
		this.catalogues = catalogues;
		this.texts = texts;
	}

	private int defaultYear(Integer year) {
		if (year != null) {
			return year;
		}
		int current = LocalDate.now(vn.dvk.registry.RegistryFigures.ZONE).getYear();
		List<Integer> years = planning.years();
		return years.contains(current) || years.isEmpty() ? current : years.get(0);
	}

	@GetMapping
	String overview(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long locality, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int page, Model model) {
		int y = defaultYear(year);
		model.addAttribute("year", y);
		model.addAttribute("years", planning.years());
		model.addAttribute("calendar", planning.calendar(y).orElse(null));
		model.addAttribute("periods", planning.periods(y));
		boolean staff = planning.runs(user);
		if (!staff && user.organizationId() != null) {
			model.addAttribute("ownOrganization", organizations.find(user.organizationId()).orElse(null));
			model.addAttribute("ownPlan", planning.plan(user, user.organizationId(), y).orElse(null));
			Map<Long, PlanningService.Report> reports = new HashMap<>();
			planning.periods(y).forEach(p -> planning.report(user, user.organizationId(), p.id())
				.ifPresent(r -> reports.put(p.id(), r)));
			model.addAttribute("ownReports", reports);
		}
		model.addAttribute("result", planning.matrix(user, y, locality, type,
				new PageResult.Request(Math.max(0, page), 50)));
		model.addAttribute("locality", locality);
		model.addAttribute("type", type);
		model.addAttribute("types", organizations.activeTypes());
		model.addAttribute("localities", planning.localitiesWithOrganizations());
		if (staff) {
			model.addAttribute("documents", directives.search(null, null, null, new PageResult.Request(0, 50)).items());
		}
		return "planning/admin/overview";
	}

	@PostMapping("/lich")
	String saveYear(@AuthenticationPrincipal DvkUser user, @RequestParam int year,
			@RequestParam(required = false) LocalDate planDeadline, @RequestParam(required = false) Long directiveId,
			RedirectAttributes redirect) {
		return act(redirect, "/quan-tri/ke-hoach?year=" + year, () -> {
			planning.saveYear(user, year, planDeadline, directiveId);
			return texts.get("planning.calendar.saved", year);
		});
	}

	@PostMapping("/lich/ky")
	String savePeriod(@AuthenticationPrincipal DvkUser user, @RequestParam int year, @RequestParam String code,
			@RequestParam String name, @RequestParam(required = false) LocalDate coversFrom,
			@RequestParam(required = false) LocalDate coversTo, @RequestParam(required = false) LocalDate deadline,
			RedirectAttributes redirect) {
		return act(redirect, "/quan-tri/ke-hoach?year=" + year, () -> {
			planning.savePeriod(user, year, code, name, coversFrom, coversTo, deadline);
			return texts.get("planning.period.saved");
		});
	}

	// --- plan -----------------------------------------------------------------------------------------------------

	@GetMapping("/{year}/don-vi/{organizationId}")
	String plan(@AuthenticationPrincipal DvkUser user, @PathVariable int year, @PathVariable long organizationId,
			Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("year", year);
		PlanningService.Calendar calendar = planning.calendar(year).orElse(null);
		model.addAttribute("calendar", calendar);
		// the provincial plan this unit's plan answers
		model.addAttribute("directive", calendar == null || calendar.directiveId() == null ? null
				: directives.get(calendar.directiveId()).orElse(null));
		model.addAttribute("organization", organizations.find(organizationId)
			.orElseThrow(() -> UserFacingException.notFound("planning.organization.notFound")));
		PlanningService.Plan plan = planning.plan(user, organizationId, year).orElse(null);
		model.addAttribute("plan", plan);
		Map<String, PlanningService.Target> targets = new HashMap<>();
		if (plan != null) {
			plan.targets().forEach(t -> targets.put(t.fieldCode(), t));
		}
		model.addAttribute("targets", targets);
		model.addAttribute("fieldNames", catalogues.names(CatalogueEntry.FIELD, locale));
		model.addAttribute("focusNames", catalogues.names(CatalogueEntry.FOCUS_AREA, locale));
		model.addAttribute("files", planning.files(user, organizationId));
		return "planning/admin/plan";
	}

	@PostMapping("/{year}/don-vi/{organizationId}")
	String savePlan(@AuthenticationPrincipal DvkUser user, @PathVariable int year, @PathVariable long organizationId,
			@RequestParam Map<String, String> form,
			@RequestParam(name = "focus", required = false) List<String> focus, Model model,
			RedirectAttributes redirect) {
		boolean submit = "submit".equals(form.get("action"));
		try {
			List<PlanningService.Target> targets = new ArrayList<>();
			for (String field : catalogues.names(CatalogueEntry.FIELD, LocaleContextHolder.getLocale()).keySet()) {
				targets.add(new PlanningService.Target(field, number(form.get("models-" + field)),
						number(form.get("exemplars-" + field)), number(form.get("replications-" + field))));
			}
			planning.savePlan(user, organizationId, year,
					new PlanningService.PlanDraft(targets, focus, form.get("narrative")), submit);
			redirect.addFlashAttribute("success", texts.get(submit ? "planning.plan.submitted" : "planning.plan.saved"));
			return "redirect:/quan-tri/ke-hoach/" + year + "/don-vi/" + organizationId;
		}
		catch (NumberFormatException | UserFacingException ex) {
			// shown again with what was typed: nothing is lost on a refusal
			model.addAttribute("failure", ex instanceof UserFacingException u ? texts.get(u)
					: texts.get("planning.target.number"));
			model.addAttribute("form", form);
			model.addAttribute("formFocus", focus == null ? List.of() : focus);
			return plan(user, year, organizationId, model);
		}
	}

	@PostMapping("/ke-hoach/{planId}/duyet")
	String reviewPlan(@AuthenticationPrincipal DvkUser user, @PathVariable long planId, @RequestParam String action,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		PlanningService.Plan p = planning.plan(user, planId);
		return act(redirect, "/quan-tri/ke-hoach/" + p.year() + "/don-vi/" + p.organizationId(), () -> {
			planning.reviewPlan(user, planId, "approve".equals(action), comment);
			return texts.get("approve".equals(action) ? "planning.review.approved" : "planning.review.returned");
		});
	}

	// --- period report --------------------------------------------------------------------------------------------

	@GetMapping("/bao-cao/{periodId}/don-vi/{organizationId}")
	String report(@AuthenticationPrincipal DvkUser user, @PathVariable long periodId, @PathVariable long organizationId,
			Model model) {
		PlanningService.Period period = planning.period(periodId);
		model.addAttribute("period", period);
		model.addAttribute("organization", organizations.find(organizationId)
			.orElseThrow(() -> UserFacingException.notFound("planning.organization.notFound")));
		PlanningService.Report report = planning.report(user, organizationId, periodId).orElse(null);
		model.addAttribute("report", report);
		Map<String, Integer> computed = planning.computedFigures(organizationId, period);
		model.addAttribute("computed", computed);
		Map<String, PlanningService.Figure> stored = new HashMap<>();
		if (report != null) {
			report.figures().forEach(f -> stored.put(PlanningService.ReportDraft.key(f.fieldCode(), f.measure()), f));
		}
		model.addAttribute("stored", stored);
		model.addAttribute("measures", PlanningService.Measure.values());
		model.addAttribute("fieldNames", catalogues.names(CatalogueEntry.FIELD, LocaleContextHolder.getLocale()));
		model.addAttribute("files", planning.files(user, organizationId));
		return "planning/admin/report";
	}

	@PostMapping("/bao-cao/{periodId}/don-vi/{organizationId}")
	String saveReport(@AuthenticationPrincipal DvkUser user, @PathVariable long periodId,
			@PathVariable long organizationId, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		boolean submit = "submit".equals(form.get("action"));
		try {
			Map<String, Integer> declared = new HashMap<>();
			Map<String, String> notes = new HashMap<>();
			for (Map.Entry<String, String> e : form.entrySet()) {
				if (e.getKey().startsWith("declared-") && e.getValue() != null && !e.getValue().isBlank()) {
					declared.put(e.getKey().substring("declared-".length()), Integer.valueOf(e.getValue().strip()));
				}
				if (e.getKey().startsWith("note-")) {
					notes.put(e.getKey().substring("note-".length()), e.getValue());
				}
			}
			planning.saveReport(user, organizationId, periodId, new PlanningService.ReportDraft(form.get("results"),
					form.get("limits"), form.get("causes"), form.get("proposals"), declared, notes), submit);
			redirect.addFlashAttribute("success", texts.get(submit ? "planning.report.submitted" : "planning.report.saved"));
			return "redirect:/quan-tri/ke-hoach/bao-cao/" + periodId + "/don-vi/" + organizationId;
		}
		catch (NumberFormatException | UserFacingException ex) {
			model.addAttribute("failure", ex instanceof UserFacingException u ? texts.get(u)
					: texts.get("planning.target.number"));
			model.addAttribute("form", form);
			return report(user, periodId, organizationId, model);
		}
	}

	@PostMapping("/bao-cao/{reportId}/duyet")
	String reviewReport(@AuthenticationPrincipal DvkUser user, @PathVariable long reportId, @RequestParam String action,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		try {
			PlanningService.Report r = planning.reviewReport(user, reportId, "approve".equals(action), comment);
			redirect.addFlashAttribute("success",
					texts.get("approve".equals(action) ? "planning.review.approved" : "planning.review.returned"));
			return "redirect:/quan-tri/ke-hoach/bao-cao/" + r.period().id() + "/don-vi/" + r.organizationId();
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
			return "redirect:/quan-tri/ke-hoach";
		}
	}

	private static int number(String value) {
		return value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
	}

	private String act(RedirectAttributes redirect, String back, java.util.function.Supplier<String> work) {
		try {
			redirect.addFlashAttribute("success", work.get());
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:" + back;
	}

}
