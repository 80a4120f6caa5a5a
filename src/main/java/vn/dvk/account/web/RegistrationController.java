package vn.dvk.account.web;

import vn.dvk.account.AccessPolicy;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.CitizenService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.UserView;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** Citizens register on the portal and verify their e-mail address through the link they receive. */
@Controller
class RegistrationController {

	private final AccessPolicy access;

	private final CitizenService citizens;

	private final Texts texts;

	RegistrationController(CitizenService citizens, Texts texts, AccessPolicy access) {
		this.access = access;
		this.citizens = citizens;
		this.texts = texts;
	}

	/** What the registration form holds (the password is never sent back to the page). */
	static class RegistrationForm {

		private String username = "";

		private String fullName = "";

		private String email = "";

		private String password = "";

		private String passwordConfirm = "";

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getFullName() {
			return fullName;
		}

		public void setFullName(String fullName) {
			this.fullName = fullName;
		}

		public String getEmail() {
			return email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getPasswordConfirm() {
			return passwordConfirm;
		}

		public void setPasswordConfirm(String passwordConfirm) {
			this.passwordConfirm = passwordConfirm;
		}

	}

	@GetMapping("/dang-ky")
	String form(@AuthenticationPrincipal DvkUser user, Model model) {
		if (user != null) {
			return "redirect:/tai-khoan/xac-minh-email";
		}
		model.addAttribute("form", new RegistrationForm());
		return page(model);
	}

	@PostMapping("/dang-ky")
	String register(@ModelAttribute("form") RegistrationForm form, BindingResult binding, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		try {
			UserView created = citizens.register(new CitizenService.Registration(form.getUsername(),
					form.getFullName(), form.getEmail(), form.getPassword(), form.getPasswordConfirm()),
					request.getRemoteAddr());
			redirect.addFlashAttribute("registeredEmail", created.email());
			redirect.addFlashAttribute("registeredUsername", created.username());
			return "redirect:/dang-ky/da-gui";
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			return page(model);
		}
	}

	@GetMapping("/dang-ky/da-gui")
	String sent(Model model) {
		if (!model.containsAttribute("registeredEmail")) {
			return "redirect:/dang-ky";
		}
		model.addAttribute("hours", Math.max(1, citizens.linkLifetime().toHours()));
		return "account/registered";
	}

	@GetMapping("/xac-minh-email")
	String verify(@RequestParam(name = "ma", required = false) String token, Model model) {
		model.addAttribute("outcome", citizens.verify(token));
		return "account/verified";
	}

	/** A logged-in account's verification status, with a button to send a new link. */
	@GetMapping("/tai-khoan/xac-minh-email")
	String status(@AuthenticationPrincipal DvkUser user, Model model) {
		model.addAttribute("status", citizens.status(user.id()).orElse(null));
		model.addAttribute("hours", Math.max(1, citizens.linkLifetime().toHours()));
		model.addAttribute("layout", access.allows(user, vn.dvk.account.Permission.BACK_OFFICE) ? "fragments/admin-layout" : "fragments/public-layout");
		return "account/verification";
	}

	@PostMapping("/tai-khoan/xac-minh-email")
	String resend(@AuthenticationPrincipal DvkUser user, RedirectAttributes redirect) {
		try {
			citizens.resend(user);
			redirect.addFlashAttribute("success", texts.get("account.verify.resent"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/tai-khoan/xac-minh-email";
	}

	private String page(Model model) {
		model.addAttribute("minLength", citizens.passwordMinLength());
		return "account/register";
	}

}
