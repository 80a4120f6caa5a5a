package vn.dvk.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.system.SiteSettings;

/**
 * The one place that answers "may this user…": the permission a role holds ({@link Permission}), whether a record
 * lies within the user's scope, and what a judging panel's member may see ({@link PanelFacts}). Services ask it
 * before they return or change protected data; controllers never decide, and {@link Requires} on a service method
 * asks it for the logged-in user.
 * <ul>
 * <li>ADMIN sees and changes everything.</li>
 * <li>PROVINCE_STAFF and OFFICER see and change records within their scope.</li>
 * <li>APPRAISER, JURY and EDITOR see records within their scope and change none.</li>
 * <li>JOURNALIST and CITIZEN see no internal records (public pages are not guarded here).</li>
 * </ul>
 * Scopes: ORGANIZATION = the user's organization and its sub-organizations; COMMUNE = everything located in the
 * commune of the user's organization; PROVINCE = everything located in the province of the user's organization
 * (or of this installation when the user has none).
 */
@Service("accessPolicy")
public class AccessPolicy {

	private final OrganizationService organizations;

	private final LocalityService localities;

	private final SiteSettings site;

	AccessPolicy(OrganizationService organizations, LocalityService localities, SiteSettings site) {
		this.organizations = organizations;
		this.localities = localities;
		this.site = site;
	}

	// --- permissions ----------------------------------------------------------------------------------------------

	/** Whether the user's roles hold the permission (no record involved). */
	public boolean allows(DvkUser user, Permission permission) {
		return user != null && permission.heldBy(user.roles());
	}

	/** Refuses (403) unless the user's roles hold the permission. */
	public void require(DvkUser user, Permission permission) {
		if (!allows(user, permission)) {
			throw new AccessDeniedException(permission.name());
		}
	}

	/**
	 * For {@link Requires} and the URL rules: the logged-in principal, or the start-up "system" actor (who acts as
	 * an administrator, see {@link vn.dvk.system.SystemActor}).
	 */
	public boolean allows(Authentication authentication, String permission) {
		return allows(authentication, Permission.valueOf(permission));
	}

	public boolean allows(Authentication authentication, Permission permission) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		if (authentication.getPrincipal() instanceof DvkUser user) {
			return allows(user, permission);
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority a : authentication.getAuthorities()) {
			for (Role r : Role.values()) {
				if (r.authority().equals(a.getAuthority())) {
					roles.add(r);
				}
			}
		}
		return permission.heldBy(roles);
	}

	/** Every permission the user holds (pages show only the links and buttons the user may use). */
	public Set<Permission> permissions(DvkUser user) {
		Set<Permission> held = EnumSet.noneOf(Permission.class);
		for (Permission p : Permission.values()) {
			if (allows(user, p)) {
				held.add(p);
			}
		}
		return held;
	}

	// --- judging panels ------------------------------------------------------------------------------------------

	/**
	 * What a panel (appraisal council, contest jury) lets a user do. The runners (staff holding the panel kind's
	 * permission) see everything at any time; a member scores while the panel is open; the chair manages the
	 * members' work; in a blind panel members see neither the ranking nor each other's sheets until it closes, and
	 * never whose work they judge.
	 */
	public boolean mayReadResults(PanelFacts panel) {
		return panel.runner() || (panel.member() && (!panel.blind() || !panel.open()));
	}

	public boolean mayManagePanel(PanelFacts panel) {
		return panel.runner() || panel.chair();
	}

	public boolean mayReadSheets(PanelFacts panel) {
		return panel.runner() || (panel.chair() && (!panel.blind() || !panel.open()));
	}

	public boolean mayScore(PanelFacts panel) {
		return panel.member() && panel.open();
	}

	public boolean mayKnowAuthors(PanelFacts panel) {
		return panel.runner() || !panel.blind();
	}

	public boolean maySeePanel(PanelFacts panel) {
		return panel.runner() || panel.member();
	}

	/** Refuses (403) unless the rule holds. */
	public void check(boolean allowed, String what) {
		if (!allowed) {
			throw new AccessDeniedException(what);
		}
	}

	// --- scope ---------------------------------------------------------------------------------------------------

	public boolean canView(DvkUser user, Ownership target) {
		if (user == null) {
			return false;
		}
		if (allows(user, Permission.EVERY_SCOPE)) {
			return true;
		}
		if (!allows(user, Permission.READ_SCOPE)) {
			return false;
		}
		return inScope(user, target);
	}

	/**
	 * Whether the target lies within the user's scope, whatever the roles (a module checks the roles its own
	 * records need, then asks this). ADMIN: always.
	 */
	public boolean withinScope(DvkUser user, Ownership target) {
		if (user == null) {
			return false;
		}
		return allows(user, Permission.EVERY_SCOPE) || inScope(user, target);
	}

	public boolean canChange(DvkUser user, Ownership target) {
		if (user == null) {
			return false;
		}
		if (allows(user, Permission.EVERY_SCOPE)) {
			return true;
		}
		if (!allows(user, Permission.CHANGE_SCOPE)) {
			return false;
		}
		return inScope(user, target);
	}

	public void checkView(DvkUser user, Ownership target) {
		if (!canView(user, target)) {
			throw new AccessDeniedException("scope");
		}
	}

	public void checkChange(DvkUser user, Ownership target) {
		if (!canChange(user, target)) {
			throw new AccessDeniedException("scope");
		}
	}

	/** What the user may see, for list queries. */
	public ScopeFilter filterFor(DvkUser user) {
		if (user == null) {
			return new ScopeFilter.Nothing();
		}
		if (allows(user, Permission.EVERY_SCOPE)) {
			return new ScopeFilter.Everything();
		}
		if (!allows(user, Permission.READ_SCOPE)) {
			return new ScopeFilter.Nothing();
		}
		return switch (user.scope()) {
			case ORGANIZATION -> user.organizationId() == null ? new ScopeFilter.Nothing()
					: new ScopeFilter.OrganizationsUnder(user.organizationId());
			case COMMUNE -> communeOf(user).<ScopeFilter>map(ScopeFilter.LocalitiesUnder::new)
				.orElseGet(ScopeFilter.Nothing::new);
			case PROVINCE -> provinceOf(user).<ScopeFilter>map(ScopeFilter.LocalitiesUnder::new)
				.orElseGet(ScopeFilter.Nothing::new);
		};
	}

	private boolean inScope(DvkUser user, Ownership target) {
		ScopeFilter filter = filterFor(user);
		if (filter instanceof ScopeFilter.Everything) {
			return true;
		}
		if (filter instanceof ScopeFilter.OrganizationsUnder o) {
			return target.organizationId() != null
					&& organizations.isWithin(target.organizationId(), o.organizationId());
		}
		if (filter instanceof ScopeFilter.LocalitiesUnder l) {
			return localityOf(target).map(unitId -> localities.isWithin(unitId, l.unitId())).orElse(false);
		}
		return false;
	}

	private Optional<Long> localityOf(Ownership target) {
		if (target.localityId() != null) {
			return Optional.of(target.localityId());
		}
		if (target.organizationId() != null) {
			return organizations.find(target.organizationId()).map(OrganizationView::localityId);
		}
		return Optional.empty();
	}

	/** The commune-level unit of the user's organization (its own locality when that is a commune). */
	private Optional<Long> communeOf(DvkUser user) {
		if (user.organizationId() == null) {
			return Optional.empty();
		}
		return organizations.find(user.organizationId()).flatMap(org -> {
			List<Long> chain = localities.ancestorIds(org.localityId());
			for (Long id : chain) {
				Optional<Locality> unit = localities.find(id);
				if (unit.isPresent() && unit.get().type().isCommuneLevel()) {
					return Optional.of(id);
				}
			}
			return Optional.empty();
		});
	}

	/** The province-level unit above the user's organization, or this installation's province. */
	private Optional<Long> provinceOf(DvkUser user) {
		if (user.organizationId() != null) {
			Optional<OrganizationView> org = organizations.find(user.organizationId());
			if (org.isPresent()) {
				List<Long> chain = localities.ancestorIds(org.get().localityId());
				return Optional.of(chain.get(chain.size() - 1));
			}
		}
		return localities.findCurrent(site.provinceCode()).map(Locality::id);
	}

}
