package vn.dvk.locality;

import java.util.Optional;

import vn.dvk.shared.VietnameseText;

/**
 * Kinds of administrative unit. Since 1 July 2025 there are two levels (province level, commune level); the
 * district level and "thị trấn" remain for history, so models registered under them stay readable.
 */
public enum UnitType {

	PROVINCE(1, "tinh"), CENTRAL_CITY(1, "thanh pho"), DISTRICT(2, "quan", "huyen", "thi xa", "thanh pho"),
	COMMUNE(3, "xa"), WARD(3, "phuong"), SPECIAL_ZONE(3, "dac khu"), TOWNSHIP(3, "thi tran");

	private final int level;

	private final String[] foldedPrefixes;

	UnitType(int level, String... foldedPrefixes) {
		this.level = level;
		this.foldedPrefixes = foldedPrefixes;
	}

	/** 1 = province level, 2 = district level (history only), 3 = commune level. */
	public int level() {
		return level;
	}

	public boolean isProvinceLevel() {
		return level == 1;
	}

	public boolean isCommuneLevel() {
		return level == 3;
	}

	public boolean isLegacy() {
		return this == DISTRICT || this == TOWNSHIP;
	}

	public String messageKey() {
		return "locality.type." + name();
	}

	/**
	 * The type a unit's official name announces ("Xã Tân Lập", "Đặc khu Côn Đảo", "Thành phố Huế"), given the
	 * level its code implies; empty when the name starts with no known word.
	 */
	public static Optional<UnitType> fromName(String name, int level) {
		String folded = VietnameseText.fold(name);
		for (UnitType type : values()) {
			if (type.level != level) {
				continue;
			}
			for (String prefix : type.foldedPrefixes) {
				if (folded.startsWith(prefix + " ")) {
					return Optional.of(type);
				}
			}
		}
		return Optional.empty();
	}

	/** Level implied by the length of an official code: 2 digits province, 3 district, 5 commune. */
	public static int levelOfCode(String code) {
		return switch (code.length()) {
			case 2 -> 1;
			case 3 -> 2;
			case 5 -> 3;
			default -> 0;
		};
	}

}
