package vn.dvk.account.web;

import vn.dvk.account.AccessPolicy;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** Every logged-in user changes their own password here. */
@Controller
class PasswordController {

	private final AccessPolicy access;

	private final AccountService accounts;

	private final Texts texts;

	private final vn.dvk.account.EidAccounts eid;

	PasswordController(AccountService accounts, Texts texts, AccessPolicy access, vn.dvk.account.EidAccounts eid) {
		this.eid = eid;
		this.access = access;
		this.accounts = accounts;
		this.texts = texts;
	}

	@GetMapping("/tai-khoan/doi-mat-khau")
	String form(Authentication auth, Model model) {
		return page(auth, model);
	}

	@PostMapping("/tai-khoan/doi-mat-khau")
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
			Authentication auth, Model model, RedirectAttributes redirect) {
		if (!newPassword.equals(confirmPassword)) {
			model.addAttribute("errorField", "confirmPassword");
			model.addAttribute("failure", texts.get("account.password.mismatch"));
			return page(auth, model);
		}
		try {
			accounts.changeOwnPassword(auth.getName(), currentPassword, newPassword);
			redirect.addFlashAttribute("success", texts.get("account.password.changed"));
			return "redirect:/tai-khoan/doi-mat-khau";
		}
		catch (UserFacingException ex) {
			model.addAttribute("errorField", ex.field());
			model.addAttribute("failure", texts.get(ex));
			return page(auth, model);
		}
	}

	private String page(Authentication auth, Model model) {
		boolean staff = access.allows(auth, vn.dvk.account.Permission.BACK_OFFICE);
		model.addAttribute("layout", staff ? "fragments/admin-layout" : "fragments/public-layout");
		model.addAttribute("minLength", accounts.passwordMinLength());
		if (auth.getPrincipal() instanceof vn.dvk.account.DvkUser user) {
			eid.link(user.id()).ifPresent(link -> model.addAttribute("eidLink", link));
		}
		return "account/password";
	}

}
