package vn.dvk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.dvk.registry.RegistryFigures;
import vn.dvk.support.BrowserTestSupport;
import vn.dvk.support.DemoUsers;

/**
 * Plans and monitoring as people use them: an officer writes the unit's annual report from the registry's figures
 * and sends it; staff read the dashboard, the lagging list and remind a unit; everything fits a phone.
 */
class PlanningBrowserIT extends BrowserTestSupport {

	@Test
	void anOfficerFilesTheAnnualReportAndStaffFollowUp() {
		int year = LocalDate.now(RegistryFigures.ZONE).getYear();
		resize(1280, 1000);
		logIn("canbo", DemoUsers.PASSWORD);
		open("/quan-tri/ke-hoach", "planning-officer");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Hội Nông dân xã Tân Lập", "Đã duyệt");
		click(By.partialLinkText("Báo cáo tổng kết năm " + year));
		waitUp().until(ExpectedConditions.urlContains("/quan-tri/ke-hoach/bao-cao/"));
		checked("planning-report-form");
		// a changed figure without a reason is refused and the text typed is kept
		driver.findElement(By.id("results")).sendKeys("Vận động 120 hộ hiến đất làm đường giao thông nông thôn.");
		var declared = driver.findElement(By.id("declared-KINH_TE:REGISTERED"));
		String computed = declared.getAttribute("value");
		declared.clear();
		declared.sendKeys(Integer.toString(Integer.parseInt(computed) + 2));
		click(By.xpath("//button[normalize-space()='Lưu nháp']"));
		waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
		assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText()).contains("lý do chênh lệch");
		assertThat(driver.findElement(By.id("results")).getAttribute("value")).contains("Vận động 120 hộ");
		driver.findElement(By.id("note-KINH_TE:REGISTERED")).sendKeys("Hai mô hình đăng ký trên giấy, đang nhập");
		click(By.xpath("//button[normalize-space()='Gửi báo cáo']"));
		driver.switchTo().alert().accept();
		waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"Đã gửi báo cáo"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Chênh lệch", "Đã gửi, chờ duyệt");
		resize(390, 844);
		driver.navigate().refresh();
		assertThat(scrollsSideways()).as("report form scrolls sideways at 390 px").isFalse();
		checked("planning-report-phone");

		// staff: the dashboard, the lagging list, a reminder, the notifications bell
		resize(1280, 1000);
		logIn("bandanvan", DemoUsers.PASSWORD);
		open("/quan-tri/bang-dieu-khien", "dashboard");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Đăng ký mới năm " + year,
				"Đơn vị cần đôn đốc");
		open("/quan-tri/don-doc", "lagging");
		String first = driver.findElement(By.cssSelector("form#remind-form tbody tr td:nth-child(2) span")).getText();
		click(By.cssSelector("form#remind-form tbody tr button[form=remind-one]"));
		driver.switchTo().alert().accept();
		waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Đã đôn đốc 1 đơn vị"));
		assertThat(driver.findElement(By.cssSelector("section[aria-labelledby=hist-title]")).getText()).contains(first);
		open("/quan-tri/ke-hoach", "planning-matrix");
		resize(390, 844);
		for (String page : new String[] { "/quan-tri/bang-dieu-khien", "/quan-tri/don-doc", "/quan-tri/ke-hoach",
				"/quan-tri/kiem-tra", "/quan-tri/bao-cao" }) {
			driver.get(url(page));
			assertThat(scrollsSideways()).as(page + " scrolls sideways at 390 px").isFalse();
		}
		checked("dashboard-phone");
		resize(1280, 1000);
		open("/quan-tri/kiem-tra", "inspections");
		click(By.partialLinkText("Kiểm tra thực hiện phong trào"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/kiem-tra/\\d+$"));
		checked("inspection");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Quá hạn", "Đã xong");
	}

	@Test
	void citizensReadDocumentsAndFigures() {
		driver.manage().deleteAllCookies();
		resize(1280, 1000);
		open("/van-ban", "documents");
		click(By.partialLinkText("KH/BDVTU"));
		waitUp().until(ExpectedConditions.urlMatches(".*/van-ban/\\d+$"));
		checked("document");
		open("/so-lieu", "figures");
		assertThat(driver.findElement(By.tagName("main")).getText()).containsIgnoringCase("Từ năm 2021 đến nay");
		resize(390, 844);
		for (String page : new String[] { "/van-ban", "/so-lieu" }) {
			driver.get(url(page));
			assertThat(scrollsSideways()).as(page + " scrolls sideways at 390 px").isFalse();
		}
		checked("figures-phone");
		resize(1280, 1000);
	}

}
