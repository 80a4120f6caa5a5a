package vn.dvk.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.system.AuditLog;

/**
 * Counts failed logins and locks an account after too many in a row (5 for 15 minutes by default), and writes
 * every security event to the audit trail. Applies to form login and HTTP Basic alike.
 */
@Component
class LoginAttempts {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final AccountSettings settings;

	LoginAttempts(JdbcClient jdbc, AuditLog audit, AccountSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		// HTTP Basic authenticates every API call: only touch the row when there is something to reset.
		jdbc.sql("""
				update app_user set failed_attempts = 0, locked_until = null
				where username = :u and (failed_attempts > 0 or locked_until is not null)""")
			.param("u", username)
			.update();
	}

	/** Form logins only: an interactive login is an event worth recording. */
	@EventListener
	@Transactional
	public void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		jdbc.sql("update app_user set last_login_at = :now where username = :u")
			.param("now", Timestamp.from(Instant.now()))
			.param("u", username)
			.update();
		audit.recordAs(username, "LOGIN_SUCCEEDED", "app_user", username, null);
	}

	@EventListener
	@Transactional
	public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = attempted(event);
		int updated = jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where username = :u")
			.param("u", username)
			.update();
		audit.recordAs(username, "LOGIN_FAILED", "app_user", username, null);
		if (updated == 0) {
			return;
		}
		int failures = jdbc.sql("select failed_attempts from app_user where username = :u")
			.param("u", username)
			.query(Integer.class)
			.single();
		if (failures >= settings.maxFailedLogins()) {
			Instant until = Instant.now().plus(settings.lockDuration());
			jdbc.sql("update app_user set failed_attempts = 0, locked_until = :until where username = :u")
				.param("until", Timestamp.from(until))
				.param("u", username)
				.update();
			audit.recordAs(username, "ACCOUNT_LOCKED", "app_user", username,
					"failedAttempts: " + failures + "; lockedFor: " + settings.lockDuration().toMinutes() + " min");
		}
	}

	@EventListener
	@Transactional
	public void onLocked(AuthenticationFailureLockedEvent event) {
		String username = attempted(event);
		audit.recordAs(username, "LOGIN_REFUSED_LOCKED", "app_user", username, null);
	}

	private static String attempted(AbstractAuthenticationFailureEvent event) {
		Object name = event.getAuthentication().getPrincipal();
		String s = name == null ? "" : name.toString().trim().toLowerCase(Locale.ROOT);
		return s.length() > 60 ? s.substring(0, 60) : s;
	}

}
