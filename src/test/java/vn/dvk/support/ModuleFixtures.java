package vn.dvk.support;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;

import vn.dvk.account.AccessScope;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationCommand;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.UnitCommand;
import vn.dvk.locality.UnitType;
import vn.dvk.registry.ModelContent;
import vn.dvk.registry.ModelDraft;
import vn.dvk.registry.ModelKind;
import vn.dvk.registry.RegistryService;
import vn.dvk.registry.SubjectType;
import vn.dvk.system.SystemActor;

/**
 * The smallest world a module test needs, built through the owning modules' APIs: a province, a commune, an
 * organization in it and a draft model of that organization. For {@code @ApplicationModuleTest}s, which start
 * without the demo data on their own in-memory database.
 */
public final class ModuleFixtures {

	/** A province-wide administrator acting in tests. */
	public static final DvkUser ADMIN = DvkUser.of(0, "system", "Hệ thống", EnumSet.of(Role.ADMIN),
			AccessScope.PROVINCE, null);

	/** Properties for a module test's own database, so it never shares the integration tests' one. */
	public static final String OWN_DATABASE = "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=PostgreSQL;"
			+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	private ModuleFixtures() {
	}

	public record World(long organizationId, long modelId) {
	}

	public static World world(LocalityService localities, OrganizationService organizations,
			RegistryService registry) {
		return SystemActor.call(() -> {
			localities.create(new UnitCommand("99", "Tỉnh Sơn Hà", "Son Ha Province", UnitType.PROVINCE, null,
					LocalDate.of(2025, 7, 1), null));
			localities.create(new UnitCommand("99031", "Xã Tân Lập", "Tan Lap Commune", UnitType.COMMUNE, "99",
					LocalDate.of(2025, 7, 1), null));
			long org = organizations
				.create(new OrganizationCommand("Ủy ban nhân dân xã Tân Lập", "PEOPLES_COMMITTEE", "99031", null, null, null))
				.id();
			long model = registry
				.create(ADMIN, new ModelDraft(ModelKind.MODEL, SubjectType.COLLECTIVE, "Đường làng sáng, xanh, sạch",
						"KINH_TE", org, "99031", "2021-2025", 2023, ModelContent.empty(), new LinkedHashSet<>(),
						new LinkedHashSet<>(), List.of()))
				.id();
			return new World(org, model);
		});
	}

}
