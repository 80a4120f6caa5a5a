package vn.dvk.shared;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Dates, times and numbers the way Vietnamese offices write them: {@code dd/MM/yyyy}, {@code HH:mm}, a dot for
 * thousands and a comma for decimals, in the {@code Asia/Ho_Chi_Minh} time zone. Exposed to templates as {@code @fmt}.
 */
public final class VietnameseFormats {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final ThreadLocal<DecimalFormat> NUMBER = ThreadLocal.withInitial(() -> {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(VietnameseCollation.VIETNAMESE);
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		return new DecimalFormat("#,##0.##", symbols);
	});

	private VietnameseFormats() {
	}

	public static String date(TemporalAccessor value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Instant instant) {
			return DATE.format(instant.atZone(ZONE));
		}
		return DATE.format(value);
	}

	public static String dateTime(Instant value) {
		return value == null ? "" : DATE_TIME.format(value.atZone(ZONE));
	}

	public static String number(Number value) {
		return value == null ? "" : NUMBER.get().format(value);
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

}
