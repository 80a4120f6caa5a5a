package vn.dvk.planning.web.admin;

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

import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.UserView;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.planning.InspectionService;
import vn.dvk.planning.PlanningService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** Inspections: planning one, recording findings and follow-up items, the inspected unit's answers. */
@Controller
@RequestMapping("/quan-tri/kiem-tra")
class InspectionAdminController {

	private final InspectionService inspections;

	private final OrganizationService organizations;

	private final AccountService accounts;

	private final Texts texts;

	InspectionAdminController(InspectionService inspections, OrganizationService organizations,
			AccountService accounts, Texts texts) {
		this.inspections = inspections;
		this.organizations = organizations;
		this.accounts = accounts;
		this.texts = texts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal DvkUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", inspections.list(user, new PageResult.Request(Math.max(0, page), 20)));
		model.addAttribute("today", LocalDate.now(vn.dvk.registry.RegistryFigures.ZONE));
		return "planning/admin/inspections";
	}

	@PostMapping
	String create(@AuthenticationPrincipal DvkUser user, @RequestParam String title,
			@RequestParam(required = false) String content, @RequestParam(required = false) LocalDate plannedOn,
			@RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String units,
			RedirectAttributes redirect) {
		try {
			List<Long> members = new ArrayList<>();
			Long leader = null;
			for (String name : team.split("[,;\\s]+")) {
				if (name.isBlank()) {
					continue;
				}
				UserView u = accounts.findByUsername(name.strip())
					.orElseThrow(() -> UserFacingException.field("team", "planning.inspection.unknownUser", name.strip()));
				members.add(u.id());
				leader = leader == null ? u.id() : leader;
			}
			List<Long> orgs = new ArrayList<>();
			for (String line : units.split("\\R")) {
				if (line.isBlank()) {
					continue;
				}
				// the exact name (without regard to case or diacritics), never a look-alike
				var found = organizations.findByFoldedNames(List.of(vn.dvk.shared.VietnameseText.fold(line.strip())))
					.stream()
					.filter(o -> o.active())
					.toList();
				if (found.isEmpty()) {
					throw UserFacingException.field("units", "planning.inspection.unknownUnit", line.strip());
				}
				if (found.size() > 1) {
					throw UserFacingException.field("units", "planning.inspection.ambiguousUnit", line.strip(), found.size());
				}
				orgs.add(found.get(0).id());
			}
			InspectionService.Inspection i = inspections.create(user, title, content, plannedOn, members, leader, orgs);
			redirect.addFlashAttribute("success", texts.get("planning.inspection.created"));
			return "redirect:/quan-tri/kiem-tra/" + i.id();
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
			return "redirect:/quan-tri/kiem-tra";
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal DvkUser user, @PathVariable long id, Model model) {
		model.addAttribute("i", inspections.get(user, id));
		model.addAttribute("team", inspections.onTeam(user, id));
		model.addAttribute("own", user.organizationId());
		model.addAttribute("today", LocalDate.now(vn.dvk.registry.RegistryFigures.ZONE));
		return "planning/admin/inspection";
	}

	@PostMapping("/{id}/ket-luan")
	String record(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam long organizationId,
			@RequestParam(required = false) String findings, @RequestParam(required = false) String recommendations,
			RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			inspections.record(user, id, organizationId, findings, recommendations);
			return texts.get("planning.inspection.recorded");
		});
	}

	@PostMapping("/{id}/viec")
	String addItem(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam long organizationId,
			@RequestParam(required = false) String description, @RequestParam(required = false) LocalDate dueOn,
			RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			inspections.addItem(user, id, organizationId, description, dueOn);
			return texts.get("planning.inspection.itemAdded");
		});
	}

	@PostMapping("/{id}/phan-hoi")
	String answer(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) String answer, RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			inspections.answer(user, id, answer);
			return texts.get("planning.inspection.answered");
		});
	}

	@PostMapping("/{id}/viec/{item}")
	String closeItem(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long item,
			@RequestParam(required = false) String response, RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			inspections.closeItem(user, item, response);
			return texts.get("planning.inspection.itemClosed.done");
		});
	}

	private String act(RedirectAttributes redirect, long id, java.util.function.Supplier<String> work) {
		try {
			redirect.addFlashAttribute("success", work.get());
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/kiem-tra/" + id;
	}

}
