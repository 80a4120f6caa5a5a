package vn.dvk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import vn.dvk.support.BrowserTestSupport;
import vn.dvk.support.DemoUsers;

/**
 * A model's way from a commune officer's form to the public portal: registered and submitted by the officer,
 * recognized by provincial staff, read by a citizen.
 */
class RegistryBrowserIT extends BrowserTestSupport {

	@Test
	void officerRegistersStaffRecognizesCitizenReads() {
		String marker = "td" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String name = "Mô hình “Vườn rau sạch " + marker + "” xã Tân Lập";
		resize(1280, 1000);
		logIn("canbo", DemoUsers.PASSWORD);
		open("/quan-tri/mo-hinh", "registry-officer-list");
		open("/quan-tri/mo-hinh/moi", "registry-form");
		driver.findElement(By.id("name")).sendKeys(name);
		new Select(driver.findElement(By.id("fieldCode"))).selectByValue("KINH_TE");
		String text = "Bà con trong thôn cùng bàn bạc, thống nhất cách làm, cán bộ Hội đến từng nhà vận động, "
				+ "giải thích lợi ích để mọi người tự nguyện tham gia đóng góp công sức và đất đai.";
		for (String id : new String[] { "situation", "goals", "contentMethod", "areaTarget", "forces", "resources",
				"timeline", "sustainability" }) {
			WebElement area = driver.findElement(By.id(id));
			area.clear();
			area.sendKeys(id.equals("contentMethod") ? text + " " + text : text);
		}
		driver.findElement(By.id("outputs")).sendKeys("Có 45 hộ trồng rau an toàn trên 3,2 ha, thu nhập tăng 15%.");
		driver.findElement(By.id("indicators0.name")).sendKeys("Diện tích rau an toàn");
		driver.findElement(By.id("indicators0.value")).sendKeys("3,2");
		driver.findElement(By.id("indicators0.unit")).sendKeys("ha");
		click(By.cssSelector("form.form-card button[type=submit]"));
		waitUp().until(ExpectedConditions.urlMatches(".*/quan-tri/mo-hinh/\\d+$"));
		assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).startsWith("Đã lưu MH-");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		checked("registry-draft");
		String detail = driver.getCurrentUrl();
		click(By.xpath("//button[normalize-space()='Gửi đăng ký']"));
		waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"Đã gửi đăng ký"));

		logIn("bandanvan", DemoUsers.PASSWORD);
		driver.get(detail);
		click(By.xpath("//button[normalize-space()='Chuyển thẩm định']"));
		waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"thẩm định"));
		new Select(driver.findElement(By.id("rec-level"))).selectByValue("COMMUNE");
		driver.findElement(By.id("rec-number")).sendKeys("77/QĐ-UBND");
		// Typing into a date field depends on the browser's locale; set the ISO value as the form submits it.
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("document.getElementById('rec-date').value = '2026-03-15';");
		checked("registry-staff-detail");
		click(By.xpath("//button[normalize-space()='Ghi nhận công nhận']"));
		waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"công nhận"));
		assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Đã công nhận", "77/QĐ-UBND");
		open(detail.replace(url(""), "") + "/lich-su", "registry-history");
		assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Bản nháp → Đã gửi đăng ký");

		driver.manage().deleteAllCookies();
		open("/mo-hinh?q=vuon+rau+" + marker, "registry-directory-search");
		click(By.partialLinkText("Vườn rau sạch"));
		waitUp().until(ExpectedConditions.urlContains("/mo-hinh/mo-hinh-vuon-rau-sach-" + marker));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("3,2 ha");
		checked("registry-story");
		resize(360, 740);
		driver.navigate().refresh();
		assertThat(scrollsSideways()).as("story page scrolls sideways at 360 px").isFalse();
		checked("registry-story-phone");
		resize(1280, 1000);
	}

	@Test
	void staffQueueAndHomePageAreAccessible() {
		resize(1280, 1000);
		logIn("bandanvan", DemoUsers.PASSWORD);
		open("/quan-tri/mo-hinh?flag=NO_MEASURABLE_OUTPUT", "registry-queue-flag");
		assertThat(driver.findElements(By.cssSelector(".badge-flag"))).isNotEmpty();
		open("/quan-tri/mo-hinh/nhap", "registry-import");
		open("/quan-tri/danh-muc-mo-hinh", "registry-lists");
		driver.manage().deleteAllCookies();
		open("/", "home-with-models");
		assertThat(driver.findElements(By.cssSelector(".featured-list li"))).hasSizeGreaterThanOrEqualTo(3);
		open("/mo-hinh", "registry-directory");
		resize(360, 740);
		open("/mo-hinh", "registry-directory-phone");
		assertThat(scrollsSideways()).isFalse();
		resize(1280, 1000);
	}

}
