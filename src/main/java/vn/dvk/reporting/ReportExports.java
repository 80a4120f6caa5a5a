package vn.dvk.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.dvk.account.DvkUser;
import vn.dvk.planning.MonitoringService;
import vn.dvk.registry.RecognitionLevel;
import vn.dvk.documents.PdfDocuments;
import vn.dvk.system.SiteSettings;
import vn.dvk.shared.Texts;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.documents.XlsxStream;

/**
 * The period summary report in the layout offices use: by field (with recognitions per level), by locality, by
 * focus area (where the movement says to concentrate) and by organization, then the lagging units; as XLSX (one
 * sheet, section after section, numbers as numbers) and as an A4 PDF in Vietnamese.
 */
@Service
public class ReportExports {

	static final Locale VI = Locale.forLanguageTag("vi");

	private final ReportService reports;

	private final MonitoringService monitoring;

	private final PdfDocuments pdfs;

	private final SiteSettings site;

	private final Texts texts;

	ReportExports(ReportService reports, MonitoringService monitoring, PdfDocuments pdfs, SiteSettings site,
			Texts texts) {
		this.texts = texts;
		this.reports = reports;
		this.monitoring = monitoring;
		this.pdfs = pdfs;
		this.site = site;
	}

	/** Everything the report shows, computed once for both formats. */
	public record Content(LocalDate from, LocalDate to, ReportService.Summary byField,
			Map<String, Map<RecognitionLevel, Long>> levels, ReportService.Summary byLocality,
			ReportService.Summary byFocusArea, ReportService.Summary byOrganization,
			List<MonitoringService.LaggingUnit> lagging) {
	}

	public Content content(DvkUser user, LocalDate from, LocalDate to) {
		List<MonitoringService.LaggingUnit> lagging = reports.canSeeLagging(user)
				? monitoring.lagging(user, to.getYear()) : List.of();
		return new Content(from, to, reports.summary(user, from, to, ReportService.GroupBy.FIELD, VI),
				reports.recognizedByLevel(user, from, to, ReportService.GroupBy.FIELD),
				reports.summary(user, from, to, ReportService.GroupBy.LOCALITY, VI),
				reports.summary(user, from, to, ReportService.GroupBy.FOCUS_AREA, VI),
				reports.summary(user, from, to, ReportService.GroupBy.ORGANIZATION, VI), lagging);
	}

	public void xlsx(DvkUser user, LocalDate from, LocalDate to, OutputStream out) throws IOException {
		Content c = content(user, from, to);
		try (XlsxStream x = new XlsxStream(out, t("reporting.report.title"))) {
			x.headerRow(List.of(t("reporting.xlsx.heading")));
			x.row(List.of(site.name(), t("reporting.report.caption", VietnameseFormats.date(from), VietnameseFormats.date(to))));
			x.row(List.of());
			x.headerRow(List.of(t("reporting.xlsx.byField")));
			x.headerRow(List.of(t("reporting.xlsx.field"), t("reporting.col.registered"), t("reporting.col.recognized"),
					t("reporting.xlsx.level.COMMUNE"), t("reporting.xlsx.level.PROVINCE"), t("reporting.xlsx.level.CENTRAL"),
					t("reporting.col.replicated"), t("reporting.col.commended")));
			for (ReportService.Row r : c.byField().rows()) {
				Map<RecognitionLevel, Long> l = c.levels().getOrDefault(r.key(), Map.of());
				x.values(List.of(r.label(), r.registered(), r.recognized(), l.getOrDefault(RecognitionLevel.COMMUNE, 0L),
						l.getOrDefault(RecognitionLevel.PROVINCE, 0L), l.getOrDefault(RecognitionLevel.CENTRAL, 0L),
						r.replicated(), r.commended()));
			}
			total(x, c.byField().totals(), true);
			section(x, t("reporting.xlsx.byLocality"), t("reporting.xlsx.locality"), c.byLocality());
			section(x, t("reporting.xlsx.byFocusArea"), t("reporting.xlsx.focusArea"), c.byFocusArea());
			section(x, t("reporting.xlsx.byOrganization"), t("reporting.xlsx.organization"), c.byOrganization());
			if (reports.canSeeLagging(user)) {
				x.row(List.of());
				x.headerRow(List.of(t("reporting.xlsx.lagging", to.getYear())));
				x.headerRow(List.of(t("reporting.xlsx.organization"), t("reporting.xlsx.area"), t("planning.lagging.reasons")));
				for (MonitoringService.LaggingUnit u : c.lagging()) {
					x.values(List.of(u.name(), u.locality(), reasons(texts, u)));
				}
			}
		}
	}

	public void pdf(DvkUser user, LocalDate from, LocalDate to, OutputStream out) throws IOException {
		Content full = content(user, from, to);
		// Long tables (thousands of communes or organizations) stay whole in the XLSX; the PDF keeps the most active.
		Content c = new Content(full.from(), full.to(), full.byField(), full.levels(), top(full.byLocality()),
				full.byFocusArea(), top(full.byOrganization()), full.lagging());
		Map<String, Object> v = new HashMap<>();
		Map<String, Map<String, Long>> levels = new HashMap<>();
		full.levels().forEach((key, byLevel) -> byLevel.forEach((level, n) -> levels
			.computeIfAbsent(key, k -> new HashMap<>())
			.put(level.name(), n)));
		v.put("levels", levels);
		v.put("cut", PDF_ROWS);
		v.put("cutLocalities", full.byLocality().rows().size() > PDF_ROWS);
		v.put("cutOrganizations", full.byOrganization().rows().size() > PDF_ROWS);
		v.put("c", c);
		v.put("site", site);
		v.put("place", site.place());
		v.put("today", LocalDate.now(vn.dvk.registry.RegistryFigures.ZONE));
		v.put("showLagging", reports.canSeeLagging(user));
		List<String[]> lagging = new ArrayList<>();
		c.lagging().forEach(u -> lagging.add(new String[] { u.name(), u.locality(), reasons(texts, u) }));
		v.put("laggingRows", lagging);
		pdfs.render("reporting/pdf/summary", v, VI, out);
	}

	static final int PDF_ROWS = 200;

	private static ReportService.Summary top(ReportService.Summary s) {
		if (s.rows().size() <= PDF_ROWS) {
			return s;
		}
		List<ReportService.Row> rows = s.rows()
			.stream()
			.sorted(java.util.Comparator.comparingLong(ReportService.Row::registered).reversed())
			.limit(PDF_ROWS)
			.toList();
		return new ReportService.Summary(s.from(), s.to(), s.groupBy(), rows, s.totals());
	}

	private void section(XlsxStream x, String title, String column, ReportService.Summary s) throws IOException {
		x.row(List.of());
		x.headerRow(List.of(title));
		x.headerRow(List.of(column, t("reporting.col.registered"), t("reporting.col.recognized"),
				t("reporting.col.replicated"), t("reporting.col.commended")));
		for (ReportService.Row r : s.rows()) {
			x.values(List.of(r.label(), r.registered(), r.recognized(), r.replicated(), r.commended()));
		}
		total(x, s.totals(), false);
	}

	private void total(XlsxStream x, ReportService.Row t, boolean levels) throws IOException {
		if (levels) {
			x.values(List.of(t("reporting.total"), t.registered(), t.recognized(), "", "", "",
					t.replicated(), t.commended()));
		}
		else {
			x.values(List.of(t("reporting.total"), t.registered(), t.recognized(), t.replicated(),
					t.commended()));
		}
	}

	/** The reasons in Vietnamese, as the office reads them. */
	static String reasons(Texts texts, MonitoringService.LaggingUnit u) {
		List<String> out = new ArrayList<>();
		for (MonitoringService.Finding f : u.findings()) {
			out.add(texts.in(VI, "reporting.xlsx.reason." + f.reason().name(), f.detail()));
		}
		return String.join("; ", out);
	}

	private String t(String key, Object... args) {
		return texts.in(VI, key, args);
	}

}
