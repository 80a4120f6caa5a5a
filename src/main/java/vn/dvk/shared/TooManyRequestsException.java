package vn.dvk.shared;

import org.springframework.http.HttpStatus;

/** A refusal for going too fast: 429 with the seconds to wait, sent as {@code Retry-After}. */
public class TooManyRequestsException extends UserFacingException {

	private final long retryAfterSeconds;

	public TooManyRequestsException(long retryAfterSeconds, String messageKey, Object... arguments) {
		super(HttpStatus.TOO_MANY_REQUESTS, messageKey, arguments);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
