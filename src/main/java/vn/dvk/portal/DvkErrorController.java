package vn.dvk.portal;

import vn.dvk.portal.UploadSizeFilter;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.dvk.shared.ApiErrors;

/**
 * Every error the container sees ends here: API paths get the JSON error body, pages get a Vietnamese error page.
 * Neither ever shows a stack trace or exception text.
 */
@Controller
class DvkErrorController implements ErrorController {

	private final ApiErrors errors;

	DvkErrorController(ApiErrors errors) {
		this.errors = errors;
	}

	@RequestMapping(value = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> json(HttpServletRequest request) {
		HttpStatus status = status(request);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(errors.body(status, errors.message(request, messageKey(status, true))));
	}

	@RequestMapping("/error")
	Object page(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = status(request);
		if (isApi(request)) {
			return json(request);
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("messageKey", messageKey(status, false));
		return "error/error";
	}

	/** Where {@link UploadSizeFilter} sends pages whose upload is too large to read. */
	@RequestMapping(UploadSizeFilter.TOO_LARGE_PAGE)
	String tooLarge(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		model.addAttribute("status", 413);
		model.addAttribute("messageKey", "error.413");
		return "error/error";
	}

	static String messageKey(HttpStatus status, boolean api) {
		return switch (status.value()) {
			case 400 -> "error.400";
			case 401 -> api ? "error.401.api" : "error.401";
			case 403 -> api ? "error.403.api" : "error.403";
			case 404 -> "error.404";
			case 405 -> "error.405";
			case 409 -> "error.409";
			case 413 -> "error.413";
			case 503 -> "error.503";
			default -> status.is4xxClientError() ? "error.400" : "error.500";
		};
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer i) {
			HttpStatus s = HttpStatus.resolve(i);
			if (s != null) {
				return s;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
