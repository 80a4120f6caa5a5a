package vn.dvk.account;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.shared.SiteSettings;

/**
 * The one place that answers "may this user see / change records of organization X or locality Y?". Services call
 * it before reading or writing another module's records; controllers are never the only guard.
 * <ul>
 * <li>ADMIN sees and changes everything.</li>
 * <li>PROVINCE_STAFF and OFFICER see and change records within their scope.</li>
 * <li>APPRAISER and JURY see records within their scope and change none.</li>
 * <li>JOURNALIST and CITIZEN see no internal records (public pages are not guarded here).</li>
 * </ul>
 * Scopes: ORGANIZATION = the user's organization and its sub-organizations; COMMUNE = everything located in the
 * commune of the user's organization; PROVINCE = everything located in the province of the user's organization
 * (or of this installation when the user has none).
 */
@Service
public class AccessPolicy {

	private final OrganizationService organizations;

	private final LocalityService localities;

	private final SiteSettings site;

	AccessPolicy(OrganizationService organizations, LocalityService localities, SiteSettings site) {
		this.organizations = organizations;
		this.localities = localities;
		this.site = site;
	}

	public boolean canView(DvkUser user, Ownership target) {
		if (user == null) {
			return false;
		}
		if (user.hasRole(Role.ADMIN)) {
			return true;
		}
		if (!user.hasAnyRole(Role.PROVINCE_STAFF, Role.OFFICER, Role.APPRAISER, Role.JURY, Role.EDITOR)) {
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
		return user.hasRole(Role.ADMIN) || inScope(user, target);
	}

	public boolean canChange(DvkUser user, Ownership target) {
		if (user == null) {
			return false;
		}
		if (user.hasRole(Role.ADMIN)) {
			return true;
		}
		if (!user.hasAnyRole(Role.PROVINCE_STAFF, Role.OFFICER)) {
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
		if (user.hasRole(Role.ADMIN)) {
			return new ScopeFilter.Everything();
		}
		if (!user.hasAnyRole(Role.PROVINCE_STAFF, Role.OFFICER, Role.APPRAISER, Role.JURY, Role.EDITOR)) {
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
