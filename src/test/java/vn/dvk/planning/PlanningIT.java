package vn.dvk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.NotificationService;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.locality.OrganizationCommand;
import vn.dvk.locality.OrganizationService;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.system.SystemActor;
import vn.dvk.shared.UserFacingException;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;
import vn.dvk.support.TestMail;

/**
 * Plans and period reports (rules, scope, one filing under concurrency, figures that cannot change silently),
 * lagging units, reminders by hand and on schedule (one e-mail across two runs at once), inspections, documents.
 */
@DvkIntegrationTest
class PlanningIT {

	@Autowired
	PlanningService planning;

	@Autowired
	MonitoringService monitoring;

	@Autowired
	InspectionService inspections;

	@Autowired
	DirectiveService directives;

	@Autowired
	NotificationService notifications;

	@Autowired
	OrganizationService organizations;

	@Autowired
	AccountService accounts;

	@Autowired
	RegistryFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoUsers users;

	@Autowired
	MockMvc mvc;

	/** A fresh organization in commune 99031 with one officer (e-mail at example.vn). */
	record Unit(long id, DvkUser officer) {
	}

	Unit unit(String marker, String name) {
		long id = SystemActor.call(() -> organizations
			.create(new OrganizationCommand(name + " " + marker, "FARMERS_UNION", "99031", null, null, null))).id();
		String username = "cb" + marker + Math.abs(name.hashCode() % 1000);
		SystemActor.call(() -> accounts.create(new UserCommand(username, "Cán bộ " + name, username + "@example.vn",
				"Matkhau@2026", EnumSet.of(Role.OFFICER), id, AccessScope.ORGANIZATION)));
		return new Unit(id, users.load(username));
	}

	static String marker() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 6);
	}

	int year() {
		return LocalDate.now(RegistryFigures.ZONE).getYear();
	}

	@Test
	void plansFollowTheRulesAndOneSubmissionIsStored() throws Exception {
		String marker = marker();
		Unit a = unit(marker, "Hội Nông dân thôn Đông");
		Unit b = unit(marker, "Hội Nông dân thôn Tây");
		int year = year();
		List<PlanningService.Target> targets = List.of(new PlanningService.Target("KINH_TE", 2, 1, 1));
		PlanningService.PlanDraft draft = new PlanningService.PlanDraft(targets, List.of("TON_GIAO"), "Nội dung " + marker);
		// negative targets, a year outside the calendar, another organization's plan: refused
		assertThatThrownBy(() -> planning.savePlan(a.officer(), a.id(), year,
				new PlanningService.PlanDraft(List.of(new PlanningService.Target("KINH_TE", -1, 0, 0)), null, null), false))
			.hasFieldOrPropertyWithValue("messageKey", "planning.target.negative");
		assertThatThrownBy(() -> planning.savePlan(a.officer(), a.id(), 2090, draft, false))
			.hasFieldOrPropertyWithValue("messageKey", "planning.year.outside");
		assertThatThrownBy(() -> planning.savePlan(a.officer(), b.id(), year, draft, false))
			.isInstanceOf(AccessDeniedException.class);
		mvc.perform(post("/quan-tri/ke-hoach/{y}/don-vi/{o}", year, b.id()).with(users.as(a.officer().getUsername()))
			.with(csrf())
			.param("models-KINH_TE", "1")
			.param("action", "submit")).andExpect(status().isForbidden());
		assertThatThrownBy(() -> planning.savePlan(users.load("bandanvan"), a.id(), year, draft, false))
			.isInstanceOf(AccessDeniedException.class);

		// two submissions at once of a plan that does not exist yet: one plan stored, submitted once
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<String>> outcomes = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			outcomes.add(pool.submit((Callable<String>) () -> {
				try {
					planning.savePlan(a.officer(), a.id(), year, draft, true);
					return "ok";
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
		assertThat(results).contains("ok");
		assertThat(jdbc.sql("select count(*) from unit_plan where organization_id = ? and plan_year = ?")
			.params(a.id(), year).query(Long.class).single()).isEqualTo(1);
		PlanningService.Plan plan = planning.plan(a.officer(), a.id(), year).orElseThrow();
		assertThat(plan.status()).isEqualTo(FilingStatus.SUBMITTED);
		assertThat(plan.late()).as("submitted after the demo calendar's 31 January deadline").isTrue();
		assertThat(plan.targets()).containsExactly(new PlanningService.Target("KINH_TE", 2, 1, 1));
		assertThatThrownBy(() -> planning.savePlan(a.officer(), a.id(), year, draft, true))
			.hasFieldOrPropertyWithValue("messageKey", "planning.plan.notEditable");

		// staff return it with a comment; the officer is notified; it can be changed and sent again
		assertThatThrownBy(() -> planning.reviewPlan(users.load("bandanvan"), plan.id(), false, " "))
			.hasFieldOrPropertyWithValue("messageKey", "planning.review.commentRequired");
		long unread = notifications.unread(a.officer().id());
		planning.reviewPlan(users.load("bandanvan"), plan.id(), false, "Bổ sung chỉ tiêu nhân rộng " + marker);
		assertThat(notifications.unread(a.officer().id())).isEqualTo(unread + 1);
		assertThat(notifications.list(a.officer().id(), new vn.dvk.shared.PageResult.Request(0, 5)).items().get(0).body())
			.contains("Bổ sung chỉ tiêu nhân rộng " + marker);
		planning.savePlan(a.officer(), a.id(), year, draft, true);
		planning.reviewPlan(users.load("bandanvan"), plan.id(), true, null);
		assertThat(planning.plan(a.officer(), a.id(), year).orElseThrow().status()).isEqualTo(FilingStatus.APPROVED);

		// the matrix shows it, filtered by the unit's type
		mvc.perform(get("/quan-tri/ke-hoach").param("year", Integer.toString(year)).param("type", "FARMERS_UNION")
			.param("page", "0")
			.with(users.as("bandanvan")))
			.andExpect(status().isOk());
		assertThat(planning.matrix(users.load("bandanvan"), year, null, "FARMERS_UNION",
				new vn.dvk.shared.PageResult.Request(0, 200)).items())
			.anyMatch(r -> r.organizationId() == a.id() && r.plan().status() == FilingStatus.APPROVED)
			.anyMatch(r -> r.organizationId() == b.id() && r.plan() == null);
		// a refused page keeps what was typed
		mvc.perform(post("/quan-tri/ke-hoach/{y}/don-vi/{o}", year, b.id()).with(users.as(b.officer().getUsername()))
			.with(csrf())
			.param("models-KINH_TE", "-3")
			.param("narrative", "Văn bản đang soạn " + marker)
			.param("action", "save"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chỉ tiêu không được là số âm")))
			.andExpect(content().string(containsString("Văn bản đang soạn " + marker)));
	}

	@Test
	void periodReportsArePrefilledAndDifferencesNeedANote() {
		String marker = marker();
		Unit a = unit(marker, "Chi hội nông dân Bản Mới");
		PlanningService.Period h1 = planning.periods(year()).get(0);
		Map<String, Integer> computed = planning.computedFigures(a.id(), h1);
		assertThat(computed).isEmpty(); // a new organization has no models
		// figures of a demo organization agree with the registry's counts
		long demo = jdbc.sql("select id from organization where name = 'Hội Nông dân xã Tân Lập'").query(Long.class).single();
		Map<String, Integer> demoFigures = planning.computedFigures(demo, h1);
		RegistryFigures.Figures totals = figures.totals(new RegistryFigures.Filter(h1.coversFrom(), h1.coversTo(),
				new vn.dvk.account.ScopeFilter.Everything(), demo, null, null, null));
		assertThat(demoFigures.entrySet().stream().filter(e -> e.getKey().endsWith(":REGISTERED"))
			.mapToLong(Map.Entry::getValue).sum()).isEqualTo(totals.registered());

		String key = PlanningService.ReportDraft.key("KINH_TE", PlanningService.Measure.REGISTERED);
		assertThatThrownBy(() -> planning.saveReport(a.officer(), a.id(), h1.id(),
				new PlanningService.ReportDraft("Kết quả", null, null, null, Map.of(key, 3), Map.of()), false))
			.hasFieldOrPropertyWithValue("messageKey", "planning.figure.noteRequired");
		PlanningService.Report saved = planning.saveReport(a.officer(), a.id(), h1.id(), new PlanningService.ReportDraft(
				"Kết quả " + marker, "Hạn chế", null, null, Map.of(key, 3),
				Map.of(key, "Ba mô hình đăng ký trên giấy, chưa nhập hệ thống")), false);
		assertThat(saved.figures()).singleElement().satisfies(f -> {
			assertThat(f.computed()).isZero();
			assertThat(f.declared()).isEqualTo(3);
			assertThat(f.differs()).isTrue();
		});
		assertThatThrownBy(() -> planning.saveReport(a.officer(), a.id(), h1.id(),
				new PlanningService.ReportDraft(" ", null, null, null, Map.of(), Map.of()), true))
			.hasFieldOrPropertyWithValue("messageKey", "planning.report.resultsRequired");
		PlanningService.Report sent = planning.saveReport(a.officer(), a.id(), h1.id(),
				new PlanningService.ReportDraft("Kết quả " + marker, null, null, null, Map.of(), Map.of()), true);
		assertThat(sent.status()).isEqualTo(FilingStatus.SUBMITTED);
		assertThat(sent.late()).isEqualTo(java.time.Instant.now().isAfter(Deadlines.endOfDay(h1.deadline())));
	}

	@Test
	void deadlinesEndAtMidnightInVietnam() {
		LocalDate deadline = LocalDate.of(2026, 7, 15);
		// 23:30 on the 15th in Hà Nội is 16:30 UTC: on time; 00:10 on the 16th (17:10 UTC): late
		assertThat(java.time.Instant.parse("2026-07-15T16:30:00Z").isAfter(Deadlines.endOfDay(deadline))).isFalse();
		assertThat(java.time.Instant.parse("2026-07-15T17:10:00Z").isAfter(Deadlines.endOfDay(deadline))).isTrue();
		// the lagging list turns on the day after the deadline, in Vietnam
		String marker = marker();
		Unit a = unit(marker, "Tổ hợp tác rau sạch");
		int year = year();
		LocalDate planDeadline = planning.calendar(year).orElseThrow().planDeadline();
		DvkUser staff = users.load("bandanvan");
		assertThat(monitoring.lagging(staff, year, planDeadline)).noneMatch(u -> u.organizationId() == a.id()
				&& u.findings().stream().anyMatch(f -> f.reason() == MonitoringService.Reason.NO_PLAN));
		assertThat(monitoring.lagging(staff, year, planDeadline.plusDays(1))).anyMatch(u -> u.organizationId() == a.id()
				&& u.findings().stream().anyMatch(f -> f.reason() == MonitoringService.Reason.NO_PLAN));
	}

	@Test
	void laggingUnitsAreRemindedByHandAndOnScheduleOnce() throws Exception {
		String marker = marker();
		Unit a = unit(marker, "Hội Nông dân xóm Chợ");
		int year = year();
		DvkUser staff = users.load("bandanvan");
		List<MonitoringService.LaggingUnit> lagging = monitoring.lagging(staff, year);
		MonitoringService.LaggingUnit mine = lagging.stream().filter(u -> u.organizationId() == a.id()).findFirst()
			.orElseThrow();
		assertThat(mine.findings()).extracting(MonitoringService.Finding::reason)
			.contains(MonitoringService.Reason.NO_PLAN, MonitoringService.Reason.NO_NEW_MODEL);
		mvc.perform(get("/api/v1/monitoring/lagging").param("year", Integer.toString(year))
			.with(httpBasic("bandanvan", DemoUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].organizationId", hasItem((int) a.id())))
			.andExpect(jsonPath("$.items[0].reasons[0]").isString());
		mvc.perform(get("/api/v1/monitoring/lagging").with(httpBasic("canbo", DemoUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/quan-tri/don-doc").with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hội Nông dân xóm Chợ " + marker)));

		// by hand: the officer gets a notification and an e-mail; the reminder is in the unit's history
		assertThatThrownBy(() -> monitoring.remind(staff, List.of(), null, "x"))
			.hasFieldOrPropertyWithValue("messageKey", "planning.remind.none");
		assertThat(monitoring.remind(staff, List.of(a.id()), "NO_PLAN", "Đề nghị gửi kế hoạch " + marker)).isEqualTo(1);
		String address = a.officer().getUsername() + "@example.vn";
		assertThat(TestMail.waitFor(address, 1, Duration.ofSeconds(10))).singleElement()
			.satisfies(m -> assertThat(TestMail.body(m)).contains("Đề nghị gửi kế hoạch " + marker));
		assertThat(notifications.unread(a.officer().id())).isEqualTo(1);
		assertThat(monitoring.history(staff, a.id(), new vn.dvk.shared.PageResult.Request(0, 10)).items())
			.singleElement()
			.satisfies(r -> assertThat(r.recipients()).isEqualTo(1));

		// on schedule: the day after the deadline, two runs at once (two nodes) send one reminder per unit
		LocalDate after = planning.calendar(year).orElseThrow().planDeadline().plusDays(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Integer>> runs = List.of(pool.submit(() -> monitoring.sendScheduled(after)),
				pool.submit(() -> monitoring.sendScheduled(after)));
		int sent = runs.get(0).get() + runs.get(1).get();
		pool.shutdown();
		assertThat(sent).isPositive();
		assertThat(monitoring.sendScheduled(after)).as("a third run finds everything sent").isZero();
		assertThat(TestMail.waitFor(address, 2, Duration.ofSeconds(10))).hasSize(2);
		assertThat(jdbc.sql("select count(*) from reminder where organization_id = ? and scheduled_key is not null")
			.params(a.id()).query(Long.class).single()).isEqualTo(1);

		// the officer reads it on the bell's page and marks everything read
		mvc.perform(get("/tai-khoan/thong-bao").with(users.as(a.officer().getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đôn đốc")));
		mvc.perform(post("/tai-khoan/thong-bao/da-doc").with(users.as(a.officer().getUsername())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(notifications.unread(a.officer().id())).isZero();
		// daily digest: a notification waits for the morning e-mail instead of going at once
		notifications.setEmailFrequency(a.officer().id(), NotificationService.EmailFrequency.DAILY);
		notifications.notify(a.officer().id(), "Thông báo gộp " + marker, "Nội dung", "/quan-tri");
		assertThat(notifications.sendDigests()).isPositive();
		assertThat(TestMail.waitFor(address, 3, Duration.ofSeconds(10))).anyMatch(m -> TestMail.body(m)
			.contains("Thông báo gộp " + marker));
	}

	@Test
	void inspectionsAreAnsweredByTheInspectedUnitOnly() throws Exception {
		String marker = marker();
		Unit a = unit(marker, "Hợp tác xã chè");
		Unit other = unit(marker, "Hợp tác xã lúa");
		DvkUser staff = users.load("bandanvan");
		assertThatThrownBy(() -> inspections.create(staff, "Kiểm tra " + marker, null, LocalDate.now(), List.of(),
				null, List.of())).hasFieldOrPropertyWithValue("messageKey", "planning.inspection.units");
		InspectionService.Inspection i = inspections.create(staff, "Kiểm tra " + marker, "Nội dung",
				LocalDate.now().plusDays(3), List.of(staff.id()), staff.id(), List.of(a.id()));
		inspections.record(staff, i.id(), a.id(), "Kết luận " + marker, "Kiến nghị");
		long item = inspections.addItem(staff, i.id(), a.id(), "Bổ sung số liệu", LocalDate.now().plusDays(10));
		assertThatThrownBy(() -> inspections.get(other.officer(), i.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> inspections.closeItem(other.officer(), item, "xong"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> inspections.answer(other.officer(), i.id(), "Trả lời"))
			.isInstanceOf(AccessDeniedException.class);
		inspections.answer(a.officer(), i.id(), "Đơn vị tiếp thu " + marker);
		inspections.closeItem(a.officer(), item, "Đã bổ sung");
		assertThatThrownBy(() -> inspections.closeItem(a.officer(), item, "lần nữa"))
			.hasFieldOrPropertyWithValue("messageKey", "planning.inspection.itemClosed");
		InspectionService.Inspection seen = inspections.get(a.officer(), i.id());
		assertThat(seen.units()).singleElement().satisfies(u -> {
			assertThat(u.answer()).isEqualTo("Đơn vị tiếp thu " + marker);
			assertThat(u.items()).singleElement().satisfies(it -> assertThat(it.open()).isFalse());
		});
		mvc.perform(get("/quan-tri/kiem-tra/{id}", i.id()).with(users.as(a.officer().getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kết luận " + marker)));
		mvc.perform(get("/quan-tri/kiem-tra/{id}", i.id()).with(users.as(other.officer().getUsername())))
			.andExpect(status().isForbidden());
	}

	@Test
	void documentsKeepTheirOfficialNumbersAndArePublic() throws Exception {
		assertThat(DirectiveService.parse("1273-KH/BDVTW")).isEqualTo(new DirectiveService.Number("1273-KH/BDVTW", "KH", "BDVTW"));
		assertThat(DirectiveService.parse("19/2025/QĐ-TTg")).isEqualTo(new DirectiveService.Number("19/2025/QĐ-TTg", "QĐ", "TTg"));
		assertThat(DirectiveService.parse("1250/QĐ-UBND").type()).isEqualTo("QĐ");
		assertThatThrownBy(() -> DirectiveService.parse("số 5 ngày 3")).hasFieldOrPropertyWithValue("messageKey",
				"planning.document.number");
		String marker = marker();
		DvkUser staff = users.load("bandanvan");
		assertThatThrownBy(() -> directives.create(staff, "45-HD/BDVTU", LocalDate.now(), "Hướng dẫn " + marker, null,
				"a.pdf", "not a pdf".getBytes())).hasFieldOrPropertyWithValue("messageKey", "planning.document.notPdf");
		assertThatThrownBy(() -> directives.create(users.load("canbo"), "45-HD/BDVTU", LocalDate.now(), "X", null, null,
				null)).isInstanceOf(AccessDeniedException.class);
		mvc.perform(multipart("/quan-tri/van-ban").file("file", "%PDF-1.4 tiny".getBytes())
			.param("number", "45-HD/BDVTU")
			.param("issuedOn", LocalDate.now().toString())
			.param("title", "Hướng dẫn sơ kết " + marker)
			.with(users.as("bandanvan"))
			.with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("success", containsString("45-HD/BDVTU")));
		// a wrong number keeps the form
		mvc.perform(multipart("/quan-tri/van-ban").param("number", "bốn lăm").param("title", "Giữ lại " + marker)
			.param("issuedOn", LocalDate.now().toString())
			.with(users.as("bandanvan"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Giữ lại " + marker)))
			.andExpect(content().string(containsString("chưa đúng mẫu")));
		mvc.perform(get("/van-ban").param("q", "huong dan so ket " + marker))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hướng dẫn sơ kết " + marker)));
		mvc.perform(get("/api/v1/documents").param("q", marker))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].number").value("45-HD/BDVTU"))
			.andExpect(jsonPath("$.items[0].type").value("HD"));
		long id = directives.search(marker, null, null, new vn.dvk.shared.PageResult.Request(0, 1)).items().get(0).id();
		mvc.perform(get("/van-ban/{id}/tep", id))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
	}

}
