package vn.dvk.portal;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private final SecuritySettings settings;

	private final vn.dvk.account.EidSettings eidSettings;

	LoginController(SecuritySettings settings, vn.dvk.account.EidSettings eidSettings) {
		this.settings = settings;
		this.eidSettings = eidSettings;
	}

	@GetMapping(SecurityConfiguration.LOGIN)
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String eid,
			HttpSession session, Model model) {
		if (eid != null) {
			model.addAttribute("errorKey", switch (eid) {
				case "state" -> "eid.error.state";
				case "code" -> "eid.error.code";
				case "denied" -> "eid.error.denied";
				case "nopid" -> "eid.login.noPersonId";
				case "disabled" -> "eid.login.disabled";
				default -> "eid.error.failed";
			});
		}
		if (eidSettings.enabled()) {
			model.addAttribute("eidName", eidSettings.displayName());
		}
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
