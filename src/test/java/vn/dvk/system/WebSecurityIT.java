package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;
import vn.dvk.support.HttpSession;

@DvkIntegrationTest
class WebSecurityIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoUsers demo;

	@LocalServerPort
	int port;

	@Test
	void homePageIsVietnameseWithSecurityHeaders() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"vi\">")))
			.andExpect(content().string(containsString("<h2 id=\"poll-title\" class=\"box-title\">Bình chọn</h2>")))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("script-src 'self'"), containsString("frame-ancestors 'self'"),
							not(containsString("unsafe-inline")))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
	}

	@Test
	void pagesHaveNoInlineScript() throws Exception {
		String html = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain(" onclick=");
	}

	@Test
	void englishIsTheSecondLanguage() throws Exception {
		mvc.perform(get("/").param("lang", "en"))
			.andExpect(content().string(containsString("<html lang=\"en\">")))
			.andExpect(content().string(containsString("<h2 id=\"poll-title\" class=\"box-title\">Polls</h2>")))
			.andExpect(header().stringValues("Set-Cookie", org.hamcrest.Matchers.hasItem(containsString("lang=en"))));
	}

	@Test
	void unknownPageIsAVietnamese404WithoutDetails() throws Exception {
		var response = new HttpSession(port).get("/khong-co-trang-nay");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<html lang=\"vi\">")
			.contains("Không tìm thấy trang bạn yêu cầu")
			.doesNotContain("Exception")
			.doesNotContain("Whitelabel");
	}

	@Test
	void unknownApiPathIsAJson404ForACaller() throws Exception {
		mvc.perform(get("/api/v1/khong-co").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.httpBasic("admin", DemoUsers.PASSWORD)))
			.andExpect(status().isNotFound());
		var http = new HttpSession(port);
		var response = http.get("/api/v1/localities/khong/co/dau");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"status\":404").contains("Không tìm thấy");
	}

	@Test
	void serverErrorPageShowsNoStackTrace() throws Exception {
		var response = new HttpSession(port).get("/quan-tri/don-vi-hanh-chinh?page=abc");
		assertThat(response.body()).doesNotContain("at vn.dvk").doesNotContain("Exception");
	}

	@Test
	void backOfficeAsksAnonymousVisitorsToLogIn() throws Exception {
		mvc.perform(get("/quan-tri")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
	}

	@Test
	void officerGetsA403PageOnAdministratorPages() throws Exception {
		mvc.perform(get("/quan-tri/nguoi-dung").with(demo.as("canbo"))).andExpect(status().isForbidden());
		HttpSession http = new HttpSession(port);
		assertThat(http.login("canbo", DemoUsers.PASSWORD)).endsWith("/quan-tri");
		var response = http.get("/quan-tri/nguoi-dung");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Bạn không có quyền truy cập trang này.");
	}

	@Test
	void citizensHaveNoBackOffice() throws Exception {
		mvc.perform(get("/quan-tri").with(demo.as("congdan"))).andExpect(status().isForbidden());
		mvc.perform(get("/tai-khoan/doi-mat-khau").with(demo.as("congdan"))).andExpect(status().isOk());
	}

	@Test
	void healthIsPublicAndNothingElseFromActuator() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/info", "/actuator")) {
			int code = mvc.perform(get(path)).andReturn().getResponse().getStatus();
			assertThat(code).as(path).isIn(403, 404, 302);
		}
	}

	@Test
	void openApiIsPublishedAndSwaggerUiIsForStaff() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("/api/v1/localities"),
					containsString("/api/v1/organizations"), containsString("/api/v1/users"))));
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isFound());
		mvc.perform(get("/swagger-ui/index.html").with(demo.as("canbo"))).andExpect(status().isForbidden());
		mvc.perform(get("/swagger-ui/index.html").with(demo.as("bandanvan"))).andExpect(status().isOk());
	}

	@Test
	void formsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/dang-nhap").param("username", "admin").param("password", DemoUsers.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void loginSendsStaffToTheBackOfficeAndCitizensHome() throws Exception {
		mvc.perform(post("/dang-nhap").param("username", "canbo").param("password", DemoUsers.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/quan-tri"));
		mvc.perform(post("/dang-nhap").param("username", "CongDan").param("password", DemoUsers.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void wrongPasswordShowsTheVietnameseErrorAndKeepsTheUsername() throws Exception {
		var result = mvc
			.perform(post("/dang-nhap").param("username", "giamkhao").param("password", "sai").with(csrf()))
			.andExpect(redirectedUrl("/dang-nhap?error=bad"))
			.andReturn();
		mvc.perform(get("/dang-nhap").param("error", "bad").session(
				(org.springframework.mock.web.MockHttpSession) result.getRequest().getSession()))
			.andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng.")))
			.andExpect(content().string(containsString("value=\"giamkhao\"")));
	}

	@Test
	void sessionCookieIsHttpOnlyAndLaxAndSecureBehindHttps() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> plain = client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dang-nhap")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = plain.headers().allValues("Set-Cookie").stream()
			.filter(c -> c.startsWith("DVK_SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

		HttpResponse<String> proxied = client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dang-nhap"))
					.header("X-Forwarded-Proto", "https")
					.build(),
				HttpResponse.BodyHandlers.ofString());
		String secure = proxied.headers().allValues("Set-Cookie").stream()
			.filter(c -> c.startsWith("DVK_SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(secure).contains("Secure").contains("HttpOnly");
	}

}
