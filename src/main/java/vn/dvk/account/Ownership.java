package vn.dvk.account;

/**
 * Whom a record belongs to, for scope checks: an organization, a locality, or both. When only the organization is
 * known, its locality is looked up.
 */
public record Ownership(Long organizationId, Long localityId) {

	public static Ownership organization(long organizationId) {
		return new Ownership(organizationId, null);
	}

	public static Ownership locality(long localityId) {
		return new Ownership(null, localityId);
	}

}
