package vn.dvk.documents;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A one-sheet XLSX written row by row straight into the response: text cells only, inline strings (no shared
 * strings table, so memory stays flat whatever the size), a bold first row, the fastest deflate level. Large exports
 * spend their time escaping and encoding text; this writer does both in one pass over the characters into a byte
 * buffer, several times faster than a general spreadsheet library, and never holds more than one buffer.
 */
public final class XlsxStream implements Closeable {

	private static final int FLUSH_AT = 1 << 16;

	private final ZipOutputStream zip;

	private byte[] buf = new byte[FLUSH_AT + 8192];

	private int len;

	private int rowNumber;

	private boolean closed;

	/** Starts the workbook and its only sheet, named {@code sheetName} (at most 31 characters, no {@code []:*?/\}). */
	public XlsxStream(OutputStream out, String sheetName) throws IOException {
		this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		zip.setLevel(Deflater.BEST_SPEED);
		part("[Content_Types].xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
				<Default Extension="xml" ContentType="application/xml"/>\
				<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
				<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
				<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
				</Types>""");
		part("_rels/.rels", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
				</Relationships>""");
		String name = sheetName.replaceAll("[\\[\\]:*?/\\\\]", " ");
		name = name.length() > 31 ? name.substring(0, 31) : name;
		StringBuilder escaped = new StringBuilder();
		for (char c : name.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				default -> escaped.append(c);
			}
		}
		part("xl/workbook.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
				<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(escaped));
		part("xl/_rels/workbook.xml.rels", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
				<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
				</Relationships>""");
		part("xl/styles.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
				<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
				<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
				<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
				<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
				<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
				<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
				</styleSheet>""");
		zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
		ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
	}

	/** The next row in bold (headers). */
	public void headerRow(List<String> cells) throws IOException {
		row(cells, true);
	}

	/** The next row; {@code null} or empty values leave their cell empty. */
	public void row(List<String> cells) throws IOException {
		row(cells, false);
	}

	/** The next row, numbers written as numbers (so they add up in a spreadsheet) and anything else as text. */
	public void values(List<?> cells) throws IOException {
		rowNumber++;
		String r = Integer.toString(rowNumber);
		ascii("<row r=\"");
		ascii(r);
		ascii("\">");
		for (int c = 0; c < cells.size(); c++) {
			Object value = cells.get(c);
			if (value instanceof Number n) {
				ascii("<c r=\"");
				ascii(column(c));
				ascii(r);
				ascii("\"><v>");
				ascii(n instanceof Double || n instanceof Float ? Double.toString(n.doubleValue()) : Long.toString(n.longValue()));
				ascii("</v></c>");
			}
			else if (value != null && !value.toString().isEmpty()) {
				String text = value.toString();
				ascii("<c r=\"");
				ascii(column(c));
				ascii(r);
				ascii("\" t=\"inlineStr\"><is><t");
				if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
					ascii(" xml:space=\"preserve\"");
				}
				ascii(">");
				text(text);
				ascii("</t></is></c>");
			}
		}
		ascii("</row>");
		if (len >= FLUSH_AT) {
			flushBuffer();
		}
	}

	private void row(List<String> cells, boolean bold) throws IOException {
		rowNumber++;
		String r = Integer.toString(rowNumber);
		ascii("<row r=\"");
		ascii(r);
		ascii("\">");
		for (int c = 0; c < cells.size(); c++) {
			String value = cells.get(c);
			if (value == null || value.isEmpty()) {
				continue;
			}
			ascii("<c r=\"");
			ascii(column(c));
			ascii(r);
			ascii(bold ? "\" s=\"1\" t=\"inlineStr\"><is><t" : "\" t=\"inlineStr\"><is><t");
			if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
				ascii(" xml:space=\"preserve\"");
			}
			ascii(">");
			text(value);
			ascii("</t></is></c>");
		}
		ascii("</row>");
		if (len >= FLUSH_AT) {
			flushBuffer();
		}
	}

	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		ascii("</sheetData></worksheet>");
		flushBuffer();
		zip.closeEntry();
		zip.finish();
		zip.flush();
	}

	/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
	static String column(int index) {
		StringBuilder s = new StringBuilder(3);
		int n = index + 1;
		while (n > 0) {
			int rem = (n - 1) % 26;
			s.insert(0, (char) ('A' + rem));
			n = (n - 1) / 26;
		}
		return s.toString();
	}

	private void part(String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(xml.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private void ascii(String s) {
		ensure(s.length());
		for (int i = 0, n = s.length(); i < n; i++) {
			buf[len++] = (byte) s.charAt(i);
		}
	}

	/**
	 * Escaped and UTF-8 encoded in one pass. Characters XML 1.0 forbids (control characters other than tab, line
	 * feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF) are left out.
	 */
	private void text(String s) {
		ensure(s.length() * 6);
		byte[] b = buf;
		int p = len;
		for (int i = 0, n = s.length(); i < n; i++) {
			char c = s.charAt(i);
			if (c < 0x80) {
				if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
					switch (c) {
						case '&' -> {
							b[p++] = '&'; b[p++] = 'a'; b[p++] = 'm'; b[p++] = 'p'; b[p++] = ';';
						}
						case '<' -> {
							b[p++] = '&'; b[p++] = 'l'; b[p++] = 't'; b[p++] = ';';
						}
						case '>' -> {
							b[p++] = '&'; b[p++] = 'g'; b[p++] = 't'; b[p++] = ';';
						}
						default -> b[p++] = (byte) c;
					}
				}
			}
			else if (c < 0x800) {
				b[p++] = (byte) (0xC0 | (c >> 6));
				b[p++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c)) {
				if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
					int cp = Character.toCodePoint(c, s.charAt(++i));
					b[p++] = (byte) (0xF0 | (cp >> 18));
					b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
					b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
					b[p++] = (byte) (0x80 | (cp & 0x3F));
				}
			}
			else if (!Character.isLowSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
				b[p++] = (byte) (0xE0 | (c >> 12));
				b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				b[p++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		len = p;
	}

	private void ensure(int more) {
		if (len + more > buf.length) {
			buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
		}
	}

	private void flushBuffer() throws IOException {
		zip.write(buf, 0, len);
		len = 0;
		if (buf.length > 4 * (FLUSH_AT + 8192)) {
			buf = new byte[FLUSH_AT + 8192];
		}
	}

}
