package vn.dvk.planning;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.dvk.planning.PlanningService.Period;
import vn.dvk.shared.UserFacingException;

/** The reporting periods of the planning years (kỳ báo cáo: six months, a year…), read. */
@Repository
class Periods {

	private final JdbcClient jdbc;

	Periods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Period> periods(int year) {
		return jdbc.sql("select id, plan_year, code, name, covers_from, covers_to, deadline from reporting_period "
				+ "where plan_year = ? order by deadline, id")
			.params(year)
			.query((rs, n) -> period(rs))
			.list();
	}

	Period period(long id) {
		return jdbc.sql("select id, plan_year, code, name, covers_from, covers_to, deadline from reporting_period "
				+ "where id = ?")
			.params(id)
			.query((rs, n) -> period(rs))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("planning.period.notFound"));
	}

	static Period period(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Period(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
				rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate());
	}

}
