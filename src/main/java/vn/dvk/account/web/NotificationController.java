package vn.dvk.account.web;

import vn.dvk.account.AccessPolicy;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.account.NotificationService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;

/** The bell's list: a user's notifications, marking them read, and how often they come by e-mail. */
@Controller
class NotificationController {

	private final AccessPolicy access;

	private final NotificationService notifications;

	private final Texts texts;

	NotificationController(NotificationService notifications, Texts texts, AccessPolicy access) {
		this.access = access;
		this.notifications = notifications;
		this.texts = texts;
	}

	@GetMapping("/tai-khoan/thong-bao")
	String list(@AuthenticationPrincipal DvkUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("layout", access.allows(user, vn.dvk.account.Permission.BACK_OFFICE) ? "fragments/admin-layout" : "fragments/public-layout");
		model.addAttribute("result", notifications.list(user.id(), new PageResult.Request(Math.max(0, page), 30)));
		model.addAttribute("frequency", notifications.emailFrequency(user.id()));
		model.addAttribute("frequencies", NotificationService.EmailFrequency.values());
		return "account/notifications";
	}

	/** Opens a notification: marks it read and goes where it points (only paths of this site). */
	@PostMapping("/tai-khoan/thong-bao/{id}")
	String open(@AuthenticationPrincipal DvkUser user, @PathVariable long id) {
		String link = notifications.markRead(user.id(), id);
		return "redirect:" + (link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/tai-khoan/thong-bao");
	}

	@PostMapping("/tai-khoan/thong-bao/da-doc")
	String readAll(@AuthenticationPrincipal DvkUser user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", texts.get("account.notifications.allRead", notifications.markAllRead(user.id())));
		return "redirect:/tai-khoan/thong-bao";
	}

	@PostMapping("/tai-khoan/thong-bao/e-mail")
	String frequency(@AuthenticationPrincipal DvkUser user,
			@RequestParam NotificationService.EmailFrequency frequency, RedirectAttributes redirect) {
		notifications.setEmailFrequency(user.id(), frequency);
		redirect.addFlashAttribute("success", texts.get("account.notifications.frequencySaved"));
		return "redirect:/tai-khoan/thong-bao";
	}

}
