package vn.dvk.demo;

import vn.dvk.commendation.CommendationService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
 * Demo commendation: the 2021–2025 conference with its awardees (the demo's commended models), and the 2026
 * conference being prepared (two accepted nominations, two proposals waiting).
 */
@Component
@Order(80)
class CommendationDemoData implements ApplicationRunner {

	static final String MARKER = "demo-data.commendation";

	private static final Logger log = LoggerFactory.getLogger(CommendationDemoData.class);

	private static final String MERIT = "Bằng khen của Ban Thường vụ Tỉnh ủy";

	private static final String PRAISE = "Giấy khen của Ban Dân vận Tỉnh ủy";

	private final boolean enabled;

	private final CommendationService commendations;

	private final RegistryService registry;

	private final SettingsStore settings;

	CommendationDemoData(@Value("${dvk.demo-data:true}") boolean enabled, CommendationService commendations,
			RegistryService registry, SettingsStore settings) {
		this.enabled = enabled;
		this.commendations = commendations;
		this.registry = registry;
		this.settings = settings;
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
		List<ModelSummary> commended = models(system, ModelStatus.COMMENDED, 13);
		List<ModelSummary> recognized = models(system, ModelStatus.RECOGNIZED, 4);
		if (commended.size() < 13 || recognized.size() < 4) {
			return;
		}
		CommendationService.Conference past = commendations.create(system, new CommendationService.NewConference(
				"Hội nghị biểu dương điển hình “Dân vận khéo” giai đoạn 2021–2025", "PROVINCE", "2021–2025",
				LocalDate.of(2025, 10, 15), "Hội trường Tỉnh ủy Sơn Hà", "1250-QĐ/TU", LocalDate.of(2025, 10, 10),
				List.of(new String[] { MERIT, "5" }, new String[] { PRAISE, "10" })));
		for (int i = 0; i < commended.size(); i++) {
			CommendationService.AwardForm form = past.awardForms().get(i < 5 ? 0 : 1);
			commendations.nominate(system, past.id(), commended.get(i).id(), form.id(),
					"Có nhiều thành tích trong phong trào thi đua “Dân vận khéo” giai đoạn 2021–2025.");
		}
		CommendationService.Conference next = commendations.create(system, new CommendationService.NewConference(
				"Hội nghị biểu dương mô hình “Dân vận khéo” năm 2026", "PROVINCE", "2026",
				VietnameseFormats.today().plusDays(30), "Trung tâm Hội nghị tỉnh Sơn Hà", null, null,
				List.of(new String[] { MERIT, "3" }, new String[] { PRAISE, "8" })));
		for (int i = 0; i < recognized.size(); i++) {
			CommendationService.AwardForm form = next.awardForms().get(i % 2);
			if (i < 2) {
				commendations.nominate(system, next.id(), recognized.get(i).id(), form.id(),
						"Mô hình tiêu biểu, được nhân rộng ở nhiều địa phương trong năm 2026.");
			}
			else {
				commendations.propose(system, next.id(), recognized.get(i).id(), form.id(),
						"Đơn vị đề xuất: mô hình duy trì hiệu quả, người dân đồng tình hưởng ứng.");
			}
		}
		log.info("Loaded demo commendation: 2 conferences, {} awardees", commended.size() + 2);
	}

	private List<ModelSummary> models(DvkUser system, ModelStatus status, int count) {
		return registry
			.list(system, new ModelQuery(null, null, null, null, null, Set.of(status), null, null, null),
					new PageResult.Request(0, count))
			.items();
	}

}
