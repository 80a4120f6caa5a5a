package vn.dvk.registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.dvk.shared.VietnameseNumbers;
import vn.dvk.shared.VietnameseText;

/**
 * Finds verifiable figures in Vietnamese prose: a number written the Vietnamese way ({@code 1.200}, {@code 3,5})
 * followed by a unit ({@code 120 hộ}, {@code 3,5 km}, {@code 1,2 tỷ đồng}, {@code 96%}). A bare number (a year, a
 * house number) is not a figure; neither is a duration ("3 năm"), which says nothing about results.
 */
public final class MeasureExtractor {

	/** A figure found in a text. */
	public record Measure(BigDecimal value, String unit, String text) {
	}

	private static final Pattern CANDIDATE = Pattern.compile(
			"(?<![\\p{L}\\p{Nd}.,])(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?|\\d+\\.\\d+)(?![\\p{Nd}])\\s*"
					+ "(%|[\\p{L}²³]+(?:\\s+[\\p{L}²³]+){0,2})");

	/** Multipliers that precede the real unit: "1,2 tỷ đồng", "15 nghìn lượt". */
	private static final Set<String> MULTIPLIERS = Set.of("ty", "trieu", "nghin", "ngan", "van", "tram");

	/** Units of outputs (folded), one or two words. */
	private static final Set<String> UNITS = Set.copyOf(java.util.List.of("%", "ho", "nguoi", "km", "m", "m2", "m²", "m3", "ha", "hecta",
			"tan", "ta", "kg", "lit", "luot", "buoi", "cuoc", "vu", "vu viec", "viec", "dong", "d", "usd", "camera",
			"ho so", "con", "cay", "cai", "chiec", "cong trinh", "thon", "ban", "to", "nhom", "lop", "hoc sinh", "em",
			"chau", "suat", "phan", "xuat", "tre", "cu tri", "doan vien", "hoi vien", "dang vien", "thanh vien",
			"mo hinh", "sang kien", "nha", "can", "can nha", "tuyen", "diem", "lan", "dot", "cuon", "bo", "tieu chi",
			"chuong trinh", "du an", "hop tac xa", "to hop tac", "san pham", "km2", "tram", "cau", "ngay cong",
			"cong", "bon", "gia dinh", "thuyen", "tau", "phuong tien", "doi tuong", "ca", "benh nhan", "the",
			"tai khoan", "giao dich", "dich vu", "thu tuc", "phan anh", "kien nghi", "don", "doanh nghiep", "co so",
			"thiet bi", "bong den", "den", "bang", "lo", "o", "mau", "sao", "giai", "bang khen", "giay khen", "cua hang",
			"trang trai", "gian hang", "dan", "he", "nguon", "cot", "chi hoi", "hoi", "ngan hang", "quy", "lon", "bo",
			"ga", "vit", "tho", "dan ong"));

	private MeasureExtractor() {
	}

	public static List<Measure> extract(String text) {
		List<Measure> found = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return found;
		}
		Matcher m = CANDIDATE.matcher(text);
		while (m.find()) {
			String number = m.group(1);
			String unit = unitOf(m.group(2));
			if (unit == null) {
				continue;
			}
			VietnameseNumbers.parse(number)
				.ifPresent(value -> found.add(new Measure(value, unit, number + (unit.equals("%") ? "" : " ") + unit)));
		}
		return found;
	}

	public static boolean hasMeasure(String text) {
		return !extract(text).isEmpty();
	}

	/** The unit as written, or {@code null} when the words after the number are not a unit. */
	private static String unitOf(String words) {
		if (words.equals("%")) {
			return "%";
		}
		String[] parts = words.split("\\s+");
		int start = 0;
		if (MULTIPLIERS.contains(VietnameseText.fold(parts[0]))) {
			if (parts.length == 1) {
				return parts[0];
			}
			start = 1;
		}
		for (int n = Math.min(2, parts.length - start); n >= 1; n--) {
			StringBuilder candidate = new StringBuilder();
			for (int i = start; i < start + n; i++) {
				candidate.append(i > start ? " " : "").append(parts[i]);
			}
			if (UNITS.contains(VietnameseText.fold(candidate.toString()))) {
				StringBuilder unit = new StringBuilder();
				for (int i = 0; i < start + n; i++) {
					unit.append(i > 0 ? " " : "").append(parts[i]);
				}
				return unit.toString();
			}
		}
		return null;
	}

}
