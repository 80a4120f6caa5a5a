package vn.dvk.documents;

import vn.dvk.shared.UserFacingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class TabularFileTests {

	static byte[] xlsx(String[][] rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "DVK", "1.0");
		Worksheet ws = wb.newWorksheet("Sheet1");
		for (int r = 0; r < rows.length; r++) {
			for (int c = 0; c < rows[r].length; c++) {
				String v = rows[r][c];
				if (v != null && v.startsWith("=")) {
					ws.formula(r, c, v.substring(1));
				}
				else if (v != null && v.startsWith("#")) {
					ws.value(r, c, Double.parseDouble(v.substring(1)));
				}
				else {
					ws.value(r, c, v);
				}
			}
		}
		wb.finish();
		return out.toByteArray();
	}

	@Test
	void readsSemicolonCsvWithBomAndKeepsRowNumbers() {
		byte[] csv = "\uFEFFMã số;Tên\n01;Thành phố Hà Nội\n\n04;Tỉnh Cao Bằng\n".getBytes(StandardCharsets.UTF_8);
		TabularFile t = TabularFile.read(csv, 100);
		assertThat(t.headers()).containsExactly("Mã số", "Tên");
		assertThat(t.lines()).hasSize(2);
		assertThat(t.lines().get(0).number()).isEqualTo(2);
		assertThat(t.lines().get(1).number()).isEqualTo(4);
		assertThat(t.lines().get(1).cell(1)).isEqualTo("Tỉnh Cao Bằng");
	}

	@Test
	void readsCommaCsvWithQuotedCommas() {
		byte[] csv = "Mã,Tên\n1,\"Xã A, B\"\n".getBytes(StandardCharsets.UTF_8);
		assertThat(TabularFile.read(csv, 100).lines().get(0).cell(1)).isEqualTo("Xã A, B");
	}

	@Test
	void readsXlsxFirstSheetWithNumbersAsPlainText() throws IOException {
		byte[] bytes = xlsx(new String[][] { { "Mã số", "Tên" }, { "#4", "Tỉnh Cao Bằng" }, { "00004", "Phường" } });
		TabularFile t = TabularFile.read(bytes, 100);
		assertThat(t.headers()).containsExactly("Mã số", "Tên");
		assertThat(t.lines().get(0).cell(0)).isEqualTo("4");
		assertThat(t.lines().get(0).number()).isEqualTo(2);
		assertThat(t.lines().get(1).cell(0)).isEqualTo("00004");
	}

	@Test
	void refusesFormulas() throws IOException {
		byte[] bytes = xlsx(new String[][] { { "Mã số", "Tên" }, { "=1+1", "Xã A" } });
		assertThatThrownBy(() -> TabularFile.read(bytes, 100)).isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("shared.file.formula");
	}

	@Test
	void refusesWindows1258Text() {
		byte[] csv = "Mã số,Tên\n1,Xã Đông\n".getBytes(Charset.forName("windows-1258"));
		assertThatThrownBy(() -> TabularFile.read(csv, 100)).isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("shared.file.notUtf8");
	}

	@Test
	void refusesTooManyRows() {
		byte[] csv = "A\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> TabularFile.read(csv, 2)).isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("shared.file.tooManyRows");
	}

	@Test
	void refusesAPdfRenamedAsCsv() {
		byte[] pdf = "%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> TabularFile.read(pdf, 10)).isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("shared.file.notTable");
	}

	@Test
	void columnNamesAreExcelLetters() {
		assertThat(TabularFile.columnName(0)).isEqualTo("A");
		assertThat(TabularFile.columnName(25)).isEqualTo("Z");
		assertThat(TabularFile.columnName(26)).isEqualTo("AA");
	}

}
