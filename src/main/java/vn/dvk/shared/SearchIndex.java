package vn.dvk.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Diacritic-insensitive, ranked full-text search over an inverted index kept in the database ({@code search_token}),
 * the same on H2 and PostgreSQL.
 * <p>
 * A document is indexed as its distinct folded words (weight 10 when the word is in the title, +1 when it is in
 * the body) plus the title's words as written with diacritics (weight 5). A query matches when every folded query
 * word is present; its score is the sum of the weights, so title matches rank above body matches and an exact
 * spelling ("Lắk") above a folded one ("lak").
 */
@Service
public class SearchIndex {

	/** Document types sharing the index. */
	public static final short REGISTRY_MODEL = 1;

	public static final short NEWS_ARTICLE = 2;

	public static final int MAX_QUERY_WORDS = 8;

	private static final int MAX_TOKEN = 40;

	static final short TITLE = 10;

	static final short BODY = 1;

	static final short EXACT_TITLE = 5;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	SearchIndex(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** A document to index: its id, title and body text. */
	public record Document(long id, String title, String body) {
	}

	/**
	 * Brings a document's entries from its previous text to its current one, touching only the words that changed.
	 * {@code previous} is null for a new document. Runs in the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void replace(short docType, Document previous, Document current) {
		List<Object[]> deletes = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		diff(docType, previous, current, deletes, inserts, updates);
		write(deletes, inserts, updates);
	}

	/** Indexes new documents (imports, demo data): inserts only. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void addAll(short docType, Collection<Document> docs) {
		List<Object[]> inserts = new ArrayList<>();
		for (Document doc : docs) {
			tokens(doc).forEach((token, weight) -> inserts.add(new Object[] { docType, token, doc.id(), weight }));
		}
		write(List.of(), inserts, List.of());
	}

	/** Removes a document, given the text it was indexed with. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void remove(short docType, Document previous) {
		List<Object[]> deletes = new ArrayList<>();
		tokens(previous).keySet().forEach(t -> deletes.add(new Object[] { docType, t, previous.id() }));
		write(deletes, List.of(), List.of());
	}

	private static void diff(short docType, Document previous, Document current, List<Object[]> deletes,
			List<Object[]> inserts, List<Object[]> updates) {
		Map<String, Short> before = previous == null ? Map.of() : tokens(previous);
		Map<String, Short> after = tokens(current);
		for (var e : before.entrySet()) {
			Short now = after.get(e.getKey());
			if (now == null) {
				deletes.add(new Object[] { docType, e.getKey(), current.id() });
			}
			else if (!now.equals(e.getValue())) {
				updates.add(new Object[] { now, docType, e.getKey(), current.id() });
			}
		}
		for (var e : after.entrySet()) {
			if (!before.containsKey(e.getKey())) {
				inserts.add(new Object[] { docType, e.getKey(), current.id(), e.getValue() });
			}
		}
	}

	private void write(List<Object[]> deletes, List<Object[]> inserts, List<Object[]> updates) {
		// In key order, a batch of inserts walks the index's pages once instead of jumping between them.
		if (inserts.size() > 1000) {
			inserts = new ArrayList<>(inserts);
			inserts.sort(java.util.Comparator.comparing((Object[] r) -> (String) r[1])
				.thenComparing(r -> (Long) r[2]));
		}
		for (int from = 0; from < deletes.size(); from += 5000) {
			jdbcTemplate.batchUpdate("delete from search_token where doc_type = ? and token = ? and doc_id = ?",
					deletes.subList(from, Math.min(deletes.size(), from + 5000)));
		}
		for (int from = 0; from < updates.size(); from += 5000) {
			jdbcTemplate.batchUpdate("update search_token set weight = ? where doc_type = ? and token = ? and doc_id = ?",
					updates.subList(from, Math.min(updates.size(), from + 5000)));
		}
		for (int from = 0; from < inserts.size(); from += 5000) {
			jdbcTemplate.batchUpdate("insert into search_token (doc_type, token, doc_id, weight) values (?, ?, ?, ?)",
					inserts.subList(from, Math.min(inserts.size(), from + 5000)));
		}
	}

	/** The rows of the index for a document: token → weight. */
	static Map<String, Short> tokens(Document doc) {
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

	/** Distinct folded words of a text, in order, truncated to the index's token length. */
	public static List<String> foldedWords(String text) {
		Set<String> words = new LinkedHashSet<>();
		for (String w : VietnameseText.fold(text).split("[^a-z0-9]+")) {
			if (!w.isEmpty()) {
				words.add(w.length() > MAX_TOKEN ? w.substring(0, MAX_TOKEN) : w);
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

	/**
	 * SQL pieces that restrict a query to the documents matching every word and compute their score. Use as
	 * {@code select …, <score> as score from <table> d <joins> where …} with {@code d.id} the document id column.
	 */
	public record Match(String joins, String score, Map<String, Object> params, List<String> words) {

		public boolean isEmpty() {
			return words.isEmpty();
		}

	}

	/**
	 * @param idColumn the document id column of the outer query, e.g. {@code m.id}
	 */
	public Match match(short docType, String query, String idColumn) {
		List<String> folded = foldedWords(query);
		if (folded.size() > MAX_QUERY_WORDS) {
			folded = folded.subList(0, MAX_QUERY_WORDS);
		}
		List<String> exact = exactWords(query);
		StringBuilder joins = new StringBuilder();
		StringBuilder score = new StringBuilder("(0");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("stType", docType);
		for (int i = 0; i < folded.size(); i++) {
			joins.append(" join search_token st").append(i)
				.append(" on st").append(i).append(".doc_type = :stType and st").append(i)
				.append(".token = :stw").append(i).append(" and st").append(i).append(".doc_id = ").append(idColumn);
			params.put("stw" + i, folded.get(i));
			score.append(" + st").append(i).append(".weight");
		}
		for (int i = 0; i < exact.size() && i < MAX_QUERY_WORDS; i++) {
			joins.append(" left join search_token se").append(i)
				.append(" on se").append(i).append(".doc_type = :stType and se").append(i)
				.append(".token = :sew").append(i).append(" and se").append(i).append(".doc_id = ").append(idColumn);
			params.put("sew" + i, exact.get(i));
			score.append(" + coalesce(se").append(i).append(".weight, 0)");
		}
		score.append(')');
		return new Match(joins.toString(), score.toString(), params, folded);
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
