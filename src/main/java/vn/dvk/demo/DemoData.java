package vn.dvk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationCommand;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.system.SettingsStore;
import vn.dvk.system.SystemActor;

/**
 * Demo data written for this project, loaded once on first start unless {@code dvk.demo-data=false}: a fictional
 * province ("Tỉnh Sơn Hà", code 99) with wards, communes and special zones, the organizations that run the
 * movement there, and one account per role (see README). Everything goes through the modules' own services, so the
 * demo obeys the same rules as real data.
 */
@Component
@Order(30)
class DemoData implements ApplicationRunner {

	static final String MARKER = "demo-data.loaded";

	/** The password of every demo account, as listed in the README. */
	static final String PASSWORD = "Demo@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final boolean enabled;

	private final LocalityService localities;

	private final OrganizationService organizations;

	private final AccountService accounts;

	private final SettingsStore settings;

	private final TransactionTemplate tx;

	DemoData(@Value("${dvk.demo-data:true}") boolean enabled, LocalityService localities,
			OrganizationService organizations, AccountService accounts, SettingsStore settings, TransactionTemplate tx) {
		this.enabled = enabled;
		this.localities = localities;
		this.organizations = organizations;
		this.accounts = accounts;
		this.settings = settings;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!enabled || settings.get(MARKER).isPresent()) {
			return;
		}
		byte[] communes;
		try (InputStream in = new ClassPathResource("demo/communes.csv").getInputStream()) {
			communes = in.readAllBytes();
		}
		SystemActor.run(() -> tx.executeWithoutResult(status -> load(communes)));
		log.info("Loaded demo data: province 99 (Tỉnh Sơn Hà), organizations and one account per role");
	}

	private void load(byte[] communes) {
		localities.importFile(communes, "demo/communes.csv", LocalDate.of(2025, 7, 1), true);
		Map<String, OrganizationView> orgs = new HashMap<>();
		for (String[] o : ORGANIZATIONS) {
			Long parent = o[3] == null ? null : orgs.get(o[3]).id();
			orgs.put(o[0], organizations.create(new OrganizationCommand(o[0], o[1], o[2], parent, null, null)));
		}
		for (Object[] u : ACCOUNTS) {
			String username = (String) u[0];
			if (accounts.exists(username)) {
				continue;
			}
			OrganizationView org = u[3] == null ? null : orgs.get((String) u[3]);
			var created = accounts.create(new UserCommand(username, (String) u[1], username + "@demo.dvk.vn",
					PASSWORD, EnumSet.of((Role) u[2]), org == null ? null : org.id(), (AccessScope) u[4]));
			if (u[2] == Role.CITIZEN) {
				// The demo citizen can vote in polls for verified accounts at once.
				accounts.markEmailVerified(created.id());
			}
		}
		settings.put(MARKER, LocalDate.now().toString());
	}

	/** Name, type, locality code, parent organization name. */
	private static final List<String[]> ORGANIZATIONS = List.of(
			new String[] { "Tỉnh ủy Sơn Hà", "PARTY_COMMITTEE", "99", null },
			new String[] { "Ban Dân vận Tỉnh ủy Sơn Hà", "PARTY_AGENCY", "99", "Tỉnh ủy Sơn Hà" },
			new String[] { "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn Hà", "FATHERLAND_FRONT", "99", null },
			new String[] { "Hội Nông dân tỉnh Sơn Hà", "FARMERS_UNION", "99", null },
			new String[] { "Hội Liên hiệp Phụ nữ tỉnh Sơn Hà", "WOMENS_UNION", "99", null },
			new String[] { "Tỉnh đoàn Sơn Hà", "YOUTH_UNION", "99", null },
			new String[] { "Hội Cựu chiến binh tỉnh Sơn Hà", "VETERANS_ASSOCIATION", "99", null },
			new String[] { "Liên đoàn Lao động tỉnh Sơn Hà", "TRADE_UNION", "99", null },
			new String[] { "Công an tỉnh Sơn Hà", "POLICE", "99", null },
			new String[] { "Bộ Chỉ huy Quân sự tỉnh Sơn Hà", "MILITARY", "99", null },
			new String[] { "Sở Nông nghiệp và Môi trường tỉnh Sơn Hà", "STATE_AGENCY", "99", null },
			new String[] { "Sở Y tế tỉnh Sơn Hà", "STATE_AGENCY", "99", null },
			new String[] { "Sở Giáo dục và Đào tạo tỉnh Sơn Hà", "STATE_AGENCY", "99", null },
			new String[] { "Báo Sơn Hà", "PUBLIC_SERVICE_UNIT", "99", null },
			new String[] { "Đảng ủy xã Tân Lập", "PARTY_COMMITTEE", "99031", "Tỉnh ủy Sơn Hà" },
			new String[] { "Ủy ban nhân dân xã Tân Lập", "PEOPLES_COMMITTEE", "99031", null },
			new String[] { "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Lập", "FATHERLAND_FRONT", "99031",
					"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn Hà" },
			new String[] { "Hội Nông dân xã Tân Lập", "FARMERS_UNION", "99031", "Hội Nông dân tỉnh Sơn Hà" },
			new String[] { "Hội Liên hiệp Phụ nữ phường Bắc Sơn", "WOMENS_UNION", "99004",
					"Hội Liên hiệp Phụ nữ tỉnh Sơn Hà" },
			new String[] { "Đoàn Thanh niên phường Sơn Hà", "YOUTH_UNION", "99001", "Tỉnh đoàn Sơn Hà" },
			new String[] { "Hội Cựu chiến binh xã Đồng Tâm", "VETERANS_ASSOCIATION", "99034",
					"Hội Cựu chiến binh tỉnh Sơn Hà" },
			new String[] { "Công an xã Ia Hà", "POLICE", "99052", "Công an tỉnh Sơn Hà" },
			new String[] { "Đảng ủy đặc khu Hòn Ngọc", "PARTY_COMMITTEE", "99100", "Tỉnh ủy Sơn Hà" },
			new String[] { "Ủy ban nhân dân phường Nam Sơn", "PEOPLES_COMMITTEE", "99007", null },
			new String[] { "Hội Nông dân xã Phìn Hồ", "FARMERS_UNION", "99055", "Hội Nông dân tỉnh Sơn Hà" },
			new String[] { "Công ty Cổ phần Chè Phìn Hồ", "ENTERPRISE", "99055", null });

	/** Username, full name, role, organization, scope. */
	private static final List<Object[]> ACCOUNTS = List.of(
			new Object[] { "admin", "Quản trị hệ thống", Role.ADMIN, "Ban Dân vận Tỉnh ủy Sơn Hà", AccessScope.PROVINCE },
			new Object[] { "bandanvan", "Nguyễn Thị Thu Hà", Role.PROVINCE_STAFF, "Ban Dân vận Tỉnh ủy Sơn Hà",
					AccessScope.PROVINCE },
			new Object[] { "canbo", "Trần Văn Minh", Role.OFFICER, "Hội Nông dân xã Tân Lập", AccessScope.ORGANIZATION },
			new Object[] { "canbo.tanlap", "Đỗ Thị Hồng Nhung", Role.OFFICER, "Ủy ban nhân dân xã Tân Lập",
					AccessScope.COMMUNE },
			new Object[] { "thamdinh", "Lê Quang Huy", Role.APPRAISER,
					"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn Hà", AccessScope.PROVINCE },
			new Object[] { "giamkhao", "Phạm Thị Lan", Role.JURY, "Ban Dân vận Tỉnh ủy Sơn Hà", AccessScope.PROVINCE },
			new Object[] { "bientap", "Ngô Thanh Tùng", Role.EDITOR, "Ban Dân vận Tỉnh ủy Sơn Hà",
					AccessScope.ORGANIZATION },
			new Object[] { "phongvien", "Hoàng Minh Đức", Role.JOURNALIST, "Báo Sơn Hà", AccessScope.ORGANIZATION },
			new Object[] { "congdan", "Vũ Thị Mai", Role.CITIZEN, null, AccessScope.PROVINCE });

}
