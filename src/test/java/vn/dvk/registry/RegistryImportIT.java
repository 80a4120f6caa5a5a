package vn.dvk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import vn.dvk.account.DvkUser;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

/** Excel in and out of the registry, on H2 and PostgreSQL. */
@DvkIntegrationTest
class RegistryImportIT {

	static final String HEADER = "STT;Tên mô hình, điển hình;Loại;Tập thể/Cá nhân;Lĩnh vực;Mã đơn vị hành chính;"
			+ "Đơn vị thực hiện;Năm bắt đầu;Thực trạng;Kết quả đạt được;Ngày công nhận;Số quyết định công nhận;Ghi chú\n";

	@Autowired
	RegistryService registry;

	@Autowired
	DemoUsers users;

	DvkUser officer;

	DvkUser staff;

	String marker;

	@BeforeEach
	void setUp() {
		officer = users.load("canbo");
		staff = users.load("bandanvan");
		marker = "nk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private byte[] csv(String body) {
		return (HEADER + body).getBytes(StandardCharsets.UTF_8);
	}

	private String row(int n, String name) {
		return n + ";" + name + ";Mô hình;Tập thể;Kinh tế;99031;Hội Nông dân xã Tân Lập;2024;Thực trạng thôn;"
				+ "Làm 2 km đường;;;\n";
	}

	private long count(String text) {
		return registry.queue(staff, ModelQuery.all().withText(text), new PageResult.Request(0, 1)).total();
	}

	@Test
	void dryRunChecksEverythingAndWritesNothing() {
		ImportReport r = registry.importFile(officer, csv(row(1, "Mô hình " + marker + " một") + row(2,
				"Mô hình " + marker + " hai")), "ds.csv", false, ImportMode.ALL_OR_NOTHING);
		assertThat(r.imported()).isEqualTo(2);
		assertThat(r.committed()).isFalse();
		assertThat(r.ignoredColumns()).containsExactly("Ghi chú");
		assertThat(count(marker)).isZero();
	}

	@Test
	void badRowsAreReportedByRowAndColumnAndAllOrNothingWritesNothing() {
		String body = row(1, "Mô hình " + marker + " tốt")
				+ "2;;Mô hình;Tập thể;Kinh tế;99031;Hội Nông dân xã Tân Lập;2024;;;;;\n"
				+ "3;Mô hình " + marker + " sai loại;Sáng kiến;Tập thể;Nông nghiệp;99999;Hội Không Có;năm ngoái;;;;;\n"
				+ "4;Mô hình " + marker + " thiếu số;Điển hình;Cá nhân;Kinh tế;99031;Hội Nông dân xã Tân Lập;2023;;;"
				+ "12/03/2024;;\n";
		ImportReport r = registry.importFile(officer, csv(body), "ds.csv", true, ImportMode.ALL_OR_NOTHING);
		assertThat(r.committed()).isFalse();
		assertThat(r.rejected()).extracting(ImportReport.RowError::row).contains(3, 4, 5);
		assertThat(r.rejected()).filteredOn(e -> e.row() == 4)
			.extracting(ImportReport.RowError::column)
			.containsExactlyInAnyOrder("Loại", "Lĩnh vực", "Mã đơn vị hành chính", "Đơn vị thực hiện", "Năm bắt đầu");
		assertThat(r.rejected()).filteredOn(e -> e.row() == 5)
			.singleElement()
			.satisfies(e -> assertThat(e.errors()).extracting(ImportReport.Problem::key)
				.containsExactly("registry.import.decisionMissing"));
		assertThat(count(marker)).isZero();
	}

	@Test
	void validRowsModeImportsTheGoodRowsOnly() {
		String body = row(1, "Mô hình " + marker + " hợp lệ")
				+ "2;Mô hình " + marker + " lịch sử;Điển hình;Cá nhân;Văn hóa – xã hội;99034;Hội Cựu chiến binh xã Đồng Tâm;"
				+ "2019;;Giúp 15 hộ thoát nghèo;05/06/2021;45/QĐ-UBND;\n"
				+ "3;Mô hình " + marker + " lỗi;Mô hình;Tập thể;Kinh tế;99031;Hội Nông dân xã Tân Lập;1800;;;;;\n";
		ImportReport r = registry.importFile(staff, csv(body), "ds.csv", true, ImportMode.VALID_ROWS);
		assertThat(r.committed()).isTrue();
		assertThat(r.imported()).isEqualTo(2);
		assertThat(r.rejected()).singleElement().extracting(ImportReport.RowError::row).isEqualTo(4);
		List<ModelSummary> hits = registry.queue(staff, ModelQuery.all().withText(marker), new PageResult.Request(0, 5))
			.items();
		assertThat(hits).extracting(ModelSummary::status)
			.containsExactlyInAnyOrder(ModelStatus.SUBMITTED, ModelStatus.RECOGNIZED);
		ModelSummary historical = hits.stream().filter(h -> h.status() == ModelStatus.RECOGNIZED).findFirst().orElseThrow();
		assertThat(historical.recognitionDate()).isEqualTo(java.time.LocalDate.of(2021, 6, 5));
		assertThat(historical.subjectType()).isEqualTo(SubjectType.INDIVIDUAL);
		assertThat(registry.history(staff, historical.id())).anyMatch(e -> e.type() == HistoryEntry.Type.VERSION);
	}

	@Test
	void reimportingTheSameFileChangesNothingAndAChangedRowMakesAVersion() {
		byte[] file = csv(row(1, "Mô hình " + marker + " nhập lại"));
		assertThat(registry.importFile(officer, file, "ds.csv", true, ImportMode.ALL_OR_NOTHING).imported()).isOne();
		ImportReport again = registry.importFile(officer, file, "ds.csv", true, ImportMode.ALL_OR_NOTHING);
		assertThat(again.imported()).isZero();
		assertThat(again.unchanged()).isOne();
		assertThat(count(marker)).isOne();
		byte[] changed = csv(row(1, "Mô hình " + marker + " nhập lại").replace("Làm 2 km đường", "Làm 5 km đường"));
		ImportReport third = registry.importFile(officer, changed, "ds.csv", true, ImportMode.ALL_OR_NOTHING);
		assertThat(third.updated()).isOne();
		long id = registry.queue(staff, ModelQuery.all().withText(marker), new PageResult.Request(0, 1)).items().get(0).id();
		ModelView m = registry.get(staff, id);
		assertThat(m.revision()).isEqualTo(2);
		assertThat(m.content().outputs()).isEqualTo("Làm 5 km đường");
	}

	@Test
	void officersImportOnlyForTheirOwnOrganization() {
		String body = "1;Mô hình " + marker + ";Mô hình;Tập thể;Kinh tế;99052;Công an xã Ia Hà;2024;;;;;\n";
		ImportReport r = registry.importFile(officer, csv(body), "ds.csv", false, ImportMode.ALL_OR_NOTHING);
		assertThat(r.rejected()).singleElement().satisfies(e -> {
			assertThat(e.column()).isEqualTo("Đơn vị thực hiện");
			assertThat(e.errors()).extracting(ImportReport.Problem::key).containsExactly("registry.import.outOfScope");
		});
		assertThatThrownBy(() -> registry.importFile(users.load("congdan"), csv(body), "ds.csv", false,
				ImportMode.ALL_OR_NOTHING)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void filesThatCannotBeTrustedAreRefusedWithAReason() throws Exception {
		assertThatThrownBy(() -> registry.importFile(officer, "Tên;Loại\nA;B\n".getBytes(StandardCharsets.UTF_8),
				"x.csv", false, ImportMode.ALL_OR_NOTHING))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("registry.import.missingColumns");
		assertThatThrownBy(() -> registry.importFile(officer, (HEADER + row(1, "Đông")).getBytes(Charset.forName("windows-1258")),
				"x.csv", false, ImportMode.ALL_OR_NOTHING))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("shared.file.notUtf8");
		byte[] corrupt = xlsx(false);
		corrupt = java.util.Arrays.copyOf(corrupt, corrupt.length / 2);
		byte[] broken = corrupt;
		assertThatThrownBy(() -> registry.importFile(officer, broken, "x.xlsx", false, ImportMode.ALL_OR_NOTHING))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isIn("shared.file.badXlsx", "shared.file.notTable");
		assertThatThrownBy(() -> registry.importFile(officer, xlsx(true), "x.xlsx", false, ImportMode.ALL_OR_NOTHING))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("shared.file.formula");
		assertThatThrownBy(() -> registry.importFile(officer, new byte[21 * 1024 * 1024], "x.xlsx", false,
				ImportMode.ALL_OR_NOTHING))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("registry.import.tooLarge");
		assertThat(count(marker)).isZero();
	}

	private byte[] xlsx(boolean formula) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "DVK", "1.0");
		Worksheet ws = wb.newWorksheet("Mẫu nhập");
		String[] header = HEADER.trim().split(";");
		for (int c = 0; c < header.length; c++) {
			ws.value(0, c, header[c]);
		}
		String[] values = row(1, "Mô hình " + marker + " xlsx").trim().split(";", -1);
		for (int c = 0; c < values.length; c++) {
			ws.value(1, c, values[c]);
		}
		if (formula) {
			ws.formula(1, 7, "2020+4");
		}
		wb.finish();
		return out.toByteArray();
	}

	@Test
	void xlsxImportsLikeCsv() throws Exception {
		ImportReport r = registry.importFile(officer, xlsx(false), "x.xlsx", true, ImportMode.ALL_OR_NOTHING);
		assertThat(r.imported()).isOne();
		assertThat(count(marker)).isOne();
	}

	@Test
	void theTemplateListsTheColumnsAndTheValidValues() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		registry.writeTemplate(out, "99");
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			List<Sheet> sheets = wb.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName).containsExactly("Mẫu nhập", "Danh mục");
			List<String> headers = new ArrayList<>();
			sheets.get(0).read().get(0).forEach(c -> headers.add(c.getText()));
			assertThat(headers).contains("Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Mã đơn vị hành chính",
					"Đơn vị thực hiện", "Năm bắt đầu", "Ngày công nhận", "Số quyết định công nhận");
			List<String> lists = new ArrayList<>();
			sheets.get(1).read().forEach(r -> r.forEach(c -> lists.add(c == null ? "" : c.getText())));
			assertThat(lists).contains("Kinh tế", "99031", "Xã Tân Lập");
		}
	}

	@Test
	void anExportImportsBackUnchanged() throws Exception {
		registry.importFile(officer, csv(row(1, "Mô hình " + marker + " khứ hồi")), "ds.csv", true,
				ImportMode.ALL_OR_NOTHING);
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		registry.export(officer, ModelQuery.all().withText(marker), true, xlsx, Locale.forLanguageTag("vi"));
		ImportReport back = registry.importFile(officer, xlsx.toByteArray(), "xuat.xlsx", true,
				ImportMode.ALL_OR_NOTHING);
		assertThat(back.rejected()).isEmpty();
		assertThat(back.unchanged()).isOne();
		assertThat(back.ignoredColumns()).contains("Mã", "Trạng thái");

		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		registry.export(officer, ModelQuery.all().withText(marker), false, csv, Locale.forLanguageTag("vi"));
		String text = csv.toString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFSTT,Mã,Tên mô hình, điển hình".replace("Tên mô hình, điển hình",
				"\"Tên mô hình, điển hình\""));
		assertThat(text).contains("Mô hình " + marker + " khứ hồi").contains("Đã gửi đăng ký");
	}

	@Test
	void exportsRespectTheScope() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		registry.export(officer, ModelQuery.all(), false, out, Locale.forLanguageTag("vi"));
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("Hội Nông dân xã Tân Lập").doesNotContain("Công an xã Ia Hà");
	}

}
