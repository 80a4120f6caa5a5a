package vn.dvk.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A periodic result update (duy trì, nâng chất): new indicator values on a date, with a note. */
public record ResultUpdate(long id, LocalDate date, String note, List<Indicator> values, Instant createdAt,
		String createdBy) {
}
