package vn.dvk.commendation;

import vn.dvk.account.Permission;

import vn.dvk.account.AccessPolicy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.AfterCommit;
import vn.dvk.system.AuditLog;
import vn.dvk.system.PublicContentChanged;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/**
 * Commendation conferences (hội nghị biểu dương): award forms with quotas; staff nominate recognized models, an
 * organization proposes its own and staff accept (within the quota) or decline with a reason. An accepted model
 * that is running is marked commended in the registry. Quotas hold under concurrent acceptances: the award form's
 * row is locked while its places are counted. First slice of the commendation part of issue 6.
 */
@Service
public class CommendationService {

	private final AccessPolicy access;

	private final JdbcClient jdbc;

	private final RegistryService registry;

	private final AuditLog audit;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final vn.dvk.documents.PdfDocuments pdfs;

	private final vn.dvk.system.SiteSettings site;

	private final vn.dvk.shared.Texts texts;

	CommendationService(JdbcClient jdbc, RegistryService registry, AuditLog audit,
			org.springframework.context.ApplicationEventPublisher events, vn.dvk.documents.PdfDocuments pdfs,
			vn.dvk.system.SiteSettings site, AccessPolicy access, vn.dvk.shared.Texts texts) {
		this.texts = texts;
		this.access = access;
		this.pdfs = pdfs;
		this.site = site;
		this.jdbc = jdbc;
		this.registry = registry;
		this.audit = audit;
		this.events = events;
	}

	public enum Status {

		PROPOSED, ACCEPTED, DECLINED

	}

	public record AwardForm(long id, String name, int quota, int accepted) {
	}

	public record Conference(long id, String name, String level, String phase, LocalDate heldOn, String place,
			String decisionNumber, LocalDate decisionDate, List<AwardForm> awardForms) {
	}

	/** A new conference; the decision (number and date) that awards the forms may come later or now. */
	public record NewConference(String name, String level, String phase, LocalDate heldOn, String place,
			String decisionNumber, LocalDate decisionDate, List<String[]> awardForms) {
	}

	public record Nomination(long id, long modelId, String modelName, String organization, String locality,
			String fieldCode, String publicPath, long awardFormId, String awardForm, Status status, String achievement,
			String reason, String proposedBy, int spreadLocalities, int indicators, int certificateNumber) {

		/** The number in the conference's certificate register, as printed ("007"); empty until accepted. */
		public String certificate() {
			return certificateNumber == 0 ? "" : String.format("%03d", certificateNumber);
		}

	}

	@Transactional
	public Conference create(DvkUser user, NewConference c) {
		access.require(user, Permission.RUN_COMMENDATION);
		String name = c.name() == null ? "" : VietnameseText.clean(c.name());
		if (VietnameseText.isBlank(name) || name.length() > 300) {
			throw UserFacingException.field("name", "commendation.name.invalid");
		}
		if (c.heldOn() == null) {
			throw UserFacingException.field("heldOn", "commendation.date.required");
		}
		if (c.awardForms() == null || c.awardForms().isEmpty()) {
			throw UserFacingException.field("awardForms", "commendation.awards.required");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into commendation_conference (name, level, phase, held_on, place, decision_number, "
				+ "decision_date, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(name, c.level() == null ? "PROVINCE" : c.level(), c.phase(), Date.valueOf(c.heldOn()), c.place(),
					VietnameseText.isBlank(c.decisionNumber()) ? null : c.decisionNumber().strip(),
					c.decisionDate() == null ? null : Date.valueOf(c.decisionDate()), Timestamp.from(Instant.now()),
					user.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		int position = 0;
		for (String[] a : c.awardForms()) {
			String award = VietnameseText.clean(a[0]);
			int quota;
			try {
				quota = Integer.parseInt(a[1].strip());
			}
			catch (RuntimeException ex) {
				throw UserFacingException.field("awardForms", "commendation.awards.format");
			}
			if (VietnameseText.isBlank(award) || quota < 1 || quota > 10_000) {
				throw UserFacingException.field("awardForms", "commendation.awards.format");
			}
			jdbc.sql("insert into award_form (conference_id, name, quota, position) values (?, ?, ?, ?)")
				.params(id, award, quota, position++)
				.update();
		}
		audit.record("commendation.create", "commendation_conference", id, name);
		return conference(id);
	}

	/**
	 * Adds an award form to a conference, or changes one (name, quota). A quota cannot go below the places already
	 * given; the conference is locked meanwhile so that no acceptance slips in between.
	 */
	@Transactional
	public void saveAwardForm(DvkUser user, long conferenceId, Long awardFormId, String name, Integer quota) {
		access.require(user, Permission.RUN_COMMENDATION);
		jdbc.sql("select id from commendation_conference where id = ? for update")
			.params(conferenceId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("commendation.notFound"));
		String award = name == null ? "" : VietnameseText.clean(name);
		if (VietnameseText.isBlank(award) || award.length() > 300 || quota == null || quota < 1 || quota > 10_000) {
			throw UserFacingException.field("awardForms", "commendation.awards.format");
		}
		if (awardFormId == null) {
			jdbc.sql("insert into award_form (conference_id, name, quota, position) values (?, ?, ?, "
					+ "(select coalesce(max(position), -1) + 1 from award_form where conference_id = ?))")
				.params(conferenceId, award, quota, conferenceId)
				.update();
			audit.record("commendation.awardForm", "commendation_conference", conferenceId, award + ": " + quota);
			return;
		}
		AwardForm form = conference(conferenceId).awardForms()
			.stream()
			.filter(f -> f.id() == awardFormId)
			.findFirst()
			.orElseThrow(() -> UserFacingException.field("awardFormId", "commendation.awards.foreign"));
		if (quota < form.accepted()) {
			throw new UserFacingException(HttpStatus.CONFLICT, "commendation.awards.belowAccepted", form.name(),
					form.accepted());
		}
		jdbc.sql("update award_form set name = ?, quota = ? where id = ?").params(award, quota, awardFormId).update();
		audit.record("commendation.awardForm", "commendation_conference", conferenceId,
				form.name() + " → " + award + ": " + form.quota() + " → " + quota);
		AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("commendation")));
	}

	/** Removes an award form nobody has been nominated for. */
	@Transactional
	public void removeAwardForm(DvkUser user, long conferenceId, long awardFormId) {
		access.require(user, Permission.RUN_COMMENDATION);
		AwardForm form = conference(conferenceId).awardForms()
			.stream()
			.filter(f -> f.id() == awardFormId)
			.findFirst()
			.orElseThrow(() -> UserFacingException.field("awardFormId", "commendation.awards.foreign"));
		if (jdbc.sql("select count(*) from nomination where award_form_id = ?").params(awardFormId).query(Long.class).single() > 0) {
			throw new UserFacingException(HttpStatus.CONFLICT, "commendation.awards.inUse", form.name());
		}
		jdbc.sql("delete from award_form where id = ?").params(awardFormId).update();
		audit.record("commendation.awardForm", "commendation_conference", conferenceId, "− " + form.name());
	}

	/** One page of conferences, the latest first. */
	public vn.dvk.shared.PageResult<Conference> conferences(vn.dvk.shared.PageResult.Request page) {
		long total = jdbc.sql("select count(*) from commendation_conference").query(Long.class).single();
		List<Conference> items = jdbc
			.sql("select id from commendation_conference order by held_on desc, id desc offset " + page.offset()
					+ " rows fetch next " + page.size() + " rows only")
			.query(Long.class)
			.list()
			.stream()
			.map(this::conference)
			.toList();
		return new vn.dvk.shared.PageResult<>(items, total, page.page(), page.size());
	}

	public Conference conference(long id) {
		record Row(long id, String name, String level, String phase, Date heldOn, String place, String number,
				Date decided) {
		}
		Row r = jdbc.sql("select id, name, level, phase, held_on, place, decision_number, decision_date "
				+ "from commendation_conference where id = ?")
			.params(id)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5),
					rs.getString(6), rs.getString(7), rs.getDate(8)))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("commendation.notFound"));
		List<AwardForm> forms = jdbc.sql("select f.id, f.name, f.quota, (select count(*) from nomination n where "
				+ "n.award_form_id = f.id and n.status = 'ACCEPTED') from award_form f where f.conference_id = ? "
				+ "order by f.position")
			.params(id)
			.query((rs, n) -> new AwardForm(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
		return new Conference(r.id(), r.name(), r.level(), r.phase(), r.heldOn().toLocalDate(), r.place(), r.number(),
				r.decided() == null ? null : r.decided().toLocalDate(), forms);
	}

	/** Every conference, the latest first. */
	public List<Conference> conferences() {
		return jdbc.sql("select id from commendation_conference order by held_on desc, id desc")
			.query(Long.class)
			.list()
			.stream()
			.map(this::conference)
			.toList();
	}

	/** Staff nominate a recognized model directly (accepted at once, within the quota). */
	@Transactional
	public Nomination nominate(DvkUser user, long conferenceId, long modelId, long awardFormId, String achievement) {
		access.require(user, Permission.RUN_COMMENDATION);
		ModelView m = recognized(user, modelId);
		long id = insert(conferenceId, m, awardFormId, achievement, Status.PROPOSED, user);
		accept(user, id);
		return nomination(id);
	}

	/**
	 * A nomination by staff (accepted as given) or a proposal by an organization (staff decide later), by who asks:
	 * true when it was a nomination.
	 */
	@Transactional
	public boolean nominateOrPropose(DvkUser user, long conferenceId, long modelId, long awardFormId,
			String achievement) {
		if (access.allows(user, Permission.RUN_COMMENDATION)) {
			nominate(user, conferenceId, modelId, awardFormId, achievement);
			return true;
		}
		propose(user, conferenceId, modelId, awardFormId, achievement);
		return false;
	}

	/** An organization proposes one of its recognized models; staff accept or decline it later. */
	@Transactional
	public Nomination propose(DvkUser user, long conferenceId, long modelId, long awardFormId, String achievement) {
		if (!access.allows(user, Permission.PROPOSE_FOR_COMMENDATION)) {
			throw new AccessDeniedException("commendation proposal");
		}
		ModelView m = recognized(user, modelId); // registry.get applies the officer's scope
		long id = insert(conferenceId, m, awardFormId, achievement, Status.PROPOSED, user);
		audit.record("commendation.propose", "nomination", id, m.name());
		return nomination(id);
	}

	/** Accepts a proposal within its award form's quota; the model is marked commended when it is running. */
	@Transactional
	public void accept(DvkUser user, long nominationId) {
		access.require(user, Permission.RUN_COMMENDATION);
		Nomination n = nomination(nominationId);
		if (n.status() == Status.ACCEPTED) {
			return;
		}
		// Lock the conference while places are counted and the register number is taken: two acceptances at once
		// cannot both take the last place of a form, nor the same certificate number.
		long conferenceId = conferenceOf(nominationId);
		jdbc.sql("select id from commendation_conference where id = ? for update").params(conferenceId).query(Long.class).single();
		AwardForm form = jdbc.sql("select id, name, quota, 0 from award_form where id = ?")
			.params(n.awardFormId())
			.query((rs, i) -> new AwardForm(rs.getLong(1), rs.getString(2), rs.getInt(3), 0))
			.single();
		long accepted = jdbc.sql("select count(*) from nomination where award_form_id = ? and status = 'ACCEPTED'")
			.params(n.awardFormId())
			.query(Long.class)
			.single();
		if (accepted >= form.quota()) {
			throw new UserFacingException(HttpStatus.CONFLICT, "commendation.quota.full", form.name(), form.quota());
		}
		jdbc.sql("update nomination set status = 'ACCEPTED', decided_by = ?, reason = null, certificate_number = "
				+ "(select coalesce(max(certificate_number), 0) + 1 from nomination where conference_id = ?) where id = ?")
			.params(user.getUsername(), conferenceId, nominationId)
			.update();
		ModelView m = registry.get(user, n.modelId());
		if (m.status() == ModelStatus.RECOGNIZED || m.status() == ModelStatus.MAINTAINED
				|| m.status() == ModelStatus.REPLICATED) {
			registry.commend(user, n.modelId(), conference(conferenceId).name() + ": " + form.name());
		}
		audit.record("commendation.accept", "nomination", nominationId, n.modelName() + " – " + form.name());
		AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("commendation")));
	}

	@Transactional
	public void decline(DvkUser user, long nominationId, String reason) {
		access.require(user, Permission.RUN_COMMENDATION);
		Nomination n = nomination(nominationId);
		String why = reason == null ? "" : VietnameseText.clean(reason);
		if (VietnameseText.isBlank(why) || why.length() > 500) {
			throw UserFacingException.field("reason", "commendation.decline.reason");
		}
		if (n.status() != Status.PROPOSED) {
			throw new UserFacingException(HttpStatus.CONFLICT, "commendation.decline.notProposed");
		}
		jdbc.sql("update nomination set status = 'DECLINED', decided_by = ?, reason = ? where id = ?")
			.params(user.getUsername(), why, nominationId)
			.update();
		audit.record("commendation.decline", "nomination", nominationId, n.modelName() + " – " + why);
	}

	/** The nominations of a conference (all statuses), by award form then name. */
	public List<Nomination> nominations(long conferenceId) {
		return jdbc.sql(SELECT + " where n.conference_id = ? order by f.position, m.name")
			.params(conferenceId)
			.query((rs, i) -> row(rs))
			.list();
	}

	/** The commended (accepted) models of a conference, for the public page and the API. */
	public List<Nomination> awardees(long conferenceId) {
		return nominations(conferenceId).stream().filter(n -> n.status() == Status.ACCEPTED).toList();
	}

	// --- outputs ---------------------------------------------------------------------------------------------

	/** One certificate per awardee (A4 landscape PDF), all in one ZIP, named by number and model (staff). */
	public void certificates(DvkUser user, long conferenceId, java.io.OutputStream out) throws java.io.IOException {
		access.require(user, Permission.RUN_COMMENDATION);
		Conference c = conference(conferenceId);
		java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
		for (Nomination a : awardees(conferenceId)) {
			int number = a.certificateNumber();
			java.util.Map<String, Object> v = common(c);
			v.put("a", a);
			v.put("award", a.awardForm());
			v.put("number", String.format("%03d", number));
			zip.putNextEntry(new java.util.zip.ZipEntry(String.format("%03d-", number)
					+ vn.dvk.shared.VietnameseText.slug(a.modelName(), 60) + ".pdf"));
			java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
			pdfs.render("commendation/pdf/certificate", v, java.util.Locale.forLanguageTag("vi"), pdf);
			pdf.writeTo(zip);
			zip.closeEntry();
		}
		zip.finish();
	}

	/** The commended, per award form, as PDF (staff). */
	public void listPdf(DvkUser user, long conferenceId, java.io.OutputStream out) throws java.io.IOException {
		access.require(user, Permission.RUN_COMMENDATION);
		Conference c = conference(conferenceId);
		java.util.Map<String, Object> v = common(c);
		v.put("awardees", awardees(conferenceId));
		pdfs.render("commendation/pdf/list", v, java.util.Locale.forLanguageTag("vi"), out);
	}

	/** The commended as XLSX (staff): number, model, organization, locality, field, award form, achievement. */
	public void listXlsx(DvkUser user, long conferenceId, java.io.OutputStream out) throws java.io.IOException {
		access.require(user, Permission.RUN_COMMENDATION);
		Conference c = conference(conferenceId);
		try (vn.dvk.documents.XlsxStream xlsx = new vn.dvk.documents.XlsxStream(out, t("commendation.xlsx.sheet"))) {
			xlsx.headerRow(List.of(c.name()));
			xlsx.headerRow(java.util.stream.Stream.of("number", "model", "organization", "locality", "field", "award",
					"achievement", "certificate").map(k -> t("commendation.xlsx." + k)).toList());
			int n = 0;
			for (Nomination a : awardees(conferenceId)) {
				xlsx.row(java.util.Arrays.asList(Integer.toString(++n), a.modelName(), a.organization(), a.locality(),
						a.fieldCode(), a.awardForm(), a.achievement() == null ? "" : a.achievement(), a.certificate()));
			}
		}
	}

	private java.util.Map<String, Object> common(Conference c) {
		java.util.Map<String, Object> v = new java.util.HashMap<>();
		v.put("c", c);
		v.put("site", site);
		v.put("place", site.place());
		v.put("date", c.decisionDate() != null ? c.decisionDate() : c.heldOn());
		return v;
	}

	private Nomination nomination(long id) {
		return jdbc.sql(SELECT + " where n.id = ?")
			.params(id)
			.query((rs, i) -> row(rs))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("commendation.nomination.notFound"));
	}

	private long conferenceOf(long nominationId) {
		return jdbc.sql("select conference_id from nomination where id = ?").params(nominationId).query(Long.class).single();
	}

	private static final String SELECT = "select n.id, n.model_id, m.name, o.name, u.name, m.field_code, m.slug, "
			+ "n.award_form_id, f.name, n.status, n.achievement, n.reason, n.proposed_by, m.spread_localities, "
			+ "m.indicator_count, n.certificate_number from nomination n "
			+ "join registry_model_facts m on m.id = n.model_id join award_form f on f.id = n.award_form_id "
			+ "join organization_directory o on o.id = m.organization_id join unit_directory u on u.id = m.locality_id";

	private static Nomination row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Nomination(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), "/mo-hinh/" + rs.getString(7) + "-" + rs.getLong(2), rs.getLong(8), rs.getString(9),
				Status.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13), rs.getInt(14),
				rs.getInt(15), rs.getInt(16));
	}

	private ModelView recognized(DvkUser user, long modelId) {
		ModelView m = registry.get(user, modelId);
		if (!m.status().isRecognized()) {
			throw UserFacingException.badRequest("commendation.model.notRecognized", m.name());
		}
		return m;
	}

	private long insert(long conferenceId, ModelView m, long awardFormId, String achievement, Status status,
			DvkUser user) {
		conference(conferenceId);
		if (jdbc.sql("select count(*) from award_form where id = ? and conference_id = ?")
			.params(awardFormId, conferenceId)
			.query(Long.class)
			.single() == 0) {
			throw UserFacingException.field("awardFormId", "commendation.awards.foreign");
		}
		String text = achievement == null ? null : VietnameseText.clean(achievement);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into nomination (conference_id, model_id, award_form_id, status, achievement, proposed_by, "
					+ "created_at) values (?, ?, ?, ?, ?, ?, ?)")
				.params(conferenceId, m.id(), awardFormId, status.name(),
						VietnameseText.isBlank(text) ? null : text.substring(0, Math.min(500, text.length())),
						user.getUsername(), Timestamp.from(Instant.now()))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new UserFacingException(HttpStatus.CONFLICT, "commendation.nomination.exists", m.name());
		}
		return keys.getKey().longValue();
	}

	private String t(String key) {
		return texts.in(java.util.Locale.forLanguageTag("vi"), key);
	}

}
