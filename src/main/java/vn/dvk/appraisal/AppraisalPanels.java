package vn.dvk.appraisal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.account.AccountService;
import vn.dvk.account.Permission;
import vn.dvk.account.UserView;
import vn.dvk.judging.ConflictKind;
import vn.dvk.judging.Member;
import vn.dvk.judging.Panel;
import vn.dvk.judging.PanelOwner;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.registry.ModelRef;
import vn.dvk.registry.RegistryService;

/**
 * What appraisal councils judge: models. A member is conflicted automatically on a model registered by their own
 * organization (AUTO_UNIT) or located in the commune their organization sits in (AUTO_COMMUNE).
 */
@Component
class AppraisalPanels implements PanelOwner {

	private final JdbcClient jdbc;

	private final AccountService accounts;

	private final OrganizationService organizations;

	private final LocalityService localities;

	private final RegistryService registry;

	AppraisalPanels(JdbcClient jdbc, AccountService accounts, OrganizationService organizations,
			LocalityService localities, RegistryService registry) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.organizations = organizations;
		this.localities = localities;
		this.registry = registry;
	}

	@Override
	public String kind() {
		return AppraisalService.KIND;
	}

	@Override
	public Permission runs() {
		return Permission.RUN_APPRAISAL;
	}

	@Override
	public Permission sits() {
		return Permission.SIT_ON_COUNCIL;
	}

	@Override
	public Map<String, ConflictKind> automaticConflicts(Panel panel, Map<Long, Member> members,
			Collection<Long> subjects) {
		Map<String, ConflictKind> found = new HashMap<>();
		Map<Long, ModelRef> models = registry.refs(subjects);
		for (UserView member : accounts.findAll(members.keySet()).values()) {
			if (member.organizationId() == null) {
				continue;
			}
			Long commune = communeOf(member.organizationId());
			for (ModelRef m : models.values()) {
				String key = member.id() + ":" + m.id();
				if (m.organizationId() == member.organizationId()) {
					found.put(key, ConflictKind.AUTO_UNIT);
				}
				else if (commune != null && m.localityId() == commune) {
					found.put(key, ConflictKind.AUTO_COMMUNE);
				}
			}
		}
		return found;
	}

	/** The commune an organization sits in: its unit, unless that is a province (no parent). */
	private Long communeOf(long organizationId) {
		return organizations.find(organizationId)
			.map(OrganizationView::localityId)
			.flatMap(localities::find)
			.filter(unit -> unit.parentId() != null)
			.map(Locality::id)
			.orElse(null);
	}

	@Override
	public String subjectName(long subjectId) {
		ModelRef m = registry.refs(java.util.List.of(subjectId)).get(subjectId);
		return m == null ? "#" + subjectId : m.name();
	}

	@Override
	public String panelName(Panel panel) {
		return jdbc.sql("select name from appraisal_round where id = ?").params(panel.ownerId()).query(String.class)
			.optional()
			.orElse("#" + panel.ownerId());
	}

	@Override
	public String panelPath(Panel panel) {
		return "/quan-tri/tham-dinh/" + panel.ownerId();
	}

}
