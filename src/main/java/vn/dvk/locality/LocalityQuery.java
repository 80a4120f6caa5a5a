package vn.dvk.locality;

/**
 * Filters of the locality list; every field is optional.
 *
 * @param text words matched diacritic-insensitively against the name, or a code prefix
 * @param parentCode only direct children of the current unit with this code
 * @param includeRetired also units whose validity has ended
 */
public record LocalityQuery(String text, String parentCode, UnitType type, boolean includeRetired) {

	public static LocalityQuery all() {
		return new LocalityQuery(null, null, null, false);
	}

}
