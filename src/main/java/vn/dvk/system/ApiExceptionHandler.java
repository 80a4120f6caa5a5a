package vn.dvk.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.ApiErrors;

/** Turns exceptions of the JSON API into a JSON object with status, error and message with a Vietnamese message. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ApiErrors errors;

	ApiExceptionHandler(ApiErrors errors) {
		this.errors = errors;
	}

	@ExceptionHandler(UserFacingException.class)
	ResponseEntity<Map<String, Object>> userFacing(UserFacingException ex, HttpServletRequest request) {
		ResponseEntity<Map<String, Object>> response = respond(ex.status(),
				errors.message(request, ex.messageKey(), ex.arguments()));
		if (ex instanceof vn.dvk.shared.TooManyRequestsException tooMany) {
			return ResponseEntity.status(response.getStatusCode())
				.header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()))
				.body(response.getBody());
		}
		return response;
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MissingServletRequestPartException.class })
	ResponseEntity<Map<String, Object>> missing(Exception ex, HttpServletRequest request) {
		String name = ex instanceof MissingServletRequestParameterException m ? m.getParameterName()
				: ((MissingServletRequestPartException) ex).getRequestPartName();
		return respond(HttpStatus.BAD_REQUEST, errors.message(request, "error.api.missingParameter", name));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return respond(HttpStatus.BAD_REQUEST,
				errors.message(request, "error.api.badParameter", ex.getName(), String.valueOf(ex.getValue())));
	}

	/** The database is down or restarting: 503 with a retry hint; the client's request changed nothing. */
	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.dao.TransientDataAccessResourceException.class,
			org.springframework.dao.RecoverableDataAccessException.class })
	ResponseEntity<Map<String, Object>> databaseDown(HttpServletRequest request) {
		ResponseEntity<Map<String, Object>> r = respond(HttpStatus.SERVICE_UNAVAILABLE,
				errors.message(request, "error.databaseUnavailable"));
		return ResponseEntity.status(r.getStatusCode())
			.header(org.springframework.http.HttpHeaders.RETRY_AFTER, "10")
			.body(r.getBody());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpServletRequest request) {
		return respond(HttpStatus.BAD_REQUEST, errors.message(request, "error.api.badJson"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpServletRequest request) {
		return respond(HttpStatus.METHOD_NOT_ALLOWED, errors.message(request, "error.405"));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(HttpServletRequest request) {
		return respond(HttpStatus.PAYLOAD_TOO_LARGE, errors.message(request, "error.413"));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Map<String, Object>> conflict(HttpServletRequest request) {
		return respond(HttpStatus.CONFLICT, errors.message(request, "error.409"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Map<String, Object>> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		log.warn("Integrity violation on {}: {}", request.getRequestURI(), ex.getMostSpecificCause().getMessage());
		return respond(HttpStatus.CONFLICT, errors.message(request, "error.409.integrity"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Map<String, Object>> denied(HttpServletRequest request) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken) {
			return respond(HttpStatus.UNAUTHORIZED, errors.message(request, "error.401.api"));
		}
		return respond(HttpStatus.FORBIDDEN, errors.message(request, "error.403.api"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, errors.message(request, "error.500"));
	}

	private ResponseEntity<Map<String, Object>> respond(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(errors.body(status, message));
	}

}
