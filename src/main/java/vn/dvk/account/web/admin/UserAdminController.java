package vn.dvk.account.web.admin;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.Role;
import vn.dvk.account.UserQuery;
import vn.dvk.account.UserView;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** Administrators manage accounts: list, create, edit roles and scope, reset password, enable, unlock. */
@Controller
@RequestMapping("/quan-tri/nguoi-dung")
class UserAdminController {

	private final AccountService accounts;

	private final OrganizationService organizations;

	private final Texts texts;

	UserAdminController(AccountService accounts, OrganizationService organizations, Texts texts) {
		this.accounts = accounts;
		this.organizations = organizations;
		this.texts = texts;
	}

	@InitBinder("form")
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		model.addAttribute("result", accounts.search(new UserQuery(q, role, null), new PageResult.Request(page, size)));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("roles", Role.values());
		return "account/admin/list";
	}

	@GetMapping("/moi")
	String createForm(Model model) {
		return form(model, new UserForm(), null);
	}

	@PostMapping("/moi")
	String create(@ModelAttribute("form") UserForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, form, null);
		}
		try {
			UserView created = accounts.create(form.command());
			redirect.addFlashAttribute("success", texts.get("account.saved", created.username()));
			return "redirect:/quan-tri/nguoi-dung/" + created.id();
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			form.setPassword(null);
			return form(model, form, null);
		}
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		UserView user = load(id);
		return form(model, UserForm.of(user), user);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		UserView user = load(id);
		form.setUsername(user.username());
		if (binding.hasErrors()) {
			return form(model, form, user);
		}
		try {
			accounts.update(id, form.getVersion(), form.command());
			redirect.addFlashAttribute("success", texts.get("account.saved", user.username()));
			return "redirect:/quan-tri/nguoi-dung/" + id;
		}
		catch (UserFacingException ex) {
			Texts.reject(binding, ex);
			return form(model, form, user);
		}
	}

	@PostMapping("/{id}/dat-lai-mat-khau")
	String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String newPassword,
			RedirectAttributes redirect) {
		try {
			accounts.resetPassword(id, newPassword);
			redirect.addFlashAttribute("success", texts.get("account.password.reset"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/nguoi-dung/" + id;
	}

	@PostMapping("/{id}/trang-thai")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		try {
			UserView user = accounts.setEnabled(id, enabled);
			redirect.addFlashAttribute("success",
					texts.get(enabled ? "account.enabled" : "account.disabled", user.username()));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/quan-tri/nguoi-dung/" + id;
	}

	@PostMapping("/{id}/mo-khoa")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		UserView user = accounts.unlock(id);
		redirect.addFlashAttribute("success", texts.get("account.unlocked", user.username()));
		return "redirect:/quan-tri/nguoi-dung/" + id;
	}

	private UserView load(long id) {
		return accounts.find(id).orElseThrow(() -> UserFacingException.notFound("account.notFound"));
	}

	private String form(Model model, UserForm form, UserView user) {
		model.addAttribute("form", form);
		model.addAttribute("user", user);
		model.addAttribute("roles", Role.values());
		model.addAttribute("scopes", AccessScope.values());
		model.addAttribute("organizationOptions", organizationOptions());
		model.addAttribute("minLength", accounts.passwordMinLength());
		return "account/admin/form";
	}

	private List<OrganizationView> organizationOptions() {
		return organizations.search(new OrganizationQuery(null, null, null, false), new PageResult.Request(0, 200))
			.items();
	}

}
