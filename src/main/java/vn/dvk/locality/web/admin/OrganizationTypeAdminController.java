package vn.dvk.locality.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationType;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** The configurable list of organization types: add, rename, reorder, retire. */
@Controller
@RequestMapping("/quan-tri/loai-co-quan")
class OrganizationTypeAdminController {

	private final OrganizationService organizations;

	private final Texts texts;

	OrganizationTypeAdminController(OrganizationService organizations, Texts texts) {
		this.organizations = organizations;
		this.texts = texts;
	}

	@GetMapping
	String list(@RequestParam(required = false) String edit, Model model) {
		model.addAttribute("types", organizations.types());
		OrganizationType editing = edit == null ? null : organizations.type(edit).orElse(null);
		model.addAttribute("editing", editing);
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", editing != null ? editing : new OrganizationType("", "", "", 1000, true));
		}
		return "locality/admin/organization-types";
	}

	@PostMapping
	String save(@RequestParam String code, @RequestParam String nameVi, @RequestParam String nameEn,
			@RequestParam(defaultValue = "0") int sortOrder, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(defaultValue = "false") boolean existing, Model model, RedirectAttributes redirect) {
		OrganizationType draft = new OrganizationType(code, nameVi, nameEn, sortOrder, active);
		if (!existing && organizations.type(code.trim().toUpperCase(java.util.Locale.ROOT)).isPresent()) {
			model.addAttribute("failure", texts.get("organization.type.code.taken", code));
			model.addAttribute("draft", draft);
			return list(null, model);
		}
		try {
			OrganizationType saved = organizations.saveType(draft);
			redirect.addFlashAttribute("success", texts.get("organization.type.saved", saved.nameVi()));
			return "redirect:/quan-tri/loai-co-quan";
		}
		catch (UserFacingException ex) {
			model.addAttribute("failure", texts.get(ex));
			model.addAttribute("draft", draft);
			return list(existing ? code : null, model);
		}
	}

}
