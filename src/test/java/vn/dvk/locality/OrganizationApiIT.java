package vn.dvk.locality;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

@DvkIntegrationTest
class OrganizationApiIT {

	@Autowired
	MockMvc mvc;

	@Test
	void listsOrganizationsOfACommune() throws Exception {
		mvc.perform(get("/api/v1/organizations").param("locality", "99031"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].localityCode", everyItem(is("99031"))))
			.andExpect(jsonPath("$.items[*].name", hasItem("Hội Nông dân xã Tân Lập")))
			.andExpect(jsonPath("$.total", greaterThanOrEqualTo(4)));
	}

	@Test
	void provinceCodeIncludesOrganizationsOfItsCommunes() throws Exception {
		mvc.perform(get("/api/v1/organizations").param("locality", "99").param("size", "200"))
			.andExpect(jsonPath("$.items[*].localityCode", hasItem("99031")))
			.andExpect(jsonPath("$.items[*].localityCode", hasItem("99")));
	}

	@Test
	void searchesWithoutDiacritics() throws Exception {
		mvc.perform(get("/api/v1/organizations").param("q", "hoi nong dan tan lap"))
			.andExpect(jsonPath("$.total", is(1)))
			.andExpect(jsonPath("$.items[0].type", is("FARMERS_UNION")));
	}

	@Test
	void administratorCreatesAnOrganization() throws Exception {
		mvc.perform(post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Chi hội Nông dân thôn Đông","type":"FARMERS_UNION","localityCode":"99034"}""")
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/organizations/")))
			.andExpect(jsonPath("$.id").isNumber());
		mvc.perform(get("/api/v1/organizations").param("q", "chi hoi nong dan thon dong"))
			.andExpect(jsonPath("$.items[0].localityCode", is("99034")));
	}

	@Test
	void invalidOrganizationIs400WithAVietnameseMessage() throws Exception {
		mvc.perform(post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Hội Nông dân xã Tân Lập","type":"FARMERS_UNION","localityCode":"99031"}""")
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("Đã có cơ quan, đơn vị cùng tên")));
		mvc.perform(post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Đơn vị lạ","type":"NO_SUCH_TYPE","localityCode":"99031"}""")
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", is("Vui lòng chọn loại cơ quan, đơn vị.")));
		mvc.perform(post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON).content("{not json")
			.with(httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status", is(400)));
	}

	@Test
	void officerCannotCreateOrganizations() throws Exception {
		mvc.perform(post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"Không được tạo","type":"OTHER","localityCode":"99031"}""")
			.with(httpBasic("bandanvan", DemoUsers.PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/organizations").param("q", "khong duoc tao"))
			.andExpect(jsonPath("$.items[*].name", not(hasItem("Không được tạo"))));
	}

	@Test
	void scriptInANameIsStoredAsTextAndEscapedOnPages() throws Exception {
		mvc.perform(post("/api/v1/organizations").contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"<script>alert(1)</script> Tổ tự quản","type":"OTHER","localityCode":"99037"}""")
			.with(httpBasic("admin", DemoUsers.PASSWORD))).andExpect(status().isCreated());
		mvc.perform(get("/tim-kiem").param("q", "to tu quan"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Tổ tự quản")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(not(containsString("<script>alert(1)"))));
	}

}
