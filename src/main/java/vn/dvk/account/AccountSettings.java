package vn.dvk.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login and password rules.
 *
 * @param maxFailedLogins failed logins in a row that lock an account
 * @param lockDuration how long a locked account stays locked
 * @param passwordMinLength shortest password accepted
 * @param adminUser username of the administrator created on first start ({@code DVK_ADMIN_USER})
 * @param adminPassword its password ({@code DVK_ADMIN_PASSWORD}); no administrator is created without one
 * @param verificationTtl how long an e-mail verification link works
 * @param registrationsPerMinute citizen registrations accepted from one address per minute
 */
@ConfigurationProperties("dvk.account")
record AccountSettings(Integer maxFailedLogins, Duration lockDuration, Integer passwordMinLength, String adminUser,
		String adminPassword, Duration verificationTtl, Integer registrationsPerMinute) {

	AccountSettings {
		maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
		lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
		passwordMinLength = passwordMinLength == null ? 8 : passwordMinLength;
		adminUser = adminUser == null || adminUser.isBlank() ? "admin" : adminUser.trim();
		verificationTtl = verificationTtl == null ? Duration.ofHours(24) : verificationTtl;
		registrationsPerMinute = registrationsPerMinute == null ? 5 : registrationsPerMinute;
	}

}
