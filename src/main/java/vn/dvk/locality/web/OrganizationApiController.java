package vn.dvk.locality.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvk.locality.OrganizationCommand;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;

/** Open data on organizations, and their creation by administrators. */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Cơ quan, đơn vị", description = "Agencies and organizations")
class OrganizationApiController {

	private final OrganizationService organizations;

	OrganizationApiController(OrganizationService organizations) {
		this.organizations = organizations;
	}

	record OrganizationItem(long id, String name, String type, String localityCode) {
	}

	record OrganizationPage(List<OrganizationItem> items, long total, int page, int size) {
	}

	/** Body of a creation; {@code type} is an organization type code such as {@code FARMERS_UNION}. */
	record NewOrganization(String name, String type, String localityCode, Long parentId, String email, String phone) {
	}

	@GetMapping
	@Operation(summary = "Active organizations, by text and/or locality code (the unit and every unit under it); paged")
	OrganizationPage list(@RequestParam(required = false) String q, @RequestParam(required = false) String locality,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageResult<OrganizationView> result = organizations.search(new OrganizationQuery(q, type, locality, false),
				PageResult.Request.of(page, size));
		return new OrganizationPage(result.items()
			.stream()
			.map(o -> new OrganizationItem(o.id(), o.name(), o.typeCode(), o.localityCode()))
			.toList(), result.total(), result.page(), result.size());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One organization")
	OrganizationItem one(@PathVariable long id) {
		OrganizationView o = organizations.find(id)
			.filter(OrganizationView::active)
			.orElseThrow(() -> UserFacingException.notFound("organization.notFound"));
		return new OrganizationItem(o.id(), o.name(), o.typeCode(), o.localityCode());
	}

	@PostMapping
	@Operation(summary = "Create an organization (ADMIN)")
	ResponseEntity<Map<String, Object>> create(@RequestBody NewOrganization body) {
		OrganizationView created = organizations.create(new OrganizationCommand(body.name(), body.type(),
				body.localityCode(), body.parentId(), body.email(), body.phone()));
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
			.body(Map.of("id", created.id()));
	}

}
