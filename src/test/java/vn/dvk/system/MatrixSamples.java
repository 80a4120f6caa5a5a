package vn.dvk.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records of the demo data the authorization matrix asks about, by name: "model.own" is a model of the demo
 * officer's organization, "appraisal.open" the round being scored, and so on. Test code reads the tables directly;
 * the application never does this across modules.
 */
final class MatrixSamples {

	private MatrixSamples() {
	}

	/** The officer whose records the samples are ("canbo"). */
	static final String OWN_ORGANIZATION = "(select organization_id from app_user where username = 'canbo')";

	private static final String[][] QUERIES = {
			{ "organization.own", OWN_ORGANIZATION.substring(1, OWN_ORGANIZATION.length() - 1) },
			{ "unit.commune", "select locality_id from organization where id = " + OWN_ORGANIZATION },
			{ "model.own", "select min(id) from registry_model where status in ('DRAFT', 'SUBMITTED', 'RETURNED') and "
					+ "organization_id = " + OWN_ORGANIZATION },
			{ "model.public", "select min(id) from registry_model where is_public = true and status in ('RECOGNIZED', "
					+ "'MAINTAINED', 'REPLICATED', 'COMMENDED')" },
			{ "evidence.own", "select min(e.id) from registry_evidence e join registry_model m on m.id = e.model_id "
					+ "where m.organization_id = " + OWN_ORGANIZATION },
			{ "evidence.public", "select min(e.id) from registry_evidence e join registry_model m on m.id = e.model_id "
					+ "where m.is_public = true and m.status in ('RECOGNIZED', 'MAINTAINED', 'REPLICATED', 'COMMENDED')" },
			{ "user.citizen", "select id from app_user where username = 'congdan'" },
			{ "appraisal.open", "select min(owner_id) from judging_panel where kind = 'APPRAISAL' and status = 'OPEN'" },
			{ "appraisal.closed", "select min(owner_id) from judging_panel where kind = 'APPRAISAL' and status = 'CLOSED'" },
			{ "appraisal.openModel", "select min(s.subject_id) from judging_subject s join judging_panel p on p.id = "
					+ "s.panel_id where p.kind = 'APPRAISAL' and p.status = 'OPEN'" },
			{ "appraisal.openMember", "select min(m.user_id) from judging_member m join judging_panel p on p.id = "
					+ "m.panel_id where p.kind = 'APPRAISAL' and p.status = 'OPEN' and m.role = 'MEMBER'" },
			{ "conference.held", "select min(id) from commendation_conference where decision_number is not null" },
			{ "conference.open", "select max(id) from commendation_conference" },
			{ "nomination.any", "select max(id) from nomination" },
			{ "contest.published", "select min(id) from contest where results_public = true" },
			{ "contest.open", "select max(id) from contest where results_public = false" },
			{ "contestRound.open", "select min(owner_id) from judging_panel where kind = 'CONTEST' and status = 'OPEN'" },
			{ "contestRound.any", "select min(id) from contest_round" },
			{ "entry.inOpenRound", "select min(s.subject_id) from judging_subject s join judging_panel p on p.id = "
					+ "s.panel_id where p.kind = 'CONTEST' and p.status = 'OPEN'" },
			{ "contestRound.openMember", "select min(m.user_id) from judging_member m join judging_panel p on p.id = "
					+ "m.panel_id where p.kind = 'CONTEST' and p.status = 'OPEN'" },
			{ "entry.any", "select min(id) from contest_entry" },
			{ "contest.file", "select min(id) from contest_entry_file" },
			{ "poll.open", "select min(id) from poll" },
			{ "article.published", "select min(id) from news_article where status = 'PUBLISHED'" },
			{ "newsCategory.any", "select min(id) from news_category" },
			{ "image.any", "select min(id) from news_image" },
			{ "period.any", "select min(id) from reporting_period" },
			{ "plan.own", "select min(id) from unit_plan where organization_id = " + OWN_ORGANIZATION },
			{ "report.own", "select min(id) from period_report where organization_id = " + OWN_ORGANIZATION },
			{ "inspection.own", "select min(inspection_id) from inspection_unit where organization_id = "
					+ OWN_ORGANIZATION },
			{ "inspectionItem.own", "select min(id) from inspection_item where organization_id = " + OWN_ORGANIZATION },
			{ "notification.any", "select min(id) from notification" },
			{ "directive.any", "select min(id) from directive_document" },
			{ "newsCategory.code", "select min(code) from news_category" }, };

	static Map<String, String> resolve(JdbcClient jdbc) {
		// the demo's entries carry links, not files: give the first entry a small PDF once
		if (jdbc.sql("select count(*) from contest_entry_file").query(Long.class).single() == 0) {
			jdbc.sql("insert into contest_entry_file (entry_id, file_name, content_type, size_bytes, content) "
					+ "select min(id), 'bai-viet.pdf', 'application/pdf', 9, ? from contest_entry")
				.params((Object) "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
				.update();
		}
		Map<String, String> found = new LinkedHashMap<>();
		for (String[] q : QUERIES) {
			List<Object> ids = jdbc.sql(q[1]).query((rs, n) -> rs.getObject(1)).list();
			// a record the demo data lacks: a number no record has (refusals still show; allowed users get 404)
			found.put(q[0], !ids.isEmpty() && ids.get(0) != null ? ids.get(0).toString() : "999999998");
		}
		// a number no record has, for routes whose record is looked up by the request
		found.put("none", "999999999");
		return found;
	}

	/** The sample request a new route starts with in record mode (by the shape of its pattern). */
	static String guess(String pattern) {
		if (pattern.startsWith("/quan-tri/cuoc-thi/vong/{id}")) {
			return pattern.replace("{id}", "{contestRound.open}").replace("{subject}", "{entry.inOpenRound}")
				.replace("{member}", "{contestRound.openMember}").replace("{entry}", "{entry.inOpenRound}");
		}
		String[][] rules = {
				{ "/api/v1/appraisals/{id}", "{appraisal.closed}" }, { "/api/v1/commendations/{id}", "{conference.held}" },
				{ "/api/v1/contests/{id}", "{contest.published}" }, { "/api/v1/models/{id}", "{model.public}" },
				{ "/api/v1/news/{id}", "{article.published}" }, { "/api/v1/organizations/{id}", "{organization.own}" },
				{ "/api/v1/polls/{id}", "{poll.open}" }, { "/bao-chi/{modelId}", "{model.public}" },
				{ "/bieu-duong/{id}", "{conference.held}" }, { "/binh-chon/{id}", "{poll.open}" },
				{ "/cuoc-thi/tep/{fileId}", "{contest.file}" }, { "/cuoc-thi/{id}", "{contest.published}" },
				{ "/mo-hinh/anh/{evidenceId}", "{evidence.public}" },
				{ "/quan-tri/bao-chi/{modelId}", "{model.public}" },
				{ "/quan-tri/bieu-duong/{id}", "{conference.open}" }, { "{nomination}", "{nomination.any}" },
				{ "/quan-tri/binh-chon/{id}", "{poll.open}" }, { "/quan-tri/co-quan-don-vi/{id}", "{organization.own}" },
				{ "/quan-tri/cuoc-thi/tac-pham/{entry}", "{entry.any}" },
				{ "/quan-tri/cuoc-thi/vong/{id}", "{contestRound.open}" }, { "{entry}", "{entry.inOpenRound}" },
				{ "/quan-tri/cuoc-thi/{id}", "{contest.open}" }, { "/quan-tri/don-vi-hanh-chinh/{id}", "{unit.commune}" },
				{ "{periodId}", "{period.any}" }, { "{organizationId}", "{organization.own}" },
				{ "{reportId}", "{report.own}" }, { "{planId}", "{plan.own}" }, { "{year}", "2026" },
				{ "/quan-tri/kiem-tra/{id}", "{inspection.own}" }, { "{item}", "{inspectionItem.own}" },
				{ "/quan-tri/mo-hinh/minh-chung/{evidenceId}", "{evidence.own}" }, { "{jobId}", "none" },
				{ "/quan-tri/mo-hinh/{id}", "{model.own}" }, { "{evidenceId}", "{evidence.own}" },
				{ "/quan-tri/nguoi-dung/{id}", "{user.citizen}" }, { "/quan-tri/tham-dinh/{id}", "{appraisal.open}" },
				{ "{modelId}", "{appraisal.openModel}" }, { "{subject}", "{appraisal.openModel}" },
				{ "{member}", "{appraisal.openMember}" },
				{ "/quan-tri/tin-tuc/chuyen-muc/{id}", "{newsCategory.any}" },
				{ "/quan-tri/tin-tuc/{id}", "{article.published}" }, { "/tai-khoan/thong-bao/{id}", "{notification.any}" },
				{ "/tin-tuc/anh/{imageId}", "{image.any}" }, { "/tin-tuc/chuyen-muc/{code}", "{newsCategory.code}" },
				{ "/van-ban/{id}", "{directive.any}" } };
		String out = pattern;
		for (String[] r : rules) {
			String var = r[0].substring(r[0].lastIndexOf('{'));
			if (r[0].startsWith("/") ? out.startsWith(r[0]) : out.contains(var)) {
				int at = out.indexOf(var, r[0].startsWith("/") ? r[0].length() - var.length() : 0);
				if (at >= 0) {
					out = out.substring(0, at) + r[1] + out.substring(at + var.length());
				}
			}
		}
		if (out.startsWith("/tin-tuc/{slugAndId")) {
			return "/tin-tuc/bai-{article.published}";
		}
		return out.replace("{slugAndId:.+-\\\\d+}", "bai-{model.public}")
			.replace("{slugAndId:.+-\\d+}", "bai-{model.public}")
			.replaceAll("\\{format:([a-z]+)\\|[^}]*}", "$1")
			.replaceAll("\\{what:([a-z-]+)(\\\\\\.[a-z]+)?\\|[^}]*}", "$1$2")
			.replace("\\\\.", ".")
			.replace("\\.", ".");
	}

}
