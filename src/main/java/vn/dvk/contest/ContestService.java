package vn.dvk.contest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Permission;
import vn.dvk.account.UserView;
import vn.dvk.contest.ContestRecords.Category;
import vn.dvk.contest.ContestRecords.Contest;
import vn.dvk.contest.ContestRecords.Entry;
import vn.dvk.contest.ContestRecords.EntryStatus;
import vn.dvk.contest.ContestRecords.Prize;
import vn.dvk.contest.ContestRecords.ResultLine;
import vn.dvk.contest.ContestRecords.Round;
import vn.dvk.contest.ContestRecords.Stage;
import vn.dvk.judging.Aggregation;
import vn.dvk.judging.Judging;
import vn.dvk.judging.MemberRole;
import vn.dvk.judging.Rubrics;
import vn.dvk.judging.Standing;
import vn.dvk.shared.AfterCommit;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;
import vn.dvk.system.AuditLog;
import vn.dvk.system.PublicContentChanged;

/**
 * The press contest: set-up (categories, prizes, a preliminary and a final round), the rounds' results (the jury's
 * work is each round's judging panel: sheets, conflicts, the three aggregations ranked per category with the tie
 * rule), advancement to the final, prizes within their quotas and publication. Entries are {@link ContestEntries}'.
 */
@Service
public class ContestService {

	/** The kind of the judging panels of contest rounds. */
	public static final String KIND = "CONTEST";

	private final JdbcClient jdbc;

	private final ContestReads reads;

	private final Judging judging;

	private final Rubrics rubrics;

	private final AccountService accounts;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ContestService(JdbcClient jdbc, ContestReads reads, Judging judging, Rubrics rubrics, AccountService accounts,
			AccessPolicy access, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.reads = reads;
		this.judging = judging;
		this.rubrics = rubrics;
		this.accounts = accounts;
		this.access = access;
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

	/** Adds the preliminary or final round with its jury's rubric, deciding method and whether it is blind. */
	@Transactional
	public Round addRound(DvkUser user, long contestId, Stage stage, String name, LocalDate startsOn, LocalDate endsOn,
			Long templateId, Aggregation.Method method, boolean blind) {
		access.require(user, Permission.RUN_CONTEST);
		contest(contestId);
		long template = templateId == null ? rubrics.defaultTemplateId() : templateId;
		rubrics.template(template).orElseThrow(() -> UserFacingException.field("templateId", "contest.template.unknown"));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into contest_round (contest_id, stage, name, starts_on, ends_on) values (?, ?, ?, ?, ?)")
				.params(contestId, stage.name(), clean(name, 200) == null ? stage.name() : clean(name, 200),
						startsOn == null ? null : Date.valueOf(startsOn), endsOn == null ? null : Date.valueOf(endsOn))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.round.exists");
		}
		long id = keys.getKey().longValue();
		long panel = judging.open(user, KIND, id, template, method, blind, endsOn).id();
		if (stage == Stage.PRELIMINARY) {
			// every eligible entry is judged in the preliminary round
			judging.addSubjects(panel, reads.entries(contestId).stream()
				.filter(e -> e.status() == EntryStatus.ELIGIBLE).map(Entry::id).toList());
		}
		audit.record("contest.round", "contest", contestId, stage + " " + name);
		return round(id);
	}

	/** A juror by username, with the outlet they work at (their outlet's entries are a conflict). */
	@Transactional
	public UserView addJuror(DvkUser user, long roundId, String username, MemberRole role, String outlet) {
		access.require(user, Permission.RUN_CONTEST);
		UserView juror = accounts.findByUsername(username == null ? "" : username.strip())
			.orElseThrow(() -> UserFacingException.badRequest("contest.juror.unknown", username));
		judging.appoint(user, round(roundId).panelId(), juror.id(), role, outlet);
		return juror;
	}

	@Transactional
	public void addJuror(DvkUser user, long roundId, long jurorId, String outlet) {
		judging.appoint(user, round(roundId).panelId(), jurorId, MemberRole.MEMBER, outlet);
	}

	// --- results and advancement ----------------------------------------------------------------------------------

	/**
	 * The round's results: the three aggregations side by side, ranked per category by the round's deciding method
	 * with the judging module's tie rule (the mean, then the earlier entry). For staff and, unless the round is
	 * blind and open, its jurors.
	 */
	public List<ResultLine> results(DvkUser user, long roundId) {
		access.check(access.mayReadResults(judging.facts(user, round(roundId).panelId())), "results of round " + roundId);
		return results(roundId);
	}

	/** The round's lines in ranking order, for callers that checked who asks (and for the jurors' own list). */
	List<ResultLine> results(long roundId) {
		Round round = round(roundId);
		Map<Long, Entry> entries = new HashMap<>();
		reads.entries(round.contestId()).forEach(e -> entries.put(e.id(), e));
		Map<Long, Standing> standings = judging.standings(round.panelId(),
				id -> entries.containsKey(id) ? entries.get(id).category() : "");
		Set<Long> advanced = new HashSet<>();
		if (round.stage() == Stage.PRELIMINARY) {
			rounds(round.contestId()).stream().filter(r -> r.stage() == Stage.FINAL)
				.forEach(f -> advanced.addAll(judging.subjects(f.panelId())));
		}
		List<ResultLine> lines = new ArrayList<>();
		standings.forEach((id, s) -> {
			Entry e = entries.get(id);
			if (e != null) {
				lines.add(new ResultLine(e.id(), e.title(), e.category(), e.authorsLine(), e.outlet(), s.sheets(),
						s.expected(), s.figures(), s.rank(), advanced.contains(e.id()), e.prizeId()));
			}
		});
		lines.sort(Comparator.comparing(ResultLine::category)
			.thenComparing(l -> l.rank() == null ? Integer.MAX_VALUE : l.rank())
			.thenComparing(ResultLine::entryId));
		return lines;
	}

	/**
	 * Advances entries of the preliminary round to the final (staff): only eligible entries judged in the
	 * preliminary round; the final round must exist. The preliminary round closes. Returns how many moved.
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
		Set<Long> judged = new HashSet<>(judging.subjects(pre.panelId()));
		for (Long id : entryIds) {
			Entry e = reads.entry(id);
			if (e.status() != EntryStatus.ELIGIBLE || !judged.contains(id)) {
				throw UserFacingException.badRequest("contest.advance.ineligible", e.title());
			}
		}
		Set<Long> inFinal = new HashSet<>(judging.subjects(fin.panelId()));
		List<Long> moving = entryIds.stream().distinct().filter(id -> !inFinal.contains(id)).toList();
		judging.addSubjects(fin.panelId(), moving);
		for (Long id : moving) {
			jdbc.sql("update contest_entry set stage = 'FINAL' where id = ?").params(id).update();
		}
		judging.closeQuietly(pre.panelId());
		jdbc.sql("update contest set status = 'JUDGING' where id = ? and status = 'OPEN'").params(pre.contestId()).update();
		audit.record("contest.advance", "contest", pre.contestId(), moving.size() + " entries to the final");
		return moving.size();
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
		int missing = judging.missing(fin.panelId()).size();
		if (missing > 0 && !confirmMissing) {
			throw new UserFacingException(HttpStatus.CONFLICT, "contest.publish.missing", missing);
		}
		rounds(contestId).forEach(r -> judging.closeQuietly(r.panelId()));
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

	/**
	 * Corrects a contest's dates (staff): the last day entries are taken and, once results are published, when they
	 * were announced (a past contest entered afterwards keeps its real dates).
	 */
	@Transactional
	public void reschedule(DvkUser user, long contestId, LocalDate entriesClose, Instant resultsAt) {
		access.require(user, Permission.RUN_CONTEST);
		Contest c = contest(contestId);
		if (entriesClose == null) {
			throw UserFacingException.field("entriesClose", "contest.window.invalid");
		}
		jdbc.sql("update contest set entries_close = ?, results_at = ?, version = version + 1 where id = ?")
			.params(Date.valueOf(entriesClose), c.resultsPublic() && resultsAt != null ? Timestamp.from(resultsAt) : null,
					contestId)
			.update();
		audit.record("contest.reschedule", "contest", contestId, entriesClose + " / " + resultsAt);
	}

	// --- reading --------------------------------------------------------------------------------------------------

	public Contest contest(long id) {
		return reads.contest(id);
	}

	/** One page of contests, newest first (pages and lists). */
	public PageResult<Contest> contests(PageResult.Request page) {
		return reads.contests(page);
	}

	/** Every contest, newest first, without categories (one query, for lists). */
	public List<Contest> contests() {
		return reads.contests();
	}

	public List<Round> rounds(long contestId) {
		return reads.rounds(contestId);
	}

	public Round round(long id) {
		return reads.round(id);
	}

	/** Rounds the user sits on as a juror. */
	public List<Round> roundsOf(DvkUser juror) {
		return reads.roundsOf(juror);
	}

	public Entry entry(long id) {
		return reads.entry(id);
	}

	public List<Entry> entries(long contestId) {
		return reads.entries(contestId);
	}

	/** The entries a journalist submitted. */
	public List<Entry> entriesOf(DvkUser user, long contestId) {
		return reads.entriesOf(user, contestId);
	}

	/** Whether the user runs the contest (rounds, juries, eligibility, prizes, publication). */
	public boolean runs(DvkUser user) {
		return access.allows(user, Permission.RUN_CONTEST);
	}

	static String clean(String text, int max) {
		return ContestEntries.clean(text, max);
	}

}
