package vn.dvk.account;

import java.time.Instant;
import java.util.Set;

/** A user account as pages and other modules see it (never the password hash). */
public record UserView(long id, String username, String fullName, String email, Set<Role> roles, AccessScope scope,
		Long organizationId, String organizationName, boolean enabled, boolean locked, Instant lockedUntil,
		Instant lastLoginAt, int version) {
}
