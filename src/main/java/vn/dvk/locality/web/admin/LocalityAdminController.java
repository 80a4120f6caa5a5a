package vn.dvk.locality.web.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.locality.ImportReport;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityQuery;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.UnitType;
import vn.dvk.shared.PageResult;
import vn.dvk.documents.StagedUploads;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;

/**
 * Back office for administrative units: browse the tree level by level or search, add, edit, retire, and import
 * the official lists with a preview before anything is written.
 */
@Controller
@RequestMapping("/quan-tri/don-vi-hanh-chinh")
class LocalityAdminController {

	static final String IMPORT_PURPOSE = "locality-import";

	private final LocalityService localities;

	private final StagedUploads staged;

	private final Texts texts;

	LocalityAdminController(LocalityService localities, StagedUploads staged, Texts texts) {
		this.localities = localities;
		this.staged = staged;
		this.texts = texts;
	}

	@InitBinder("form")
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String parent,
			@RequestParam(required = false) UnitType type, @RequestParam(defaultValue = "false") boolean retired,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		boolean browsing = (q == null || q.isBlank()) && type == null;
		// Without a search, show one level of the tree: the provinces, or the children of the chosen unit.
		String parentCode = parent == null || parent.isBlank() ? null : parent.trim();
		PageResult.Request request = new PageResult.Request(page, size);
		PageResult<Locality> result;
		if (browsing && parentCode == null) {
			List<Locality> top = localities.topLevel(retired);
			int from = (int) Math.min(top.size(), request.offset());
			int to = Math.min(top.size(), from + request.size());
			result = new PageResult<>(top.subList(from, to), top.size(), request.page(), request.size());
		}
		else {
			result = localities.search(new LocalityQuery(q, parentCode, type, retired), request);
		}
		Locality parentUnit = parentCode == null ? null : localities.findByCode(parentCode).orElse(null);
		model.addAttribute("result", result);
		model.addAttribute("parent", parentUnit);
		model.addAttribute("ancestors", parentUnit == null ? List.of() : localities.ancestors(parentUnit.id()));
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("retired", retired);
		model.addAttribute("types", UnitType.values());
		return "locality/admin/list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		Locality unit = localities.find(id).orElseThrow(() -> UserFacingException.notFound("locality.notFound"));
		model.addAttribute("unit", unit);
		model.addAttribute("ancestors", localities.ancestors(id));
		model.addAttribute("history", localities.nameHistory(id));
		return "locality/admin/detail";
	}

	@GetMapping("/moi")
	String createForm(@RequestParam(required = false) String parent, Model model) {
		UnitForm form = new UnitForm();
		form.setParentCode(parent);
		form.setValidFrom(VietnameseFormats.today());
		return form(model, form, null);
	}

	@PostMapping("/moi")
	String create(@ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, form, null);
		}
		try {
			Locality created = localities.create(form.command());
			redirect.addFlashAttribute("success", texts.get("locality.saved", created.name()));
			return "redirect:/quan-tri/don-vi-hanh-chinh/" + created.id();
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			return form(model, form, null);
		}
	}

	@GetMapping("/{id}/sua")
	String editForm(@PathVariable long id, Model model) {
		Locality unit = localities.find(id).orElseThrow(() -> UserFacingException.notFound("locality.notFound"));
		return form(model, UnitForm.of(unit), unit);
	}

	@PostMapping("/{id}/sua")
	String update(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		Locality unit = localities.find(id).orElseThrow(() -> UserFacingException.notFound("locality.notFound"));
		if (binding.hasErrors()) {
			return form(model, form, unit);
		}
		try {
			Locality saved = localities.update(id, form.getVersion(), form.command());
			redirect.addFlashAttribute("success", texts.get("locality.saved", saved.name()));
			return "redirect:/quan-tri/don-vi-hanh-chinh/" + id;
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			return form(model, form, unit);
		}
	}

	private String form(Model model, UnitForm form, Locality unit) {
		model.addAttribute("form", form);
		model.addAttribute("unit", unit);
		model.addAttribute("types", UnitType.values());
		return "locality/admin/form";
	}

	@GetMapping("/{id}/ngung-hieu-luc")
	String retireConfirm(@PathVariable long id, Model model) {
		Locality unit = localities.find(id).orElseThrow(() -> UserFacingException.notFound("locality.notFound"));
		model.addAttribute("unit", unit);
		model.addAttribute("lastDay", VietnameseFormats.today());
		return "locality/admin/retire";
	}

	@PostMapping("/{id}/ngung-hieu-luc")
	String retire(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
			Model model, RedirectAttributes redirect) {
		Locality unit = localities.find(id).orElseThrow(() -> UserFacingException.notFound("locality.notFound"));
		try {
			localities.retire(id, lastDay);
			redirect.addFlashAttribute("success", texts.get("locality.retired.done", unit.name()));
			return "redirect:/quan-tri/don-vi-hanh-chinh/" + id;
		}
		catch (UserFacingException ex) {
			model.addAttribute("unit", unit);
			model.addAttribute("lastDay", lastDay);
			model.addAttribute("failure", texts.get(ex));
			return "locality/admin/retire";
		}
	}

	// --- import -------------------------------------------------------------------------------------------

	@GetMapping("/nhap")
	String importForm(Model model) {
		model.addAttribute("validFrom", VietnameseFormats.today());
		return "locality/admin/import";
	}

	/** A sample of the 2025 layout, UTF-8 with BOM so Excel opens the diacritics correctly. */
	@GetMapping(path = "/nhap/mau.csv", produces = "text/csv;charset=UTF-8")
	ResponseEntity<byte[]> sample() {
		String csv = "\uFEFFStt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)\r\n" + "1,99,Tỉnh Sơn Hà,\r\n"
				+ "2,99001,Phường Sơn Hà,Tỉnh Sơn Hà\r\n" + "3,99031,Xã Tân Lập,Tỉnh Sơn Hà\r\n"
				+ "4,99100,Đặc khu Hòn Ngọc,Tỉnh Sơn Hà\r\n";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-don-vi-hanh-chinh.csv\"")
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	/** Step 1: keep the file, run a dry run, show the preview. */
	@PostMapping("/nhap/xem-truoc")
	String preview(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			Authentication auth, Model model) throws IOException {
		model.addAttribute("validFrom", validFrom == null ? VietnameseFormats.today() : validFrom);
		if (file == null || file.isEmpty()) {
			model.addAttribute("failure", texts.get("locality.import.chooseFile"));
			return "locality/admin/import";
		}
		byte[] content = file.getBytes();
		try {
			ImportReport report = localities.importFile(content, file.getOriginalFilename(), validFrom, false);
			String stagedId = report.hasErrors() ? null
					: staged.stage(IMPORT_PURPOSE, auth.getName(), file.getOriginalFilename(), content);
			model.addAttribute("report", report);
			model.addAttribute("stagedId", stagedId);
			model.addAttribute("filename", file.getOriginalFilename());
			return "locality/admin/import-preview";
		}
		catch (UserFacingException ex) {
			model.addAttribute("failure", texts.get(ex));
			return "locality/admin/import";
		}
	}

	/** Step 2: write what the preview showed; with any rejected row nothing is written. */
	@PostMapping("/nhap")
	String commit(@RequestParam String stagedId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			Authentication auth, Model model, RedirectAttributes redirect) {
		StagedUploads.Staged file = staged.find(stagedId, IMPORT_PURPOSE, auth.getName())
			.orElseThrow(() -> UserFacingException.badRequest("locality.import.expired"));
		ImportReport report = localities.importFile(file.content(), file.filename(), validFrom, true);
		if (!report.committed()) {
			model.addAttribute("report", report);
			model.addAttribute("filename", file.filename());
			model.addAttribute("validFrom", validFrom);
			return "locality/admin/import-preview";
		}
		staged.discard(stagedId);
		redirect.addFlashAttribute("success",
				texts.get("locality.import.done", report.created(), report.updated(), report.unchanged()));
		return "redirect:/quan-tri/don-vi-hanh-chinh";
	}

}
