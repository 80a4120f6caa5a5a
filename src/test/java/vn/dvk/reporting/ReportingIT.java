package vn.dvk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import vn.dvk.account.DvkUser;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

/** The summary report and the dashboard agree, scopes hold, exports open, open data holds only public models. */
@DvkIntegrationTest
class ReportingIT {

	static final Locale VI = Locale.forLanguageTag("vi");

	@Autowired
	ReportService reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoUsers users;

	@Autowired
	MockMvc mvc;

	int year() {
		return LocalDate.now(RegistryFigures.ZONE).getYear();
	}

	@Test
	void theSummaryAndTheDashboardComeFromOneSource() throws Exception {
		DvkUser staff = users.load("bandanvan");
		LocalDate from = LocalDate.of(year(), 1, 1);
		LocalDate to = LocalDate.of(year(), 12, 31);
		ReportService.Summary byField = reports.summary(staff, from, to, ReportService.GroupBy.FIELD, VI);
		ReportService.Dashboard dashboard = reports.dashboard(staff,
				new ReportService.DashboardFilter(year(), null, null, null), VI);
		assertThat(dashboard.kpis().registered()).isEqualTo(byField.totals().registered());
		assertThat(dashboard.kpis().recognized()).isEqualTo(byField.totals().recognized());
		assertThat(dashboard.kpis().replicated()).isEqualTo(byField.totals().replicated());
		assertThat(dashboard.kpis().commended()).isEqualTo(byField.totals().commended());
		// a model has one field: the rows add up to the totals; by locality and organization too
		for (ReportService.GroupBy g : List.of(ReportService.GroupBy.FIELD, ReportService.GroupBy.LOCALITY,
				ReportService.GroupBy.ORGANIZATION)) {
			ReportService.Summary s = reports.summary(staff, LocalDate.of(2020, 1, 1), to, g, VI);
			assertThat(s.rows().stream().mapToLong(ReportService.Row::registered).sum()).as(g.name())
				.isEqualTo(s.totals().registered());
			assertThat(s.rows().stream().mapToLong(ReportService.Row::recognized).sum()).as(g.name())
				.isEqualTo(s.totals().recognized());
			assertThat(s.rows()).allSatisfy(r -> assertThat(r.label()).isNotBlank());
		}
		// independent counts straight from the table
		long recognizedAllTime = jdbc.sql("select count(*) from registry_model where recognition_date is not null")
			.query(Long.class).single();
		assertThat(reports.summary(staff, LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31),
				ReportService.GroupBy.FIELD, VI).totals().recognized()).isEqualTo(recognizedAllTime);
		long byMonth = dashboard.byMonth().values().stream().mapToLong(RegistryFigures.Figures::registered).sum();
		assertThat(byMonth).isEqualTo(dashboard.kpis().registered());
		assertThat(dashboard.kpis().byStatus().values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(jdbc.sql("select count(*) from registry_model").query(Long.class).single());
		assertThat(dashboard.kpis().lagging()).isPositive();
		assertThat(dashboard.kpis().plansFiled()).isPositive();

		// the API: shape, groupings, refusals
		String json = mvc.perform(get("/api/v1/reports/summary").param("from", "2020-01-01").param("to", to.toString())
			.param("groupBy", "focusArea")
			.with(httpBasic("bandanvan", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.groupBy").value("focusArea"))
			.andExpect(jsonPath("$.rows[0].key").isString())
			.andExpect(jsonPath("$.rows[0].label").isString())
			.andExpect(jsonPath("$.totals.registered").isNumber())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<Number> rows = JsonPath.read(json, "$.rows[*].registered");
		long focusSum = rows.stream().mapToLong(Number::longValue).sum();
		long total = ((Number) JsonPath.read(json, "$.totals.registered")).longValue();
		assertThat(focusSum).as("a model in several focus areas counts in each, untagged ones in none")
			.isGreaterThanOrEqualTo(total - untagged());
		mvc.perform(get("/api/v1/reports/summary").param("groupBy", "district")
			.with(httpBasic("bandanvan", DemoUsers.PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/reports/summary").param("from", "2026-05-01").param("to", "2026-01-01")
			.with(httpBasic("bandanvan", DemoUsers.PASSWORD))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/reports/summary")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/reports/dashboard").with(httpBasic("bandanvan", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kpis.registered").value((int) dashboard.kpis().registered()));
	}

	/** Registered (non-draft) models without a focus area since 2020: they count in the total but in no row. */
	long untagged() {
		return jdbc.sql("select count(*) from registry_model m where m.status <> 'DRAFT' and not exists (select 1 from "
				+ "registry_model_tag t where t.model_id = m.id and t.list_kind = 'FOCUS_AREA')").query(Long.class).single();
	}

	@Test
	void anOfficerSeesOnlyTheirScope() {
		DvkUser officer = users.load("canbo");
		LocalDate from = LocalDate.of(2000, 1, 1);
		LocalDate to = LocalDate.of(2100, 12, 31);
		ReportService.Summary own = reports.summary(officer, from, to, ReportService.GroupBy.ORGANIZATION, VI);
		long org = officer.organizationId();
		assertThat(own.rows()).allSatisfy(r -> assertThat(r.key()).isEqualTo(Long.toString(org)));
		long registered = jdbc.sql("select count(*) from registry_model where organization_id = ? and status <> 'DRAFT'")
			.params(org).query(Long.class).single();
		assertThat(own.totals().registered()).isEqualTo(registered);
		assertThat(reports.summary(users.load("bandanvan"), from, to, ReportService.GroupBy.FIELD, VI).totals()
			.registered()).isGreaterThan(registered);
	}

	@Test
	void exportsOpenAndPagesShowTheFigures() throws Exception {
		byte[] xlsx = mvc.perform(get("/api/v1/reports/summary.xlsx").param("from", "2020-01-01")
			.param("to", LocalDate.of(year(), 12, 31).toString())
			.with(httpBasic("bandanvan", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		vn.dvk.documents.TabularFile sheet = vn.dvk.documents.TabularFile.read(xlsx, 10_000);
		List<String> firstCells = sheet.lines().stream().map(l -> l.cells().isEmpty() ? "" : l.cells().get(0)).toList();
		assertThat(firstCells).contains("I. THEO LĨNH VỰC", "II. THEO ĐỊA BÀN", "III. THEO ĐỊA BÀN, ĐỐI TƯỢNG TRỌNG TÂM",
				"IV. THEO CƠ QUAN, ĐƠN VỊ", "Kinh tế");
		byte[] pdf = mvc.perform(get("/quan-tri/bao-cao/tong-hop.pdf").param("from", "2020-01-01")
			.with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("BÁO CÁO TỔNG HỢP PHONG TRÀO THI ĐUA", "I. Theo lĩnh vực", "Kinh tế",
					"V. Đơn vị cần đôn đốc");
		}
		mvc.perform(get("/quan-tri/bang-dieu-khien").with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đơn vị cần đôn đốc")))
			.andExpect(content().string(containsString("heat-")));
		mvc.perform(get("/quan-tri/bang-dieu-khien").with(users.as("canbo")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Đơn vị cần đôn đốc"))));
		mvc.perform(get("/quan-tri/bao-cao").param("groupBy", "locality").with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Xã Tân Lập")));
		mvc.perform(get("/so-lieu"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Số liệu phong trào")));
	}

	@Test
	void openDataHoldsOnlyPublicRecognizedModels() throws Exception {
		String json = mvc.perform(get("/api/v1/open-data/models"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<String> statuses = JsonPath.read(json, "$.items[*].status");
		List<String> urls = JsonPath.read(json, "$.items[*].url");
		assertThat(statuses).isNotEmpty().allMatch(st -> List.of("RECOGNIZED", "MAINTAINED", "REPLICATED", "COMMENDED")
			.contains(st));
		assertThat(urls).allMatch(u -> u.contains("/mo-hinh/"));
		long publicRecognized = jdbc.sql("select count(*) from registry_model where is_public = true and status in "
				+ "('RECOGNIZED', 'MAINTAINED', 'REPLICATED', 'COMMENDED')").query(Long.class).single();
		assertThat(statuses).hasSize((int) publicRecognized);
		String draft = jdbc.sql("select name from registry_model where status = 'DRAFT'").query(String.class).list().get(0);
		String csv = mvc.perform(get("/api/v1/open-data/models.csv"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFid,name,kind").doesNotContain(draft);
		assertThat(csv.split("\r\n")).hasSize((int) publicRecognized + 1);
	}

}
