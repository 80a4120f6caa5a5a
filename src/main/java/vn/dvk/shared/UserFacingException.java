package vn.dvk.shared;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user can act on: carries a message key (resolved in the user's language) and the HTTP status to
 * answer with. Services throw it; the web layer turns it into a flash message, a form error or a JSON error.
 */
public class UserFacingException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] arguments;

	private final String field;

	public UserFacingException(HttpStatus status, String messageKey, Object... arguments) {
		this(status, null, messageKey, arguments);
	}

	private UserFacingException(HttpStatus status, String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	/** A refusal about one form field, shown next to that field. */
	public static UserFacingException field(String field, String messageKey, Object... arguments) {
		return new UserFacingException(HttpStatus.BAD_REQUEST, field, messageKey, arguments);
	}

	public static UserFacingException badRequest(String messageKey, Object... arguments) {
		return new UserFacingException(HttpStatus.BAD_REQUEST, messageKey, arguments);
	}

	public static UserFacingException notFound(String messageKey, Object... arguments) {
		return new UserFacingException(HttpStatus.NOT_FOUND, messageKey, arguments);
	}

	public static UserFacingException conflict(String messageKey, Object... arguments) {
		return new UserFacingException(HttpStatus.CONFLICT, messageKey, arguments);
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}

	/** The form field this is about, or {@code null} when it concerns the whole request. */
	public String field() {
		return field;
	}

}
