package vn.dvk.visits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Known robots, by words of their user agents (the maintained list in {@code visits/bots.txt}: one word per line,
 * case-insensitive, {@code #} for comments). A request without a user agent is a robot too. Answers are cached
 * per user agent string.
 */
@Component
class BotList {

	private final List<String> words;

	private final Cache<String, Boolean> answers = Caffeine.newBuilder().maximumSize(20_000).build();

	BotList() throws IOException {
		try (InputStream in = new ClassPathResource("visits/bots.txt").getInputStream()) {
			this.words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.map(l -> l.toLowerCase(Locale.ROOT))
				.toList();
		}
	}

	boolean isBot(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return true;
		}
		return answers.get(userAgent, ua -> {
			String lower = ua.toLowerCase(Locale.ROOT);
			for (String w : words) {
				if (lower.contains(w)) {
					return true;
				}
			}
			return false;
		});
	}

	int size() {
		return words.size();
	}

}
