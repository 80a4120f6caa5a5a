package vn.dvk.contest;

import vn.dvk.account.Permission;

import vn.dvk.account.AccessPolicy;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.DvkUser;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.registry.ModelQuery;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelSummary;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.RegistryService;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;
import vn.dvk.documents.PdfDocuments;
import vn.dvk.system.SiteSettings;
import vn.dvk.shared.UserFacingException;

/**
 * The press kit: recognized exemplars as journalists need them — story, indicators, photo, a contact at the
 * organization — those the committee recommends first, and a one-page fact sheet as PDF.
 */
@Service
public class PressKit {

	private final AccessPolicy access;

	public record Item(ModelSummary model, boolean recommended, String note, OrganizationView organization) {
	}

	private final JdbcClient jdbc;

	private final RegistryService registry;

	private final OrganizationService organizations;

	private final Catalogues catalogues;

	private final PdfDocuments pdfs;

	private final SiteSettings site;

	private final AuditLog audit;

	PressKit(JdbcClient jdbc, RegistryService registry, OrganizationService organizations, Catalogues catalogues,
			PdfDocuments pdfs, SiteSettings site, AuditLog audit, AccessPolicy access) {
		this.access = access;
		this.jdbc = jdbc;
		this.registry = registry;
		this.organizations = organizations;
		this.catalogues = catalogues;
		this.pdfs = pdfs;
		this.site = site;
		this.audit = audit;
	}

	/** One page of recognized public exemplars and models, the recommended ones first when asked for only them. */
	public PageResult<Item> list(String text, boolean recommendedOnly, PageResult.Request page) {
		Map<Long, String> recommended = recommended();
		if (recommendedOnly) {
			// only the page's models are read (a dozen lookups), not every recommendation
			List<Long> ids = List.copyOf(recommended.keySet());
			int from = Math.min((int) page.offset(), ids.size());
			List<Item> items = ids.subList(from, Math.min(from + page.size(), ids.size()))
				.stream()
				.map(id -> registry.findPublic(id).orElse(null))
				.filter(java.util.Objects::nonNull)
				.map(v -> item(summaryOf(v), recommended))
				.toList();
			return new PageResult<>(items, ids.size(), page.page(), page.size());
		}
		PageResult<ModelSummary> models = registry.directory(new ModelQuery(text == null || text.isBlank() ? null : text,
				null, null, null, null, ModelStatus.RECOGNIZED_STATES, null, null, null), page);
		return models.map(m -> item(m, recommended));
	}

	private Item item(ModelSummary m, Map<Long, String> recommended) {
		return new Item(m, recommended.containsKey(m.id()), recommended.get(m.id()),
				organizations.find(m.organizationId()).orElse(null));
	}

	private ModelSummary summaryOf(ModelView v) {
		return new ModelSummary(v.id(), v.kind(), v.subjectType(), v.name(), v.slug(), v.fieldCode(), v.organizationId(),
				v.organizationName(), v.localityCode(), v.localityName(), v.phase(), v.startYear(), v.status(),
				v.recognitionLevel(), v.recognitionDate(), v.coverEvidenceId(), v.spreadLocalities(),
				v.spreadOrganizations(), Set.of(), v.updatedAt(), List.of(), List.of());
	}

	/** Recommended model id → the committee's note (may be null). */
	public Map<Long, String> recommended() {
		Map<Long, String> m = new java.util.LinkedHashMap<>();
		jdbc.sql("select model_id, note from press_recommendation order by recommended_at desc").query(rs -> {
			m.put(rs.getLong(1), rs.getString(2));
		});
		return m;
	}

	/** Staff recommend a recognized public exemplar to the press, or withdraw the recommendation. */
	@Transactional
	public void recommend(DvkUser user, long modelId, boolean recommend, String note) {
		if (!access.allows(user, Permission.RECOMMEND_TO_PRESS)) {
			throw new AccessDeniedException("press kit staff");
		}
		ModelView m = registry.findPublic(modelId)
			.orElseThrow(() -> UserFacingException.badRequest("contest.press.notRecognized"));
		jdbc.sql("delete from press_recommendation where model_id = ?").params(modelId).update();
		if (recommend) {
			jdbc.sql("insert into press_recommendation (model_id, note, recommended_by, recommended_at) values (?, ?, ?, ?)")
				.params(modelId, ContestService.clean(note, 500), user.getUsername(), Timestamp.from(Instant.now()))
				.update();
		}
		audit.record("contest.press", "registry_model", modelId, (recommend ? "recommended: " : "withdrawn: ") + m.name());
	}

	/** The one-page fact sheet of a public recognized exemplar, in Vietnamese. */
	public void factSheet(long modelId, OutputStream out) throws IOException {
		ModelView m = registry.findPublic(modelId)
			.orElseThrow(() -> UserFacingException.notFound("contest.press.notFound"));
		Map<String, Object> v = new HashMap<>();
		v.put("m", m);
		v.put("site", site);
		v.put("org", organizations.find(m.organizationId()).orElse(null));
		v.put("field", catalogues.names(CatalogueEntry.FIELD, Locale.forLanguageTag("vi")).getOrDefault(m.fieldCode(),
				m.fieldCode()));
		v.put("url", site.absolute(m.publicPath()));
		v.put("note", recommended().get(modelId));
		pdfs.render("contest/pdf/fact-sheet", v, Locale.forLanguageTag("vi"), out);
	}

}
