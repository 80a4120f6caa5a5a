package vn.dvk.demo;

import vn.dvk.registry.ModelStatus;

import vn.dvk.registry.SubjectType;

import vn.dvk.registry.RecognitionLevel;

import vn.dvk.registry.ModelKind;

import vn.dvk.registry.ModelDraft;

import vn.dvk.registry.Indicator;

import vn.dvk.registry.RegistryService;

import vn.dvk.registry.ModelContent;

import vn.dvk.registry.ModelView;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.dvk.account.AccessScope;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationCommand;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SettingsStore;
import vn.dvk.system.SystemActor;
import vn.dvk.shared.VietnameseText;

/**
 * Demo models and exemplars written for this project ({@code demo/models-*.json}): loaded once, after the demo
 * province, through the registry's own service so every rule applies; each walks its lifecycle to the status the
 * file gives, recognized ones get a drawn illustration as cover photo, and replicas are linked to their originals.
 */
@Component
@Order(40)
class RegistryDemoData implements ApplicationRunner {

	static final String MARKER = "demo-data.registry";

	private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);

	private static final List<String> FILES = List.of("demo/models-a.json", "demo/models-b.json");

	private final boolean enabled;

	private final RegistryService registry;

	private final OrganizationService organizations;

	private final LocalityService localities;

	private final SettingsStore settings;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	RegistryDemoData(@Value("${dvk.demo-data:true}") boolean enabled, RegistryService registry,
			OrganizationService organizations, LocalityService localities, SettingsStore settings,
			TransactionTemplate tx, JsonMapper json) {
		this.enabled = enabled;
		this.registry = registry;
		this.organizations = organizations;
		this.localities = localities;
		this.settings = settings;
		this.tx = tx;
		this.json = json;
	}

	record DemoIndicator(String name, BigDecimal value, String unit, LocalDate asOf) {
	}

	record DemoUpdate(LocalDate date, String note, List<DemoIndicator> indicators) {
	}

	record DemoRecognition(String level, LocalDate date, String decisionNo) {
	}

	record DemoOrganization(String name, String type) {
	}

	record DemoModel(String key, String kind, String subjectType, String name, String field,
			DemoOrganization organization, String localityCode, Integer startYear, String phase, String status,
			DemoRecognition recognition, String returnComment, String rejectReason, List<String> focusAreas,
			List<String> movements, String situation, String goals, String contentMethod, String areaTarget,
			String forces, String resources, String timeline, String outputs, String sustainability,
			List<DemoIndicator> indicators, List<DemoUpdate> updates, String replicates, String photo) {
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!enabled || settings.get(MARKER).isPresent() || localities.findCurrent("99").isEmpty()) {
			return;
		}
		List<DemoModel> all = new ArrayList<>();
		for (String file : FILES) {
			ClassPathResource resource = new ClassPathResource(file);
			if (!resource.exists()) {
				continue;
			}
			try (InputStream in = resource.getInputStream()) {
				all.addAll(json.readValue(in, new TypeReference<List<DemoModel>>() {
				}));
			}
		}
		if (all.isEmpty()) {
			return;
		}
		DvkUser system = DvkUser.of(0, vn.dvk.system.AuditLog.SYSTEM, "Hệ thống", EnumSet.of(Role.ADMIN),
				AccessScope.PROVINCE, null);
		long started = System.nanoTime();
		SystemActor.run(() -> tx.executeWithoutResult(status -> load(all, system)));
		log.info("Loaded {} demo models and exemplars in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
	}

	private void load(List<DemoModel> all, DvkUser system) {
		Map<String, Long> ids = new HashMap<>();
		Map<String, Long> orgIds = new HashMap<>();
		List<DemoModel> replicas = new ArrayList<>();
		long seed = 1;
		for (DemoModel d : all) {
			long orgId = organization(d, orgIds);
			ModelView m = registry.create(system, new ModelDraft(ModelKind.valueOf(d.kind()),
					SubjectType.valueOf(d.subjectType()), d.name(), d.field(), orgId, d.localityCode(), d.phase(),
					d.startYear(),
					new ModelContent(d.situation(), d.goals(), d.contentMethod(), d.areaTarget(), d.forces(),
							d.resources(), d.timeline(), d.outputs(), d.sustainability()),
					new LinkedHashSet<>(nullSafe(d.focusAreas())), new LinkedHashSet<>(nullSafe(d.movements())),
					nullSafe(d.indicators()).stream()
						.map(i -> new Indicator(i.name(), i.value(), i.unit(), i.asOf()))
						.toList()));
			ids.put(d.key(), m.id());
			ModelStatus target = ModelStatus.valueOf(d.status());
			walk(system, m.id(), d, target);
			if (d.photo() != null && target.isRecognized()) {
				registry.addEvidence(system, m.id(), d.photo() + ".jpg", vn.dvk.demo.Illustrations.draw(d.photo(), seed++),
						null);
			}
			if (d.replicates() != null) {
				replicas.add(d);
			}
		}
		for (DemoModel d : replicas) {
			Long original = ids.get(d.replicates());
			if (original != null) {
				registry.linkReplication(system, ids.get(d.key()), original);
			}
		}
		settings.put(MARKER, LocalDate.now().toString());
	}

	/** Moves a new draft along the lifecycle to the status the demo file gives. */
	private void walk(DvkUser system, long id, DemoModel d, ModelStatus target) {
		if (target == ModelStatus.DRAFT) {
			return;
		}
		if (target == ModelStatus.RETURNED || target == ModelStatus.SUBMITTED || target == ModelStatus.UNDER_APPRAISAL
				|| target == ModelStatus.REJECTED) {
			registry.submit(system, id);
			switch (target) {
				case RETURNED -> registry.returnForRevision(system, id,
						d.returnComment() == null ? "Đề nghị bổ sung số liệu kết quả cụ thể." : d.returnComment());
				case UNDER_APPRAISAL -> registry.passToAppraisal(system, id);
				case REJECTED -> registry.reject(system, id,
						d.rejectReason() == null ? "Chưa đáp ứng tiêu chí công nhận." : d.rejectReason());
				default -> {
				}
			}
			return;
		}
		DemoRecognition r = d.recognition();
		if (r == null) {
			return;
		}
		registry.recognize(system, id, RecognitionLevel.valueOf(r.level()), r.decisionNo(), r.date());
		for (DemoUpdate u : nullSafe(d.updates())) {
			registry.addResultUpdate(system, id, u.date(), u.note(), nullSafe(u.indicators()).stream()
				.map(i -> new Indicator(i.name(), i.value(), i.unit(), u.date()))
				.toList());
		}
		if (target == ModelStatus.COMMENDED) {
			registry.commend(system, id, "Bằng khen của Ủy ban nhân dân tỉnh Sơn Hà");
		}
		else if (target == ModelStatus.DISCONTINUED) {
			registry.discontinue(system, id, "Đơn vị đề nghị dừng do thay đổi địa giới và nhân sự phụ trách.");
		}
	}

	/** The organization named by the demo entry, created in the entry's commune when it does not exist yet. */
	private long organization(DemoModel d, Map<String, Long> cache) {
		String key = VietnameseText.fold(d.organization().name());
		Long cached = cache.get(key);
		if (cached != null) {
			return cached;
		}
		Optional<OrganizationView> existing = organizations
			.search(new OrganizationQuery(d.organization().name(), null, null, false), new PageResult.Request(0, 50))
			.items()
			.stream()
			.filter(o -> VietnameseText.fold(o.name()).equals(key))
			.findFirst();
		long id;
		if (existing.isPresent()) {
			id = existing.get().id();
		}
		else {
			Locality locality = localities.findCurrent(d.localityCode()).orElseThrow();
			Long parent = organizations
				.search(new OrganizationQuery(null, d.organization().type(), "99", false), new PageResult.Request(0, 50))
				.items()
				.stream()
				.filter(o -> "99".equals(o.localityCode()))
				.map(OrganizationView::id)
				.findFirst()
				.orElse(null);
			id = organizations.create(new OrganizationCommand(d.organization().name(), d.organization().type(),
					locality.code(), parent, null, null)).id();
		}
		cache.put(key, id);
		return id;
	}

	private static <T> List<T> nullSafe(List<T> list) {
		return list == null ? List.of() : list;
	}

}
