package vn.dvk.account;

import java.util.Set;

/**
 * What an administrator (or an integration through the API) enters for a user. The password is only read when
 * creating; it is changed with its own operations.
 */
public record UserCommand(String username, String fullName, String email, String password, Set<Role> roles,
		Long organizationId, AccessScope scope) {
}
