package vn.dvk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import vn.dvk.support.BrowserTestSupport;
import vn.dvk.support.DemoUsers;

class LoginBrowserIT extends BrowserTestSupport {

	@Test
	void homePageIsVietnameseAndAccessibleOnDesktopAndPhone() {
		resize(1280, 1000);
		open("/", "home-desktop");
		assertThat(driver.findElement(By.cssSelector(".brand-name")).getText()).contains("BAN DÂN VẬN");
		assertThat(driver.findElement(By.id("poll-title")).getText()).isEqualToIgnoringCase("Bình chọn");
		resize(360, 740);
		open("/", "home-phone");
		assertThat(scrollsSideways()).as("home page scrolls sideways at 360 px").isFalse();
		resize(1280, 1000);
	}

	@Test
	void officerLogsInAndSeesTheAdminShell() {
		resize(1280, 1000);
		open("/dang-nhap", "login");
		logIn("canbo", DemoUsers.PASSWORD);
		assertThat(driver.getCurrentUrl()).endsWith("/quan-tri");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Xin chào, Trần Văn Minh");
		assertThat(driver.findElement(By.cssSelector("nav.admin-sidebar")).getText()).contains("Tổng quan")
			.contains("Đổi mật khẩu")
			.doesNotContain("Người dùng");
		checked("officer-dashboard");
		resize(390, 844);
		driver.navigate().refresh();
		assertThat(scrollsSideways()).as("dashboard scrolls sideways on a phone").isFalse();
		checked("officer-dashboard-phone");
		resize(1280, 1000);
	}

	@Test
	void wrongPasswordShowsTheVietnameseError() {
		resize(1280, 1000);
		driver.manage().deleteAllCookies();
		driver.get(url("/dang-nhap"));
		driver.findElement(By.id("username")).sendKeys("canbo");
		driver.findElement(By.id("password")).sendKeys("mat-khau-sai");
		driver.findElement(By.cssSelector("form[action$='/dang-nhap'] button[type=submit]")).click();
		waitUp().until(ExpectedConditions.urlContains("error=bad"));
		assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText())
			.isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
		assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo("canbo");
		checked("login-error");
	}

	@Test
	void englishVersionIsOneClickAway() {
		resize(1280, 1000);
		driver.manage().deleteAllCookies();
		driver.get(url("/"));
		driver.findElement(By.linkText("English")).click();
		waitUp().until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
		assertThat(driver.findElement(By.id("poll-title")).getText()).isEqualToIgnoringCase("Polls");
		checked("home-english");
		driver.findElement(By.linkText("Tiếng Việt")).click();
		waitUp().until(d -> "vi".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
	}

	@Test
	void errorPageIsVietnamese() {
		open("/trang-khong-ton-tai", "error-404");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("404");
		assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Không tìm thấy trang");
	}

}
