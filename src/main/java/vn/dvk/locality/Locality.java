package vn.dvk.locality;

import java.time.LocalDate;

/**
 * An administrative unit as other modules and pages see it.
 *
 * @param parentCode code of the parent unit, {@code null} for a province
 * @param retired whether its validity ended before today
 */
public record Locality(long id, String code, String name, String englishName, UnitType type, Long parentId,
		String parentCode, String parentName, LocalDate validFrom, LocalDate validTo, boolean retired, int version) {

	/** "Xã Tân Lập (99001)" for lists and pickers. */
	public String label() {
		return name + " (" + code + ")";
	}

}
