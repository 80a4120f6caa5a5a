package vn.dvk.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Ownership;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;

/**
 * What a registration must hold before it is written: kind, subject, name, an active field, an active organization
 * and a current locality both within the user's scope, a phase like 2021-2025, a start year, the nine content items
 * within their length, known tags and complete indicator rows.
 */
@Component
class DraftRules {

	private static final Pattern PHASE = Pattern.compile("^(\\d{4})-(\\d{4})$");

	private static final int MAX_NAME = 300;

	private static final int MAX_INDICATORS = 20;


	record Validated(Models.Row row, List<Indicator> indicators, Set<String> focusAreas, Set<String> movements) {
	}

	Validated validate(ModelDraft d, DvkUser user) {
		if (d.kind() == null) {
			throw UserFacingException.field("kind", "registry.kind.required");
		}
		if (d.subjectType() == null) {
			throw UserFacingException.field("subjectType", "registry.subject.required");
		}
		if (VietnameseText.isBlank(d.name())) {
			throw UserFacingException.field("name", "registry.name.required");
		}
		String name = VietnameseText.clean(d.name());
		if (name.length() > MAX_NAME) {
			throw UserFacingException.field("name", "validation.tooLong", MAX_NAME);
		}
		if (VietnameseText.isBlank(d.fieldCode()) || !catalogues.isActive(CatalogueEntry.FIELD, d.fieldCode())) {
			throw UserFacingException.field("fieldCode", "registry.field.required");
		}
		if (d.organizationId() == null) {
			throw UserFacingException.field("organizationId", "registry.organization.required");
		}
		OrganizationView org = organizations.find(d.organizationId())
			.filter(OrganizationView::active)
			.orElseThrow(() -> UserFacingException.field("organizationId", "registry.organization.unknown"));
		if (VietnameseText.isBlank(d.localityCode())) {
			throw UserFacingException.field("localityCode", "registry.locality.required");
		}
		Locality locality = localities.findCurrent(d.localityCode().trim())
			.orElseThrow(() -> UserFacingException.field("localityCode", "registry.locality.unknown",
					d.localityCode().trim()));
		if (!access.canChange(user, new Ownership(org.id(), locality.id()))) {
			throw UserFacingException.field("organizationId", "registry.organization.outOfScope");
		}
		String phase = d.phase() == null ? "" : d.phase().replace('–', '-').replace(" ", "").trim();
		var pm = PHASE.matcher(phase);
		if (!pm.matches() || Integer.parseInt(pm.group(2)) <= Integer.parseInt(pm.group(1))) {
			throw UserFacingException.field("phase", "registry.phase.format");
		}
		int thisYear = VietnameseFormats.today().getYear();
		if (d.startYear() == null || d.startYear() < 1990 || d.startYear() > thisYear + 1) {
			throw UserFacingException.field("startYear", "registry.startYear.range", thisYear + 1);
		}
		ModelContent content = d.content() == null ? ModelContent.empty() : d.content();
		ModelContent cleaned = new ModelContent(item(content, ContentItem.SITUATION), item(content, ContentItem.GOALS),
				item(content, ContentItem.CONTENT_METHOD), item(content, ContentItem.AREA_TARGET),
				item(content, ContentItem.FORCES), item(content, ContentItem.RESOURCES),
				item(content, ContentItem.TIMELINE), item(content, ContentItem.OUTPUTS),
				item(content, ContentItem.SUSTAINABILITY));
		Set<String> focus = codes(d.focusAreas(), CatalogueEntry.FOCUS_AREA, "focusAreas");
		Set<String> movements = codes(d.movements(), CatalogueEntry.MOVEMENT, "movements");
		List<Indicator> indicators = cleanIndicators(d.indicators(), null);
		boolean measurable = !indicators.isEmpty() || MeasureExtractor.hasMeasure(cleaned.outputs());
		return new Validated(new Models.Row(d.kind(), d.subjectType(), name, d.fieldCode().trim(), org.id(),
				locality.id(), phase, d.startYear(), cleaned, measurable), indicators, focus, movements);
	}

	private static String item(ModelContent content, ContentItem item) {
		String v = content.get(item);
		if (VietnameseText.isBlank(v)) {
			return null;
		}
		String s = v.strip().replace("\r\n", "\n");
		if (s.length() > ContentItem.MAX_LENGTH) {
			throw UserFacingException.field(item.property(), "validation.tooLong", ContentItem.MAX_LENGTH);
		}
		return s;
	}

	private Set<String> codes(Set<String> codes, String listKind, String field) {
		Set<String> out = new LinkedHashSet<>();
		if (codes == null) {
			return out;
		}
		for (String c : codes) {
			if (c == null || c.isBlank()) {
				continue;
			}
			if (!catalogues.isActive(listKind, c.trim())) {
				throw UserFacingException.field(field, "registry.catalogue.unknown", c.trim());
			}
			out.add(c.trim());
		}
		return out;
	}

	/** Indicator rows without the empty ones; a half-filled row is refused with what is missing. */
	static List<Indicator> cleanIndicators(List<Indicator> indicators, LocalDate defaultAsOf) {
		List<Indicator> out = new ArrayList<>();
		if (indicators == null) {
			return out;
		}
		for (Indicator i : indicators) {
			if (i == null || (VietnameseText.isBlank(i.name()) && i.value() == null && VietnameseText.isBlank(i.unit()))) {
				continue;
			}
			if (VietnameseText.isBlank(i.name()) || i.name().strip().length() > 200) {
				throw UserFacingException.field("indicators", "registry.indicator.name", out.size() + 1);
			}
			if (i.value() == null) {
				throw UserFacingException.field("indicators", "registry.indicator.value", i.name().strip());
			}
			if (VietnameseText.isBlank(i.unit()) || i.unit().strip().length() > 40) {
				throw UserFacingException.field("indicators", "registry.indicator.unit", i.name().strip());
			}
			if (i.value().abs().compareTo(new BigDecimal("1e15")) >= 0) {
				throw UserFacingException.field("indicators", "registry.indicator.value", i.name().strip());
			}
			out.add(new Indicator(VietnameseText.clean(i.name()), i.value(), VietnameseText.clean(i.unit()),
					i.asOf() == null ? defaultAsOf : i.asOf()));
		}
		if (out.size() > MAX_INDICATORS) {
			throw UserFacingException.field("indicators", "registry.indicator.tooMany", MAX_INDICATORS);
		}
		return out;
	}

	private final Catalogues catalogues;

	private final OrganizationService organizations;

	private final LocalityService localities;

	private final AccessPolicy access;

	DraftRules(Catalogues catalogues, OrganizationService organizations, LocalityService localities,
			AccessPolicy access) {
		this.catalogues = catalogues;
		this.organizations = organizations;
		this.localities = localities;
		this.access = access;
	}

}
