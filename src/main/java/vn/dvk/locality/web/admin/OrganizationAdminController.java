package vn.dvk.locality.web.admin;

import java.util.List;
import java.util.Locale;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityQuery;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SiteSettings;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** Back office for agencies and organizations: list and search, add, edit, deactivate and reactivate. */
@Controller
@RequestMapping("/quan-tri/co-quan-don-vi")
class OrganizationAdminController {

	private final OrganizationService organizations;

	private final LocalityService localities;

	private final SiteSettings site;

	private final Texts texts;

	OrganizationAdminController(OrganizationService organizations, LocalityService localities, SiteSettings site,
			Texts texts) {
		this.organizations = organizations;
		this.localities = localities;
		this.site = site;
		this.texts = texts;
	}

	@InitBinder("form")
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
			@RequestParam(required = false) String locality, @RequestParam(defaultValue = "false") boolean inactive,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Locale locale,
			Model model) {
		model.addAttribute("typeNames", organizations.types()
			.stream()
			.collect(java.util.stream.Collectors.toMap(t -> t.code(), t -> t.name(locale))));
		model.addAttribute("result", organizations.search(new OrganizationQuery(q, type, locality, inactive),
				new PageResult.Request(page, size)));
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("locality", locality);
		model.addAttribute("inactive", inactive);
		model.addAttribute("types", organizations.types());
		model.addAttribute("localityOptions", localityOptions());
		return "locality/admin/organizations";
	}

	@GetMapping("/moi")
	String createForm(Model model) {
		OrganizationForm form = new OrganizationForm();
		form.setLocalityCode(site.provinceCode());
		return form(model, form, null);
	}

	@PostMapping("/moi")
	String create(@ModelAttribute("form") OrganizationForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, form, null);
		}
		try {
			OrganizationView created = organizations.create(form.command());
			redirect.addFlashAttribute("success", texts.get("organization.saved", created.name()));
			return "redirect:/quan-tri/co-quan-don-vi";
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			return form(model, form, null);
		}
	}

	@GetMapping("/{id}/sua")
	String editForm(@PathVariable long id, Model model) {
		OrganizationView org = load(id);
		return form(model, OrganizationForm.of(org), org);
	}

	@PostMapping("/{id}/sua")
	String update(@PathVariable long id, @ModelAttribute("form") OrganizationForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		OrganizationView org = load(id);
		if (binding.hasErrors()) {
			return form(model, form, org);
		}
		try {
			OrganizationView saved = organizations.update(id, form.getVersion(), form.command());
			redirect.addFlashAttribute("success", texts.get("organization.saved", saved.name()));
			return "redirect:/quan-tri/co-quan-don-vi";
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			return form(model, form, org);
		}
	}

	@PostMapping("/{id}/trang-thai")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		OrganizationView org = organizations.setActive(id, active);
		redirect.addFlashAttribute("success",
				texts.get(active ? "organization.activated" : "organization.deactivated", org.name()));
		return "redirect:/quan-tri/co-quan-don-vi/" + id + "/sua";
	}

	private OrganizationView load(long id) {
		return organizations.find(id).orElseThrow(() -> UserFacingException.notFound("organization.notFound"));
	}

	private String form(Model model, OrganizationForm form, OrganizationView org) {
		model.addAttribute("form", form);
		model.addAttribute("org", org);
		model.addAttribute("types", organizations.activeTypes());
		model.addAttribute("localityOptions", localityOptions());
		model.addAttribute("parentOptions", parentOptions(org));
		return "locality/admin/organization-form";
	}

	/** The province and its units, for the locality picker. */
	private List<Locality> localityOptions() {
		List<Locality> options = new java.util.ArrayList<>();
		localities.findCurrent(site.provinceCode()).ifPresent(options::add);
		options.addAll(localities
			.search(new LocalityQuery(null, site.provinceCode(), null, false), new PageResult.Request(0, 200))
			.items());
		return options;
	}

	/** Possible parents: every other active organization of the province, by name. */
	private List<OrganizationView> parentOptions(OrganizationView self) {
		return organizations
			.search(new OrganizationQuery(null, null, site.provinceCode(), false), new PageResult.Request(0, 200))
			.items()
			.stream()
			.filter(o -> self == null || o.id() != self.id())
			.toList();
	}

}
