package vn.dvk.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding of Vietnamese text for diacritic-insensitive search and for slugs.
 * <p>
 * Unicode decomposition strips tone and vowel marks, but "đ/Đ" is a letter of its own (U+0111/U+0110) with no
 * decomposition, so it is mapped to "d" explicitly.
 */
public final class VietnameseText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

	private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");

	private VietnameseText() {
	}

	/** Lower case, no diacritics, "đ" as "d", dashes as "-", runs of white space as one space, trimmed. */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFD);
		s = MARKS.matcher(s).replaceAll("");
		s = s.replace('đ', 'd').replace('Đ', 'd');
		s = DASHES.matcher(s).replaceAll("-");
		s = s.toLowerCase(Locale.ROOT);
		s = SPACES.matcher(s).replaceAll(" ").trim();
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

	/** URL slug from the folded text: "Dân vận khéo – Đắk Lắk" becomes "dan-van-kheo-dak-lak". */
	public static String slug(String text, int maxLength) {
		String s = NON_SLUG.matcher(fold(text)).replaceAll("-");
		s = trimDashes(s);
		if (s.length() > maxLength) {
			s = s.substring(0, maxLength);
			int cut = s.lastIndexOf('-');
			if (cut > maxLength / 2) {
				s = s.substring(0, cut);
			}
			s = trimDashes(s);
		}
		return s;
	}

	private static final char[] FOLD_TABLE = buildFoldTable();

	/**
	 * One character folded: lower case without diacritics, "đ" as "d"; 0 for a combining mark (which folds to
	 * nothing). Characters outside the Latin ranges Vietnamese uses are only lower-cased.
	 */
	public static char foldChar(char c) {
		if (c < FOLD_TABLE.length) {
			return FOLD_TABLE[c];
		}
		return Character.getType(c) == Character.NON_SPACING_MARK ? 0 : Character.toLowerCase(c);
	}

	private static char[] buildFoldTable() {
		char[] table = new char[0x2000];
		for (char c = 0; c < table.length; c++) {
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				table[c] = 0;
				continue;
			}
			String f = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			f = MARKS.matcher(f).replaceAll("").replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
			table[c] = f.length() == 1 ? f.charAt(0) : Character.toLowerCase(c);
		}
		return table;
	}

	/** Trims and collapses inner white space, keeping diacritics; {@code null} stays {@code null}. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		String s = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").trim();
		return s;
	}

	/** Whether the text is null, empty or only white space (including non-breaking spaces). */
	public static boolean isBlank(String text) {
		return text == null || text.replace('\u00A0', ' ').isBlank();
	}

	private static String trimDashes(String s) {
		int start = 0;
		int end = s.length();
		while (start < end && s.charAt(start) == '-') {
			start++;
		}
		while (end > start && s.charAt(end - 1) == '-') {
			end--;
		}
		return s.substring(start, end);
	}

}
