package vn.dvk.poll;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL of the poll module. */
@Component
class Polls {

	private final JdbcClient jdbc;

	// PostgreSQL writes a ballot and its choices in one statement (one round trip, committed on its own); H2 has
	// no data-modifying WITH, so there it takes two statements in the caller's transaction.
	private final boolean postgres;

	Polls(JdbcClient jdbc, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		try (java.sql.Connection c = dataSource.getConnection()) {
			this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
				.contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database product", ex);
		}
	}

	/** Whether {@link #insertBallot} is one atomic statement (no surrounding transaction needed). */
	boolean singleStatementBallots() {
		return postgres;
	}

	record Row(long id, String title, String description, int maxChoices, Instant startsAt, Instant endsAt,
			PollRules.VoterRule voterRule, PollRules.Frequency frequency,
			PollRules.ResultsVisibility resultsVisibility, boolean resultsPublished, boolean proofOfWork,
			Integer ipLimitPerMinute, int ballotsPerAddress, Integer eidLevel, Instant closedAt) {
	}

	record OptionRow(long id, long pollId, String label, Long modelId) {
	}

	long insert(PollDraft d, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into poll (title, description, max_choices, starts_at, ends_at, voter_rule, frequency,
				  results_visibility, proof_of_work, ip_limit_per_minute, ballots_per_address, eid_level, created_at,
				  created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.title(), d.description(), d.maxChoices(), Timestamp.from(d.startsAt()),
					Timestamp.from(d.endsAt()), d.voterRule().name(), d.frequency().name(),
					d.resultsVisibility().name(), d.proofOfWork(), d.ipLimitPerMinute(), d.ballotsPerAddress(),
					d.eidLevel(), Timestamp.from(Instant.now()),
					actor)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Rewrites a poll that has not opened yet; false when it has opened (or closed) meanwhile. */
	boolean updateBeforeOpening(long id, PollDraft d, Instant now) {
		return jdbc.sql("""
				update poll set title = ?, description = ?, max_choices = ?, starts_at = ?, ends_at = ?, voter_rule = ?,
				  frequency = ?, results_visibility = ?, proof_of_work = ?, ip_limit_per_minute = ?,
				  ballots_per_address = ?, eid_level = ?, version = version + 1
				where id = ? and starts_at > ? and closed_at is null""")
			.params(d.title(), d.description(), d.maxChoices(), Timestamp.from(d.startsAt()),
					Timestamp.from(d.endsAt()), d.voterRule().name(), d.frequency().name(),
					d.resultsVisibility().name(), d.proofOfWork(), d.ipLimitPerMinute(), d.ballotsPerAddress(), d.eidLevel(), id,
					Timestamp.from(now))
			.update() == 1;
	}

	void deleteOptions(long pollId) {
		jdbc.sql("delete from poll_option where poll_id = ?").params(pollId).update();
	}

	void insertOption(long pollId, int position, String label, Long modelId) {
		jdbc.sql("insert into poll_option (poll_id, position, label, model_id) values (?, ?, ?, ?)")
			.params(pollId, position, label, modelId)
			.update();
	}

	void close(long id, Instant at) {
		jdbc.sql("update poll set closed_at = ?, version = version + 1 where id = ? and closed_at is null")
			.params(Timestamp.from(at), id)
			.update();
	}

	void publishResults(long id) {
		jdbc.sql("update poll set results_published = true, version = version + 1 where id = ?").params(id).update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select * from poll where id = ?").params(id).query((rs, n) -> row(rs)).optional();
	}

	List<Row> active(Instant now) {
		return jdbc.sql("""
				select * from poll where closed_at is null and starts_at <= :now and ends_at > :now
				order by ends_at, id""")
			.param("now", Timestamp.from(now))
			.query((rs, n) -> row(rs))
			.list();
	}

	List<Row> all(long offset, int limit) {
		return jdbc.sql("select * from poll order by created_at desc, id desc limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> row(rs))
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from poll").query(Long.class).single();
	}

	List<OptionRow> options(long pollId) {
		return jdbc.sql("select id, poll_id, label, model_id from poll_option where poll_id = ? order by position, id")
			.params(pollId)
			.query((rs, n) -> {
				long model = rs.getLong(4);
				Long modelId = rs.wasNull() ? null : model; // read before any other column
				return new OptionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), modelId);
			})
			.list();
	}

	/** Inserts the ballot and its choices; a second ballot of the identity in the bucket breaks the constraint. */
	/**
	 * Inserts a ballot with its choices; with a cap (open polls), only while the address has given fewer than
	 * {@code perAddress} ballots to this poll in this bucket, raising its tally in the same statement (PostgreSQL)
	 * or transaction (H2, run by the caller). Returns false when the cap is reached (nothing is written); a ballot
	 * the identity already cast fails on the unique constraint, leaving the tally as it was.
	 */
	boolean insertBallot(long pollId, String identityHash, LocalDate bucket, String ipHash, String subnetHash,
			String uaClass, Long accountAgeSeconds, List<Long> optionIds, Integer perAddress) {
		Object[] ballot = { pollId, identityHash, Date.valueOf(bucket), Timestamp.from(Instant.now()), ipHash,
				subnetHash, uaClass, accountAgeSeconds };
		String choices = "insert into poll_ballot_choice (ballot_id, option_id) select b.id, o.v from b cross join (values "
				+ String.join(", ", java.util.Collections.nCopies(optionIds.size(), "(cast(? as bigint))")) + ") as o (v)";
		if (postgres) {
			List<Object> params = new ArrayList<>(ballot.length + optionIds.size() + 5);
			String sql;
			if (perAddress == null) {
				sql = "with b as (" + BALLOT + " returning id) " + choices;
			}
			else {
				java.util.Collections.addAll(params, pollId, ipHash, Date.valueOf(bucket), perAddress);
				sql = "with t as (insert into poll_address_tally (poll_id, ip_hash, bucket, ballots) values (?, ?, ?, 1) "
						+ "on conflict (poll_id, ip_hash, bucket) do update set ballots = poll_address_tally.ballots + 1 "
						+ "where poll_address_tally.ballots < ? returning 1), "
						+ "b as (" + BALLOT_SELECT + " where exists (select 1 from t) returning id) " + choices;
			}
			java.util.Collections.addAll(params, ballot);
			params.addAll(optionIds);
			return jdbc.sql(sql).params(params).update() > 0;
		}
		if (perAddress != null) {
			jdbc.sql("insert into poll_address_tally (poll_id, ip_hash, bucket, ballots) values (?, ?, ?, 0) "
					+ "on conflict do nothing")
				.params(pollId, ipHash, Date.valueOf(bucket))
				.update();
			if (jdbc.sql("update poll_address_tally set ballots = ballots + 1 "
					+ "where poll_id = ? and ip_hash = ? and bucket = ? and ballots < ?")
				.params(pollId, ipHash, Date.valueOf(bucket), perAddress)
				.update() == 0) {
				return false;
			}
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(BALLOT).params(ballot).update(keys, "id");
		long id = keys.getKey().longValue();
		for (Long option : optionIds) {
			jdbc.sql("insert into poll_ballot_choice (ballot_id, option_id) values (?, ?)").params(id, option).update();
		}
		return true;
	}

	private static final String BALLOT_COLUMNS = "insert into poll_ballot (poll_id, identity_hash, bucket, cast_at, "
			+ "ip_hash, subnet_hash, ua_class, account_age_seconds) ";

	private static final String BALLOT = BALLOT_COLUMNS + "values (?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String BALLOT_SELECT = BALLOT_COLUMNS + "select cast(? as bigint), cast(? as varchar(64)), "
			+ "cast(? as date), cast(? as timestamp with time zone), cast(? as varchar(64)), cast(? as varchar(64)), "
			+ "cast(? as varchar(20)), cast(? as bigint)";

	boolean hasBallot(long pollId, String identityHash, LocalDate bucket) {
		return jdbc.sql("select count(*) from poll_ballot where poll_id = ? and identity_hash = ? and bucket = ?")
			.params(pollId, identityHash, Date.valueOf(bucket))
			.query(Long.class)
			.single() > 0;
	}

	long countedBallots(long pollId) {
		return jdbc.sql("select count(*) from poll_ballot where poll_id = ? and not voided")
			.params(pollId)
			.query(Long.class)
			.single();
	}

	Map<Long, Long> votesPerOption(long pollId) {
		Map<Long, Long> votes = new HashMap<>();
		jdbc.sql("""
				select c.option_id, count(*) from poll_ballot_choice c join poll_ballot b on b.id = c.ballot_id
				where b.poll_id = ? and not b.voided group by c.option_id""")
			.params(pollId)
			.query(rs -> {
				votes.put(rs.getLong(1), rs.getLong(2));
			});
		return votes;
	}

	/** A group of ballots (an address hash, a minute, a browser class) and how many there are. */
	record Count(String key, long ballots, long voided) {
	}

	List<Count> countsBy(long pollId, String expression, int limit) {
		return jdbc.sql("select " + expression + " as k, count(*), sum(case when voided then 1 else 0 end) "
				+ "from poll_ballot where poll_id = ? group by " + expression + " order by count(*) desc, k limit ?")
			.params(pollId, limit)
			.query((rs, n) -> new Count(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** Ballots per minute, busiest first; keys are the minutes in Vietnam's time. */
	List<Count> countsByMinute(long pollId, int limit) {
		return jdbc.sql("select date_trunc('minute', cast_at) as k, count(*), sum(case when voided then 1 else 0 end) "
				+ "from poll_ballot where poll_id = ? group by date_trunc('minute', cast_at) "
				+ "order by count(*) desc, k limit ?")
			.params(pollId, limit)
			.query((rs, n) -> new Count(vn.dvk.shared.VietnameseFormats.dateTime(rs.getTimestamp(1).toInstant()),
					rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** Voids the counted ballots of one group; {@code column} is a fixed column name, never user input. */
	int voidBy(long pollId, String column, String hash, String reason) {
		return jdbc.sql("update poll_ballot set voided = true, void_reason = ? where poll_id = ? and " + column
				+ " = ? and not voided")
			.params(reason, pollId, hash)
			.update();
	}

	/** A ballot with its options, for exports. */
	record BallotRow(long id, Instant castAt, String identityHash, String ipHash, String uaClass, boolean voided,
			String voidReason, List<Long> optionIds) {
	}

	/** Every ballot of the poll in the order cast, one at a time (choices joined, grouped here). */
	void ballots(long pollId, java.util.function.Consumer<BallotRow> sink) {
		BallotRow[] current = { null };
		jdbc.sql("""
				select b.id, b.cast_at, b.identity_hash, b.ip_hash, b.ua_class, b.voided, b.void_reason, c.option_id
				from poll_ballot b left join poll_ballot_choice c on c.ballot_id = b.id
				where b.poll_id = ? order by b.id, c.option_id""")
			.params(pollId)
			.query(rs -> {
				long id = rs.getLong(1);
				if (current[0] == null || current[0].id() != id) {
					if (current[0] != null) {
						sink.accept(current[0]);
					}
					current[0] = new BallotRow(id, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getBoolean(6), rs.getString(7), new ArrayList<>());
				}
				long option = rs.getLong(8);
				if (!rs.wasNull()) {
					current[0].optionIds().add(option);
				}
			});
		if (current[0] != null) {
			sink.accept(current[0]);
		}
	}

	private static Row row(ResultSet rs) throws SQLException {
		int limit = rs.getInt("ip_limit_per_minute");
		Integer ipLimit = rs.wasNull() ? null : limit;
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("description"), rs.getInt("max_choices"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				PollRules.VoterRule.valueOf(rs.getString("voter_rule")),
				PollRules.Frequency.valueOf(rs.getString("frequency")),
				PollRules.ResultsVisibility.valueOf(rs.getString("results_visibility")),
				rs.getBoolean("results_published"), rs.getBoolean("proof_of_work"), ipLimit,
				rs.getInt("ballots_per_address"), eidLevel(rs), closed == null ? null : closed.toInstant());
	}

	private static Integer eidLevel(ResultSet rs) throws SQLException {
		int level = rs.getInt("eid_level");
		return rs.wasNull() ? null : level;
	}

	static List<Long> ids(List<OptionRow> options) {
		List<Long> ids = new ArrayList<>();
		options.forEach(o -> ids.add(o.id()));
		return ids;
	}

}
