package vn.dvk.planning.web.admin;

import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.planning.DirectiveService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** Staff publish directive documents (number, date, title, summary, PDF). */
@Controller
@RequestMapping("/quan-tri/van-ban")
class DocumentAdminController {

	private final DirectiveService directives;

	private final Texts texts;

	DocumentAdminController(DirectiveService directives, Texts texts) {
		this.directives = directives;
		this.texts = texts;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", directives.search(null, null, null, new PageResult.Request(Math.max(0, page), 20)));
		return "planning/admin/documents";
	}

	@PostMapping
	String create(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) String number,
			@RequestParam(required = false) LocalDate issuedOn, @RequestParam(required = false) String title,
			@RequestParam(required = false) String summary, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) throws java.io.IOException {
		try {
			DirectiveService.Document d = directives.create(user, number, issuedOn, title, summary,
					file == null || file.isEmpty() ? null : file.getOriginalFilename(),
					file == null || file.isEmpty() ? null : file.getBytes());
			redirect.addFlashAttribute("success", texts.get("planning.document.created", d.number()));
			return "redirect:/quan-tri/van-ban";
		}
		catch (UserFacingException ex) {
			model.addAttribute("failure", texts.get(ex));
			model.addAttribute("number", number);
			model.addAttribute("issuedOn", issuedOn);
			model.addAttribute("docTitle", title);
			model.addAttribute("summary", summary);
			return list(0, model);
		}
	}

}
