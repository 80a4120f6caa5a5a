package vn.dvk.system;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;

/**
 * The portal's home and about pages. The home page shows news, exemplars and polls as their modules arrive; until
 * then it shows their empty states.
 */
@Controller
class HomeController {

	private final RegistryService registry;

	private final Catalogues catalogues;

	HomeController(RegistryService registry, Catalogues catalogues) {
		this.registry = registry;
		this.catalogues = catalogues;
	}

	@GetMapping("/")
	String home(Locale locale, Model model) {
		model.addAttribute("featured", registry.directory(ModelQuery.all(), new PageResult.Request(0, 6)).items());
		model.addAttribute("fieldNames", catalogues.names(CatalogueEntry.FIELD, locale));
		return "system/home";
	}

	@GetMapping("/gioi-thieu")
	String about() {
		return "system/about";
	}

}
