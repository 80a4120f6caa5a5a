package vn.dvk.commendation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Permission;
import vn.dvk.account.ScopeSql;
import vn.dvk.registry.ModelRecognized;
import vn.dvk.registry.ModelsImported;
import vn.dvk.registry.RecognitionLevel;

/**
 * Who may be commended: the module's own register of recognized models, written from the registry's recognition
 * events (one decision, or the recognized rows of an import), and the candidates of a conference read from it.
 * Listeners tolerate a second delivery (the register keeps one row per model, the first decision).
 */
@Service
public class CommendationCandidates {

	/** A model eligible for commendation, with the decision that made it so. */
	public record Candidate(long id, String name, String organizationName, String localityName,
			RecognitionLevel level, String decisionNumber, LocalDate decisionDate) {
	}

	/** At most this many candidates are offered on a conference page (newest decisions first). */
	static final int LIMIT = 300;

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	CommendationCandidates(JdbcClient jdbc, AccessPolicy access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@ApplicationModuleListener
	void on(ModelRecognized e) {
		record(e.modelId(), e.level(), e.decisionNumber(), e.decisionDate());
	}

	@ApplicationModuleListener
	void on(ModelsImported e) {
		if (e.recognizedIds().isEmpty()) {
			return;
		}
		// The decision of an imported row is the registry's; its published view gives it.
		String ids = String.join(",", e.recognizedIds().stream().map(String::valueOf).toList());
		jdbc.sql("insert into commendation_candidate (model_id, level, decision_number, decision_date, recorded_at) "
				+ "select f.id, f.recognition_level, f.recognition_decision, f.recognition_date, ? "
				+ "from registry_model_facts f where f.id in (" + ids + ") and f.recognized and not exists "
				+ "(select 1 from commendation_candidate c where c.model_id = f.id)")
			.params(Timestamp.from(Instant.now()))
			.update();
	}

	void record(long modelId, RecognitionLevel level, String decisionNumber, LocalDate decisionDate) {
		jdbc.sql("insert into commendation_candidate (model_id, level, decision_number, decision_date, recorded_at) "
				+ "select ?, ?, ?, ?, ? where not exists (select 1 from commendation_candidate where model_id = ?)")
			.params(modelId, level == null ? null : level.name(), decisionNumber,
					decisionDate == null ? null : Date.valueOf(decisionDate), Timestamp.from(Instant.now()), modelId)
			.update();
	}

	/**
	 * The models a conference may still nominate: in the register, still counted as recognized by the registry (a
	 * discontinued model is not), not yet nominated in this conference, within the user's scope; newest decisions
	 * first, at most {@value #LIMIT}. Staff running commendation and officers proposing their own models (whose scope
	 * keeps them to their organization) may ask.
	 */
	public List<Candidate> candidates(DvkUser user, long conferenceId) {
		access.check(access.allows(user, Permission.RUN_COMMENDATION)
				|| access.allows(user, Permission.PROPOSE_FOR_COMMENDATION), "commendation candidates");
		ScopeSql scope = ScopeSql.of(access.filterFor(user), "m.organization_id", "m.locality_id");
		List<Object> params = new ArrayList<>();
		params.add(conferenceId);
		params.addAll(scope.params());
		return jdbc
			.sql("select m.id, m.name, o.name, u.name, c.level, c.decision_number, c.decision_date "
					+ "from commendation_candidate c join registry_model_facts m on m.id = c.model_id "
					+ "join organization_directory o on o.id = m.organization_id "
					+ "join unit_directory u on u.id = m.locality_id "
					+ "where m.recognized and not exists (select 1 from nomination n where n.model_id = c.model_id "
					+ "and n.conference_id = ?) and " + scope.condition()
					+ " order by c.decision_date desc nulls last, m.id desc limit " + LIMIT)
			.params(params)
			.query((rs, n) -> {
				String level = rs.getString(5);
				Date date = rs.getDate(7);
				return new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						level == null ? null : RecognitionLevel.valueOf(level), rs.getString(6),
						date == null ? null : date.toLocalDate());
			})
			.list();
	}

}
