package vn.dvk.locality;

import org.springframework.context.ApplicationEventPublisher;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;

/**
 * The locality module's API for administrative units: look-up by code, search, hierarchy checks, administration
 * and import.
 */
@Service
public class LocalityService {

	private final ApplicationEventPublisher events;

	private static final String SELECT = """
			select u.id, u.code, u.name, u.english_name, u.type, u.parent_id, u.valid_from, u.valid_to, u.version,
			       p.code as parent_code, p.name as parent_name
			from administrative_unit u left join administrative_unit p on p.id = u.parent_id""";

	private static final String CURRENT = " (u.valid_from <= :today and (u.valid_to is null or u.valid_to >= :today)) ";

	private final JdbcClient jdbc;

	private final AdministrativeUnits units;

	private final LocalityImporter importer;

	private final AuditLog audit;

	/** Ancestor chains change only when an administrator edits units; a short expiry covers other nodes. */
	private final Cache<Long, List<Long>> ancestorChains = Caffeine.newBuilder()
		.maximumSize(50_000)
		.expireAfterWrite(Duration.ofMinutes(5))
		.build();

	LocalityService(JdbcClient jdbc, AdministrativeUnits units, LocalityImporter importer, AuditLog audit, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.units = units;
		this.importer = importer;
		this.audit = audit;
	}

	public Optional<Locality> find(long id) {
		return jdbc.sql(SELECT + " where u.id = :id")
			.param("id", id)
			.param("today", today())
			.query(mapper())
			.optional();
	}

	/** The unit with this code that is valid today. */
	public Optional<Locality> findCurrent(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where u.code = :code and" + CURRENT)
			.param("code", code.trim())
			.param("today", today())
			.query(mapper())
			.optional();
	}

	/** The unit with this code valid today, or else the one that held the code most recently. */
	public Optional<Locality> findByCode(String code) {
		Optional<Locality> current = findCurrent(code);
		if (current.isPresent() || code == null) {
			return current;
		}
		return jdbc.sql(SELECT + " where u.code = :code order by u.valid_from desc limit 1")
			.param("code", code.trim())
			.param("today", today())
			.query(mapper())
			.optional();
	}

	public PageResult<Locality> search(LocalityQuery query, PageResult.Request page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("today", today());
		if (!query.includeRetired()) {
			where.append(" and").append(CURRENT);
		}
		if (query.type() != null) {
			where.append(" and u.type = :type");
			params.put("type", query.type().name());
		}
		if (!VietnameseText.isBlank(query.parentCode())) {
			Optional<Locality> parent = findByCode(query.parentCode());
			if (parent.isEmpty()) {
				return new PageResult<>(List.of(), 0, page.page(), page.size());
			}
			where.append(" and u.parent_id = :parentId");
			params.put("parentId", parent.get().id());
		}
		boolean textSearch = !VietnameseText.isBlank(query.text());
		if (textSearch) {
			String text = query.text().trim();
			if (text.chars().allMatch(Character::isDigit)) {
				where.append(" and u.code like :codePrefix");
				params.put("codePrefix", text + "%");
			}
			else {
				String[] words = VietnameseText.fold(text).split(" ");
				for (int i = 0; i < words.length; i++) {
					where.append(" and u.name_folded like :w").append(i);
					params.put("w" + i, "%" + escapeLike(words[i]) + "%");
				}
			}
		}
		long total = jdbc.sql("select count(*) from administrative_unit u" + where)
			.params(params)
			.query(Long.class)
			.single();
		String order = textSearch ? " order by u.sort_key, u.id" : " order by u.code, u.valid_from desc";
		List<Locality> items = jdbc.sql(SELECT + where + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(mapper())
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** The units valid today among these codes, by code (one query, for imports). */
	public Map<String, Locality> findCurrent(java.util.Collection<String> codes) {
		Map<String, Locality> out = new LinkedHashMap<>();
		if (codes.isEmpty()) {
			return out;
		}
		for (List<String> chunk : chunks(List.copyOf(codes), 1000)) {
			jdbc.sql(SELECT + " where u.code in (:codes) and" + CURRENT)
				.param("codes", chunk)
				.param("today", today())
				.query(mapper())
				.list()
				.forEach(l -> out.put(l.code(), l));
		}
		return out;
	}

	static <T> List<List<T>> chunks(List<T> list, int size) {
		List<List<T>> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i += size) {
			out.add(list.subList(i, Math.min(list.size(), i + size)));
		}
		return out;
	}

	/** Current provinces and centrally-run cities, by code. */
	public List<Locality> provinces() {
		return jdbc.sql(SELECT + " where u.type in ('PROVINCE', 'CENTRAL_CITY') and" + CURRENT + " order by u.code")
			.param("today", today())
			.query(mapper())
			.list();
	}

	/** Province-level units (and, with {@code includeRetired}, former ones), by code: the top of the tree. */
	public List<Locality> topLevel(boolean includeRetired) {
		return jdbc
			.sql(SELECT + " where u.type in ('PROVINCE', 'CENTRAL_CITY')" + (includeRetired ? "" : " and" + CURRENT)
					+ " order by u.code, u.valid_from desc")
			.param("today", today())
			.query(mapper())
			.list();
	}

	/** Units above this one, from the province down to its parent. */
	public List<Locality> ancestors(long id) {
		List<Long> chain = ancestorIds(id);
		List<Locality> result = new ArrayList<>();
		for (int i = chain.size() - 1; i >= 1; i--) {
			find(chain.get(i)).ifPresent(result::add);
		}
		return result;
	}

	/** This unit's id followed by its parent's, its grandparent's and so on. */
	public List<Long> ancestorIds(long id) {
		return ancestorChains.get(id, this::loadAncestorIds);
	}

	/** Whether the unit is the given ancestor or lies (transitively) under it. */
	public boolean isWithin(long unitId, long ancestorId) {
		return ancestorIds(unitId).contains(ancestorId);
	}

	private List<Long> loadAncestorIds(long id) {
		List<Long> chain = new ArrayList<>();
		Long current = id;
		// Hierarchies are at most three levels deep; the bound guards against a corrupted cycle.
		while (current != null && chain.size() < 10 && !chain.contains(current)) {
			chain.add(current);
			current = jdbc.sql("select parent_id from administrative_unit where id = :id")
				.param("id", current)
				.query((rs, n) -> (Long) rs.getObject(1, Long.class))
				.optional()
				.orElse(null);
		}
		return Collections.unmodifiableList(chain);
	}

	public List<NameChange> nameHistory(long id) {
		return jdbc
			.sql("select name, replaced_at, replaced_by from administrative_unit_name where unit_id = :id"
					+ " order by replaced_at desc, id desc")
			.param("id", id)
			.query((rs, n) -> new NameChange(rs.getString("name"), rs.getTimestamp("replaced_at").toInstant(),
					rs.getString("replaced_by")))
			.list();
	}

	@Transactional
	@ManagesUnits
	public Locality create(UnitCommand command) {
		Validated v = validate(command, null);
		AdministrativeUnit unit = new AdministrativeUnit(v.code, command.name(), command.type(), v.parentId,
				v.validFrom);
		unit.change(command.type(), v.parentId, command.englishName(), v.validFrom, command.validTo());
		unit = units.save(unit);
		ancestorChains.invalidateAll();
		publicContentChanged();
		audit.record("UNIT_CREATED", "administrative_unit", unit.getId(),
				AuditLog.values(snapshot(unit, v.parentCode)));
		return find(unit.getId()).orElseThrow();
	}

	@Transactional
	@ManagesUnits
	public Locality update(long id, int version, UnitCommand command) {
		AdministrativeUnit unit = units.findById(id)
			.orElseThrow(() -> UserFacingException.notFound("locality.notFound"));
		if (unit.getVersion() != version) {
			throw new OptimisticLockingFailureException("administrative_unit " + id);
		}
		Locality before = find(id).orElseThrow();
		Validated v = validate(command, id);
		Map<String, Object> old = snapshot(unit, before.parentCode());
		String oldName = unit.getName();
		unit.rename(command.name());
		unit.change(command.type(), v.parentId, command.englishName(), v.validFrom, command.validTo());
		if (!oldName.equals(unit.getName())) {
			recordFormerName(id, oldName);
		}
		units.save(unit);
		ancestorChains.invalidateAll();
		publicContentChanged();
		audit.record("UNIT_UPDATED", "administrative_unit", id, AuditLog.changes(old, snapshot(unit, v.parentCode)));
		return find(id).orElseThrow();
	}

	/** Ends the unit's validity on {@code lastDay}; it stays readable for history. */
	@Transactional
	@ManagesUnits
	public Locality retire(long id, LocalDate lastDay) {
		AdministrativeUnit unit = units.findById(id)
			.orElseThrow(() -> UserFacingException.notFound("locality.notFound"));
		if (lastDay == null) {
			throw UserFacingException.field("validTo", "locality.validTo.required");
		}
		if (lastDay.isBefore(unit.getValidFrom())) {
			throw UserFacingException.field("validTo", "locality.validTo.beforeFrom");
		}
		LocalDate today = VietnameseFormats.today();
		long activeChildren = jdbc
			.sql("select count(*) from administrative_unit u where u.parent_id = :id and" + CURRENT)
			.param("id", id)
			.param("today", Date.valueOf(lastDay.isAfter(today) ? lastDay : today))
			.query(Long.class)
			.single();
		if (activeChildren > 0) {
			throw UserFacingException.conflict("locality.retire.hasChildren", activeChildren);
		}
		unit.retire(lastDay);
		units.save(unit);
		publicContentChanged();
		audit.record("UNIT_RETIRED", "administrative_unit", id, "code: \"" + unit.getCode() + "\"; validTo: \""
				+ VietnameseFormats.date(lastDay) + "\"");
		return find(id).orElseThrow();
	}

	/**
	 * Imports an official list (CSV or XLSX). With {@code commit} false nothing is written; with {@code commit}
	 * true everything is written or, when any row is rejected, nothing.
	 */
	@Transactional
	@ManagesUnits
	public ImportReport importFile(byte[] content, String filename, LocalDate validFrom, boolean commit) {
		ImportReport report = importer.run(content, filename, validFrom == null ? today().toLocalDate() : validFrom,
				commit);
		if (report.committed()) {
			ancestorChains.invalidateAll();
		}
		return report;
	}

	public long countCurrent() {
		return jdbc.sql("select count(*) from administrative_unit u where" + CURRENT)
			.param("today", today())
			.query(Long.class)
			.single();
	}

	private void recordFormerName(long id, String oldName) {
		jdbc.sql("""
				insert into administrative_unit_name (unit_id, name, replaced_at, replaced_by)
				values (:id, :name, :at, :by)""")
			.param("id", id)
			.param("name", oldName)
			.param("at", Timestamp.from(Instant.now()))
			.param("by", AuditLog.currentActor())
			.update();
	}

	private record Validated(String code, Long parentId, String parentCode, LocalDate validFrom) {
	}

	private Validated validate(UnitCommand c, Long selfId) {
		String code = c.code() == null ? "" : c.code().trim();
		if (code.isEmpty()) {
			throw UserFacingException.field("code", "locality.code.required");
		}
		if (!code.chars().allMatch(Character::isDigit) || UnitType.levelOfCode(code) == 0) {
			throw UserFacingException.field("code", "locality.code.format");
		}
		if (c.type() == null) {
			throw UserFacingException.field("type", "locality.type.required");
		}
		if (UnitType.levelOfCode(code) != c.type().level()) {
			throw UserFacingException.field("code", "locality.code.levelMismatch");
		}
		if (VietnameseText.isBlank(c.name())) {
			throw UserFacingException.field("name", "locality.name.required");
		}
		if (c.name().trim().length() > 150) {
			throw UserFacingException.field("name", "locality.name.tooLong", 150);
		}
		LocalDate validFrom = c.validFrom() == null ? VietnameseFormats.today() : c.validFrom();
		if (c.validTo() != null && c.validTo().isBefore(validFrom)) {
			throw UserFacingException.field("validTo", "locality.validTo.beforeFrom");
		}
		Long parentId = null;
		String parentCode = null;
		if (c.type().isProvinceLevel()) {
			if (!VietnameseText.isBlank(c.parentCode())) {
				throw UserFacingException.field("parentCode", "locality.parent.notAllowed");
			}
		}
		else {
			if (VietnameseText.isBlank(c.parentCode())) {
				throw UserFacingException.field("parentCode", "locality.parent.required");
			}
			Locality parent = findByCode(c.parentCode().trim())
				.orElseThrow(() -> UserFacingException.field("parentCode", "locality.parent.unknown", c.parentCode()));
			if (parent.type().level() >= c.type().level()) {
				throw UserFacingException.field("parentCode", "locality.parent.wrongLevel");
			}
			if (selfId != null && isWithin(parent.id(), selfId)) {
				throw UserFacingException.field("parentCode", "locality.parent.cycle");
			}
			parentId = parent.id();
			parentCode = parent.code();
		}
		// Two units may share a code only if their periods of validity do not overlap.
		LocalDate to = c.validTo() == null ? LocalDate.of(9999, 12, 31) : c.validTo();
		List<String> clash = jdbc.sql("""
				select name from administrative_unit
				where code = :code and id <> :self
				  and valid_from <= :to and (valid_to is null or valid_to >= :from)""")
			.param("code", code)
			.param("self", selfId == null ? -1L : selfId)
			.param("to", Date.valueOf(to))
			.param("from", Date.valueOf(validFrom))
			.query(String.class)
			.list();
		if (!clash.isEmpty()) {
			throw UserFacingException.field("code", "locality.code.taken", code, clash.get(0));
		}
		return new Validated(code, parentId, parentCode, validFrom);
	}

	private static Map<String, Object> snapshot(AdministrativeUnit u, String parentCode) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", u.getCode());
		m.put("name", u.getName());
		m.put("englishName", u.getEnglishName());
		m.put("type", u.getType());
		m.put("parent", parentCode);
		m.put("validFrom", VietnameseFormats.date(u.getValidFrom()));
		m.put("validTo", u.getValidTo() == null ? null : VietnameseFormats.date(u.getValidTo()));
		return m;
	}

	private static Date today() {
		return Date.valueOf(VietnameseFormats.today());
	}

	static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static RowMapper<Locality> mapper() {
		LocalDate today = VietnameseFormats.today();
		return (rs, n) -> {
			LocalDate to = rs.getObject("valid_to", LocalDate.class);
			return new Locality(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("english_name"), UnitType.valueOf(rs.getString("type")),
					(Long) rs.getObject("parent_id", Long.class), rs.getString("parent_code"),
					rs.getString("parent_name"), rs.getObject("valid_from", LocalDate.class), to,
					to != null && to.isBefore(today), rs.getInt("version"));
		};
	}

	/** Names of units, organizations and lists show on public pages: their cached copies start again. */
	private void publicContentChanged() {
		vn.dvk.shared.AfterCommit.run(() -> events.publishEvent(new vn.dvk.system.PublicContentChanged("locality")));
	}

}
