package vn.dvk.account;

import java.util.List;

/**
 * A {@link ScopeFilter} as a SQL condition over a record's organization and locality columns, for report and list
 * queries that aggregate in the database. Units and organizations nest, so "under" walks the tree with a recursive
 * query (standard SQL, the same on H2 and PostgreSQL).
 *
 * @param condition a boolean expression to AND into a WHERE clause ({@code 1 = 1} for everything)
 * @param params its parameters, in order
 */
public record ScopeSql(String condition, List<Object> params) {

	/** The condition for a filter; {@code organizationColumn} and {@code localityColumn} name the record's columns. */
	public static ScopeSql of(ScopeFilter filter, String organizationColumn, String localityColumn) {
		if (filter instanceof ScopeFilter.Everything) {
			return new ScopeSql("1 = 1", List.of());
		}
		if (filter instanceof ScopeFilter.OrganizationsUnder o) {
			return new ScopeSql(organizationColumn + " in (" + SUB_ORGANIZATIONS + ")", List.of(o.organizationId()));
		}
		if (filter instanceof ScopeFilter.LocalitiesUnder l) {
			return new ScopeSql(localityColumn + " in (" + SUB_UNITS + ")", List.of(l.unitId()));
		}
		return new ScopeSql("1 = 0", List.of());
	}

	private static final String SUB_ORGANIZATIONS = "with recursive sub_org (id) as (select id from organization "
			+ "where id = ? union all select o.id from organization o join sub_org s on o.parent_id = s.id) "
			+ "select id from sub_org";

	private static final String SUB_UNITS = "with recursive sub_unit (id) as (select id from administrative_unit "
			+ "where id = ? union all select u.id from administrative_unit u join sub_unit s on u.parent_id = s.id) "
			+ "select id from sub_unit";

}
