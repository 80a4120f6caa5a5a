package vn.dvk.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.contest.ContestRecords.Author;
import vn.dvk.contest.ContestRecords.Contest;
import vn.dvk.contest.ContestRecords.EntryDraft;
import vn.dvk.contest.ContestRecords.Round;
import vn.dvk.contest.ContestRecords.Stage;
import vn.dvk.contest.ContestRecords.Upload;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.judging.Aggregation;
import vn.dvk.judging.ConflictKind;
import vn.dvk.judging.Rubrics;
import vn.dvk.system.SystemActor;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

/** The press contest's rules, each refusal clear and nothing half-saved; the demo's published results. */
@DvkIntegrationTest
class ContestIT {

	@Autowired
	ContestService contests;

	@Autowired
	vn.dvk.contest.ContestEntries entries;

	@Autowired
	vn.dvk.judging.Judging judging;

	@Autowired
	Rubrics rubrics;

	@Autowired
	PressKit kit;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoUsers users;

	@Autowired
	MockMvc mvc;

	DvkUser person(String username, String fullName, Role role) {
		SystemActor.call(() -> accounts.create(new UserCommand(username, fullName, username + "@example.vn",
				"Matkhau@2026", EnumSet.of(role), null, AccessScope.PROVINCE)));
		return users.load(username);
	}

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes();

	@Test
	void entriesJudgingPrizesAndPublicationFollowTheRules() throws Exception {
		String m = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		DvkUser staff = users.load("bandanvan");
		LocalDate today = LocalDate.now(RegistryFigures.ZONE);
		Contest c = contests.create(staff, "Cuộc thi thử " + m, "Thể lệ", "2026", today.minusDays(100), today,
				today.plusDays(10), 1, List.of("Báo in", "Báo điện tử"),
				List.of(new String[] { "Báo in", "A", "Giải A", "1", "10.000.000" },
						new String[] { "Báo điện tử", "A", "Giải A", "1", "10000000" }));
		long print = c.categories().get(0).id();
		DvkUser writer = person("pv" + m, "Phóng viên " + m, Role.JOURNALIST);
		DvkUser author = person("gk" + m + "a", "Tác Giả Kiêm Giám Khảo " + m, Role.JURY);
		DvkUser outletJuror = person("gk" + m + "b", "Giám khảo báo " + m, Role.JURY);
		DvkUser juror = person("gk" + m + "c", "Giám khảo độc lập " + m, Role.JURY);
		EntryDraft ok = new EntryDraft(print, "Tác phẩm một " + m, List.of(new Author("Tác giả kiêm giám khảo " + m, null)),
				"Báo Thử Nghiệm " + m, today.minusDays(5), "https://www.baothu.vn/bai-" + m + "/?utm_source=fb", null, List.of(),
				List.of(new Upload("bai.pdf", "application/pdf", PDF)));
		long count = jdbc.sql("select count(*) from contest_entry").query(Long.class).single();
		// refusals: outside the window, a duplicate link in another spelling, a file that is not what it claims, too big
		assertThatThrownBy(() -> entries.submit(writer, c.id(), new EntryDraft(print, "Cũ", ok.authors(), ok.outlet(),
				today.minusDays(101), "https://baothu.vn/cu-" + m, null, null, null)))
			.hasFieldOrPropertyWithValue("messageKey", "contest.entry.window");
		entries.submit(writer, c.id(), ok);
		assertThatThrownBy(() -> entries.submit(writer, c.id(), new EntryDraft(print, "Lặp", ok.authors(), ok.outlet(),
				today.minusDays(4), "http://baothu.vn/bai-" + m, null, null, null)))
			.hasFieldOrPropertyWithValue("messageKey", "contest.entry.duplicate");
		assertThatThrownBy(() -> entries.submit(writer, c.id(), new EntryDraft(print, "Giả ảnh", ok.authors(), ok.outlet(),
				today.minusDays(4), "https://baothu.vn/anh-" + m, null, null,
				List.of(new Upload("anh.jpg", "image/jpeg", PDF)))))
			.hasFieldOrPropertyWithValue("messageKey", "contest.file.mismatch");
		assertThatThrownBy(() -> entries.submit(writer, c.id(), new EntryDraft(print, "Văn bản", ok.authors(), ok.outlet(),
				today.minusDays(4), "https://baothu.vn/txt-" + m, null, null,
				List.of(new Upload("bai.pdf", "application/pdf", "chỉ là chữ".getBytes())))))
			.hasFieldOrPropertyWithValue("messageKey", "contest.file.type");
		byte[] big = new byte[2 * 1024 * 1024];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		assertThatThrownBy(() -> entries.submit(writer, c.id(), new EntryDraft(print, "To", ok.authors(), ok.outlet(),
				today.minusDays(4), "https://baothu.vn/to-" + m, null, null, List.of(new Upload("to.pdf", "application/pdf", big)))))
			.hasFieldOrPropertyWithValue("messageKey", "contest.file.size");
		assertThat(jdbc.sql("select count(*) from contest_entry").query(Long.class).single())
			.as("only the accepted entry is stored").isEqualTo(count + 1);
		assertThatThrownBy(() -> entries.submit(users.load("canbo"), c.id(), ok)).isInstanceOf(AccessDeniedException.class);

		long e1 = contests.entriesOf(writer, c.id()).get(0).id();
		long e2 = entries.submit(writer, c.id(), new EntryDraft(print, "Tác phẩm hai " + m, List.of(new Author("Người khác", "Bút Danh")),
				"Báo Khác", today.minusDays(3), "https://baokhac.vn/hai-" + m, null, null, null)).id();
		long e3 = entries.submit(writer, c.id(), new EntryDraft(print, "Tác phẩm ba " + m, List.of(new Author("Người thứ ba", null)),
				"Báo Khác", today.minusDays(2), "https://baokhac.vn/ba-" + m, null, null, null)).id();
		entries.checkEligibility(staff, e1, true, null);
		entries.checkEligibility(staff, e2, true, null);
		assertThatThrownBy(() -> entries.checkEligibility(staff, e3, false, ""))
			.hasFieldOrPropertyWithValue("messageKey", "contest.eligibility.reason");
		entries.checkEligibility(staff, e3, false, "Trùng tác phẩm đã đoạt giải");

		long press = jdbc.sql("select id from rubric_template where name = ?")
			.params("Tác phẩm báo chí về gương “Dân vận khéo”").query(Long.class).single();
		Round pre = contests.addRound(staff, c.id(), Stage.PRELIMINARY, "Sơ khảo", null, null, press,
				Aggregation.Method.MEAN, true);
		assertThat(judging.subjects(pre.panelId())).containsExactlyInAnyOrder(e1, e2);
		assertThatThrownBy(() -> contests.addJuror(staff, pre.id(), writer.id(), null))
			.hasFieldOrPropertyWithValue("messageKey", "judging.member.cannotSit");
		contests.addJuror(staff, pre.id(), author.id(), null);
		contests.addJuror(staff, pre.id(), outletJuror.id(), "báo thử nghiệm " + m.toUpperCase());
		contests.addJuror(staff, pre.id(), juror.id(), null);
		Map<String, ConflictKind> conflicts = judging.conflicts(pre.panelId());
		assertThat(conflicts).containsEntry(author.id() + ":" + e1, ConflictKind.AUTO_AUTHOR)
			.containsEntry(outletJuror.id() + ":" + e1, ConflictKind.AUTO_OUTLET);
		List<Rubrics.Criterion> criteria = rubrics.criteria(press);
		assertThatThrownBy(() -> judging.score(author, pre.panelId(), e1, sheet(criteria, 0.8), null, true))
			.hasFieldOrPropertyWithValue("messageKey", "judging.score.conflicted");
		assertThatThrownBy(() -> judging.score(outletJuror, pre.panelId(), e1, sheet(criteria, 0.8), null, true))
			.hasFieldOrPropertyWithValue("messageKey", "judging.score.conflicted");
		Map<Long, Double> tooHigh = sheet(criteria, 0.5);
		tooHigh.put(criteria.get(0).id(), criteria.get(0).maxScore() + 1);
		assertThatThrownBy(() -> judging.score(juror, pre.panelId(), e1, tooHigh, null, true))
			.hasFieldOrPropertyWithValue("messageKey", "judging.score.range");
		judging.score(juror, pre.panelId(), e1, sheet(criteria, 0.9), null, true);
		judging.score(juror, pre.panelId(), e2, sheet(criteria, 0.6), null, true);
		judging.score(author, pre.panelId(), e2, sheet(criteria, 0.7), null, true);
		judging.declare(outletJuror, pre.panelId(), e2, ConflictKind.FAMILY, "Người nhà tác giả");
		assertThat(judging.missing(pre.panelId())).isEmpty();
		List<ContestRecords.ResultLine> prelim = contests.results(staff, pre.id());
		assertThat(prelim).extracting(ContestRecords.ResultLine::entryId).containsExactly(e1, e2);
		assertThat(prelim.get(0).figures().trimmedMean()).as("fewer than five sheets").isNull();
		assertThat(prelim.get(1).figures().mean()).isEqualTo(65.0);

		// a juror cannot open the sheet of an entry outside the round, nor enter a link that is not a web address
		mvc.perform(get("/quan-tri/cuoc-thi/vong/{r}/cham/{e}", pre.id(), e3).with(users.as(juror.getUsername())))
			.andExpect(status().isNotFound());
		assertThatThrownBy(() -> entries.submit(writer, c.id(), new EntryDraft(print, "Mã độc", ok.authors(), ok.outlet(),
				today.minusDays(4), "javascript:alert(1)", null, null, null)))
			.hasFieldOrPropertyWithValue("messageKey", "contest.entry.link.invalid");
		// the round page pre-ticks by threshold: e1 (90) reaches 80, e2 (65) does not
		String page = mvc.perform(get("/quan-tri/cuoc-thi/vong/{id}", pre.id()).param("threshold", "80")
			.with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chọn trước")))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).containsPattern("id=\"adv-" + e1 + "\"[^>]*checked")
			.doesNotContainPattern("id=\"adv-" + e2 + "\"[^>]*checked");
		// a refused sheet comes back with what was typed
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/quan-tri/cuoc-thi/vong/{r}/cham/{e}", pre.id(), e2)
			.with(users.as(juror.getUsername()))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("score" + criteria.get(0).id(), Double.toString(criteria.get(0).maxScore() + 5))
			.param("comment" + criteria.get(0).id(), "Giữ nhận xét " + m)
			.param("action", "save"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("phải từ 0 đến")))
			.andExpect(content().string(containsString("Giữ nhận xét " + m)));
		assertThat(judging.sheet(juror, pre.panelId(), e2).scores()).as("the earlier sheet is untouched")
			.containsEntry(criteria.get(0).id(), criteria.get(0).maxScore() * 0.6);
		// advancing: no final yet; an ineligible entry never; then the eligible ones
		assertThatThrownBy(() -> contests.advance(staff, pre.id(), List.of(e1)))
			.hasFieldOrPropertyWithValue("messageKey", "contest.advance.noFinal");
		Round fin = contests.addRound(staff, c.id(), Stage.FINAL, "Chung khảo", null, null, press, Aggregation.Method.MEAN,
				false);
		assertThatThrownBy(() -> contests.advance(staff, pre.id(), List.of(e1, e3)))
			.hasFieldOrPropertyWithValue("messageKey", "contest.advance.ineligible");
		assertThat(judging.subjects(fin.panelId())).isEmpty();
		assertThat(contests.advance(staff, pre.id(), List.of(e1, e2))).isEqualTo(2);
		// once the round is closed, a late conflict cannot remove a juror's sheet
		assertThatThrownBy(() -> judging.declare(juror, pre.panelId(), e1, ConflictKind.OTHER, "muộn"))
			.hasFieldOrPropertyWithValue("messageKey", "judging.closed");
		contests.addJuror(staff, fin.id(), juror.id(), null);

		// prizes: one place for Giải A; publishing with a final sheet missing needs confirmation
		long prizeA = c.categories().get(0).prizes().get(0).id();
		long onlinePrize = c.categories().get(1).prizes().get(0).id();
		assertThatThrownBy(() -> contests.award(staff, e1, onlinePrize))
			.hasFieldOrPropertyWithValue("messageKey", "contest.prize.category");
		contests.award(staff, e1, prizeA);
		assertThatThrownBy(() -> contests.award(staff, e2, prizeA))
			.hasFieldOrPropertyWithValue("messageKey", "contest.prize.full");
		mvc.perform(get("/api/v1/contests/{id}/results", c.id())).andExpect(status().isNotFound());
		judging.score(juror, fin.panelId(), e1, sheet(criteria, 0.95), null, true);
		assertThatThrownBy(() -> contests.publish(staff, c.id(), false))
			.hasFieldOrPropertyWithValue("messageKey", "contest.publish.missing");
		contests.publish(staff, c.id(), true);
		mvc.perform(get("/api/v1/contests/{id}/results", c.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.published").value(true))
			.andExpect(jsonPath("$.categories[0].name").value("Báo in"))
			.andExpect(jsonPath("$.categories[0].prizes[0].prize").value("Giải A"))
			.andExpect(jsonPath("$.categories[0].prizes[0].entries[0].entryId").value((int) e1))
			.andExpect(jsonPath("$.categories[0].prizes[0].entries[0].score").value(95.0));
		// files: the winning entry's file is public after publication
		long file = contests.entry(e1).files().get(0).id();
		mvc.perform(get("/cuoc-thi/tep/{id}", file)).andExpect(status().isOk());
		// the results as XLSX and PDF; the forwarding package with its list and the files
		vn.dvk.documents.TabularFile xlsx = vn.dvk.documents.TabularFile.read(mvc.perform(get("/cuoc-thi/{id}/ket-qua.xlsx", c.id()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), 100);
		assertThat(xlsx.lines()).anySatisfy(l -> assertThat(l.cells()).contains("Giải A", "Tác phẩm một " + m));
		byte[] pdf = mvc.perform(get("/cuoc-thi/{id}/ket-qua.pdf", c.id())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
				.contains("KẾT QUẢ CUỘC THI BÁO CHÍ", "Tác phẩm một " + m, "Giải A");
		}
		byte[] zip = mvc.perform(get("/quan-tri/cuoc-thi/{id}/chuyen-tiep.zip", c.id()).param("entry", Long.toString(e1))
			.param("entry", Long.toString(e2)).with(users.as("bandanvan")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<String> names = new java.util.ArrayList<>();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			for (java.util.zip.ZipEntry z = in.getNextEntry(); z != null; z = in.getNextEntry()) {
				names.add(z.getName());
			}
		}
		assertThat(names).containsExactly("danh-sach.xlsx", "tep/" + e1 + "-bai.pdf");
		mvc.perform(get("/quan-tri/cuoc-thi/{id}/chuyen-tiep.zip", c.id()).param("entry", Long.toString(e1))
			.with(users.as("phongvien"))).andExpect(status().isForbidden());
	}

	@Test
	void thePressKitRecommendsExemplarsAndGivesFactSheets() throws Exception {
		long model = jdbc.sql("select min(id) from registry_model where is_public = true and status = 'RECOGNIZED'")
			.query(Long.class).single();
		assertThatThrownBy(() -> SystemActor.run(() -> kit.recommend(users.load("phongvien"), model, true, null)))
			.isInstanceOf(AccessDeniedException.class);
		kit.recommend(users.load("bandanvan"), model, true, "Điển hình tiêu biểu về hiến đất làm đường");
		assertThat(kit.list(null, true, new vn.dvk.shared.PageResult.Request(0, 50)).items())
			.anySatisfy(i -> assertThat(i.model().id()).isEqualTo(model));
		mvc.perform(get("/bao-chi").param("recommended", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Điển hình tiêu biểu về hiến đất làm đường")));
		byte[] pdf = mvc.perform(get("/bao-chi/{id}/thong-tin.pdf", model)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		String name = jdbc.sql("select name from registry_model where id = ?").params(model).query(String.class).single();
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
				.contains("THÔNG TIN CHO BÁO CHÍ", name.substring(0, Math.min(25, name.length())));
		}
		long draft = jdbc.sql("select min(id) from registry_model where status = 'DRAFT'").query(Long.class).single();
		mvc.perform(get("/bao-chi/{id}/thong-tin.pdf", draft)).andExpect(status().isNotFound());
		kit.recommend(users.load("bandanvan"), model, false, null);
		assertThat(kit.recommended()).doesNotContainKey(model);
	}

	@Test
	void theDemoHasAPublishedContestAndAnOpenOne() throws Exception {
		mvc.perform(get("/api/v1/contests"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].status", hasItem("FINISHED")))
			.andExpect(jsonPath("$.items[*].status", hasItem("OPEN")));
		long finished = jdbc.sql("select min(id) from contest where status = 'FINISHED' and name like 'Cuộc thi báo chí viết%'")
			.query(Long.class).single();
		mvc.perform(get("/cuoc-thi/{id}", finished))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Giải A")))
			.andExpect(content().string(containsString("Báo điện tử")));
		long open = jdbc.sql("select min(id) from contest where status = 'OPEN' and name like 'Cuộc thi báo chí viết%'")
			.query(Long.class).single();
		mvc.perform(get("/api/v1/contests/{id}/results", open)).andExpect(status().isNotFound());
		mvc.perform(get("/quan-tri/cuoc-thi/{id}", open).with(users.as("phongvien")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Gửi tác phẩm dự thi")));
	}

	static Map<Long, Double> sheet(List<Rubrics.Criterion> criteria, double share) {
		Map<Long, Double> m = new HashMap<>();
		criteria.forEach(c -> m.put(c.id(), c.maxScore() * share));
		return m;
	}

}
