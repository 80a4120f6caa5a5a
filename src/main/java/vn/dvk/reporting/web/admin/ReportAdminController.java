package vn.dvk.reporting.web.admin;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dvk.account.DvkUser;
import vn.dvk.planning.PlanningService;
import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.reporting.ReportExports;
import vn.dvk.reporting.ReportService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** The dashboard and the summary report pages, with the report's XLSX and PDF. */
@Controller
class ReportAdminController {

	private final ReportService reports;

	private final ReportExports exports;

	private final Catalogues catalogues;

	private final PlanningService planning;

	private final Texts texts;

	ReportAdminController(ReportService reports, ReportExports exports, Catalogues catalogues, PlanningService planning,
			Texts texts) {
		this.reports = reports;
		this.exports = exports;
		this.catalogues = catalogues;
		this.planning = planning;
		this.texts = texts;
	}

	@GetMapping("/quan-tri/bang-dieu-khien")
	String dashboard(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String phase, @RequestParam(required = false) String field,
			@RequestParam(required = false) Long locality, @RequestParam(defaultValue = "registered") String sort,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		int y = year == null ? LocalDate.now(RegistryFigures.ZONE).getYear() : year;
		ReportService.Dashboard d = reports.dashboard(user, new ReportService.DashboardFilter(y, phase, field, locality),
				locale);
		model.addAttribute("d", d);
		model.addAttribute("year", y);
		model.addAttribute("phase", phase);
		model.addAttribute("field", field);
		model.addAttribute("locality", locality);
		model.addAttribute("years", reports.years());
		model.addAttribute("phases", reports.phases());
		model.addAttribute("fieldNames", catalogues.names(CatalogueEntry.FIELD, locale));
		model.addAttribute("localities", planning.localitiesWithOrganizations());
		// the commune table: sorted by the chosen figure, a page at a time, with a heat scale against the largest
		Comparator<ReportService.Row> order = switch (sort) {
			case "recognized" -> Comparator.comparingLong(ReportService.Row::recognized);
			case "replicated" -> Comparator.comparingLong(ReportService.Row::replicated);
			case "commended" -> Comparator.comparingLong(ReportService.Row::commended);
			default -> Comparator.comparingLong(ReportService.Row::registered);
		};
		List<ReportService.Row> communes = d.byLocality().rows().stream().sorted(order.reversed()).toList();
		int size = 25;
		int from = Math.min(Math.max(0, page) * size, communes.size());
		List<ReportService.Row> shown = communes.subList(from, Math.min(from + size, communes.size()));
		model.addAttribute("communes", new PageResult<>(shown, communes.size(), Math.max(0, page), size));
		model.addAttribute("sort", sort);
		model.addAttribute("maxRegistered", communes.stream().mapToLong(ReportService.Row::registered).max().orElse(0));
		model.addAttribute("codes", reports.localityCodes(shown.stream().map(ReportService.Row::key).toList()));
		model.addAttribute("maxField", d.byField().rows().stream().mapToLong(ReportService.Row::registered).max().orElse(0));
		model.addAttribute("maxMonth", d.byMonth().values().stream().mapToLong(RegistryFigures.Figures::registered).max().orElse(0));
		return "reporting/admin/dashboard";
	}

	@GetMapping("/quan-tri/bao-cao")
	String report(@AuthenticationPrincipal DvkUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String groupBy, Locale locale, Model model) {
		LocalDate f = from == null ? LocalDate.of(LocalDate.now(RegistryFigures.ZONE).getYear(), 1, 1) : from;
		LocalDate t = to == null ? LocalDate.of(f.getYear(), 12, 31) : to;
		model.addAttribute("from", f);
		model.addAttribute("to", t);
		try {
			ReportService.GroupBy g = ReportService.GroupBy.parse(groupBy);
			model.addAttribute("groupBy", g.apiName());
			model.addAttribute("summary", reports.summary(user, f, t, g, locale));
		}
		catch (UserFacingException ex) {
			model.addAttribute("groupBy", "field");
			model.addAttribute("failure", texts.get(ex));
		}
		return "reporting/admin/report";
	}

	@GetMapping("/quan-tri/bao-cao/tong-hop.{format:xlsx|pdf}")
	void export(@AuthenticationPrincipal DvkUser user, @PathVariable String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws java.io.IOException {
		LocalDate f = from == null ? LocalDate.of(LocalDate.now(RegistryFigures.ZONE).getYear(), 1, 1) : from;
		LocalDate t = to == null ? LocalDate.of(f.getYear(), 12, 31) : to;
		if (t.isBefore(f)) {
			throw UserFacingException.field("to", "reporting.range.order");
		}
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		if ("xlsx".equals(format)) {
			exports.xlsx(user, f, t, body);
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		}
		else {
			exports.pdf(user, f, t, body);
			response.setContentType("application/pdf");
		}
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"bao-cao-tong-hop-" + f + "-" + t + "." + format + "\"");
		response.setContentLength(body.size());
		body.writeTo(response.getOutputStream());
	}

}
