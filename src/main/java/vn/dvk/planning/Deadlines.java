package vn.dvk.planning;

import java.time.Instant;
import java.time.LocalDate;

import vn.dvk.registry.RegistryFigures;

/** Deadlines are days in Vietnam: the last instant of a deadline's day there. */
public final class Deadlines {

	private Deadlines() {
	}

	public static Instant endOfDay(LocalDate day) {
		return day.plusDays(1).atStartOfDay(RegistryFigures.ZONE).toInstant().minusNanos(1);
	}

	public static LocalDate today() {
		return LocalDate.now(RegistryFigures.ZONE);
	}

}
