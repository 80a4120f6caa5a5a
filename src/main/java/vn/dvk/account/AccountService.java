package vn.dvk.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/** The account module's API: user administration, passwords, look-ups. */
@Service
public class AccountService {

	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,59}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final UserAccounts accounts;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final OrganizationService organizations;

	private final AuditLog audit;

	private final AccountSettings settings;

	AccountService(UserAccounts accounts, JdbcClient jdbc, PasswordEncoder encoder,
			OrganizationService organizations, AuditLog audit, AccountSettings settings) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.organizations = organizations;
		this.audit = audit;
		this.settings = settings;
	}

	public Optional<UserView> find(long id) {
		return accounts.findById(id).map(this::view);
	}

	/** Several accounts at once (one query), by id; unknown ids are absent. */
	public java.util.Map<Long, UserView> findAll(java.util.Collection<Long> ids) {
		java.util.Map<Long, UserView> found = new java.util.LinkedHashMap<>();
		if (!ids.isEmpty()) {
			accounts.findAllById(ids).forEach(a -> found.put(a.getId(), view(a)));
		}
		return found;
	}

	public Optional<UserView> findByUsername(String username) {
		return accounts.findByUsername(normalize(username)).map(this::view);
	}

	public boolean exists(String username) {
		return accounts.existsByUsername(normalize(username));
	}

	public PageResult<UserView> search(UserQuery query, PageResult.Request page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (!VietnameseText.isBlank(query.text())) {
			String[] words = VietnameseText.fold(query.text()).split(" ");
			for (int i = 0; i < words.length; i++) {
				where.append(" and (u.full_name_folded like :w").append(i).append(" or u.username like :w").append(i)
					.append(')');
				params.put("w" + i, "%" + words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		if (query.role() != null) {
			where.append(" and exists (select 1 from app_user_role r where r.user_id = u.id and r.role = :role)");
			params.put("role", query.role().name());
		}
		if (query.organizationId() != null) {
			where.append(" and u.organization_id = :org");
			params.put("org", query.organizationId());
		}
		long total = jdbc.sql("select count(*) from app_user u" + where).params(params).query(Long.class).single();
		List<Long> ids = jdbc.sql("select u.id from app_user u" + where
				+ " order by u.username limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		// One query for the page's accounts and their roles (no N+1), then the page order.
		Map<Long, UserAccount> byId = new LinkedHashMap<>();
		accounts.findAllById(ids).forEach(a -> byId.put(a.getId(), a));
		Map<Long, String> orgNames = organizationNames(byId.values());
		List<UserView> items = ids.stream()
			.map(byId::get)
			.filter(java.util.Objects::nonNull)
			.map(a -> view(a, orgNames.get(a.getOrganizationId())))
			.toList();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	@Transactional
	@Requires(Permission.MANAGE_USERS)
	public UserView create(UserCommand command) {
		String username = normalize(command.username());
		if (!USERNAME.matcher(username).matches()) {
			throw UserFacingException.field("username", "account.username.format");
		}
		if (accounts.existsByUsername(username)) {
			throw UserFacingException.field("username", "account.username.taken", username);
		}
		checkPassword("password", command.password(), username);
		Described d = describe(command);
		UserAccount account = new UserAccount(username, encoder.encode(command.password()));
		account.describe(command.fullName(), command.email(), d.organizationId, d.scope, d.roles);
		try {
			account = accounts.save(account);
		}
		catch (DuplicateKeyException ex) {
			throw UserFacingException.field("username", "account.username.taken", username);
		}
		audit.record("USER_CREATED", "app_user", account.getId(), AuditLog.values(snapshot(account)));
		return view(account);
	}

	@Transactional
	@Requires(Permission.MANAGE_USERS)
	public UserView update(long id, int version, UserCommand command) {
		UserAccount account = load(id);
		if (account.getVersion() != version) {
			throw new OptimisticLockingFailureException("app_user " + id);
		}
		Described d = describe(command);
		Map<String, Object> before = snapshot(account);
		if (account.getUsername().equals(AuditLog.currentActor()) && account.roleSet().contains(Role.ADMIN)
				&& !d.roles.contains(Role.ADMIN)) {
			throw UserFacingException.field("roles", "account.roles.selfAdmin");
		}
		account.describe(command.fullName(), command.email(), d.organizationId, d.scope, d.roles);
		accounts.save(account);
		audit.record("USER_UPDATED", "app_user", id, AuditLog.changes(before, snapshot(account)));
		return view(account);
	}

	@Transactional
	@Requires(Permission.MANAGE_USERS)
	public UserView setEnabled(long id, boolean enabled) {
		UserAccount account = load(id);
		if (!enabled && account.getUsername().equals(AuditLog.currentActor())) {
			throw UserFacingException.badRequest("account.disable.self");
		}
		if (account.isEnabled() != enabled) {
			account.setEnabled(enabled);
			accounts.save(account);
			audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "app_user", id,
					"username: \"" + account.getUsername() + "\"");
		}
		return view(account);
	}

	@Transactional
	@Requires(Permission.MANAGE_USERS)
	public UserView unlock(long id) {
		UserAccount account = load(id);
		account.unlock();
		accounts.save(account);
		audit.record("USER_UNLOCKED", "app_user", id, "username: \"" + account.getUsername() + "\"");
		return view(account);
	}

	/** An administrator sets a new password for someone else (who should change it after logging in). */
	@Transactional
	@Requires(Permission.MANAGE_USERS)
	public void resetPassword(long id, String newPassword) {
		UserAccount account = load(id);
		checkPassword("newPassword", newPassword, account.getUsername());
		account.changePassword(encoder.encode(newPassword));
		account.unlock();
		accounts.save(account);
		audit.record("PASSWORD_RESET", "app_user", id, "username: \"" + account.getUsername() + "\"");
	}

	/** A user changes their own password, proving they know the current one. */
	@Transactional
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		UserAccount account = accounts.findByUsername(normalize(username))
			.orElseThrow(() -> UserFacingException.notFound("account.notFound"));
		if (currentPassword == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
			throw UserFacingException.field("currentPassword", "account.password.currentWrong");
		}
		checkPassword("newPassword", newPassword, account.getUsername());
		if (encoder.matches(newPassword, account.getPasswordHash())) {
			throw UserFacingException.field("newPassword", "account.password.same");
		}
		account.changePassword(encoder.encode(newPassword));
		accounts.save(account);
		audit.recordAs(account.getUsername(), "PASSWORD_CHANGED", "app_user", account.getId(), null);
	}

	/**
	 * Creates the administrator from {@code DVK_ADMIN_USER} / {@code DVK_ADMIN_PASSWORD} unless an account of
	 * that name exists (never overwritten).
	 *
	 * @return whether an account was created
	 */
	@Transactional
	@Requires(Permission.MANAGE_USERS)
	public boolean bootstrapAdmin() {
		if (VietnameseText.isBlank(settings.adminPassword())) {
			return false;
		}
		String username = normalize(settings.adminUser());
		if (accounts.existsByUsername(username)) {
			return false;
		}
		UserAccount admin = new UserAccount(username, encoder.encode(settings.adminPassword()));
		admin.describe("Quản trị hệ thống", null, null, AccessScope.PROVINCE, EnumSet.of(Role.ADMIN));
		admin = accounts.save(admin);
		audit.record("USER_CREATED", "app_user", admin.getId(), "username: \"" + username + "\"; bootstrap: true");
		return true;
	}

	/** An administrator vouches for an account's e-mail address (also the demo citizen). */
	@Transactional
	@Requires(Permission.MANAGE_USERS)
	public void markEmailVerified(long id) {
		UserAccount account = load(id);
		if (account.getEmail() == null) {
			throw UserFacingException.badRequest("account.verify.noEmail");
		}
		java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
		jdbc.sql("update app_user set email_verified_at = ? where id = ? and email_verified_at is null")
			.params(now, id)
			.update();
		audit.record("EMAIL_VERIFIED", "app_user", id, "email: \"" + account.getEmail() + "\"; by: administrator");
	}

	public long countAdmins() {
		return jdbc.sql("select count(*) from app_user_role where role = 'ADMIN'").query(Long.class).single();
	}

	public int passwordMinLength() {
		return settings.passwordMinLength();
	}

	// --- internals ----------------------------------------------------------------------------------------

	private record Described(Long organizationId, AccessScope scope, Set<Role> roles) {
	}

	private Described describe(UserCommand c) {
		if (VietnameseText.isBlank(c.fullName())) {
			throw UserFacingException.field("fullName", "account.fullName.required");
		}
		if (c.fullName().trim().length() > 120) {
			throw UserFacingException.field("fullName", "validation.tooLong", 120);
		}
		if (!VietnameseText.isBlank(c.email())
				&& (c.email().trim().length() > 200 || !EMAIL.matcher(c.email().trim()).matches())) {
			throw UserFacingException.field("email", "validation.email");
		}
		if (c.roles() == null || c.roles().isEmpty()) {
			throw UserFacingException.field("roles", "account.roles.required");
		}
		if (c.scope() == null) {
			throw UserFacingException.field("scope", "account.scope.required");
		}
		Long orgId = c.organizationId();
		if (orgId != null) {
			OrganizationView org = organizations.find(orgId)
				.orElseThrow(() -> UserFacingException.field("organizationId", "account.organization.unknown"));
			orgId = org.id();
		}
		else if (c.scope() != AccessScope.PROVINCE) {
			throw UserFacingException.field("organizationId", "account.organization.requiredForScope");
		}
		return new Described(orgId, c.scope(), EnumSet.copyOf(c.roles()));
	}

	private void checkPassword(String field, String password, String username) {
		if (password == null || password.length() < settings.passwordMinLength()) {
			throw UserFacingException.field(field, "account.password.tooShort", settings.passwordMinLength());
		}
		if (password.length() > 72) {
			// BCrypt reads only the first 72 bytes.
			throw UserFacingException.field(field, "account.password.tooLong", 72);
		}
		if (password.equalsIgnoreCase(username)) {
			throw UserFacingException.field(field, "account.password.likeUsername");
		}
	}

	private UserAccount load(long id) {
		return accounts.findById(id).orElseThrow(() -> UserFacingException.notFound("account.notFound"));
	}

	private static String normalize(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

	private Map<Long, String> organizationNames(java.util.Collection<UserAccount> list) {
		Map<Long, String> names = new java.util.HashMap<>();
		list.stream()
			.map(UserAccount::getOrganizationId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.forEach(id -> organizations.find(id).ifPresent(o -> names.put(id, o.name())));
		return names;
	}

	private UserView view(UserAccount a) {
		String orgName = a.getOrganizationId() == null ? null
				: organizations.find(a.getOrganizationId()).map(OrganizationView::name).orElse(null);
		return view(a, orgName);
	}

	private static UserView view(UserAccount a, String organizationName) {
		Instant lockedUntil = a.getLockedUntil();
		boolean locked = lockedUntil != null && lockedUntil.isAfter(Instant.now());
		return new UserView(a.getId(), a.getUsername(), a.getFullName(), a.getEmail(), a.roleSet(), a.getScope(),
				a.getOrganizationId(), organizationName, a.isEnabled(), locked, locked ? lockedUntil : null,
				a.getLastLoginAt(), a.getVersion());
	}

	private static Map<String, Object> snapshot(UserAccount a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("username", a.getUsername());
		m.put("fullName", a.getFullName());
		m.put("email", a.getEmail());
		m.put("roles", String.join(",", new TreeSet<>(a.roleSet().stream().map(Enum::name).toList())));
		m.put("scope", a.getScope());
		m.put("organizationId", a.getOrganizationId());
		return m;
	}

}
