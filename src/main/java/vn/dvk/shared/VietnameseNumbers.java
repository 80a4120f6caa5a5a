package vn.dvk.shared;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as Vietnamese offices write them: "." groups thousands and "," marks decimals ({@code 1.234.567},
 * {@code 3,5}, {@code 1.234,5}); plain {@code 1234.5} is read as a decimal where that is unambiguous (a dot not
 * followed by exactly three digits).
 */
public final class VietnameseNumbers {

	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");

	private static final Pattern COMMA_DECIMAL = Pattern.compile("\\d+(,\\d+)?");

	private static final Pattern DOT_DECIMAL = Pattern.compile("\\d+\\.\\d+");

	private VietnameseNumbers() {
	}

	public static Optional<BigDecimal> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String s = text.trim().replace(" ", "").replace('\u00A0', ' ').replace(" ", "");
		boolean negative = s.startsWith("-");
		if (negative) {
			s = s.substring(1);
		}
		BigDecimal value;
		if (GROUPED.matcher(s).matches()) {
			value = new BigDecimal(s.replace(".", "").replace(',', '.'));
		}
		else if (COMMA_DECIMAL.matcher(s).matches()) {
			value = new BigDecimal(s.replace(',', '.'));
		}
		else if (DOT_DECIMAL.matcher(s).matches()) {
			value = new BigDecimal(s);
		}
		else {
			return Optional.empty();
		}
		return Optional.of(negative ? value.negate() : value);
	}

}
