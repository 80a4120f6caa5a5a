package vn.dvk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests: the application on a real port, driven by Debian's headless Chromium through Selenium. Every page
 * a test opens is checked with axe-core and the test fails on serious or critical accessibility violations; a
 * screenshot of each page lands in {@code target/screenshots}.
 * <p>
 * Without Chromium the tests are skipped with a notice, unless {@code DVK_IT_REQUIRED=1}.
 */
@DvkIntegrationTest
@Tag("browser")
@ExtendWith(BrowserTestSupport.ChromiumAvailable.class)
public abstract class BrowserTestSupport {

	static final String CHROMIUM = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");

	static final String CHROMEDRIVER = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

	protected static WebDriver driver;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--window-size=1280,1000", "--lang=vi");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** Opens a page, checks its accessibility and keeps a screenshot. */
	protected void open(String path, String screenshotName) {
		driver.get(url(path));
		checked(screenshotName);
	}

	/** Accessibility check and screenshot of the page now shown. */
	protected void checked(String screenshotName) {
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isIn("vi", "en");
		assertAccessible();
		screenshot(screenshotName);
	}

	protected void assertAccessible() {
		Results results = new AxeBuilder().analyze(driver);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
			.toList();
		assertThat(serious).withFailMessage("serious or critical accessibility violations on %s:%n%s",
				driver.getCurrentUrl(), describe(serious))
			.isEmpty();
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map(r -> "- " + r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
					+ r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"));
	}

	protected void screenshot(String name) {
		try {
			Path dir = Path.of("target/screenshots");
			Files.createDirectories(dir);
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected void resize(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Whether the page is wider than the window (a phone user would have to scroll sideways). */
	protected boolean scrollsSideways() {
		Object overflow = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
		return Boolean.TRUE.equals(overflow);
	}

	/** Clicks like a user who first scrolls the element to the middle of the window. */
	protected void click(By by) {
		org.openqa.selenium.WebElement element = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	protected void logIn(String username, String password) {
		driver.manage().deleteAllCookies();
		driver.get(url("/dang-nhap"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form[action$='/dang-nhap'] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/dang-nhap?")));
	}

	/**
	 * Waits up to 10 s. An element replaced while the condition reads it (the page moved on: a redirect, an htmx
	 * swap) makes Chromium answer "stale" or "node does not belong to the document"; the wait simply tries again.
	 */
	protected WebDriverWait waitUp() {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		wait.ignoring(org.openqa.selenium.WebDriverException.class);
		return wait;
	}

	private static String firstExisting(String... paths) {
		for (String p : paths) {
			if (new File(p).canExecute()) {
				return p;
			}
		}
		return paths[0];
	}

	/** Skips browser tests when Chromium or its driver is missing, unless they are required. */
	static class ChromiumAvailable implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (TestDatabase.postgres()) {
				return ConditionEvaluationResult.disabled("browser tests run in the H2 pass only");
			}
			boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
			if (present || TestDatabase.required()) {
				return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
			}
			String message = "SKIPPED: browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver), or DVK_IT_REQUIRED=1 to fail";
			System.err.println(message);
			return ConditionEvaluationResult.disabled(message);
		}

	}

}
