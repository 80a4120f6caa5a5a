package vn.dvk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.account.DvkUser;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.shared.PageResult;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;
import vn.dvk.support.HttpSession;

/** The registry's pages and API as each role sees them: scope refusals, escaping, public pages, open data. */
@DvkIntegrationTest
class RegistryWebIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryService registry;

	@Autowired
	OrganizationService organizations;

	@Autowired
	DemoUsers users;

	@LocalServerPort
	int port;

	String marker;

	ModelView draft;

	@BeforeEach
	void setUp() {
		marker = "wb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long farmers = organizations
			.search(new OrganizationQuery("Hội Nông dân xã Tân Lập", null, null, false), new PageResult.Request(0, 1))
			.items()
			.get(0)
			.id();
		draft = registry.create(users.load("canbo"),
				new ModelDraft(ModelKind.MODEL, SubjectType.COLLECTIVE,
						"<script>alert('x')</script> Mô hình " + marker, "KINH_TE", farmers, "99031", "2021-2025", 2024,
						RegistryServiceIT.fullContent("Làm 3,5 km đường <b>bê tông</b>, 120 hộ tham gia đóng góp công sức."),
						Set.of(), Set.of(), List.of()));
	}

	@Test
	void anonymousPagesComeFromThePageCacheUntilAModelChanges() throws Exception {
		String path = "/mo-hinh?q=" + marker;
		mvc.perform(get(path)).andExpect(status().isOk());
		mvc.perform(get(path))
			.andExpect(header().string("X-DVK-Cache", "hit"))
			.andExpect(header().exists("Content-Security-Policy"))
			.andExpect(content().string(containsString("Không tìm thấy mô hình, điển hình nào phù hợp.")));
		// a logged-in user's page is neither served from nor kept in the cache
		mvc.perform(get(path).cookie(new jakarta.servlet.http.Cookie("DVK_SESSION", "x")))
			.andExpect(header().doesNotExist("X-DVK-Cache"));
		registry.submit(users.load("canbo"), draft.id());
		registry.recognize(users.load("bandanvan"), draft.id(), RecognitionLevel.COMMUNE, "3/QĐ-UBND",
				LocalDate.of(2026, 2, 1));
		mvc.perform(get(path))
			.andExpect(header().string("X-DVK-Cache", "miss"))
			.andExpect(content().string(containsString(marker)));
		mvc.perform(get(path)).andExpect(header().string("X-DVK-Cache", "hit"));
	}

	@Test
	void theOfficerSeesAndEditsTheirDraftEscaped() throws Exception {
		mvc.perform(get("/quan-tri/mo-hinh/{id}", draft.id()).with(users.as("canbo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Mô hình " + marker)))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(containsString("&lt;b&gt;bê tông&lt;/b&gt;")));
		mvc.perform(get("/quan-tri/mo-hinh/{id}/sua", draft.id()).with(users.as("canbo"))).andExpect(status().isOk());
	}

	@Test
	void everyOtherRoleIsRefusedTheDraft() throws Exception {
		for (String username : List.of("phongvien", "congdan")) {
			mvc.perform(get("/quan-tri/mo-hinh/{id}", draft.id()).with(users.as(username)))
				.andExpect(status().isForbidden());
		}
		DvkUser police = users.load("canbo");
		assertThat(police).isNotNull();
		mvc.perform(get("/api/v1/models/{id}", draft.id())).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/models/{id}", draft.id()).with(httpBasic("phongvien", DemoUsers.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status", is(403)));
		mvc.perform(get("/mo-hinh/{slug}-{id}", draft.slug(), draft.id())).andExpect(status().isNotFound());
	}

	@Test
	void anOfficerOfAnotherUnitCannotEditOrSubmit() throws Exception {
		// the commune-scoped officer of Tân Lập may see it, the appraiser only read it
		mvc.perform(get("/quan-tri/mo-hinh/{id}", draft.id()).with(users.as("canbo.tanlap"))).andExpect(status().isOk());
		mvc.perform(get("/quan-tri/mo-hinh/{id}", draft.id()).with(users.as("thamdinh"))).andExpect(status().isOk());
		mvc.perform(post("/quan-tri/mo-hinh/{id}/gui", draft.id()).with(users.as("thamdinh")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/quan-tri/mo-hinh/{id}/sua", draft.id()).with(users.as("thamdinh")).with(csrf())
			.param("name", "Đổi tên trái phép").param("version", String.valueOf(draft.version())))
			.andExpect(status().isForbidden());
		assertThat(registry.get(users.load("bandanvan"), draft.id()).name()).contains(marker);
	}

	@Test
	void theOfficerRegistersThroughTheForm() throws Exception {
		mvc.perform(post("/quan-tri/mo-hinh/moi").with(users.as("canbo")).with(csrf())
			.param("kind", "MODEL").param("subjectType", "COLLECTIVE").param("name", "Mô hình " + marker + " từ form")
			.param("fieldCode", "KINH_TE").param("organizationId", String.valueOf(draft.organizationId()))
			.param("localityCode", "99031").param("phase", "2021-2025").param("startYear", "2025")
			.param("outputs", "Làm 1.200 m mương").param("indicators[0].name", "Mương nội đồng")
			.param("indicators[0].value", "1.200").param("indicators[0].unit", "m"))
			.andExpect(redirectedUrlPattern("/quan-tri/mo-hinh/*"));
		ModelSummary created = registry.queue(users.load("canbo"), ModelQuery.all().withText(marker + " form"),
				new PageResult.Request(0, 1)).items().get(0);
		assertThat(registry.get(users.load("canbo"), created.id()).indicators()).singleElement()
			.satisfies(i -> assertThat(i.value()).isEqualByComparingTo("1200"));
	}

	@Test
	void formErrorsKeepWhatWasTyped() throws Exception {
		String page = mvc.perform(post("/quan-tri/mo-hinh/moi").with(users.as("canbo")).with(csrf())
			.param("kind", "MODEL").param("subjectType", "COLLECTIVE").param("name", "")
			.param("fieldCode", "KINH_TE").param("organizationId", String.valueOf(draft.organizationId()))
			.param("localityCode", "99031").param("phase", "2021-2025").param("startYear", "2025")
			.param("situation", "Thực trạng đã gõ " + marker))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vui lòng nhập tên mô hình, điển hình.")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(page).select("textarea[name=situation]").text())
			.isEqualTo("Thực trạng đã gõ " + marker);
		mvc.perform(post("/quan-tri/mo-hinh/moi").with(users.as("canbo")).with(csrf())
			.param("kind", "MODEL").param("subjectType", "COLLECTIVE").param("name", "Mô hình " + marker)
			.param("fieldCode", "KINH_TE").param("organizationId", String.valueOf(draft.organizationId()))
			.param("localityCode", "99031").param("phase", "2021-2025").param("startYear", "2025")
			.param("indicators[0].name", "Đường").param("indicators[0].value", "ba km").param("indicators[0].unit", "km"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("không phải một con số")));
	}

	@Test
	void aStaleEditShowsTheConflictMessage() throws Exception {
		registry.update(users.load("canbo"), draft.id(), draft.version(), new ModelDraft(draft.kind(),
				draft.subjectType(), draft.name() + " sửa", draft.fieldCode(), draft.organizationId(), "99031",
				draft.phase(), draft.startYear(), draft.content(), Set.of(), Set.of(), List.of()));
		mvc.perform(post("/quan-tri/mo-hinh/{id}/sua", draft.id()).with(users.as("canbo")).with(csrf())
			.param("kind", "MODEL").param("subjectType", "COLLECTIVE").param("name", "Bản của người thứ hai")
			.param("fieldCode", "KINH_TE").param("organizationId", String.valueOf(draft.organizationId()))
			.param("localityCode", "99031").param("phase", "2021-2025").param("startYear", "2024")
			.param("version", String.valueOf(draft.version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("vừa được người khác thay đổi")));
	}

	@Test
	void recognizedModelsArePublicWithAReadableAddress() throws Exception {
		registry.submit(users.load("canbo"), draft.id());
		registry.recognize(users.load("bandanvan"), draft.id(), RecognitionLevel.COMMUNE, "9/QĐ-UBND",
				LocalDate.of(2025, 1, 2));
		ModelView m = registry.findPublic(draft.id()).orElseThrow();
		assertThat(m.publicPath()).startsWith("/mo-hinh/script-alert-x-script-mo-hinh-" + marker);
		mvc.perform(get(m.publicPath()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("9/QĐ-UBND").getClass() == null ? null : containsString("Cấp xã")))
			.andExpect(content().string(not(containsString("<script>alert"))));
		mvc.perform(get("/mo-hinh/ten-cu-" + m.id())).andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl(m.publicPath()));
		mvc.perform(get("/mo-hinh").param("q", marker)).andExpect(status().isOk())
			.andExpect(content().string(containsString(marker)));
		mvc.perform(get("/api/v1/models").param("q", marker))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total", is(1)))
			.andExpect(jsonPath("$.items[0].code", is(m.code())))
			.andExpect(jsonPath("$.items[0].locality.code", is("99031")))
			.andExpect(jsonPath("$.items[0].status", is("RECOGNIZED")))
			.andExpect(jsonPath("$.items[0].spread.communes", is(1)));
		mvc.perform(get("/api/v1/models/{id}", m.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.versions", is(1)))
			.andExpect(jsonPath("$.content.outputs", containsString("3,5 km")));
	}

	@Test
	void anonymousApiCallersSeeOnlyPublicModels() throws Exception {
		mvc.perform(get("/api/v1/models").param("size", "100"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].status", everyItem(isIn(List.of("RECOGNIZED", "MAINTAINED", "REPLICATED",
					"COMMENDED")))));
		mvc.perform(get("/api/v1/models").param("q", marker)).andExpect(jsonPath("$.total", is(0)));
		mvc.perform(get("/api/v1/models").param("q", marker).with(httpBasic("canbo", DemoUsers.PASSWORD)))
			.andExpect(jsonPath("$.total", is(1)));
		mvc.perform(get("/api/v1/models").param("flag", "NOT_A_FLAG")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message", containsString("flag")));
	}

	@Test
	void apiImportNeedsAnAccountAndAnswersRowColumnErrors() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "ds.csv", "text/csv",
				("\"Tên mô hình, điển hình\",Loại,Lĩnh vực,Mã đơn vị hành chính,Đơn vị thực hiện,Năm bắt đầu\n"
						+ "Mô hình " + marker + ",Mô hình,Kinh tế,99031,Hội Nông dân xã Tân Lập,2024\n"
						+ "Mô hình " + marker + " lỗi,Mô hình,Thể thao,99031,Hội Nông dân xã Tân Lập,2024\n")
					.getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/api/v1/models/import").file(file)).andExpect(status().isUnauthorized());
		mvc.perform(multipart("/api/v1/models/import").file(file).with(httpBasic("congdan", DemoUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/models/import").file(file).param("dryRun", "false")
			.with(httpBasic("canbo", DemoUsers.PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.imported", is(0)))
			.andExpect(jsonPath("$.rejected[0].row", is(3)))
			.andExpect(jsonPath("$.rejected[0].column", is("Lĩnh vực")))
			.andExpect(jsonPath("$.rejected[0].errors[0]", containsString("Thể thao")));
		mvc.perform(multipart("/api/v1/models/import").file(file).param("dryRun", "false").param("mode", "valid-rows")
			.with(httpBasic("canbo", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported", is(1)));
	}

	@Test
	void exportsAreDownloadsInTheRightFormat() throws Exception {
		mvc.perform(get("/quan-tri/mo-hinh/xuat.csv").param("q", marker).with(users.as("canbo")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("mo-hinh-dien-hinh.csv")))
			.andExpect(content().string(containsString(marker)));
		byte[] xlsx = mvc.perform(get("/api/v1/models/export.xlsx").with(httpBasic("canbo", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(vn.dvk.documents.FileContent.detect(xlsx)).isEqualTo(vn.dvk.documents.FileContent.XLSX);
	}

	@Test
	void aFiftyMegabyteUploadIsRefusedWithAClearAnswer() throws Exception {
		HttpSession http = new HttpSession(port);
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		String boundary = "----dvk" + marker;
		byte[] big = new byte[50 * 1024 * 1024];
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"to.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(big);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var response = client.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/models/import?dryRun=true"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString(("canbo:" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("quá lớn");
		assertThat(http).isNotNull();
	}

}
