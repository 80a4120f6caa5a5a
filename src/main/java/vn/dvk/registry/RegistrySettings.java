package vn.dvk.registry;

import java.time.Period;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Rules of the registry.
 *
 * @param staleAfter a recognized model with no result update for this long is flagged STALE_RESULTS
 * @param replicationExpectedWithin a model recognized longer ago than this and never replicated is flagged
 * @param minLength shortest content per item (by {@link ContentItem} name) below which it is THIN_CONTENT
 * @param evidenceMaxSize largest evidence file
 * @param importMaxSize largest import file
 * @param importMaxRows most data rows per import
 */
@ConfigurationProperties("dvk.registry")
record RegistrySettings(Period staleAfter, Period replicationExpectedWithin, Map<ContentItem, Integer> minLength,
		DataSize evidenceMaxSize, DataSize importMaxSize, Integer importMaxRows) {

	RegistrySettings {
		staleAfter = staleAfter == null ? Period.ofMonths(6) : staleAfter;
		replicationExpectedWithin = replicationExpectedWithin == null ? Period.ofYears(2) : replicationExpectedWithin;
		Map<ContentItem, Integer> lengths = new EnumMap<>(ContentItem.class);
		for (ContentItem item : ContentItem.values()) {
			lengths.put(item, minLength != null && minLength.containsKey(item) ? minLength.get(item)
					: item.defaultMinLength());
		}
		minLength = lengths;
		evidenceMaxSize = evidenceMaxSize == null ? DataSize.ofMegabytes(10) : evidenceMaxSize;
		importMaxSize = importMaxSize == null ? DataSize.ofMegabytes(20) : importMaxSize;
		importMaxRows = importMaxRows == null ? 50_000 : importMaxRows;
	}

}
