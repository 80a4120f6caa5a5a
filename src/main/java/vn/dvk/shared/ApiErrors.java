package vn.dvk.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the API's error body, a JSON object with status, error and message, with the message in the caller's language
 * (Vietnamese unless {@code ?lang=en} or {@code Accept-Language: en}).
 */
@Component
public class ApiErrors {

	private final MessageSource messages;

	private final JsonMapper json;

	ApiErrors(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	public Map<String, Object> body(HttpStatus status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		return body;
	}

	public String message(HttpServletRequest request, String key, Object... args) {
		return messages.getMessage(key, args, RequestLocales.resolve(request));
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		write(response, status, message(request, key));
	}

	/** A user-facing refusal as the API answers it (with Retry-After for rate limits). */
	public void write(HttpServletRequest request, HttpServletResponse response, UserFacingException ex)
			throws IOException {
		if (ex instanceof TooManyRequestsException tooMany) {
			response.setHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
		}
		write(response, ex.status(), message(request, ex.messageKey(), ex.arguments()));
	}

	private void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), body(status, message));
	}

}
