package vn.dvk.portal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationService;

/** The back office's first page: who you are, what you may do, and the figures of the catalogues. */
@Controller
class AdminHomeController {

	private final LocalityService localities;

	private final OrganizationService organizations;

	private final AccountService accounts;

	AdminHomeController(LocalityService localities, OrganizationService organizations, AccountService accounts) {
		this.localities = localities;
		this.organizations = organizations;
		this.accounts = accounts;
	}

	@GetMapping("/quan-tri")
	String dashboard(@AuthenticationPrincipal DvkUser user, Model model) {
		model.addAttribute("account", accounts.find(user.id()).orElse(null));
		if (user.hasAnyRole(Role.ADMIN, Role.PROVINCE_STAFF)) {
			model.addAttribute("unitCount", localities.countCurrent());
			model.addAttribute("organizationCount", organizations.count());
		}
		return "system/admin/dashboard";
	}

}
