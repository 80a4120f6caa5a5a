package vn.dvk.planning.web.admin;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.planning.MonitoringService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** The lagging units with their reasons, reminders one by one or in bulk, and the history of reminders. */
@Controller
@RequestMapping("/quan-tri/don-doc")
class MonitoringAdminController {

	private final MonitoringService monitoring;

	private final Texts texts;

	MonitoringAdminController(MonitoringService monitoring, Texts texts) {
		this.monitoring = monitoring;
		this.texts = texts;
	}

	@GetMapping
	String lagging(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) MonitoringService.Reason reason, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int y = year == null ? LocalDate.now(vn.dvk.registry.RegistryFigures.ZONE).getYear() : year;
		List<MonitoringService.LaggingUnit> all = monitoring.lagging(user, y);
		List<MonitoringService.LaggingUnit> shown = reason == null ? all
				: all.stream().filter(u -> u.findings().stream().anyMatch(f -> f.reason() == reason)).toList();
		int size = 100;
		int from = Math.min(Math.max(0, page) * size, shown.size());
		model.addAttribute("result", new PageResult<>(shown.subList(from, Math.min(from + size, shown.size())),
				shown.size(), Math.max(0, page), size));
		model.addAttribute("year", y);
		model.addAttribute("reason", reason);
		model.addAttribute("reasons", monitoring.enabledReasons());
		model.addAttribute("counts", java.util.Arrays.stream(MonitoringService.Reason.values())
			.collect(java.util.stream.Collectors.toMap(r -> r, r -> all.stream()
				.filter(u -> u.findings().stream().anyMatch(f -> f.reason() == r))
				.count())));
		model.addAttribute("staleMonths", monitoring.staleMonths());
		model.addAttribute("history", monitoring.history(user, null, new PageResult.Request(0, 10)).items());
		return "planning/admin/lagging";
	}

	@PostMapping
	String remind(@AuthenticationPrincipal DvkUser user, @RequestParam(name = "organization", required = false) List<Long> organizations,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String message,
			@RequestParam(required = false) Integer year, RedirectAttributes redirect) {
		try {
			int people = monitoring.remind(user, organizations, reason, message);
			redirect.addFlashAttribute("success", texts.get("planning.remind.sent", organizations.size(), people));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/don-doc" + (year == null ? "" : "?year=" + year);
	}

	@GetMapping("/lich-su")
	String history(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) Long organization,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", monitoring.history(user, organization, new PageResult.Request(Math.max(0, page), 50)));
		model.addAttribute("organization", organization);
		return "planning/admin/reminders";
	}

}
