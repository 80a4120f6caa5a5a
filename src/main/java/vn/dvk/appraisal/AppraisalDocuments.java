package vn.dvk.appraisal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Permission;
import vn.dvk.account.UserView;
import vn.dvk.documents.PdfDocuments;
import vn.dvk.documents.XlsxStream;
import vn.dvk.judging.Aggregation;
import vn.dvk.judging.ConflictKind;
import vn.dvk.judging.Judging;
import vn.dvk.judging.Member;
import vn.dvk.judging.MemberRole;
import vn.dvk.registry.ModelRef;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.Texts;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.system.SiteSettings;

/**
 * A round's documents for the office (staff): the score sheet as XLSX (each member's total per model, the three
 * aggregations, the decision) and the minutes as PDF (biên bản thẩm định: council, criteria, scores, conflicts,
 * decisions, signatures). Official documents are Vietnamese; every label comes from the message bundle.
 */
@Service
public class AppraisalDocuments {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final AppraisalService appraisals;

	private final Judging judging;

	private final AccountService accounts;

	private final RegistryService registry;

	private final AccessPolicy access;

	private final PdfDocuments pdf;

	private final SiteSettings site;

	private final Texts texts;

	AppraisalDocuments(AppraisalService appraisals, Judging judging, AccountService accounts, RegistryService registry,
			AccessPolicy access, PdfDocuments pdf, SiteSettings site, Texts texts) {
		this.appraisals = appraisals;
		this.judging = judging;
		this.accounts = accounts;
		this.registry = registry;
		this.access = access;
		this.pdf = pdf;
		this.site = site;
		this.texts = texts;
	}

	/** The score sheet: one line per model with each member's total; conflicted members show "xung đột". */
	public void scores(DvkUser user, long roundId, OutputStream out) throws IOException {
		access.require(user, Permission.RUN_APPRAISAL);
		AppraisalService.Results results = appraisals.results(roundId);
		long panel = results.round().panelId();
		Map<Long, Member> members = judging.members(panel);
		Map<Long, UserView> people = accounts.findAll(members.keySet());
		Map<Long, Map<Long, Double>> totals = judging.totals(panel);
		Map<String, ConflictKind> conflicts = judging.conflicts(panel);
		try (XlsxStream xlsx = new XlsxStream(out, text("appraisal.doc.sheet"))) {
			xlsx.headerRow(List.of(results.round().name()));
			List<String> header = new ArrayList<>(List.of(text("appraisal.doc.rank"), text("appraisal.doc.model")));
			members.keySet().forEach(id -> header.add(name(people, id)));
			for (Aggregation.Method m : Aggregation.Method.values()) {
				header.add(text("appraisal.doc.col." + m.name()));
			}
			header.addAll(List.of(text("appraisal.doc.passes"), text("appraisal.doc.decision"),
					text("appraisal.doc.number")));
			xlsx.headerRow(header);
			for (AppraisalService.ResultLine l : results.lines()) {
				List<String> row = new ArrayList<>();
				row.add(l.rank() == null ? "" : Integer.toString(l.rank()));
				row.add(l.name());
				for (Long member : members.keySet()) {
					Double t = totals.getOrDefault(member, Map.of()).get(l.modelId());
					row.add(t != null ? decimal(t)
							: conflicts.containsKey(member + ":" + l.modelId()) ? text("appraisal.doc.conflict") : "");
				}
				Aggregation.Figures f = l.figures();
				row.add(f == null ? "" : decimal(f.mean()));
				row.add(f == null || f.trimmedMean() == null ? "" : decimal(f.trimmedMean()));
				row.add(f == null ? "" : decimal(f.normalized()));
				row.add(l.passes() ? text("appraisal.doc.yes") : "");
				row.add(l.decision() == null ? "" : text("appraisal.decision." + l.decision().name()));
				row.add(l.decisionNumber() == null ? "" : l.decisionNumber());
				xlsx.row(row);
			}
		}
	}

	/** The minutes of the round (biên bản thẩm định) as PDF. */
	public void minutes(DvkUser user, long roundId, OutputStream out) throws IOException {
		access.require(user, Permission.RUN_APPRAISAL);
		AppraisalService.Results results = appraisals.results(roundId);
		AppraisalService.Round round = results.round();
		Map<Long, Member> members = judging.members(round.panelId());
		Map<Long, UserView> people = accounts.findAll(members.keySet());
		List<Map<String, String>> council = new ArrayList<>();
		String chair = "";
		String secretary = "";
		for (Member m : members.values()) {
			UserView u = people.get(m.userId());
			String name = name(people, m.userId());
			chair = m.role() == MemberRole.CHAIR ? name : chair;
			secretary = m.role() == MemberRole.SECRETARY ? name : secretary;
			council.add(Map.of("name", name, "organization",
					u == null || u.organizationName() == null ? "" : u.organizationName(), "role",
					text("appraisal.role." + m.role().name())));
		}
		Map<Long, String> decisionTexts = new HashMap<>();
		int[] counts = new int[4];
		for (AppraisalService.ResultLine l : results.lines()) {
			String t = l.decision() == null ? text("appraisal.doc.pending")
					: text("appraisal.decision." + l.decision().name())
							+ (l.decision() == AppraisalService.Decision.RECOGNIZE && l.decisionNumber() != null
									? " (" + l.decisionNumber() + ")" : "");
			decisionTexts.put(l.modelId(), t);
			counts[l.decision() == null ? 3 : l.decision().ordinal()]++;
		}
		List<Judging.Declared> declared = judging.declared(round.panelId());
		Map<Long, ModelRef> models = registry.refs(declared.stream().map(Judging.Declared::subjectId).toList());
		Map<Long, UserView> declarers = accounts.findAll(declared.stream().map(Judging.Declared::userId).toList());
		List<String> conflicts = declared.stream()
			.map(d -> name(declarers, d.userId()) + " – "
					+ (models.containsKey(d.subjectId()) ? models.get(d.subjectId()).name() : "#" + d.subjectId())
					+ " – " + text("appraisal.doc.conflict." + d.kind().name())
					+ (d.note() == null ? "" : ": " + d.note()))
			.toList();
		Map<String, Object> v = new HashMap<>();
		v.put("site", site);
		v.put("place", site.place());
		v.put("date", VietnameseFormats.today());
		v.put("round", round);
		v.put("levelText", text("appraisal.doc.level." + round.level().name()));
		v.put("methodText", text("appraisal.doc.method." + round.decidingMethod().name()));
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
		pdf.render("appraisal/pdf/minutes", v, VI, out);
	}

	private String text(String key) {
		return texts.in(VI, key);
	}

	private static String name(Map<Long, UserView> people, long id) {
		UserView u = people.get(id);
		return u == null ? "#" + id : u.fullName();
	}

	private static String decimal(double v) {
		return String.format(Locale.ROOT, "%.2f", v).replace('.', ',');
	}

}
