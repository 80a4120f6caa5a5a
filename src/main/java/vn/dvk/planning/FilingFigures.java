package vn.dvk.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.ScopeSql;

/**
 * How organizations in the user's scope file their plans and reports for a year, for the dashboard: active
 * organizations, plans filed (and on time), reports due so far, filed and on time. Filed means submitted or approved.
 */
@Service
public class FilingFigures {

	/** The year's filing figures. */
	public record Filings(long organizations, long plans, long plansOnTime, long reportsDue, long reportsFiled,
			long reportsOnTime) {
	}

	private static final List<String> FILED = List.of("SUBMITTED", "APPROVED");

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final PlanningService planning;

	FilingFigures(JdbcClient jdbc, AccessPolicy access, PlanningService planning) {
		this.jdbc = jdbc;
		this.access = access;
		this.planning = planning;
	}

	public Filings of(DvkUser user, int year) {
		ScopeSql scope = ScopeSql.of(access.filterFor(user), "o.id", "o.locality_id");
		long organizations = jdbc
			.sql("select count(*) from organization_directory o where o.active = true and " + scope.condition())
			.params(scope.params())
			.query(Long.class)
			.single();
		List<Object> p = new ArrayList<>(List.of(year));
		p.addAll(FILED);
		p.addAll(scope.params());
		long[] plans = jdbc.sql("select count(*), sum(case when p.late then 0 else 1 end) from unit_plan p join "
				+ "organization_directory o on o.id = p.organization_id where p.plan_year = ? and p.status in (?, ?) "
				+ "and o.active = true and " + scope.condition())
			.params(p)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		LocalDate today = Deadlines.today();
		long due = 0;
		long filed = 0;
		long onTime = 0;
		for (PlanningService.Period period : planning.periods(year)) {
			if (!today.isAfter(period.deadline())) {
				continue;
			}
			due += organizations;
			List<Object> q = new ArrayList<>(List.of(period.id()));
			q.addAll(FILED);
			q.addAll(scope.params());
			long[] r = jdbc.sql("select count(*), sum(case when r.late then 0 else 1 end) from period_report r join "
					+ "organization_directory o on o.id = r.organization_id where r.period_id = ? and r.status in "
					+ "(?, ?) and o.active = true and " + scope.condition())
				.params(q)
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.single();
			filed += r[0];
			onTime += r[1];
		}
		return new Filings(organizations, plans[0], plans[1], due, filed, onTime);
	}

}
