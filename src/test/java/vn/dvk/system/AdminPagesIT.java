package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.system.SystemActor;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

/** The back-office pages as an administrator uses them, including their refusals. */
@DvkIntegrationTest
class AdminPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoUsers demo;

	@Autowired
	LocalityService localities;

	@Autowired
	AccountService accounts;

	@Test
	void dashboardGreetsTheOfficerWithTheirScope() throws Exception {
		mvc.perform(get("/quan-tri").with(demo.as("canbo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Xin chào, Trần Văn Minh")))
			.andExpect(content().string(containsString("Hội Nông dân xã Tân Lập")))
			.andExpect(content().string(not(containsString("/quan-tri/nguoi-dung"))));
	}

	@Test
	void unitFormWithAnEmptyNameShowsTheErrorAndKeepsTheInput() throws Exception {
		mvc.perform(post("/quan-tri/don-vi-hanh-chinh/moi").with(demo.as("admin")).with(csrf())
			.param("code", "99950").param("name", "").param("type", "COMMUNE").param("parentCode", "99")
			.param("validFrom", "2025-07-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vui lòng nhập tên đơn vị.")))
			.andExpect(content().string(containsString("value=\"99950\"")));
		assertThat(localities.findCurrent("99950")).isEmpty();
	}

	@Test
	void administratorAddsAUnitAndSeesIt() throws Exception {
		mvc.perform(post("/quan-tri/don-vi-hanh-chinh/moi").with(demo.as("admin")).with(csrf())
			.param("code", "99951").param("name", "Xã Thêm Từ Trang").param("type", "COMMUNE")
			.param("parentCode", "99").param("validFrom", "2025-07-01"))
			.andExpect(redirectedUrlPattern("/quan-tri/don-vi-hanh-chinh/*"))
			.andExpect(flash().attribute("success", "Đã lưu đơn vị “Xã Thêm Từ Trang”."));
		mvc.perform(get("/quan-tri/don-vi-hanh-chinh").param("q", "them tu trang").with(demo.as("admin")))
			.andExpect(content().string(containsString("Xã Thêm Từ Trang")));
	}

	@Test
	void editingAStaleVersionShowsTheConflictPage() throws Exception {
		Locality unit = localities.findCurrent("99097").orElseThrow();
		mvc.perform(post("/quan-tri/don-vi-hanh-chinh/{id}/sua", unit.id()).with(demo.as("admin")).with(csrf())
			.param("code", unit.code()).param("name", "Xã Khánh Thiện").param("type", "COMMUNE")
			.param("parentCode", "99").param("validFrom", "2025-07-01")
			.param("version", String.valueOf(unit.version() + 7)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("vừa được người khác thay đổi")));
	}

	@Test
	void importPreviewThenCommitThroughThePages() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "xa-moi.csv", "text/csv", """
				Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)
				1,99960,Xã Nhập Từ Trang,Tỉnh Sơn Hà
				2,99031,Xã Tân Lập,Tỉnh Sơn Hà
				""".getBytes(StandardCharsets.UTF_8));
		String preview = mvc.perform(multipart("/quan-tri/don-vi-hanh-chinh/nhap/xem-truoc").file(file)
			.param("validFrom", "2025-07-01").with(demo.as("admin")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kết quả kiểm tra tệp")))
			.andExpect(content().string(containsString("Xã Nhập Từ Trang")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(localities.findCurrent("99960")).isEmpty();
		Matcher m = Pattern.compile("name=\"stagedId\" value=\"([^\"]+)\"").matcher(preview);
		assertThat(m.find()).isTrue();
		String stagedId = m.group(1);

		// Another administrator cannot use someone else's staged file.
		if (!accounts.exists("admin.hai")) {
			SystemActor.run(() -> accounts.create(new UserCommand("admin.hai", "Quản trị Hai", null, "MatKhau@2026",
					EnumSet.of(Role.ADMIN), null, AccessScope.PROVINCE)));
		}
		mvc.perform(post("/quan-tri/don-vi-hanh-chinh/nhap").param("stagedId", stagedId).with(demo.as("admin.hai"))
			.with(csrf())).andExpect(status().isBadRequest());
		assertThat(localities.findCurrent("99960")).isEmpty();

		mvc.perform(post("/quan-tri/don-vi-hanh-chinh/nhap").param("stagedId", stagedId).param("validFrom", "2025-07-01")
			.with(demo.as("admin")).with(csrf()))
			.andExpect(redirectedUrlPattern("/quan-tri/don-vi-hanh-chinh*"))
			.andExpect(flash().attribute("success", "Đã nhập xong: thêm 1, cập nhật 0, không đổi 1 đơn vị."));
		assertThat(localities.findCurrent("99960")).isPresent();

		mvc.perform(post("/quan-tri/don-vi-hanh-chinh/nhap").param("stagedId", stagedId).with(demo.as("admin"))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Vui lòng tải tệp lên lại")));

		mvc.perform(get("/quan-tri/nhat-ky").param("action", "UNITS_IMPORTED").with(demo.as("admin")))
			.andExpect(content().string(containsString("xa-moi.csv")));
	}

	@Test
	void importPreviewOfABadFileShowsTheReasonOnTheForm() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "ds.csv", "text/csv", "Ma,Ten\n1,2\n".getBytes());
		mvc.perform(multipart("/quan-tri/don-vi-hanh-chinh/nhap/xem-truoc").file(file).with(demo.as("admin"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tệp không đúng mẫu danh sách đơn vị hành chính")));
	}

	@Test
	void administratorCreatesAUserWithRolesAndScope() throws Exception {
		mvc.perform(post("/quan-tri/nguoi-dung/moi").with(demo.as("admin")).with(csrf())
			.param("username", "pv.trang").param("fullName", "Lý Thu Trang").param("password", "MatKhau@2026")
			.param("roles", "JOURNALIST").param("scope", "PROVINCE"))
			.andExpect(redirectedUrlPattern("/quan-tri/nguoi-dung/*"));
		assertThat(accounts.findByUsername("pv.trang").orElseThrow().fullName()).isEqualTo("Lý Thu Trang");
	}

	@Test
	void userFormWithoutRolesShowsTheError() throws Exception {
		mvc.perform(post("/quan-tri/nguoi-dung/moi").with(demo.as("admin")).with(csrf())
			.param("username", "khong.vai.tro").param("fullName", "Không Vai Trò").param("password", "MatKhau@2026")
			.param("scope", "PROVINCE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vui lòng chọn ít nhất một vai trò.")))
			.andExpect(result -> assertThat(Jsoup.parse(result.getResponse().getContentAsString())
				.select("input[name=fullName]")
				.val()).isEqualTo("Không Vai Trò"));
		assertThat(accounts.exists("khong.vai.tro")).isFalse();
	}

	@Test
	void changingOwnPasswordNeedsTheCurrentOne() throws Exception {
		mvc.perform(post("/tai-khoan/doi-mat-khau").with(demo.as("phongvien")).with(csrf())
			.param("currentPassword", "sai").param("newPassword", "MatKhauMoi@1").param("confirmPassword", "MatKhauMoi@1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mật khẩu hiện tại không đúng.")));
		mvc.perform(post("/tai-khoan/doi-mat-khau").with(demo.as("phongvien")).with(csrf())
			.param("currentPassword", DemoUsers.PASSWORD).param("newPassword", "MatKhauMoi@1")
			.param("confirmPassword", "KhacNhau@1"))
			.andExpect(content().string(containsString("Hai lần nhập mật khẩu mới không khớp nhau.")));
	}

	@Test
	void organizationFormRefusesADuplicateName() throws Exception {
		mvc.perform(post("/quan-tri/co-quan-don-vi/moi").with(demo.as("admin")).with(csrf())
			.param("name", "Hội Nông dân xã Tân Lập").param("typeCode", "FARMERS_UNION").param("localityCode", "99031"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã có cơ quan, đơn vị cùng tên tại Xã Tân Lập.")));
	}

	@Test
	void auditPageListsSecurityEventsInVietnamese() throws Exception {
		mvc.perform(get("/quan-tri/nhat-ky").with(demo.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nhật ký hệ thống")));
	}

}
