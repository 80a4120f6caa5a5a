package vn.dvk.commendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.account.DvkUser;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelSummary;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

/** Conferences, quotas (also under simultaneous acceptances), proposals, the public page and the API. */
@DvkIntegrationTest
class CommendationIT {

	@Autowired
	CommendationService commendations;

	@Autowired
	RegistryService registry;

	@Autowired
	DemoUsers users;

	@Autowired
	MockMvc mvc;

	List<ModelSummary> models(DvkUser user, ModelStatus status, int n) {
		return registry.list(user, new ModelQuery(null, null, null, null, null, Set.of(status), null, null, null),
				new PageResult.Request(0, 50)).items().subList(0, n);
	}

	@Test
	void quotasHoldRecognizedOnlyAndProposalsAreDecided() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 6);
		DvkUser staff = users.load("bandanvan");
		CommendationService.Conference c = commendations.create(staff, new CommendationService.NewConference(
				"Hội nghị biểu dương thử " + marker, "PROVINCE", "2026", LocalDate.now().plusDays(10), "Hội trường",
				"15-QĐ/TU", LocalDate.now(),
				List.of(new String[] { "Bằng khen thử " + marker, "1" }, new String[] { "Giấy khen thử", "2" })));
		long merit = c.awardForms().get(0).id();
		long praise = c.awardForms().get(1).id();
		List<ModelSummary> running = models(staff, ModelStatus.MAINTAINED, 4);
		// an unrecognized model cannot be nominated
		ModelSummary draft = models(staff, ModelStatus.DRAFT, 1).get(0);
		assertThatThrownBy(() -> commendations.nominate(staff, c.id(), draft.id(), merit, null))
			.hasFieldOrPropertyWithValue("messageKey", "commendation.model.notRecognized");
		commendations.nominate(staff, c.id(), running.get(0).id(), merit, "Thành tích xuất sắc");
		assertThat(registry.get(staff, running.get(0).id()).status()).isEqualTo(ModelStatus.COMMENDED);
		// the quota of one is full
		assertThatThrownBy(() -> commendations.nominate(staff, c.id(), running.get(1).id(), merit, null))
			.hasFieldOrPropertyWithValue("messageKey", "commendation.quota.full");
		// the same model twice
		assertThatThrownBy(() -> commendations.nominate(staff, c.id(), running.get(0).id(), praise, null))
			.hasFieldOrPropertyWithValue("messageKey", "commendation.nomination.exists");
		// two proposals accepted at once for the last place of "Giấy khen": one wins
		commendations.nominate(staff, c.id(), running.get(1).id(), praise, null);
		CommendationService.Nomination p1 = commendations.propose(staff, c.id(), running.get(2).id(), praise, "Đề xuất 1");
		CommendationService.Nomination p2 = commendations.propose(staff, c.id(), running.get(3).id(), praise, "Đề xuất 2");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<String>> outcomes = new ArrayList<>();
		for (long id : new long[] { p1.id(), p2.id() }) {
			outcomes.add(pool.submit((Callable<String>) () -> {
				try {
					commendations.accept(staff, id);
					return "accepted";
				}
				catch (UserFacingException ex) {
					return ex.messageKey();
				}
			}));
		}
		List<String> results = new ArrayList<>();
		for (Future<String> f : outcomes) {
			results.add(f.get());
		}
		pool.shutdown();
		assertThat(results).containsExactlyInAnyOrder("accepted", "commendation.quota.full");
		CommendationService.Nomination waiting = commendations.nominations(c.id())
			.stream()
			.filter(n -> n.status() == CommendationService.Status.PROPOSED)
			.findFirst()
			.orElseThrow();
		assertThatThrownBy(() -> commendations.decline(staff, waiting.id(), " "))
			.hasFieldOrPropertyWithValue("messageKey", "commendation.decline.reason");
		commendations.decline(staff, waiting.id(), "Đã đủ chỉ tiêu Giấy khen");
		assertThat(commendations.conference(c.id()).awardForms()).extracting(CommendationService.AwardForm::accepted)
			.containsExactly(1, 2);
		assertThat(commendations.awardees(c.id())).hasSize(3);

		// the public page and the API list the commended with links to their stories
		mvc.perform(get("/bieu-duong/{id}", c.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(running.get(0).name())))
			.andExpect(content().string(containsString("/mo-hinh/" + running.get(0).slug() + "-" + running.get(0).id())));
		mvc.perform(get("/api/v1/commendations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].name", hasItem("Hội nghị biểu dương thử " + marker)));
		mvc.perform(get("/api/v1/commendations/{id}", c.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phase").value("2026"))
			.andExpect(jsonPath("$.awardees.length()").value(3))
			.andExpect(jsonPath("$.awardees[0].awardForm").value("Bằng khen thử " + marker));
		mvc.perform(get("/api/v1/commendations/{id}", 999_999_999L)).andExpect(status().isNotFound());
		// outputs: the list as XLSX and PDF, one certificate per awardee in a ZIP
		byte[] zip = mvc.perform(get("/quan-tri/bieu-duong/{id}/giay-khen.zip", c.id()).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> entries = new ArrayList<>();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.add(e.getName());
				if (entries.size() == 1) {
					try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
						assertThat(doc.getPage(0).getMediaBox().getWidth()).as("landscape")
							.isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
						String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
						assertThat(text).contains("BẰNG KHEN THỬ", running.get(0).name().substring(0, 20), "15-QĐ/TU",
								"Thành tích xuất sắc", "ĐẢNG CỘNG SẢN VIỆT NAM");
					}
				}
			}
		}
		assertThat(entries).hasSize(3).allMatch(n -> n.endsWith(".pdf"));
		byte[] listPdf = mvc.perform(get("/quan-tri/bieu-duong/{id}/danh-sach.pdf", c.id()).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(listPdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
				.contains("DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH ĐƯỢC BIỂU DƯƠNG", "Giấy khen thử: 2/2");
		}
		vn.dvk.documents.TabularFile xlsx = vn.dvk.documents.TabularFile.read(mvc
			.perform(get("/quan-tri/bieu-duong/{id}/danh-sach.xlsx", c.id()).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), 100);
		assertThat(xlsx.lines()).hasSize(4); // the column headings and three awardees
		mvc.perform(get("/quan-tri/bieu-duong/{id}/giay-khen.zip", c.id()).with(users.as("canbo")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/quan-tri/bieu-duong/{id}", c.id()).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã đủ chỉ tiêu Giấy khen")))
			.andExpect(content().string(containsString("Lan tỏa:")));
	}

	@Test
	void awardFormsChangeWithinWhatIsGivenAndCertificatesKeepTheirNumbers() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 6);
		DvkUser staff = users.load("bandanvan");
		CommendationService.Conference c = commendations.create(staff, new CommendationService.NewConference(
				"Hội nghị sửa hình thức " + marker, "PROVINCE", "2026", LocalDate.now().plusDays(20), null, null, null,
				List.<String[]>of(new String[] { "Giấy khen " + marker, "3" })));
		long praise = c.awardForms().get(0).id();
		List<ModelSummary> running = models(staff, ModelStatus.RECOGNIZED, 3);
		CommendationService.Nomination first = commendations.nominate(staff, c.id(), running.get(0).id(), praise, null);
		CommendationService.Nomination waiting = commendations.propose(staff, c.id(), running.get(1).id(), praise, null);
		CommendationService.Nomination third = commendations.nominate(staff, c.id(), running.get(2).id(), praise, null);
		assertThat(first.certificate()).isEqualTo("001");
		assertThat(waiting.certificateNumber()).as("not numbered until accepted").isZero();
		assertThat(third.certificate()).isEqualTo("002");
		commendations.accept(staff, waiting.id());
		assertThat(commendations.awardees(c.id())).extracting(CommendationService.Nomination::certificate)
			.containsExactlyInAnyOrder("001", "002", "003");

		// the quota cannot go below the places given; a new form is added; a used one cannot be removed
		assertThatThrownBy(() -> commendations.saveAwardForm(staff, c.id(), praise, "Giấy khen", 2))
			.hasFieldOrPropertyWithValue("messageKey", "commendation.awards.belowAccepted");
		assertThatThrownBy(() -> commendations.saveAwardForm(staff, c.id(), praise, "Giấy khen", 0))
			.hasFieldOrPropertyWithValue("messageKey", "commendation.awards.format");
		commendations.saveAwardForm(staff, c.id(), praise, "Giấy khen của Ban Dân vận " + marker, 5);
		commendations.saveAwardForm(staff, c.id(), null, "Bằng khen " + marker, 1);
		CommendationService.Conference changed = commendations.conference(c.id());
		assertThat(changed.awardForms()).extracting(CommendationService.AwardForm::name)
			.containsExactly("Giấy khen của Ban Dân vận " + marker, "Bằng khen " + marker);
		assertThat(changed.awardForms().get(0).quota()).isEqualTo(5);
		assertThatThrownBy(() -> commendations.removeAwardForm(staff, c.id(), praise))
			.hasFieldOrPropertyWithValue("messageKey", "commendation.awards.inUse");
		commendations.removeAwardForm(staff, c.id(), changed.awardForms().get(1).id());
		assertThat(commendations.conference(c.id()).awardForms()).hasSize(1);
		// an officer cannot change award forms, through the page either
		assertThatThrownBy(() -> commendations.saveAwardForm(users.load("canbo"), c.id(), praise, "X", 9))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/quan-tri/bieu-duong/{id}/hinh-thuc", c.id())
			.param("form", Long.toString(praise))
			.param("name", "Giấy khen")
			.param("quota", "1")
			.with(users.as("bandanvan"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("failure", containsString("không thể nhỏ hơn 3 suất")));
		assertThat(commendations.conference(c.id()).awardForms().get(0).quota()).isEqualTo(5);
	}

	@Test
	void theDemoHasAPastConferenceWithAwardees() throws Exception {
		mvc.perform(get("/bieu-duong"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("giai đoạn 2021–2025")));
		CommendationService.Conference past = commendations.conferences()
			.stream()
			.filter(c -> "2021–2025".equals(c.phase()))
			.findFirst()
			.orElseThrow();
		assertThat(commendations.awardees(past.id())).hasSize(13);
	}

}
