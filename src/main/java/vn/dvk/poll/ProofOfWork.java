package vn.dvk.poll;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.altcha.altcha.Altcha;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.dvk.shared.UserFacingException;
import vn.dvk.visits.VisitorIdentity;

/**
 * The proof-of-work challenge of open polls, in ALTCHA's format: the server signs a random salt and a secret
 * number's SHA-256; the browser finds the number by trying them all (static/js/pow.js, Web Crypto) and sends it
 * back with the signed challenge. Nothing to see or type, so nothing to fail for screen-reader users; a script
 * pays CPU time per ballot (sized by {@code dvk.poll.pow-max-number}; bench/pow.sh measures both sides). A solved
 * challenge is accepted once (its signature is stored until it expires, in the database, so this holds across
 * nodes), only for the poll it was issued for and only from the device it was issued to: a farm that solves
 * challenges cannot hand them to other clients.
 */
@Component
class ProofOfWork {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private final VisitorIdentity identities;

	private final JdbcClient jdbc;

	private final long maxNumber;

	private final long lifetimeSeconds;

	private volatile String key;

	ProofOfWork(VisitorIdentity identities, JdbcClient jdbc, @Value("${dvk.poll.pow-max-number:300000}") long maxNumber,
			@Value("${dvk.poll.pow-lifetime-seconds:600}") long lifetimeSeconds) {
		this.identities = identities;
		this.jdbc = jdbc;
		this.maxNumber = maxNumber;
		this.lifetimeSeconds = lifetimeSeconds;
	}

	/** A challenge as ALTCHA's widget expects it: algorithm, challenge, maxnumber, salt, signature. */
	Map<String, Object> challenge(long pollId, String deviceKey) {
		try {
			Altcha.ChallengeOptions options = new Altcha.ChallengeOptions().setAlgorithm(Altcha.Algorithm.SHA256)
				.setMaxNumber(maxNumber)
				.setHmacKey(key())
				.setExpiresInSeconds(lifetimeSeconds)
				.addParam("poll", Long.toString(pollId))
				.addParam("device", device(deviceKey));
			Altcha.Challenge c = Altcha.createChallenge(options);
			return Map.of("algorithm", c.algorithm, "challenge", c.challenge, "maxnumber", c.maxnumber, "salt",
					c.salt, "signature", c.signature);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create a proof-of-work challenge", ex);
		}
	}

	/**
	 * Accepts a solution (base64 JSON of algorithm, challenge, number, salt, signature) once: refused when missing,
	 * wrong, expired, issued for another poll or used before.
	 */
	void spend(long pollId, String deviceKey, String payload) {
		if (payload == null || payload.isBlank() || payload.length() > 2000) {
			throw new UserFacingException(HttpStatus.BAD_REQUEST, "poll.pow.required");
		}
		String signature;
		Instant expires;
		try {
			if (!Altcha.verifySolution(payload.trim(), key(), true)) {
				throw new UserFacingException(HttpStatus.BAD_REQUEST, "poll.pow.invalid");
			}
			Map<String, Object> json = JSON.readValue(new String(Base64.getDecoder().decode(payload.trim()),
					StandardCharsets.UTF_8), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
					});
			Map<String, String> params = Altcha.extractParams(String.valueOf(json.get("salt")));
			if (!Long.toString(pollId).equals(params.get("poll")) || !device(deviceKey).equals(params.get("device"))) {
				throw new UserFacingException(HttpStatus.BAD_REQUEST, "poll.pow.invalid");
			}
			signature = String.valueOf(json.get("signature"));
			String at = params.get("expires");
			expires = at == null ? Instant.now().plusSeconds(lifetimeSeconds) : Instant.ofEpochSecond(Long.parseLong(at));
		}
		catch (UserFacingException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new UserFacingException(HttpStatus.BAD_REQUEST, "poll.pow.invalid");
		}
		try {
			jdbc.sql("insert into pow_spent (signature, expires_at) values (?, ?)")
				.params(signature, Timestamp.from(expires))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new UserFacingException(HttpStatus.CONFLICT, "poll.pow.used");
		}
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "poll.forgetSpentChallenges")
	public void forgetExpired() {
		jdbc.sql("delete from pow_spent where expires_at < ?").params(Timestamp.from(Instant.now())).update();
	}

	/** A short salted hash of the device key (the challenge is public): "-" for a request without one. */
	private String device(String deviceKey) {
		return deviceKey == null ? "-" : identities.hash("pow|" + deviceKey).substring(0, 12);
	}

	private String key() {
		String k = key;
		if (k == null) {
			// Derived from the installation's secret, so every node signs and checks with the same key.
			k = identities.hash("altcha-hmac-key");
			key = k;
		}
		return k;
	}

}
