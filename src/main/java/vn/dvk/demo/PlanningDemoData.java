package vn.dvk.demo;

import vn.dvk.account.AccountService;

import vn.dvk.locality.OrganizationService;

import vn.dvk.planning.FilingHistory;
import vn.dvk.planning.FilingStatus;

import vn.dvk.planning.DirectiveService;

import vn.dvk.planning.MonitoringService;

import vn.dvk.planning.Deadlines;

import vn.dvk.planning.InspectionService;

import vn.dvk.planning.PlanningService;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.dvk.account.AccessScope;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.system.AuditLog;
import vn.dvk.system.SettingsStore;
import vn.dvk.system.SystemActor;

/**
 * Demo planning: the steering documents, the calendars of last year and this year, plans and period reports of
 * the demo organizations (most on time, some late, some missing or returned, so the matrix, the lagging list and
 * the dashboard look like a real province), a few reminders and one inspection with open follow-up items.
 */
@Component
@Order(90)
class PlanningDemoData implements ApplicationRunner {

	private final AccountService accounts;

	private final OrganizationService organizations;

	private final FilingHistory history;

	static final String MARKER = "demo-data.planning";

	private static final Logger log = LoggerFactory.getLogger(PlanningDemoData.class);

	private final boolean enabled;

	private final PlanningService planning;

	private final DirectiveService directives;

	private final MonitoringService monitoring;

	private final InspectionService inspections;

	private final SettingsStore settings;

	private final vn.dvk.documents.PdfDocuments pdfs;

	PlanningDemoData(@Value("${dvk.demo-data:true}") boolean enabled, PlanningService planning,
			DirectiveService directives, MonitoringService monitoring, InspectionService inspections,
			SettingsStore settings, vn.dvk.documents.PdfDocuments pdfs, FilingHistory history, OrganizationService organizations, AccountService accounts) {
		this.accounts = accounts;
		this.organizations = organizations;
		this.history = history;
		this.enabled = enabled;
		this.planning = planning;
		this.directives = directives;
		this.monitoring = monitoring;
		this.inspections = inspections;
		this.settings = settings;
		this.pdfs = pdfs;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || settings.get(MARKER).isPresent()) {
			return;
		}
		DvkUser system = DvkUser.of(0, AuditLog.SYSTEM, "Hệ thống", EnumSet.of(Role.ADMIN), AccessScope.PROVINCE, null);
		SystemActor.run(() -> load(system));
		settings.put(MARKER, Instant.now().toString());
	}

	private void load(DvkUser system) {
		List<Long> orgs = organizations.search(new vn.dvk.locality.OrganizationQuery(null, null, null, false),
				new vn.dvk.shared.PageResult.Request(0, vn.dvk.shared.PageResult.MAX_SIZE)).items().stream()
			.map(vn.dvk.locality.OrganizationView::id).sorted().toList();
		if (orgs.size() < 10) {
			return;
		}
		int year = LocalDate.now(RegistryFigures.ZONE).getYear();
		DirectiveService.Document previousPlan = directives.create(system, (year - 1) % 100 + "-KH/BDVTU",
				LocalDate.of(year - 1, 1, 8), "Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm " + (year - 1),
				"Kế hoạch của Ban Dân vận Tỉnh ủy: mục tiêu, chỉ tiêu đăng ký mô hình theo lĩnh vực, tiến độ sơ kết, tổng kết.",
				null, null);
		DirectiveService.Document plan = directives.create(system, (year % 100 + 20) + "-KH/BDVTU",
				LocalDate.of(year, 1, 6), "Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm " + year,
				"Mỗi cơ quan, đơn vị xây dựng ít nhất một mô hình “Dân vận khéo” mới; tập trung vùng đồng bào dân tộc "
						+ "thiểu số, đồng bào có đạo, các dự án trọng điểm và khu công nghiệp; sơ kết 6 tháng, tổng kết năm.",
				"ke-hoach-dan-van-kheo-" + year + ".pdf", planPdf(year));
		directives.create(system, "07-HD/BDVTU", LocalDate.of(year, 2, 20),
				"Hướng dẫn đăng ký, thẩm định, công nhận mô hình, điển hình “Dân vận khéo”",
				"Mẫu đăng ký mười nội dung; tiêu chí thẩm định; hồ sơ đề nghị công nhận.", null, null);
		directives.create(system, "1250-QĐ/TU", LocalDate.of(year - 1, 10, 10),
				"Quyết định khen thưởng tập thể, cá nhân điển hình “Dân vận khéo” giai đoạn 2021–2025", null, null, null);

		for (int y : new int[] { year - 1, year }) {
			planning.saveYear(system, y, LocalDate.of(y, 1, 31), y == year ? plan.id() : previousPlan.id());
			planning.savePeriod(system, y, "H1", "Báo cáo sơ kết 6 tháng đầu năm " + y, LocalDate.of(y, 1, 1),
					LocalDate.of(y, 6, 30), LocalDate.of(y, 7, 15));
			planning.savePeriod(system, y, "Y", "Báo cáo tổng kết năm " + y, LocalDate.of(y, 1, 1),
					LocalDate.of(y, 12, 31), LocalDate.of(y, 12, 15));
		}
		String[] fields = { "KINH_TE", "VAN_HOA_XA_HOI", "QUOC_PHONG_AN_NINH", "XAY_DUNG_HTCT" };
		for (int i = 0; i < orgs.size(); i++) {
			long org = orgs.get(i);
			DvkUser officer = DvkUser.of(0, AuditLog.SYSTEM, "Cán bộ đơn vị", EnumSet.of(Role.OFFICER),
					AccessScope.ORGANIZATION, org);
			List<PlanningService.Target> targets = List.of(
					new PlanningService.Target(fields[i % 4], 1 + i % 3, i % 2, 1),
					new PlanningService.Target(fields[(i + 1) % 4], 1, 0, i % 2));
			String narrative = "Tập trung xây dựng mô hình gắn với nhiệm vụ chính trị của đơn vị; phân công cán bộ "
					+ "theo dõi từng mô hình; định kỳ cập nhật kết quả, đánh giá hiệu quả và nhân rộng.";
			// last year: nearly everyone filed both plan and reports
			if (i % 9 != 8) {
				filePlan(officer, org, year - 1, targets, narrative, LocalDate.of(year - 1, 1, 10 + i % 15), FilingStatus.APPROVED);
				for (PlanningService.Period p : planning.periods(year - 1)) {
					fileReport(officer, org, p, p.deadline().minusDays(3 - i % 5), FilingStatus.APPROVED);
				}
			}
			// this year: a realistic spread
			if (i % 5 == 4) {
				continue; // no plan at all: lagging
			}
			if (i % 7 == 3) {
				planning.savePlan(officer, org, year, new PlanningService.PlanDraft(targets, List.of(), narrative), false);
				continue; // a draft never submitted
			}
			LocalDate sent = i % 6 == 1 ? LocalDate.of(year, 2, 9) : LocalDate.of(year, 1, 10 + i % 20);
			filePlan(officer, org, year, targets, narrative, sent, i == 2 ? FilingStatus.RETURNED
					: i % 4 == 0 ? FilingStatus.SUBMITTED : FilingStatus.APPROVED);
			PlanningService.Period h1 = planning.periods(year).get(0);
			if (i % 3 != 2) {
				fileReport(officer, org, h1, i % 8 == 5 ? h1.deadline().plusDays(6) : h1.deadline().minusDays(2 + i % 6),
						i % 2 == 0 ? FilingStatus.APPROVED : FilingStatus.SUBMITTED);
			}
		}
		// the demo officer's organization: its plan approved, H1 filed, the annual report still to write
		organization("Hội Nông dân xã Tân Lập").ifPresent(org -> {
			planning.plan(system, org, year).ifPresent(p -> history.plan(system, p.id(),
					p.submittedAt() == null ? Instant.now() : p.submittedAt(), FilingStatus.APPROVED, "bandanvan",
					null));
			inspection(system, org, year);
		});
		List<MonitoringService.LaggingUnit> lagging = monitoring.lagging(system, year);
		if (!lagging.isEmpty()) {
			monitoring.remind(system, lagging.stream().limit(3).map(MonitoringService.LaggingUnit::organizationId).toList(),
					"NO_PLAN", "Đề nghị đơn vị khẩn trương gửi kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm "
							+ year + " về Ban Dân vận Tỉnh ủy.");
		}
		log.info("Loaded demo planning: 4 documents, calendars {}–{}, plans and reports of {} organizations, {} lagging",
				year - 1, year, orgs.size(), lagging.size());
	}

	private void filePlan(DvkUser officer, long org, int year, List<PlanningService.Target> targets, String narrative,
			LocalDate sent, FilingStatus outcome) {
		PlanningService.Plan p = planning.savePlan(officer, org, year, new PlanningService.PlanDraft(targets,
				List.of("DAN_TOC_THIEU_SO", "DU_AN_TRONG_DIEM"), narrative), true);
		history.plan(SYSTEM, p.id(), sent.atTime(9, 30).atZone(RegistryFigures.ZONE).toInstant(), outcome, "bandanvan",
				outcome == FilingStatus.RETURNED
						? "Bổ sung chỉ tiêu nhân rộng mô hình và phân công cán bộ theo dõi." : null);
	}

	private void fileReport(DvkUser officer, long org, PlanningService.Period period, LocalDate sent,
			FilingStatus outcome) {
		PlanningService.Report r = planning.saveReport(officer, org, period.id(), new PlanningService.ReportDraft(
				"Đơn vị duy trì các mô hình đã đăng ký, vận động nhân dân đóng góp ngày công, kinh phí; nhiều hộ được hỗ trợ "
						+ "phát triển kinh tế.",
				"Một số mô hình chưa có số liệu kết quả cụ thể; việc nhân rộng còn chậm.",
				"Cán bộ theo dõi mô hình còn kiêm nhiệm nhiều việc.",
				"Đề nghị Ban Dân vận tổ chức tập huấn cách xây dựng chỉ tiêu đầu ra đo đếm được.", Map.of(), Map.of()),
				true);
		history.report(SYSTEM, r.id(), sent.atTime(15, 0).atZone(RegistryFigures.ZONE).toInstant(), outcome, "bandanvan");
	}

	private static final DvkUser SYSTEM = DvkUser.of(0, AuditLog.SYSTEM, "Hệ thống", EnumSet.of(Role.ADMIN),
			AccessScope.PROVINCE, null);

	private java.util.Optional<Long> organization(String name) {
		return organizations.search(new vn.dvk.locality.OrganizationQuery(name, null, null, false),
				new vn.dvk.shared.PageResult.Request(0, 5)).items().stream().filter(o -> o.name().equals(name))
			.map(vn.dvk.locality.OrganizationView::id).findFirst();
	}

	private void inspection(DvkUser system, long farmers, int year) {
		List<Long> team = java.util.stream.Stream.of("bandanvan", "thamdinh").map(accounts::findByUsername)
			.flatMap(java.util.Optional::stream).map(vn.dvk.account.UserView::id).toList();
		List<Long> units = java.util.stream.Stream.of("Hội Nông dân xã Tân Lập", "Ủy ban nhân dân xã Tân Lập")
			.map(this::organization).flatMap(java.util.Optional::stream).sorted().toList();
		if (team.isEmpty() || units.size() < 2) {
			return;
		}
		InspectionService.Inspection i = inspections.create(system,
				"Kiểm tra thực hiện phong trào thi đua “Dân vận khéo” năm " + year + " tại xã Tân Lập",
				"Việc xây dựng, đăng ký, cập nhật kết quả và nhân rộng mô hình; công tác sơ kết 6 tháng.",
				LocalDate.of(year, 10, 20), team, team.get(0), units);
		for (Long unit : units) {
			inspections.record(system, i.id(), unit,
					"Đơn vị đã xây dựng và đăng ký mô hình theo kế hoạch; một số mô hình chưa cập nhật kết quả theo quý.",
					"Bổ sung chỉ tiêu đầu ra đo đếm được cho từng mô hình; cập nhật kết quả định kỳ trên hệ thống.");
		}
		long first = inspections.addItem(system, i.id(), farmers,
				"Cập nhật kết quả quý III cho các mô hình đang thực hiện", LocalDate.of(year, 11, 15));
		inspections.addItem(system, i.id(), farmers, "Bổ sung chỉ tiêu đầu ra đo đếm được cho mô hình tổ hợp tác",
				LocalDate.of(year, 12, 20));
		inspections.addItem(system, i.id(), units.get(0).equals(farmers) ? units.get(1) : units.get(0),
				"Báo cáo kết quả nhân rộng mô hình “Dân vận khéo” trong cải cách hành chính",
				LocalDate.now(RegistryFigures.ZONE).minusDays(7)); // overdue: shows how the list flags it
		inspections.closeItem(system, first, "Đã cập nhật kết quả quý III cho 3 mô hình ngày 10/11.");
		accounts.findByUsername("canbo").ifPresent(canbo -> inspections.answer(DvkUser.of(canbo.id(), canbo.username(),
				canbo.fullName(), canbo.roles(), canbo.scope(), canbo.organizationId()), i.id(),
				"Đơn vị tiếp thu kết luận, đã phân công cán bộ cập nhật kết quả và bổ sung chỉ tiêu trước ngày 20/12."));
	}

	private byte[] planPdf(int year) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			pdfs.render("planning/pdf/plan", Map.of("year", year), java.util.Locale.forLanguageTag("vi"), out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

}
