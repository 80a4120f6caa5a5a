package vn.dvk.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class FileContentTests {

	@Test
	void utf8TextIsText() {
		assertThat(FileContent.detect("Mã số,Tên\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(FileContent.UTF8_TEXT);
	}

	@Test
	void windows1258TextIsNotUtf8() {
		byte[] bytes = "Tên đơn vị".getBytes(Charset.forName("windows-1258"));
		assertThat(FileContent.detect(bytes)).isEqualTo(FileContent.OTHER_TEXT);
	}

	@Test
	void pngIsRecognizedByItsSignature() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };
		assertThat(FileContent.detect(png)).isEqualTo(FileContent.PNG);
	}

	@Test
	void aZipWithoutWorkbookIsNotXlsx() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("x".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(FileContent.detect(out.toByteArray())).isEqualTo(FileContent.ZIP);
	}

	@Test
	void binaryNoiseIsBinary() {
		assertThat(FileContent.detect(new byte[] { 1, 2, 0, 3 })).isEqualTo(FileContent.BINARY);
	}

	@Test
	void nothingIsEmpty() {
		assertThat(FileContent.detect(new byte[0])).isEqualTo(FileContent.EMPTY);
	}

}
