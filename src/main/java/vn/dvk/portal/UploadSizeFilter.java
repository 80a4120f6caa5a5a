package vn.dvk.portal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.dvk.shared.ApiErrors;

/**
 * Refuses an upload larger than the container accepts before anything parses it. Once the container has tried and
 * failed, every later reading of the request fails again and the user would get an empty page; so oversized
 * multipart requests (by their Content-Length) are answered here: JSON for the API, the "file too large" page
 * otherwise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSizeFilter extends OncePerRequestFilter {

	static final String TOO_LARGE_PAGE = "/loi/tep-qua-lon";

	private final long limit;

	private final ApiErrors errors;

	UploadSizeFilter(@Value("${dvk.upload.max-request-size:31MB}") DataSize limit, ApiErrors errors) {
		this.limit = limit.toBytes();
		this.errors = errors;
	}

	/** Requests without a body (every GET) pass untouched, without even the once-per-request bookkeeping. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getContentType() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
		if (!multipart || request.getContentLengthLong() <= limit) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			errors.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.413");
			return;
		}
		// Show the page without the body: to the rest of the application this is now an empty GET.
		HttpServletRequest bodiless = new HttpServletRequestWrapper(request) {
			@Override
			public String getContentType() {
				return null;
			}

			@Override
			public long getContentLengthLong() {
				return 0;
			}

			@Override
			public int getContentLength() {
				return 0;
			}

			@Override
			public String getMethod() {
				return "GET";
			}
		};
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		request.getRequestDispatcher(TOO_LARGE_PAGE).forward(bodiless, response);
	}

}
