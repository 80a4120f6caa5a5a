package vn.dvk.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class XlsxStreamTests {

	@Test
	void whatIsWrittenIsReadBackExactly() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxStream x = new XlsxStream(out, "Mô hình, điển hình")) {
			x.headerRow(List.of("STT", "Tên mô hình", "Ghi chú"));
			x.row(Arrays.asList("1", "Đường hoa <thôn> Đông & “Tây”", null, "x"));
			x.row(List.of("2", " có khoảng trắng ", "dòng 1\ndòng 2\tcột", "😀 emoji"));
			x.row(List.of("3", "ký tự\u0001điều khiển\uFFFF bị bỏ", "\uD800 nửa cặp"));
		}
		byte[] bytes = out.toByteArray();
		assertThat(FileContent.detect(bytes)).isEqualTo(FileContent.XLSX);
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			assertThat(wb.getFirstSheet().getName()).isEqualTo("Mô hình, điển hình");
			try (var stream = wb.getFirstSheet().openStream()) {
				stream.forEach((Row r) -> rows.add(r.stream()
					.map(c -> c == null ? null : c.getRawValue())
					.collect(Collectors.toList())));
			}
		}
		assertThat(rows).hasSize(4);
		assertThat(rows.get(0)).containsExactly("STT", "Tên mô hình", "Ghi chú");
		assertThat(rows.get(1).get(1)).isEqualTo("Đường hoa <thôn> Đông & “Tây”");
		assertThat(rows.get(1).get(2)).isNull();
		assertThat(rows.get(1).get(3)).isEqualTo("x");
		assertThat(rows.get(2).subList(1, 4)).containsExactly(" có khoảng trắng ", "dòng 1\ndòng 2\tcột", "😀 emoji");
		assertThat(rows.get(3).subList(1, 3)).containsExactly("ký tựđiều khiển bị bỏ", " nửa cặp");
	}

	@Test
	void columnsAreLettered() {
		assertThat(XlsxStream.column(0)).isEqualTo("A");
		assertThat(XlsxStream.column(25)).isEqualTo("Z");
		assertThat(XlsxStream.column(26)).isEqualTo("AA");
		assertThat(XlsxStream.column(702)).isEqualTo("AAA");
	}

}
