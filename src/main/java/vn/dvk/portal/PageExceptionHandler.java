package vn.dvk.portal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import vn.dvk.shared.UserFacingException;

/**
 * Pages: a refusal that escapes a controller becomes the error page with its Vietnamese message and the right
 * status. Controllers that can show the message next to a form field catch it themselves.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private final MessageSource messages;

	private final LayoutAdvice layout;

	PageExceptionHandler(MessageSource messages, LayoutAdvice layout) {
		this.messages = messages;
		this.layout = layout;
	}

	@ExceptionHandler(UserFacingException.class)
	String userFacing(UserFacingException ex, HttpServletRequest request, HttpServletResponse response, Model model,
			Locale locale, Authentication auth) {
		layout.populate(model, request, auth);
		response.setStatus(ex.status().value());
		if (ex instanceof vn.dvk.shared.TooManyRequestsException tooMany) {
			response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER,
					Long.toString(tooMany.retryAfterSeconds()));
		}
		model.addAttribute("status", ex.status().value());
		model.addAttribute("messageKey", ex.messageKey());
		model.addAttribute("message", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		return "error/error";
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	String conflict(HttpServletRequest request, HttpServletResponse response, Model model, Authentication auth) {
		layout.populate(model, request, auth);
		return page(response, model, 409, "error.409");
	}

	/** The database is down or restarting: say so and when to retry; nothing else is lost. */
	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.dao.TransientDataAccessResourceException.class,
			org.springframework.dao.RecoverableDataAccessException.class })
	String databaseDown(HttpServletRequest request, HttpServletResponse response, Model model, Authentication auth) {
		layout.populate(model, request, auth);
		response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, "10");
		return page(response, model, 503, "error.databaseUnavailable");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String badParameter(HttpServletRequest request, HttpServletResponse response, Model model, Authentication auth) {
		layout.populate(model, request, auth);
		return page(response, model, 400, "error.400");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model, Authentication auth) {
		layout.populate(model, request, auth);
		return page(response, model, 413, "error.413");
	}

	private static String page(HttpServletResponse response, Model model, int status, String key) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("messageKey", key);
		return "error/error";
	}

}
