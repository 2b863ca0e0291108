package nl.veiligheidskaart.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.web.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer in Debian's Chromium with the default settings, offline (every non-local host is
 * unresolvable, so the PDOK basemap cannot load): sign in, see the 76 municipalities coloured by
 * district, hover one for its name, and no console error but the basemap's failed tile requests.
 * Screenshots go to target/screenshots for review.
 */
class ViewerBrowserIT {

  @TempDir
  static Path dataDir;

  static ServiceProcess service;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    service = ServiceProcess.start(dataDir, "--veiligheidskaart.geodata-dir=" + SharedGeodata.dir());
    Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(driverService, options);
    setViewport(1366, 768);
  }

  /** New headless counts the window chrome in the window size: grow the window until the page gets the size asked. */
  private static void setViewport(int width, int height) {
    browser.manage().window().setSize(new Dimension(width, height));
    List<?> inner = (List<?>) browser.executeScript("return [window.innerWidth, window.innerHeight];");
    int missingWidth = width - ((Number) inner.get(0)).intValue();
    int missingHeight = height - ((Number) inner.get(1)).intValue();
    browser.manage().window().setSize(new Dimension(width + missingWidth, height + missingHeight));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    service.close();
  }

  @Test
  void anAnalystSignsInAndSeesTheMunicipalitiesByDistrict() throws Exception {
    browser.get(service.baseUrl() + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.urlContains("/login.html"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Veiligheidskaart Oost-Nederland");
    screenshot("login");

    // the CSRF token arrives asynchronously; wait until the form carries it
    wait.until(d -> !d.findElement(By.name("_csrf")).getDomProperty("value").isEmpty());
    browser.findElement(By.id("username")).sendKeys("analist");
    browser.findElement(By.id("password")).sendKeys(ApiClient.initialCredentials(dataDir).get("analist"));
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(d -> d.findElements(By.cssSelector("path.gemeente")).size() == 76);
    assertThat(browser.findElement(By.id("samenvatting")).getText()).isEqualTo("76 gemeenten in 5 districten");
    assertThat(browser.findElement(By.id("gebruiker")).getText()).isEqualTo("analist (analist)");
    assertThat(browser.findElements(By.cssSelector("#legenda li"))).extracting(WebElement::getText)
        .contains("Twente (14)", "Gelderland-Midden (15)");
    assertThat(browser.findElements(By.cssSelector("path.gemeente")).stream()
        .map(p -> p.getDomAttribute("fill")).distinct().count()).isEqualTo(5);
    assertThat(browser.findElement(By.id("melding")).isDisplayed()).isFalse();

    WebElement municipality = browser.findElements(By.cssSelector("path.gemeente")).get(0);
    new Actions(browser).moveToElement(municipality).perform();
    wait.until(d -> !d.findElements(By.cssSelector(".leaflet-tooltip")).isEmpty());
    assertThat(browser.findElement(By.cssSelector(".leaflet-tooltip")).getText()).isNotBlank();
    screenshot("viewer");

    List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .filter(entry -> !isOfflineBasemapTile(entry))
        .toList();
    assertThat(severe).as("console errors").isEmpty();
  }

  /** Offline, each basemap tile request fails; that is the network, not an error in the viewer. */
  private static boolean isOfflineBasemapTile(LogEntry entry) {
    return entry.getMessage().startsWith("https://service.pdok.nl/brt/achtergrondkaart/")
        && entry.getMessage().contains("Failed to load resource");
  }

  private static void screenshot(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
