package vn.dvk.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
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

	PageExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(UserFacingException.class)
	String userFacing(UserFacingException ex, HttpServletResponse response, Model model, Locale locale) {
		response.setStatus(ex.status().value());
		model.addAttribute("status", ex.status().value());
		model.addAttribute("messageKey", ex.messageKey());
		model.addAttribute("message", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		return "error/error";
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	String conflict(HttpServletResponse response, Model model) {
		return page(response, model, 409, "error.409");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String badParameter(HttpServletResponse response, Model model) {
		return page(response, model, 400, "error.400");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletResponse response, Model model) {
		return page(response, model, 413, "error.413");
	}

	private static String page(HttpServletResponse response, Model model, int status, String key) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("messageKey", key);
		return "error/error";
	}

}
