package vn.dvk.demo;

import vn.dvk.registry.RegistryService;

import vn.dvk.locality.OrganizationService;

import vn.dvk.judging.Judging;

import vn.dvk.contest.ContestEntries;

import vn.dvk.contest.ContestRecords;

import vn.dvk.contest.PressKit;

import vn.dvk.contest.ContestService;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.account.UserView;
import vn.dvk.contest.ContestRecords.Author;
import vn.dvk.contest.ContestRecords.Contest;
import vn.dvk.contest.ContestRecords.EntryDraft;
import vn.dvk.contest.ContestRecords.Round;
import vn.dvk.contest.ContestRecords.Stage;
import vn.dvk.registry.RegistryFigures;
import vn.dvk.judging.Aggregation;
import vn.dvk.judging.Rubrics;
import vn.dvk.system.AuditLog;
import vn.dvk.system.SettingsStore;
import vn.dvk.system.SystemActor;

/**
 * Demo press contest: last year's contest judged in two rounds (print and online, preliminary then final, one juror
 * working at an entrant's outlet, prizes given, results published) and this year's, open for entries.
 */
@Component
@Order(100)
class ContestDemoData implements ApplicationRunner {

	private final RegistryService registry;

	private final OrganizationService organizations;

	private final Judging judging;

	private final ContestEntries contestEntries;

	static final String MARKER = "demo-data.contest";

	private static final Logger log = LoggerFactory.getLogger(ContestDemoData.class);

	private static final String DEMO_PASSWORD = "Demo@2026";

	private static final String[][] JURORS = { { "giamkhao2", "Đặng Quốc Việt", null },
			{ "giamkhao3", "Vương Thị Thu Trang", "Báo Sơn Hà" }, { "giamkhao4", "Hà Minh Châu", null },
			{ "giamkhao5", "Triệu Văn Bình", null } };

	private final boolean enabled;

	private final ContestService contests;

	private final AccountService accounts;

	private final Rubrics rubrics;

	private final SettingsStore settings;

	private final JdbcClient jdbc;

	private final PressKit kit;

	ContestDemoData(@Value("${dvk.demo-data:true}") boolean enabled, ContestService contests, AccountService accounts,
			Rubrics rubrics, SettingsStore settings, JdbcClient jdbc, PressKit kit, ContestEntries entries, Judging judging, OrganizationService organizations, RegistryService registry) {
		this.registry = registry;
		this.organizations = organizations;
		this.judging = judging;
		this.contestEntries = entries;
		this.kit = kit;
		this.enabled = enabled;
		this.contests = contests;
		this.accounts = accounts;
		this.rubrics = rubrics;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || settings.get(MARKER).isPresent() || accounts.findByUsername("giamkhao").isEmpty()
				|| accounts.findByUsername("phongvien").isEmpty()) {
			return;
		}
		DvkUser system = DvkUser.of(0, AuditLog.SYSTEM, "Hệ thống", EnumSet.of(Role.ADMIN), AccessScope.PROVINCE, null);
		SystemActor.run(() -> load(system));
		settings.put(MARKER, Instant.now().toString());
	}

	private void load(DvkUser system) {
		int year = LocalDate.now(RegistryFigures.ZONE).getYear();
		LocalDate today = LocalDate.now(RegistryFigures.ZONE);
		List<DvkUser> jurors = new ArrayList<>();
		jurors.add(user(accounts.findByUsername("giamkhao").orElseThrow()));
		Map<Long, String> outlets = new HashMap<>();
		for (String[] j : JURORS) {
			UserView u = accounts.findByUsername(j[0]).orElseGet(() -> accounts.create(new UserCommand(j[0], j[1],
					j[0] + "@demo.dvk.vn", DEMO_PASSWORD, EnumSet.of(Role.JURY), null, AccessScope.PROVINCE)));
			jurors.add(user(u));
			outlets.put(u.id(), j[2]);
		}
		DvkUser reporter = user(accounts.findByUsername("phongvien").orElseThrow());
		UserView second = accounts.findByUsername("phongvien2").orElseGet(() -> accounts.create(new UserCommand(
				"phongvien2", "Lương Thị Kim Oanh", "phongvien2@demo.dvk.vn", DEMO_PASSWORD, EnumSet.of(Role.JOURNALIST),
				organizations.search(new vn.dvk.locality.OrganizationQuery("Báo Sơn Hà", null, null, false),
						new vn.dvk.shared.PageResult.Request(0, 5)).items().get(0).id(),
				AccessScope.ORGANIZATION)));
		DvkUser reporter2 = user(second);
		long press = rubrics.templates().stream().filter(t -> t.name().equals("Tác phẩm báo chí về gương “Dân vận khéo”"))
			.findFirst().orElseThrow().id();
		List<Long> models = registry.directory(new vn.dvk.registry.ModelQuery(null, null, null, null, null,
				java.util.Set.of(vn.dvk.registry.ModelStatus.RECOGNIZED, vn.dvk.registry.ModelStatus.COMMENDED,
						vn.dvk.registry.ModelStatus.MAINTAINED), null, null, null),
				new vn.dvk.shared.PageResult.Request(0, 200)).items().stream().map(vn.dvk.registry.ModelSummary::id)
			.sorted().toList();

		// 1. Last year's contest, judged and published
		Contest past = contests.create(system, "Cuộc thi báo chí viết về gương điển hình “Dân vận khéo” năm " + (year - 1),
				"Tác phẩm viết về tập thể, cá nhân điển hình trong phong trào thi đua “Dân vận khéo” trên địa bàn tỉnh, "
						+ "đã đăng, phát trên báo chí trong thời gian quy định. Mỗi tác giả gửi tối đa 3 tác phẩm.",
				Integer.toString(year - 1), LocalDate.of(year - 2, 11, 1), LocalDate.of(year - 1, 9, 30),
				today.plusDays(1), 20, List.of("Báo in", "Báo điện tử"),
				List.of(new String[] { "Báo in", "A", "Giải A", "1", "10000000" },
						new String[] { "Báo in", "B", "Giải B", "1", "7000000" },
						new String[] { "Báo in", "C", "Giải C", "1", "5000000" },
						new String[] { "Báo điện tử", "A", "Giải A", "1", "10000000" },
						new String[] { "Báo điện tử", "B", "Giải B", "1", "7000000" },
						new String[] { "Báo điện tử", "C", "Giải C", "1", "5000000" }));
		long print = past.categories().get(0).id();
		long online = past.categories().get(1).id();
		String[][] works = {
				{ "Người “giữ lửa” đoàn kết ở bản vùng cao", "Báo Sơn Hà", "P" },
				{ "Hiến đất mở đường: khi lòng dân đã thuận", "Báo Sơn Hà", "P" },
				{ "Một cửa thân thiện – chuyện ở phường Đông Hải", "Tạp chí Dân vận Sơn Hà", "P" },
				{ "Chi hội trưởng nông dân và 120 hộ thoát nghèo", "Tạp chí Dân vận Sơn Hà", "P" },
				{ "Dân vận khéo nơi khu công nghiệp: công nhân có nhà trọ sạch", "Báo điện tử Sơn Hà Online", "O" },
				{ "Già làng và con đường bê tông 3,5 km", "Báo điện tử Sơn Hà Online", "O" },
				{ "Tổ hòa giải “ba cùng” ở xóm đạo", "Báo Sơn Hà điện tử", "O" },
				{ "Những người lính Cụ Hồ làm dân vận giỏi", "Báo Sơn Hà điện tử", "O" } };
		List<Long> entries = new ArrayList<>();
		for (int i = 0; i < works.length; i++) {
			DvkUser who = i % 2 == 0 ? reporter : reporter2;
			ContestRecords.Entry e = contestEntries.submit(who, past.id(), new EntryDraft("P".equals(works[i][2]) ? print : online,
					works[i][0], List.of(new Author(who.fullName(), i % 3 == 0 ? "Minh Đức" : null)), works[i][1],
					LocalDate.of(year - 1, 1 + i, 10), "https://baosonha.vn/demo/" + (year - 1) + "/tac-pham-" + (i + 1),
					"Phản ánh điển hình “Dân vận khéo” với kết quả cụ thể, được người dân đồng tình.",
					models.isEmpty() ? List.of() : List.of(models.get(i % models.size())), List.of()));
			entries.add(e.id());
		}
		for (int i = 0; i < entries.size(); i++) {
			contestEntries.checkEligibility(system, entries.get(i), i != 7, i != 7 ? null
					: "Tác phẩm đã đoạt giải ở một cuộc thi khác cùng năm, không đúng thể lệ.");
		}
		Round pre = contests.addRound(system, past.id(), Stage.PRELIMINARY, "Vòng sơ khảo", LocalDate.of(year - 1, 10, 20),
				LocalDate.of(year - 1, 11, 5), press, Aggregation.Method.TRIMMED_MEAN, true);
		for (DvkUser j : jurors) {
			contests.addJuror(system, pre.id(), j.id(), outlets.get(j.id()));
		}
		scoreAll(pre, jurors, rubrics.criteria(press), 0);
		Round fin = contests.addRound(system, past.id(), Stage.FINAL, "Vòng chung khảo", LocalDate.of(year - 1, 11, 10),
				LocalDate.of(year - 1, 11, 25), press, Aggregation.Method.MEAN, false);
		for (DvkUser j : jurors.subList(0, 3)) {
			contests.addJuror(system, fin.id(), j.id(), outlets.get(j.id()));
		}
		List<Long> advance = new ArrayList<>();
		List<ContestRecords.ResultLine> preResults = contests.results(system, pre.id());
		preResults.stream().filter(l -> l.rank() != null && l.rank() <= 3).forEach(l -> advance.add(l.entryId()));
		contests.advance(system, pre.id(), advance);
		scoreAll(fin, jurors.subList(0, 3), rubrics.criteria(press), 3);
		for (ContestRecords.ResultLine l : contests.results(system, fin.id())) {
			if (l.rank() == null) {
				continue;
			}
			ContestRecords.Category cat = contests.contest(past.id()).categories().stream()
				.filter(c -> c.name().equals(l.category())).findFirst().orElseThrow();
			contests.award(system, l.entryId(), cat.prizes().get(l.rank() - 1).id());
		}
		contests.publish(system, past.id(), false);
		contests.reschedule(system, past.id(), LocalDate.of(year - 1, 10, 15),
				LocalDate.of(year - 1, 12, 3).atStartOfDay(RegistryFigures.ZONE).toInstant());

		// 2. This year's contest, open for entries
		Contest open = contests.create(system, "Cuộc thi báo chí viết về gương điển hình “Dân vận khéo” năm " + year,
				"Tác phẩm đăng, phát trong thời gian quy định, viết về mô hình, điển hình “Dân vận khéo” đã được công nhận. "
						+ "Tác phẩm truyền hình, phát thanh có thể gửi đường dẫn nếu tệp quá lớn.",
				Integer.toString(year), LocalDate.of(year - 1, 10, 1), LocalDate.of(year, 12, 31), today.plusDays(30), 50,
				List.of("Báo in", "Báo điện tử", "Truyền hình", "Phát thanh"),
				List.of(new String[] { "Báo in", "A", "Giải A", "1", "12000000" },
						new String[] { "Báo điện tử", "A", "Giải A", "1", "12000000" },
						new String[] { "Truyền hình", "A", "Giải A", "1", "15000000" },
						new String[] { "Phát thanh", "A", "Giải A", "1", "10000000" }));
		ContestRecords.Entry first = contestEntries.submit(reporter, open.id(), new EntryDraft(open.categories().get(2).id(),
				"Phóng sự: Dân vận khéo trên công trường cao tốc", List.of(new Author(reporter.fullName(), null),
						new Author("Nguyễn Văn Hải", "Hải Nguyễn")), "Đài Phát thanh và Truyền hình Sơn Hà",
				today.minusDays(40), "https://sonhatv.vn/demo/phong-su-cao-toc", "Phóng sự 12 phút về tổ vận động giải "
						+ "phóng mặt bằng.", models.isEmpty() ? List.of() : List.of(models.get(0)), List.of()));
		contestEntries.submit(reporter2, open.id(), new EntryDraft(open.categories().get(1).id(),
				"Mô hình “Chợ phiên không tiền mặt” – khi cán bộ đi từng nhà", List.of(new Author(reporter2.fullName(), null)),
				"Báo điện tử Sơn Hà Online", today.minusDays(20), "https://baosonha.vn/demo/cho-phien-khong-tien-mat",
				null, List.of(), List.of()));
		contestEntries.checkEligibility(system, first.id(), true, null);
		Round openPre = contests.addRound(system, open.id(), Stage.PRELIMINARY, "Vòng sơ khảo", today.plusDays(31),
				today.plusDays(45), press, Aggregation.Method.NORMALIZED, true);
		for (DvkUser j : jurors.subList(0, 3)) {
			contests.addJuror(system, openPre.id(), j.id(), outlets.get(j.id()));
		}
		// the press kit: three exemplars the committee recommends to journalists
		String[] notes = { "Cách làm dễ nhân rộng, số liệu kết quả rõ ràng.", "Câu chuyện con người cảm động, nhiều hình ảnh.",
				"Điển hình ở vùng đồng bào dân tộc thiểu số." };
		for (int i = 0; i < Math.min(3, models.size()); i++) {
			kit.recommend(system, models.get(i), true, notes[i]);
		}
		log.info("Loaded demo contests: one published ({} entries), one open", entries.size());
	}

	/** Every juror scores every entry of the round they are not conflicted on, deterministic but varied. */
	private void scoreAll(Round round, List<DvkUser> jurors, List<Rubrics.Criterion> criteria, int seed) {
		Map<String, vn.dvk.judging.ConflictKind> conflicts = judging.conflicts(round.panelId());
		for (int j = 0; j < jurors.size(); j++) {
			for (Long entry : judging.subjects(round.panelId())) {
				if (conflicts.containsKey(jurors.get(j).id() + ":" + entry)) {
					continue;
				}
				Map<Long, Double> sheet = new HashMap<>();
				for (int k = 0; k < criteria.size(); k++) {
					double max = criteria.get(k).maxScore();
					double share = 0.55 + ((entry * 7 + j * 3 + k * 5 + seed) % 9) * 0.05;
					sheet.put(criteria.get(k).id(), Math.min(max, Math.round(max * share * 2) / 2.0));
				}
				judging.score(jurors.get(j), round.panelId(), entry, sheet, Map.of(), true);
			}
		}
	}

	private static DvkUser user(UserView u) {
		return DvkUser.of(u.id(), u.username(), u.fullName(), u.roles(), u.scope(), u.organizationId());
	}

}
