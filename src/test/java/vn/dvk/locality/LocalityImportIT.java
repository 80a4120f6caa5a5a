package vn.dvk.locality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvk.system.SystemActor;
import vn.dvk.shared.UserFacingException;
import vn.dvk.support.DvkIntegrationTest;

/**
 * Import of the official lists through the service, on H2 and PostgreSQL. Each test uses its own province code that
 * no real province has (07, 93, 94, 95, 97, 98), so tests disturb neither each other nor the reference data.
 */
@DvkIntegrationTest
class LocalityImportIT {

	private static final LocalDate FROM = LocalDate.of(2025, 7, 1);

	@Autowired
	LocalityService localities;

	@Autowired
	JdbcClient jdbc;

	private ImportReport run(String csv, boolean commit) {
		return run(csv.getBytes(StandardCharsets.UTF_8), commit);
	}

	private ImportReport run(byte[] bytes, boolean commit) {
		return SystemActor.call(() -> localities.importFile(bytes, "test.csv", FROM, commit));
	}

	private long units(String codePrefix) {
		return jdbc.sql("select count(*) from administrative_unit where code like :p")
			.param("p", codePrefix + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void dryRunReportsButWritesNothing() {
		ImportReport report = run("""
				Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)
				1,97,Tỉnh Thử Nghiệm Một,
				2,97001,Xã An Bình,Tỉnh Thử Nghiệm Một
				""", false);
		assertThat(report.created()).isEqualTo(2);
		assertThat(report.committed()).isFalse();
		assertThat(units("97")).isZero();
	}

	@Test
	void commitCreatesProvinceAndCommunesAndReimportChangesNothing() {
		String csv = """
				Stt;Mã số;Tên đơn vị hành chính;Tỉnh (thành phố)
				1;98;Tỉnh Thử Nghiệm Hai;
				2;98001;Phường Đông Thành;Thử Nghiệm Hai
				3;98004;Xã Tây Sơn;Tỉnh Thử Nghiệm Hai
				4;98007;Đặc khu Hòn Nhỏ;tinh thu nghiem hai
				""";
		ImportReport first = run("\uFEFF" + csv, true);
		assertThat(first.committed()).isTrue();
		assertThat(first.created()).isEqualTo(4);
		Locality zone = localities.findCurrent("98007").orElseThrow();
		assertThat(zone.type()).isEqualTo(UnitType.SPECIAL_ZONE);
		assertThat(zone.parentCode()).isEqualTo("98");

		ImportReport again = run(csv, true);
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(4);
		assertThat(units("98")).isEqualTo(4);
	}

	@Test
	void renameUpdatesTheUnitAndKeepsTheFormerName() {
		run("""
				Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)
				1,95,Tỉnh Thử Nghiệm Ba,
				2,95001,Xã Cũ,Tỉnh Thử Nghiệm Ba
				""", true);
		ImportReport report = run("""
				Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)
				1,95,Tỉnh Thử Nghiệm Ba,
				2,95001,Xã Mới,Tỉnh Thử Nghiệm Ba
				""", true);
		assertThat(report.updated()).isEqualTo(1);
		assertThat(report.changes()).singleElement().extracting(ImportReport.Change::previousName).isEqualTo("Xã Cũ");
		Locality unit = localities.findCurrent("95001").orElseThrow();
		assertThat(unit.name()).isEqualTo("Xã Mới");
		assertThat(localities.nameHistory(unit.id())).extracting(NameChange::name).containsExactly("Xã Cũ");
	}

	@Test
	void anyBadRowMeansNothingIsWrittenAndEveryBadRowIsReported() {
		ImportReport report = run("""
				Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)
				1,94,Tỉnh Thử Nghiệm Bốn,
				2,94001,Xã Tốt,Tỉnh Thử Nghiệm Bốn
				3,94001,Xã Trùng Mã,Tỉnh Thử Nghiệm Bốn
				4,94004,,Tỉnh Thử Nghiệm Bốn
				5,9400A,Xã Mã Sai,Tỉnh Thử Nghiệm Bốn
				6,94007,Làng Không Loại,Tỉnh Thử Nghiệm Bốn
				7,94010,Xã Lạc Tỉnh,Tỉnh Không Tồn Tại
				""", true);
		assertThat(report.committed()).isFalse();
		assertThat(report.rejected()).extracting(ImportReport.Rejected::row).containsExactly(4, 5, 6, 7, 8);
		assertThat(report.rejected().get(0).errors()).extracting(Message::key)
			.containsExactly("locality.import.row.duplicateCode");
		assertThat(report.rejected().get(0).errors().get(0).arguments()).containsExactly("94001", 3);
		assertThat(report.rejected().get(1).errors()).extracting(Message::key)
			.containsExactly("locality.import.row.nameMissing");
		assertThat(report.rejected().get(2).errors()).extracting(Message::key)
			.containsExactly("locality.import.row.codeFormat");
		assertThat(report.rejected().get(3).errors()).extracting(Message::key)
			.containsExactly("locality.import.row.typeUnknown");
		assertThat(report.rejected().get(4).errors()).extracting(Message::key)
			.containsExactly("locality.import.row.provinceUnknown");
		assertThat(units("94")).isZero();
	}

	@Test
	void legacyLayoutCreatesDistrictsAndProvincesItNames() {
		ImportReport report = run("""
				Mã,Tên,Tên Tiếng Anh,Cấp,Mã QH,Quận Huyện,Mã TP,Tỉnh / Thành Phố
				93001,Phường Một,Ward One,Phường,931,Quận Cũ,93,Thành phố Thử Nghiệm
				93004,Thị trấn Hai,,Thị trấn,932,Huyện Cũ,93,Thành phố Thử Nghiệm
				93007,Xã Ba,,Xã,932,Huyện Cũ,93,Thành phố Thử Nghiệm
				""", true);
		assertThat(report.layout()).isEqualTo("legacy");
		assertThat(report.created()).isEqualTo(6);
		Locality township = localities.findCurrent("93004").orElseThrow();
		assertThat(township.type()).isEqualTo(UnitType.TOWNSHIP);
		assertThat(township.parentCode()).isEqualTo("932");
		assertThat(localities.findCurrent("932").orElseThrow().parentCode()).isEqualTo("93");
		assertThat(localities.findCurrent("93").orElseThrow().type()).isEqualTo(UnitType.CENTRAL_CITY);
		assertThat(localities.findCurrent("93001").orElseThrow().englishName()).isEqualTo("Ward One");
		assertThat(localities.isWithin(township.id(), localities.findCurrent("93").orElseThrow().id())).isTrue();
	}

	@Test
	void xlsxNumericCodesGetTheirLeadingZerosBack() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "DVK", "1.0");
		Worksheet ws = wb.newWorksheet("Danh sách");
		String[] header = { "Stt", "Mã số", "Tên đơn vị hành chính", "Tỉnh (thành phố)", "Ghi chú" };
		for (int c = 0; c < header.length; c++) {
			ws.value(0, c, header[c]);
		}
		ws.value(1, 0, 1);
		ws.value(1, 1, 7);
		ws.value(1, 2, "Tỉnh Thử Nghiệm Năm");
		ws.value(2, 0, 2);
		ws.value(2, 1, 7001);
		ws.value(2, 2, "Xã Số Không");
		ws.value(2, 3, "Tỉnh Thử Nghiệm Năm");
		wb.finish();
		ImportReport report = run(out.toByteArray(), false);
		assertThat(report.rejected()).isEmpty();
		assertThat(report.ignoredColumns()).containsExactly("Ghi chú");
		assertThat(report.changes()).extracting(ImportReport.Change::code).containsExactly("07", "07001");
	}

	@Test
	void wrongColumnsAreRefusedWithTheMissingColumnNamed() {
		assertThatThrownBy(() -> run("Stt,Mã số,Tên\n1,01,Hà Nội\n", false)).isInstanceOf(UserFacingException.class)
			.satisfies(e -> {
				UserFacingException ufe = (UserFacingException) e;
				assertThat(ufe.messageKey()).isEqualTo("locality.import.missingColumns");
				assertThat(ufe.arguments()[0].toString()).contains("Tên đơn vị hành chính");
			});
	}

	@Test
	void aTwentyMegabyteFileIsRefusedBeforeParsing() {
		byte[] big = new byte[20 * 1024 * 1024];
		Arrays.fill(big, (byte) 'a');
		assertThatThrownBy(() -> run(big, false)).isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("locality.import.tooLarge");
	}

	@Test
	void aNonCsvFileRenamedCsvIsRefused() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
		assertThatThrownBy(() -> run(png, false)).isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("shared.file.notTable");
	}

	@Test
	void windows1258TextIsRefusedWithAnEncodingMessage() {
		byte[] bytes = "Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)\n1,90,Tỉnh Đông,\n"
			.getBytes(Charset.forName("windows-1258"));
		assertThatThrownBy(() -> run(bytes, false)).isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("shared.file.notUtf8");
	}

	@Test
	void theReferenceListLoadedThe34Provinces() {
		assertThat(localities.provinces()).extracting(Locality::code).contains("01", "46", "66", "79", "96");
		assertThat(localities.findCurrent("66").orElseThrow().name()).isEqualTo("Tỉnh Đắk Lắk");
		assertThat(localities.findCurrent("79").orElseThrow().type()).isEqualTo(UnitType.CENTRAL_CITY);
	}

}
