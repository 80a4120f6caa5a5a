package vn.dvk.registry.web.admin;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

import vn.dvk.account.DvkUser;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityQuery;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.registry.BulkAction;
import vn.dvk.registry.BulkResult;
import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.registry.ContentItem;
import vn.dvk.registry.Indicator;
import vn.dvk.registry.ModelKind;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.QualityFlag;
import vn.dvk.registry.RecognitionLevel;
import vn.dvk.registry.RegistryService;
import vn.dvk.registry.SubjectType;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SiteSettings;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseNumbers;

/**
 * The registry's back office: officers register and follow their models; provincial staff work the queue, move
 * models through their lifecycle, link replications and record recognitions.
 */
@Controller
@RequestMapping("/quan-tri/mo-hinh")
class ModelAdminController {

	private final RegistryService registry;

	private final Catalogues catalogues;

	private final OrganizationService organizations;

	private final LocalityService localities;

	private final SiteSettings site;

	private final Texts texts;

	ModelAdminController(RegistryService registry, Catalogues catalogues, OrganizationService organizations,
			LocalityService localities, SiteSettings site, Texts texts) {
		this.registry = registry;
		this.catalogues = catalogues;
		this.organizations = organizations;
		this.localities = localities;
		this.site = site;
		this.texts = texts;
	}

	@InitBinder("form")
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("statuses")
	ModelStatus[] statuses() {
		return ModelStatus.values();
	}

	// --- list and bulk actions ----------------------------------------------------------------------------

	@GetMapping
	String list(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) ModelStatus status, @RequestParam(required = false) String field,
			@RequestParam(required = false) String locality, @RequestParam(required = false) Long organization,
			@RequestParam(required = false) String phase, @RequestParam(required = false) QualityFlag flag,
			@RequestParam(required = false) ModelKind kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Locale locale, Model model) {
		ModelQuery query = new ModelQuery(q, field, locality, organization, phase,
				status == null ? null : EnumSet.of(status), flag, null, kind);
		model.addAttribute("result", registry.queue(user, query, new PageResult.Request(page, size)));
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("field", field);
		model.addAttribute("locality", locality);
		model.addAttribute("organization", organization);
		model.addAttribute("phase", phase);
		model.addAttribute("flag", flag);
		model.addAttribute("kind", kind);
		model.addAttribute("flags", QualityFlag.values());
		model.addAttribute("kinds", ModelKind.values());
		model.addAttribute("levels", RecognitionLevel.values());
		model.addAttribute("bulkActions", BulkAction.values());
		addChoices(model, locale);
		return "registry/admin/list";
	}

	@PostMapping("/hang-loat")
	String bulk(@AuthenticationPrincipal DvkUser user, @RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam BulkAction action, @RequestParam(required = false) String reason,
			@RequestParam(required = false) RecognitionLevel level,
			@RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			BulkResult result = registry.bulk(user, ids, action, reason, level, decisionNumber, decisionDate);
			redirect.addFlashAttribute("success", texts.get("registry.bulk.done", result.done().size(),
					texts.get(action.messageKey())));
			if (!result.refused().isEmpty()) {
				List<String> reasons = new ArrayList<>();
				for (BulkResult.Refusal r : result.refused()) {
					reasons.add(texts.get("registry.bulk.refusedOne", r.modelId(),
							texts.get(r.messageKey(), r.arguments())));
				}
				redirect.addFlashAttribute("failures", reasons);
			}
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:" + safeBack(back);
	}

	/** Only a path inside the registry's back office: never an open redirect. */
	private static String safeBack(String back) {
		return back != null && back.startsWith("/quan-tri/mo-hinh") && !back.contains("//") ? back
				: "/quan-tri/mo-hinh";
	}

	// --- registering and editing --------------------------------------------------------------------------

	@GetMapping("/moi")
	String createForm(@AuthenticationPrincipal DvkUser user, Locale locale, Model model) {
		ModelForm form = new ModelForm();
		form.setOrganizationId(user.organizationId());
		if (user.organizationId() != null) {
			organizations.find(user.organizationId()).ifPresent(o -> form.setLocalityCode(o.localityCode()));
		}
		form.setStartYear(VietnameseFormats.today().getYear());
		return form(model, form, null, locale);
	}

	@PostMapping("/moi")
	String create(@AuthenticationPrincipal DvkUser user, @ModelAttribute("form") ModelForm form,
			BindingResult binding, Locale locale, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, form, null, locale);
		}
		try {
			ModelView created = registry.create(user, form.draft());
			redirect.addFlashAttribute("success", texts.get("registry.saved", created.code()));
			return "redirect:/quan-tri/mo-hinh/" + created.id();
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			form.padIndicators();
			return form(model, form, null, locale);
		}
	}

	@GetMapping("/{id}/sua")
	String editForm(@AuthenticationPrincipal DvkUser user, @PathVariable long id, Locale locale, Model model) {
		ModelView m = registry.forEditing(user, id);
		return form(model, ModelForm.of(m), m, locale);
	}

	@PostMapping("/{id}/sua")
	String update(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @ModelAttribute("form") ModelForm form,
			BindingResult binding, Locale locale, Model model, RedirectAttributes redirect) {
		ModelView m = registry.forEditing(user, id);
		if (binding.hasErrors()) {
			return form(model, form, m, locale);
		}
		try {
			ModelView saved = registry.update(user, id, form.getVersion(), form.draft());
			redirect.addFlashAttribute("success", texts.get("registry.saved", saved.code()));
			return "redirect:/quan-tri/mo-hinh/" + id;
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			form.padIndicators();
			return form(model, form, m, locale);
		}
	}

	private String form(Model model, ModelForm form, ModelView m, Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("m", m);
		model.addAttribute("items", ContentItem.values());
		model.addAttribute("kinds", ModelKind.values());
		model.addAttribute("subjects", SubjectType.values());
		model.addAttribute("focusOptions", catalogues.active(CatalogueEntry.FOCUS_AREA));
		model.addAttribute("movementOptions", catalogues.active(CatalogueEntry.MOVEMENT));
		addChoices(model, locale);
		return "registry/admin/form";
	}

	private void addChoices(Model model, Locale locale) {
		model.addAttribute("fields", catalogues.active(CatalogueEntry.FIELD));
		model.addAttribute("fieldNames", catalogues.names(CatalogueEntry.FIELD, locale));
		List<Locality> options = new ArrayList<>();
		localities.findCurrent(site.provinceCode()).ifPresent(options::add);
		options.addAll(localities.search(new LocalityQuery(null, site.provinceCode(), null, false),
				new PageResult.Request(0, PageResult.MAX_SIZE)).items());
		model.addAttribute("localityOptions", options);
		List<OrganizationView> orgs = organizations
			.search(new OrganizationQuery(null, null, site.provinceCode(), false),
					new PageResult.Request(0, PageResult.MAX_SIZE))
			.items();
		model.addAttribute("organizationOptions", orgs);
		model.addAttribute("phases", List.of("2016-2020", "2021-2025", "2026-2030"));
	}

	// --- detail, lifecycle --------------------------------------------------------------------------------

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal DvkUser user, @PathVariable long id, Locale locale, Model model) {
		ModelView m = registry.get(user, id);
		model.addAttribute("m", m);
		model.addAttribute("items", ContentItem.values());
		model.addAttribute("canEdit", registry.canChange(user, m));
		model.addAttribute("canReport", registry.canReport(user, m));
		model.addAttribute("results", registry.results(id));
		model.addAttribute("comments", registry.comments(user, id));
		model.addAttribute("evidence", registry.evidence(id));
		model.addAttribute("lineage", registry.lineage(user, id));
		model.addAttribute("levels", RecognitionLevel.values());
		model.addAttribute("fieldNames", catalogues.names(CatalogueEntry.FIELD, locale));
		model.addAttribute("focusNames", catalogues.names(CatalogueEntry.FOCUS_AREA, locale));
		model.addAttribute("movementNames", catalogues.names(CatalogueEntry.MOVEMENT, locale));
		model.addAttribute("today", VietnameseFormats.today());
		return "registry/admin/detail";
	}

	@PostMapping("/{id}/gui")
	String submit(@AuthenticationPrincipal DvkUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "registry.submitted", () -> registry.submit(user, id));
	}

	@PostMapping("/{id}/tham-dinh")
	String passToAppraisal(@AuthenticationPrincipal DvkUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "registry.passedToAppraisal", () -> registry.passToAppraisal(user, id));
	}

	@PostMapping("/{id}/tra-lai")
	String returnForRevision(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, id, "registry.returned", () -> registry.returnForRevision(user, id, reason));
	}

	@PostMapping("/{id}/tu-choi")
	String reject(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, id, "registry.rejected", () -> registry.reject(user, id, reason));
	}

	@PostMapping("/{id}/cong-nhan")
	String recognize(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) RecognitionLevel level,
			@RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
			RedirectAttributes redirect) {
		return act(redirect, id, "registry.recognized",
				() -> registry.recognize(user, id, level, decisionNumber, decisionDate));
	}

	@PostMapping("/{id}/dung")
	String discontinue(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, id, "registry.discontinued", () -> registry.discontinue(user, id, reason));
	}

	@PostMapping("/{id}/bieu-duong")
	String commend(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, id, "registry.commended", () -> registry.commend(user, id, reason));
	}

	@PostMapping("/{id}/y-kien")
	String comment(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		return act(redirect, id, "registry.commented", () -> registry.comment(user, id, body));
	}

	@PostMapping("/{id}/ket-qua")
	String resultUpdate(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String note, @RequestParam(name = "valueName", required = false) List<String> names,
			@RequestParam(name = "valueNumber", required = false) List<String> numbers,
			@RequestParam(name = "valueUnit", required = false) List<String> units, RedirectAttributes redirect) {
		return act(redirect, id, "registry.resultAdded", () -> {
			List<Indicator> values = new ArrayList<>();
			int rows = names == null ? 0 : names.size();
			for (int i = 0; i < rows; i++) {
				String n = names.get(i);
				String v = numbers != null && i < numbers.size() ? numbers.get(i) : null;
				String u = units != null && i < units.size() ? units.get(i) : null;
				if ((n == null || n.isBlank()) && (v == null || v.isBlank()) && (u == null || u.isBlank())) {
					continue;
				}
				var value = v == null || v.isBlank() ? null : VietnameseNumbers.parse(v)
					.orElseThrow(() -> UserFacingException.badRequest("registry.indicator.number", v));
				values.add(new Indicator(n, value, u, date));
			}
			return registry.addResultUpdate(user, id, date, note, values);
		});
	}

	@PostMapping("/{id}/minh-chung")
	String addEvidence(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String caption, RedirectAttributes redirect) {
		return act(redirect, id, "registry.evidenceAdded", () -> {
			if (file == null || file.isEmpty()) {
				throw UserFacingException.badRequest("registry.evidence.empty");
			}
			try {
				return registry.addEvidence(user, id, file.getOriginalFilename(), file.getBytes(), caption);
			}
			catch (IOException ex) {
				throw UserFacingException.badRequest("registry.evidence.empty");
			}
		});
	}

	@PostMapping("/{id}/minh-chung/{evidenceId}/xoa")
	String removeEvidence(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long evidenceId,
			RedirectAttributes redirect) {
		return act(redirect, id, "registry.evidenceRemoved", () -> {
			registry.removeEvidence(user, id, evidenceId);
			return null;
		});
	}

	@GetMapping("/minh-chung/{evidenceId}")
	ResponseEntity<byte[]> evidenceFile(@AuthenticationPrincipal DvkUser user, @PathVariable long evidenceId,
			@RequestParam(defaultValue = "false") boolean thumbnail) {
		RegistryService.EvidenceFile file = registry.evidenceFile(user, evidenceId, thumbnail)
			.orElseThrow(() -> UserFacingException.notFound("registry.evidence.notFound"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(file.evidence().filename(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(file.bytes());
	}

	@PostMapping("/{id}/nhan-rong")
	String linkReplication(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(required = false) String original, RedirectAttributes redirect) {
		return act(redirect, id, "registry.replicationLinked",
				() -> registry.linkReplication(user, id, parseModelReference(original)));
	}

	@PostMapping("/{id}/bo-nhan-rong")
	String unlinkReplication(@AuthenticationPrincipal DvkUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, id, "registry.replicationUnlinked", () -> registry.unlinkReplication(user, id));
	}

	/** "MH-000123", "DH-45", "123" or a public link ending in "-123": the id. */
	static long parseModelReference(String text) {
		if (text == null || text.isBlank()) {
			throw UserFacingException.field("original", "registry.replication.originalRequired");
		}
		String digits = text.trim().replaceAll("^.*?(\\d+)\\D*$", "$1");
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			throw UserFacingException.field("original", "registry.replication.originalUnknown", text.trim());
		}
	}

	@GetMapping("/{id}/lich-su")
	String history(@AuthenticationPrincipal DvkUser user, @PathVariable long id, Model model) {
		model.addAttribute("m", registry.get(user, id));
		model.addAttribute("entries", registry.history(user, id));
		return "registry/admin/history";
	}

	private String act(RedirectAttributes redirect, long id, String successKey, java.util.function.Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("success", texts.get(successKey));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/mo-hinh/" + id;
	}


}
