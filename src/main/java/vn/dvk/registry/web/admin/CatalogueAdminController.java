package vn.dvk.registry.web.admin;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** The registry's configurable lists: fields, focus areas and linked movements. */
@Controller
@RequestMapping("/quan-tri/danh-muc-mo-hinh")
class CatalogueAdminController {

	static final List<String> KINDS = List.of(CatalogueEntry.FIELD, CatalogueEntry.FOCUS_AREA,
			CatalogueEntry.MOVEMENT);

	private final Catalogues catalogues;

	private final Texts texts;

	CatalogueAdminController(Catalogues catalogues, Texts texts) {
		this.catalogues = catalogues;
		this.texts = texts;
	}

	@GetMapping
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String edit,
			Model model) {
		String listKind = kind != null && KINDS.contains(kind) ? kind : CatalogueEntry.FIELD;
		model.addAttribute("kinds", KINDS);
		model.addAttribute("kind", listKind);
		model.addAttribute("entries", catalogues.all(listKind));
		CatalogueEntry editing = edit == null ? null : catalogues.find(listKind, edit).orElse(null);
		model.addAttribute("editing", editing);
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", editing != null ? editing : new CatalogueEntry(listKind, "", "", "", 100, true));
		}
		return "registry/admin/catalogues";
	}

	@PostMapping
	String save(@RequestParam String kind, @RequestParam String code, @RequestParam String nameVi,
			@RequestParam String nameEn, @RequestParam(defaultValue = "0") int sortOrder,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "false") boolean existing,
			Model model, RedirectAttributes redirect) {
		CatalogueEntry draft = new CatalogueEntry(kind, code, nameVi, nameEn, sortOrder, active);
		try {
			if (!existing && catalogues.find(kind, code.trim().toUpperCase(java.util.Locale.ROOT)).isPresent()) {
				throw UserFacingException.field("code", "organization.type.code.taken", code.trim());
			}
			CatalogueEntry saved = catalogues.save(draft);
			redirect.addFlashAttribute("success", texts.get("registry.catalogue.saved", saved.nameVi()));
			return "redirect:/quan-tri/danh-muc-mo-hinh?kind=" + saved.listKind();
		}
		catch (UserFacingException ex) {
			model.addAttribute("failure", texts.get(ex));
			model.addAttribute("draft", draft);
			return list(kind, existing ? code : null, model);
		}
	}

}
