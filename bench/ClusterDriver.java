import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver of bench/cluster.sh (plain JDK, run with `java bench/ClusterDriver.java MODE ...`):
 * <ul>
 * <li>{@code views BASE PATH N VISITORS THREADS RUN}: N page requests spread over VISITORS visitors (distinct
 * browsers, each with its own visitor cookie); prints the answers by status.</li>
 * <li>{@code cookie}: prints one new visitor cookie ({@code dvk_v=…}).</li>
 * Devices are visitor cookies signed with {@code DVK_VISITS_SECRET}, the secret the nodes are started with.
 * <li>{@code votes BASE POLL OPTION_A OPTION_B IDENTITIES DUPLICATES THREADS RUN}: one ballot per identity, then
 * DUPLICATES more ballots of identities that have voted. A ballot without a definitive answer (connection refused
 * or reset, 502, 503, 504: a node died or the database restarts) is sent again until it gets one: 201 (counted) or
 * 200 with alreadyVoted (counted before, its first answer lost). Prints the counts.</li>
 * <li>{@code mixed BASE PATH POLL OPTION SECONDS THREADS RUN}: pages and ballots of new identities for SECONDS,
 * without retries; prints the answers by status (a database restart must give 503s, never 500s).</li>
 * </ul>
 */
public class ClusterDriver {

	static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static final Map<String, AtomicInteger> STATUSES = new ConcurrentHashMap<>();

	static void count(String status) {
		STATUSES.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
	}

	static String statuses() {
		return new TreeMap<>(STATUSES).toString().replace(" ", "");
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			return null;
		}
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "views" -> views(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]), args[6]);
			case "votes" -> votes(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]),
					Integer.parseInt(args[6]), Integer.parseInt(args[7]), args[8]);
			case "mixed" -> mixed(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]),
					Integer.parseInt(args[6]), args[7]);
			case "cookie" -> System.out.println(cookie());
			default -> throw new IllegalArgumentException(args[0]);
		}
		System.exit(0);
	}

	/** A new device: a visitor cookie signed like vn.dvk.visits.VisitorKeys does with DVK_VISITS_SECRET. */
	static String cookie() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(System.getenv("DVK_VISITS_SECRET").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] bytes = new byte[15];
			new SecureRandom().nextBytes(bytes);
			Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
			String key = b64.encodeToString(bytes);
			return "dvk_v=" + key + "." + b64.encodeToString(mac.doFinal(("c|" + key).getBytes(StandardCharsets.UTF_8)))
				.substring(0, 16);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void views(String base, String path, int n, int visitors, int threads, String run) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		String[] cookies = new String[visitors];
		for (int v = 0; v < visitors; v++) {
			cookies[v] = cookie();
		}
		for (int i = 0; i < n; i++) {
			int visitor = i % visitors;
			pool.execute(() -> {
				HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
					.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) cluster-visitor-" + run + "-" + visitor)
					.header("Cookie", cookies[visitor])
					.timeout(Duration.ofSeconds(10))
					.build());
				count(r == null ? "error" : Integer.toString(r.statusCode()));
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		System.out.println("VIEWS sent=" + n + " statuses=" + statuses());
	}

	static void votes(String base, String poll, String a, String b, int identities, int duplicates, int threads,
			String run) throws Exception {
		AtomicInteger created = new AtomicInteger();
		AtomicInteger alreadyAfterRetry = new AtomicInteger();
		AtomicInteger duplicatesRefused = new AtomicInteger();
		AtomicInteger undecided = new AtomicInteger();
		AtomicLong retries = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		String[] devices = new String[identities];
		for (int d = 0; d < identities; d++) {
			devices[d] = cookie();
		}
		for (int i = 0; i < identities + duplicates; i++) {
			if (i == identities) {
				// every identity has its answer before the duplicates start
				pool.shutdown();
				pool.awaitTermination(10, TimeUnit.MINUTES);
				pool = Executors.newFixedThreadPool(threads);
			}
			int n = i;
			pool.execute(() -> {
				boolean duplicate = n >= identities;
				int identity = duplicate ? (n - identities) * Math.max(1, identities / Math.max(1, duplicates)) % identities : n;
				String body = "{\"optionIds\":[" + (identity % 2 == 0 ? a : b) + "]}";
				HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + poll + "/votes"))
					.header("Content-Type", "application/json")
					.header("User-Agent", "Mozilla/5.0 cluster-voter-" + run + "-" + identity)
					.header("Cookie", devices[identity])
					.timeout(Duration.ofSeconds(10))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
				boolean first = true;
				while (true) {
					HttpResponse<String> r = send(request);
					count(r == null ? "error" : Integer.toString(r.statusCode()));
					if (r != null && r.statusCode() == 201 && !duplicate) {
						created.incrementAndGet();
						return;
					}
					if (r != null && r.statusCode() == 201 && duplicate) {
						undecided.incrementAndGet(); // must not happen: the identity had voted
						return;
					}
					if (r != null && r.statusCode() == 200 && r.body().contains("\"alreadyVoted\":true")) {
						if (duplicate) {
							duplicatesRefused.incrementAndGet();
						}
						else if (!first) {
							alreadyAfterRetry.incrementAndGet();
						}
						else {
							undecided.incrementAndGet(); // a first ballot said "already": another identity collided
						}
						return;
					}
					if (r != null && r.statusCode() >= 400 && r.statusCode() < 500) {
						undecided.incrementAndGet(); // refused for good (a retry would not change it)
						return;
					}
					if (System.nanoTime() > until) {
						undecided.incrementAndGet();
						return;
					}
					first = false;
					retries.incrementAndGet();
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		System.out.println("VOTES created=" + created + " alreadyAfterRetry=" + alreadyAfterRetry + " duplicatesRefused="
				+ duplicatesRefused + " undecided=" + undecided + " retries=" + retries + " statuses=" + statuses());
	}

	static void mixed(String base, String path, String poll, String option, int seconds, int threads, String run)
			throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicInteger serial = new AtomicInteger();
		Thread[] workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			workers[t] = new Thread(() -> {
				while (System.nanoTime() < end) {
					int n = serial.incrementAndGet();
					HttpRequest request = n % 2 == 0
							? HttpRequest.newBuilder(URI.create(base + path))
								.header("User-Agent", "Mozilla/5.0 cluster-reader-" + run + "-" + (n % 50))
								.timeout(Duration.ofSeconds(10))
								.build()
							: HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + poll + "/votes"))
								.header("Content-Type", "application/json")
								.header("User-Agent", "Mozilla/5.0 cluster-mixed-" + run + "-" + n)
								.header("Cookie", cookie())
								.timeout(Duration.ofSeconds(10))
								.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + option + "]}"))
								.build();
					HttpResponse<String> r = send(request);
					count(r == null ? "error" : (n % 2 == 0 ? "page-" : "vote-") + r.statusCode());
					if (r != null && r.statusCode() >= 500) {
						try {
							Thread.sleep(50);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				}
			});
			workers[t].start();
		}
		for (Thread w : workers) {
			w.join();
		}
		System.out.println("MIXED statuses=" + statuses());
	}

}
