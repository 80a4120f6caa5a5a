package vn.dvk.documents;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rows of text to one XLSX sheet (streamed) or to a CSV file in UTF-8 with a byte-order mark (so Excel reads the
 * diacritics), whichever the user asked for: for exports whose columns are the same in both.
 */
public final class TableWriter implements Closeable {

	private final XlsxStream xlsx;

	private final CSVPrinter csv;

	public TableWriter(OutputStream out, boolean asXlsx, String sheet) throws IOException {
		if (asXlsx) {
			xlsx = new XlsxStream(out, sheet);
			csv = null;
		}
		else {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			w.write('\uFEFF');
			csv = new CSVPrinter(w, CSVFormat.DEFAULT);
			xlsx = null;
		}
	}

	/** One row; a header row is bold in XLSX. */
	public void row(List<String> cells, boolean header) throws IOException {
		if (xlsx != null) {
			if (header) {
				xlsx.headerRow(cells);
			}
			else {
				xlsx.row(cells);
			}
		}
		else {
			csv.printRecord(cells);
		}
	}

	@Override
	public void close() throws IOException {
		if (xlsx != null) {
			xlsx.close();
		}
		else {
			csv.flush();
		}
	}

}
