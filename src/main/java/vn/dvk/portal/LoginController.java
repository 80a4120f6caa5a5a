package vn.dvk.portal;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private final SecuritySettings settings;

	LoginController(SecuritySettings settings) {
		this.settings = settings;
	}

	@GetMapping(SecurityConfiguration.LOGIN)
	String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (error != null) {
			model.addAttribute("errorKey", switch (error) {
				case "locked" -> "login.error.locked";
				case "disabled" -> "login.error.disabled";
				default -> "login.error.bad";
			});
			Object last = session.getAttribute(SecurityConfiguration.LAST_USERNAME);
			session.removeAttribute(SecurityConfiguration.LAST_USERNAME);
			model.addAttribute("username", last);
		}
		model.addAttribute("rememberMe", settings.rememberMe());
		return "system/login";
	}

}
