package vn.dvk.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import idp.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvk.poll.PollDraft;
import vn.dvk.poll.PollRules;
import vn.dvk.poll.PollService;
import vn.dvk.poll.PollView;
import vn.dvk.support.BrowserTestSupport;
import vn.dvk.support.DemoUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Citizen login with the national e-ID, end to end in Chromium against a real OpenID Connect provider started by
 * the test ({@link TestIdentityProvider}): the portal's button, the provider's login and consent, the callback, the
 * citizen account created and linked, a ballot in a poll that asks for the e-ID, the second ballot refused; a
 * tampered state and an expired code refused with a Vietnamese message.
 */
class EidLoginBrowserIT extends BrowserTestSupport {

	@Autowired
	PollService polls;

	@Autowired
	DemoUsers users;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void provider() {
		TestIdentityProvider.start(port);
		TestIdentityProvider.SLOW_TOKEN.set(false);
	}

	@AfterAll
	static void stopProvider() {
		TestIdentityProvider.stop();
	}

	/** From the portal's login page through the provider's login (when not logged in there yet) and consent. */
	void logInWithEid() {
		driver.get(url("/dang-nhap"));
		click(By.cssSelector("a[href$='/oauth2/authorization/vneid']"));
		waitUp().until(d -> d.getCurrentUrl().startsWith(TestIdentityProvider.ISSUER)
				|| d.getCurrentUrl().startsWith(url("/")));
		if (driver.getCurrentUrl().startsWith(TestIdentityProvider.ISSUER + "/login")) {
			driver.findElement(By.id("username")).sendKeys(TestIdentityProvider.CITIZEN_NUMBER);
			driver.findElement(By.id("password")).sendKeys(TestIdentityProvider.CITIZEN_PASSWORD);
			driver.findElement(By.cssSelector("button[type=submit]")).click();
			waitUp().until(d -> !d.getCurrentUrl().startsWith(TestIdentityProvider.ISSUER + "/login"));
		}
		if (driver.getCurrentUrl().startsWith(TestIdentityProvider.ISSUER)
				&& !driver.findElements(By.id("submit-consent")).isEmpty()) {
			screenshot("eid-consent");
			for (var box : driver.findElements(By.cssSelector("input[type=checkbox][name=scope]"))) {
				if (!box.isSelected()) {
					box.click();
				}
			}
			driver.findElement(By.id("submit-consent")).click();
		}
		waitUp().until(d -> d.getCurrentUrl().startsWith(url("/")));
	}

	@Test
	void aCitizenLogsInWithTheEidVotesOnceAndKeepsNoPersonalNumber() {
		resize(1280, 1000);
		driver.manage().deleteAllCookies();
		String marker = UUID.randomUUID().toString().substring(0, 8);
		PollView p = polls.create(users.load("bandanvan"), new PollDraft("Bình chọn bằng định danh " + marker, null,
				List.of(new PollDraft.Option("Phương án một", null), new PollDraft.Option("Phương án hai", null)), 1,
				Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)),
				PollRules.VoterRule.VERIFIED_ACCOUNT, PollRules.Frequency.ONCE, PollRules.ResultsVisibility.LIVE, false,
				null, null, 2));
		open("/binh-chon/" + p.id(), "eid-poll-anonymous");
		assertThat(driver.findElement(By.cssSelector("[role=note]")).getText()).contains("định danh điện tử");
		open("/dang-nhap", "eid-login-page");
		assertThat(driver.findElement(By.cssSelector("a[href$='/oauth2/authorization/vneid']")).getText())
			.isEqualTo("Đăng nhập bằng định danh điện tử VNeID");
		logInWithEid();
		assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
		assertThat(driver.findElement(By.tagName("body")).getText()).contains(TestIdentityProvider.CITIZEN_NAME);
		// the account: a citizen, linked once, and no column anywhere holds the personal number
		Long userId = jdbc.sql("select user_id from citizen_eid where assurance_level = 2 and user_id in "
				+ "(select id from app_user where full_name = ?)")
			.params(TestIdentityProvider.CITIZEN_NAME)
			.query(Long.class)
			.single();
		String stored = jdbc.sql("select subject_hash from citizen_eid where user_id = ?")
			.params(userId)
			.query(String.class)
			.single();
		assertThat(stored).hasSize(64).doesNotContain(TestIdentityProvider.CITIZEN_NUMBER);
		assertThat(jdbc.sql("select count(*) from app_user where username like ? or email like ? or full_name like ?")
			.params("%" + TestIdentityProvider.CITIZEN_NUMBER + "%", "%" + TestIdentityProvider.CITIZEN_NUMBER + "%",
					"%" + TestIdentityProvider.CITIZEN_NUMBER + "%")
			.query(Long.class)
			.single()).isZero();
		open("/tai-khoan/doi-mat-khau", "eid-account-page");
		assertThat(driver.findElement(By.id("eid-title")).getText()).isEqualTo("Định danh điện tử");
		assertThat(driver.findElement(By.cssSelector("section[aria-labelledby=eid-title]")).getText())
			.contains("mức 2")
			.contains("Số định danh cá nhân không được lưu")
			.doesNotContain(TestIdentityProvider.CITIZEN_NUMBER);
		// the ballot, then a second one refused
		open("/binh-chon/" + p.id(), "eid-poll-ballot");
		click(By.cssSelector("input[name=option]"));
		click(By.cssSelector("form[action$='/binh-chon/" + p.id() + "'] button[type=submit]"));
		waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Cảm ơn"));
		driver.get(url("/binh-chon/" + p.id()));
		click(By.cssSelector("input[name=option]"));
		click(By.cssSelector("form[action$='/binh-chon/" + p.id() + "'] button[type=submit]"));
		waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "đã bình chọn"));
		assertThat(jdbc.sql("select count(*) from poll_ballot where poll_id = ?").params(p.id()).query(Long.class).single())
			.isEqualTo(1);
		// log out; logging in again finds the same account
		click(By.cssSelector("form[action$='/dang-xuat'] button"));
		waitUp().until(ExpectedConditions.urlContains("logout"));
		logInWithEid();
		assertThat(jdbc.sql("select count(*) from citizen_eid where subject_hash = ?").params(stored).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(driver.findElement(By.tagName("body")).getText()).contains(TestIdentityProvider.CITIZEN_NAME);
	}

	@Test
	void aTamperedStateOrAnExpiredCodeIsRefusedInVietnamese() {
		resize(1280, 1000);
		driver.manage().deleteAllCookies();
		// a callback whose state the portal never issued (an altered or replayed link)
		driver.get(url("/oauth2/authorization/vneid"));
		waitUp().until(d -> d.getCurrentUrl().startsWith(TestIdentityProvider.ISSUER));
		driver.get(url("/login/oauth2/code/vneid?code=abc&state=" + UUID.randomUUID()));
		waitUp().until(ExpectedConditions.urlContains("eid=state"));
		assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText())
			.contains("phiên đăng nhập không khớp hoặc đã hết hạn");
		checked("eid-error-state");
		// the code reaches the provider's token endpoint after its lifetime
		TestIdentityProvider.SLOW_TOKEN.set(true);
		try {
			logInWithEidExpectingTheLoginPage();
		}
		finally {
			TestIdentityProvider.SLOW_TOKEN.set(false);
		}
		assertThat(driver.findElement(By.cssSelector(".alert-danger")).getText())
			.contains("mã xác nhận từ hệ thống định danh đã hết hạn");
		assertThat(driver.findElements(By.cssSelector("form[action$='/dang-xuat']"))).as("not logged in").isEmpty();
	}

	private void logInWithEidExpectingTheLoginPage() {
		logInWithEid();
		waitUp().until(ExpectedConditions.urlContains("eid=code"));
	}

}
