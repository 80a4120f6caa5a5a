package vn.dvk.locality;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the locality module.
 *
 * @param importMaxSize largest import file accepted
 * @param importMaxRows most data rows in one import file (the country has 3,321 communes)
 * @param referenceData whether the 34 provinces of the 2025 list are loaded into an empty database
 */
@ConfigurationProperties("dvk.locality")
record LocalitySettings(DataSize importMaxSize, Integer importMaxRows, Boolean referenceData) {

	LocalitySettings {
		importMaxSize = importMaxSize == null ? DataSize.ofMegabytes(10) : importMaxSize;
		importMaxRows = importMaxRows == null ? 20_000 : importMaxRows;
		referenceData = referenceData == null || referenceData;
	}

}
