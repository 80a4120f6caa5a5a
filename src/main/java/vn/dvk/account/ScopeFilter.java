package vn.dvk.account;

/**
 * The part of the province a user may see, in a form list queries can turn into a WHERE clause: everything, the
 * localities under one unit, the organizations under one organization, or nothing.
 */
public sealed interface ScopeFilter {

	record Everything() implements ScopeFilter {
	}

	/** Records whose locality is this unit or lies under it. */
	record LocalitiesUnder(long unitId) implements ScopeFilter {
	}

	/** Records of this organization or its sub-organizations. */
	record OrganizationsUnder(long organizationId) implements ScopeFilter {
	}

	record Nothing() implements ScopeFilter {
	}

}
