package vn.dvk.system;

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
class ApiErrors {

	private final MessageSource messages;

	private final JsonMapper json;

	ApiErrors(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	Map<String, Object> body(HttpStatus status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		return body;
	}

	String message(HttpServletRequest request, String key, Object... args) {
		return messages.getMessage(key, args, DvkLocaleResolver.resolve(request));
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), body(status, message(request, key)));
	}

}
