package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.dvk.account.AccountService;
import vn.dvk.account.Role;
import vn.dvk.account.UserQuery;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityQuery;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.UnitType;
import vn.dvk.shared.PageResult;
import vn.dvk.support.DvkIntegrationTest;

@DvkIntegrationTest
class DemoDataIT {

	@Autowired
	LocalityService localities;

	@Autowired
	OrganizationService organizations;

	@Autowired
	AccountService accounts;

	@Test
	void demoProvinceHasThirtyCommunesOfEveryKind() {
		List<Locality> units = localities
			.search(new LocalityQuery(null, "99", null, false), new PageResult.Request(0, 200))
			.items();
		assertThat(units.size()).isGreaterThanOrEqualTo(30);
		assertThat(units.stream().map(Locality::type).collect(Collectors.toSet())).contains(UnitType.COMMUNE,
				UnitType.WARD, UnitType.SPECIAL_ZONE);
	}

	@Test
	void demoProvinceHasFifteenOrganizationsOfTheMovementsKinds() {
		var orgs = organizations.search(new OrganizationQuery(null, null, "99", false), new PageResult.Request(0, 200))
			.items();
		assertThat(orgs.size()).isGreaterThanOrEqualTo(15);
		Set<String> types = orgs.stream().map(o -> o.typeCode()).collect(Collectors.toSet());
		assertThat(types).contains("PARTY_COMMITTEE", "FATHERLAND_FRONT", "FARMERS_UNION", "WOMENS_UNION",
				"YOUTH_UNION", "VETERANS_ASSOCIATION", "POLICE", "STATE_AGENCY");
	}

	@Test
	void thereIsADemoAccountForEveryRole() {
		Set<Role> covered = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			if (accounts.search(new UserQuery(null, role, null), new PageResult.Request(0, 1)).total() > 0) {
				covered.add(role);
			}
		}
		assertThat(covered).containsExactlyInAnyOrder(Role.values());
		assertThat(accounts.findByUsername("canbo").orElseThrow().organizationName())
			.isEqualTo("Hội Nông dân xã Tân Lập");
	}

}
