package vn.dvk.account;

/** Filters of the user list; every field is optional. */
public record UserQuery(String text, Role role, Long organizationId) {
}
