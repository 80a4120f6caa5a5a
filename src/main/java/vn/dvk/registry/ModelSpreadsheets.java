package vn.dvk.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.dvk.locality.Locality;
import vn.dvk.shared.VietnameseFormats;

/**
 * XLSX and CSV for offices: the import template (with a sheet of valid values) and exports of filtered lists,
 * streamed row by row so a 100,000-row export never holds the list in memory. Export columns are the import
 * columns plus read-only ones, so an exported file can be corrected and imported back.
 */
@Component
class ModelSpreadsheets {

	/** One model as an export row. */
	record Row(long id, ModelKind kind, SubjectType subject, String name, String fieldCode, String localityCode,
			String localityName, String organizationName, int startYear, String phase, ModelContent content,
			LocalDate recognitionDate, String recognitionDecision, RecognitionLevel recognitionLevel,
			ModelStatus status, java.util.Set<QualityFlag> flags) {
	}

	private final MessageSource messages;

	ModelSpreadsheets(MessageSource messages) {
		this.messages = messages;
	}

	private static final List<String> EXTRA_HEADERS = List.of("Mã", "Tên địa bàn", "Trạng thái",
			"Cảnh báo chất lượng");

	List<String> headers() {
		List<String> h = new ArrayList<>();
		h.add(ImportColumns.STT.header());
		h.add(EXTRA_HEADERS.get(0));
		for (ImportColumns c : ImportColumns.values()) {
			if (c == ImportColumns.STT) {
				continue;
			}
			h.add(c.header());
			if (c == ImportColumns.LOCALITY) {
				h.add(EXTRA_HEADERS.get(1));
			}
		}
		h.add(EXTRA_HEADERS.get(2));
		h.add(EXTRA_HEADERS.get(3));
		return h;
	}

	List<String> values(int index, Row r, Map<String, String> fieldNames, Locale locale) {
		List<String> v = new ArrayList<>();
		v.add(String.valueOf(index));
		v.add(ModelSummary.code(r.kind(), r.id()));
		for (ImportColumns c : ImportColumns.values()) {
			switch (c) {
				case STT -> {
					continue;
				}
				case NAME -> v.add(r.name());
				case KIND -> v.add(r.kind() == ModelKind.EXEMPLAR ? "Điển hình" : "Mô hình");
				case SUBJECT -> v.add(r.subject() == SubjectType.INDIVIDUAL ? "Cá nhân" : "Tập thể");
				case FIELD -> v.add(fieldNames.getOrDefault(r.fieldCode(), r.fieldCode()));
				case LOCALITY -> {
					v.add(r.localityCode());
					v.add(r.localityName());
				}
				case ORGANIZATION -> v.add(r.organizationName());
				case START_YEAR -> v.add(String.valueOf(r.startYear()));
				case PHASE -> v.add(r.phase());
				case RECOGNITION_DATE -> v.add(r.recognitionDate() == null ? "" : VietnameseFormats.date(r.recognitionDate()));
				case RECOGNITION_DECISION -> v.add(r.recognitionDecision() == null ? "" : r.recognitionDecision());
				case RECOGNITION_LEVEL -> v.add(r.recognitionLevel() == null ? ""
						: messages.getMessage(r.recognitionLevel().messageKey(), null, locale));
				default -> {
					String text = r.content().get(c.item());
					v.add(text == null ? "" : text);
				}
			}
		}
		v.add(messages.getMessage(r.status().messageKey(), null, locale));
		List<String> flags = new ArrayList<>();
		r.flags().forEach(f -> flags.add(messages.getMessage(f.messageKey(), null, locale)));
		v.add(String.join("; ", flags));
		return v;
	}


	/** Streams an XLSX export; {@code rows} calls the consumer once per model. */
	void writeXlsx(OutputStream out, Consumer<Consumer<Row>> rows, Map<String, String> fieldNames, Locale locale)
			throws IOException {
		// Streamed with the project's own writer: 100,000 models are a 75 MB file whose cost is escaping and
		// encoding text (see XlsxStream).
		vn.dvk.documents.XlsxStream xlsx = new vn.dvk.documents.XlsxStream(out, "Mô hình, điển hình");
		xlsx.headerRow(headers());
		int[] r = { 1 };
		IOException[] failure = new IOException[1];
		rows.accept(row -> {
			if (failure[0] != null) {
				return;
			}
			try {
				xlsx.row(values(r[0]++, row, fieldNames, locale));
			}
			catch (IOException ex) {
				failure[0] = ex;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		xlsx.close();
	}

	void writeCsv(OutputStream out, Consumer<Consumer<Row>> rows, Map<String, String> fieldNames, Locale locale)
			throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		// A BOM so Excel opens the UTF-8 file with its diacritics.
		writer.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
		csv.printRecord(headers());
		int[] index = { 1 };
		IOException[] failure = new IOException[1];
		rows.accept(row -> {
			try {
				csv.printRecord(values(index[0]++, row, fieldNames, locale));
			}
			catch (IOException ex) {
				failure[0] = ex;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		csv.flush();
	}

	/** The empty template: the columns offices fill in, and a sheet of the values they may use. */
	void writeTemplate(OutputStream out, List<CatalogueEntry> fields, List<Locality> units) throws IOException {
		Workbook wb = new Workbook(out, "DVK", "1.0");
		Worksheet ws = wb.newWorksheet("Mẫu nhập");
		List<ImportColumns> columns = ImportColumns.template();
		for (int c = 0; c < columns.size(); c++) {
			ws.value(0, c, columns.get(c).header());
			ws.style(0, c).bold().fillColor(columns.get(c).required() ? "FCE4D6" : "FFFFFF").set();
			ws.width(c, columns.get(c).item() != null ? 40 : 18);
		}
		List<String> example = List.of("1", "Mô hình “Tổ tự quản đường hoa thôn Đông”", "Mô hình", "Tập thể",
				fields.isEmpty() ? "" : fields.get(0).nameVi(), units.size() > 1 ? units.get(1).code() : "",
				"Hội Nông dân xã Tân Lập", "2024", "2021-2025", "", "", "", "", "", "", "",
				"Làm mới 3,5 km đường hoa, 120 hộ tham gia", "", "", "", "");
		for (int c = 0; c < example.size() && c < columns.size(); c++) {
			ws.value(1, c, example.get(c));
		}
		Worksheet lists = wb.newWorksheet("Danh mục");
		lists.value(0, 0, "Lĩnh vực");
		lists.value(0, 2, "Mã đơn vị hành chính");
		lists.value(0, 3, "Tên đơn vị hành chính");
		lists.value(0, 5, "Loại");
		lists.value(0, 6, "Tập thể/Cá nhân");
		lists.value(0, 7, "Cấp công nhận");
		for (int c : new int[] { 0, 2, 3, 5, 6, 7 }) {
			lists.style(0, c).bold().set();
		}
		for (int i = 0; i < fields.size(); i++) {
			lists.value(i + 1, 0, fields.get(i).nameVi());
		}
		for (int i = 0; i < units.size(); i++) {
			lists.value(i + 1, 2, units.get(i).code());
			lists.value(i + 1, 3, units.get(i).name());
		}
		lists.value(1, 5, "Mô hình");
		lists.value(2, 5, "Điển hình");
		lists.value(1, 6, "Tập thể");
		lists.value(2, 6, "Cá nhân");
		lists.value(1, 7, "Cấp xã");
		lists.value(2, 7, "Cấp tỉnh");
		lists.value(3, 7, "Cấp Trung ương");
		lists.width(0, 40);
		lists.width(3, 36);
		wb.finish();
	}

}
