package vn.dvk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.dvk.support.BrowserTestSupport;
import vn.dvk.support.DemoUsers;

/** The press contest as a journalist, a juror and a reader see it, on a desktop and a phone. */
class ContestBrowserIT extends BrowserTestSupport {

	@Test
	void aJournalistEntersAJurorScoresAndReadersSeeTheResults() {
		resize(1280, 1000);
		logIn("phongvien", DemoUsers.PASSWORD);
		open("/quan-tri/cuoc-thi", "contest-list-journalist");
		click(By.xpath("//li[contains(., 'Đang nhận tác phẩm')]//a[contains(., 'Cuộc thi báo chí viết')]"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/cuoc-thi/\\d+$"));
		checked("contest-journalist");
		// a publication date outside the window is refused and the typed title stays
		driver.findElement(By.id("title")).sendKeys("Ký sự: Những bước chân dân vận trên cao nguyên");
		driver.findElement(By.id("author0")).sendKeys("Hoàng Minh Đức");
		driver.findElement(By.id("outlet")).sendKeys("Báo Sơn Hà");
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("document.getElementById('publishedOn').value = '2019-05-01';");
		driver.findElement(By.id("link")).sendKeys("https://baosonha.vn/ky-su-cao-nguyen");
		click(By.xpath("//button[normalize-space()='Gửi tác phẩm']"));
		waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
		assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText()).contains("Ngày đăng, phát phải từ");
		assertThat(driver.findElement(By.id("title")).getAttribute("value")).contains("Những bước chân dân vận");
		resize(390, 844);
		driver.navigate().refresh();
		assertThat(scrollsSideways()).as("contest page scrolls sideways at 390 px").isFalse();
		resize(1280, 1000);

		// a juror of the open contest's preliminary round sees the entry without its authors (blind)
		logIn("giamkhao", DemoUsers.PASSWORD);
		open("/quan-tri/cuoc-thi", "contest-list-juror");
		click(By.cssSelector("section[aria-labelledby=my-rounds] a"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/cuoc-thi/vong/\\d+$"));
		checked("contest-round-juror");

		// readers: the published results, on a phone
		driver.manage().deleteAllCookies();
		open("/cuoc-thi", "contest-public-list");
		click(By.partialLinkText("năm 2025"));
		waitUp().until(ExpectedConditions.urlMatches(".*/cuoc-thi/\\d+$"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Giải A", "Báo điện tử");
		checked("contest-public-results");
		resize(390, 844);
		driver.navigate().refresh();
		assertThat(scrollsSideways()).as("results scroll sideways at 390 px").isFalse();
		checked("contest-public-results-phone");
		resize(1280, 1000);
	}

	@Test
	void staffReadTheFinalWithItsPrizes() {
		resize(1280, 1000);
		logIn("bandanvan", DemoUsers.PASSWORD);
		open("/quan-tri/cuoc-thi", "contest-list-staff");
		click(By.partialLinkText("năm 2025"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/cuoc-thi/\\d+$"));
		checked("contest-staff");
		click(By.partialLinkText("Vòng sơ khảo"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/cuoc-thi/vong/\\d+$"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Bỏ cao, thấp", "Chuẩn hóa",
				"Vào chung khảo");
		checked("contest-preliminary-staff");
		driver.navigate().back();
		click(By.partialLinkText("Vòng chung khảo"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/cuoc-thi/vong/\\d+$"));
		checked("contest-final-staff");
		resize(390, 844);
		driver.navigate().refresh();
		assertThat(scrollsSideways()).as("final round scrolls sideways at 390 px").isFalse();
		resize(1280, 1000);
	}

}
