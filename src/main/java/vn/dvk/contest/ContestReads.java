package vn.dvk.contest;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.account.DvkUser;
import vn.dvk.contest.ContestRecords.Author;
import vn.dvk.contest.ContestRecords.Category;
import vn.dvk.contest.ContestRecords.Contest;
import vn.dvk.contest.ContestRecords.Entry;
import vn.dvk.contest.ContestRecords.EntryStatus;
import vn.dvk.contest.ContestRecords.FileRef;
import vn.dvk.contest.ContestRecords.Prize;
import vn.dvk.contest.ContestRecords.Round;
import vn.dvk.contest.ContestRecords.Stage;
import vn.dvk.contest.ContestRecords.Status;
import vn.dvk.judging.Judging;
import vn.dvk.judging.Panel;
import vn.dvk.shared.UserFacingException;

/** Reading the contest's own tables: contests with categories and prizes, rounds with their panels, entries. */
@Component
class ContestReads {

	private final JdbcClient jdbc;

	private final Judging judging;

	ContestReads(JdbcClient jdbc, Judging judging) {
		this.jdbc = jdbc;
		this.judging = judging;
	}

	Contest contest(long id) {
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
	vn.dvk.shared.PageResult<Contest> contests(vn.dvk.shared.PageResult.Request page) {
		long total = jdbc.sql("select count(*) from contest").query(Long.class).single();
		return new vn.dvk.shared.PageResult<>(list(" offset " + page.offset() + " rows fetch next " + page.size()
				+ " rows only"), total, page.page(), page.size());
	}

	/** Every contest, newest first, without categories (one query, for lists). */
	List<Contest> contests() {
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

	List<Round> rounds(long contestId) {
		List<Object[]> rows = jdbc.sql(ROUND + " where contest_id = ? order by stage desc").params(contestId)
			.query((rs, n) -> row(rs)).list();
		Map<Long, Panel> panels = judging.panelsOf(ContestService.KIND, rows.stream().map(r -> (Long) r[0]).toList());
		return rows.stream().map(r -> round(r, panels.get((Long) r[0]))).toList();
	}

	Round round(long id) {
		Object[] r = jdbc.sql(ROUND + " where id = ?").params(id).query((rs, n) -> row(rs)).optional()
			.orElseThrow(() -> UserFacingException.notFound("contest.round.notFound"));
		return round(r, judging.panelOf(ContestService.KIND, id));
	}

	/** The rounds whose jury the user sits on. */
	List<Round> roundsOf(DvkUser juror) {
		List<Long> ids = judging.roundsOf(juror, ContestService.KIND);
		return ids.stream().map(this::round).toList();
	}

	private static final String ROUND = "select id, contest_id, stage, name, starts_on, ends_on from contest_round";

	private static Object[] row(java.sql.ResultSet rs) throws java.sql.SQLException {
		Date s = rs.getDate(5);
		Date e = rs.getDate(6);
		return new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				s == null ? null : s.toLocalDate(), e == null ? null : e.toLocalDate() };
	}

	private static Round round(Object[] r, Panel panel) {
		return new Round((Long) r[0], (Long) r[1], Stage.valueOf((String) r[2]), (String) r[3],
				(java.time.LocalDate) r[4], (java.time.LocalDate) r[5], panel);
	}

	Entry entry(long id) {
		return entries(" where e.id = ?", id).stream().findFirst()
			.orElseThrow(() -> UserFacingException.notFound("contest.entry.notFound"));
	}

	List<Entry> entries(long contestId) {
		return entries(" where e.contest_id = ?", contestId);
	}

	/** The entries a journalist submitted. */
	List<Entry> entriesOf(DvkUser user, long contestId) {
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

}
