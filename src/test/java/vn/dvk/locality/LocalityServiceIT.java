package vn.dvk.locality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.dvk.system.AuditEntry;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SystemActor;
import vn.dvk.shared.UserFacingException;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

@DvkIntegrationTest
class LocalityServiceIT {

	@Autowired
	LocalityService localities;

	@Autowired
	AuditLog audit;

	@Autowired
	DemoUsers users;

	private static UnitCommand commune(String code, String name) {
		return new UnitCommand(code, name, null, UnitType.COMMUNE, "99", LocalDate.of(2025, 7, 1), null);
	}

	@Test
	void searchIsDiacriticInsensitiveAndNeedsEveryWord() {
		PageResult<Locality> r = localities.search(new LocalityQuery("tan lap", null, null, false),
				new PageResult.Request(0, 20));
		assertThat(r.items()).extracting(Locality::name).contains("Xã Tân Lập");
		assertThat(localities.search(new LocalityQuery("DAK LAK", null, null, false), new PageResult.Request(0, 20))
			.items()).extracting(Locality::code).containsExactly("66");
		assertThat(localities.search(new LocalityQuery("tan khong", null, null, false), new PageResult.Request(0, 20))
			.total()).isZero();
	}

	@Test
	void searchByCodePrefixAndByParent() {
		assertThat(localities.search(new LocalityQuery("9903", null, null, false), new PageResult.Request(0, 50))
			.items()).extracting(Locality::code).contains("99031", "99034", "99037");
		PageResult<Locality> children = localities.search(new LocalityQuery(null, "99", null, false),
				new PageResult.Request(0, 10));
		assertThat(children.total()).isGreaterThanOrEqualTo(30);
		assertThat(children.items()).hasSize(10).allMatch(l -> "99".equals(l.parentCode()));
	}

	@Test
	void createRequiresAdministrator() {
		var context = SecurityContextHolder.createEmptyContext();
		var officer = users.load("bandanvan");
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(officer, null,
				officer.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			assertThatThrownBy(() -> localities.create(commune("99901", "Xã Không Quyền")))
				.isInstanceOf(AccessDeniedException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(localities.findCurrent("99901")).isEmpty();
	}

	@Test
	void createValidatesAndAudits() {
		Locality created = SystemActor.call(() -> localities.create(commune("99902", "Xã  Mới Lập ")));
		assertThat(created.name()).isEqualTo("Xã Mới Lập");
		assertThat(created.parentCode()).isEqualTo("99");
		PageResult<AuditEntry> entries = audit.search(
				new AuditLog.Query(null, "UNIT_CREATED", "administrative_unit", null, null), new PageResult.Request(0, 50));
		assertThat(entries.items()).anySatisfy(e -> {
			assertThat(e.targetId()).isEqualTo(String.valueOf(created.id()));
			assertThat(e.summary()).contains("Xã Mới Lập");
		});
	}

	@Test
	void codeInUseIsRefusedOnTheCodeField() {
		assertThatThrownBy(() -> SystemActor.call(() -> localities.create(commune("99031", "Xã Trùng"))))
			.isInstanceOf(UserFacingException.class)
			.satisfies(e -> {
				assertThat(((UserFacingException) e).field()).isEqualTo("code");
				assertThat(((UserFacingException) e).messageKey()).isEqualTo("locality.code.taken");
			});
	}

	@Test
	void emptyNameAndWrongCodeLengthAreRefused() {
		assertThatThrownBy(() -> SystemActor.call(() -> localities.create(commune("99903", "  "))))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("locality.name.required");
		assertThatThrownBy(() -> SystemActor.call(() -> localities.create(commune("999", "Xã Ba Số"))))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("locality.code.levelMismatch");
	}

	@Test
	void staleVersionIsRefusedSoNoEditIsLost() {
		Locality unit = SystemActor.call(() -> localities.create(commune("99904", "Xã Hai Người Sửa")));
		SystemActor.run(() -> localities.update(unit.id(), unit.version(), commune("99904", "Xã Sửa Lần Một")));
		assertThatThrownBy(() -> SystemActor
			.run(() -> localities.update(unit.id(), unit.version(), commune("99904", "Xã Sửa Lần Hai"))))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(localities.find(unit.id()).orElseThrow().name()).isEqualTo("Xã Sửa Lần Một");
		assertThat(localities.nameHistory(unit.id())).extracting(NameChange::name).containsExactly("Xã Hai Người Sửa");
	}

	@Test
	void retiredUnitLeavesTheCurrentListButStaysReadable() {
		Locality unit = SystemActor.call(() -> localities.create(commune("99905", "Xã Sẽ Sáp Nhập")));
		SystemActor.run(() -> localities.retire(unit.id(), LocalDate.of(2025, 12, 31)));
		assertThat(localities.findCurrent("99905")).isEmpty();
		assertThat(localities.findByCode("99905")).get().extracting(Locality::retired).isEqualTo(true);
		assertThat(localities.search(new LocalityQuery("99905", null, null, true), new PageResult.Request(0, 5))
			.total()).isEqualTo(1);
	}

	@Test
	void provinceWithCurrentCommunesCannotBeRetired() {
		Locality province = localities.findCurrent("99").orElseThrow();
		assertThatThrownBy(() -> SystemActor.run(() -> localities.retire(province.id(), LocalDate.of(2026, 1, 1))))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("locality.retire.hasChildren");
	}

}
