package vn.dvk.news.web.admin;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.news.ArticleStatus;
import vn.dvk.news.ArticleView;
import vn.dvk.news.NewsCategory;
import vn.dvk.news.NewsQuery;
import vn.dvk.news.NewsService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;

/** Editors' pages: the list of articles in their scope, the article form, publishing, images. */
@Controller
@RequestMapping("/quan-tri/tin-tuc")
class NewsAdminController {

	private final NewsService news;

	private final Texts texts;

	NewsAdminController(NewsService news, Texts texts) {
		this.news = news;
		this.texts = texts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) ArticleStatus status,
			@RequestParam(required = false) String category, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		model.addAttribute("result", news.list(user, new NewsQuery(category, q, status),
				new PageResult.Request(Math.max(0, page), PageResult.DEFAULT_SIZE)));
		model.addAttribute("status", status);
		model.addAttribute("category", category);
		model.addAttribute("q", q);
		model.addAttribute("statuses", ArticleStatus.values());
		addCategories(model, locale);
		return "news/admin/list";
	}

	@GetMapping("/moi")
	String createForm(@AuthenticationPrincipal DvkUser user, Locale locale, Model model) {
		ArticleForm form = new ArticleForm();
		form.setAuthor(user.fullName());
		model.addAttribute("form", form);
		return form(null, locale, model);
	}

	@PostMapping("/moi")
	String create(@AuthenticationPrincipal DvkUser user, @ModelAttribute("form") ArticleForm form,
			BindingResult binding, @RequestParam(defaultValue = "save") String action, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			ArticleView a = news.create(user, form.draft());
			try {
				a = after(user, a, action, form);
			}
			catch (UserFacingException ex) {
				// The draft is saved; say why the action failed on its page.
				redirect.addFlashAttribute("failure", texts.get(ex));
				return "redirect:/quan-tri/tin-tuc/" + a.id();
			}
			redirect.addFlashAttribute("success", texts.get("news.saved." + a.summary().status().name()));
			return "redirect:/quan-tri/tin-tuc/" + a.id();
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			return form(null, locale, model);
		}
	}

	@GetMapping("/{id}")
	String editForm(@AuthenticationPrincipal DvkUser user, @PathVariable long id, Locale locale, Model model) {
		ArticleView a = news.get(user, id);
		model.addAttribute("form", ArticleForm.of(a, categoryCode(a)));
		return form(a, locale, model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@ModelAttribute("form") ArticleForm form, BindingResult binding,
			@RequestParam(defaultValue = "save") String action, Locale locale, Model model,
			RedirectAttributes redirect) {
		news.get(user, id);
		try {
			ArticleView a = news.update(user, id, form.getVersion(), form.draft());
			// Saved: a failure of the action below must not make the next submit look stale.
			form.setVersion(a.version());
			a = after(user, a, action, form);
			redirect.addFlashAttribute("success", texts.get("news.saved." + a.summary().status().name()));
			return "redirect:/quan-tri/tin-tuc/" + id;
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			return form(news.get(user, id), locale, model);
		}
	}

	/** After saving: publish now, schedule, or leave the status as it is. */
	private ArticleView after(DvkUser user, ArticleView a, String action, ArticleForm form) {
		return switch (action) {
			case "publish" -> news.publish(user, a.id());
			case "schedule" -> news.schedule(user, a.id(), publishAt(form.getPublishAt()));
			default -> a;
		};
	}

	private static Instant publishAt(String text) {
		if (text == null || text.isBlank()) {
			throw UserFacingException.field("publishAt", "news.schedule.required");
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(VietnameseFormats.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw UserFacingException.field("publishAt", "news.schedule.unreadable");
		}
	}

	@PostMapping("/{id}/go-xuong")
	String unpublish(@AuthenticationPrincipal DvkUser user, @PathVariable long id, RedirectAttributes redirect) {
		news.unpublish(user, id);
		redirect.addFlashAttribute("success", texts.get("news.saved.UNPUBLISHED"));
		return "redirect:/quan-tri/tin-tuc/" + id;
	}

	@PostMapping("/{id}/xoa")
	String delete(@AuthenticationPrincipal DvkUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			news.delete(user, id);
			redirect.addFlashAttribute("success", texts.get("news.deleted"));
			return "redirect:/quan-tri/tin-tuc";
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
			return "redirect:/quan-tri/tin-tuc/" + id;
		}
	}

	@PostMapping("/{id}/anh")
	String image(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(name = "image", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			news.setImage(user, id, file == null ? null : file.getBytes());
			redirect.addFlashAttribute("success", texts.get("news.image.saved"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/tin-tuc/" + id;
	}

	@PostMapping("/{id}/anh/xoa")
	String removeImage(@AuthenticationPrincipal DvkUser user, @PathVariable long id, RedirectAttributes redirect) {
		news.removeImage(user, id);
		redirect.addFlashAttribute("success", texts.get("news.image.removed"));
		return "redirect:/quan-tri/tin-tuc/" + id;
	}

	private String form(ArticleView article, Locale locale, Model model) {
		model.addAttribute("article", article);
		addCategories(model, locale);
		return "news/admin/form";
	}

	private void addCategories(Model model, Locale locale) {
		List<NewsCategory> categories = news.categories();
		model.addAttribute("categories", categories);
		model.addAttribute("categoryNames", categories.stream()
			.collect(java.util.stream.Collectors.toMap(NewsCategory::id, c -> c.name(locale))));
	}

	private String categoryCode(ArticleView a) {
		return news.categories()
			.stream()
			.filter(c -> c.id() == a.summary().categoryId())
			.map(NewsCategory::code)
			.findFirst()
			.orElse(null);
	}

}
