// Fair counting behind one address (issue 16), against a running application: java bench/Fairness.java BASE PASSWORD
// Every client here comes from 127.0.0.1, like phones behind a carrier's NAT. Prints one line per figure and
// "FAIL" (exit 1) when one misses its target.
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Fairness {

	static String base;
	static String auth;
	static final String UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36";
	static final HttpClient PLAIN = HttpClient.newHttpClient();
	static boolean failed;

	public static void main(String[] args) throws Exception {
		base = args[0];
		auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
		visits();
		ballots();
		proofOfWork();
		System.exit(failed ? 1 : 0);
	}

	static void check(String what, boolean ok) {
		System.out.println((ok ? "ok   " : "FAIL ") + what);
		failed |= !ok;
	}

	static long totalVisits() throws Exception {
		String json = PLAIN.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/stats/visitors")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("\"totalVisits\":(\\d+)").matcher(json);
		m.find();
		return Long.parseLong(m.group(1));
	}

	static HttpResponse<String> get(HttpClient client, String path, String ua) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", ua).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static void visits() throws Exception {
		long before = totalVisits();
		for (int i = 0; i < 50; i++) {
			HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			get(phone, "/", UA);
			get(phone, "/tin-tuc", UA);
		}
		Thread.sleep(1500);
		long fifty = totalVisits() - before;
		check("50 browsers (own cookie jars, 2 pages each, one address, one User-Agent): visits +" + fifty
				+ " (target exactly 50)", fifty == 50);
		before = totalVisits();
		for (int i = 0; i < 200; i++) {
			get(PLAIN, "/", UA);
		}
		Thread.sleep(1500);
		long robots = totalVisits() - before;
		check("200 cookie-less hits from one client: visits +" + robots + " (target at most 1)", robots <= 1);
	}

	static String device() throws Exception {
		for (String h : get(PLAIN, "/binh-chon", UA).headers().allValues("Set-Cookie")) {
			if (h.startsWith("dvk_v=")) {
				return h.substring(6, h.indexOf(';'));
			}
		}
		throw new IllegalStateException("no visitor cookie");
	}

	static long poll(String extra) throws Exception {
		String body = "{\"title\":\"Đo công bằng\",\"options\":[{\"label\":\"A\"},{\"label\":\"B\"}],"
				+ "\"startsAt\":\"2020-01-01T00:00:00Z\",\"endsAt\":\"2099-01-01T00:00:00Z\",\"voterRule\":\"OPEN\"" + extra + "}";
		String json = PLAIN.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/polls"))
			.header("Authorization", auth)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
		m.find();
		return Long.parseLong(m.group(1));
	}

	static long option(long poll) throws Exception {
		String json = get(PLAIN, "/api/v1/polls/active", UA).body();
		Matcher m = Pattern.compile("\\{\"id\":" + poll + ",\"title\".*?\"options\":\\[\\{\"id\":(\\d+)").matcher(json);
		m.find();
		return Long.parseLong(m.group(1));
	}

	static HttpRequest ballot(long poll, long option, String cookie, String ua, String type, String extra) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + poll + "/votes"))
			.header("Content-Type", type)
			.header("User-Agent", ua)
			.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + option + "]" + extra + "}"));
		if (cookie != null) {
			b.header("Cookie", "dvk_v=" + cookie);
		}
		return b.build();
	}

	static int counted(List<HttpRequest> requests) throws Exception {
		List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
		for (HttpRequest r : requests) {
			all.add(PLAIN.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
		}
		int n = 0;
		for (CompletableFuture<HttpResponse<String>> f : all) {
			n += f.get().statusCode() == 201 ? 1 : 0;
		}
		return n;
	}

	static void ballots() throws Exception {
		long open = poll("");
		long a = option(open);
		List<HttpRequest> phones = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			phones.add(ballot(open, a, device(), UA, "application/json", ""));
		}
		int n = counted(phones);
		check("300 devices behind one address voting once each (default limits): " + n + " counted (target 300)", n == 300);

		long capped = poll(",\"ballotsPerAddress\":20");
		long c = option(capped);
		List<HttpRequest> script = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			script.add(ballot(capped, c, device(), "Mozilla/5.0 script-" + i, "application/json", ""));
		}
		n = counted(script);
		check("50 ballots from one address with 50 User-Agents and 50 fresh cookies, cap 20: " + n
				+ " counted (target at most 20)", n <= 20);
		List<HttpRequest> noCookie = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			noCookie.add(ballot(open, a, null, "Mozilla/5.0 no-cookie-" + i, "application/json", ""));
		}
		n = counted(noCookie);
		check("50 cookie-less ballots with 50 User-Agents: " + n + " counted (target 0)", n == 0);

		HttpResponse<String> cross = PLAIN.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + open + "/votes"))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.header("Origin", "https://evil.example")
			.header("Sec-Fetch-Site", "cross-site")
			.header("Cookie", "dvk_v=" + device())
			.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + a + "]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		check("a cross-site text/plain ballot: HTTP " + cross.statusCode() + " (target refused, 4xx)",
				cross.statusCode() >= 400 && cross.statusCode() < 500);

		long burst = poll(",\"ipLimitPerMinute\":100000");
		long b = option(burst);
		String one = device();
		List<HttpRequest> thousand = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			thousand.add(ballot(burst, b, one, UA, "application/json", ""));
		}
		n = counted(thousand);
		check("one device sending 1,000 ballots at once: " + n + " counted (target 1)", n == 1);
	}

	/** What a script pays: solving the poll's challenges natively, on one core. */
	static void proofOfWork() throws Exception {
		long pow = poll(",\"proofOfWork\":true,\"ballotsPerAddress\":1000000,\"ipLimitPerMinute\":100000");
		long o = option(pow);
		int n = 40;
		long solvingNanos = 0;
		long attempts = 0;
		int counted = 0;
		long maxNumber = 0;
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		for (int i = 0; i < n; i++) {
			String cookie = device();
			String c = PLAIN.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + pow + "/challenge"))
				.header("Cookie", "dvk_v=" + cookie)
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			String challenge = field(c, "challenge");
			String salt = field(c, "salt");
			String signature = field(c, "signature");
			maxNumber = Long.parseLong(c.replaceAll(".*\"maxnumber\":(\\d+).*", "$1"));
			long start = System.nanoTime();
			long found = -1;
			for (long k = 0; k <= maxNumber; k++) {
				byte[] d = sha.digest((salt + k).getBytes(StandardCharsets.UTF_8));
				if (HexFormat.of().formatHex(d).equals(challenge)) {
					found = k;
					break;
				}
			}
			solvingNanos += System.nanoTime() - start;
			attempts += found + 1;
			String payload = Base64.getEncoder().encodeToString(("{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge
					+ "\",\"number\":" + found + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\"}")
				.getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> r = PLAIN.send(ballot(pow, o, cookie, UA, "application/json",
					",\"altcha\":\"" + payload + "\""), HttpResponse.BodyHandlers.ofString());
			counted += r.statusCode() == 201 ? 1 : 0;
			if (r.statusCode() != 201 && i == 0) {
				System.out.println("     first refusal: " + r.statusCode() + " " + r.body());
			}
		}
		double msPerBallot = solvingNanos / 1e6 / n;
		System.out.printf("ok   proof of work (maxnumber %d): a script solving natively on one core pays %.0f ms per "
				+ "ballot (%d hashes on average) = %.0f ballots per core-minute; %d of %d solved ballots counted%n",
				maxNumber, msPerBallot, attempts / n, 60_000 / msPerBallot, counted, n);
		check("every solved ballot counted", counted == n);
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
		m.find();
		return m.group(1);
	}

}
