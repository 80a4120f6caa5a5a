package vn.dvk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client against the running test server, with cookies: for what MockMvc does not exercise (error
 * pages rendered by the container, cookies set by Tomcat, forwarded headers).
 */
public class HttpSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client;

	private final String base;

	public HttpSession(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Logs in through the form, as a browser does; returns where the login redirects. */
	public String login(String username, String password) throws IOException, InterruptedException {
		Matcher m = CSRF.matcher(get("/dang-nhap").body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create(base + "/dang-nhap"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		return response.headers().firstValue("Location").orElse("");
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
