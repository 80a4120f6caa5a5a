import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Burst test of bench/votes.sh: N simultaneous ballots of one identity (same visitor cookie, same User-Agent, same address)
 * to one poll; prints how many were counted (201), told they had already voted (200) and anything else.
 * Usage: java bench/VoteBurst.java BASE_URL POLL_ID OPTION_ID [N]
 */
public class VoteBurst {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String poll = args[1];
		String option = args[2];
		int n = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
		String cookie = args.length > 4 ? args[4] : "";
		HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + poll + "/votes"))
			.header("Content-Type", "application/json")
			.header("User-Agent", "Mozilla/5.0 bench-burst-" + System.nanoTime())
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + option + "]}"))
			.build();
		List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			all.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
		}
		int created = 0, already = 0, other = 0;
		for (CompletableFuture<HttpResponse<String>> f : all) {
			HttpResponse<String> r = f.get();
			if (r.statusCode() == 201) {
				created++;
			}
			else if (r.statusCode() == 200 && r.body().contains("\"alreadyVoted\":true")) {
				already++;
			}
			else {
				other++;
				if (other <= 3) {
					System.err.println(r.statusCode() + " " + r.body());
				}
			}
		}
		System.out.println("BURST created=" + created + " already=" + already + " other=" + other);
		System.exit(0);
	}

}
