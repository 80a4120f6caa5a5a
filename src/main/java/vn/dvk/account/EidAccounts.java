package vn.dvk.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;
import vn.dvk.system.AuditLog;
import vn.dvk.system.SettingsStore;

/**
 * Citizen accounts linked to the national e-ID. The first login through the provider creates a citizen account
 * (no password anyone knows) and links it; later logins find it again. The personal identification number never
 * reaches the database: only an HMAC of it under the installation's key, enough to recognise the same person (one
 * account per person, so one ballot per person in polls that ask for the e-ID) and useless to anyone who reads the
 * table. Kept besides: the provider, the assurance level of the last login, the times of linking and last login.
 */
@Service
public class EidAccounts {

	static final String HASH_KEY_SETTING = "eid.hash-key";

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final EidSettings settings;

	private final SettingsStore store;

	private final CitizenService citizens;

	private volatile SecretKeySpec key;

	EidAccounts(JdbcClient jdbc, UserAccounts accounts, PasswordEncoder encoder, AuditLog audit, EidSettings settings,
			SettingsStore store, CitizenService citizens) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.encoder = encoder;
		this.audit = audit;
		this.settings = settings;
		this.store = store;
		this.citizens = citizens;
	}

	/** What is kept about an account's e-ID link (shown to its owner). */
	public record Link(String provider, int level, Instant linkedAt, Instant lastLoginAt) {
	}

	/**
	 * The account of the person the provider vouched for, created and linked on their first login. The claims are
	 * those of a verified ID token (and user info). Refused, with a reason the login page shows, when the provider
	 * sent no personal number or the linked account has been disabled by an administrator.
	 */
	@Transactional
	public DvkUser signIn(Map<String, Object> claims) {
		Object number = claims.get(settings.personIdClaim());
		String person = number == null ? null : number.toString().trim();
		if (person == null || person.isEmpty() || person.length() > 64) {
			throw UserFacingException.badRequest("eid.login.noPersonId");
		}
		String hash = hash(person);
		int level = level(claims.get("acr"));
		Timestamp now = Timestamp.from(Instant.now());
		Optional<Long> linked = jdbc.sql("select user_id from citizen_eid where subject_hash = ?")
			.params(hash)
			.query(Long.class)
			.optional();
		long userId;
		if (linked.isPresent()) {
			userId = linked.get();
			jdbc.sql("update citizen_eid set assurance_level = ?, last_login_at = ? where user_id = ?")
				.params(level, now, userId)
				.update();
		}
		else {
			String fullName = VietnameseText.clean(String.valueOf(claims.getOrDefault("name", "")));
			if (VietnameseText.isBlank(fullName)) {
				fullName = "Công dân";
			}
			fullName = fullName.length() > 120 ? fullName.substring(0, 120) : fullName;
			String username = "eid-" + hash.substring(0, 12).toLowerCase(Locale.ROOT);
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			UserAccount account = new UserAccount(username, encoder.encode(HexFormat.of().formatHex(random)));
			account.describe(fullName, null, null, AccessScope.PROVINCE, EnumSet.of(Role.CITIZEN));
			account = accounts.save(account);
			userId = account.getId();
			jdbc.sql("""
					insert into citizen_eid (user_id, subject_hash, provider, assurance_level, linked_at, last_login_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(userId, hash, EidSettings.REGISTRATION, level, now, now)
				.update();
			audit.recordAs(username, "EID_LINKED", "app_user", userId, "provider: \"" + settings.displayName()
					+ "\", level: " + level);
		}
		citizens.forget(userId);
		UserAccount account = accounts.findById(userId).orElseThrow();
		if (!account.isEnabled()) {
			throw new UserFacingException(org.springframework.http.HttpStatus.FORBIDDEN, "eid.login.disabled");
		}
		return DvkUserDetailsService.toUser(account);
	}

	public Optional<Link> link(long userId) {
		return jdbc.sql("select provider, assurance_level, linked_at, last_login_at from citizen_eid where user_id = ?")
			.params(userId)
			.query((rs, n) -> new Link(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	public String providerName() {
		return settings.displayName();
	}

	/**
	 * The assurance level in the {@code acr} claim: its last digit ("2", "loa-2", "urn:…:level:2"); 1 when the
	 * provider says nothing more.
	 */
	static int level(Object acr) {
		if (acr == null) {
			return 1;
		}
		String s = acr.toString();
		for (int i = s.length() - 1; i >= 0; i--) {
			if (Character.isDigit(s.charAt(i))) {
				return s.charAt(i) - '0';
			}
		}
		return 1;
	}

	String hash(String person) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return HexFormat.of().formatHex(mac.doFinal(("eid|" + person).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec k = key;
		if (k == null) {
			byte[] secret;
			if (settings.hashKey() != null && !settings.hashKey().isBlank()) {
				secret = settings.hashKey().getBytes(StandardCharsets.UTF_8);
			}
			else {
				String stored = store.get(HASH_KEY_SETTING).orElse(null);
				if (stored == null) {
					byte[] random = new byte[32];
					new SecureRandom().nextBytes(random);
					store.put(HASH_KEY_SETTING, HexFormat.of().formatHex(random));
					stored = store.get(HASH_KEY_SETTING).orElseThrow();
				}
				secret = HexFormat.of().parseHex(stored);
			}
			k = new SecretKeySpec(secret, "HmacSHA256");
			key = k;
		}
		return k;
	}

}
