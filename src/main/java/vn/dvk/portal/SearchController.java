package vn.dvk.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dvk.locality.LocalityQuery;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.news.NewsQuery;
import vn.dvk.news.NewsService;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.VietnameseText;

/**
 * The portal's search box: diacritic-insensitive look-up of what is public: news and recognized models (both ranked
 * by the same rules, {@code shared/SearchIndex}), administrative units and organizations.
 */
@Controller
class SearchController {

	private static final int PER_SECTION = 10;

	private final LocalityService localities;

	private final OrganizationService organizations;

	private final NewsService news;

	private final RegistryService registry;

	SearchController(LocalityService localities, OrganizationService organizations, NewsService news,
			RegistryService registry) {
		this.localities = localities;
		this.organizations = organizations;
		this.news = news;
		this.registry = registry;
	}

	@GetMapping("/tim-kiem")
	String search(@RequestParam(required = false) String q, Model model) {
		String text = q == null ? "" : VietnameseText.clean(q);
		if (text.length() > 200) {
			text = text.substring(0, 200);
		}
		model.addAttribute("q", text);
		if (!VietnameseText.isBlank(text)) {
			PageResult.Request first = new PageResult.Request(0, PER_SECTION);
			model.addAttribute("localities", localities.search(new LocalityQuery(text, null, null, false), first));
			model.addAttribute("organizations",
					organizations.search(new OrganizationQuery(text, null, null, false), first));
			model.addAttribute("news", news.published(new NewsQuery(null, text, null), first));
			model.addAttribute("models",
					registry.directory(new ModelQuery(text, null, null, null, null, null, null, null, null), first));
		}
		return "system/search";
	}

}
