package vn.dvk.demo;

import vn.dvk.judging.Judging;

import vn.dvk.appraisal.AppraisalService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.dvk.judging.Aggregation;
import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.account.UserView;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelSummary;
import vn.dvk.registry.RegistryService;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SettingsStore;
import vn.dvk.system.SystemActor;
import vn.dvk.shared.VietnameseFormats;

/**
 * Demo appraisal: a closed provincial round of twelve submitted models scored by a council of five (one declared
 * conflict), with its decisions taken, and a second round still being scored. Four more appraisers join the demo
 * account {@code thamdinh} (same demo password). Scores are deterministic, so every start of the demo looks alike.
 */
@Component
@Order(70)
class AppraisalDemoData implements ApplicationRunner {

	private final Judging judging;

	static final String MARKER = "demo-data.appraisal";

	private static final Logger log = LoggerFactory.getLogger(AppraisalDemoData.class);

	/** The demo accounts' password (README). */
	private static final String DEMO_PASSWORD = "Demo@2026";

	private static final String[][] APPRAISERS = { { "thamdinh2", "Nguyễn Thị Thanh Hương", "Ban Dân vận Tỉnh ủy Sơn Hà" },
			{ "thamdinh3", "Trịnh Văn Khải", "Hội Liên hiệp Phụ nữ tỉnh Sơn Hà" },
			{ "thamdinh4", "Lò Văn Sơn", "Tỉnh đoàn Sơn Hà" },
			{ "thamdinh5", "Bùi Thị Ngọc Ánh", "Hội Cựu chiến binh tỉnh Sơn Hà" } };

	private final boolean enabled;

	private final AppraisalService appraisals;

	private final RegistryService registry;

	private final AccountService accounts;

	private final OrganizationService organizations;

	private final SettingsStore settings;

	AppraisalDemoData(@Value("${dvk.demo-data:true}") boolean enabled, AppraisalService appraisals,
			RegistryService registry, AccountService accounts, OrganizationService organizations,
			SettingsStore settings, Judging judging) {
		this.judging = judging;
		this.enabled = enabled;
		this.appraisals = appraisals;
		this.registry = registry;
		this.accounts = accounts;
		this.organizations = organizations;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || settings.get(MARKER).isPresent() || accounts.findByUsername("thamdinh").isEmpty()) {
			return;
		}
		DvkUser system = DvkUser.of(0, AuditLog.SYSTEM, "Hệ thống", EnumSet.of(Role.ADMIN), AccessScope.PROVINCE, null);
		SystemActor.run(() -> load(system));
		settings.put(MARKER, Instant.now().toString());
	}

	private void load(DvkUser system) {
		List<ModelSummary> submitted = registry
			.list(system, new ModelQuery(null, null, null, null, null, Set.of(ModelStatus.SUBMITTED), null, null, null),
					new PageResult.Request(0, 18))
			.items();
		if (submitted.size() < 14) {
			return;
		}
		List<DvkUser> council = new ArrayList<>();
		council.add(member(accounts.findByUsername("thamdinh").orElseThrow()));
		for (String[] a : APPRAISERS) {
			UserView u = accounts.findByUsername(a[0])
				.orElseGet(() -> accounts.create(new UserCommand(a[0], a[1], a[0] + "@demo.dvk.vn", DEMO_PASSWORD,
						EnumSet.of(Role.APPRAISER), organization(a[2]), AccessScope.PROVINCE)));
			council.add(member(u));
		}

		// 1. A closed round: twelve models, five members, one declared conflict, decisions taken.
		AppraisalService.Round closed = appraisals.create(system, new AppraisalService.NewRound(
				"Thẩm định mô hình “Dân vận khéo” cấp tỉnh đợt 1 năm 2026", AppraisalService.Level.PROVINCE,
				"2026", VietnameseFormats.today().minusDays(20), Aggregation.Method.TRIMMED_MEAN, true, null));
		List<Long> first = submitted.subList(0, 12).stream().map(ModelSummary::id).toList();
		appraisals.addModels(system, closed.id(), first);
		for (int i = 0; i < council.size(); i++) {
			appraisals.addMember(system, closed.id(), council.get(i).id(), i == 0 ? vn.dvk.judging.MemberRole.CHAIR
					: i == 1 ? vn.dvk.judging.MemberRole.SECRETARY : vn.dvk.judging.MemberRole.MEMBER);
		}
		judging.declare(council.get(3), closed.panelId(), first.get(3), vn.dvk.judging.ConflictKind.FAMILY,
				"Người thân của thành viên là chủ nhiệm mô hình.");
		for (int m = 0; m < first.size(); m++) {
			for (int j = 0; j < council.size(); j++) {
				if (judging.conflict(closed.panelId(), council.get(j).id(), first.get(m)).isEmpty()) {
					judging.score(council.get(j), closed.panelId(), first.get(m), sheet(closed, m, j), null, true);
				}
			}
		}
		judging.close(system, closed.panelId(), true);
		int decisionNo = 41;
		for (AppraisalService.ResultLine line : appraisals.results(system, closed.id()).lines()) {
			if (line.passes()) {
				appraisals.decide(system, closed.id(), line.modelId(), AppraisalService.Decision.RECOGNIZE,
						(decisionNo++) + "/QĐ-BDVTU", VietnameseFormats.today().minusDays(5), null, line.version());
			}
			else {
				appraisals.decide(system, closed.id(), line.modelId(), AppraisalService.Decision.RETURN, null, null,
						"Bổ sung số liệu kết quả đo đếm được theo từng năm và ý kiến của người dân hưởng lợi.",
						line.version());
			}
		}

		// 2. A round in progress: the chair has scored everything, the secretary half, the others nothing yet.
		AppraisalService.Round open = appraisals.create(system, new AppraisalService.NewRound(
				"Thẩm định mô hình “Dân vận khéo” cấp tỉnh đợt 2 năm 2026", AppraisalService.Level.PROVINCE,
				"2026", VietnameseFormats.today().plusDays(14), Aggregation.Method.MEAN, true, null));
		List<Long> second = submitted.subList(12, Math.min(18, submitted.size())).stream().map(ModelSummary::id).toList();
		appraisals.addModels(system, open.id(), second);
		for (int i = 0; i < 3; i++) {
			appraisals.addMember(system, open.id(), council.get(i).id(), i == 0 ? vn.dvk.judging.MemberRole.CHAIR
					: i == 1 ? vn.dvk.judging.MemberRole.SECRETARY : vn.dvk.judging.MemberRole.MEMBER);
		}
		for (int m = 0; m < second.size(); m++) {
			judging.score(council.get(0), open.panelId(), second.get(m), sheet(open, m + 3, 0), null, true);
			if (m % 2 == 0) {
				judging.score(council.get(1), open.panelId(), second.get(m), sheet(open, m + 3, 1), null, true);
			}
		}
		log.info("Loaded demo appraisal: a closed round of {} models with decisions, an open round of {}",
				first.size(), second.size());
	}

	/**
	 * A deterministic sheet: the model's quality (55 to 93 of 100), the member's leniency (−6 to +6) and a little
	 * noise, spread over the criteria in proportion to their maxima, in half points.
	 */
	private static Map<Long, Double> sheet(AppraisalService.Round round, int model, int member) {
		double quality = 55 + (model * 37 % 39);
		double leniency = new double[] { 0, 4, -5, 6, -2 }[member % 5];
		double noise = ((model * 7 + member * 13) % 9) - 4;
		double total = Math.max(30, Math.min(100, quality + leniency + noise));
		Map<Long, Double> scores = new HashMap<>();
		for (vn.dvk.judging.Rubrics.Criterion c : round.criteria()) {
			scores.put(c.id(), Math.min(c.maxScore(), Math.round(c.maxScore() * total / 100 * 2) / 2.0));
		}
		return scores;
	}

	private DvkUser member(UserView u) {
		return DvkUser.of(u.id(), u.username(), u.fullName(), u.roles(), u.scope(), u.organizationId());
	}

	private Long organization(String name) {
		return organizations.search(new OrganizationQuery(name, null, null, true), new PageResult.Request(0, 5))
			.items()
			.stream()
			.filter(o -> o.name().equals(name))
			.findFirst()
			.map(o -> o.id())
			.orElse(null);
	}

}
