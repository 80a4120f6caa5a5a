package vn.dvk.judging;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.PanelFacts;
import vn.dvk.account.UserView;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;
import vn.dvk.system.AuditLog;

/**
 * Judging panels, whatever they judge: members with roles, the subjects before them, conflicts of interest
 * (automatic by the owner module's rule, declared by members, or the chair's exclusions), score sheets checked
 * against the panel's rubric, the sheets still missing and reminders about them, closing, the blind rule, the three
 * aggregations and the ranking with its tie rule (by the deciding figure, then the mean, then the earlier subject).
 * The owner module (appraisal, contest) says what is judged ({@link PanelOwner}) and what a decision does; every
 * "may this user…" here is the access policy's, from the panel's facts.
 */
@Service
public class Judging {

	private final JdbcClient jdbc;

	private final Rubrics rubrics;

	private final ScoreSheets sheets;

	private final AccessPolicy access;

	private final AccountService accounts;

	private final AuditLog audit;

	private final PanelStore store;

	private final Reminders reminders;

	private final Map<String, PanelOwner> owners;

	Judging(JdbcClient jdbc, Rubrics rubrics, ScoreSheets sheets, AccessPolicy access, AccountService accounts,
			AuditLog audit, PanelStore store, Reminders reminders, List<PanelOwner> owners) {
		this.jdbc = jdbc;
		this.rubrics = rubrics;
		this.sheets = sheets;
		this.access = access;
		this.accounts = accounts;
		this.audit = audit;
		this.store = store;
		this.reminders = reminders;
		this.owners = owners.stream().collect(Collectors.toMap(PanelOwner::kind, o -> o));
	}

	// --- panels ---------------------------------------------------------------------------------------------------

	/** A new, open panel for a round of the owner module (the owner checked who asks). */
	@Transactional
	public Panel open(DvkUser user, String kind, long ownerId, Long templateId, Aggregation.Method method,
			boolean blind, LocalDate deadline) {
		access.require(user, owner(kind).runs());
		long template = templateId != null ? templateId : rubrics.defaultTemplateId();
		rubrics.template(template).orElseThrow(() -> UserFacingException.field("templateId", "judging.template.unknown"));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into judging_panel (kind, owner_id, template_id, deciding_method, blind, status, deadline) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(kind, ownerId, template, (method == null ? Aggregation.Method.MEAN : method).name(), blind,
					PanelStatus.OPEN.name(), deadline == null ? null : Date.valueOf(deadline))
			.update(keys, "id");
		return panel(keys.getKey().longValue());
	}

	public Panel panel(long id) {
		return jdbc.sql(PANEL + " where id = ?").params(id).query((rs, n) -> panel(rs)).optional()
			.orElseThrow(() -> UserFacingException.notFound("judging.notFound"));
	}

	/** The panel of an owner's round. */
	public Panel panelOf(String kind, long ownerId) {
		return jdbc.sql(PANEL + " where kind = ? and owner_id = ?").params(kind, ownerId).query((rs, n) -> panel(rs))
			.optional()
			.orElseThrow(() -> UserFacingException.notFound("judging.notFound"));
	}

	/** The panels of several rounds of one kind: owner id → panel. */
	public Map<Long, Panel> panelsOf(String kind, Collection<Long> ownerIds) {
		Map<Long, Panel> found = new HashMap<>();
		if (!ownerIds.isEmpty()) {
			jdbc.sql(PANEL + " where kind = :kind and owner_id in (:ids)").param("kind", kind).param("ids", ownerIds)
				.query((rs, n) -> panel(rs)).list().forEach(p -> found.put(p.ownerId(), p));
		}
		return found;
	}

	/** The owners' rounds of one kind whose panel the user sits on. */
	public List<Long> roundsOf(DvkUser user, String kind) {
		return jdbc.sql("select p.owner_id from judging_panel p join judging_member m on m.panel_id = p.id where "
				+ "p.kind = ? and m.user_id = ? order by p.owner_id desc")
			.params(kind, user.id())
			.query(Long.class)
			.list();
	}

	private static final String PANEL = "select id, kind, owner_id, template_id, deciding_method, blind, status, "
			+ "deadline, version from judging_panel";

	private Panel panel(java.sql.ResultSet rs) throws java.sql.SQLException {
		Date deadline = rs.getDate(8);
		long template = rs.getLong(4);
		return new Panel(rs.getLong(1), rs.getString(2), rs.getLong(3), template,
				Aggregation.Method.valueOf(rs.getString(5)), rs.getBoolean(6),
				PanelStatus.valueOf(rs.getString(7)) == PanelStatus.OPEN,
				deadline == null ? null : deadline.toLocalDate(), rubrics.criteria(template), rs.getInt(9));
	}

	/** What the access policy needs to know about the user and the panel. */
	public PanelFacts facts(DvkUser user, Panel panel) {
		Member me = user == null ? null : members(panel.id()).get(user.id());
		return new PanelFacts(access.allows(user, owner(panel.kind()).runs()), me != null,
				me != null && me.role() == MemberRole.CHAIR, panel.blind(), panel.open());
	}

	public PanelFacts facts(DvkUser user, long panelId) {
		return facts(user, panel(panelId));
	}

	/** Whether the user may read the ranking and its scores now. */
	public boolean mayReadResults(PanelFacts facts) {
		return access.mayReadResults(facts);
	}

	/** Whether the user may know whose work the subjects are (not a member of a blind panel). */
	public boolean mayKnowAuthors(PanelFacts facts) {
		return access.mayKnowAuthors(facts);
	}

	/** Whether the user may manage the members' work (staff, the chair). */
	public boolean mayManage(PanelFacts facts) {
		return access.mayManagePanel(facts);
	}

	/** Whether the user may read every member's sheets now (staff; the chair, once a blind panel closed). */
	public boolean mayReadSheets(PanelFacts facts) {
		return access.mayReadSheets(facts);
	}

	/** Refuses (403) users who neither run such panels nor sit on this one. */
	public PanelFacts requireSeat(DvkUser user, long panelId) {
		PanelFacts f = facts(user, panelId);
		access.check(access.maySeePanel(f), "panel " + panelId);
		return f;
	}

	// --- members and subjects -------------------------------------------------------------------------------------

	/** Appoints a member (or changes their role); there is one chair and one secretary. */
	@Transactional
	public void appoint(DvkUser user, long panelId, long userId, MemberRole role, String affiliation) {
		Panel panel = requireRunner(user, panelId);
		requireOpen(panel);
		UserView member = accounts.find(userId).orElseThrow(() -> UserFacingException.notFound("account.notFound"));
		if (!owner(panel.kind()).sits().heldBy(member.roles())) {
			throw UserFacingException.badRequest("judging.member.cannotSit", member.fullName(),
					kindText(panel, "panelOf"));
		}
		MemberRole r = role == null ? MemberRole.MEMBER : role;
		store.seat(panelId, userId, r, clean(affiliation, 200));
		audit.record("judging.appoint", "judging_panel", panelId, member.username() + " " + r);
	}

	/** Members by account id, in the order they were appointed. */
	public Map<Long, Member> members(long panelId) {
		return store.members(panelId);
	}

	/** Puts subjects before the panel (those already there stay once). */
	@Transactional
	public void addSubjects(long panelId, Collection<Long> subjectIds) {
		Set<Long> present = Set.copyOf(subjects(panelId));
		for (Long id : subjectIds) {
			if (!present.contains(id)) {
				jdbc.sql("insert into judging_subject (panel_id, subject_id) values (?, ?)").params(panelId, id).update();
			}
		}
	}

	/** Takes a subject off every panel of a kind (an entry found ineligible), with its sheets and conflicts. */
	@Transactional
	public void withdrawSubject(String kind, long subjectId) {
		for (Long panelId : store.panelsBefore(kind, subjectId)) {
			sheets.deleteSubjects(panelId, List.of(subjectId));
			store.withdraw(panelId, subjectId);
		}
	}

	public List<Long> subjects(long panelId) {
		return jdbc.sql("select subject_id from judging_subject where panel_id = ? order by subject_id")
			.params(panelId)
			.query(Long.class)
			.list();
	}

	/** Whether the user sits on a panel of the kind that has the subject before it (a juror reading an entry's file). */
	public boolean judges(DvkUser user, String kind, long subjectId) {
		return user != null && jdbc.sql("select count(*) from judging_member m join judging_subject s on s.panel_id = "
				+ "m.panel_id join judging_panel p on p.id = m.panel_id where p.kind = ? and m.user_id = ? and "
				+ "s.subject_id = ?").params(kind, user.id(), subjectId).query(Long.class).single() > 0;
	}

	public boolean isBefore(long panelId, long subjectId) {
		return jdbc.sql("select count(*) from judging_subject where panel_id = ? and subject_id = ?")
			.params(panelId, subjectId)
			.query(Long.class)
			.single() > 0;
	}

	// --- conflicts ------------------------------------------------------------------------------------------------

	/**
	 * Every conflict of the panel, "member:subject" → kind: the declared ones and the chair's exclusions, then the
	 * owner module's automatic ones.
	 */
	public Map<String, ConflictKind> conflicts(long panelId) {
		Panel panel = panel(panelId);
		Map<String, ConflictKind> found = store.stored(panelId);
		Map<Long, Member> members = members(panelId);
		List<Long> subjects = subjects(panelId);
		if (!members.isEmpty() && !subjects.isEmpty()) {
			owner(panel.kind()).automaticConflicts(panel, members, subjects).forEach(found::putIfAbsent);
		}
		return found;
	}

	public Optional<ConflictKind> conflict(long panelId, long userId, long subjectId) {
		return Optional.ofNullable(conflicts(panelId).get(userId + ":" + subjectId));
	}

	/** A member's conflicts: subject id → kind. */
	public Map<Long, ConflictKind> conflictsOf(long panelId, long userId) {
		Map<Long, ConflictKind> mine = new HashMap<>();
		String prefix = userId + ":";
		conflicts(panelId).forEach((key, kind) -> {
			if (key.startsWith(prefix)) {
				mine.put(Long.valueOf(key.substring(prefix.length())), kind);
			}
		});
		return mine;
	}

	/** A member declares a conflict on a subject (own unit, family, supervised, other); a sheet given goes. */
	@Transactional
	public void declare(DvkUser user, long panelId, long subjectId, ConflictKind kind, String note) {
		Panel panel = panel(panelId);
		requireOpen(panel);
		access.check(facts(user, panel).member(), "not a member of panel " + panelId);
		requireBefore(panel, subjectId);
		if (kind == null || !ConflictKind.declarable().contains(kind)) {
			throw UserFacingException.field("kind", "judging.conflict.kindRequired");
		}
		store.put(panelId, user.id(), subjectId, kind, clean(note, 500));
		sheets.delete(panelId, subjectId, user.id());
		audit.record("judging.conflict", "judging_panel", panelId, "subject " + subjectId + ": " + kind);
	}

	/**
	 * The chair (or staff) takes a member off a subject with a reason: the member no longer scores it, a sheet
	 * already given is left out of the results, and the override is audited.
	 */
	@Transactional
	public void exclude(DvkUser user, long panelId, long memberId, long subjectId, String reason) {
		Panel panel = panel(panelId);
		access.check(access.mayManagePanel(facts(user, panel)), "not the chair of panel " + panelId);
		requireOpen(panel);
		requireBefore(panel, subjectId);
		if (!members(panelId).containsKey(memberId)) {
			throw UserFacingException.badRequest("judging.exclude.notMember");
		}
		String why = clean(reason, 500);
		if (why == null) {
			throw UserFacingException.field("reason", "judging.exclude.reason");
		}
		store.put(panelId, memberId, subjectId, ConflictKind.CHAIR_EXCLUDED, why);
		sheets.withdraw(panelId, subjectId, memberId);
		audit.record("judging.exclude", "judging_panel", panelId, "member " + memberId + ", subject " + subjectId
				+ ": " + why);
	}

	/** Declared conflicts and exclusions with their notes, oldest first (for the minutes). */
	public List<Declared> declared(long panelId) {
		return store.declared(panelId);
	}

	/** A conflict a member declared or the chair set, with its note. */
	public record Declared(long userId, long subjectId, ConflictKind kind, String note) {
	}

	// --- sheets ---------------------------------------------------------------------------------------------------

	/**
	 * Saves a member's sheet on a subject (every criterion, 0 to its maximum when submitted) and submits it when
	 * asked. Refused on a closed panel, to a non-member, outside the panel's subjects and when conflicted.
	 */
	@Transactional
	public void score(DvkUser user, long panelId, long subjectId, Map<Long, Double> scores, Map<Long, String> comments,
			boolean submit) {
		Panel panel = panel(panelId);
		requireOpen(panel);
		access.check(access.mayScore(facts(user, panel)), "not a member of panel " + panelId);
		requireBefore(panel, subjectId);
		if (conflict(panelId, user.id(), subjectId).isPresent()) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "judging.score.conflicted", kindText(panel, "subject"));
		}
		Rubrics.check(panel.criteria(), scores, submit);
		sheets.save(panelId, subjectId, user.id(), panel.criteria(), scores, comments, submit);
	}

	/** The user's own sheet on a subject, for the scoring page. */
	public Sheet sheet(DvkUser user, long panelId, long subjectId) {
		Panel panel = panel(panelId);
		access.check(facts(user, panel).member(), "not a member of panel " + panelId);
		requireBefore(panel, subjectId);
		return new Sheet(panel, sheets.scores(panelId, subjectId, user.id()), sheets.comments(panelId, subjectId,
				user.id()), conflict(panelId, user.id(), subjectId).orElse(null));
	}

	/** A member's own sheet: what they gave and why, or the conflict that keeps them from scoring. */
	public record Sheet(Panel panel, Map<Long, Double> scores, Map<Long, String> comments, ConflictKind conflict) {
	}

	/**
	 * Every member's sheet on one subject, for the chair (or staff): what each gave per criterion and why. In a
	 * blind panel the chair reads them only once it is closed; staff always.
	 */
	public List<MemberSheet> sheets(DvkUser user, long panelId, long subjectId) {
		Panel panel = panel(panelId);
		access.check(access.mayReadSheets(facts(user, panel)), "sheets of panel " + panelId);
		requireBefore(panel, subjectId);
		Map<Long, Member> members = members(panelId);
		Map<String, ConflictKind> conflicts = conflicts(panelId);
		Set<String> submitted = sheets.submitted(panelId);
		Map<Long, Map<Long, Double>> scores = new HashMap<>();
		Map<Long, Map<Long, String>> comments = new HashMap<>();
		sheets.all(panelId, subjectId, scores, comments);
		Map<Long, UserView> people = accounts.findAll(members.keySet());
		List<MemberSheet> out = new ArrayList<>();
		members.forEach((id, m) -> {
			Map<Long, Double> given = scores.getOrDefault(id, Map.of());
			out.add(new MemberSheet(id, name(people, id), m.role(), conflicts.get(id + ":" + subjectId),
					submitted.contains(id + ":" + subjectId), given, comments.getOrDefault(id, Map.of()),
					given.isEmpty() ? null : Rubrics.total(panel.criteria(), given)));
		});
		return out;
	}

	/** Sheets still expected: member × subject pairs without a conflict and without a submitted sheet. */
	public List<Missing> missing(long panelId) {
		return Ranking.missing(members(panelId).keySet(), subjects(panelId), sheets.submitted(panelId),
				conflicts(panelId));
	}

	/** The chair (or staff) reminds a member by e-mail of the sheets still missing; audited. */
	@Transactional
	public int remind(DvkUser user, long panelId, long memberId) {
		Panel panel = panel(panelId);
		access.check(access.mayManagePanel(facts(user, panel)), "not the chair of panel " + panelId);
		requireOpen(panel);
		PanelOwner owner = owner(panel.kind());
		List<Long> subjects = missing(panelId).stream().filter(m -> m.memberId() == memberId)
			.map(Missing::subjectId).toList();
		if (subjects.isEmpty()) {
			throw UserFacingException.badRequest("judging.remind.nothing");
		}
		String username = reminders.send(panel, owner, memberId, subjects);
		audit.record("judging.remind", "judging_panel", panelId, username + ": " + subjects.size());
		return subjects.size();
	}

	/** Closes the panel; with sheets missing, only when the caller confirms (the refusal lists them). */
	@Transactional
	public void close(DvkUser user, long panelId, boolean confirmMissing) {
		Panel panel = requireRunner(user, panelId);
		requireOpen(panel);
		List<Missing> missing = missing(panelId);
		if (!missing.isEmpty() && !confirmMissing) {
			PanelOwner owner = owner(panel.kind());
			Map<Long, UserView> people = accounts.findAll(members(panelId).keySet());
			String list = missing.stream()
				.map(m -> name(people, m.memberId()) + " – " + owner.subjectName(m.subjectId()))
				.collect(Collectors.joining("; "));
			throw new UserFacingException(HttpStatus.CONFLICT, "judging.close.missing", missing.size(), list);
		}
		closeQuietly(panelId);
		audit.record("judging.close", "judging_panel", panelId, missing.size() + " sheets missing");
	}

	/** Closes without asking about missing sheets (the owner module decided, e.g. when it publishes results). */
	@Transactional
	public void closeQuietly(long panelId) {
		jdbc.sql("update judging_panel set status = ?, closed_at = ?, version = version + 1 where id = ? "
				+ "and status = ?")
			.params(PanelStatus.CLOSED.name(), Timestamp.from(Instant.now()), panelId, PanelStatus.OPEN.name())
			.update();
	}

	// --- results --------------------------------------------------------------------------------------------------

	/** Each member's weighted total per subject, from submitted sheets only: member → (subject → total). */
	public Map<Long, Map<Long, Double>> totals(long panelId) {
		return sheets.totals(panelId, panel(panelId).criteria());
	}

	/**
	 * The standing of every subject before the panel, ranked within its group (one group when {@code groupOf} is
	 * null) by the deciding method; ties are broken by the mean, then by the earlier subject. Expected sheets leave
	 * out the members conflicted on the subject. For callers that checked who asks ({@link #results}).
	 */
	public Map<Long, Standing> standings(long panelId, Function<Long, String> groupOf) {
		Panel panel = panel(panelId);
		return Ranking.standings(panel, Aggregation.compute(totals(panelId), panel.maximum()), subjects(panelId),
				members(panelId).keySet(), conflicts(panelId), groupOf);
	}

	/** The standings as the user may read them: staff always; members once a blind panel closed; else 403. */
	public Map<Long, Standing> results(DvkUser user, long panelId, Function<Long, String> groupOf) {
		access.check(access.mayReadResults(facts(user, panelId)), "results of panel " + panelId);
		return standings(panelId, groupOf);
	}

	// --- checks ---------------------------------------------------------------------------------------------------

	private PanelOwner owner(String kind) {
		PanelOwner o = owners.get(kind);
		if (o == null) {
			throw new IllegalStateException("no module owns panels of kind " + kind);
		}
		return o;
	}

	private Panel requireRunner(DvkUser user, long panelId) {
		Panel panel = panel(panelId);
		access.require(user, owner(panel.kind()).runs());
		return panel;
	}

	private void requireOpen(Panel panel) {
		if (!panel.open()) {
			throw new UserFacingException(HttpStatus.CONFLICT, "judging.closed", kindText(panel, "panel"));
		}
	}

	private void requireBefore(Panel panel, long subjectId) {
		if (!isBefore(panel.id(), subjectId)) {
			throw new UserFacingException(HttpStatus.NOT_FOUND, "judging.subject.notInPanel", kindText(panel, "subject"));
		}
	}

	/** A word of the panel's kind in the reader's language: "panel" (đợt thẩm định), "subject" (mô hình)… */
	private static DefaultMessageSourceResolvable kindText(Panel panel, String word) {
		return new DefaultMessageSourceResolvable("judging.kind." + panel.kind() + "." + word);
	}

	private static String name(Map<Long, UserView> people, long id) {
		UserView u = people.get(id);
		return u == null ? "#" + id : u.fullName();
	}

	private static String clean(String text, int max) {
		if (text == null) {
			return null;
		}
		String t = VietnameseText.clean(text);
		return VietnameseText.isBlank(t) ? null : t.length() <= max ? t : t.substring(0, max);
	}

}
