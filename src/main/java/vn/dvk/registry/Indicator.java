package vn.dvk.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A verifiable output with a number and a unit ("3,5 km đường bê tông"), as of a date. */
public record Indicator(String name, BigDecimal value, String unit, LocalDate asOf) {
}
