package vn.dvk.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as Spring Security and the other modules see it: identity, roles, scope and organization.
 */
public final class DvkUser implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private String passwordHash;

	private final String fullName;

	private final Set<Role> roles;

	private final AccessScope scope;

	private final Long organizationId;

	private final boolean enabled;

	private final Instant lockedUntil;

	DvkUser(long id, String username, String passwordHash, String fullName, Set<Role> roles, AccessScope scope,
			Long organizationId, boolean enabled, Instant lockedUntil) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.scope = scope;
		this.organizationId = organizationId;
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
	}

	/** For tests and jobs that act as a given user without logging in. */
	public static DvkUser of(long id, String username, String fullName, Set<Role> roles, AccessScope scope,
			Long organizationId) {
		return new DvkUser(id, username, "", fullName, roles, scope, organizationId, true, null);
	}

	public long id() {
		return id;
	}

	public String fullName() {
		return fullName;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean hasAnyRole(Role... any) {
		for (Role r : any) {
			if (roles.contains(r)) {
				return true;
			}
		}
		return false;
	}

	public AccessScope scope() {
		return scope;
	}

	public Long organizationId() {
		return organizationId;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> list = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		return list;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || lockedUntil.isBefore(Instant.now());
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof DvkUser other && other.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return "DvkUser[" + username + "]";
	}

}
