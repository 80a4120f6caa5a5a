package vn.dvk.registry;

import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.system.AuditLog;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/** The configurable lists of the registry: fields, focus areas, linked movements. */
@Service
public class Catalogues {

	private final ApplicationEventPublisher events;

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

	private final JdbcClient jdbc;

	private final AuditLog audit;

	/** Lists change rarely (an administrator's edit); a short expiry covers other nodes. */
	private final Cache<String, List<CatalogueEntry>> cache = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	Catalogues(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public List<CatalogueEntry> all(String listKind) {
		return cache.get(listKind, k -> jdbc
			.sql("select list_kind, code, name_vi, name_en, sort_order, active from registry_catalogue"
					+ " where list_kind = :k order by sort_order, code")
			.param("k", k)
			.query((rs, n) -> new CatalogueEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getBoolean(6)))
			.list());
	}

	public List<CatalogueEntry> active(String listKind) {
		return all(listKind).stream().filter(CatalogueEntry::active).toList();
	}

	public boolean isActive(String listKind, String code) {
		return active(listKind).stream().anyMatch(e -> e.code().equals(code));
	}

	public Optional<CatalogueEntry> find(String listKind, String code) {
		return all(listKind).stream().filter(e -> e.code().equals(code)).findFirst();
	}

	/** Code → name in the locale, for pages and exports, in the list's own order. */
	public Map<String, String> names(String listKind, Locale locale) {
		return all(listKind).stream()
			.collect(Collectors.toMap(CatalogueEntry::code, e -> e.name(locale), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	/** An active entry whose folded name or code equals the text (imports match fields by name). */
	public Optional<CatalogueEntry> match(String listKind, String text) {
		String folded = VietnameseText.fold(text).replaceAll("[^a-z0-9]+", " ").trim();
		return active(listKind).stream()
			.filter(e -> e.code().equalsIgnoreCase(text.trim())
					|| VietnameseText.fold(e.nameVi()).replaceAll("[^a-z0-9]+", " ").trim().equals(folded)
					|| VietnameseText.fold(e.nameEn()).replaceAll("[^a-z0-9]+", " ").trim().equals(folded))
			.findFirst();
	}

	@Transactional
	@vn.dvk.account.Requires(vn.dvk.account.Permission.MANAGE_CATALOGUES)
	public CatalogueEntry save(CatalogueEntry entry) {
		if (!List.of(CatalogueEntry.FIELD, CatalogueEntry.FOCUS_AREA, CatalogueEntry.MOVEMENT)
			.contains(entry.listKind())) {
			throw UserFacingException.badRequest("registry.catalogue.badKind");
		}
		String code = entry.code() == null ? "" : entry.code().trim().toUpperCase(Locale.ROOT);
		if (!CODE.matcher(code).matches()) {
			throw UserFacingException.field("code", "organization.type.code.format");
		}
		if (VietnameseText.isBlank(entry.nameVi()) || VietnameseText.isBlank(entry.nameEn())) {
			throw UserFacingException.field("nameVi", "organization.type.name.required");
		}
		if (entry.nameVi().length() > 200 || entry.nameEn().length() > 200) {
			throw UserFacingException.field("nameVi", "validation.tooLong", 200);
		}
		CatalogueEntry saved = new CatalogueEntry(entry.listKind(), code, VietnameseText.clean(entry.nameVi()),
				VietnameseText.clean(entry.nameEn()), entry.sortOrder(), entry.active());
		int updated = jdbc.sql("""
				update registry_catalogue set name_vi = :vi, name_en = :en, sort_order = :sort, active = :active
				where list_kind = :kind and code = :code""")
			.param("vi", saved.nameVi())
			.param("en", saved.nameEn())
			.param("sort", saved.sortOrder())
			.param("active", saved.active())
			.param("kind", saved.listKind())
			.param("code", code)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into registry_catalogue (list_kind, code, name_vi, name_en, sort_order, active)
					values (:kind, :code, :vi, :en, :sort, :active)""")
				.param("vi", saved.nameVi())
				.param("en", saved.nameEn())
				.param("sort", saved.sortOrder())
				.param("active", saved.active())
				.param("kind", saved.listKind())
				.param("code", code)
				.update();
		}
		publicContentChanged();
		audit.record(updated == 0 ? "CATALOGUE_CREATED" : "CATALOGUE_UPDATED", "registry_catalogue",
				saved.listKind() + ":" + code, "nameVi: \"" + saved.nameVi() + "\"; active: " + saved.active());
		cache.invalidateAll();
		return saved;
	}


	/** Names of units, organizations and lists show on public pages: their cached copies start again. */
	private void publicContentChanged() {
		vn.dvk.shared.AfterCommit.run(() -> events.publishEvent(new vn.dvk.system.PublicContentChanged("catalogue")));
	}

}
