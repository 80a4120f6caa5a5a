package vn.dvk.news.web.admin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.news.NewsCategories;
import vn.dvk.news.NewsService;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** News categories: add, rename, reorder, hide. */
@Controller
@RequestMapping("/quan-tri/tin-tuc/chuyen-muc")
class NewsCategoryAdminController {

	private final NewsService news;

	private final NewsCategories categories;

	private final Texts texts;

	NewsCategoryAdminController(NewsService news, NewsCategories categories, Texts texts) {
		this.news = news;
		this.categories = categories;
		this.texts = texts;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("categories", news.categories());
		return "news/admin/categories";
	}

	@PostMapping
	String add(@AuthenticationPrincipal DvkUser user, @RequestParam String nameVi,
			@RequestParam(required = false) String nameEn, @RequestParam(defaultValue = "100") int sortOrder,
			RedirectAttributes redirect) {
		try {
			categories.addCategory(user, nameVi, nameEn, sortOrder);
			redirect.addFlashAttribute("success", texts.get("common.saved"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
			// What was typed comes back in the form.
			redirect.addFlashAttribute("newVi", nameVi);
			redirect.addFlashAttribute("newEn", nameEn);
			redirect.addFlashAttribute("newOrder", sortOrder);
		}
		return "redirect:/quan-tri/tin-tuc/chuyen-muc";
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam String nameVi,
			@RequestParam(required = false) String nameEn, @RequestParam(defaultValue = "100") int sortOrder,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		try {
			categories.updateCategory(user, id, nameVi, nameEn, sortOrder, active);
			redirect.addFlashAttribute("success", texts.get("common.saved"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/tin-tuc/chuyen-muc";
	}

}
