package vn.dvk.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.dvk.account.DvkUser;
import vn.dvk.system.SiteSettings;

/** What every page's layout needs: the site's identity, the current user and the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final SiteSettings site;

	private final vn.dvk.account.NotificationService notifications;

	private final vn.dvk.account.AccessPolicy policy;

	LayoutAdvice(SiteSettings site, vn.dvk.account.NotificationService notifications,
			vn.dvk.account.AccessPolicy policy) {
		this.site = site;
		this.notifications = notifications;
		this.policy = policy;
	}

	/**
	 * What the current user may do, by permission name ({@code ${can.RUN_APPRAISAL}}): pages show only the links
	 * and buttons the access policy allows; the services refuse the rest anyway.
	 */
	@ModelAttribute("can")
	java.util.Map<String, Boolean> can(Authentication authentication) {
		DvkUser user = currentUser(authentication);
		java.util.Map<String, Boolean> can = new java.util.HashMap<>();
		for (vn.dvk.account.Permission p : vn.dvk.account.Permission.values()) {
			can.put(p.name(), user != null && policy.allows(user, p));
		}
		return can;
	}

	/** The bell's count in the back office's header (unread notifications of the logged-in user). */
	@ModelAttribute("unreadNotifications")
	Long unreadNotifications(Authentication authentication, HttpServletRequest request) {
		DvkUser user = currentUser(authentication);
		if (user == null || !request.getRequestURI().startsWith(request.getContextPath() + "/quan-tri")
				&& !request.getRequestURI().startsWith(request.getContextPath() + "/tai-khoan")) {
			return null;
		}
		return notifications.unread(user.id());
	}

	@ModelAttribute("site")
	SiteSettings site() {
		return site;
	}

	@ModelAttribute("currentUser")
	DvkUser currentUser(Authentication authentication, HttpServletRequest request) {
		DvkUser user = currentUser(authentication);
		if (user != null) {
			// The page shows who is logged in: never keep it for anyone else.
			request.setAttribute(PublicPageCache.PERSONAL, Boolean.TRUE);
		}
		return user;
	}

	private static DvkUser currentUser(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof DvkUser user ? user : null;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** "?a=b&c=d" of the current request (or empty), for links that keep the current filters. */
	@ModelAttribute("currentQuery")
	String currentQuery(HttpServletRequest request) {
		String q = request.getQueryString();
		return q == null || q.isEmpty() ? "" : "?" + q;
	}

	/** For exception handlers, whose models Spring does not fill with the attributes above. */
	void populate(org.springframework.ui.Model model, HttpServletRequest request, Authentication authentication) {
		model.addAttribute("site", site());
		model.addAttribute("can", can(authentication));
		model.addAttribute("currentUser", currentUser(authentication, request));
		model.addAttribute("currentPath", currentPath(request));
		model.addAttribute("currentQuery", currentQuery(request));
	}

}
