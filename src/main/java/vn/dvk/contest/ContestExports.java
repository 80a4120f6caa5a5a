package vn.dvk.contest;

import vn.dvk.account.Permission;

import vn.dvk.account.AccessPolicy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import vn.dvk.account.DvkUser;
import vn.dvk.documents.PdfDocuments;
import vn.dvk.system.SiteSettings;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;
import vn.dvk.documents.XlsxStream;

/**
 * The contest's documents: the results as XLSX and PDF (public once published, staff any time) and the package a
 * province forwards to a higher-level contest: the chosen entries as an XLSX list and their files, in one ZIP.
 */
@Service
public class ContestExports {

	private final AccessPolicy access;

	private final ContestService contests;

	private final PdfDocuments pdfs;

	private final SiteSettings site;

	private final JdbcClient jdbc;

	private final vn.dvk.shared.Texts texts;

	ContestExports(ContestService contests, PdfDocuments pdfs, SiteSettings site, JdbcClient jdbc, AccessPolicy access,
			vn.dvk.shared.Texts texts) {
		this.texts = texts;
		this.access = access;
		this.contests = contests;
		this.pdfs = pdfs;
		this.site = site;
		this.jdbc = jdbc;
	}

	private List<ContestService.CategoryResult> results(DvkUser user, long contestId) {
		ContestRecords.Contest c = contests.contest(contestId);
		if (!c.resultsPublic() && !access.allows(user, Permission.RUN_CONTEST)) {
			throw UserFacingException.notFound("contest.results.notPublished");
		}
		return contests.results(c);
	}

	public void resultsXlsx(DvkUser user, long contestId, OutputStream out) throws IOException {
		List<ContestService.CategoryResult> results = results(user, contestId);
		try (XlsxStream x = new XlsxStream(out, t("contest.xlsx.results"))) {
			x.headerRow(List.of(contests.contest(contestId).name()));
			x.headerRow(ts("contest.xlsx.category", "contest.xlsx.prize", "contest.xlsx.title", "contest.xlsx.authors",
					"contest.xlsx.outlet", "contest.xlsx.score", "contest.xlsx.amount", "contest.xlsx.link"));
			for (ContestService.CategoryResult cat : results) {
				for (ContestService.PrizeResult p : cat.prizes()) {
					for (ContestService.Winner w : p.winners()) {
						x.values(Arrays.asList(cat.category().name(), p.prize().name(), w.title(), w.authors(), w.outlet(),
								w.score(), p.prize().amount(), w.link()));
					}
				}
			}
		}
	}

	public void resultsPdf(DvkUser user, long contestId, OutputStream out) throws IOException {
		List<ContestService.CategoryResult> results = results(user, contestId);
		Map<String, Object> v = new HashMap<>();
		v.put("c", contests.contest(contestId));
		v.put("results", results);
		v.put("site", site);
		v.put("place", site.place());
		v.put("today", VietnameseFormats.today());
		pdfs.render("contest/pdf/results", v, Locale.forLanguageTag("vi"), out);
	}

	/** The forwarding package (staff): danh-sach.xlsx and each chosen entry's files under tep/. */
	public void forward(DvkUser user, long contestId, List<Long> entryIds, OutputStream out) throws IOException {
		if (!access.allows(user, Permission.RUN_CONTEST)) {
			throw new AccessDeniedException("contest staff");
		}
		if (entryIds == null || entryIds.isEmpty()) {
			throw UserFacingException.badRequest("contest.forward.none");
		}
		List<ContestRecords.Entry> entries = contests.entries(contestId).stream()
			.filter(e -> entryIds.contains(e.id()))
			.toList();
		if (entries.size() != new java.util.HashSet<>(entryIds).size()) {
			throw UserFacingException.badRequest("contest.forward.foreign");
		}
		ZipOutputStream zip = new ZipOutputStream(out);
		ByteArrayOutputStream list = new ByteArrayOutputStream();
		try (XlsxStream x = new XlsxStream(list, t("contest.xlsx.forwarded"))) {
			x.headerRow(List.of(t("contest.xlsx.forwardedTitle", contests.contest(contestId).name())));
			x.headerRow(ts("contest.xlsx.number", "contest.xlsx.category", "contest.xlsx.title", "contest.xlsx.penNames",
					"contest.xlsx.outlet", "contest.xlsx.publishedOn", "contest.xlsx.link", "contest.xlsx.files"));
			int n = 0;
			for (ContestRecords.Entry e : entries) {
				x.values(Arrays.asList(++n, e.category(), e.title(), e.authorsLine(), e.outlet(),
						VietnameseFormats.date(e.publishedOn()), e.link(),
						String.join("; ", e.files().stream().map(f -> fileName(e, f)).toList())));
			}
		}
		zip.putNextEntry(new ZipEntry("danh-sach.xlsx"));
		list.writeTo(zip);
		zip.closeEntry();
		for (ContestRecords.Entry e : entries) {
			for (ContestRecords.FileRef f : e.files()) {
				zip.putNextEntry(new ZipEntry("tep/" + fileName(e, f)));
				zip.write(jdbc.sql("select content from contest_entry_file where id = ?").params(f.id())
					.query((rs, i) -> rs.getBytes(1)).single());
				zip.closeEntry();
			}
		}
		zip.finish();
	}

	private static String fileName(ContestRecords.Entry e, ContestRecords.FileRef f) {
		String name = f.fileName();
		int dot = name.lastIndexOf('.');
		String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
		return e.id() + "-" + VietnameseText.slug(dot > 0 ? name.substring(0, dot) : name, 60) + ext;
	}

	private String t(String key, Object... args) {
		return texts.in(Locale.forLanguageTag("vi"), key, args);
	}

	private List<String> ts(String... keys) {
		return Arrays.stream(keys).map(this::t).toList();
	}

}
