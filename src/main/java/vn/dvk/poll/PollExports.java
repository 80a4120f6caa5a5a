package vn.dvk.poll;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import vn.dvk.documents.TableWriter;
import vn.dvk.shared.RequestLocales;
import vn.dvk.shared.Texts;
import vn.dvk.shared.VietnameseFormats;

/**
 * The staff's poll files: every ballot (for checking and for the record), and the results with the ballots per day.
 * Column titles come from the message bundles ({@code poll.export.*}), in Vietnamese whatever the page language, as
 * the files are filed with the poll.
 */
@Component
class PollExports {

	private final Polls polls;

	private final Texts texts;

	PollExports(Polls polls, Texts texts) {
		this.polls = polls;
		this.texts = texts;
	}

	void votes(PollView p, boolean xlsx, OutputStream out) throws IOException {
		Map<Long, String> labels = new HashMap<>();
		p.options().forEach(o -> labels.put(o.id(), o.label()));
		try (TableWriter table = new TableWriter(out, xlsx, text("poll.export.ballots"))) {
			table.row(texts("poll.export.number", "poll.export.castAt", "poll.export.option", "poll.export.voter",
					"poll.export.address", "poll.export.browser", "poll.export.voided", "poll.export.voidReason"), true);
			String yes = text("poll.export.yes");
			int[] n = { 0 };
			try {
				polls.ballots(p.id(), b -> {
					try {
						table.row(Arrays.asList(Integer.toString(++n[0]), VietnameseFormats.dateTime(b.castAt()),
								String.join("; ",
										b.optionIds().stream().map(o -> labels.getOrDefault(o, "#" + o)).toList()),
								shorten(b.identityHash()), shorten(b.ipHash()), b.uaClass(), b.voided() ? yes : "",
								b.voidReason()), false);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		}
	}

	void results(PollView p, PollResults r, boolean xlsx, OutputStream out) throws IOException {
		TreeMap<LocalDate, long[]> days = new TreeMap<>();
		polls.ballots(p.id(), b -> {
			long[] d = days.computeIfAbsent(b.castAt().atZone(VietnameseFormats.ZONE).toLocalDate(), k -> new long[2]);
			d[b.voided() ? 1 : 0]++;
		});
		try (TableWriter table = new TableWriter(out, xlsx, text("poll.export.results"))) {
			table.row(List.of(p.title()), true);
			table.row(texts("poll.export.option", "poll.export.votes", "poll.export.percent"), true);
			for (PollResults.Option o : r.options()) {
				table.row(List.of(o.label(), Long.toString(o.votes()), Double.toString(o.percent()).replace('.', ',')),
						false);
			}
			table.row(List.of(text("poll.export.totalValid"), Long.toString(r.totalVotes())), true);
			table.row(List.of(), false);
			table.row(texts("poll.export.day", "poll.export.valid", "poll.export.voidedBallots"), true);
			for (Map.Entry<LocalDate, long[]> e : days.entrySet()) {
				table.row(List.of(VietnameseFormats.date(e.getKey()), Long.toString(e.getValue()[0]),
						Long.toString(e.getValue()[1])), false);
			}
		}
	}

	private static String shorten(String hash) {
		return hash.substring(0, Math.min(10, hash.length()));
	}

	private String text(String key) {
		return texts.in(RequestLocales.VIETNAMESE, key);
	}

	private List<String> texts(String... keys) {
		return Arrays.stream(keys).map(this::text).toList();
	}

}
