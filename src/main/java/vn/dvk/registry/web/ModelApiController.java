package vn.dvk.registry.web;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.dvk.account.DvkUser;
import vn.dvk.registry.ContentItem;
import vn.dvk.registry.ImportMode;
import vn.dvk.registry.ImportReport;
import vn.dvk.registry.LineageNode;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelSummary;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.QualityFlag;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** Open data on models and exemplars: anonymous callers see recognized ones, staff also their scope. */
@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "Mô hình, điển hình", description = "Models and exemplars of the movement")
class ModelApiController {

	private final RegistryService registry;

	private final Texts texts;

	ModelApiController(RegistryService registry, Texts texts) {
		this.registry = registry;
		this.texts = texts;
	}

	record LocalityRef(String code, String name) {
	}

	record Spread(int communes, int organizations) {
	}

	record ModelItem(long id, String code, String name, String kind, String subjectType, String field,
			LocalityRef locality, String organization, String status, String recognitionLevel, Spread spread,
			List<String> flags, String url) {
	}

	record ModelPage(List<ModelItem> items, long total, int page, int size) {
	}

	@GetMapping
	@Operation(summary = "Models in rank order for q, newest first otherwise; filters and paging")
	ModelPage list(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String field, @RequestParam(required = false) String locality,
			@RequestParam(required = false) Long organization, @RequestParam(required = false) ModelStatus status,
			@RequestParam(required = false) QualityFlag flag, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		ModelQuery query = new ModelQuery(q, field, locality, organization, null,
				status == null ? null : EnumSet.of(status), flag, null, null);
		PageResult<ModelSummary> result = registry.list(user, query, PageResult.Request.of(page, size));
		return new ModelPage(result.items().stream().map(ModelApiController::item).toList(), result.total(),
				result.page(), result.size());
	}

	static ModelItem item(ModelSummary s) {
		return new ModelItem(s.id(), s.code(), s.name(), s.kind().name(), s.subjectType().name(), s.fieldCode(),
				new LocalityRef(s.localityCode(), s.localityName()), s.organizationName(), s.status().name(),
				s.recognitionLevel() == null ? null : s.recognitionLevel().name(),
				new Spread(s.spreadLocalities(), s.spreadOrganizations()),
				s.flags().stream().map(Enum::name).toList(), s.status().isPublic() ? s.publicPath() : null);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import models from XLSX or CSV; dryRun=true only checks, mode=all-or-nothing|valid-rows")
	ResponseEntity<Map<String, Object>> importFile(@AuthenticationPrincipal DvkUser user,
			@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "true") boolean dryRun,
			@RequestParam(defaultValue = "all-or-nothing") String mode) throws IOException {
		if (file.isEmpty()) {
			throw UserFacingException.badRequest("shared.file.empty");
		}
		ImportReport report = registry.importFile(user, file.getBytes(), file.getOriginalFilename(), !dryRun,
				ImportMode.of(mode));
		boolean refused = !dryRun && !report.committed() && report.hasErrors();
		Map<String, Object> body = new LinkedHashMap<>();
		if (refused) {
			body.put("status", 422);
			body.put("error", "Unprocessable Content");
			body.put("message", texts.get("registry.import.refused", report.rejected().size()));
		}
		body.put("rows", report.rows());
		body.put("imported", report.imported());
		body.put("updated", report.updated());
		body.put("unchanged", report.unchanged());
		body.put("rejected", report.rejected()
			.stream()
			.map(r -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("row", r.row());
				m.put("column", r.column());
				m.put("errors", r.errors().stream().map(p -> texts.get(p.key(), p.arguments())).toList());
				return m;
			})
			.toList());
		body.put("ignoredColumns", report.ignoredColumns());
		body.put("dryRun", dryRun);
		body.put("committed", report.committed());
		return ResponseEntity.status(refused ? 422 : 200).body(body);
	}

	@GetMapping("/export.xlsx")
	@Operation(summary = "The filtered list as XLSX (streamed)")
	void exportXlsx(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String field, @RequestParam(required = false) String locality,
			@RequestParam(required = false) Long organization, @RequestParam(required = false) ModelStatus status,
			@RequestParam(required = false) QualityFlag flag, Locale locale, HttpServletResponse response)
			throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"mo-hinh-dien-hinh.xlsx\"");
		registry.exportOpenData(user, new ModelQuery(q, field, locality, organization, null,
				status == null ? null : EnumSet.of(status), flag, null, null), true, response.getOutputStream(), locale);
	}

	@GetMapping("/export.csv")
	@Operation(summary = "The filtered list as CSV (UTF-8, streamed)")
	void exportCsv(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String field, @RequestParam(required = false) String locality,
			@RequestParam(required = false) Long organization, @RequestParam(required = false) ModelStatus status,
			@RequestParam(required = false) QualityFlag flag, Locale locale, HttpServletResponse response)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"mo-hinh-dien-hinh.csv\"");
		registry.exportOpenData(user, new ModelQuery(q, field, locality, organization, null,
				status == null ? null : EnumSet.of(status), flag, null, null), false, response.getOutputStream(), locale);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One model with its indicators, number of versions and replication parent and children")
	Map<String, Object> one(@AuthenticationPrincipal DvkUser user, @PathVariable long id) {
		ModelView m = registry.get(user, id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", m.id());
		body.put("code", m.code());
		body.put("name", m.name());
		body.put("kind", m.kind().name());
		body.put("subjectType", m.subjectType().name());
		body.put("field", m.fieldCode());
		body.put("locality", new LocalityRef(m.localityCode(), m.localityName()));
		body.put("organization", m.organizationName());
		body.put("phase", m.phase());
		body.put("startYear", m.startYear());
		body.put("status", m.status().name());
		body.put("recognitionLevel", m.recognitionLevel() == null ? null : m.recognitionLevel().name());
		body.put("recognitionDecision", m.recognitionDecision());
		body.put("recognitionDate", m.recognitionDate());
		Map<String, String> content = new LinkedHashMap<>();
		for (ContentItem item : ContentItem.values()) {
			content.put(item.property(), m.content().get(item));
		}
		body.put("content", content);
		body.put("focusAreas", m.focusAreas());
		body.put("movements", m.movements());
		body.put("indicators", m.indicators());
		body.put("versions", m.revision());
		body.put("replicaOf", m.replicaOf());
		LineageNode tree = registry.lineage(user, id);
		body.put("replicas", children(tree, id));
		body.put("spread", new Spread(m.spreadLocalities(), m.spreadOrganizations()));
		body.put("flags", m.flags().stream().map(Enum::name).toList());
		body.put("url", m.status().isPublic() ? m.publicPath() : null);
		return body;
	}

	private static List<Long> children(LineageNode node, long id) {
		if (node.id() == id) {
			return node.replicas().stream().map(LineageNode::id).toList();
		}
		for (LineageNode child : node.replicas()) {
			List<Long> found = children(child, id);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
