package vn.dvk.reporting.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvk.account.DvkUser;
import vn.dvk.reporting.OpenData;
import vn.dvk.reporting.ReportExports;
import vn.dvk.reporting.ReportService;

/** The summary report and the dashboard's figures (staff and officers, in their scope) and the open data (public). */
@RestController
@RequestMapping("/api/v1")
class ReportApiController {

	private final ReportService reports;

	private final ReportExports exports;

	private final OpenData openData;

	ReportApiController(ReportService reports, ReportExports exports, OpenData openData) {
		this.reports = reports;
		this.exports = exports;
		this.openData = openData;
	}

	/**
	 * {@code {"from","to","groupBy","rows":[{"key","label","registered","recognized","replicated","commended"}],
	 * "totals":{…}}}. Dates are days in Vietnam time, both included; totals count each model once.
	 */
	@GetMapping("/reports/summary")
	Map<String, Object> summary(@AuthenticationPrincipal DvkUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String groupBy) {
		ReportService.GroupBy g = ReportService.GroupBy.parse(groupBy);
		LocalDate f = from == null ? LocalDate.of(LocalDate.now().getYear(), 1, 1) : from;
		LocalDate t = to == null ? LocalDate.of(f.getYear(), 12, 31) : to;
		ReportService.Summary s = reports.summary(user, f, t, g, LocaleContextHolder.getLocale());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("from", s.from().toString());
		body.put("to", s.to().toString());
		body.put("groupBy", g.apiName());
		body.put("rows", s.rows().stream().map(ReportApiController::row).toList());
		body.put("totals", totals(s.totals()));
		return body;
	}

	@GetMapping("/reports/summary.xlsx")
	void summaryXlsx(@AuthenticationPrincipal DvkUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		LocalDate f = from == null ? LocalDate.of(LocalDate.now().getYear(), 1, 1) : from;
		LocalDate t = to == null ? LocalDate.of(f.getYear(), 12, 31) : to;
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		exports.xlsx(user, f, t, body);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"bao-cao-tong-hop-" + f + "-" + t + ".xlsx\"");
		response.setContentLength(body.size());
		body.writeTo(response.getOutputStream());
	}

	/** The dashboard's figures for a year, with optional phase, field and locality filters. */
	@GetMapping("/reports/dashboard")
	Map<String, Object> dashboard(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String phase, @RequestParam(required = false) String field,
			@RequestParam(required = false) Long locality) {
		int y = year == null ? LocalDate.now(vn.dvk.registry.RegistryFigures.ZONE).getYear() : year;
		ReportService.Dashboard d = reports.dashboard(user, new ReportService.DashboardFilter(y, phase, field, locality),
				LocaleContextHolder.getLocale());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("year", y);
		body.put("kpis", d.kpis());
		body.put("byField", d.byField().rows().stream().map(ReportApiController::row).toList());
		body.put("byMonth", d.byMonth());
		body.put("byLocality", d.byLocality().rows().stream().map(ReportApiController::row).toList());
		return body;
	}

	/** Recognized models and exemplars, public ones only: {@code {"items":[…]}}. */
	@GetMapping("/open-data/models")
	Map<String, Object> openModels() {
		List<OpenData.Item> items = openData.recognizedModels();
		return Map.of("count", items.size(), "items", items);
	}

	/** The same as CSV. */
	@GetMapping("/open-data/models.csv")
	void openModelsCsv(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mo-hinh-duoc-cong-nhan.csv\"");
		openData.csv(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
	}

	static Map<String, Object> row(ReportService.Row r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("key", r.key());
		m.put("label", r.label());
		m.put("registered", r.registered());
		m.put("recognized", r.recognized());
		m.put("replicated", r.replicated());
		m.put("commended", r.commended());
		return m;
	}

	static Map<String, Object> totals(ReportService.Row r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("registered", r.registered());
		m.put("recognized", r.recognized());
		m.put("replicated", r.replicated());
		m.put("commended", r.commended());
		return m;
	}

}
