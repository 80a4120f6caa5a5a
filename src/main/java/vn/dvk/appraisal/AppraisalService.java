package vn.dvk.appraisal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.PanelFacts;
import vn.dvk.account.Permission;
import vn.dvk.account.UserView;
import vn.dvk.judging.Aggregation;
import vn.dvk.judging.Judging;
import vn.dvk.judging.MemberRole;
import vn.dvk.judging.Panel;
import vn.dvk.judging.Rubrics;
import vn.dvk.judging.Standing;
import vn.dvk.registry.ModelRef;
import vn.dvk.registry.ModelStatus;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.RecognitionLevel;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;
import vn.dvk.system.AuditLog;

/**
 * Appraisal rounds (thẩm định): staff open a round at a level with a pass threshold, put submitted models before
 * its council and decide per model (recognize, return, reject), which moves the model through the registry. The
 * council's work (members, conflicts, sheets, missing sheets, closing, the blind rule, the three aggregations and the
 * ranking) is the judging module's panel of the round; this module says what is judged (models, see
 * {@link AppraisalPanels}) and what a decision does.
 */
@Service
public class AppraisalService {

	/** The kind of the judging panels of appraisal rounds. */
	public static final String KIND = "APPRAISAL";

	private final JdbcClient jdbc;

	private final RegistryService registry;

	private final AccountService accounts;

	private final AuditLog audit;

	private final Rubrics rubrics;

	private final Judging judging;

	private final AccessPolicy access;

	AppraisalService(JdbcClient jdbc, RegistryService registry, AccountService accounts, AuditLog audit,
			Rubrics rubrics, Judging judging, AccessPolicy access) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.accounts = accounts;
		this.audit = audit;
		this.rubrics = rubrics;
		this.judging = judging;
		this.access = access;
	}

	public enum Level {

		COMMUNE, PROVINCE;

		RecognitionLevel recognition() {
			return this == COMMUNE ? RecognitionLevel.COMMUNE : RecognitionLevel.PROVINCE;
		}

	}

	public enum Decision {

		RECOGNIZE, RETURN, REJECT

	}

	/** A round with its panel's settings (rubric, deciding method, blind, open). */
	public record Round(long id, String name, Level level, String phase, double passThreshold, int version,
			Panel panel) {

		public boolean open() {
			return panel.open();
		}

		public String status() {
			return panel.open() ? "OPEN" : "CLOSED";
		}

		public LocalDate deadline() {
			return panel.deadline();
		}

		public long templateId() {
			return panel.templateId();
		}

		public boolean blind() {
			return panel.blind();
		}

		public Aggregation.Method decidingMethod() {
			return panel.decidingMethod();
		}

		public List<Rubrics.Criterion> criteria() {
			return panel.criteria();
		}

		public long panelId() {
			return panel.id();
		}

		/** The highest total a member can give a model. */
		public double maximum() {
			return panel.maximum();
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

	/** One model's line in the results: its standing before the council, whether it passes, the decision. */
	public record ResultLine(long modelId, String name, int sheets, int expected, Aggregation.Figures figures,
			Integer rank, boolean passes, Decision decision, String decisionNumber, int version) {
	}

	public record Results(Round round, List<ResultLine> lines) {
	}

	// --- rubrics -------------------------------------------------------------------------------------------------

	/** The rubric templates a round may be opened with (the judging module's). */
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

	// --- rounds --------------------------------------------------------------------------------------------------

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
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into appraisal_round (name, level, phase, pass_threshold, created_at, created_by) values "
				+ "(?, ?, ?, ?, ?, ?)")
			.params(name, r.level().name(), r.phase(), BigDecimal.valueOf(threshold), Timestamp.from(Instant.now()),
					user.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		judging.open(user, KIND, id, template, r.decidingMethod(), r.blind(), r.deadline());
		audit.record("appraisal.create", "appraisal_round", id, name);
		return round(id);
	}

	private record Row(long id, String name, String level, String phase, BigDecimal threshold, int version) {
	}

	private static final String ROUND = "select id, name, level, phase, pass_threshold, version from appraisal_round";

	public Round round(long id) {
		Row r = jdbc.sql(ROUND + " where id = ?")
			.params(id)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getInt(6)))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("appraisal.notFound"));
		return round(r, judging.panelOf(KIND, id));
	}

	private static Round round(Row r, Panel panel) {
		return new Round(r.id(), r.name(), Level.valueOf(r.level()), r.phase(), r.threshold().doubleValue(),
				r.version(), panel);
	}

	/** The judging panel of a round. */
	public long panel(long roundId) {
		return judging.panelOf(KIND, roundId).id();
	}

	/** One page of the rounds the user may open (staff: all; council members: theirs), newest first. */
	public PageResult<Round> rounds(DvkUser user, PageResult.Request page) {
		access.check(runs(user) || access.allows(user, Permission.SIT_ON_COUNCIL), "appraisal rounds");
		List<Long> mine = runs(user) ? null : judging.roundsOf(user, KIND);
		if (mine != null && mine.isEmpty()) {
			return new PageResult<>(List.of(), 0, page.page(), page.size());
		}
		String where = mine == null ? "" : " where id in (:ids)";
		Map<String, Object> args = mine == null ? Map.of() : Map.of("ids", mine);
		long total = jdbc.sql("select count(*) from appraisal_round" + where).params(args).query(Long.class).single();
		List<Row> rows = jdbc.sql(ROUND + where + " order by created_at desc, id desc offset " + page.offset()
				+ " rows fetch next " + page.size() + " rows only")
			.params(args)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getInt(6)))
			.list();
		Map<Long, Panel> panels = judging.panelsOf(KIND, rows.stream().map(Row::id).toList());
		return new PageResult<>(rows.stream().map(r -> round(r, panels.get(r.id()))).toList(), total, page.page(),
				page.size());
	}

	/** Puts submitted models before an open round's council; they move to "under appraisal". */
	@Transactional
	public void addModels(DvkUser user, long roundId, List<Long> modelIds) {
		access.require(user, Permission.RUN_APPRAISAL);
		if (modelIds == null || modelIds.isEmpty()) {
			throw UserFacingException.badRequest("appraisal.admin.noModels");
		}
		Round round = round(roundId);
		if (!round.open()) {
			throw new UserFacingException(HttpStatus.CONFLICT, "appraisal.closed");
		}
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
		judging.addSubjects(round.panelId(), modelIds);
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
		judging.appoint(user, panel(roundId), userId, role, null);
	}

	/** What the access policy needs to know about the user and a round. */
	public PanelFacts facts(DvkUser user, long roundId) {
		return judging.facts(user, panel(roundId));
	}

	/** Whether the user runs appraisal (opens rounds, appoints councils, decides). */
	public boolean runs(DvkUser user) {
		return access.allows(user, Permission.RUN_APPRAISAL);
	}

	// --- results and decisions ----------------------------------------------------------------------------------

	/**
	 * The results as the user may read them: staff always; a council member once a blind round is closed (any
	 * time otherwise); nobody else (403).
	 */
	public Results results(DvkUser user, long roundId) {
		access.check(access.mayReadResults(facts(user, roundId)), "results of round " + roundId);
		return results(roundId);
	}

	/** The results when the user may read them; empty otherwise (the round's page says they are hidden). */
	public java.util.Optional<Results> visibleResults(DvkUser user, long roundId) {
		return access.mayReadResults(facts(user, roundId)) ? java.util.Optional.of(results(roundId))
				: java.util.Optional.empty();
	}

	/** The models of the round with their standing (rank by the deciding method) and decisions, best first. */
	Results results(long roundId) {
		Round round = round(roundId);
		Map<Long, Standing> standings = judging.standings(round.panelId(), null);
		Map<Long, ModelRef> models = registry.refs(standings.keySet());
		Map<Long, Object[]> decisions = new HashMap<>();
		jdbc.sql("select model_id, decision, decision_number, version from appraisal_entry where round_id = ?")
			.params(roundId)
			.query(rs -> {
				decisions.put(rs.getLong(1), new Object[] { rs.getString(2), rs.getString(3), rs.getInt(4) });
			});
		List<ResultLine> lines = new ArrayList<>();
		standings.forEach((model, s) -> {
			Object[] d = decisions.getOrDefault(model, new Object[] { null, null, 0 });
			Double deciding = s.deciding(round.decidingMethod());
			lines.add(new ResultLine(model, models.containsKey(model) ? models.get(model).name() : "#" + model,
					s.sheets(), s.expected(), s.figures(), s.rank(),
					deciding != null && deciding >= round.passThreshold(),
					d[0] == null ? null : Decision.valueOf((String) d[0]), (String) d[1], (Integer) d[2]));
		});
		lines.sort(Comparator.comparing((ResultLine l) -> l.rank() == null ? Integer.MAX_VALUE : l.rank())
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
		if (!judging.isBefore(round.panelId(), modelId)) {
			throw UserFacingException.badRequest("judging.subject.notInPanel",
					new DefaultMessageSourceResolvable("judging.kind." + KIND + ".subject"));
		}
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
				ModelRef m = registry.refs(List.of(c.modelId())).get(c.modelId());
				throw new UserFacingException(ex.status(), "appraisal.decision.bulkFailed",
						m == null ? "#" + c.modelId() : m.name(),
						new DefaultMessageSourceResolvable(new String[] { ex.messageKey() }, ex.arguments()));
			}
		}
		return choices.size();
	}

	/**
	 * The deciding score of each model in its latest closed round (for commendation lists): model id → score.
	 * Models never appraised in a closed round are absent.
	 */
	public Map<Long, Double> latestScores(Collection<Long> modelIds) {
		Map<Long, Double> scores = new HashMap<>();
		if (modelIds.isEmpty()) {
			return scores;
		}
		Map<Long, List<Long>> roundsOf = new HashMap<>();
		jdbc.sql("select model_id, round_id from appraisal_entry where model_id in (:ids) order by round_id")
			.param("ids", modelIds)
			.query(rs -> {
				roundsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		Map<Long, Panel> panels = judging.panelsOf(KIND,
				roundsOf.values().stream().flatMap(List::stream).distinct().toList());
		Map<Long, Map<Long, Standing>> byRound = new HashMap<>();
		for (Map.Entry<Long, List<Long>> e : roundsOf.entrySet()) {
			// the last closed round a model was appraised in
			Long latest = null;
			for (Long round : e.getValue()) {
				Panel p = panels.get(round);
				if (p != null && !p.open()) {
					latest = round;
				}
			}
			if (latest != null) {
				Panel p = panels.get(latest);
				Standing s = byRound.computeIfAbsent(latest, r -> judging.standings(p.id(), null)).get(e.getKey());
				if (s != null && s.figures() != null) {
					scores.put(e.getKey(), s.deciding(p.decidingMethod()));
				}
			}
		}
		return scores;
	}

	/** A model of the round as staff or a council member of the round may read it. */
	public ModelView model(DvkUser user, long roundId, long modelId) {
		if (runs(user)) {
			return registry.get(user, modelId);
		}
		PanelFacts f = facts(user, roundId);
		access.check(f.member(), "not a member of round " + roundId);
		if (!judging.isBefore(panel(roundId), modelId)) {
			throw UserFacingException.badRequest("judging.subject.notInPanel",
					new DefaultMessageSourceResolvable("judging.kind." + KIND + ".subject"));
		}
		return registry.getForReview(modelId);
	}

}
