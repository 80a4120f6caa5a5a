package vn.dvk.commendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationService;
import vn.dvk.registry.ModelsImported;
import vn.dvk.registry.RecognitionLevel;
import vn.dvk.registry.RegistryService;
import vn.dvk.support.ModuleFixtures;

/**
 * Recognition → commendation eligibility, across the registry and commendation modules only: a model recognized in
 * the registry becomes a candidate of every conference once the registry's event is handled, and stops being one
 * when the registry discontinues it.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { ModuleFixtures.OWN_DATABASE, "dvk.demo-data=false" })
class RecognitionFlowTests {

	@Autowired
	RegistryService registry;

	@Autowired
	LocalityService localities;

	@Autowired
	OrganizationService organizations;

	@Autowired
	CommendationCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRecognizedModelBecomesACandidateAndADiscontinuedOneDoesNot(Scenario scenario) {
		ModuleFixtures.World world = ModuleFixtures.world(localities, organizations, registry);
		long conference = 42;
		assertThat(candidates.candidates(ModuleFixtures.ADMIN, conference)).isEmpty();

		scenario
			.stimulate(() -> registry.recognize(ModuleFixtures.ADMIN, world.modelId(), RecognitionLevel.COMMUNE,
					"15-QĐ/UBND", LocalDate.of(2026, 3, 2)))
			.andWaitForStateChange(() -> candidates.candidates(ModuleFixtures.ADMIN, conference), found -> !found.isEmpty())
			.andVerify(found -> assertThat(found).singleElement().satisfies(c -> {
				assertThat(c.id()).isEqualTo(world.modelId());
				assertThat(c.name()).isEqualTo("Đường làng sáng, xanh, sạch");
				assertThat(c.level()).isEqualTo(RecognitionLevel.COMMUNE);
				assertThat(c.decisionNumber()).isEqualTo("15-QĐ/UBND");
				assertThat(c.decisionDate()).isEqualTo(LocalDate.of(2026, 3, 2));
				assertThat(c.localityName()).isEqualTo("Xã Tân Lập");
			}));

		// A second delivery of the same event (a retry) keeps one row.
		candidates.record(world.modelId(), RecognitionLevel.PROVINCE, "99-QĐ/X", LocalDate.of(2026, 4, 1));
		assertThat(jdbc.sql("select count(*) from commendation_candidate").query(Long.class).single()).isEqualTo(1);
		assertThat(candidates.candidates(ModuleFixtures.ADMIN, conference)).singleElement()
			.extracting(CommendationCandidates.Candidate::decisionNumber)
			.isEqualTo("15-QĐ/UBND");

		// The import's bulk event records the decision the registry holds.
		jdbc.sql("delete from commendation_candidate").update();
		scenario.publish(new ModelsImported(List.of(world.modelId())))
			.andWaitForStateChange(() -> candidates.candidates(ModuleFixtures.ADMIN, conference), found -> !found.isEmpty())
			.andVerify(found -> assertThat(found).singleElement()
				.extracting(CommendationCandidates.Candidate::decisionNumber)
				.isEqualTo("15-QĐ/UBND"));

		registry.discontinue(ModuleFixtures.ADMIN, world.modelId(), "Đơn vị đã sáp nhập, không duy trì.");
		assertThat(candidates.candidates(ModuleFixtures.ADMIN, conference)).isEmpty();
	}

}
