package vn.dvk.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.judging.Aggregation;
import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.registry.ModelContent;
import vn.dvk.registry.ModelDraft;
import vn.dvk.registry.ModelKind;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.RegistryService;
import vn.dvk.registry.SubjectType;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SystemActor;
import vn.dvk.shared.UserFacingException;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

/** An appraisal round from submitted models to decisions, with the rules the issue names. */
@DvkIntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class AppraisalIT {

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	@Autowired
	AppraisalService appraisals;

	@Autowired
	vn.dvk.judging.Judging judging;

	@Autowired
	RegistryService registry;

	@Autowired
	AccountService accounts;

	@Autowired
	OrganizationService organizations;

	@Autowired
	DemoUsers users;

	@Autowired
	MockMvc mvc;

	long org(String name) {
		return organizations.search(new OrganizationQuery(name, null, null, true), new PageResult.Request(0, 5))
			.items()
			.stream()
			.filter(o -> o.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	ModelView submitted(String name) {
		String text = "Bà con trong thôn cùng bàn bạc, thống nhất cách làm và phân công từng tổ phụ trách, cán bộ Hội "
				+ "đến từng nhà vận động, giải thích lợi ích để mọi người tự nguyện tham gia đóng góp.";
		DvkUser officer = users.load("canbo");
		ModelView m = registry.create(officer, new ModelDraft(ModelKind.MODEL, SubjectType.COLLECTIVE, name, "KINH_TE",
				org("Hội Nông dân xã Tân Lập"), "99031", "2021-2025", 2024,
				new ModelContent(text, text, text + " " + text, text, text, text, "Từ tháng 3 năm 2024 đến nay.",
						"Làm mới 3,5 km đường bê tông liên thôn, 120 hộ tham gia hiến đất và ngày công.", text),
				Set.of("DIA_BAN_KHO_KHAN"), Set.of("NONG_THON_MOI"), List.of()));
		return registry.submit(officer, m.id());
	}

	DvkUser appraiser(String marker, int n, String organization) {
		String username = "td" + marker + n;
		SystemActor.call(() -> accounts.create(new UserCommand(username, "Thành viên hội đồng " + n,
				username + "@example.vn", "Matkhau@2026", EnumSet.of(Role.APPRAISER), org(organization),
				AccessScope.ORGANIZATION)));
		return users.load(username);
	}

	Map<Long, Double> sheet(AppraisalService.Round round, double... values) {
		Map<Long, Double> m = new HashMap<>();
		for (int i = 0; i < round.criteria().size(); i++) {
			m.put(round.criteria().get(i).id(), values[i]);
		}
		return m;
	}

	@Test
	void aRoundFromSubmittedModelsToDecisions() throws Exception {
		String marker = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		DvkUser staff = users.load("bandanvan");
		List<ModelView> models = List.of(submitted("Mô hình thẩm định A " + marker),
				submitted("Mô hình thẩm định B " + marker), submitted("Mô hình thẩm định C " + marker));
		AppraisalService.Round round = appraisals.create(staff, new AppraisalService.NewRound(
				"Thẩm định đợt 1 năm 2026 " + marker, AppraisalService.Level.PROVINCE, "2026", null,
				Aggregation.Method.TRIMMED_MEAN, true, null));
		assertThat(round.criteria()).hasSize(6);
		assertThat(round.maximum()).isEqualTo(100.0);
		appraisals.addModels(staff, round.id(), models.stream().map(ModelView::id).toList());
		assertThat(registry.get(staff, models.get(0).id()).status()).isEqualTo(ModelStatus.UNDER_APPRAISAL);

		// five scoring members, and one from the models' own organization (conflicted automatically)
		List<DvkUser> council = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			council.add(appraiser(marker, i, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn Hà"));
		}
		DvkUser sameUnit = appraiser(marker, 9, "Hội Nông dân xã Tân Lập");
		for (int i = 0; i < council.size(); i++) {
			appraisals.addMember(staff, round.id(), council.get(i).id(),
					i == 0 ? vn.dvk.judging.MemberRole.CHAIR : vn.dvk.judging.MemberRole.MEMBER);
		}
		appraisals.addMember(staff, round.id(), sameUnit.id(), vn.dvk.judging.MemberRole.MEMBER);
		assertThatThrownBy(() -> appraisals.addMember(staff, round.id(), users.load("canbo").id(),
				vn.dvk.judging.MemberRole.MEMBER)).isInstanceOf(UserFacingException.class);

		long a = models.get(0).id();
		long b = models.get(1).id();
		long c = models.get(2).id();
		// refusals: conflicted member, a score above the maximum, a negative score
		assertThat(judging.conflict(round.panelId(), sameUnit.id(), a)).contains(vn.dvk.judging.ConflictKind.AUTO_UNIT);
		assertThatThrownBy(() -> judging.score(sameUnit, round.panelId(), a, sheet(round, 10, 10, 10, 10, 10, 5), null, true))
			.isInstanceOf(UserFacingException.class)
			.hasFieldOrPropertyWithValue("messageKey", "judging.score.conflicted");
		assertThatThrownBy(() -> judging.score(council.get(0), round.panelId(), a, sheet(round, 21, 10, 10, 10, 10, 5),
				null, true))
			.isInstanceOf(UserFacingException.class)
			.hasFieldOrPropertyWithValue("messageKey", "judging.score.range");
		assertThatThrownBy(() -> judging.score(council.get(0), round.panelId(), a, sheet(round, -1, 10, 10, 10, 10, 5),
				null, true))
			.isInstanceOf(UserFacingException.class);
		// a declared conflict: member 4 on model C
		judging.declare(council.get(4), round.panelId(), c, vn.dvk.judging.ConflictKind.FAMILY, "Người thân");
		assertThatThrownBy(() -> judging.score(council.get(4), round.panelId(), c, sheet(round, 10, 10, 10, 10, 10, 5),
				null, true))
			.hasFieldOrPropertyWithValue("messageKey", "judging.score.conflicted");

		// totals of model A: 50, 60, 70, 80, 100 → mean 72, trimmed 70; model B: 90 from everyone
		double[][] aSheets = { { 10, 10, 10, 10, 5, 5 }, { 12, 10, 10, 15, 8, 5 }, { 14, 12, 10, 17, 10, 7 },
				{ 16, 12, 12, 20, 12, 8 }, { 20, 15, 15, 25, 15, 10 } };
		for (int i = 0; i < 5; i++) {
			judging.score(council.get(i), round.panelId(), a, sheet(round, aSheets[i]), null, true);
			judging.score(council.get(i), round.panelId(), b, sheet(round, 18, 14, 13, 22, 14, 9),
					i == 1 ? Map.of(round.criteria().get(1).id(), "Huy động được cả khu dân cư " + marker) : null, true);
		}
		// the chair reads every member's sheet with comments, but in a blind round only once it is closed; staff always
		assertThatThrownBy(() -> judging.sheets(council.get(0), round.panelId(), b))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> judging.sheets(council.get(1), round.panelId(), b))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		List<vn.dvk.judging.MemberSheet> onB = judging.sheets(staff, round.panelId(), b);
		assertThat(onB).hasSize(6);
		assertThat(onB.stream().filter(x -> x.userId() == council.get(1).id()).findFirst().orElseThrow())
			.satisfies(x -> {
				assertThat(x.submitted()).isTrue();
				assertThat(x.total()).isEqualTo(90.0);
				assertThat(x.comments()).containsValue("Huy động được cả khu dân cư " + marker);
			});
		assertThat(onB.stream().filter(x -> x.userId() == sameUnit.id()).findFirst().orElseThrow().conflict())
			.isEqualTo(vn.dvk.judging.ConflictKind.AUTO_UNIT);
		mvc.perform(get("/quan-tri/tham-dinh/{id}/phieu/{m}", round.id(), b).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Huy động được cả khu dân cư " + marker)))
			.andExpect(content().string(containsString("Cùng đơn vị với mô hình (tự động)")));
		// model C: saved but not submitted by member 0 → missing sheets when closing
		judging.score(council.get(0), round.panelId(), c, sheet(round, 10, 10, 10, 10, 10, 5), null, false);
		assertThatThrownBy(() -> judging.close(staff, round.panelId(), false))
			.isInstanceOf(UserFacingException.class)
			.hasFieldOrPropertyWithValue("messageKey", "judging.close.missing");
		AppraisalService.Results results = appraisals.results(staff, round.id());
		AppraisalService.ResultLine lineA = results.lines().stream().filter(l -> l.modelId() == a).findFirst().orElseThrow();
		assertThat(lineA.figures().mean()).isEqualTo(72.0);
		assertThat(lineA.figures().trimmedMean()).isEqualTo(70.0);
		assertThat(lineA.passes()).isTrue();
		AppraisalService.ResultLine lineB = results.lines().stream().filter(l -> l.modelId() == b).findFirst().orElseThrow();
		assertThat(lineB.figures().mean()).isEqualTo(90.0);
		assertThat(lineB.rank()).isEqualTo(1);
		assertThat(lineA.rank()).isEqualTo(2);
		mvc.perform(get("/api/v1/appraisals/{id}/results", round.id()).with(httpBasic("bandanvan", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decidingMethod").value("TRIMMED_MEAN"))
			.andExpect(jsonPath("$.models[0].modelId").value(b))
			.andExpect(jsonPath("$.models[0].scores.trimmedMean").value(90.0))
			.andExpect(jsonPath("$.models[1].scores.mean").value(72.0));
		mvc.perform(get("/api/v1/appraisals").with(httpBasic("bandanvan", DemoUsers.PASSWORD)))
			.andExpect(jsonPath("$.items[*].name", org.hamcrest.Matchers.hasItem(containsString(marker))));

		byte[] xlsx = mvc.perform(get("/quan-tri/tham-dinh/{id}/bang-diem.xlsx", round.id()).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		vn.dvk.documents.TabularFile sheet = vn.dvk.documents.TabularFile.read(xlsx, 1000);
		assertThat(sheet.headers().get(0)).contains(marker);
		List<List<String>> all = sheet.lines().stream().map(vn.dvk.documents.TabularFile.Line::cells).toList();
		assertThat(all.get(0)).contains("Trung bình", "Thành viên hội đồng 0");
		assertThat(all.stream().filter(r -> r.contains("Mô hình thẩm định A " + marker)).findFirst().orElseThrow())
			.contains("72,00", "70,00", "xung đột", "50,00", "100,00");
		byte[] pdf = mvc.perform(get("/quan-tri/tham-dinh/{id}/bien-ban.pdf", round.id()).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			// table cells wrap: compare with the line breaks as spaces
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("BIÊN BẢN THẨM ĐỊNH", "ĐẢNG CỘNG SẢN VIỆT NAM", "Thẩm định đợt 1 năm 2026 " + marker,
					"Mô hình thẩm định A " + marker, "Tính sáng tạo, phù hợp với đặc điểm địa phương", "72,00",
					"Người thân", "Chủ tịch hội đồng", "Thành viên hội đồng 0");
		}
		judging.close(staff, round.panelId(), true);
		assertThatThrownBy(() -> judging.score(council.get(1), round.panelId(), c, sheet(round, 10, 10, 10, 10, 10, 5),
				null, true))
			.hasFieldOrPropertyWithValue("messageKey", "judging.closed");

		// decisions: B recognized; a stale second decision on B is refused; A returned; a model outside: refused
		appraisals.decide(staff, round.id(), b, AppraisalService.Decision.RECOGNIZE, "15/QĐ-BDVTU",
				LocalDate.now().minusDays(1), null, lineB.version());
		assertThat(registry.get(staff, b).status()).isEqualTo(ModelStatus.RECOGNIZED);
		assertThatThrownBy(() -> appraisals.decide(staff, round.id(), b, AppraisalService.Decision.REJECT, null, null,
				"Không đạt", lineB.version()))
			.hasFieldOrPropertyWithValue("messageKey", "appraisal.decision.taken");
		appraisals.decide(staff, round.id(), a, AppraisalService.Decision.RETURN, null, null,
				"Bổ sung số liệu kết quả theo từng quý", lineA.version());
		assertThat(registry.get(staff, a).status()).isEqualTo(ModelStatus.RETURNED);
		assertThat(events.stream(vn.dvk.registry.ModelReturned.class)).anyMatch(e -> e.modelId() == a);
		assertThat(events.stream(vn.dvk.registry.ModelRecognized.class)).anyMatch(e -> e.modelId() == b);
		assertThat(appraisals.latestScores(List.of(a, b))).containsEntry(b, 90.0).containsEntry(a, 70.0);
		ModelView outside = submitted("Mô hình ngoài đợt " + marker);
		assertThatThrownBy(() -> appraisals.decide(staff, round.id(), outside.id(), AppraisalService.Decision.RECOGNIZE,
				"1/QĐ", LocalDate.now(), null, 0))
			.hasFieldOrPropertyWithValue("messageKey", "judging.subject.notInPanel");
		assertThat(appraisals.results(staff, round.id()).lines().stream().filter(l -> l.modelId() == b).findFirst()
			.orElseThrow()
			.decision()).isEqualTo(AppraisalService.Decision.RECOGNIZE);
		// closed: the chair now reads the sheets
		assertThat(judging.sheets(council.get(0), round.panelId(), c)).hasSize(6);

		// in bulk: all or nothing — a line already decided stops the whole decision and names the model
		int versionC = appraisals.results(staff, round.id()).lines().stream().filter(l -> l.modelId() == c).findFirst()
			.orElseThrow().version();
		assertThatThrownBy(() -> appraisals.decideAll(staff, round.id(),
				List.of(new AppraisalService.Choice(c, AppraisalService.Decision.REJECT, "Chưa có kết quả", versionC),
						new AppraisalService.Choice(b, AppraisalService.Decision.RECOGNIZE, null, lineB.version())),
				"16/QĐ-BDVTU", LocalDate.now()))
			.hasFieldOrPropertyWithValue("messageKey", "appraisal.decision.bulkFailed");
		assertThat(registry.get(staff, c).status()).isEqualTo(ModelStatus.UNDER_APPRAISAL);
		// through the page: the ticked model, its line's decision, a return without a note says "below threshold"
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/quan-tri/tham-dinh/{id}/quyet-dinh", round.id())
			.with(users.as("bandanvan"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("model", Long.toString(c))
			.param("decision-" + c, "RETURN")
			.param("version-" + c, Integer.toString(versionC))
			.param("number", "16/QĐ-BDVTU"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("success", containsString("1 mô hình")));
		assertThat(registry.get(staff, c).status()).isEqualTo(ModelStatus.RETURNED);
	}


	@Test
	void staffAndMembersWorkThroughThePages() throws Exception {
		String marker = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		DvkUser staff = users.load("bandanvan");
		ModelView m = submitted("Mô hình trang thẩm định " + marker);
		String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/quan-tri/tham-dinh")
			.with(users.as("bandanvan"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("name", "Đợt thẩm định trang " + marker)
			.param("level", "COMMUNE")
			.param("method", "MEAN")
			.param("blind", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long roundId = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
		DvkUser member = appraiser(marker, 1, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn Hà");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/quan-tri/tham-dinh/{id}/thanh-vien", roundId)
			.with(users.as("bandanvan"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("username", member.getUsername())
			.param("role", "CHAIR")).andExpect(status().is3xxRedirection());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/quan-tri/tham-dinh/{id}/mo-hinh", roundId)
			.with(users.as("bandanvan"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("model", Long.toString(m.id()))).andExpect(status().is3xxRedirection());
		mvc.perform(get("/quan-tri/tham-dinh/{id}", roundId).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(containsString("Kết quả tổng hợp"), containsString(m.name()),
						containsString("Chủ tịch hội đồng"), containsString("Còn 1 phiếu chưa gửi"))));
		// the member (outside the model's scope) scores through the sheet page
		AppraisalService.Round round = appraisals.round(roundId);
		mvc.perform(get("/quan-tri/tham-dinh/{id}/cham/{m}", roundId, m.id()).with(users.as(member.getUsername())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Tính bền vững")));
		var post = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/quan-tri/tham-dinh/{id}/cham/{m}", roundId, m.id())
			.with(users.as(member.getUsername()))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("action", "submit");
		double[] given = { 15, 12, 12, 20, 11.5, 8 };
		for (int i = 0; i < given.length; i++) {
			post.param("score" + round.criteria().get(i).id(), String.valueOf(given[i]).replace('.', ','));
		}
		mvc.perform(post)
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("success", containsString("Đã gửi")));
		assertThat(appraisals.results(roundId).lines().get(0).figures().mean()).isEqualTo(78.5);
		mvc.perform(get("/quan-tri/tham-dinh/{id}", roundId).with(users.as(member.getUsername())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(containsString("Phiếu chấm của tôi"),
						containsString("kết quả tổng hợp hiện ra khi đợt thẩm định kết thúc"))));
		// somebody who is neither staff nor in the council
		mvc.perform(get("/quan-tri/tham-dinh/{id}", roundId).with(users.as("thamdinh"))).andExpect(status().isForbidden());
	}


	@Test
	void staffDefineARubricWithWeightsAndRoundsUseIt() throws Exception {
		String marker = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		DvkUser staff = users.load("bandanvan");
		assertThatThrownBy(() -> appraisals.createTemplate(staff, "Sai " + marker, 30.0,
				List.<String[]>of(new String[] { "Một", "mười", "10" })))
			.hasFieldOrPropertyWithValue("messageKey", "judging.template.line");
		assertThatThrownBy(() -> appraisals.createTemplate(staff, "Quá " + marker, 41.0,
				List.of(new String[] { "Một", "2", "10" }, new String[] { "Hai", "1", "20" })))
			.hasFieldOrPropertyWithValue("messageKey", "judging.template.threshold");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/quan-tri/tham-dinh/tieu-chi")
			.with(users.as("bandanvan"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("name", "Bộ tiêu chí có hệ số " + marker)
			.param("passThreshold", "30")
			.param("criteria", "Hiệu quả | 2 | 10\nSự đồng thuận của dân | 1 | 20"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("success", containsString("Đã tạo bộ tiêu chí")));
		vn.dvk.judging.Rubrics.Template t = appraisals.templates()
			.stream()
			.filter(x -> x.name().endsWith(marker))
			.findFirst()
			.orElseThrow();
		assertThat(t.maximum()).isEqualTo(40.0);
		AppraisalService.Round round = appraisals.create(staff, new AppraisalService.NewRound("Đợt có hệ số " + marker,
				AppraisalService.Level.COMMUNE, null, null, Aggregation.Method.MEAN, false, null, t.id()));
		assertThat(round.passThreshold()).isEqualTo(30.0);
		assertThat(round.maximum()).isEqualTo(40.0);
		ModelView m = submitted("Mô hình có hệ số " + marker);
		appraisals.addModels(staff, round.id(), List.of(m.id()));
		DvkUser member = appraiser(marker, 1, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn Hà");
		appraisals.addMember(staff, round.id(), member.id(), vn.dvk.judging.MemberRole.MEMBER);
		judging.score(member, round.panelId(), m.id(), sheet(round, 8, 15), null, true);
		// weighted total: 2 × 8 + 1 × 15 = 31, above the threshold of 30
		AppraisalService.ResultLine line = appraisals.results(staff, round.id()).lines().get(0);
		assertThat(line.figures().mean()).isEqualTo(31.0);
		assertThat(line.passes()).isTrue();

		// the chair reminds by e-mail and takes a member off the model (audited); members may do neither
		DvkUser chair = appraiser(marker, 2, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn Hà");
		appraisals.addMember(staff, round.id(), chair.id(), vn.dvk.judging.MemberRole.CHAIR);
		assertThatThrownBy(() -> judging.remind(chair, round.panelId(), member.id()))
			.hasFieldOrPropertyWithValue("messageKey", "judging.remind.nothing");
		assertThat(judging.remind(chair, round.panelId(), chair.id())).isEqualTo(1);
		List<jakarta.mail.Message> mails = vn.dvk.support.TestMail.waitFor(chair.getUsername() + "@example.vn", 1,
				java.time.Duration.ofSeconds(10));
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).startsWith("Nhắc chấm điểm");
		assertThat(vn.dvk.support.TestMail.body(mails.get(0))).contains("Mô hình có hệ số " + marker);
		assertThatThrownBy(() -> judging.exclude(member, round.panelId(), chair.id(), m.id(), "Không"))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		judging.exclude(chair, round.panelId(), member.id(), m.id(), "Thành viên từng công tác tại đơn vị này");
		assertThat(judging.conflict(round.panelId(), member.id(), m.id())).contains(vn.dvk.judging.ConflictKind.CHAIR_EXCLUDED);
		assertThat(appraisals.results(staff, round.id()).lines().get(0).figures()).as("the sheet no longer counts").isNull();
	}

}
