package vn.dvk.locality;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

@DvkIntegrationTest
class LocalityApiIT {

	@Autowired
	MockMvc mvc;

	private static MockMultipartFile csv(String content) {
		return new MockMultipartFile("file", "ds.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void listsChildrenOfAParentWithTotal() throws Exception {
		mvc.perform(get("/api/v1/localities").param("parent", "99").param("size", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()", is(5)))
			.andExpect(jsonPath("$.items[*].parentCode", everyItem(is("99"))))
			.andExpect(jsonPath("$.total", greaterThanOrEqualTo(30)));
	}

	@Test
	void searchesWithoutDiacritics() throws Exception {
		mvc.perform(get("/api/v1/localities").param("q", "dak lak"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].code", is("66")))
			.andExpect(jsonPath("$.items[0].name", is("Tỉnh Đắk Lắk")))
			.andExpect(jsonPath("$.items[0].type", is("PROVINCE")));
	}

	@Test
	void importWithoutCredentialsIs401JsonNotARedirect() throws Exception {
		mvc.perform(multipart("/api/v1/localities/import").file(csv("x")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/json")))
			.andExpect(jsonPath("$.status", is(401)))
			.andExpect(jsonPath("$.message", containsString("xác thực")));
	}

	@Test
	void importWithWrongPasswordIs401() throws Exception {
		mvc.perform(multipart("/api/v1/localities/import").file(csv("x")).with(httpBasic("admin", "sai-mat-khau")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error", is("Unauthorized")));
	}

	@Test
	void importByAnOfficerIs403() throws Exception {
		mvc.perform(multipart("/api/v1/localities/import").file(csv("x")).with(httpBasic("canbo", DemoUsers.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status", is(403)))
			.andExpect(jsonPath("$.message", containsString("không có quyền")));
	}

	@Test
	void dryRunAnswersCountsAndRejectedRows() throws Exception {
		mvc.perform(multipart("/api/v1/localities/import").file(csv("""
				Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)
				1,99031,Xã Tân Lập,Tỉnh Sơn Hà
				2,91991,Xã Thử API,Tỉnh Sơn Hà
				3,91992,,Tỉnh Sơn Hà
				""")).param("dryRun", "true").with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created", is(1)))
			.andExpect(jsonPath("$.unchanged", is(1)))
			.andExpect(jsonPath("$.updated", is(0)))
			.andExpect(jsonPath("$.rejected[0].row", is(4)))
			.andExpect(jsonPath("$.rejected[0].errors[0]", is("Thiếu tên đơn vị hành chính.")));
	}

	@Test
	void commitWithRejectedRowsIs422AndWritesNothing() throws Exception {
		mvc.perform(multipart("/api/v1/localities/import").file(csv("""
				Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)
				1,91993,Xã Sẽ Không Vào,Tỉnh Sơn Hà
				2,91993,Xã Trùng,Tỉnh Sơn Hà
				""")).param("dryRun", "false").with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.created", is(0)))
			.andExpect(jsonPath("$.rejected[0].errors[0]", containsString("trùng")));
		mvc.perform(get("/api/v1/localities").param("q", "91993")).andExpect(jsonPath("$.total", is(0)));
	}

	@Test
	void commitWritesAndIsIdempotent() throws Exception {
		String file = """
				Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)
				1,91994,Xã Nhập Qua API,Tỉnh Sơn Hà
				""";
		mvc.perform(multipart("/api/v1/localities/import").file(csv(file)).param("dryRun", "false")
			.with(httpBasic("admin", DemoUsers.PASSWORD))).andExpect(status().isOk()).andExpect(jsonPath("$.created", is(1)));
		mvc.perform(multipart("/api/v1/localities/import").file(csv(file)).param("dryRun", "false")
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created", is(0)))
			.andExpect(jsonPath("$.unchanged", is(1)));
		mvc.perform(get("/api/v1/localities").param("q", "nhap qua api"))
			.andExpect(jsonPath("$.items[*].code", hasItem("91994")));
	}

	@Test
	void badFileIsA400WithAVietnameseReason() throws Exception {
		mvc.perform(multipart("/api/v1/localities/import")
			.file(new MockMultipartFile("file", "ds.csv", "text/csv", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 1 }))
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("không phải bảng tính")));
	}

	@Test
	void missingFilePartIs400() throws Exception {
		mvc.perform(multipart("/api/v1/localities/import").with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("file")));
	}

}
