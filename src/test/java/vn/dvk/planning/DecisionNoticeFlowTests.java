package vn.dvk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.NotificationService;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationService;
import vn.dvk.registry.ModelReturned;
import vn.dvk.registry.RecognitionLevel;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;
import vn.dvk.support.ModuleFixtures;
import vn.dvk.system.SystemActor;

/**
 * Decision → notification: what the registry decides about a model reaches the officers of the model's organization
 * (and nobody else) once the decision has committed, through the registry's events.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { ModuleFixtures.OWN_DATABASE, "dvk.demo-data=false" })
class DecisionNoticeFlowTests {

	@Autowired
	RegistryService registry;

	@Autowired
	LocalityService localities;

	@Autowired
	OrganizationService organizations;

	@Autowired
	AccountService accounts;

	@Autowired
	NotificationService notifications;

	@Test
	void officersOfTheModelsOrganizationHearOfItsRecognitionAndReturn(Scenario scenario) {
		ModuleFixtures.World world = ModuleFixtures.world(localities, organizations, registry);
		long officer = SystemActor.call(() -> accounts
			.create(new UserCommand("canbo.tanlap", "Lê Thị Hoa", null, "Tân-Lập 2026 hoa sen", EnumSet.of(Role.OFFICER),
					world.organizationId(), AccessScope.ORGANIZATION))
			.id());
		long elsewhere = SystemActor.call(() -> accounts
			.create(new UserCommand("canbo.tinh", "Trần Văn Nam", null, "Sơn-Hà 2026 núi cao", EnumSet.of(Role.PROVINCE_STAFF), null,
					AccessScope.PROVINCE))
			.id());

		scenario
			.stimulate(() -> registry.recognize(ModuleFixtures.ADMIN, world.modelId(), RecognitionLevel.COMMUNE,
					"15-QĐ/UBND", LocalDate.of(2026, 3, 2)))
			.andWaitForStateChange(() -> notifications.unread(officer), n -> n > 0)
			.andVerify(n -> {
				List<NotificationService.Notification> items = notifications
					.list(officer, new PageResult.Request(0, 10))
					.items();
				assertThat(items).singleElement().satisfies(item -> {
					assertThat(item.title()).isEqualTo("Mô hình “Đường làng sáng, xanh, sạch” đã được công nhận");
					assertThat(item.body()).isEqualTo("Quyết định số 15-QĐ/UBND ngày 02/03/2026 (Cấp xã).");
					assertThat(item.link()).isEqualTo("/quan-tri/mo-hinh/" + world.modelId());
				});
			});

		scenario.publish(new ModelReturned(world.modelId(), world.organizationId(), "Đường làng sáng, xanh, sạch",
				"Bổ sung số hộ tham gia và kinh phí."))
			.andWaitForStateChange(() -> notifications.unread(officer), n -> n > 1)
			.andVerify(n -> assertThat(notifications.list(officer, new PageResult.Request(0, 10)).items().get(0))
				.satisfies(item -> {
					assertThat(item.title()).isEqualTo("Mô hình “Đường làng sáng, xanh, sạch” được trả lại để bổ sung");
					assertThat(item.body()).isEqualTo("Bổ sung số hộ tham gia và kinh phí.");
				}));

		assertThat(notifications.unread(elsewhere)).isZero();
	}

}
