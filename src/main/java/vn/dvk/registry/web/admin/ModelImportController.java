package vn.dvk.registry.web.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.dvk.account.DvkUser;
import vn.dvk.registry.ImportJob;
import vn.dvk.registry.ImportMode;
import vn.dvk.registry.ImportReport;
import vn.dvk.registry.ModelKind;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.QualityFlag;
import vn.dvk.registry.RegistryService;
import vn.dvk.system.SiteSettings;
import vn.dvk.documents.StagedUploads;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/**
 * Excel in and out of the registry: the template, import with a preview (every bad row with its column and
 * reason) and a progress bar, and exports of the filtered list.
 */
@Controller
@RequestMapping("/quan-tri/mo-hinh")
class ModelImportController {

	static final String PURPOSE = "registry-import";

	private final RegistryService registry;

	private final StagedUploads staged;

	private final SiteSettings site;

	private final Texts texts;

	ModelImportController(RegistryService registry, StagedUploads staged, SiteSettings site, Texts texts) {
		this.registry = registry;
		this.staged = staged;
		this.site = site;
		this.texts = texts;
	}

	@GetMapping("/nhap")
	String importForm() {
		return "registry/admin/import";
	}

	@GetMapping("/nhap/mau.xlsx")
	void template(HttpServletResponse response) throws IOException {
		attachment(response, "mau-nhap-mo-hinh.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		registry.writeTemplate(response.getOutputStream(), site.provinceCode());
	}

	@PostMapping("/nhap/xem-truoc")
	String preview(@AuthenticationPrincipal DvkUser user,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("failure", texts.get("registry.import.chooseFile"));
			return "registry/admin/import";
		}
		byte[] content = file.getBytes();
		try {
			ImportReport report = registry.importFile(user, content, file.getOriginalFilename(), false,
					ImportMode.ALL_OR_NOTHING);
			model.addAttribute("report", report);
			model.addAttribute("messages", messages(report));
			model.addAttribute("filename", file.getOriginalFilename());
			if (report.imported() + report.updated() > 0) {
				model.addAttribute("stagedId",
						staged.stage(PURPOSE, user.getUsername(), file.getOriginalFilename(), content));
			}
			return "registry/admin/import-preview";
		}
		catch (UserFacingException ex) {
			model.addAttribute("failure", texts.get(ex));
			return "registry/admin/import";
		}
	}

	/** Every problem of the report as a row, column and message in the reader's language. */
	private List<String[]> messages(ImportReport report) {
		List<String[]> out = new ArrayList<>();
		for (ImportReport.RowError e : report.rejected()) {
			for (ImportReport.Problem p : e.errors()) {
				out.add(new String[] { String.valueOf(e.row()), e.column() == null ? "" : e.column(),
						texts.get(p.key(), p.arguments()) });
			}
		}
		return out;
	}

	@PostMapping("/nhap")
	String commit(@AuthenticationPrincipal DvkUser user, @RequestParam String stagedId,
			@RequestParam(defaultValue = "all-or-nothing") String mode, @RequestParam(defaultValue = "0") int rows) {
		StagedUploads.Staged file = staged.find(stagedId, PURPOSE, user.getUsername())
			.orElseThrow(() -> UserFacingException.badRequest("registry.import.expired"));
		String job = registry.startImport(user, file.content(), file.filename(), ImportMode.of(mode), rows);
		staged.discard(stagedId);
		return "redirect:/quan-tri/mo-hinh/nhap/tien-do/" + job;
	}

	@GetMapping("/nhap/tien-do/{jobId}")
	String progress(@AuthenticationPrincipal DvkUser user, @PathVariable String jobId,
			@RequestParam(required = false) String fragment, Model model) {
		ImportJob job = registry.importJob(user, jobId)
			.orElseThrow(() -> UserFacingException.notFound("registry.import.jobNotFound"));
		model.addAttribute("job", job);
		if (job.report() != null) {
			model.addAttribute("messages", messages(job.report()));
		}
		return fragment != null ? "registry/admin/import-progress :: progress" : "registry/admin/import-progress";
	}

	@GetMapping("/xuat.xlsx")
	void exportXlsx(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) ModelStatus status, @RequestParam(required = false) String field,
			@RequestParam(required = false) String locality, @RequestParam(required = false) Long organization,
			@RequestParam(required = false) String phase, @RequestParam(required = false) QualityFlag flag,
			@RequestParam(required = false) ModelKind kind, Locale locale, HttpServletResponse response)
			throws IOException {
		attachment(response, "mo-hinh-dien-hinh.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		registry.export(user, query(q, status, field, locality, organization, phase, flag, kind), true,
				response.getOutputStream(), locale);
	}

	@GetMapping("/xuat.csv")
	void exportCsv(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) ModelStatus status, @RequestParam(required = false) String field,
			@RequestParam(required = false) String locality, @RequestParam(required = false) Long organization,
			@RequestParam(required = false) String phase, @RequestParam(required = false) QualityFlag flag,
			@RequestParam(required = false) ModelKind kind, Locale locale, HttpServletResponse response)
			throws IOException {
		attachment(response, "mo-hinh-dien-hinh.csv", "text/csv;charset=UTF-8");
		registry.export(user, query(q, status, field, locality, organization, phase, flag, kind), false,
				response.getOutputStream(), locale);
	}

	static ModelQuery query(String q, ModelStatus status, String field, String locality, Long organization,
			String phase, QualityFlag flag, ModelKind kind) {
		return new ModelQuery(q, field, locality, organization, phase, status == null ? null : EnumSet.of(status),
				flag, null, kind);
	}

	static void attachment(HttpServletResponse response, String filename, String contentType) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
	}

}
