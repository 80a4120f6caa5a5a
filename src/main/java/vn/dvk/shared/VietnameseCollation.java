package vn.dvk.shared;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Vietnamese sort order for names, usable both in Java and in SQL.
 * <p>
 * Vietnamese dictionaries sort syllable by syllable ("Hà Giang", "Hà Nội", "Hải Phòng"), with "Ă/Â" after "A" and
 * "Đ" after "D". The JDK's Vietnamese collator gives the letter order but ignores spaces, so the key is built per
 * word and the words are joined with a space, which sorts below every hex digit. The key is stored in a
 * {@code sort_key} column compared byte by byte (collation "C" on PostgreSQL, H2's default), so paged lists can be
 * ordered by the database.
 */
public final class VietnameseCollation {

	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/** Longest key kept; names that agree on this many key characters are ordered by id afterwards. */
	public static final int MAX_KEY_LENGTH = 600;

	private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
		Collator c = Collator.getInstance(VIETNAMESE);
		c.setStrength(Collator.TERTIARY);
		return c;
	});

	private static final HexFormat HEX = HexFormat.of();

	/** Compares by {@link #sortKey(String)}. */
	public static final Comparator<String> ORDER = Comparator.comparing(VietnameseCollation::sortKey);

	private VietnameseCollation() {
	}

	public static String sortKey(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		Collator collator = COLLATOR.get();
		StringBuilder key = new StringBuilder();
		for (String word : VietnameseText.clean(name).split(" ")) {
			if (key.length() > 0) {
				key.append(' ');
			}
			CollationKey k = collator.getCollationKey(word);
			key.append(HEX.formatHex(k.toByteArray()));
			if (key.length() >= MAX_KEY_LENGTH) {
				return key.substring(0, MAX_KEY_LENGTH);
			}
		}
		return key.toString();
	}

	public static <T> Comparator<T> comparing(java.util.function.Function<T, String> name) {
		return Comparator.comparing(t -> sortKey(name.apply(t)));
	}

}
