package vn.dvk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.dvk.support.BrowserTestSupport;
import vn.dvk.support.DemoUsers;

/** An administrator's day: browse the units, import a list, check the result, look at users and the audit log. */
class AdminBrowserIT extends BrowserTestSupport {

	@Test
	void administratorImportsAListWithAPreviewFirst() throws IOException {
		resize(1280, 1000);
		logIn("admin", DemoUsers.PASSWORD);
		open("/quan-tri/don-vi-hanh-chinh", "localities-provinces");
		assertThat(driver.findElement(By.cssSelector("table")).getText()).contains("Tỉnh Sơn Hà");
		open("/quan-tri/don-vi-hanh-chinh?parent=99", "localities-children");
		assertThat(driver.findElement(By.cssSelector(".breadcrumb")).getText()).contains("Tỉnh Sơn Hà");

		Path file = Files.createTempFile("danh-sach-", ".csv");
		Files.writeString(file, """
				Stt;Mã số;Tên đơn vị hành chính;Tỉnh (thành phố)
				1;99970;Xã Trình Duyệt;Tỉnh Sơn Hà
				2;99973;Phường Thử Nghiệm;Tỉnh Sơn Hà
				""", StandardCharsets.UTF_8);
		open("/quan-tri/don-vi-hanh-chinh/nhap", "import-form");
		driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
		waitUp().until(ExpectedConditions.urlContains("/nhap/xem-truoc"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kết quả kiểm tra tệp");
		assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Xã Trình Duyệt")
			.contains("Phường Thử Nghiệm");
		checked("import-preview");

		driver.findElement(By.xpath("//button[normalize-space()='Nhập dữ liệu']")).click();
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/don-vi-hanh-chinh$"));
		assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
			.isEqualTo("Đã nhập xong: thêm 2, cập nhật 0, không đổi 0 đơn vị.");
		checked("import-done");
		Files.deleteIfExists(file);
	}

	@Test
	void importOfABadFileExplainsEveryRow() throws IOException {
		resize(1280, 1000);
		logIn("admin", DemoUsers.PASSWORD);
		Path file = Files.createTempFile("loi-", ".csv");
		Files.writeString(file, """
				Stt,Mã số,Tên đơn vị hành chính,Tỉnh (thành phố)
				1,99980,Xã Đúng,Tỉnh Sơn Hà
				2,99980,Xã Trùng Mã,Tỉnh Sơn Hà
				3,99983,Khu Không Rõ,Tỉnh Sơn Hà
				""", StandardCharsets.UTF_8);
		open("/quan-tri/don-vi-hanh-chinh/nhap", "import-form-2");
		driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
		waitUp().until(ExpectedConditions.urlContains("/nhap/xem-truoc"));
		String page = driver.findElement(By.cssSelector("main")).getText();
		assertThat(page).contains("Có 2 dòng không hợp lệ").contains("Mã 99980 bị trùng với dòng 2.")
			.contains("Không xác định được loại đơn vị từ tên “Khu Không Rõ”");
		assertThat(driver.findElements(By.xpath("//button[normalize-space()='Nhập dữ liệu']"))).isEmpty();
		checked("import-errors");
		Files.deleteIfExists(file);
	}

	@Test
	void administratorPagesAreAccessibleAndFitAPhone() {
		resize(1280, 1000);
		logIn("admin", DemoUsers.PASSWORD);
		open("/quan-tri", "admin-dashboard");
		open("/quan-tri/don-vi-hanh-chinh/moi?parent=99", "locality-form");
		open("/quan-tri/co-quan-don-vi", "organizations");
		open("/quan-tri/co-quan-don-vi/moi", "organization-form");
		open("/quan-tri/loai-co-quan", "organization-types");
		open("/quan-tri/nguoi-dung", "users");
		open("/quan-tri/nguoi-dung/moi", "user-form");
		open("/quan-tri/nhat-ky", "audit");
		open("/tai-khoan/doi-mat-khau", "password");
		open("/tim-kiem?q=tan+lap", "search");
		resize(360, 740);
		open("/quan-tri/co-quan-don-vi", "organizations-phone");
		assertThat(scrollsSideways()).as("organization list scrolls sideways at 360 px").isFalse();
		open("/quan-tri/nguoi-dung/moi", "user-form-phone");
		assertThat(scrollsSideways()).isFalse();
		resize(1280, 1000);
	}

	@Test
	void invalidUnitFormKeepsWhatWasTyped() {
		resize(1280, 1000);
		logIn("admin", DemoUsers.PASSWORD);
		driver.get(url("/quan-tri/don-vi-hanh-chinh/moi?parent=99"));
		driver.findElement(By.id("code")).sendKeys("99990");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("type"))).selectByValue("COMMUNE");
		driver.findElement(By.cssSelector("form.form-card button[type=submit]")).click();
		waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
		assertThat(driver.findElement(By.id("name-error")).getText()).isEqualTo("Vui lòng nhập tên đơn vị.");
		assertThat(driver.findElement(By.id("code")).getAttribute("value")).isEqualTo("99990");
		assertThat(driver.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
		checked("locality-form-error");
	}

	@Test
	void provincialStaffReadTheApiDocumentation() {
		resize(1280, 1000);
		logIn("bandanvan", DemoUsers.PASSWORD);
		driver.get(url("/swagger-ui.html"));
		// Swagger UI is third-party: checked for working under our CSP, not audited by axe.
		waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info .title"),
				"DVK API"));
		assertThat(driver.findElement(By.cssSelector(".swagger-ui")).getText()).contains("/api/v1/localities");
		screenshot("swagger-ui");
	}

}
