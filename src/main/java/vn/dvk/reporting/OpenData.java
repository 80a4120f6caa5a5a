package vn.dvk.reporting;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dvk.registry.CatalogueEntry;
import vn.dvk.registry.Catalogues;
import vn.dvk.system.SiteSettings;

/**
 * Open data: the recognized models and exemplars that are public on the portal, with what their story page shows
 * already (name, kind, field, place, organization, recognition, spread, address of the story); nothing about
 * individuals beyond that.
 */
@Service
public class OpenData {

	public record Item(long id, String name, String kind, String subjectType, String fieldCode, String field,
			String locality, String organization, String status, String recognitionLevel, String recognitionDecision,
			String recognitionDate, int spreadLocalities, String url) {
	}

	static final List<String> COLUMNS = List.of("id", "name", "kind", "subjectType", "fieldCode", "field", "locality",
			"organization", "status", "recognitionLevel", "recognitionDecision", "recognitionDate", "spreadLocalities",
			"url");

	private final JdbcClient jdbc;

	private final Catalogues catalogues;

	private final SiteSettings site;

	OpenData(JdbcClient jdbc, Catalogues catalogues, SiteSettings site) {
		this.jdbc = jdbc;
		this.catalogues = catalogues;
		this.site = site;
	}

	/** Every public recognized model, by id. */
	public List<Item> recognizedModels() {
		Map<String, String> fields = catalogues.names(CatalogueEntry.FIELD, vn.dvk.shared.VietnameseCollation.VIETNAMESE);
		List<Item> items = new ArrayList<>();
		jdbc.sql("select m.id, m.name, m.kind, m.subject_type, m.field_code, u.name, o.name, m.status, "
				+ "m.recognition_level, m.recognition_decision, m.recognition_date, m.spread_localities, m.slug "
				+ "from registry_model_facts m join unit_directory u on u.id = m.locality_id join organization_directory o "
				+ "on o.id = m.organization_id where m.is_public = true and m.recognized = true order by m.id")
			.query(rs -> {
				java.sql.Date d = rs.getDate(11);
				items.add(new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						fields.getOrDefault(rs.getString(5), rs.getString(5)), rs.getString(6), rs.getString(7),
						rs.getString(8), rs.getString(9), rs.getString(10), d == null ? null : d.toLocalDate().toString(),
						rs.getInt(12), site.absolute("/mo-hinh/" + rs.getString(13) + "-" + rs.getLong(1))));
			});
		return items;
	}

	/** The same as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the diacritics). */
	public void csv(Writer out) throws IOException {
		out.write('\uFEFF');
		out.write(String.join(",", COLUMNS));
		out.write("\r\n");
		for (Item i : recognizedModels()) {
			List<Object> cells = List.of(i.id(), i.name(), i.kind(), i.subjectType(), i.fieldCode(), i.field(),
					i.locality(), i.organization(), i.status(), nz(i.recognitionLevel()), nz(i.recognitionDecision()),
					nz(i.recognitionDate()), i.spreadLocalities(), i.url());
			for (int c = 0; c < cells.size(); c++) {
				if (c > 0) {
					out.write(',');
				}
				out.write(quote(String.valueOf(cells.get(c))));
			}
			out.write("\r\n");
		}
		out.flush();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	static String quote(String cell) {
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

}
