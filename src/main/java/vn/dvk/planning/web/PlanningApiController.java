package vn.dvk.planning.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvk.account.DvkUser;
import vn.dvk.planning.DirectiveService;
import vn.dvk.planning.MonitoringService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;

/** The lagging units (staff) and the public list of directive documents. */
@RestController
@RequestMapping("/api/v1")
class PlanningApiController {

	private final MonitoringService monitoring;

	private final DirectiveService directives;

	private final Texts texts;

	PlanningApiController(MonitoringService monitoring, DirectiveService directives, Texts texts) {
		this.monitoring = monitoring;
		this.directives = directives;
		this.texts = texts;
	}

	/** {@code {"items":[{"organizationId","name","locality","reasons":["…"]}]}}; reasons read in the request's language. */
	@GetMapping("/monitoring/lagging")
	Map<String, Object> lagging(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(vn.dvk.registry.RegistryFigures.ZONE).getYear() : year;
		List<Map<String, Object>> items = monitoring.lagging(user, y)
			.stream()
			.map(u -> Map.<String, Object>of("organizationId", u.organizationId(), "name", u.name(), "locality",
					u.locality(), "reasons", u.findings()
						.stream()
						.map(f -> texts.get("planning.reason.detail." + f.reason().name(), f.detail()))
						.toList(), "codes", u.findings().stream().map(f -> f.reason().name()).toList()))
			.toList();
		return Map.of("year", y, "items", items);
	}

	@GetMapping("/documents")
	Map<String, Object> documents(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		PageResult<DirectiveService.Document> result = directives.search(q, type, year,
				new PageResult.Request(Math.max(0, page), size));
		return Map.of("items", result.items()
			.stream()
			.map(d -> Map.of("id", d.id(), "number", d.number(), "type", d.type(), "issuer", d.issuer(), "issuedOn",
					d.issuedOn().toString(), "title", d.title(), "hasFile", d.fileName() != null))
			.toList(), "total", result.total(), "page", result.page());
	}

}
