package vn.dvk.portal;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.dvk.news.NewsCategory;
import vn.dvk.news.NewsService;
import vn.dvk.poll.PollService;
import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;
import vn.dvk.visits.VisitorStatistics;

/**
 * The portal's home and about pages. The home page shows featured and latest news, featured exemplars, the poll box
 * (active polls, or the empty state) and the visitor-statistics box.
 */
@Controller
class HomeController {

	private final RegistryService registry;

	private final Catalogues catalogues;

	private final NewsService news;

	private final VisitorStatistics visitors;

	private final PollService polls;

	HomeController(RegistryService registry, Catalogues catalogues, NewsService news, VisitorStatistics visitors,
			PollService polls) {
		this.polls = polls;
		this.registry = registry;
		this.catalogues = catalogues;
		this.news = news;
		this.visitors = visitors;
	}

	@GetMapping("/")
	String home(Locale locale, Model model) {
		model.addAttribute("featured", registry.directory(ModelQuery.all(), new PageResult.Request(0, 6)).items());
		model.addAttribute("fieldNames", catalogues.names(CatalogueEntry.FIELD, locale));
		model.addAttribute("featuredNews", news.featured(4));
		model.addAttribute("latest", news.latest(8));
		model.addAttribute("categoryNames", news.categories()
			.stream()
			.collect(java.util.stream.Collectors.toMap(NewsCategory::id, c -> c.name(locale))));
		model.addAttribute("visitors", visitors.snapshot());
		model.addAttribute("activePolls", polls.active());
		return "system/home";
	}

	@GetMapping("/gioi-thieu")
	String about() {
		return "system/about";
	}

}
