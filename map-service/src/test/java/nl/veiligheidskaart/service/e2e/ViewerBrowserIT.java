package nl.veiligheidskaart.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer in Debian's Chromium with the default settings (demo data), offline (every non-local
 * host is unresolvable, so the PDOK basemap cannot load), and no console error but the basemap's
 * failed tile requests. Screenshots go to target/screenshots for review.
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
        "--no-sandbox", "--disable-gpu", "--lang=nl-NL", "--disable-dev-shm-usage", "--disable-background-networking",
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

  private static final List<String> ANALYST_LAYERS = List.of("districts", "municipalities", "incidents", "heatmap",
      "hotspots", "hemp-sites", "holiday-parks", "omg-clubhouses");

  /**
   * The analyst's working day in one go: sign in, every layer on (with its tiles and legend),
   * filters changed, Deventer's panel with its charts and waterbed check, the hotspot mode, a PDF
   * snapshot of the view, and the shared URL giving the same view again.
   */
  @Test
  void anAnalystWorksThroughLayersFiltersPanelAndSharedView() throws Exception {
    WebDriverWait wait = signIn("analist", ApiClient.initialCredentials(dataDir).get("analist"));
    wait.until(d -> d.findElements(By.cssSelector("path.gemeente")).size() == 76);
    assertThat(browser.findElement(By.id("gebruiker")).getText()).isEqualTo("analist (analist)");
    assertThat(browser.findElements(By.cssSelector("#lagen input[type=checkbox]"))).extracting(e -> e.getDomAttribute("id"))
        .containsExactlyElementsOf(ANALYST_LAYERS.stream().map(id -> "laag-" + id).toList());
    assertThat(browser.findElement(By.id("laag-municipalities")).isSelected()).as("the choropleth by default").isTrue();
    wait.until(d -> !d.findElements(By.cssSelector(".laag-municipalities img.leaflet-tile-loaded")).isEmpty());
    screenshot("viewer-start");

    for (String layer : ANALYST_LAYERS) {
      WebElement box = browser.findElement(By.id("laag-" + layer));
      if (!box.isSelected()) {
        box.click();
      }
      if (!layer.equals("districts")) {
        wait.until(d -> !d.findElements(By.cssSelector(".laag-" + layer + " img.leaflet-tile-loaded")).isEmpty());
      }
    }
    wait.until(d -> d.findElements(By.cssSelector("#legenda .legenda-blok")).size() == ANALYST_LAYERS.size());
    assertThat(browser.findElements(By.cssSelector("path.districtvlak")).stream()
        .map(p -> p.getDomAttribute("fill")).distinct().count()).as("coloured by district").isEqualTo(5);
    assertThat(browser.findElement(By.id("legenda")).getText()).contains("Hotspot 99% betrouwbaar")
        .contains("incidenten per km²").contains("Noord- en Oost-Gelderland");
    screenshot("viewer-all-layers");
    for (String layer : ANALYST_LAYERS) {
      if (!layer.equals("municipalities")) {
        browser.findElement(By.id("laag-" + layer)).click();
      }
    }

    browser.findElement(By.cssSelector("#categorieen input[value=woninginbraak]")).click();
    new Select(browser.findElement(By.id("periode"))).selectByValue("kwartaal");
    new Select(browser.findElement(By.id("maat"))).selectByValue("change");
    wait.until(d -> d.getCurrentUrl().contains("themas=woninginbraak") && d.getCurrentUrl().contains("maat=change")
        && d.getCurrentUrl().contains("periode=kwartaal"));
    wait.until(d -> d.findElement(By.id("legenda")).getText().contains("Verandering t.o.v. de vorige periode"));
    assertThat(browser.findElement(By.id("samenvatting")).getText()).contains("Woninginbraak");

    new Select(browser.findElement(By.id("gebied"))).selectByValue("GM0150");
    browser.findElement(By.id("gemeente-openen")).click();
    wait.until(d -> d.findElement(By.id("gemeente-naam")).getText().equals("Deventer"));
    wait.until(d -> !d.findElements(By.cssSelector("#gemeente-cijfers tbody tr")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#gemeente-cijfers tbody")).getText()).contains("Woninginbraak");
    assertThat(browser.findElements(By.cssSelector("#maandgrafiek svg rect.staaf"))).isNotEmpty();
    wait.until(d -> !d.findElements(By.cssSelector("#jaargrafiek svg rect.staaf")).isEmpty());
    browser.findElement(By.id("waterbed-controleren")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#waterbed .waterbed p")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#waterbed .waterbed p")).getText()).isNotBlank();
    screenshot("viewer-municipality-panel");

    browser.findElement(By.id("hotspots-berekenen")).click();
    wait.until(d -> d.findElement(By.id("hotspot-uitkomst")).getText().contains("hotspotcellen"));
    screenshot("viewer-hotspots");

    browser.findElement(By.id("kaartbeeld-titel")).sendKeys("Woninginbraak in Deventer");
    browser.findElement(By.id("kaartbeeld-pdf")).click();
    wait.until(d -> d.findElement(By.id("kaartbeeld-uitkomst")).getText()
        .startsWith("Kaartbeeld gemaakt: kaart-woninginbraak-in-deventer-"));

    String shared = browser.getCurrentUrl();
    assertThat(shared).contains("gebied=GM0150").contains("gemeente=GM0150");
    browser.get("about:blank");
    browser.get(shared);
    wait.until(d -> "ja".equals(d.findElement(By.tagName("body")).getDomAttribute("data-klaar")));
    assertThat(browser.findElement(By.cssSelector("#categorieen input[value=woninginbraak]")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("periode")).getDomProperty("value")).isEqualTo("kwartaal");
    assertThat(browser.findElement(By.id("maat")).getDomProperty("value")).isEqualTo("change");
    assertThat(browser.findElement(By.id("gebied")).getDomProperty("value")).isEqualTo("GM0150");
    assertThat(browser.findElement(By.id("gemeente-naam")).getText()).isEqualTo("Deventer");
    assertThat(browser.getCurrentUrl()).isEqualTo(shared);
    assertThat(browser.findElement(By.id("melding")).isDisplayed()).isFalse();

    setViewport(800, 1200); // a tablet upright: the panel goes under the map
    assertThat(browser.findElement(By.id("kaart")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("filters")).isDisplayed()).isTrue();
    screenshot("viewer-tablet");
    setViewport(1366, 768);

    assertNoConsoleErrors();
  }

  /** The board sees aggregates only: no raw-point or analysis layers, no hotspot mode. */
  @Test
  void theBoardGetsAnInterfaceWithoutRawDataLayers() throws Exception {
    ApiClient.signedIn(service.baseUrl(), dataDir, "beheer").postJson("/api/v1/admin/users",
        Map.of("username", "bbg-voorzitter", "password", "lang-genoeg-wachtwoord", "role", "BBG"));
    WebDriverWait wait = signIn("bbg-voorzitter", "lang-genoeg-wachtwoord");
    wait.until(d -> "ja".equals(d.findElement(By.tagName("body")).getDomAttribute("data-klaar")));
    assertThat(browser.findElements(By.cssSelector("#lagen input[type=checkbox]"))).extracting(e -> e.getDomAttribute("id"))
        .containsExactly("laag-districts", "laag-municipalities", "laag-incidents");
    assertThat(browser.findElement(By.cssSelector("label[for=laag-incidents]")).getText())
        .isEqualTo("Incidenten (aantallen per cel)");
    assertThat(browser.findElement(By.id("hotspot-sectie")).isDisplayed()).isFalse();
    screenshot("viewer-bbg");
    assertNoConsoleErrors();
  }

  private static WebDriverWait signIn(String username, String password) throws Exception {
    // Leave any viewer first (its calls would answer 401 without the cookies and send it to the login
    // page while this one loads); cookies are deleted for the page's own site, so stay on it.
    browser.get(service.baseUrl() + "/login.html");
    browser.manage().deleteAllCookies();
    browser.get(service.baseUrl() + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.ignoring(StaleElementReferenceException.class);
    wait.until(ExpectedConditions.urlContains("/login.html"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Veiligheidskaart Oost-Nederland");
    screenshot("login");
    // the CSRF token arrives asynchronously; wait until the form carries it
    wait.until(d -> !d.findElement(By.name("_csrf")).getDomProperty("value").isEmpty());
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(d -> "ja".equals(d.findElement(By.tagName("body")).getDomAttribute("data-klaar")));
    return wait;
  }

  private static void assertNoConsoleErrors() {
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
