package vn.dvk.visits;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The durable figures: visits and page views per day, views per content. Written only by the flusher. */
@Component
class VisitStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	VisitStore(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/** Adds the deltas in one transaction (all or nothing). */
	void add(VisitCounters.Deltas deltas) {
		tx.executeWithoutResult(status -> {
			deltas.days().forEach((day, v) -> {
				int n = jdbc.sql("update visit_day set visits = visits + ?, page_views = page_views + ? where visit_date = ?")
					.params(v[0], v[1], Date.valueOf(day))
					.update();
				if (n == 0) {
					insertOrAdd(() -> jdbc.sql("insert into visit_day (visit_date, visits, page_views) values (?, ?, ?)")
						.params(Date.valueOf(day), v[0], v[1])
						.update(), () -> jdbc.sql(
								"update visit_day set visits = visits + ?, page_views = page_views + ? where visit_date = ?")
							.params(v[0], v[1], Date.valueOf(day))
							.update());
				}
			});
			deltas.views().forEach((ref, v) -> {
				int n = jdbc.sql("update content_view set views = views + ? where kind = ? and content_id = ?")
					.params(v, ref.kind(), ref.id())
					.update();
				if (n == 0) {
					insertOrAdd(() -> jdbc.sql("insert into content_view (kind, content_id, views) values (?, ?, ?)")
						.params(ref.kind(), ref.id(), v)
						.update(), () -> jdbc
							.sql("update content_view set views = views + ? where kind = ? and content_id = ?")
							.params(v, ref.kind(), ref.id())
							.update());
				}
			});
		});
	}

	/** Another node may insert the same row at the same moment (cluster mode): then add to it. */
	private static void insertOrAdd(Runnable insert, Runnable add) {
		try {
			insert.run();
		}
		catch (DuplicateKeyException ex) {
			add.run();
		}
	}

	long totalVisits() {
		Long sum = jdbc.sql("select coalesce(sum(visits), 0) from visit_day").query(Long.class).single();
		return sum == null ? 0 : sum;
	}

	Map<LocalDate, long[]> days(LocalDate from, LocalDate to) {
		Map<LocalDate, long[]> days = new HashMap<>();
		jdbc.sql("select visit_date, visits, page_views from visit_day where visit_date between ? and ?")
			.params(Date.valueOf(from), Date.valueOf(to))
			.query(rs -> {
				days.put(rs.getDate(1).toLocalDate(), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		return days;
	}

	Map<Long, Long> views(String kind, Collection<Long> ids) {
		Map<Long, Long> views = new HashMap<>();
		if (ids.isEmpty()) {
			return views;
		}
		List<Long> list = new ArrayList<>(ids);
		for (int i = 0; i < list.size(); i += 500) {
			jdbc.sql("select content_id, views from content_view where kind = :kind and content_id in (:ids)")
				.param("kind", kind)
				.param("ids", list.subList(i, Math.min(list.size(), i + 500)))
				.query(rs -> {
					views.put(rs.getLong(1), rs.getLong(2));
				});
		}
		return views;
	}

}
