package vn.dvk.registry.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityQuery;
import vn.dvk.locality.LocalityService;
import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.registry.ContentItem;
import vn.dvk.registry.ModelKind;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.RegistryService;
import vn.dvk.registry.SubjectType;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SiteSettings;
import vn.dvk.shared.UserFacingException;

/** The public directory of recognized models and exemplars, and one story page per model. */
@Controller
class ModelPublicController {

	private static final Pattern SLUG_ID = Pattern.compile("^(.*)-(\\d+)$");

	private final RegistryService registry;

	private final Catalogues catalogues;

	private final LocalityService localities;

	private final SiteSettings site;

	ModelPublicController(RegistryService registry, Catalogues catalogues, LocalityService localities,
			SiteSettings site) {
		this.registry = registry;
		this.catalogues = catalogues;
		this.localities = localities;
		this.site = site;
	}

	@GetMapping("/mo-hinh")
	String directory(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
			@RequestParam(required = false) String locality, @RequestParam(required = false) String phase,
			@RequestParam(required = false) SubjectType subject, @RequestParam(required = false) ModelKind kind,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		ModelQuery query = new ModelQuery(q, field, locality, null, phase, null, null, subject, kind);
		model.addAttribute("result", registry.directory(query, new PageResult.Request(page, 12)));
		model.addAttribute("q", q);
		model.addAttribute("field", field);
		model.addAttribute("locality", locality);
		model.addAttribute("phase", phase);
		model.addAttribute("subject", subject);
		model.addAttribute("kind", kind);
		model.addAttribute("fields", catalogues.active(CatalogueEntry.FIELD));
		model.addAttribute("fieldNames", catalogues.names(CatalogueEntry.FIELD, locale));
		List<Locality> communes = new ArrayList<>(localities
			.search(new LocalityQuery(null, site.provinceCode(), null, false), new PageResult.Request(0, 200))
			.items());
		communes.sort(vn.dvk.shared.VietnameseCollation.comparing(Locality::name));
		model.addAttribute("communes", communes);
		model.addAttribute("phases", List.of("2016-2020", "2021-2025", "2026-2030"));
		model.addAttribute("subjects", SubjectType.values());
		model.addAttribute("kinds", ModelKind.values());
		return "registry/directory";
	}

	@GetMapping("/mo-hinh/{slugAndId:.+-\\d+}")
	Object story(@PathVariable String slugAndId, Locale locale, Model model) {
		Matcher m = SLUG_ID.matcher(slugAndId);
		if (!m.matches()) {
			throw UserFacingException.notFound("registry.notFound");
		}
		long id = Long.parseLong(m.group(2));
		ModelView view = registry.findPublic(id).orElseThrow(() -> UserFacingException.notFound("registry.notFound"));
		if (!view.slug().equals(m.group(1))) {
			// An old or shortened link: send readers (and search engines) to the canonical address.
			RedirectView redirect = new RedirectView(view.publicPath());
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return redirect;
		}
		model.addAttribute("m", view);
		model.addAttribute("items", ContentItem.values());
		model.addAttribute("results", registry.results(id));
		model.addAttribute("evidence", registry.evidence(id));
		model.addAttribute("lineage", registry.lineage(null, id));
		model.addAttribute("fieldNames", catalogues.names(CatalogueEntry.FIELD, locale));
		model.addAttribute("focusNames", catalogues.names(CatalogueEntry.FOCUS_AREA, locale));
		model.addAttribute("movementNames", catalogues.names(CatalogueEntry.MOVEMENT, locale));
		model.addAttribute("publicStatuses", EnumSet.copyOf(ModelStatus.PUBLIC));
		return "registry/story";
	}

	/** Photos of public models (thumbnails with {@code ?nho}); other files are not public. */
	@GetMapping("/mo-hinh/anh/{evidenceId}")
	ResponseEntity<byte[]> photo(@PathVariable long evidenceId, @RequestParam(required = false) String nho) {
		RegistryService.EvidenceFile file = registry.evidenceFile(null, evidenceId, nho != null)
			.filter(f -> f.evidence().image())
			.orElseThrow(() -> UserFacingException.notFound("registry.evidence.notFound"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(7)).cachePublic())
			.body(file.bytes());
	}

}
