package vn.dvk.locality;

import java.time.LocalDate;

/** What an administrator enters to create or change a unit. */
public record UnitCommand(String code, String name, String englishName, UnitType type, String parentCode,
		LocalDate validFrom, LocalDate validTo) {
}
