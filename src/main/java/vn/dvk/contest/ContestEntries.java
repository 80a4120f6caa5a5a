package vn.dvk.contest;

import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Permission;
import vn.dvk.contest.ContestRecords.Author;
import vn.dvk.contest.ContestRecords.Contest;
import vn.dvk.contest.ContestRecords.Entry;
import vn.dvk.contest.ContestRecords.EntryDraft;
import vn.dvk.contest.ContestRecords.Round;
import vn.dvk.contest.ContestRecords.Stage;
import vn.dvk.contest.ContestRecords.Upload;
import vn.dvk.documents.FileContent;
import vn.dvk.judging.Judging;
import vn.dvk.registry.ModelRef;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;
import vn.dvk.system.AuditLog;

/**
 * Entries of the press contest: submitted by journalists and checked on the way in (window, category, authors,
 * the same link twice in any spelling, files by their bytes and size, the exemplars they are about), all or
 * nothing; staff check eligibility, and eligible entries go before the open preliminary round's jury; files are
 * read by staff, the entry's jurors and its submitter, and by anyone once the entry won a published prize.
 */
@Service
public class ContestEntries {

	private final JdbcClient jdbc;

	private final ContestReads reads;

	private final Judging judging;

	private final RegistryService registry;

	private final AccessPolicy access;

	private final AuditLog audit;

	ContestEntries(JdbcClient jdbc, ContestReads reads, Judging judging, RegistryService registry, AccessPolicy access,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.reads = reads;
		this.judging = judging;
		this.registry = registry;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * A journalist submits an entry: open contest, publication date within the window, a category of the contest,
	 * at least one author, a link not entered before (compared without scheme, "www.", trailing slash and tracking
	 * parameters), files that are what they claim (PDF, pictures, MP3/MP4 audio and video) within the size limit.
	 * All or nothing: a refusal saves none of it.
	 */
	@Transactional
	public Entry submit(DvkUser user, long contestId, EntryDraft d) {
		if (!access.allows(user, Permission.ENTER_CONTEST)) {
			throw new AccessDeniedException("entries are submitted by journalists");
		}
		Contest c = reads.contest(contestId);
		LocalDate today = LocalDate.now(RegistryFigures.ZONE);
		if (!c.acceptsEntries(today)) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.entry.closed",
					vn.dvk.shared.VietnameseFormats.date(c.entriesClose()));
		}
		if (c.categories().stream().noneMatch(cat -> cat.id() == d.categoryId())) {
			throw UserFacingException.field("categoryId", "contest.entry.category");
		}
		String title = clean(d.title(), 500);
		if (title == null) {
			throw UserFacingException.field("title", "contest.entry.title");
		}
		List<Author> authors = d.authors() == null ? List.of()
				: d.authors().stream().filter(a -> clean(a.fullName(), 120) != null)
					.map(a -> new Author(clean(a.fullName(), 120), clean(a.penName(), 120)))
					.toList();
		if (authors.isEmpty()) {
			throw UserFacingException.field("authors", "contest.entry.authors");
		}
		String outlet = clean(d.outlet(), 200);
		if (outlet == null) {
			throw UserFacingException.field("outlet", "contest.entry.outlet.required");
		}
		if (d.publishedOn() == null || d.publishedOn().isBefore(c.publishedFrom())
				|| d.publishedOn().isAfter(c.publishedTo())) {
			throw UserFacingException.field("publishedOn", "contest.entry.window",
					vn.dvk.shared.VietnameseFormats.date(c.publishedFrom()),
					vn.dvk.shared.VietnameseFormats.date(c.publishedTo()));
		}
		String link = clean(d.link(), 1000);
		String linkKey = link == null ? null : linkKey(link);
		List<Upload> files = d.files() == null ? List.of() : d.files().stream().filter(f -> f.bytes().length > 0).toList();
		if (link == null && files.isEmpty()) {
			throw UserFacingException.field("link", "contest.entry.linkOrFile");
		}
		for (Upload f : files) {
			checkFile(f, c.maxFileMb());
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into contest_entry (contest_id, category_id, title, outlet, outlet_folded, published_on, link, "
					+ "link_key, summary, status, submitted_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)")
				.params(contestId, d.categoryId(), title, outlet, VietnameseText.fold(outlet), Date.valueOf(d.publishedOn()),
						link, linkKey, clean(d.summary(), 4000), user.id(), Timestamp.from(Instant.now()))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.entry.duplicate", link);
		}
		long id = keys.getKey().longValue();
		for (int i = 0; i < authors.size(); i++) {
			jdbc.sql("insert into contest_entry_author (entry_id, position, full_name, name_folded, pen_name) values "
					+ "(?, ?, ?, ?, ?)")
				.params(id, i, authors.get(i).fullName(), VietnameseText.fold(authors.get(i).fullName()),
						authors.get(i).penName())
				.update();
		}
		java.util.Set<Long> about = new java.util.LinkedHashSet<>(d.modelIds() == null ? List.<Long>of() : d.modelIds());
		java.util.Map<Long, ModelRef> models = registry.refs(about);
		for (Long model : about) {
			if (!models.containsKey(model) || !models.get(model).recognized()) {
				throw UserFacingException.field("modelIds", "contest.entry.model");
			}
			jdbc.sql("insert into contest_entry_model (entry_id, model_id) values (?, ?)").params(id, model).update();
		}
		for (Upload f : files) {
			jdbc.sql("insert into contest_entry_file (entry_id, file_name, content_type, size_bytes, content) values "
					+ "(?, ?, ?, ?, ?)")
				.params(id, cut(f.fileName() == null ? "tep" : f.fileName(), 255), kind(f.bytes()), f.bytes().length,
						f.bytes())
				.update();
		}
		audit.record("contest.entry", "contest_entry", id, title);
		return reads.entry(id);
	}

	/** Staff check an entry's eligibility (ineligible needs a reason). Eligible entries join an open preliminary round. */
	@Transactional
	public void checkEligibility(DvkUser user, long entryId, boolean eligible, String reason) {
		access.require(user, Permission.RUN_CONTEST);
		Entry e = reads.entry(entryId);
		String why = clean(reason, 1000);
		if (!eligible && why == null) {
			throw UserFacingException.field("reason", "contest.eligibility.reason");
		}
		if (e.stage() != null && !eligible) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.eligibility.judged");
		}
		jdbc.sql("update contest_entry set status = ?, ineligible_reason = ? where id = ?")
			.params(eligible ? "ELIGIBLE" : "INELIGIBLE", eligible ? null : why, entryId)
			.update();
		if (eligible) {
			reads.rounds(e.contestId()).stream().filter(r -> r.stage() == Stage.PRELIMINARY && r.open())
				.forEach(r -> judging.addSubjects(r.panelId(), List.of(entryId)));
		}
		else {
			judging.withdrawSubject(ContestService.KIND, entryId);
		}
		audit.record("contest.eligibility", "contest_entry", entryId, eligible ? "eligible" : "ineligible: " + why);
	}

	static String linkKey(String link) {
		String l = link.strip();
		try {
			URI u = URI.create(l.contains("://") ? l : "https://" + l);
			if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
				throw new IllegalArgumentException("not a web address");
			}
			String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
			String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
			String query = u.getRawQuery() == null ? "" : java.util.Arrays.stream(u.getRawQuery().split("&"))
				.filter(p -> !p.toLowerCase(Locale.ROOT).startsWith("utm_") && !p.startsWith("fbclid="))
				.sorted()
				.collect(Collectors.joining("&"));
			return host + path + (query.isEmpty() ? "" : "?" + query);
		}
		catch (IllegalArgumentException ex) {
			throw UserFacingException.field("link", "contest.entry.link.invalid", link);
		}
	}

	/** What a file really is, judged by its bytes: PDF, pictures, MP3 audio or MP4 video. */
	static String kind(byte[] b) {
		FileContent c = FileContent.detect(b);
		switch (c) {
			case PDF:
				return "application/pdf";
			case JPEG:
				return "image/jpeg";
			case PNG:
				return "image/png";
			case WEBP:
				return "image/webp";
			default:
				break;
		}
		if (b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
			return "video/mp4";
		}
		if (b.length > 3 && ((b[0] == 'I' && b[1] == 'D' && b[2] == '3') || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0))) {
			return "audio/mpeg";
		}
		return null;
	}

	private static void checkFile(Upload f, int maxMb) {
		String actual = kind(f.bytes());
		if (actual == null) {
			throw UserFacingException.field("files", "contest.file.type", f.fileName());
		}
		String claimed = f.claimedType() == null ? "" : f.claimedType().toLowerCase(Locale.ROOT);
		String extension = f.fileName() == null ? "" : f.fileName().toLowerCase(Locale.ROOT);
		boolean claimsOther = (!claimed.isEmpty() && !claimed.equals("application/octet-stream")
				&& !claimed.split("/")[0].equals(actual.split("/")[0]) && !claimed.equals(actual))
				|| (extension.endsWith(".pdf") && !actual.equals("application/pdf"))
				|| ((extension.endsWith(".jpg") || extension.endsWith(".jpeg") || extension.endsWith(".png"))
						&& !actual.startsWith("image/"))
				|| (extension.endsWith(".mp3") && !actual.equals("audio/mpeg"))
				|| (extension.endsWith(".mp4") && !actual.equals("video/mp4"));
		if (claimsOther) {
			throw UserFacingException.field("files", "contest.file.mismatch", f.fileName());
		}
		if (f.bytes().length > maxMb * 1024L * 1024L) {
			throw UserFacingException.field("files", "contest.file.size", f.fileName(), maxMb);
		}
	}

	/** A file of an entry: staff, the entry's jury and its submitter; anyone once the entry won a published prize. */
	public byte[] file(DvkUser user, long fileId) {
		record F(long entry, byte[] bytes) {
		}
		F f = jdbc.sql("select entry_id, content from contest_entry_file where id = ?").params(fileId)
			.query((rs, n) -> new F(rs.getLong(1), rs.getBytes(2))).optional()
			.orElseThrow(() -> UserFacingException.notFound("contest.entry.notFound"));
		Entry e = reads.entry(f.entry());
		boolean publicPrize = e.prizeId() != null && reads.contest(e.contestId()).resultsPublic();
		boolean juror = judging.judges(user, ContestService.KIND, e.id());
		if (!publicPrize && !access.allows(user, Permission.RUN_CONTEST) && !juror && (user == null || user.id() != e.submittedBy())) {
			throw new AccessDeniedException("entry file");
		}
		return f.bytes();
	}



	static String clean(String text, int max) {
		if (text == null) {
			return null;
		}
		String t = VietnameseText.clean(text);
		return VietnameseText.isBlank(t) ? null : cut(t, max);
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

}
