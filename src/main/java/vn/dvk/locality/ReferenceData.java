package vn.dvk.locality;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.dvk.system.SystemActor;

/**
 * Loads the 34 province-level units of the list in force since 1 July 2025 into an empty database, through the
 * normal importer, so that communes can be imported by province name right away. Switch off with
 * {@code dvk.locality.reference-data=false}.
 */
@Component
@Order(10)
class ReferenceData implements ApplicationRunner {

	static final LocalDate REFORM_DATE = LocalDate.of(2025, 7, 1);

	private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

	private final LocalityService localities;

	private final LocalitySettings settings;

	ReferenceData(LocalityService localities, LocalitySettings settings) {
		this.localities = localities;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!settings.referenceData() || localities.countCurrent() > 0) {
			return;
		}
		try (InputStream in = new ClassPathResource("locality/provinces-2025.csv").getInputStream()) {
			byte[] content = in.readAllBytes();
			ImportReport report = SystemActor
				.call(() -> localities.importFile(content, "provinces-2025.csv", REFORM_DATE, true));
			log.info("Loaded {} provinces of the 2025 list", report.created());
		}
	}

}
