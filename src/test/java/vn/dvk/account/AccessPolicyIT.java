package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.shared.PageResult;
import vn.dvk.support.DvkIntegrationTest;

/**
 * The scope rules, role by role, against the demo province: Hội Nông dân xã Tân Lập (commune 99031) and its sibling
 * organizations, an organization of another commune (Công an xã Ia Hà, 99052), a provincial body, and a unit of
 * another province.
 */
@DvkIntegrationTest
class AccessPolicyIT {

	@Autowired
	AccessPolicy policy;

	@Autowired
	OrganizationService organizations;

	@Autowired
	LocalityService localities;

	long farmersTanLap;

	long committeeTanLap;

	long policeIaHa;

	long provinceFarmers;

	long tanLap;

	long hanoi;

	private long org(String name) {
		return organizations.search(new OrganizationQuery(name, null, null, true), new PageResult.Request(0, 5))
			.items()
			.stream()
			.filter(o -> o.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	@BeforeEach
	void ids() {
		farmersTanLap = org("Hội Nông dân xã Tân Lập");
		committeeTanLap = org("Ủy ban nhân dân xã Tân Lập");
		policeIaHa = org("Công an xã Ia Hà");
		provinceFarmers = org("Hội Nông dân tỉnh Sơn Hà");
		tanLap = localities.findCurrent("99031").orElseThrow().id();
		hanoi = localities.findCurrent("01").orElseThrow().id();
	}

	private static DvkUser user(Role role, AccessScope scope, Long organizationId) {
		return DvkUser.of(1000, "test." + role.name().toLowerCase(), "Người thử", Set.of(role), scope,
				organizationId);
	}

	@Test
	void administratorSeesAndChangesEverything() {
		DvkUser admin = user(Role.ADMIN, AccessScope.ORGANIZATION, null);
		assertThat(policy.canChange(admin, Ownership.organization(policeIaHa))).isTrue();
		assertThat(policy.canChange(admin, Ownership.locality(hanoi))).isTrue();
		assertThat(policy.filterFor(admin)).isInstanceOf(ScopeFilter.Everything.class);
	}

	@Test
	void provinceStaffChangeEverythingInTheProvinceButNotElsewhere() {
		DvkUser staff = user(Role.PROVINCE_STAFF, AccessScope.PROVINCE, provinceFarmers);
		assertThat(policy.canChange(staff, Ownership.organization(farmersTanLap))).isTrue();
		assertThat(policy.canChange(staff, Ownership.organization(policeIaHa))).isTrue();
		assertThat(policy.canView(staff, Ownership.locality(hanoi))).isFalse();
		assertThat(policy.canChange(staff, Ownership.locality(hanoi))).isFalse();
	}

	@Test
	void provinceStaffWithoutOrganizationUseTheInstallationsProvince() {
		DvkUser staff = user(Role.PROVINCE_STAFF, AccessScope.PROVINCE, null);
		assertThat(policy.canView(staff, Ownership.locality(tanLap))).isTrue();
		assertThat(policy.canView(staff, Ownership.locality(hanoi))).isFalse();
	}

	@Test
	void organizationScopedOfficerReachesOnlyTheirOwnOrganization() {
		DvkUser officer = user(Role.OFFICER, AccessScope.ORGANIZATION, farmersTanLap);
		assertThat(policy.canChange(officer, Ownership.organization(farmersTanLap))).isTrue();
		assertThat(policy.canView(officer, Ownership.organization(committeeTanLap))).isFalse();
		assertThat(policy.canView(officer, Ownership.organization(policeIaHa))).isFalse();
		assertThat(policy.canView(officer, Ownership.locality(tanLap))).isFalse();
		assertThatThrownBy(() -> policy.checkChange(officer, Ownership.organization(committeeTanLap)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void organizationScopeIncludesSubOrganizations() {
		DvkUser provincial = user(Role.OFFICER, AccessScope.ORGANIZATION, provinceFarmers);
		assertThat(policy.canChange(provincial, Ownership.organization(farmersTanLap))).isTrue();
		assertThat(policy.canChange(provincial, Ownership.organization(policeIaHa))).isFalse();
	}

	@Test
	void communeScopedOfficerReachesEveryOrganizationOfTheCommuneOnly() {
		DvkUser officer = user(Role.OFFICER, AccessScope.COMMUNE, committeeTanLap);
		assertThat(policy.canChange(officer, Ownership.organization(farmersTanLap))).isTrue();
		assertThat(policy.canChange(officer, Ownership.locality(tanLap))).isTrue();
		assertThat(policy.canView(officer, Ownership.organization(policeIaHa))).isFalse();
		assertThat(policy.canView(officer, Ownership.organization(provinceFarmers))).isFalse();
		assertThat(policy.filterFor(officer)).isEqualTo(new ScopeFilter.LocalitiesUnder(tanLap));
	}

	@Test
	void appraiserSeesWithinScopeButChangesNothing() {
		DvkUser appraiser = user(Role.APPRAISER, AccessScope.PROVINCE, provinceFarmers);
		assertThat(policy.canView(appraiser, Ownership.organization(farmersTanLap))).isTrue();
		assertThat(policy.canChange(appraiser, Ownership.organization(farmersTanLap))).isFalse();
	}

	@Test
	void juryLikeAppraiserReadsOnly() {
		DvkUser jury = user(Role.JURY, AccessScope.PROVINCE, provinceFarmers);
		assertThat(policy.canView(jury, Ownership.organization(policeIaHa))).isTrue();
		assertThat(policy.canChange(jury, Ownership.organization(policeIaHa))).isFalse();
	}

	@Test
	void journalistsAndCitizensSeeNoInternalRecords() {
		for (Role role : new Role[] { Role.JOURNALIST, Role.CITIZEN }) {
			DvkUser user = user(role, AccessScope.PROVINCE, provinceFarmers);
			assertThat(policy.canView(user, Ownership.organization(farmersTanLap))).as(role.name()).isFalse();
			assertThat(policy.canChange(user, Ownership.organization(farmersTanLap))).as(role.name()).isFalse();
			assertThat(policy.filterFor(user)).isInstanceOf(ScopeFilter.Nothing.class);
		}
	}

	@Test
	void anonymousSeesNothing() {
		assertThat(policy.canView(null, Ownership.organization(farmersTanLap))).isFalse();
		assertThat(policy.filterFor(null)).isInstanceOf(ScopeFilter.Nothing.class);
	}

	@Test
	void officerWithoutOrganizationSeesNothing() {
		DvkUser officer = user(Role.OFFICER, AccessScope.ORGANIZATION, null);
		assertThat(policy.canView(officer, Ownership.organization(farmersTanLap))).isFalse();
	}

}
