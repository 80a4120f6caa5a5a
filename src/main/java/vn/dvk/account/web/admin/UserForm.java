package vn.dvk.account.web.admin;

import java.util.EnumSet;
import java.util.Set;

import vn.dvk.account.AccessScope;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.account.UserView;

/** The user form; the service validates it. */
public class UserForm {

	private String username;

	private String fullName;

	private String email;

	private String password;

	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private Long organizationId;

	private AccessScope scope = AccessScope.ORGANIZATION;

	private int version;

	static UserForm of(UserView u) {
		UserForm f = new UserForm();
		f.username = u.username();
		f.fullName = u.fullName();
		f.email = u.email();
		f.roles = u.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.roles());
		f.organizationId = u.organizationId();
		f.scope = u.scope();
		f.version = u.version();
		return f;
	}

	UserCommand command() {
		return new UserCommand(username, fullName, email, password, roles, organizationId, scope);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getFullName() {
		return fullName;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	public void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public AccessScope getScope() {
		return scope;
	}

	public void setScope(AccessScope scope) {
		this.scope = scope;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
