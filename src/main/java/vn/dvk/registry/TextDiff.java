package vn.dvk.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-level difference of two texts, for the history page: what stayed, what was removed, what was added.
 */
public final class TextDiff {

	/** A run of words that stayed, was removed or was added. */
	public record Part(String text, Kind kind) {

		public boolean added() {
			return kind == Kind.ADDED;
		}

		public boolean removed() {
			return kind == Kind.REMOVED;
		}

	}

	public enum Kind {

		SAME, REMOVED, ADDED

	}

	private static final int MAX_CELLS = 4_000_000;

	private TextDiff() {
	}

	public static List<Part> diff(String before, String after) {
		String[] a = words(before);
		String[] b = words(after);
		List<Part> parts = new ArrayList<>();
		if ((long) a.length * b.length > MAX_CELLS) {
			add(parts, String.join(" ", a), Kind.REMOVED);
			add(parts, String.join(" ", b), Kind.ADDED);
			return parts;
		}
		int[][] lcs = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.length || j < b.length) {
			if (i < a.length && j < b.length && a[i].equals(b[j])) {
				add(parts, a[i], Kind.SAME);
				i++;
				j++;
			}
			else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
				add(parts, b[j], Kind.ADDED);
				j++;
			}
			else {
				add(parts, a[i], Kind.REMOVED);
				i++;
			}
		}
		return parts;
	}

	private static String[] words(String s) {
		return s == null || s.isBlank() ? new String[0] : s.strip().split("\\s+");
	}

	private static void add(List<Part> parts, String word, Kind kind) {
		if (word.isEmpty()) {
			return;
		}
		if (!parts.isEmpty() && parts.get(parts.size() - 1).kind() == kind) {
			Part last = parts.remove(parts.size() - 1);
			parts.add(new Part(last.text() + " " + word, kind));
		}
		else {
			parts.add(new Part(word, kind));
		}
	}

}
