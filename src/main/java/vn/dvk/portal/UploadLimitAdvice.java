package vn.dvk.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import vn.dvk.shared.ApiErrors;

/**
 * An upload over the container's limit fails before any controller is chosen, and the error page cannot be
 * rendered through a second dispatch of the same oversized request: answer here, JSON for the API and the error
 * page for the rest, so the user is told the file is too large instead of getting an empty page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	private final ApiErrors errors;

	private final LayoutAdvice layout;

	UploadLimitAdvice(ApiErrors errors, LayoutAdvice layout) {
		this.errors = errors;
		this.layout = layout;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			Map<String, Object> body = errors.body(HttpStatus.PAYLOAD_TOO_LARGE, errors.message(request, "error.413"));
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON).body(body);
		}
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		ModelAndView page = new ModelAndView("error/error");
		page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
		page.addObject("status", 413);
		page.addObject("messageKey", "error.413");
		org.springframework.ui.ExtendedModelMap model = new org.springframework.ui.ExtendedModelMap();
		layout.populate(model, request, auth);
		page.addAllObjects(model);
		return page;
	}

}
