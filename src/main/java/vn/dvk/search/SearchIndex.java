package vn.dvk.search;

import vn.dvk.shared.VietnameseText;

import vn.dvk.shared.VietnameseCollation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Diacritic-insensitive, ranked full-text search: how documents and queries are cut into words, how they score, and
 * how matches are shown (highlighted titles, snippets). The words live in an in-memory {@link TextIndex} kept by the
 * module that owns the documents.
 * <p>
 * A document is indexed as its distinct folded words (weight 10 when the word is in the title, +1 when it is in
 * the body) plus the title's words as written with diacritics (weight 5). A query matches when every folded query
 * word is present; its score is the sum of the weights, so title matches rank above body matches and an exact
 * spelling ("Lắk") above a folded one ("lak").
 */
public final class SearchIndex {

	public static final int MAX_QUERY_WORDS = 8;

	private static final int MAX_TOKEN = 40;

	static final short TITLE = 10;

	static final short BODY = 1;

	static final short EXACT_TITLE = 5;

	private SearchIndex() {
	}

	/** A document to index: its id, title and body text. */
	public record Document(long id, String title, String body) {
	}

	/** The words of a query: folded (all must match) and exact (rank higher when present). */
	public record Query(List<String> folded, List<String> exact) {

		public static Query of(String text) {
			List<String> folded = foldedWords(text);
			if (folded.size() > MAX_QUERY_WORDS) {
				folded = folded.subList(0, MAX_QUERY_WORDS);
			}
			List<String> exact = exactWords(text);
			if (exact.size() > MAX_QUERY_WORDS) {
				exact = exact.subList(0, MAX_QUERY_WORDS);
			}
			return new Query(folded, exact);
		}

		public boolean isEmpty() {
			return folded.isEmpty();
		}

	}

	/** The entries of the index for a document: token → weight. */
	public static Map<String, Short> tokens(Document doc) {
		Map<String, Short> weights = new LinkedHashMap<>();
		Set<String> body = new LinkedHashSet<>(foldedWords(doc.body()));
		for (String w : foldedWords(doc.title())) {
			weights.put(w, body.contains(w) ? (short) (TITLE + BODY) : TITLE);
		}
		for (String w : body) {
			weights.putIfAbsent(w, BODY);
		}
		for (String w : exactWords(doc.title())) {
			weights.putIfAbsent(w, EXACT_TITLE);
		}
		return weights;
	}

	/**
	 * Distinct folded words of a text, in order, truncated to the index's token length: the words of
	 * {@link VietnameseText#fold} split on anything but {@code a-z0-9}, computed in one pass over the characters
	 * (indexing 100,000 models spends most of its time here).
	 */
	public static List<String> foldedWords(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		Set<String> words = new LinkedHashSet<>();
		StringBuilder word = new StringBuilder(24);
		for (int i = 0, n = text.length(); i <= n; i++) {
			char f = i == n ? ' ' : VietnameseText.foldChar(text.charAt(i));
			if (f == 0) {
				continue; // a combining mark of a decomposed letter: part of the word
			}
			if ((f >= 'a' && f <= 'z') || (f >= '0' && f <= '9')) {
				if (word.length() < MAX_TOKEN) {
					word.append(f);
				}
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		return List.copyOf(words);
	}

	/** Distinct lower-case words keeping their diacritics, only those that differ from their folded form. */
	static List<String> exactWords(String text) {
		Set<String> words = new LinkedHashSet<>();
		if (text == null) {
			return List.of();
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(VietnameseCollation.VIETNAMESE);
		for (String w : s.split("[^\\p{L}\\p{Nd}]+")) {
			if (!w.isEmpty() && !w.equals(VietnameseText.fold(w))) {
				words.add(w.length() > MAX_TOKEN ? w.substring(0, MAX_TOKEN) : w);
			}
		}
		return List.copyOf(words);
	}

	// --- snippets -----------------------------------------------------------------------------------------

	/** A piece of text, highlighted when it matched a query word. */
	public record Segment(String text, boolean highlighted) {
	}

	/** The whole text split into highlighted and plain segments (for titles). */
	public static List<Segment> highlight(String text, List<String> foldedQueryWords) {
		if (text == null) {
			return List.of();
		}
		return segments(text, 0, text.length(), foldedQueryWords, false, false);
	}

	/**
	 * About {@code maxChars} characters of the text around the first match, with the matches highlighted; the
	 * beginning of the text when nothing matches.
	 */
	public static List<Segment> snippet(String text, List<String> foldedQueryWords, int maxChars) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String t = Normalizer.normalize(text, Normalizer.Form.NFC);
		Folded f = Folded.of(t);
		int first = -1;
		for (String w : foldedQueryWords) {
			int at = f.find(w, 0);
			if (at >= 0 && (first < 0 || at < first)) {
				first = at;
			}
		}
		int startOriginal = first < 0 ? 0 : Math.max(0, f.map[first] - maxChars / 4);
		if (startOriginal > 0) {
			int space = t.indexOf(' ', startOriginal);
			startOriginal = space < 0 || space - startOriginal > 20 ? startOriginal : space + 1;
		}
		int end = Math.min(t.length(), startOriginal + maxChars);
		if (end < t.length()) {
			int space = t.lastIndexOf(' ', end);
			end = space > startOriginal + maxChars / 2 ? space : end;
		}
		return segments(t, startOriginal, end, foldedQueryWords, startOriginal > 0, end < t.length());
	}

	private static List<Segment> segments(String text, int from, int to, List<String> words, boolean leadingEllipsis,
			boolean trailingEllipsis) {
		String t = Normalizer.normalize(text, Normalizer.Form.NFC);
		Folded f = Folded.of(t);
		boolean[] marked = new boolean[t.length()];
		for (String w : words) {
			int at = f.find(w, 0);
			while (at >= 0) {
				int s = f.map[at];
				int e = at + w.length() < f.map.length ? f.map[at + w.length()] : t.length();
				for (int k = s; k < e && k < marked.length; k++) {
					marked[k] = true;
				}
				at = f.find(w, at + w.length());
			}
		}
		List<Segment> out = new ArrayList<>();
		if (leadingEllipsis) {
			out.add(new Segment("… ", false));
		}
		int i = from;
		while (i < to) {
			boolean m = marked[i];
			int j = i;
			while (j < to && marked[j] == m) {
				j++;
			}
			out.add(new Segment(t.substring(i, j), m));
			i = j;
		}
		if (trailingEllipsis) {
			out.add(new Segment(" …", false));
		}
		return out;
	}

	/** A text folded character by character, with each folded position mapped back to the original. */
	private record Folded(String text, int[] map) {

		static Folded of(String original) {
			StringBuilder folded = new StringBuilder(original.length());
			int[] map = new int[original.length() + 1];
			int n = 0;
			for (int i = 0; i < original.length(); i++) {
				char c = VietnameseText.foldChar(original.charAt(i));
				if (c == 0) {
					continue;
				}
				folded.append(c);
				map[n++] = i;
			}
			int[] trimmed = new int[n + 1];
			System.arraycopy(map, 0, trimmed, 0, n);
			trimmed[n] = original.length();
			return new Folded(folded.toString(), trimmed);
		}

		/** Next whole-word occurrence of a folded word at or after {@code from}. */
		int find(String word, int from) {
			int at = text.indexOf(word, from);
			while (at >= 0) {
				boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
				int end = at + word.length();
				boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
				if (startOk && endOk) {
					return at;
				}
				at = text.indexOf(word, at + 1);
			}
			return -1;
		}

	}

}
