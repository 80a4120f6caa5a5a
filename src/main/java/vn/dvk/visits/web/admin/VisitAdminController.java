package vn.dvk.visits.web.admin;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.visits.VisitorSnapshot;
import vn.dvk.visits.VisitorStatistics;

/** Visits and page views per day: chart, table, CSV, and the starting figure of the total. */
@Controller
@RequestMapping("/quan-tri/thong-ke-truy-cap")
class VisitAdminController {

	private final VisitorStatistics statistics;

	private final Texts texts;

	VisitAdminController(VisitorStatistics statistics, Texts texts) {
		this.statistics = statistics;
		this.texts = texts;
	}

	@GetMapping
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Model model) {
		LocalDate end = to != null ? to : VietnameseFormats.today();
		LocalDate start = from != null ? from : end.minusDays(29);
		List<VisitorSnapshot.Day> days;
		try {
			days = statistics.history(start, end);
		}
		catch (UserFacingException ex) {
			model.addAttribute("rangeError", texts.get(ex));
			end = VietnameseFormats.today();
			start = end.minusDays(29);
			days = statistics.history(start, end);
		}
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("days", days);
		// For the chart script (no inline script under the CSP): plain lists in data attributes.
		model.addAttribute("chartLabels",
				String.join("|", days.stream().map(d -> VietnameseFormats.date(d.date())).toList()));
		model.addAttribute("chartVisits",
				String.join(",", days.stream().map(d -> Long.toString(d.visits())).toList()));
		model.addAttribute("chartPageViews",
				String.join(",", days.stream().map(d -> Long.toString(d.pageViews())).toList()));
		model.addAttribute("sumVisits", days.stream().mapToLong(VisitorSnapshot.Day::visits).sum());
		model.addAttribute("sumPageViews", days.stream().mapToLong(VisitorSnapshot.Day::pageViews).sum());
		model.addAttribute("snapshot", statistics.snapshot());
		model.addAttribute("startingTotal", statistics.startingTotal());
		return "visits/admin/stats";
	}

	@GetMapping(path = "/csv")
	void csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
			throws IOException {
		List<VisitorSnapshot.Day> days = statistics.history(from, to);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"thong-ke-truy-cap-" + from + "-" + to + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		out.write(texts.get("visits.csv.header") + "\r\n");
		for (VisitorSnapshot.Day d : days) {
			out.write(d.date() + "," + d.visits() + "," + d.pageViews() + "\r\n");
		}
		out.flush();
	}

	@PostMapping("/moc-ban-dau")
	String setStartingTotal(@RequestParam String startingTotal, RedirectAttributes redirect) {
		try {
			statistics.setStartingTotal(startingTotal);
			redirect.addFlashAttribute("success", texts.get("visits.startingTotal.saved"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/thong-ke-truy-cap";
	}

}
