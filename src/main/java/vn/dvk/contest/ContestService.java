package vn.dvk.contest;

import vn.dvk.account.Permission;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.AccountService;

import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.contest.ContestRecords.Author;
import vn.dvk.contest.ContestRecords.Category;
import vn.dvk.contest.ContestRecords.Contest;
import vn.dvk.contest.ContestRecords.Entry;
import vn.dvk.contest.ContestRecords.EntryDraft;
import vn.dvk.contest.ContestRecords.EntryStatus;
import vn.dvk.contest.ContestRecords.FileRef;
import vn.dvk.contest.ContestRecords.Prize;
import vn.dvk.contest.ContestRecords.ResultLine;
import vn.dvk.contest.ContestRecords.Round;
import vn.dvk.contest.ContestRecords.Stage;
import vn.dvk.contest.ContestRecords.Status;
import vn.dvk.contest.ContestRecords.Upload;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.judging.Aggregation;
import vn.dvk.judging.ConflictKind;
import vn.dvk.judging.Rubrics;
import vn.dvk.shared.AfterCommit;
import vn.dvk.system.AuditLog;
import vn.dvk.documents.FileContent;
import vn.dvk.system.PublicContentChanged;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/**
 * The press contest: set-up (categories, prizes, rounds with jury and rubric), entries (checked on the way in and
 * for eligibility), judging (conflicts, sheets, the scoring module's aggregations, ties broken by the mean and then
 * the earlier entry), advancement to the final, prizes within their quotas and publication.
 */
@Service
public class ContestService {

	private final AccountService accounts;

	private final AccessPolicy access;

	private final JdbcClient jdbc;

	private final Rubrics rubrics;

	private final AuditLog audit;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final vn.dvk.judging.ScoreSheets sheetStore;

	ContestService(JdbcClient jdbc, Rubrics rubrics, AuditLog audit,
			org.springframework.context.ApplicationEventPublisher events, AccessPolicy access, AccountService accounts) {
		this.accounts = accounts;
		this.access = access;
		this.jdbc = jdbc;
		this.sheetStore = new vn.dvk.judging.ScoreSheets(jdbc, "contest_score", "contest_sheet", "entry_id");
		this.rubrics = rubrics;
		this.audit = audit;
		this.events = events;
	}

	// --- set-up ---------------------------------------------------------------------------------------------------

	/** A new contest (staff); each prize line is "category | code | name | places | amount". */
	@Transactional
	public Contest create(DvkUser user, String name, String rules, String phase, LocalDate publishedFrom,
			LocalDate publishedTo, LocalDate entriesClose, int maxFileMb, List<String> categories,
			List<String[]> prizes) {
		access.require(user, Permission.RUN_CONTEST);
		String n = clean(name, 300);
		if (n == null) {
			throw UserFacingException.field("name", "contest.name.required");
		}
		if (publishedFrom == null || publishedTo == null || publishedTo.isBefore(publishedFrom) || entriesClose == null) {
			throw UserFacingException.field("publishedFrom", "contest.window.invalid");
		}
		if (maxFileMb < 1 || maxFileMb > 100) {
			throw UserFacingException.field("maxFileMb", "contest.maxFile.invalid");
		}
		List<String> cats = categories == null ? List.of()
				: categories.stream().map(c -> clean(c, 120)).filter(java.util.Objects::nonNull).distinct().toList();
		if (cats.isEmpty()) {
			throw UserFacingException.field("categories", "contest.categories.required");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into contest (name, rules, phase, published_from, published_to, entries_close, max_file_mb, "
				+ "status, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")
			.params(n, clean(rules, 20_000), clean(phase, 60), Date.valueOf(publishedFrom), Date.valueOf(publishedTo),
					Date.valueOf(entriesClose), maxFileMb, Timestamp.from(Instant.now()), user.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		Map<String, Long> categoryIds = new HashMap<>();
		for (int i = 0; i < cats.size(); i++) {
			GeneratedKeyHolder k = new GeneratedKeyHolder();
			jdbc.sql("insert into contest_category (contest_id, name, position) values (?, ?, ?)")
				.params(id, cats.get(i), i)
				.update(k, "id");
			categoryIds.put(VietnameseText.fold(cats.get(i)), k.getKey().longValue());
		}
		int position = 0;
		for (String[] p : prizes == null ? List.<String[]>of() : prizes) {
			try {
				Long category = categoryIds.get(VietnameseText.fold(p[0].strip()));
				int places = Integer.parseInt(p[3].strip());
				long amount = Long.parseLong(p[4].strip().replace(".", "").replace(",", ""));
				if (category == null || places < 1 || places > 1000 || amount < 0 || clean(p[1], 20) == null
						|| clean(p[2], 120) == null) {
					throw new IllegalArgumentException();
				}
				jdbc.sql("insert into contest_prize (category_id, code, name, places, amount, position) values "
						+ "(?, ?, ?, ?, ?, ?)")
					.params(category, p[1].strip(), clean(p[2], 120), places, amount, position++)
					.update();
			}
			catch (RuntimeException ex) {
				throw UserFacingException.field("prizes", "contest.prizes.line", String.join(" | ", p));
			}
		}
		audit.record("contest.create", "contest", id, n);
		return contest(id);
	}

	/** Adds the preliminary or final round with its rubric, deciding method and whether it is blind. */
	@Transactional
	public Round addRound(DvkUser user, long contestId, Stage stage, String name, LocalDate startsOn, LocalDate endsOn,
			Long templateId, Aggregation.Method method, boolean blind) {
		access.require(user, Permission.RUN_CONTEST);
		contest(contestId);
		long template = templateId == null ? rubrics.defaultTemplateId() : templateId;
		rubrics.template(template).orElseThrow(() -> UserFacingException.field("templateId", "contest.template.unknown"));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into contest_round (contest_id, stage, name, starts_on, ends_on, template_id, deciding_method, "
					+ "blind, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")
				.params(contestId, stage.name(), clean(name, 200) == null ? stage.name() : clean(name, 200),
						startsOn == null ? null : Date.valueOf(startsOn), endsOn == null ? null : Date.valueOf(endsOn),
						template, (method == null ? Aggregation.Method.MEAN : method).name(), blind)
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.round.exists");
		}
		long id = keys.getKey().longValue();
		if (stage == Stage.PRELIMINARY) {
			// every eligible entry is judged in the preliminary round
			jdbc.sql("insert into contest_round_entry (round_id, entry_id) select ?, id from contest_entry where "
					+ "contest_id = ? and status = 'ELIGIBLE'")
				.params(id, contestId)
				.update();
		}
		audit.record("contest.round", "contest", contestId, stage + " " + name);
		return round(id);
	}

	/** A juror of a round, with the outlet they work at (their entries' outlet is a conflict). */
	@Transactional
	public vn.dvk.account.UserView addJuror(DvkUser user, long roundId, String username, String outlet) {
		access.require(user, Permission.RUN_CONTEST);
		vn.dvk.account.UserView juror = accounts.findByUsername(username == null ? "" : username.strip())
			.orElseThrow(() -> UserFacingException.badRequest("contest.juror.unknown", username));
		addJuror(user, roundId, juror.id(), outlet);
		return juror;
	}

	@Transactional
	public void addJuror(DvkUser user, long roundId, long jurorId, String outlet) {
		access.require(user, Permission.RUN_CONTEST);
		round(roundId);
		if (jdbc.sql("select count(*) from app_user_role where user_id = ? and role = 'JURY'").params(jurorId)
			.query(Long.class).single() == 0) {
			throw UserFacingException.badRequest("contest.juror.role");
		}
		if (jdbc.sql("select count(*) from contest_juror where round_id = ? and user_id = ?").params(roundId, jurorId)
			.query(Long.class).single() == 0) {
			jdbc.sql("insert into contest_juror (round_id, user_id, outlet) values (?, ?, ?)")
				.params(roundId, jurorId, clean(outlet, 200))
				.update();
		}
	}

	// --- entries --------------------------------------------------------------------------------------------------

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
		Contest c = contest(contestId);
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
		for (Long model : new java.util.LinkedHashSet<>(d.modelIds() == null ? List.<Long>of() : d.modelIds())) {
			if (jdbc.sql("select count(*) from registry_model where id = ? and status in ('RECOGNIZED', 'MAINTAINED', "
					+ "'REPLICATED', 'COMMENDED')").params(model).query(Long.class).single() == 0) {
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
		return entry(id);
	}

	/** Staff check an entry's eligibility (ineligible needs a reason). Eligible entries join an open preliminary round. */
	@Transactional
	public void checkEligibility(DvkUser user, long entryId, boolean eligible, String reason) {
		access.require(user, Permission.RUN_CONTEST);
		Entry e = entry(entryId);
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
			rounds(e.contestId()).stream().filter(r -> r.stage() == Stage.PRELIMINARY && r.open()).forEach(r -> {
				if (jdbc.sql("select count(*) from contest_round_entry where round_id = ? and entry_id = ?")
					.params(r.id(), entryId).query(Long.class).single() == 0) {
					jdbc.sql("insert into contest_round_entry (round_id, entry_id) values (?, ?)").params(r.id(), entryId).update();
				}
			});
		}
		else {
			jdbc.sql("delete from contest_round_entry where entry_id = ?").params(entryId).update();
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

	// --- judging --------------------------------------------------------------------------------------------------

	/** Every conflict of a round, "juror:entry" → kind: declared ones, authors, and the juror's own outlet. */
	public Map<String, ConflictKind> conflicts(long roundId) {
		Map<String, ConflictKind> found = new HashMap<>();
		jdbc.sql("select user_id, entry_id, kind from contest_conflict where round_id = ?").params(roundId).query(rs -> {
			found.put(rs.getLong(1) + ":" + rs.getLong(2), ConflictKind.valueOf(rs.getString(3)));
		});
		jdbc.sql("select j.user_id, e.id from contest_juror j join contest_round_entry re on re.round_id = j.round_id "
				+ "join contest_entry e on e.id = re.entry_id join app_user u on u.id = j.user_id where j.round_id = ? and ("
				+ "e.submitted_by = u.id or exists (select 1 from contest_entry_author a where a.entry_id = e.id and "
				+ "a.name_folded = u.full_name_folded))")
			.params(roundId)
			.query(rs -> {
				found.putIfAbsent(rs.getLong(1) + ":" + rs.getLong(2), ConflictKind.AUTO_AUTHOR);
			});
		jdbc.sql("select j.user_id, e.id, j.outlet, e.outlet_folded from contest_juror j join contest_round_entry re on "
				+ "re.round_id = j.round_id join contest_entry e on e.id = re.entry_id where j.round_id = ? and "
				+ "j.outlet is not null")
			.params(roundId)
			.query(rs -> {
				// compared folded, so "Báo Sơn Hà" and "báo sơn hà" are the same outlet
				if (VietnameseText.fold(rs.getString(3)).equals(rs.getString(4))) {
					found.putIfAbsent(rs.getLong(1) + ":" + rs.getLong(2), ConflictKind.AUTO_OUTLET);
				}
			});
		return found;
	}

	/** A juror declares a conflict on an entry of the round (own unit, family, supervised, other). */
	@Transactional
	public void declareConflict(DvkUser juror, long roundId, long entryId, ConflictKind kind, String note) {
		if (!round(roundId).open()) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.round.closed");
		}
		requireJuror(juror, roundId);
		if (!roundEntries(roundId).contains(entryId)) {
			throw UserFacingException.badRequest("contest.entry.notInRound");
		}
		if (kind == null || !ConflictKind.declarable().contains(kind)) {
			throw UserFacingException.field("kind", "contest.conflict.kind");
		}
		jdbc.sql("delete from contest_conflict where round_id = ? and user_id = ? and entry_id = ?")
			.params(roundId, juror.id(), entryId).update();
		jdbc.sql("insert into contest_conflict (round_id, user_id, entry_id, kind, note) values (?, ?, ?, ?, ?)")
			.params(roundId, juror.id(), entryId, kind.name(), clean(note, 500))
			.update();
		sheetStore.delete(roundId, entryId, juror.id());
		audit.record("contest.conflict", "contest_round", roundId, juror.getUsername() + " / " + entryId + ": " + kind);
	}

	/** A juror's sheet on an entry: checked against the round's rubric; refused when conflicted or closed. */
	@Transactional
	public void score(DvkUser juror, long roundId, long entryId, Map<Long, Double> scores, Map<Long, String> comments,
			boolean submit) {
		Round round = round(roundId);
		if (!round.open()) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.round.closed");
		}
		requireJuror(juror, roundId);
		if (jdbc.sql("select count(*) from contest_round_entry where round_id = ? and entry_id = ?")
			.params(roundId, entryId).query(Long.class).single() == 0) {
			throw UserFacingException.badRequest("contest.entry.notInRound");
		}
		if (conflicts(roundId).containsKey(juror.id() + ":" + entryId)) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "contest.score.conflicted");
		}
		List<Rubrics.Criterion> criteria = rubrics.criteria(round.templateId());
		Rubrics.check(criteria, scores, submit);
		sheetStore.save(roundId, entryId, juror.id(), criteria, scores, comments, submit);
	}

	public Map<Long, Double> scores(long roundId, long entryId, long userId) {
		return sheetStore.scores(roundId, entryId, userId);
	}

	public Map<Long, String> comments(long roundId, long entryId, long userId) {
		return sheetStore.comments(roundId, entryId, userId);
	}

	/** Juror × entry pairs still expected: no conflict and no submitted sheet. */
	public List<long[]> missing(long roundId) {
		Set<String> submitted = sheetStore.submitted(roundId);
		Map<String, ConflictKind> conflicts = conflicts(roundId);
		List<long[]> missing = new ArrayList<>();
		for (Long juror : jurors(roundId).keySet()) {
			for (Long entry : roundEntries(roundId)) {
				String key = juror + ":" + entry;
				if (!submitted.contains(key) && !conflicts.containsKey(key)) {
					missing.add(new long[] { juror, entry });
				}
			}
		}
		return missing;
	}

	/**
	 * The round's results: the three aggregations side by side, ranked per category by the round's deciding method;
	 * ties are broken by the mean, then by the earlier entry (the rule shown on the page).
	 */
	public List<ResultLine> results(long roundId) {
		Round round = round(roundId);
		List<Rubrics.Criterion> criteria = rubrics.criteria(round.templateId());
		double maximum = Rubrics.maximum(criteria);
		Map<Long, Map<Long, Double>> totals = sheetStore.totals(roundId, criteria);
		Map<Long, Aggregation.Figures> figures = Aggregation.compute(totals, maximum);
		int jurors = jurors(roundId).size();
		Set<Long> advanced = new HashSet<>();
		rounds(round.contestId()).stream().filter(r -> r.stage() == Stage.FINAL && round.stage() == Stage.PRELIMINARY)
			.forEach(f -> advanced.addAll(roundEntries(f.id())));
		List<ResultLine> lines = new ArrayList<>();
		Set<Long> inRound = new HashSet<>(roundEntries(roundId));
		for (Entry e : entries(round.contestId())) {
			if (!inRound.contains(e.id())) {
				continue;
			}
			lines.add(new ResultLine(e.id(), e.title(), e.category(), e.authorsLine(), e.outlet(),
					figures.get(e.id()) == null ? 0 : figures.get(e.id()).members(), jurors, figures.get(e.id()), null,
					advanced.contains(e.id()), e.prizeId()));
		}
		Comparator<ResultLine> order = Comparator
			.comparing((ResultLine l) -> l.deciding(round.decidingMethod()) == null ? Double.NEGATIVE_INFINITY
					: l.deciding(round.decidingMethod()))
			.reversed()
			.thenComparing(Comparator.comparing((ResultLine l) -> l.figures() == null ? Double.NEGATIVE_INFINITY
					: l.figures().mean()).reversed())
			.thenComparing(ResultLine::entryId);
		List<ResultLine> ranked = new ArrayList<>();
		Map<String, Integer> rankInCategory = new HashMap<>();
		lines.stream().sorted(Comparator.comparing(ResultLine::category).thenComparing(order)).forEach(l -> {
			Integer rank = l.figures() == null ? null : rankInCategory.merge(l.category(), 1, Integer::sum);
			ranked.add(new ResultLine(l.entryId(), l.title(), l.category(), l.authors(), l.outlet(), l.sheets(),
					l.expected(), l.figures(), rank, l.advanced(), l.prizeId()));
		});
		return ranked;
	}

	/**
	 * Advances entries of the preliminary round to the final (staff): only eligible entries judged in the
	 * preliminary round; the final round must exist. Returns how many moved.
	 */
	@Transactional
	public int advance(DvkUser user, long preliminaryRoundId, List<Long> entryIds) {
		access.require(user, Permission.RUN_CONTEST);
		Round pre = round(preliminaryRoundId);
		if (pre.stage() != Stage.PRELIMINARY) {
			throw UserFacingException.badRequest("contest.advance.notPreliminary");
		}
		Round fin = rounds(pre.contestId()).stream().filter(r -> r.stage() == Stage.FINAL).findFirst()
			.orElseThrow(() -> UserFacingException.badRequest("contest.advance.noFinal"));
		if (entryIds == null || entryIds.isEmpty()) {
			throw UserFacingException.badRequest("contest.advance.none");
		}
		Set<Long> judged = new HashSet<>(roundEntries(preliminaryRoundId));
		for (Long id : entryIds) {
			Entry e = entry(id);
			if (e.status() != EntryStatus.ELIGIBLE || !judged.contains(id)) {
				throw UserFacingException.badRequest("contest.advance.ineligible", e.title());
			}
		}
		int moved = 0;
		for (Long id : entryIds) {
			if (jdbc.sql("select count(*) from contest_round_entry where round_id = ? and entry_id = ?")
				.params(fin.id(), id).query(Long.class).single() == 0) {
				jdbc.sql("insert into contest_round_entry (round_id, entry_id) values (?, ?)").params(fin.id(), id).update();
				jdbc.sql("update contest_entry set stage = 'FINAL' where id = ?").params(id).update();
				moved++;
			}
		}
		jdbc.sql("update contest_round set status = 'CLOSED' where id = ?").params(preliminaryRoundId).update();
		jdbc.sql("update contest set status = 'JUDGING' where id = ? and status = 'OPEN'").params(pre.contestId()).update();
		audit.record("contest.advance", "contest", pre.contestId(), moved + " entries to the final");
		return moved;
	}

	// --- prizes and publication -----------------------------------------------------------------------------------

	/**
	 * Gives an entry of the final a prize of its category (staff), within the prize's places: the contest row is
	 * locked while places are counted. {@code prizeId} null takes the prize back.
	 */
	@Transactional
	public void award(DvkUser user, long entryId, Long prizeId) {
		access.require(user, Permission.RUN_CONTEST);
		Entry e = entry(entryId);
		jdbc.sql("select id from contest where id = ? for update").params(e.contestId()).query(Long.class).single();
		if (prizeId == null) {
			jdbc.sql("update contest_entry set prize_id = null where id = ?").params(entryId).update();
			return;
		}
		if (e.stage() != Stage.FINAL) {
			throw UserFacingException.badRequest("contest.prize.notFinal", e.title());
		}
		Prize p = contest(e.contestId()).categories().stream().flatMap(c -> c.prizes().stream())
			.filter(x -> x.id() == prizeId).findFirst()
			.orElseThrow(() -> UserFacingException.field("prizeId", "contest.prize.unknown"));
		if (p.categoryId() != e.categoryId()) {
			throw UserFacingException.field("prizeId", "contest.prize.category");
		}
		long given = jdbc.sql("select count(*) from contest_entry where prize_id = ? and id <> ?").params(prizeId, entryId)
			.query(Long.class).single();
		if (given >= p.places()) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.prize.full", p.name(), p.places());
		}
		jdbc.sql("update contest_entry set prize_id = ? where id = ?").params(prizeId, entryId).update();
		audit.record("contest.award", "contest_entry", entryId, p.name());
	}

	/**
	 * Publishes the results (staff). With final sheets still missing it is refused unless confirmed; the refusal
	 * says how many are missing.
	 */
	@Transactional
	public void publish(DvkUser user, long contestId, boolean confirmMissing) {
		access.require(user, Permission.RUN_CONTEST);
		contest(contestId);
		Round fin = rounds(contestId).stream().filter(r -> r.stage() == Stage.FINAL).findFirst()
			.orElseThrow(() -> UserFacingException.badRequest("contest.advance.noFinal"));
		int missing = missing(fin.id()).size();
		if (missing > 0 && !confirmMissing) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.publish.missing", missing);
		}
		jdbc.sql("update contest_round set status = 'CLOSED' where contest_id = ?").params(contestId).update();
		jdbc.sql("update contest set status = 'FINISHED', results_public = true, results_at = ?, version = version + 1 "
				+ "where id = ?").params(Timestamp.from(Instant.now()), contestId).update();
		audit.record("contest.publish", "contest", contestId, missing + " final sheets missing");
		AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("contest")));
	}

	/** A prize and its winning entries, with the final round's deciding score. */
	public record PrizeResult(Prize prize, List<Winner> winners) {
	}

	public record Winner(long entryId, String title, String authors, String outlet, String link, Double score) {
	}

	public record CategoryResult(Category category, List<PrizeResult> prizes) {
	}

	/**
	 * The published results, per category and prize, best score first within a prize; empty when the results are
	 * not public yet (callers answer 404 to the public).
	 */
	public java.util.Optional<List<CategoryResult>> publicResults(long contestId) {
		Contest c = contest(contestId);
		if (!c.resultsPublic()) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(results(c));
	}

	/** The results as they stand (staff may look before publishing). */
	public List<CategoryResult> results(Contest c) {
		Map<Long, Double> finalScores = new HashMap<>();
		rounds(c.id()).stream().filter(r -> r.stage() == Stage.FINAL).findFirst().ifPresent(f -> results(f.id())
			.forEach(l -> finalScores.put(l.entryId(), l.deciding(f.decidingMethod()))));
		List<Entry> entries = entries(c.id());
		List<CategoryResult> out = new ArrayList<>();
		for (Category cat : c.categories()) {
			List<PrizeResult> prizes = new ArrayList<>();
			for (Prize p : cat.prizes()) {
				List<Winner> winners = entries.stream()
					.filter(e -> Long.valueOf(p.id()).equals(e.prizeId()))
					.map(e -> new Winner(e.id(), e.title(), e.authorsLine(), e.outlet(), e.link(), finalScores.get(e.id())))
					.sorted(Comparator.comparing((Winner w) -> w.score() == null ? Double.NEGATIVE_INFINITY : w.score())
						.reversed())
					.toList();
				prizes.add(new PrizeResult(p, winners));
			}
			out.add(new CategoryResult(cat, prizes));
		}
		return out;
	}

	// --- reading --------------------------------------------------------------------------------------------------

	public Contest contest(long id) {
		record Row(long id, String name, String rules, String phase, Date from, Date to, Date close, int maxMb,
				String status, boolean pub, int version) {
		}
		Row r = jdbc.sql("select id, name, rules, phase, published_from, published_to, entries_close, max_file_mb, "
				+ "status, results_public, version from contest where id = ?")
			.params(id)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5),
					rs.getDate(6), rs.getDate(7), rs.getInt(8), rs.getString(9), rs.getBoolean(10), rs.getInt(11)))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("contest.notFound"));
		Map<Long, List<Prize>> prizes = new HashMap<>();
		jdbc.sql("select p.id, p.category_id, p.code, p.name, p.places, p.amount, (select count(*) from contest_entry e "
				+ "where e.prize_id = p.id) from contest_prize p join contest_category c on c.id = p.category_id where "
				+ "c.contest_id = ? order by p.position")
			.params(id)
			.query(rs -> {
				prizes.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
					.add(new Prize(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
							rs.getLong(6), rs.getInt(7)));
			});
		List<Category> categories = jdbc.sql("select id, name from contest_category where contest_id = ? order by position")
			.params(id)
			.query((rs, n) -> new Category(rs.getLong(1), rs.getString(2), prizes.getOrDefault(rs.getLong(1), List.of())))
			.list();
		return new Contest(r.id(), r.name(), r.rules(), r.phase(), r.from().toLocalDate(), r.to().toLocalDate(),
				r.close().toLocalDate(), r.maxMb(), Status.valueOf(r.status()), r.pub(), categories, r.version());
	}

	/** One page of contests, newest first (pages and lists). */
	public vn.dvk.shared.PageResult<Contest> contests(vn.dvk.shared.PageResult.Request page) {
		long total = jdbc.sql("select count(*) from contest").query(Long.class).single();
		return new vn.dvk.shared.PageResult<>(list(" offset " + page.offset() + " rows fetch next " + page.size()
				+ " rows only"), total, page.page(), page.size());
	}

	/** Every contest, newest first, without categories (one query, for lists). */
	public List<Contest> contests() {
		return list("");
	}

	private List<Contest> list(String window) {
		return jdbc.sql("select id, name, rules, phase, published_from, published_to, entries_close, max_file_mb, status, "
				+ "results_public, version from contest order by created_at desc, id desc" + window)
			.query((rs, n) -> new Contest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getInt(8),
					Status.valueOf(rs.getString(9)), rs.getBoolean(10), List.of(), rs.getInt(11)))
			.list();
	}

	public List<Round> rounds(long contestId) {
		return jdbc.sql(ROUND + " where contest_id = ? order by stage desc").params(contestId).query((rs, n) -> round(rs))
			.list();
	}

	public Round round(long id) {
		return jdbc.sql(ROUND + " where id = ?").params(id).query((rs, n) -> round(rs)).optional()
			.orElseThrow(() -> UserFacingException.notFound("contest.round.notFound"));
	}

	private static final String ROUND = "select id, contest_id, stage, name, starts_on, ends_on, template_id, "
			+ "deciding_method, blind, status from contest_round";

	private static Round round(java.sql.ResultSet rs) throws java.sql.SQLException {
		Date s = rs.getDate(5);
		Date e = rs.getDate(6);
		return new Round(rs.getLong(1), rs.getLong(2), Stage.valueOf(rs.getString(3)), rs.getString(4),
				s == null ? null : s.toLocalDate(), e == null ? null : e.toLocalDate(), rs.getLong(7),
				Aggregation.Method.valueOf(rs.getString(8)), rs.getBoolean(9), rs.getString(10));
	}

	/** Juror id → outlet (may be null). */
	public Map<Long, String> jurors(long roundId) {
		Map<Long, String> m = new LinkedHashMap<>();
		jdbc.sql("select user_id, outlet from contest_juror where round_id = ? order by user_id").params(roundId)
			.query(rs -> {
				m.put(rs.getLong(1), rs.getString(2));
			});
		return m;
	}

	public List<Long> roundEntries(long roundId) {
		return jdbc.sql("select entry_id from contest_round_entry where round_id = ? order by entry_id").params(roundId)
			.query(Long.class).list();
	}

	/** Rounds the user sits on as a juror. */
	public List<Round> roundsOf(DvkUser juror) {
		return jdbc.sql(ROUND + " where id in (select round_id from contest_juror where user_id = ?) order by id desc")
			.params(juror.id()).query((rs, n) -> round(rs)).list();
	}

	public Entry entry(long id) {
		return entries(" where e.id = ?", id).stream().findFirst()
			.orElseThrow(() -> UserFacingException.notFound("contest.entry.notFound"));
	}

	public List<Entry> entries(long contestId) {
		return entries(" where e.contest_id = ?", contestId);
	}

	/** The entries a journalist submitted. */
	public List<Entry> entriesOf(DvkUser user, long contestId) {
		return entries(" where e.contest_id = ? and e.submitted_by = " + user.id(), contestId);
	}

	private List<Entry> entries(String where, long param) {
		List<Entry> raw = jdbc.sql("select e.id, e.contest_id, e.category_id, c.name, e.title, e.outlet, e.published_on, "
				+ "e.link, e.summary, e.status, e.ineligible_reason, e.stage, e.prize_id, e.submitted_by, e.created_at "
				+ "from contest_entry e join contest_category c on c.id = e.category_id" + where
				+ " order by c.position, e.id")
			.params(param)
			.query((rs, n) -> {
				long prize = rs.getLong(13);
				Long prizeId = rs.wasNull() ? null : prize;
				String stage = rs.getString(12);
				return new Entry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), List.of(),
						rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8), rs.getString(9),
						EntryStatus.valueOf(rs.getString(10)), rs.getString(11), stage == null ? null : Stage.valueOf(stage),
						prizeId, List.of(), List.of(), rs.getLong(14), rs.getTimestamp(15).toInstant());
			})
			.list();
		if (raw.isEmpty()) {
			return raw;
		}
		String ids = raw.stream().map(e -> Long.toString(e.id())).collect(Collectors.joining(","));
		Map<Long, List<Author>> authors = new HashMap<>();
		jdbc.sql("select entry_id, full_name, pen_name from contest_entry_author where entry_id in (" + ids
				+ ") order by entry_id, position").query(rs -> {
					authors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Author(rs.getString(2), rs.getString(3)));
				});
		Map<Long, List<Long>> models = new HashMap<>();
		jdbc.sql("select entry_id, model_id from contest_entry_model where entry_id in (" + ids + ")").query(rs -> {
			models.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
		});
		Map<Long, List<FileRef>> files = new HashMap<>();
		jdbc.sql("select id, entry_id, file_name, content_type, size_bytes from contest_entry_file where entry_id in ("
				+ ids + ") order by id").query(rs -> {
					files.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
						.add(new FileRef(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getLong(5)));
				});
		return raw.stream()
			.map(e -> new Entry(e.id(), e.contestId(), e.categoryId(), e.category(), e.title(),
					authors.getOrDefault(e.id(), List.of()), e.outlet(), e.publishedOn(), e.link(), e.summary(), e.status(),
					e.ineligibleReason(), e.stage(), e.prizeId(), models.getOrDefault(e.id(), List.of()),
					files.getOrDefault(e.id(), List.of()), e.submittedBy(), e.createdAt()))
			.toList();
	}

	/** A file of an entry: staff, the entry's jury and its submitter; anyone once the entry won a published prize. */
	public byte[] file(DvkUser user, long fileId) {
		record F(long entry, byte[] bytes) {
		}
		F f = jdbc.sql("select entry_id, content from contest_entry_file where id = ?").params(fileId)
			.query((rs, n) -> new F(rs.getLong(1), rs.getBytes(2))).optional()
			.orElseThrow(() -> UserFacingException.notFound("contest.entry.notFound"));
		Entry e = entry(f.entry());
		boolean publicPrize = e.prizeId() != null && contest(e.contestId()).resultsPublic();
		boolean juror = user != null && jdbc.sql("select count(*) from contest_juror j join contest_round_entry re on "
				+ "re.round_id = j.round_id where j.user_id = ? and re.entry_id = ?").params(user.id(), e.id())
			.query(Long.class).single() > 0;
		if (!publicPrize && !access.allows(user, Permission.RUN_CONTEST) && !juror && (user == null || user.id() != e.submittedBy())) {
			throw new AccessDeniedException("entry file");
		}
		return f.bytes();
	}



	/** Whether the user runs the contest (rounds, juries, eligibility, prizes, publication). */
	public boolean runs(DvkUser user) {
		return access.allows(user, Permission.RUN_CONTEST);
	}

	private void requireJuror(DvkUser user, long roundId) {
		if (user == null || !jurors(roundId).containsKey(user.id())) {
			throw new AccessDeniedException("not on the jury of round " + roundId);
		}
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
