package vn.dvk.documents;

import vn.dvk.shared.VietnameseText;

import vn.dvk.shared.UserFacingException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the first sheet of an XLSX file, or a CSV file (UTF-8 with or without BOM, comma or semicolon), into a
 * header row and data rows of trimmed strings, keeping each row's number as the office sees it (the header is row 1).
 * <p>
 * Refuses what it cannot read faithfully with a {@link UserFacingException}: a file that is not XLSX or UTF-8 text
 * whatever its name, the legacy .xls format, text in another encoding (Windows-1258, TCVN3), and formulas (the value
 * shown in Excel may not be the one stored).
 */
public final class TabularFile {

	private final List<String> headers;

	private final List<Line> lines;

	private TabularFile(List<String> headers, List<Line> lines) {
		this.headers = headers;
		this.lines = lines;
	}

	public List<String> headers() {
		return headers;
	}

	/** Data rows, blank rows left out. */
	public List<Line> lines() {
		return lines;
	}

	public static TabularFile read(byte[] bytes, int maxRows) {
		FileContent kind = FileContent.detect(bytes);
		return switch (kind) {
			case XLSX -> readXlsx(bytes, maxRows);
			case UTF8_TEXT -> readCsv(new String(bytes, StandardCharsets.UTF_8), maxRows);
			case EMPTY -> throw UserFacingException.badRequest("shared.file.empty");
			case LEGACY_XLS -> throw UserFacingException.badRequest("shared.file.legacyXls");
			case OTHER_TEXT -> throw UserFacingException.badRequest("shared.file.notUtf8");
			default -> throw UserFacingException.badRequest("shared.file.notTable");
		};
	}

	private static TabularFile readCsv(String text, int maxRows) {
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		int eol = text.indexOf('\n');
		String first = eol < 0 ? text : text.substring(0, eol);
		char delimiter = count(first, ';') > count(first, ',') ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<String> headers = null;
			List<Line> lines = new ArrayList<>();
			for (CSVRecord record : parser) {
				List<String> cells = new ArrayList<>(record.size());
				record.forEach(v -> cells.add(cleanCell(v)));
				if (headers == null) {
					headers = cells;
					continue;
				}
				if (cells.stream().allMatch(String::isEmpty)) {
					continue;
				}
				// The physical line is what a spreadsheet shows for this record.
				addLine(lines, new Line((int) record.getRecordNumber(), cells), maxRows);
			}
			if (headers == null) {
				throw UserFacingException.badRequest("shared.file.empty");
			}
			return new TabularFile(headers, lines);
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw UserFacingException.badRequest("shared.file.badCsv", ex.getMessage());
		}
	}

	private static TabularFile readXlsx(byte[] bytes, int maxRows) {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			Optional<Sheet> sheet = workbook.getFirstSheet() == null ? Optional.empty()
					: Optional.of(workbook.getFirstSheet());
			if (sheet.isEmpty()) {
				throw UserFacingException.badRequest("shared.file.empty");
			}
			List<String> headers = null;
			List<Line> lines = new ArrayList<>();
			try (var rows = sheet.get().openStream()) {
				for (Row row : (Iterable<Row>) rows::iterator) {
					List<String> cells = new ArrayList<>(row.getCellCount());
					for (int c = 0; c < row.getCellCount(); c++) {
						cells.add(cellText(row.getCell(c), row.getRowNum(), c));
					}
					if (headers == null) {
						if (cells.stream().allMatch(String::isEmpty)) {
							continue;
						}
						headers = cells;
						continue;
					}
					if (cells.stream().allMatch(String::isEmpty)) {
						continue;
					}
					addLine(lines, new Line(row.getRowNum(), cells), maxRows);
				}
			}
			if (headers == null) {
				throw UserFacingException.badRequest("shared.file.empty");
			}
			return new TabularFile(headers, lines);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof UserFacingException ufe) {
				throw ufe;
			}
			throw UserFacingException.badRequest("shared.file.badXlsx");
		}
	}

	private static void addLine(List<Line> lines, Line line, int maxRows) {
		if (lines.size() >= maxRows) {
			throw UserFacingException.badRequest("shared.file.tooManyRows", maxRows);
		}
		lines.add(line);
	}

	private static String cellText(Cell cell, int rowNum, int column) {
		if (cell == null) {
			return "";
		}
		if (cell.getType() == CellType.FORMULA) {
			throw UserFacingException.badRequest("shared.file.formula", rowNum, columnName(column));
		}
		if (cell.getType() == CellType.NUMBER) {
			BigDecimal n = cell.asNumber();
			return n == null ? "" : n.stripTrailingZeros().toPlainString();
		}
		return cleanCell(cell.getText());
	}

	private static String cleanCell(String value) {
		String cleaned = VietnameseText.clean(value == null ? "" : value.replace('\u00A0', ' '));
		return cleaned == null ? "" : cleaned;
	}

	/** "A", "B", … "AA": the column letters Excel shows. */
	public static String columnName(int index) {
		StringBuilder s = new StringBuilder();
		int n = index + 1;
		while (n > 0) {
			int r = (n - 1) % 26;
			s.insert(0, (char) ('A' + r));
			n = (n - 1) / 26;
		}
		return s.toString();
	}

	private static int count(String s, char c) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

	/** A data row: its number as a spreadsheet shows it, and its cells. */
	public record Line(int number, List<String> cells) {

		public String cell(int index) {
			return index < 0 || index >= cells.size() ? "" : cells.get(index);
		}

	}

}
