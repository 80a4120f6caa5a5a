package vn.dvk.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * New browsers for tests: each call opens the polls page as a browser without cookies would and returns the value
 * of the visitor cookie the portal hands it. All of them come from this one address with one browser version,
 * like phones behind a carrier's NAT.
 */
public final class Devices {

	public static final String BROWSER = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private Devices() {
	}

	public static String cookie(int port) throws Exception {
		HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/binh-chon"))
			.header("User-Agent", BROWSER)
			.build(), HttpResponse.BodyHandlers.discarding());
		for (String header : r.headers().allValues("Set-Cookie")) {
			if (header.startsWith("dvk_v=")) {
				return header.substring("dvk_v=".length(), header.indexOf(';'));
			}
		}
		throw new AssertionError("the portal gave no visitor cookie: " + r.headers().map());
	}

}
