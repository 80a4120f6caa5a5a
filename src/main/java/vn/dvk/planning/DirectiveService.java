package vn.dvk.planning;

import vn.dvk.account.Permission;

import vn.dvk.account.AccessPolicy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.DvkUser;
import vn.dvk.shared.AfterCommit;
import vn.dvk.system.AuditLog;
import vn.dvk.documents.FileContent;
import vn.dvk.shared.PageResult;
import vn.dvk.system.PublicContentChanged;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/**
 * The documents that steer the movement (văn bản chỉ đạo): plans, guidance, directives, decisions, each with its
 * number in the Party shape ({@code 1273-KH/BDVTW}: number-type/issuer) or the State shape
 * ({@code 19/2025/QĐ-TTg}: number/year/type-issuer), date, title, summary and PDF. Public and searchable.
 */
@Service
public class DirectiveService {

	private final AccessPolicy access;

	/** Party documents: 1273-KH/BDVTW, 05-CT/TW, 12-HD/BDVTU. */
	static final Pattern PARTY = Pattern.compile("(\\d{1,5})-([\\p{Lu}Đ]{1,6})/([\\p{L}\\p{N}Đđ.-]{1,30})");

	/** State documents: 19/2025/QĐ-TTg, 1250/QĐ-UBND, 45/2024/NĐ-CP. */
	static final Pattern STATE = Pattern.compile("(\\d{1,5})(?:/(\\d{4}))?/([\\p{Lu}Đ]{1,6})-([\\p{L}\\p{N}Đđ.]{1,30})");

	public record Document(long id, String number, String type, String issuer, LocalDate issuedOn, String title,
			String summary, String fileName) {

		public String path() {
			return "/van-ban/" + id;
		}

	}

	/** The parts of a document number: type and issuer, taken from the number itself. */
	public record Number(String number, String type, String issuer) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final org.springframework.context.ApplicationEventPublisher events;

	DirectiveService(JdbcClient jdbc, AuditLog audit, org.springframework.context.ApplicationEventPublisher events, AccessPolicy access) {
		this.access = access;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
	}

	/** Reads a number in either official shape, or says how it should look. */
	public static Number parse(String raw) {
		String n = raw == null ? "" : raw.strip().replace('–', '-').replace(" ", "");
		Matcher party = PARTY.matcher(n);
		if (party.matches()) {
			return new Number(n, party.group(2), party.group(3));
		}
		Matcher state = STATE.matcher(n);
		if (state.matches()) {
			return new Number(n, state.group(3), state.group(4));
		}
		throw UserFacingException.field("number", "planning.document.number");
	}

	@Transactional
	public Document create(DvkUser user, String number, LocalDate issuedOn, String title, String summary,
			String fileName, byte[] pdf) {
		access.require(user, Permission.RUN_MONITORING);
		Number parsed = parse(number);
		if (issuedOn == null) {
			throw UserFacingException.field("issuedOn", "planning.document.date");
		}
		String t = PlanningService.clean(title, 500);
		if (t == null) {
			throw UserFacingException.field("title", "planning.document.title.required");
		}
		if (pdf != null && pdf.length > 0 && FileContent.detect(pdf) != FileContent.PDF) {
			throw UserFacingException.field("file", "planning.document.notPdf");
		}
		boolean hasFile = pdf != null && pdf.length > 0;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into directive_document (number, doc_type, issuer, issued_on, title, title_folded, summary, "
				+ "file_name, content, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(parsed.number(), parsed.type(), parsed.issuer(), Date.valueOf(issuedOn), t,
					VietnameseText.fold(parsed.number() + " " + t), PlanningService.clean(summary, 4000),
					hasFile ? (fileName == null || fileName.isBlank() ? parsed.number() + ".pdf" : fileName) : null,
					hasFile ? pdf : null, Timestamp.from(Instant.now()), user.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record("planning.document", "directive_document", id, parsed.number() + " " + t);
		AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("documents")));
		return get(id).orElseThrow();
	}

	public Optional<Document> get(long id) {
		return jdbc.sql(SELECT + " where id = ?").params(id).query((rs, n) -> row(rs)).optional();
	}

	/** The PDF of a document, if it has one. */
	public Optional<byte[]> file(long id) {
		return jdbc.sql("select content from directive_document where id = ? and content is not null")
			.params(id)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** Documents matching words of their number or title (diacritics optional), a type and a year; newest first. */
	public PageResult<Document> search(String text, String type, Integer year, PageResult.Request page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (text != null && !text.isBlank()) {
			for (String word : VietnameseText.fold(text).split("\\s+")) {
				if (!word.isBlank()) {
					where.append(" and title_folded like ?");
					params.add("%" + word.replace("%", "").replace("_", "") + "%");
				}
			}
		}
		if (type != null && !type.isBlank()) {
			where.append(" and doc_type = ?");
			params.add(type);
		}
		if (year != null) {
			where.append(" and issued_on >= ? and issued_on < ?");
			params.add(Date.valueOf(LocalDate.of(year, 1, 1)));
			params.add(Date.valueOf(LocalDate.of(year + 1, 1, 1)));
		}
		long total = jdbc.sql("select count(*) from directive_document" + where).params(params).query(Long.class).single();
		List<Document> items = jdbc.sql(SELECT + where + " order by issued_on desc, id desc offset " + page.offset()
				+ " rows fetch next " + page.size() + " rows only")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** The document types in use, for the filter. */
	public List<String> types() {
		return jdbc.sql("select distinct doc_type from directive_document order by doc_type").query(String.class).list();
	}

	private static final String SELECT = "select id, number, doc_type, issuer, issued_on, title, summary, file_name "
			+ "from directive_document";

	private static Document row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Document(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
				rs.getString(6), rs.getString(7), rs.getString(8));
	}

}
