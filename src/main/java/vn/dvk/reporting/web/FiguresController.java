package vn.dvk.reporting.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.dvk.registry.RegistryFigures;
import vn.dvk.reporting.ReportService;

/** The movement's figures for citizens (Số liệu): this year and the whole phase by field, and the open data. */
@Controller
class FiguresController {

	private final ReportService reports;

	FiguresController(ReportService reports) {
		this.reports = reports;
	}

	@GetMapping("/so-lieu")
	String figures(Locale locale, Model model) {
		LocalDate today = LocalDate.now(RegistryFigures.ZONE);
		model.addAttribute("year", today.getYear());
		model.addAttribute("thisYear", reports.publicSummary(LocalDate.of(today.getYear(), 1, 1), today, locale));
		model.addAttribute("phase", reports.publicSummary(LocalDate.of(2021, 1, 1), today, locale));
		return "reporting/figures";
	}

}
