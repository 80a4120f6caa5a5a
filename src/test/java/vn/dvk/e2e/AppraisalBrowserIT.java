package vn.dvk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.dvk.support.BrowserTestSupport;
import vn.dvk.support.DemoUsers;

/** The demo appraisal rounds as staff and as a council member see them, on a desktop and on a phone. */
class AppraisalBrowserIT extends BrowserTestSupport {

	@Test
	void staffReadTheClosedRoundAndAMemberScoresTheOpenOne() {
		resize(1280, 1000);
		logIn("bandanvan", DemoUsers.PASSWORD);
		open("/quan-tri/tham-dinh", "appraisal-list");
		click(By.partialLinkText("đợt 1 năm 2026"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/tham-dinh/\\d+$"));
		checked("appraisal-closed-round");
		String results = driver.findElement(By.cssSelector("section[aria-labelledby=results-title]")).getText();
		assertThat(results).contains("Công nhận", "Trung bình bỏ điểm cao nhất và thấp nhất");
		// every member's scores and comments on one model
		click(By.cssSelector("section[aria-labelledby=results-title] td.name a"));
		waitUp().until(ExpectedConditions.urlContains("/phieu/"));
		checked("appraisal-council-sheets");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Đã gửi", "Tổng điểm (tối đa 100)");
		resize(390, 844);
		driver.navigate().refresh();
		assertThat(scrollsSideways()).as("council sheets scroll sideways at 390 px").isFalse();
		checked("appraisal-council-sheets-phone");
		resize(1280, 1000);

		// the open round: candidates filtered and ticked at once, decisions prepared from the threshold
		open("/quan-tri/tham-dinh", "appraisal-list");
		click(By.partialLinkText("đợt 2 năm 2026"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/tham-dinh/\\d+$"));
		assertThat(driver.findElement(By.id("bulk-decide")).getText()).contains("Ghi quyết định cho các mô hình đã chọn");
		var all = driver.findElements(By.id("cand-all"));
		if (!all.isEmpty()) {
			click(By.id("cand-all"));
			assertThat(driver.findElements(By.cssSelector("input[name=model][id^=cand-]")))
				.allMatch(org.openqa.selenium.WebElement::isSelected);
		}
		checked("appraisal-open-round-staff");

		// the secretary of the open round scores a model she has not submitted yet
		logIn("thamdinh2", DemoUsers.PASSWORD);
		open("/quan-tri/tham-dinh", "appraisal-list-member");
		click(By.partialLinkText("đợt 2 năm 2026"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/tham-dinh/\\d+$"));
		checked("appraisal-open-round-member");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("kết quả tổng hợp hiện ra khi");
		click(By.xpath("//a[normalize-space()='Chấm điểm']"));
		waitUp().until(ExpectedConditions.urlContains("/cham/"));
		checked("appraisal-sheet");
		for (var input : driver.findElements(By.cssSelector("input[type=number]"))) {
			input.clear();
			input.sendKeys("10");
		}
		click(By.xpath("//button[normalize-space()='Lưu nháp']"));
		waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"Đã lưu phiếu chấm"));
		resize(390, 844);
		driver.navigate().refresh();
		assertThat(scrollsSideways()).as("score sheet scrolls sideways at 390 px").isFalse();
		checked("appraisal-sheet-phone");
		resize(1280, 1000);
	}


	@Test
	void citizensSeeTheCommendedOnAPhone() {
		driver.manage().deleteAllCookies();
		resize(1280, 1000);
		open("/bieu-duong", "commendation-list");
		click(By.partialLinkText("giai đoạn 2021–2025"));
		waitUp().until(ExpectedConditions.urlMatches(".*/bieu-duong/\\d+$"));
		checked("commendation-conference");
		// section titles are shown in capitals (CSS)
		assertThat(driver.findElement(By.tagName("main")).getText())
			.containsIgnoringCase("Bằng khen của Ban Thường vụ Tỉnh ủy (5)")
			.containsIgnoringCase("Giấy khen của Ban Dân vận Tỉnh ủy (8)");
		resize(390, 844);
		driver.navigate().refresh();
		assertThat(scrollsSideways()).as("conference page scrolls sideways at 390 px").isFalse();
		checked("commendation-conference-phone");
		resize(1280, 1000);
		logIn("bandanvan", DemoUsers.PASSWORD);
		open("/quan-tri/bieu-duong", "commendation-admin-list");
		click(By.partialLinkText("năm 2026"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/bieu-duong/\\d+$"));
		checked("commendation-admin-conference");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Đề xuất, chờ xem xét");
	}

}
