package vn.dvk.demo;

import vn.dvk.poll.PollService;

import vn.dvk.poll.PollRules;

import vn.dvk.poll.PollDraft;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

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
import vn.dvk.registry.ModelKind;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelSummary;
import vn.dvk.registry.RegistryService;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SettingsStore;
import vn.dvk.system.SystemActor;

/** A demo poll on the home page: the province's exemplars of the year, open for a month, results live. */
@Component
@Order(60)
class PollDemoData implements ApplicationRunner {

	static final String MARKER = "demo-data.polls";

	private static final Logger log = LoggerFactory.getLogger(PollDemoData.class);

	private final boolean enabled;

	private final PollService polls;

	private final RegistryService registry;

	private final SettingsStore settings;

	PollDemoData(@Value("${dvk.demo-data:true}") boolean enabled, PollService polls, RegistryService registry,
			SettingsStore settings) {
		this.enabled = enabled;
		this.polls = polls;
		this.registry = registry;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || settings.get(MARKER).isPresent()) {
			return;
		}
		List<ModelSummary> exemplars = registry
			.directory(new ModelQuery(null, null, null, null, null, null, null, null, ModelKind.EXEMPLAR),
					new PageResult.Request(0, 5))
			.items();
		if (exemplars.size() < 2) {
			return;
		}
		DvkUser system = DvkUser.of(0, AuditLog.SYSTEM, "Hệ thống", EnumSet.of(Role.ADMIN), AccessScope.PROVINCE, null);
		Instant now = Instant.now();
		SystemActor.run(() -> polls.create(system, new PollDraft(
				"Bình chọn gương điển hình “Dân vận khéo” tiêu biểu năm 2026",
				"Mời bạn đọc chọn gương điển hình mà mình thấy đáng học tập nhất. Mỗi người được bình chọn một lần "
						+ "mỗi ngày; kết quả được cập nhật trực tiếp.",
				exemplars.stream().map(m -> new PollDraft.Option(null, m.id())).toList(), 1,
				now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(27)), PollRules.VoterRule.OPEN,
				PollRules.Frequency.DAILY, PollRules.ResultsVisibility.LIVE, false, null)));
		settings.put(MARKER, now.toString());
		log.info("Loaded a demo poll with {} exemplars", exemplars.size());
	}

}
