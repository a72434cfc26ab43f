package io.hooklift.bootstrap;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named explicitly so that
 * Selenium Manager never looks for (or downloads) a browser or a driver. A fresh profile per
 * browser. {@code HOOKLIFT_REQUIRE_BROWSER=true} (set by {@code .ci/run}) makes a missing browser a
 * failure instead of a skip. Screenshots go to {@code target/screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final String REQUIRE = "HOOKLIFT_REQUIRE_BROWSER";
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  private ConsoleBrowser(ChromeDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  /**
   * Skips the calling test when the browser is missing, or fails it when {@link #REQUIRE} is set.
   */
  static void assumeInstalled() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (Debian package chromium)");
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "console browser tests need: " + String.join(", ", missing);
    String required =
        Optional.ofNullable(System.getProperty(REQUIRE)).orElseGet(() -> System.getenv(REQUIRE));
    if ("true".equalsIgnoreCase(required == null ? "" : required.trim())) {
      fail(message + " (" + REQUIRE + "=true)");
    }
    assumeTrue(false, message + "; set " + REQUIRE + "=true to fail instead of skipping");
  }

  static ConsoleBrowser open(String base) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("hooklift-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-features=Translate,OptimizationHints,MediaRouter",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return new ConsoleBrowser(driver, profile, base.replaceAll("/$", ""));
  }

  WebDriver driver() {
    return driver;
  }

  void go(String pathAndFragment) {
    driver.get(base + pathAndFragment);
  }

  /** Waits up to 15 s for the condition to give something other than null or false. */
  <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  WebElement visible(By by) {
    return await(
        d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  WebElement button(String text) {
    return visible(By.xpath("//button[normalize-space()='" + text + "']"));
  }

  WebElement link(String text) {
    return visible(By.xpath("//a[normalize-space()='" + text + "']"));
  }

  /** The field a visible label names, as a screen reader finds it. */
  WebElement field(String label) {
    WebElement labelElement = visible(By.xpath("//label[normalize-space()='" + label + "']"));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  void waitForText(By by, String text) {
    await(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(text)));
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Console errors the page logged (script errors, refused loads, CSP violations). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  Map<String, Object> capabilities() {
    return driver.getCapabilities().asMap();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temp directory left behind is not worth failing a test for
      }
    }
  }
}
