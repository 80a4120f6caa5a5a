package vn.dvk.appraisal;

import vn.dvk.account.Permission;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.PanelFacts;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.judging.Aggregation;
import vn.dvk.judging.Rubrics;
import vn.dvk.account.Role;
import vn.dvk.account.UserView;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.RecognitionLevel;
import vn.dvk.registry.RegistryService;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/**
 * Appraisal rounds (thẩm định): staff open a round on a rubric, add submitted models and council members; members
 * score every criterion of the models they are not conflicted on (a member of the model's organization or commune
 * is conflicted automatically; members declare other conflicts), save and submit; the three aggregations are shown
 * side by side and the round's setting says which decides; staff decide per model (recognize, return, reject),
 * which moves the model through the registry's lifecycle. First slice of issue 6.
 */
@Service
public class AppraisalService {

	private final AccessPolicy access;

	private final JdbcClient jdbc;

	private final RegistryService registry;

	private final AccountService accounts;

	private final AuditLog audit;

	private final vn.dvk.documents.PdfDocuments pdf;

	private final vn.dvk.system.SiteSettings site;

	private final vn.dvk.system.MailOutbox mail;

	private final Rubrics rubrics;

	private final vn.dvk.judging.ScoreSheets sheetStore;

	AppraisalService(JdbcClient jdbc, RegistryService registry, AccountService accounts, AuditLog audit,
			vn.dvk.documents.PdfDocuments pdf, vn.dvk.system.SiteSettings site, vn.dvk.system.MailOutbox mail,
			Rubrics rubrics, AccessPolicy access) {
		this.access = access;
		this.rubrics = rubrics;
		this.sheetStore = new vn.dvk.judging.ScoreSheets(jdbc, "appraisal_score", "appraisal_sheet", "model_id");
		this.mail = mail;
		this.pdf = pdf;
		this.site = site;
		this.jdbc = jdbc;
		this.registry = registry;
		this.accounts = accounts;
		this.audit = audit;
	}

	public enum Level {

		COMMUNE, PROVINCE;

		RecognitionLevel recognition() {
			return this == COMMUNE ? RecognitionLevel.COMMUNE : RecognitionLevel.PROVINCE;
		}

	}

	public enum MemberRole {

		CHAIR, SECRETARY, MEMBER

	}

	public enum Decision {

		RECOGNIZE, RETURN, REJECT

	}

	public record Round(long id, String name, Level level, String phase, LocalDate deadline, long templateId,
			double passThreshold, boolean blind, Aggregation.Method decidingMethod, String status,
			List<Rubrics.Criterion> criteria, int version) {

		public boolean open() {
			return "OPEN".equals(status);
		}

		/** The highest total a member can give a model. */
		public double maximum() {
			return criteria.stream().mapToDouble(c -> c.weight() * c.maxScore()).sum();
		}

	}

	/** A new round; {@code templateId} null means the default rubric, {@code passThreshold} null its threshold. */
	public record NewRound(String name, Level level, String phase, LocalDate deadline,
			Aggregation.Method decidingMethod, boolean blind, Double passThreshold, Long templateId) {

		public NewRound(String name, Level level, String phase, LocalDate deadline, Aggregation.Method decidingMethod,
				boolean blind, Double passThreshold) {
			this(name, level, phase, deadline, decidingMethod, blind, passThreshold, null);
		}

	}

	/** A rubric: weighted criteria with a maximum each, and the pass threshold rounds start from. */
	/** The rubric templates a round may be opened with (the scoring module's). */
	public List<Rubrics.Template> templates() {
		return rubrics.templates();
	}

	/** A new rubric template (staff); rounds keep the rubric they were opened with. */
	@Transactional
	public Rubrics.Template createTemplate(DvkUser user, String name, Double passThreshold, List<String[]> criteria) {
		access.require(user, Permission.RUN_APPRAISAL);
		Rubrics.Template t = rubrics.create(name, passThreshold, criteria);
		audit.record("appraisal.template", "rubric_template", t.id(), t.name());
		return t;
	}

	/** One model's line in the results: the three figures, the rank by the deciding method, the decision. */
	public record ResultLine(long modelId, String name, int sheets, int expected, Aggregation.Figures figures,
			Integer rank, boolean passes, Decision decision, String decisionNumber, int version) {
	}

	public record Results(Round round, List<ResultLine> lines) {
	}

	// --- rounds -------------------------------------------------------------------------------------------------

	@Transactional
	public Round create(DvkUser user, NewRound r) {
		access.require(user, Permission.RUN_APPRAISAL);
		String name = r.name() == null ? "" : VietnameseText.clean(r.name());
		if (VietnameseText.isBlank(name) || name.length() > 300) {
			throw UserFacingException.field("name", "appraisal.name.invalid");
		}
		if (r.level() == null || r.decidingMethod() == null) {
			throw UserFacingException.badRequest("appraisal.settings.required");
		}
		long template = r.templateId() != null ? r.templateId() : rubrics.defaultTemplateId();
		Rubrics.Template rubric = rubrics.template(template)
			.orElseThrow(() -> UserFacingException.field("templateId", "appraisal.template.unknown"));
		double threshold = r.passThreshold() != null ? r.passThreshold() : rubric.passThreshold();
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into appraisal_round (name, level, phase, deadline, template_id, pass_threshold, blind, "
				+ "deciding_method, status, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")
			.params(name, r.level().name(), r.phase(), r.deadline() == null ? null : Date.valueOf(r.deadline()),
					template, BigDecimal.valueOf(threshold), r.blind(), r.decidingMethod().name(),
					Timestamp.from(Instant.now()), user.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("appraisal.create", "appraisal_round", id, name);
		return round(id);
	}

	public Round round(long id) {
		record Row(long id, String name, String level, String phase, Date deadline, long template, BigDecimal threshold,
				boolean blind, String method, String status, int version) {
		}
		Row r = jdbc.sql("select id, name, level, phase, deadline, template_id, pass_threshold, blind, deciding_method, "
				+ "status, version from appraisal_round where id = ?")
			.params(id)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5),
					rs.getLong(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
					rs.getInt(11)))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("appraisal.notFound"));
		List<Rubrics.Criterion> criteria = rubrics.criteria(r.template());
		return new Round(r.id(), r.name(), Level.valueOf(r.level()), r.phase(),
				r.deadline() == null ? null : r.deadline().toLocalDate(), r.template(), r.threshold().doubleValue(),
				r.blind(), Aggregation.Method.valueOf(r.method()), r.status(), criteria, r.version());
	}

	/** One page of the rounds the user may open (staff: all; members: theirs), newest first. */
	public vn.dvk.shared.PageResult<Round> rounds(DvkUser user, vn.dvk.shared.PageResult.Request page) {
		access.check(access.allows(user, Permission.RUN_APPRAISAL) || access.allows(user, Permission.SIT_ON_COUNCIL),
				"appraisal rounds");
		boolean staff = access.allows(user, Permission.RUN_APPRAISAL);
		String where = staff ? "" : " where id in (select round_id from appraisal_member where user_id = ?)";
		Object[] args = staff ? new Object[0] : new Object[] { user.id() };
		long total = jdbc.sql("select count(*) from appraisal_round" + where).params(args).query(Long.class).single();
		List<Round> items = jdbc
			.sql("select id from appraisal_round" + where + " order by created_at desc, id desc offset "
					+ page.offset() + " rows fetch next " + page.size() + " rows only")
			.params(args)
			.query(Long.class)
			.list()
			.stream()
			.map(this::round)
			.toList();
		return new vn.dvk.shared.PageResult<>(items, total, page.page(), page.size());
	}

	/** Adds submitted models to an open round; they move to "under appraisal". */
	@Transactional
	public void addModels(DvkUser user, long roundId, List<Long> modelIds) {
		access.require(user, Permission.RUN_APPRAISAL);
		if (modelIds == null || modelIds.isEmpty()) {
			throw UserFacingException.badRequest("appraisal.admin.noModels");
		}
		requireOpen(round(roundId));
		for (Long id : modelIds) {
			ModelView m = registry.get(user, id);
			if (m.status() == ModelStatus.SUBMITTED) {
				registry.passToAppraisal(user, id);
			}
			else if (m.status() != ModelStatus.UNDER_APPRAISAL) {
				throw UserFacingException.badRequest("appraisal.model.notSubmitted", m.name());
			}
			try {
				jdbc.sql("insert into appraisal_entry (round_id, model_id) values (?, ?)").params(roundId, id).update();
			}
			catch (DuplicateKeyException ex) {
				// already in the round
			}
		}
		audit.record("appraisal.addModels", "appraisal_round", roundId, modelIds.size() + " models");
	}

	/** A council member by username (as staff type it on the round page). */
	@Transactional
	public UserView addMember(DvkUser user, long roundId, String username, MemberRole role) {
		access.require(user, Permission.RUN_APPRAISAL);
		UserView member = accounts.findByUsername(username == null ? "" : username.strip())
			.orElseThrow(() -> UserFacingException.badRequest("appraisal.admin.unknownUser", username));
		addMember(user, roundId, member.id(), role);
		return member;
	}

	@Transactional
	public void addMember(DvkUser user, long roundId, long userId, MemberRole role) {
		access.require(user, Permission.RUN_APPRAISAL);
		requireOpen(round(roundId));
		UserView member = accounts.find(userId).orElseThrow(() -> UserFacingException.notFound("account.notFound"));
		if (!Permission.SIT_ON_COUNCIL.heldBy(member.roles())) {
			throw UserFacingException.badRequest("appraisal.member.notAppraiser", member.fullName());
		}
		if (role != MemberRole.MEMBER) {
			jdbc.sql("update appraisal_member set role = 'MEMBER' where round_id = ? and role = ?")
				.params(roundId, role.name())
				.update();
		}
		int updated = jdbc.sql("update appraisal_member set role = ? where round_id = ? and user_id = ?")
			.params(role.name(), roundId, userId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into appraisal_member (round_id, user_id, role) values (?, ?, ?)")
				.params(roundId, userId, role.name())
				.update();
		}
		audit.record("appraisal.addMember", "appraisal_round", roundId, member.username() + " " + role);
	}

	public Map<Long, MemberRole> members(long roundId) {
		Map<Long, MemberRole> m = new LinkedHashMap<>();
		jdbc.sql("select user_id, role from appraisal_member where round_id = ? order by user_id")
			.params(roundId)
			.query(rs -> {
				m.put(rs.getLong(1), MemberRole.valueOf(rs.getString(2)));
			});
		return m;
	}

	public List<Long> models(long roundId) {
		return jdbc.sql("select model_id from appraisal_entry where round_id = ? order by model_id")
			.params(roundId)
			.query(Long.class)
			.list();
	}

	// --- conflicts ----------------------------------------------------------------------------------------------

	/** A member declares a conflict of interest on a model of the round. */
	@Transactional
	public void declareConflict(DvkUser member, long roundId, long modelId, vn.dvk.judging.ConflictKind kind, String note) {
		requireMember(member, roundId);
		requireInRound(roundId, modelId);
		if (kind == null) {
			throw UserFacingException.field("kind", "appraisal.conflict.kindRequired");
		}
		try {
			jdbc.sql("insert into appraisal_conflict (round_id, user_id, model_id, kind, note, declared_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
				.params(roundId, member.id(), modelId, kind.name(), note == null ? null : VietnameseText.clean(note),
						Timestamp.from(Instant.now()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// declared before
		}
		audit.record("appraisal.conflict", "appraisal_round", roundId, "model " + modelId + ": " + kind);
	}

	/**
	 * Whether the member must not score the model: their organization registered it, or belongs to its commune, or
	 * they declared a conflict.
	 */
	public Optional<String> conflict(long roundId, long userId, long modelId) {
		return Optional.ofNullable(conflicts(roundId, List.of(userId), List.of(modelId)).get(userId + ":" + modelId));
	}

	/** A member's conflicts over every model of the round: model id → kind. */
	public Map<Long, String> conflictsOf(long roundId, long userId) {
		Map<Long, String> mine = new HashMap<>();
		conflicts(roundId, List.of(userId), models(roundId)).forEach((key, kind) -> {
			if (key.startsWith(userId + ":")) {
				mine.put(Long.valueOf(key.substring(key.indexOf(':') + 1)), kind);
			}
		});
		return mine;
	}

	/**
	 * Every conflict between the given members and models of a round, keyed "member:model", in four queries
	 * whatever their number: declared (or chair's) ones, then automatic ones from the members' organizations and
	 * the models' organizations and communes.
	 */
	private Map<String, String> conflicts(long roundId, java.util.Collection<Long> memberIds,
			java.util.Collection<Long> modelIds) {
		Map<String, String> found = new HashMap<>();
		jdbc.sql("select user_id, model_id, kind from appraisal_conflict where round_id = ?")
			.params(roundId)
			.query(rs -> {
				found.put(rs.getLong(1) + ":" + rs.getLong(2), rs.getString(3));
			});
		if (memberIds.isEmpty() || modelIds.isEmpty()) {
			return found;
		}
		// member → [organization, its commune (null when the organization sits at province level)]
		Map<Long, Long[]> memberPlace = new HashMap<>();
		jdbc.sql("select u.id, u.organization_id, case when a.parent_id is null then null else a.id end "
				+ "from app_user u left join organization o on o.id = u.organization_id "
				+ "left join administrative_unit a on a.id = o.locality_id where u.id in (:ids)")
			.param("ids", memberIds)
			.query(rs -> {
				long org = rs.getLong(2);
				Long orgId = rs.wasNull() ? null : org;
				long commune = rs.getLong(3);
				memberPlace.put(rs.getLong(1), new Long[] { orgId, rs.wasNull() ? null : commune });
			});
		Map<Long, long[]> modelPlace = new HashMap<>();
		jdbc.sql("select id, organization_id, locality_id from registry_model where id in (:ids)")
			.param("ids", modelIds)
			.query(rs -> {
				modelPlace.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		for (Long member : memberIds) {
			Long[] mine = memberPlace.get(member);
			if (mine == null || mine[0] == null) {
				continue;
			}
			for (Long model : modelIds) {
				long[] theirs = modelPlace.get(model);
				String key = member + ":" + model;
				if (theirs == null || found.containsKey(key)) {
					continue;
				}
				if (theirs[0] == mine[0]) {
					found.put(key, "AUTO_UNIT");
				}
				else if (mine[1] != null && theirs[1] == mine[1]) {
					found.put(key, "AUTO_COMMUNE");
				}
			}
		}
		return found;
	}

	/** Whether the user may manage the council's work: staff, or the round's chair. */
	public boolean manages(DvkUser user, long roundId) {
		return access.allows(user, Permission.RUN_APPRAISAL) || (user != null && members(roundId).get(user.id()) == MemberRole.CHAIR);
	}

	/**
	 * The chair (or staff) takes a member off a model with a reason: the member no longer scores it, a sheet
	 * already given is left out of the results, and the override is audited.
	 */
	@Transactional
	public void exclude(DvkUser user, long roundId, long memberId, long modelId, String reason) {
		if (!manages(user, roundId)) {
			throw new AccessDeniedException("not the chair of round " + roundId);
		}
		requireOpen(round(roundId));
		requireInRound(roundId, modelId);
		if (!members(roundId).containsKey(memberId)) {
			throw UserFacingException.badRequest("appraisal.exclude.notMember");
		}
		String why = reason == null ? "" : VietnameseText.clean(reason);
		if (VietnameseText.isBlank(why) || why.length() > 500) {
			throw UserFacingException.field("reason", "appraisal.exclude.reason");
		}
		jdbc.sql("delete from appraisal_conflict where round_id = ? and user_id = ? and model_id = ?")
			.params(roundId, memberId, modelId)
			.update();
		jdbc.sql("insert into appraisal_conflict (round_id, user_id, model_id, kind, note, declared_at) "
				+ "values (?, ?, ?, 'CHAIR_EXCLUDED', ?, ?)")
			.params(roundId, memberId, modelId, why, Timestamp.from(Instant.now()))
			.update();
		jdbc.sql("update appraisal_sheet set submitted_at = null where round_id = ? and user_id = ? and model_id = ?")
			.params(roundId, memberId, modelId)
			.update();
		audit.record("appraisal.exclude", "appraisal_round", roundId,
				"member " + memberId + ", model " + modelId + ": " + why);
	}

	/** The chair (or staff) reminds a member by e-mail of the sheets still missing; audited. */
	@Transactional
	public int remind(DvkUser user, long roundId, long memberId) {
		if (!manages(user, roundId)) {
			throw new AccessDeniedException("not the chair of round " + roundId);
		}
		Round round = round(roundId);
		requireOpen(round);
		List<Long> models = missing(roundId).stream().filter(p -> p[0] == memberId).map(p -> p[1]).toList();
		if (models.isEmpty()) {
			throw UserFacingException.badRequest("appraisal.remind.nothing");
		}
		UserView member = accounts.find(memberId).orElseThrow(() -> UserFacingException.notFound("account.notFound"));
		if (member.email() == null) {
			throw UserFacingException.badRequest("appraisal.remind.noEmail", member.fullName());
		}
		String list = models.stream()
			.map(id -> "- " + registry.getForReview(id).name())
			.collect(Collectors.joining("\n"));
		mail.enqueue(member.email(), "Nhắc chấm điểm – " + round.name(),
				"Kính gửi " + member.fullName() + ",\n\nĐợt thẩm định \u201C" + round.name() + "\u201D còn " + models.size()
						+ " phiếu chấm của đồng chí chưa gửi:\n" + list
						+ (round.deadline() == null ? ""
								: "\n\nHạn chấm điểm: " + vn.dvk.shared.VietnameseFormats.date(round.deadline()) + ".")
						+ "\n\nĐồng chí vui lòng đăng nhập, mở mục Thẩm định để chấm và gửi phiếu.\n\n" + site.name());
		audit.record("appraisal.remind", "appraisal_round", roundId, member.username() + ": " + models.size());
		return models.size();
	}

	// --- scoring ------------------------------------------------------------------------------------------------

	/**
	 * Saves a member's scores for a model (every criterion, 0 to its maximum) and, when {@code submit}, submits the
	 * sheet. Refused for a conflicted member, a model outside the round or a closed round.
	 */
	@Transactional
	public void score(DvkUser member, long roundId, long modelId, Map<Long, Double> scores,
			Map<Long, String> comments, boolean submit) {
		Round round = round(roundId);
		requireOpen(round);
		requireMember(member, roundId);
		requireInRound(roundId, modelId);
		if (conflict(roundId, member.id(), modelId).isPresent()) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "appraisal.score.conflicted");
		}
		Rubrics.check(round.criteria(), scores, submit);
		sheetStore.save(roundId, modelId, member.id(), round.criteria(), scores, comments, submit);
	}

	/** A member's scores for a model: criterion id → score. */
	public Map<Long, Double> scores(long roundId, long modelId, long userId) {
		return sheetStore.scores(roundId, modelId, userId);
	}

	/** A member's comments on a model: criterion id → comment. */
	public Map<Long, String> comments(long roundId, long modelId, long userId) {
		return sheetStore.comments(roundId, modelId, userId);
	}

	/** One member's sheet on a model as the chair reads it: status, scores and comments per criterion, or the conflict. */
	public record MemberSheet(long userId, String name, MemberRole role, String conflict, boolean submitted,
			Map<Long, Double> scores, Map<Long, String> comments, Double total) {
	}

	/**
	 * Every member's sheet on one model, for the chair (or staff): what each gave per criterion and why. In a blind
	 * round the chair reads them only once the round is closed; staff always.
	 */
	public List<MemberSheet> sheets(DvkUser user, long roundId, long modelId) {
		Round round = round(roundId);
		if (!manages(user, roundId) || (!access.allows(user, Permission.RUN_APPRAISAL) && round.blind() && round.open())) {
			throw new AccessDeniedException("sheets of round " + roundId);
		}
		requireInRound(roundId, modelId);
		Map<Long, MemberRole> members = members(roundId);
		Map<String, String> conflicts = conflicts(roundId, members.keySet(), List.of(modelId));
		Set<Long> submitted = jdbc
			.sql("select user_id from appraisal_sheet where round_id = ? and model_id = ? and submitted_at is not null")
			.params(roundId, modelId)
			.query(Long.class)
			.set();
		Map<Long, Double> weights = round.criteria().stream().collect(Collectors.toMap(Rubrics.Criterion::id, Rubrics.Criterion::weight));
		Map<Long, Map<Long, Double>> scores = new HashMap<>();
		Map<Long, Map<Long, String>> comments = new HashMap<>();
		jdbc.sql("select user_id, criterion_id, score, comment from appraisal_score where round_id = ? and model_id = ?")
			.params(roundId, modelId)
			.query(rs -> {
				scores.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getBigDecimal(3).doubleValue());
				String comment = rs.getString(4);
				if (comment != null) {
					comments.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), comment);
				}
			});
		List<MemberSheet> sheets = new ArrayList<>();
		members.forEach((id, role) -> {
			Map<Long, Double> given = scores.getOrDefault(id, Map.of());
			Double total = given.isEmpty() ? null
					: given.entrySet().stream().mapToDouble(e -> weights.getOrDefault(e.getKey(), 1.0) * e.getValue()).sum();
			sheets.add(new MemberSheet(id, accounts.find(id).map(UserView::fullName).orElse("#" + id), role,
					conflicts.get(id + ":" + modelId), submitted.contains(id), given,
					comments.getOrDefault(id, Map.of()), total));
		});
		return sheets;
	}

	/** Sheets still expected: member × model pairs without a conflict and without a submitted sheet. */
	public List<long[]> missing(long roundId) {
		List<long[]> missing = new ArrayList<>();
		Set<String> submitted = sheetStore.submitted(roundId);
		java.util.Set<Long> members = members(roundId).keySet();
		List<Long> models = models(roundId);
		Map<String, String> conflicts = conflicts(roundId, members, models);
		for (Long member : members) {
			for (Long model : models) {
				if (!submitted.contains(member + ":" + model) && !conflicts.containsKey(member + ":" + model)) {
					missing.add(new long[] { member, model });
				}
			}
		}
		return missing;
	}

	/** Closes the round; with sheets missing, only when the caller confirms (the refusal lists them). */
	@Transactional
	public void close(DvkUser user, long roundId, boolean confirmMissing) {
		access.require(user, Permission.RUN_APPRAISAL);
		requireOpen(round(roundId));
		List<long[]> missing = missing(roundId);
		if (!missing.isEmpty() && !confirmMissing) {
			String list = missing.stream()
				.map(p -> accounts.find(p[0]).map(UserView::fullName).orElse("#" + p[0]) + " – "
						+ registry.get(user, p[1]).name())
				.collect(Collectors.joining("; "));
			throw new UserFacingException(HttpStatus.CONFLICT, "appraisal.close.missing", missing.size(), list);
		}
		jdbc.sql("update appraisal_round set status = 'CLOSED', closed_at = ?, version = version + 1 where id = ?")
			.params(Timestamp.from(Instant.now()), roundId)
			.update();
		audit.record("appraisal.close", "appraisal_round", roundId, missing.size() + " sheets missing");
	}

	// --- results and decisions ----------------------------------------------------------------------------------

	/** Each member's weighted total per model, from submitted sheets only: member → (model → total). */
	private Map<Long, Map<Long, Double>> totals(Round round) {
		return sheetStore.totals(round.id(), round.criteria());
	}

	/** What the access policy needs to know about the user and a round. */
	public PanelFacts facts(DvkUser user, long roundId) {
		Round round = round(roundId);
		MemberRole role = user == null ? null : members(roundId).get(user.id());
		return new PanelFacts(runs(user), role != null, role == MemberRole.CHAIR, round.blind(), round.open());
	}

	/**
	 * The results as the user may read them: staff always; a council member once the round is closed when it is
	 * blind; nobody else (403).
	 */
	public Results results(DvkUser user, long roundId) {
		access.check(access.mayReadResults(facts(user, roundId)), "results of round " + roundId);
		return results(roundId);
	}

	/** The three aggregations of the submitted sheets, the rank by the deciding method, and the decisions. */
	public Results results(long roundId) {
		Round round = round(roundId);
		Map<Long, Aggregation.Figures> figures = Aggregation.compute(totals(round), round.maximum());
		Map<Long, Integer> ranks = Aggregation.rank(figures, round.decidingMethod());
		int memberCount = members(roundId).size();
		List<ResultLine> lines = new ArrayList<>();
		jdbc.sql("select e.model_id, m.name, e.decision, e.decision_number, e.version from appraisal_entry e "
				+ "join registry_model m on m.id = e.model_id where e.round_id = ?")
			.params(roundId)
			.query(rs -> {
				long model = rs.getLong(1);
				Aggregation.Figures f = figures.get(model);
				Double deciding = f == null ? null : f.by(round.decidingMethod());
				int sheets = f == null ? 0 : f.members();
				String d = rs.getString(3);
				lines.add(new ResultLine(model, rs.getString(2), sheets, memberCount, f, ranks.get(model),
						deciding != null && deciding >= round.passThreshold(), d == null ? null : Decision.valueOf(d),
						rs.getString(4), rs.getInt(5)));
			});
		lines.sort(java.util.Comparator.comparing((ResultLine l) -> l.rank() == null ? Integer.MAX_VALUE : l.rank())
			.thenComparing(ResultLine::modelId));
		return new Results(round, lines);
	}

	/**
	 * Decides one model of the round and moves it in the registry: recognized at the round's level (decision
	 * number and date), returned with what to fix, or rejected with a reason. {@code version} is the entry's
	 * version the caller saw: when another decision came first, the caller is told so and nothing changes.
	 */
	@Transactional
	public void decide(DvkUser user, long roundId, long modelId, Decision decision, String number, LocalDate date,
			String note, int version) {
		access.require(user, Permission.RUN_APPRAISAL);
		Round round = round(roundId);
		requireInRound(roundId, modelId);
		if (decision == null) {
			throw UserFacingException.field("decision", "appraisal.decision.required");
		}
		int updated = jdbc.sql("update appraisal_entry set decision = ?, decision_number = ?, decision_date = ?, "
				+ "decision_note = ?, decided_by = ?, decided_at = ?, version = version + 1 where round_id = ? "
				+ "and model_id = ? and version = ? and decision is null")
			.params(decision.name(), number == null ? null : number.strip(), date == null ? null : Date.valueOf(date),
					note, user.getUsername(), Timestamp.from(Instant.now()), roundId, modelId, version)
			.update();
		if (updated == 0) {
			throw new UserFacingException(HttpStatus.CONFLICT, "appraisal.decision.taken");
		}
		switch (decision) {
			case RECOGNIZE -> registry.recognize(user, modelId, round.level().recognition(), number, date);
			case RETURN -> registry.returnForRevision(user, modelId, note);
			case REJECT -> registry.reject(user, modelId, note);
		}
		audit.record("appraisal.decide", "appraisal_round", roundId, "model " + modelId + ": " + decision);
	}

	/** One line of a bulk decision: the model, what is decided, the note (for a return or rejection), the version seen. */
	public record Choice(long modelId, Decision decision, String note, int version) {
	}

	/**
	 * Decides several models at once under one decision (number and date), as staff do from the ranking with the
	 * threshold pre-applied. All or nothing: when one line cannot be decided (taken meanwhile, no reason for a
	 * return), nothing is decided and the message names the model.
	 */
	@Transactional
	public int decideAll(DvkUser user, long roundId, List<Choice> choices, String number, LocalDate date) {
		access.require(user, Permission.RUN_APPRAISAL);
		if (choices == null || choices.isEmpty()) {
			throw UserFacingException.badRequest("appraisal.decision.noneChosen");
		}
		for (Choice c : choices) {
			try {
				decide(user, roundId, c.modelId(), c.decision(), c.decision() == Decision.RECOGNIZE ? number : null,
						c.decision() == Decision.RECOGNIZE ? date : null, c.note(), c.version());
			}
			catch (UserFacingException ex) {
				String name = jdbc.sql("select name from registry_model where id = ?")
					.params(c.modelId())
					.query(String.class)
					.optional()
					.orElse("#" + c.modelId());
				throw new UserFacingException(ex.status(), "appraisal.decision.bulkFailed", name,
						new org.springframework.context.support.DefaultMessageSourceResolvable(
								new String[] { ex.messageKey() }, ex.arguments()));
			}
		}
		return choices.size();
	}

	/**
	 * The score sheet of a round as XLSX (staff): one line per model with each member's total, the three
	 * aggregations, the rank by the deciding method and the decision; conflicted members show "xung đột".
	 */
	public void exportScores(DvkUser user, long roundId, java.io.OutputStream out) throws java.io.IOException {
		access.require(user, Permission.RUN_APPRAISAL);
		Results results = results(roundId);
		Map<Long, MemberRole> members = members(roundId);
		Map<Long, Map<Long, Double>> totals = totals(results.round());
		Map<String, String> conflicts = conflicts(roundId, members.keySet(),
				results.lines().stream().map(ResultLine::modelId).toList());
		List<String> names = members.keySet()
			.stream()
			.map(id -> accounts.find(id).map(UserView::fullName).orElse("#" + id))
			.toList();
		try (vn.dvk.documents.XlsxStream xlsx = new vn.dvk.documents.XlsxStream(out, "Bảng điểm")) {
			xlsx.headerRow(List.of(results.round().name()));
			List<String> header = new ArrayList<>(List.of("Hạng", "Mô hình"));
			header.addAll(names);
			header.addAll(List.of("Trung bình", "Trung bình bỏ cao, thấp", "Chuẩn hóa", "Đạt", "Quyết định",
					"Số quyết định"));
			xlsx.headerRow(header);
			for (ResultLine l : results.lines()) {
				List<String> row = new ArrayList<>();
				row.add(l.rank() == null ? "" : Integer.toString(l.rank()));
				row.add(l.name());
				for (Long member : members.keySet()) {
					Double t = totals.getOrDefault(member, Map.of()).get(l.modelId());
					row.add(t != null ? decimal(t) : conflicts.containsKey(member + ":" + l.modelId()) ? "xung đột" : "");
				}
				Aggregation.Figures f = l.figures();
				row.add(f == null ? "" : decimal(f.mean()));
				row.add(f == null || f.trimmedMean() == null ? "" : decimal(f.trimmedMean()));
				row.add(f == null ? "" : decimal(f.normalized()));
				row.add(l.passes() ? "có" : "");
				row.add(l.decision() == null ? "" : switch (l.decision()) {
					case RECOGNIZE -> "Công nhận";
					case RETURN -> "Trả lại để hoàn thiện";
					case REJECT -> "Không công nhận";
				});
				row.add(l.decisionNumber() == null ? "" : l.decisionNumber());
				xlsx.row(row);
			}
		}
	}

	/** The minutes of the round (biên bản thẩm định) as PDF (staff): council, criteria, scores, decisions, signatures. */
	public void minutes(DvkUser user, long roundId, java.io.OutputStream out) throws java.io.IOException {
		access.require(user, Permission.RUN_APPRAISAL);
		Results results = results(roundId);
		Round round = results.round();
		List<Map<String, String>> council = new ArrayList<>();
		String chair = "";
		String secretary = "";
		for (Map.Entry<Long, MemberRole> m : members(roundId).entrySet()) {
			UserView u = accounts.find(m.getKey()).orElse(null);
			String name = u == null ? "#" + m.getKey() : u.fullName();
			String role = switch (m.getValue()) {
				case CHAIR -> "Chủ tịch hội đồng";
				case SECRETARY -> "Thư ký";
				case MEMBER -> "Thành viên";
			};
			chair = m.getValue() == MemberRole.CHAIR ? name : chair;
			secretary = m.getValue() == MemberRole.SECRETARY ? name : secretary;
			council.add(Map.of("name", name, "organization",
					u == null || u.organizationName() == null ? "" : u.organizationName(), "role", role));
		}
		Map<Long, String> decisionTexts = new HashMap<>();
		int[] counts = new int[4];
		for (ResultLine l : results.lines()) {
			String text = l.decision() == null ? "Chưa quyết định" : switch (l.decision()) {
				case RECOGNIZE -> "Công nhận" + (l.decisionNumber() == null ? "" : " (" + l.decisionNumber() + ")");
				case RETURN -> "Trả lại để hoàn thiện";
				case REJECT -> "Không công nhận";
			};
			decisionTexts.put(l.modelId(), text);
			counts[l.decision() == null ? 3 : l.decision().ordinal()]++;
		}
		List<String> conflicts = jdbc.sql("select c.user_id, m.name, c.kind, c.note from appraisal_conflict c "
				+ "join registry_model m on m.id = c.model_id where c.round_id = ? order by c.declared_at")
			.params(roundId)
			.query((rs, n) -> accounts.find(rs.getLong(1)).map(UserView::fullName).orElse("") + " – " + rs.getString(2)
					+ " – " + switch (vn.dvk.judging.ConflictKind.valueOf(rs.getString(3))) {
						case OWN_UNIT -> "cùng đơn vị";
						case FAMILY -> "người thân";
						case SUPERVISED -> "đơn vị mình phụ trách";
						case OTHER -> "lý do khác";
						case CHAIR_EXCLUDED -> "chủ tịch hội đồng không giao chấm";
						case AUTO_UNIT, AUTO_OUTLET -> "cùng đơn vị";
						case AUTO_COMMUNE -> "cùng địa bàn";
						case AUTO_AUTHOR -> "là tác giả";
					} + (rs.getString(4) == null ? "" : ": " + rs.getString(4)))
			.list();
		Map<String, Object> v = new HashMap<>();
		v.put("site", site);
		v.put("place", site.place());
		v.put("date", vn.dvk.shared.VietnameseFormats.today());
		v.put("round", round);
		v.put("levelText", round.level() == Level.COMMUNE ? "cấp xã" : "cấp tỉnh");
		v.put("methodText", switch (round.decidingMethod()) {
			case MEAN -> "điểm trung bình";
			case TRIMMED_MEAN -> "điểm trung bình sau khi bỏ điểm cao nhất và thấp nhất";
			case NORMALIZED -> "điểm chuẩn hóa theo từng thành viên";
		});
		v.put("threshold", decimal(round.passThreshold()).replace(",00", ""));
		v.put("maximum", decimal(round.maximum()).replace(",00", ""));
		v.put("members", council);
		v.put("lines", results.lines());
		v.put("decisionTexts", decisionTexts);
		v.put("conflicts", conflicts);
		v.put("recognized", counts[0]);
		v.put("returned", counts[1]);
		v.put("rejected", counts[2]);
		v.put("pending", counts[3]);
		v.put("chair", chair);
		v.put("secretary", secretary);
		pdf.render("appraisal/pdf/minutes", v, java.util.Locale.forLanguageTag("vi"), out);
	}

	private static String decimal(double v) {
		return String.format(java.util.Locale.ROOT, "%.2f", v).replace('.', ',');
	}

	/**
	 * The deciding score of each model in its latest closed round (for commendation lists): model id → score.
	 * Models never appraised in a closed round are absent.
	 */
	public Map<Long, Double> latestScores(java.util.Collection<Long> modelIds) {
		Map<Long, Double> scores = new HashMap<>();
		if (modelIds.isEmpty()) {
			return scores;
		}
		Map<Long, Long> latestRound = new HashMap<>();
		jdbc.sql("select e.model_id, e.round_id from appraisal_entry e join appraisal_round r on r.id = e.round_id "
				+ "where r.status = 'CLOSED' order by r.closed_at")
			.query(rs -> {
				latestRound.put(rs.getLong(1), rs.getLong(2)); // the last one read is the latest
			});
		Map<Long, Results> byRound = new HashMap<>();
		for (Long model : modelIds) {
			Long round = latestRound.get(model);
			if (round == null) {
				continue;
			}
			Results r = byRound.computeIfAbsent(round, this::results);
			r.lines()
				.stream()
				.filter(l -> l.modelId() == model && l.figures() != null)
				.findFirst()
				.map(l -> l.figures().by(r.round().decidingMethod()))
				.ifPresent(v -> scores.put(model, v));
		}
		return scores;
	}

	/** A model of the round as staff or a council member of the round may read it. */
	public ModelView model(DvkUser user, long roundId, long modelId) {
		if (access.allows(user, Permission.RUN_APPRAISAL)) {
			return registry.get(user, modelId);
		}
		requireMember(user, roundId);
		requireInRound(roundId, modelId);
		return registry.getForReview(modelId);
	}

	// --- checks -------------------------------------------------------------------------------------------------

	/** Whether the user runs appraisal (opens rounds, appoints councils, decides). */
	public boolean runs(DvkUser user) {
		return access.allows(user, Permission.RUN_APPRAISAL);
	}



	private static void requireOpen(Round round) {
		if (!round.open()) {
			throw new UserFacingException(HttpStatus.CONFLICT, "appraisal.closed");
		}
	}

	private void requireMember(DvkUser user, long roundId) {
		if (user == null || !members(roundId).containsKey(user.id())) {
			throw new AccessDeniedException("not a member of round " + roundId);
		}
	}

	private void requireInRound(long roundId, long modelId) {
		if (jdbc.sql("select count(*) from appraisal_entry where round_id = ? and model_id = ?")
			.params(roundId, modelId)
			.query(Long.class)
			.single() == 0) {
			throw UserFacingException.badRequest("appraisal.model.notInRound");
		}
	}

}
