package vn.dvk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.system.AuditLog;
import vn.dvk.system.MailOutbox;
import vn.dvk.system.RateLimiter;
import vn.dvk.system.SiteSettings;
import vn.dvk.shared.TooManyRequestsException;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/**
 * Citizen accounts of the portal: registration with username, e-mail and password, and the verification of the
 * e-mail address through a link that works once and expires. Polls for verified accounts ask {@link #status}.
 * Only a SHA-256 of a link's token is stored.
 */
@Service
public class CitizenService {

	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,59}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final SecureRandom random = new SecureRandom();

	private final UserAccounts accounts;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final AccountSettings settings;

	private final MailOutbox mail;

	private final MessageSource messages;

	private final SiteSettings site;

	private final RateLimiter limiter;

	// Verified accounts stay verified: a voter's status is read from the database once a minute at most.
	private final Cache<Long, Status> statuses = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(100_000)
		.build();

	CitizenService(UserAccounts accounts, JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit,
			AccountSettings settings, MailOutbox mail, MessageSource messages, SiteSettings site,
			RateLimiter limiter) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.settings = settings;
		this.mail = mail;
		this.messages = messages;
		this.site = site;
		this.limiter = limiter;
	}

	/** What a citizen types to register. */
	public record Registration(String username, String fullName, String email, String password,
			String passwordConfirm) {
	}

	/**
	 * Whether an account's e-mail is verified, when the account was created, and the assurance level of its
	 * national e-ID link ({@code null}: not linked).
	 */
	public record Status(boolean emailVerified, Instant registeredAt, String email, Integer eidLevel) {

		/** A person vouched for: by a verified e-mail address or by the national e-ID. */
		public boolean verified() {
			return emailVerified || eidLevel != null;
		}

	}

	/** The result of opening a verification link. */
	public enum Verification {

		VERIFIED, ALREADY_VERIFIED, EXPIRED, UNKNOWN

	}

	/**
	 * Creates a citizen account (role CITIZEN, no organization) and sends the verification link. The caller's
	 * address is counted: a few registrations a minute from one address at most.
	 */
	@Transactional
	public UserView register(Registration r, String address) {
		limit("register:" + address, settings.registrationsPerMinute());
		String username = r.username() == null ? "" : r.username().trim().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(username).matches()) {
			throw UserFacingException.field("username", "account.username.format");
		}
		String email = r.email() == null ? "" : r.email().trim().toLowerCase(Locale.ROOT);
		if (email.isEmpty() || email.length() > 200 || !EMAIL.matcher(email).matches()) {
			throw UserFacingException.field("email", "validation.email");
		}
		String fullName = VietnameseText.isBlank(r.fullName()) ? username : VietnameseText.clean(r.fullName());
		if (fullName.length() > 120) {
			throw UserFacingException.field("fullName", "validation.tooLong", 120);
		}
		if (r.password() == null || r.password().length() < settings.passwordMinLength()) {
			throw UserFacingException.field("password", "account.password.tooShort", settings.passwordMinLength());
		}
		if (r.password().length() > 72) {
			throw UserFacingException.field("password", "account.password.tooLong", 72);
		}
		if (r.password().equalsIgnoreCase(username)) {
			throw UserFacingException.field("password", "account.password.likeUsername");
		}
		if (!r.password().equals(r.passwordConfirm())) {
			throw UserFacingException.field("passwordConfirm", "register.password.mismatch");
		}
		if (accounts.existsByUsername(username)) {
			throw UserFacingException.field("username", "account.username.taken", username);
		}
		if (jdbc.sql("select count(*) from app_user where email = ?").params(email).query(Long.class).single() > 0) {
			throw UserFacingException.field("email", "account.email.taken");
		}
		UserAccount account = new UserAccount(username, encoder.encode(r.password()));
		account.describe(fullName, email, null, AccessScope.PROVINCE, EnumSet.of(Role.CITIZEN));
		try {
			account = accounts.save(account);
		}
		catch (DuplicateKeyException ex) {
			throw UserFacingException.field("username", "account.username.taken", username);
		}
		audit.recordAs(username, "CITIZEN_REGISTERED", "app_user", account.getId(),
				"username: \"" + username + "\"");
		sendLink(account.getId(), username, fullName, email);
		return new UserView(account.getId(), username, fullName, email, EnumSet.of(Role.CITIZEN),
				AccessScope.PROVINCE, null, null, true, false, null, null, account.getVersion());
	}

	/** Sends a new link to a citizen whose address is not verified yet (a few times a minute at most). */
	@Transactional
	public void resend(DvkUser user) {
		limit("verify-resend:" + user.id(), 2);
		record Row(String username, String fullName, String email, Timestamp verifiedAt) {
		}
		Row row = jdbc.sql("select username, full_name, email, email_verified_at from app_user where id = ?")
			.params(user.id())
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("account.notFound"));
		if (row.verifiedAt() != null) {
			throw new UserFacingException(HttpStatus.CONFLICT, "account.verify.already");
		}
		if (row.email() == null) {
			throw UserFacingException.badRequest("account.verify.noEmail");
		}
		sendLink(user.id(), row.username(), row.fullName(), row.email());
	}

	/** Opens a verification link: verifies the address it was sent to, once, before it expires. */
	@Transactional
	public Verification verify(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return Verification.UNKNOWN;
		}
		record Link(long userId, String email, Instant expiresAt, Timestamp usedAt) {
		}
		Optional<Link> found = jdbc
			.sql("select user_id, email, expires_at, used_at from email_verification where token_hash = ?")
			.params(sha256(token))
			.query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4)))
			.optional();
		if (found.isEmpty()) {
			return Verification.UNKNOWN;
		}
		Link link = found.get();
		if (link.usedAt() != null) {
			return Verification.ALREADY_VERIFIED;
		}
		if (link.expiresAt().isBefore(Instant.now())) {
			return Verification.EXPIRED;
		}
		Timestamp now = Timestamp.from(Instant.now());
		int updated = jdbc
			.sql("update app_user set email_verified_at = ?, updated_at = ? where id = ? and email = ? "
					+ "and email_verified_at is null")
			.params(now, now, link.userId(), link.email())
			.update();
		jdbc.sql("update email_verification set used_at = ? where token_hash = ?").params(now, sha256(token)).update();
		statuses.invalidate(link.userId());
		if (updated == 0) {
			return Verification.ALREADY_VERIFIED;
		}
		String username = jdbc.sql("select username from app_user where id = ?")
			.params(link.userId())
			.query(String.class)
			.single();
		audit.recordAs(username, "EMAIL_VERIFIED", "app_user", link.userId(), "email: \"" + link.email() + "\"");
		return Verification.VERIFIED;
	}

	/** The account's verification status (cached for a minute; empty for an unknown account). */
	public Optional<Status> status(long userId) {
		Status cached = statuses.getIfPresent(userId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Status> s = jdbc
			.sql("select u.email_verified_at, u.created_at, u.email, e.assurance_level from app_user u "
					+ "left join citizen_eid e on e.user_id = u.id where u.id = ?")
			.params(userId)
			.query((rs, n) -> {
				int level = rs.getInt(4);
				Integer eidLevel = rs.wasNull() ? null : level;
				return new Status(rs.getTimestamp(1) != null, rs.getTimestamp(2).toInstant(), rs.getString(3),
						eidLevel);
			})
			.optional();
		// Only settled answers are kept: an unverified account may verify any moment (an e-ID login forgets it).
		s.filter(Status::verified).ifPresent(v -> statuses.put(userId, v));
		return s;
	}

	/** Drops the cached status after an e-ID login changed it. */
	void forget(long userId) {
		statuses.invalidate(userId);
	}

	public int passwordMinLength() {
		return settings.passwordMinLength();
	}

	public Duration linkLifetime() {
		return settings.verificationTtl();
	}

	private void sendLink(long userId, String username, String fullName, String email) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now();
		Instant expires = now.plus(settings.verificationTtl());
		jdbc.sql("insert into email_verification (token_hash, user_id, email, created_at, expires_at) "
				+ "values (?, ?, ?, ?, ?)")
			.params(sha256(token), userId, email, Timestamp.from(now), Timestamp.from(expires))
			.update();
		String link = site.absolute("/xac-minh-email?ma=" + token);
		long hours = Math.max(1, settings.verificationTtl().toHours());
		mail.enqueue(email, messages.getMessage("account.verify.mail.subject", new Object[] { site.name() }, VI),
				messages.getMessage("account.verify.mail.body",
						new Object[] { fullName, username, site.name(), link, hours }, VI));
	}

	private void limit(String key, int perMinute) {
		RateLimiter.Decision d = limiter.attempt(key, perMinute);
		if (!d.allowed()) {
			throw new TooManyRequestsException(d.retryAfterSeconds(), "account.register.rateLimited",
					d.retryAfterSeconds());
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
