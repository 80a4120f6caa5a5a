package vn.dvk.planning;

import java.time.Instant;
import java.time.LocalDate;

import vn.dvk.registry.RegistryFigures;

/** Deadlines are days in Vietnam: the last instant of a deadline's day there. */
final class Deadlines {

	private Deadlines() {
	}

	static Instant endOfDay(LocalDate day) {
		return day.plusDays(1).atStartOfDay(RegistryFigures.ZONE).toInstant().minusNanos(1);
	}

	static LocalDate today() {
		return LocalDate.now(RegistryFigures.ZONE);
	}

}
