package vn.dvk.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import vn.dvk.shared.VietnameseText;

/** A person who can log in, with roles and a scope. Usernames are stored in lower case. */
@Table("app_user")
class UserAccount {

	@Id
	private Long id;

	private String username;

	private String fullName;

	private String fullNameFolded;

	private String email;

	private String passwordHash;

	private Long organizationId;

	private AccessScope scope;

	private boolean enabled = true;

	private int failedAttempts;

	private Instant lockedUntil;

	private Instant lastLoginAt;

	private Instant passwordChangedAt;

	@MappedCollection(idColumn = "user_id")
	private Set<UserRole> roles = new HashSet<>();

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	protected UserAccount() {
	}

	UserAccount(String username, String passwordHash) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.passwordChangedAt = Instant.now();
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	void describe(String fullName, String email, Long organizationId, AccessScope scope, Set<Role> roles) {
		this.fullName = VietnameseText.clean(fullName);
		this.fullNameFolded = VietnameseText.fold(fullName);
		this.email = VietnameseText.isBlank(email) ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
		this.organizationId = organizationId;
		this.scope = scope;
		this.roles = roles.stream().map(UserRole::new).collect(Collectors.toCollection(HashSet::new));
		this.updatedAt = Instant.now();
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
		this.passwordChangedAt = Instant.now();
		this.updatedAt = passwordChangedAt;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
		this.updatedAt = Instant.now();
	}

	void unlock() {
		this.failedAttempts = 0;
		this.lockedUntil = null;
		this.updatedAt = Instant.now();
	}

	Set<Role> roleSet() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		roles.forEach(r -> set.add(r.role()));
		return set;
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getFullName() {
		return fullName;
	}

	String getEmail() {
		return email;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	Long getOrganizationId() {
		return organizationId;
	}

	AccessScope getScope() {
		return scope;
	}

	boolean isEnabled() {
		return enabled;
	}

	int getFailedAttempts() {
		return failedAttempts;
	}

	Instant getLockedUntil() {
		return lockedUntil;
	}

	Instant getLastLoginAt() {
		return lastLoginAt;
	}

	Integer getVersion() {
		return version;
	}

}
