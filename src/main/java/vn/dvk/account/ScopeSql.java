package vn.dvk.account;

import java.util.List;

/**
 * A {@link ScopeFilter} as a SQL condition over a record's organization and locality columns, for report and list
 * queries that aggregate in the database. Units and organizations nest, so "under" walks the tree with a recursive
 * through the views the locality module publishes ({@code organization_subtree}, {@code unit_subtree}).
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

	private static final String SUB_ORGANIZATIONS = "select organization_id from organization_subtree where "
			+ "ancestor_id = ?";

	private static final String SUB_UNITS = "select unit_id from unit_subtree where ancestor_id = ?";

}
