package vn.dvk.locality;

import org.springframework.context.ApplicationEventPublisher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/** The locality module's API for organizations and their configurable types. */
@Service
public class OrganizationService {

	private final ApplicationEventPublisher events;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern TYPE_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

	private static final String SELECT = """
			select o.id, o.name, o.type_code, o.locality_id, o.parent_id, o.email, o.phone, o.active, o.version,
			       u.code as locality_code, u.name as locality_name, p.name as parent_name
			from organization o
			join administrative_unit u on u.id = o.locality_id
			left join organization p on p.id = o.parent_id""";

	/** Units at or under a root unit; the hierarchy is at most three levels deep. */
	private static final String UNITS_UNDER = """
			with recursive under_unit(id) as (
			    select id from administrative_unit where id = :rootUnit
			    union all
			    select c.id from administrative_unit c join under_unit s on c.parent_id = s.id
			) """;

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final LocalityService localities;

	private final AuditLog audit;

	OrganizationService(JdbcClient jdbc, Organizations organizations, LocalityService localities, AuditLog audit, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.localities = localities;
		this.audit = audit;
	}

	public Optional<OrganizationView> find(long id) {
		return jdbc.sql(SELECT + " where o.id = :id").param("id", id).query(mapper()).optional();
	}

	public PageResult<OrganizationView> search(OrganizationQuery query, PageResult.Request page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		String with = "";
		if (!query.includeInactive()) {
			where.append(" and o.active = true");
		}
		if (!VietnameseText.isBlank(query.typeCode())) {
			where.append(" and o.type_code = :type");
			params.put("type", query.typeCode().trim());
		}
		if (!VietnameseText.isBlank(query.localityCode())) {
			Optional<Locality> unit = localities.findByCode(query.localityCode().trim());
			if (unit.isEmpty()) {
				return new PageResult<>(List.of(), 0, page.page(), page.size());
			}
			with = UNITS_UNDER;
			where.append(" and o.locality_id in (select id from under_unit)");
			params.put("rootUnit", unit.get().id());
		}
		if (!VietnameseText.isBlank(query.text())) {
			String[] words = VietnameseText.fold(query.text()).split(" ");
			for (int i = 0; i < words.length; i++) {
				where.append(" and o.name_folded like :w").append(i);
				params.put("w" + i, "%" + LocalityService.escapeLike(words[i]) + "%");
			}
		}
		long total = jdbc.sql(with + "select count(*) from organization o" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<OrganizationView> items = jdbc
			.sql(with + SELECT + where + " order by o.sort_key, o.id limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(mapper())
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** Active organizations whose folded name is one of these (one query, for imports). */
	public List<OrganizationView> findByFoldedNames(java.util.Collection<String> foldedNames) {
		List<OrganizationView> out = new java.util.ArrayList<>();
		for (List<String> chunk : LocalityService.chunks(List.copyOf(foldedNames), 1000)) {
			if (!chunk.isEmpty()) {
				out.addAll(jdbc.sql(SELECT + " where o.active = true and o.name_folded in (:names)")
					.param("names", chunk)
					.query(mapper())
					.list());
			}
		}
		return out;
	}

	/** Whether {@code organizationId} is {@code ancestorId} or one of its sub-organizations. */
	public boolean isWithin(long organizationId, long ancestorId) {
		Long current = organizationId;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (current == ancestorId) {
				return true;
			}
			current = jdbc.sql("select parent_id from organization where id = :id")
				.param("id", current)
				.query((rs, n) -> (Long) rs.getObject(1, Long.class))
				.optional()
				.orElse(null);
		}
		return false;
	}

	@Transactional
	@ManagesUnits
	public OrganizationView create(OrganizationCommand command) {
		Validated v = validate(command, null);
		Organization org = new Organization(command.name(), v.typeCode, v.locality.id());
		org.change(command.name(), v.typeCode, v.locality.id(), command.parentId(), command.email(),
				command.phone());
		org = organizations.save(org);
		publicContentChanged();
		audit.record("ORGANIZATION_CREATED", "organization", org.getId(), AuditLog.values(snapshot(org, v)));
		return find(org.getId()).orElseThrow();
	}

	@Transactional
	@ManagesUnits
	public OrganizationView update(long id, int version, OrganizationCommand command) {
		Organization org = organizations.findById(id)
			.orElseThrow(() -> UserFacingException.notFound("organization.notFound"));
		if (org.getVersion() != version) {
			throw new OptimisticLockingFailureException("organization " + id);
		}
		OrganizationView before = find(id).orElseThrow();
		Validated v = validate(command, id);
		Map<String, Object> old = snapshot(before);
		org.change(command.name(), v.typeCode, v.locality.id(), command.parentId(), command.email(),
				command.phone());
		organizations.save(org);
		publicContentChanged();
		audit.record("ORGANIZATION_UPDATED", "organization", id, AuditLog.changes(old, snapshot(org, v)));
		return find(id).orElseThrow();
	}

	@Transactional
	@ManagesUnits
	public OrganizationView setActive(long id, boolean active) {
		Organization org = organizations.findById(id)
			.orElseThrow(() -> UserFacingException.notFound("organization.notFound"));
		if (org.isActive() != active) {
			org.setActive(active);
			organizations.save(org);
			publicContentChanged();
			audit.record(active ? "ORGANIZATION_ACTIVATED" : "ORGANIZATION_DEACTIVATED", "organization", id,
					"name: \"" + org.getName() + "\"");
		}
		return find(id).orElseThrow();
	}

	public long count() {
		return jdbc.sql("select count(*) from organization where active = true").query(Long.class).single();
	}

	// --- organization types -------------------------------------------------------------------------------

	public List<OrganizationType> types() {
		return jdbc.sql("select code, name_vi, name_en, sort_order, active from organization_type"
				+ " order by sort_order, code")
			.query((rs, n) -> new OrganizationType(rs.getString("code"), rs.getString("name_vi"),
					rs.getString("name_en"), rs.getInt("sort_order"), rs.getBoolean("active")))
			.list();
	}

	public List<OrganizationType> activeTypes() {
		return types().stream().filter(OrganizationType::active).toList();
	}

	public Optional<OrganizationType> type(String code) {
		return types().stream().filter(t -> t.code().equals(code)).findFirst();
	}

	/** Creates the type, or changes its names, order and active flag when the code exists. */
	@Transactional
	@ManagesUnits
	public OrganizationType saveType(OrganizationType type) {
		String code = type.code() == null ? "" : type.code().trim().toUpperCase(java.util.Locale.ROOT);
		if (!TYPE_CODE.matcher(code).matches()) {
			throw UserFacingException.field("code", "organization.type.code.format");
		}
		if (VietnameseText.isBlank(type.nameVi())) {
			throw UserFacingException.field("nameVi", "organization.type.name.required");
		}
		if (VietnameseText.isBlank(type.nameEn())) {
			throw UserFacingException.field("nameEn", "organization.type.name.required");
		}
		if (type.nameVi().length() > 120 || type.nameEn().length() > 120) {
			throw UserFacingException.field("nameVi", "organization.type.name.tooLong", 120);
		}
		Optional<OrganizationType> existing = type(code);
		OrganizationType saved = new OrganizationType(code, VietnameseText.clean(type.nameVi()),
				VietnameseText.clean(type.nameEn()), type.sortOrder(), type.active());
		if (existing.isPresent()) {
			jdbc.sql("""
					update organization_type set name_vi = :vi, name_en = :en, sort_order = :sort, active = :active
					where code = :code""")
				.paramSource(saved)
				.param("vi", saved.nameVi())
				.param("en", saved.nameEn())
				.param("sort", saved.sortOrder())
				.update();
			publicContentChanged();
			audit.record("ORGANIZATION_TYPE_UPDATED", "organization_type", code, AuditLog.changes(
					typeSnapshot(existing.get()), typeSnapshot(saved)));
		}
		else {
			jdbc.sql("""
					insert into organization_type (code, name_vi, name_en, sort_order, active)
					values (:code, :vi, :en, :sort, :active)""")
				.paramSource(saved)
				.param("vi", saved.nameVi())
				.param("en", saved.nameEn())
				.param("sort", saved.sortOrder())
				.update();
			publicContentChanged();
			audit.record("ORGANIZATION_TYPE_CREATED", "organization_type", code, AuditLog.values(typeSnapshot(saved)));
		}
		return saved;
	}

	private static Map<String, Object> typeSnapshot(OrganizationType t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("nameVi", t.nameVi());
		m.put("nameEn", t.nameEn());
		m.put("sortOrder", t.sortOrder());
		m.put("active", t.active());
		return m;
	}

	// --- validation ---------------------------------------------------------------------------------------

	private record Validated(String typeCode, Locality locality, String parentName) {
	}

	private Validated validate(OrganizationCommand c, Long selfId) {
		if (VietnameseText.isBlank(c.name())) {
			throw UserFacingException.field("name", "organization.name.required");
		}
		if (c.name().trim().length() > 200) {
			throw UserFacingException.field("name", "organization.name.tooLong", 200);
		}
		OrganizationType type = VietnameseText.isBlank(c.typeCode()) ? null : type(c.typeCode().trim()).orElse(null);
		if (type == null) {
			throw UserFacingException.field("typeCode", "organization.type.required");
		}
		if (VietnameseText.isBlank(c.localityCode())) {
			throw UserFacingException.field("localityCode", "organization.locality.required");
		}
		Locality locality = localities.findCurrent(c.localityCode().trim())
			.orElseThrow(() -> UserFacingException.field("localityCode", "organization.locality.unknown",
					c.localityCode().trim()));
		if (!VietnameseText.isBlank(c.email()) && !EMAIL.matcher(c.email().trim()).matches()) {
			throw UserFacingException.field("email", "validation.email");
		}
		if (c.phone() != null && c.phone().trim().length() > 30) {
			throw UserFacingException.field("phone", "validation.tooLong", 30);
		}
		String parentName = null;
		if (c.parentId() != null) {
			OrganizationView parent = find(c.parentId())
				.orElseThrow(() -> UserFacingException.field("parentId", "organization.parent.unknown"));
			if (selfId != null && isWithin(parent.id(), selfId)) {
				throw UserFacingException.field("parentId", "organization.parent.cycle");
			}
			parentName = parent.name();
		}
		String folded = VietnameseText.fold(c.name());
		boolean duplicate = jdbc.sql("""
				select count(*) from organization
				where name_folded = :folded and locality_id = :locality and id <> :self""")
			.param("folded", folded)
			.param("locality", locality.id())
			.param("self", selfId == null ? -1L : selfId)
			.query(Long.class)
			.single() > 0;
		if (duplicate) {
			throw UserFacingException.field("name", "organization.name.duplicate", locality.name());
		}
		return new Validated(type.code(), locality, parentName);
	}

	private static Map<String, Object> snapshot(Organization o, Validated v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", o.getName());
		m.put("type", o.getTypeCode());
		m.put("locality", v.locality.code());
		m.put("parent", v.parentName);
		m.put("email", o.getEmail());
		m.put("phone", o.getPhone());
		return m;
	}

	private static Map<String, Object> snapshot(OrganizationView o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", o.name());
		m.put("type", o.typeCode());
		m.put("locality", o.localityCode());
		m.put("parent", o.parentName());
		m.put("email", o.email());
		m.put("phone", o.phone());
		return m;
	}

	private static RowMapper<OrganizationView> mapper() {
		return (rs, n) -> new OrganizationView(rs.getLong("id"), rs.getString("name"), rs.getString("type_code"),
				rs.getLong("locality_id"), rs.getString("locality_code"), rs.getString("locality_name"),
				(Long) rs.getObject("parent_id", Long.class), rs.getString("parent_name"), rs.getString("email"),
				rs.getString("phone"), rs.getBoolean("active"), rs.getInt("version"));
	}

	/** Names of units, organizations and lists show on public pages: their cached copies start again. */
	private void publicContentChanged() {
		vn.dvk.shared.AfterCommit.run(() -> events.publishEvent(new vn.dvk.system.PublicContentChanged("organization")));
	}

}
