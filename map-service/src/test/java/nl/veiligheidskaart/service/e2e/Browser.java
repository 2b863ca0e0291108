package nl.veiligheidskaart.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import nl.veiligheidskaart.service.web.ApiClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.JsonNode;

/**
 * Debian's Chromium driven as DESIGN.md prescribes (driver path given, offline, fresh profile),
 * with what every step of a journey checks: the requests the service answered with 400 or more,
 * the console errors, what is in the viewport, and axe-core's accessibility rules.
 */
final class Browser implements AutoCloseable {

  /** axe-core from its webjar (test scope): injected into the page by the driver, so the page's CSP does not apply. */
  private static final String AXE = readAxe();

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final String baseUrl;
  /** Every request to the service seen so far: "METHOD url" and, for answers, the status. */
  final List<String> serviceRequests = new ArrayList<>();
  final List<String> postBodies = new ArrayList<>();

  Browser(String baseUrl, int width, int height) throws IOException {
    this.baseUrl = baseUrl;
    Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--lang=nl-NL", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    logging.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    driver = new ChromeDriver(driverService, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    wait.ignoring(StaleElementReferenceException.class);
    try {
      setViewport(width, height);
    } catch (RuntimeException | AssertionError failure) {
      driver.quit(); // no Chromium left behind when the set-up fails
      throw failure;
    }
  }

  /**
   * The page gets exactly {@code width} × {@code height} CSS pixels: Chromium's device emulation, as
   * its developer tools do it (a window cannot be narrower than 500 pixels, a phone is).
   */
  void setViewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(Math.max(width, 800), height + 200));
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
    Object inner = driver.executeScript("return [window.innerWidth, window.innerHeight];");
    assertThat(inner).as("the viewport").isEqualTo(List.of((long) width, (long) height));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void waitUntilReady() {
    wait.until(d -> "ja".equals(d.findElement(By.tagName("body")).getDomAttribute("data-klaar")));
  }

  /**
   * Until the map stands still and every tile of the layer at the current zoom (the URL's) has come,
   * loaded or failed (failures show in the request check).
   */
  void waitForTiles(String layer) {
    wait.until(d -> (Boolean) driver.executeScript("const zoom = /zoom=(\\d+)/.exec(location.hash)?.[1];"
        + "const tiles = [...document.querySelectorAll(arguments[0])];"
        + "return !document.querySelector('.leaflet-zoom-anim') && tiles.length > 0"
        + " && tiles.every((t) => t.classList.contains('leaflet-tile-loaded'))"
        + " && tiles.some((t) => t.src.includes(`/${arguments[1]}/${zoom}/`));",
        ".laag-" + layer + " img.leaflet-tile", layer));
  }

  /** Whether the element lies wholly inside the window (not merely in the page). */
  boolean inViewport(WebElement element) {
    return (Boolean) driver.executeScript("const r = arguments[0].getBoundingClientRect();"
        + "return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0"
        + " && r.bottom <= window.innerHeight && r.right <= window.innerWidth;", element);
  }

  void assertInViewport(String css) {
    assertThat(inViewport(find(css))).as(css + " in the viewport").isTrue();
  }

  /** Sets a form field as a user's typing would, with its change event (date and month inputs take no keys reliably). */
  void setValue(String css, String value) {
    driver.executeScript("const e = arguments[0]; e.value = arguments[1];"
        + "e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true }));",
        find(css), value);
  }

  /** The status of a GET the page makes itself, with the viewer's headers. */
  long fetchStatus(String path) {
    return (Long) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })"
        + ".then((r) => done(r.status), () => done(-1));", path);
  }

  /**
   * Reads the logs since the last call and asserts: no request to the service answered 400 or more,
   * and no console error.
   */
  void assertNoFailures(String step) {
    List<String> failed = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      JsonNode message = ApiClient.JSON.readTree(entry.getMessage()).path("message");
      String method = message.path("method").asString("");
      JsonNode params = message.path("params");
      if (method.equals("Network.requestWillBeSent") && params.path("request").path("url").asString("").startsWith(baseUrl)) {
        JsonNode request = params.path("request");
        serviceRequests.add(request.path("method").asString() + " " + request.path("url").asString());
        if (request.has("postData")) {
          postBodies.add(request.path("postData").asString());
        }
      }
      if (method.equals("Network.responseReceived")) {
        JsonNode response = params.path("response");
        String url = response.path("url").asString("");
        if (url.startsWith(baseUrl) && response.path("status").asInt() >= 400) {
          failed.add(response.path("status").asInt() + " " + url);
        }
      }
    }
    assertThat(failed).as("requests the service refused during " + step).isEmpty();
    List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
    assertThat(severe).as("console errors during " + step).isEmpty();
  }

  /** axe-core's critical and serious violations on the page as it is now. */
  List<String> accessibilityViolations() {
    driver.executeScript(AXE);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations = (List<Map<String, Object>>) driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
        + "axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations"
        + ".filter((v) => v.impact === 'critical' || v.impact === 'serious')"
        + ".map((v) => ({ id: v.id, impact: v.impact, help: v.help,"
        + " targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ') }))),"
        + " (e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: '' }]));");
    return violations.stream().map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " (" + v.get("targets")
        + ")").toList();
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAxe() {
    String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
    if (path == null) {
      throw new IllegalStateException("axe-core's webjar is not on the test classpath");
    }
    try (InputStream in = Browser.class.getResourceAsStream("/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
