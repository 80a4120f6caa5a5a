package vn.dvk.locality.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.dvk.locality.ImportReport;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityQuery;
import vn.dvk.locality.LocalityService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** Open data on administrative units, and import of the official lists for administrators. */
@RestController
@RequestMapping("/api/v1/localities")
@Tag(name = "Đơn vị hành chính", description = "Administrative units (provinces, communes) and their import")
class LocalityApiController {

	private final LocalityService localities;

	private final Texts texts;

	LocalityApiController(LocalityService localities, Texts texts) {
		this.localities = localities;
		this.texts = texts;
	}

	record LocalityItem(String code, String name, String type, String parentCode) {
	}

	record LocalityPage(List<LocalityItem> items, long total, int page, int size) {
	}

	@GetMapping
	@Operation(summary = "Units valid today, by parent code and/or diacritic-insensitive text; paged")
	LocalityPage list(@RequestParam(required = false) String parent, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageResult<Locality> result = localities.search(new LocalityQuery(q, parent, null, false),
				PageResult.Request.of(page, size));
		return new LocalityPage(
				result.items().stream().map(l -> new LocalityItem(l.code(), l.name(), l.type().name(), l.parentCode()))
					.toList(),
				result.total(), result.page(), result.size());
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import an official list (CSV or XLSX); dryRun=true only reports what would change")
	ResponseEntity<Map<String, Object>> importFile(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "true") boolean dryRun,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom)
			throws IOException {
		if (file.isEmpty()) {
			throw UserFacingException.badRequest("shared.file.empty");
		}
		ImportReport report = localities.importFile(file.getBytes(), file.getOriginalFilename(), validFrom, !dryRun);
		Map<String, Object> body = new LinkedHashMap<>();
		boolean refused = !dryRun && !report.committed();
		if (refused) {
			body.put("status", HttpStatus.UNPROCESSABLE_CONTENT.value());
			body.put("error", HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase());
			body.put("message", texts.get("locality.import.refused", report.rejected().size()));
		}
		body.put("layout", report.layout());
		body.put("rows", report.rows());
		body.put("created", refused ? 0 : report.created());
		body.put("updated", refused ? 0 : report.updated());
		body.put("unchanged", refused ? 0 : report.unchanged());
		body.put("rejected", report.rejected()
			.stream()
			.map(r -> Map.of("row", r.row(), "errors",
					r.errors().stream().map(m -> texts.get(m.key(), m.arguments())).toList()))
			.toList());
		body.put("ignoredColumns", report.ignoredColumns());
		body.put("dryRun", dryRun);
		body.put("committed", report.committed());
		return ResponseEntity.status(refused ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(body);
	}

}
