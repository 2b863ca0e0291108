package nl.veiligheidskaart.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import nl.veiligheidskaart.service.web.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Each role's whole journey through the viewer, on a desktop (1440×900) and a phone (390×844), in
 * Debian's Chromium with the demo data, offline and without a basemap: sign in, choose an area,
 * zoom, change every filter, switch each layer, open a municipality, run the waterbed check, the
 * hotspot analysis with a hover (analysts), make a Kaartbeeld, open the copied link signed out in a
 * fresh browser, sign out. Every step asserts that the service refused no request, the console
 * stayed clean and the element the step is about is in the viewport; axe-core finds no critical or
 * serious violation. Each step leaves a screenshot in target/screenshots/JOURNEY/ with its caption
 * in steps.tsv: scripts/viewer-screenshots.sh puts them into docs/viewer.md.
 */
class ViewerBrowserIT {

  @TempDir
  static Path dataDir;

  static ServiceProcess service;
  static final Map<String, String> PASSWORDS = new java.util.HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    service = ServiceProcess.start(dataDir, "--veiligheidskaart.geodata-dir=" + SharedGeodata.dir(),
        "--veiligheidskaart.basemap.url=");
    PASSWORDS.put("analist", ApiClient.initialCredentials(dataDir).get("analist"));
    ApiClient admin = ApiClient.signedIn(service.baseUrl(), dataDir, "beheer");
    admin.postJson("/api/v1/admin/users", Map.of("username", "gemeente-deventer", "password", "lang-genoeg-wachtwoord",
        "role", "MUNICIPALITY", "municipality", "GM0150"));
    admin.postJson("/api/v1/admin/users", Map.of("username", "bbg-voorzitter", "password", "lang-genoeg-wachtwoord",
        "role", "BBG"));
    // the crackdown in Hengelo after which the demo data moves burglaries to the neighbours: an alert
    String hengelo = DemoDataGenerator.DISPLACEMENT.municipalityCode();
    JsonNode registered = ApiClient.json(ApiClient.signedIn(service.baseUrl(), dataDir, "analist").postJson(
        "/api/v1/interventions", Map.of("type", "integrale-controle", "municipality", hengelo, "date",
            DemoDataGenerator.DISPLACEMENT.interventionDate(LocalDate.now()).toString(), "categories",
            List.of(DemoDataGenerator.DISPLACEMENT.category()), "description", "Aanpak woninginbraak")));
    assertThat(registered.get("municipality").asString()).isEqualTo(hengelo);
    PASSWORDS.put("gemeente-deventer", "lang-genoeg-wachtwoord");
    PASSWORDS.put("bbg-voorzitter", "lang-genoeg-wachtwoord");
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  /** Every role at both sizes; {@code -Dviewer.journeys=analist-desktop,...} picks some while working on one. */
  static Stream<Arguments> journeys() {
    List<String> picked = List.of(System.getProperty("viewer.journeys", "").split(",")).stream()
        .filter(s -> !s.isBlank()).toList();
    List<Arguments> journeys = new ArrayList<>();
    for (String user : List.of("analist", "gemeente-deventer", "bbg-voorzitter")) {
      for (Arguments size : List.of(Arguments.of(user, "desktop", 1440, 900), Arguments.of(user, "telefoon", 390, 844))) {
        if (picked.isEmpty() || picked.contains(user + "-" + size.get()[1])) {
          journeys.add(size);
        }
      }
    }
    return journeys.stream();
  }

  /** One journey: its browser, its screenshots and captions, and the checks after each step. */
  private static final class Journey {
    final Browser browser;
    final Path dir;
    final int width;
    final int height;
    final List<String> captions = new ArrayList<>();

    Journey(Browser browser, Path dir, int width, int height) {
      this.browser = browser;
      this.dir = dir;
      this.width = width;
      this.height = height;
    }

    void step(String name, String caption) {
      step(browser, name, caption);
    }

    void step(Browser browser, String name, String caption) {
      browser.assertNoFailures(name);
      String file = String.format("%02d-%s.png", captions.size() + 1, name);
      browser.screenshot(dir.resolve(file));
      captions.add(file + "\t" + caption);
    }

    void accessible(String where) {
      assertThat(browser.accessibilityViolations()).as("axe-core, critical and serious, " + where).isEmpty();
    }

    void writeCaptions() throws IOException {
      Files.write(dir.resolve("steps.tsv"), captions);
    }
  }

  @ParameterizedTest(name = "{0} op {1}")
  @MethodSource("journeys")
  void theWholeJourney(String user, String size, int width, int height) throws Exception {
    boolean analyst = user.equals("analist");
    boolean municipal = user.startsWith("gemeente");
    Path dir = Path.of("target", "screenshots", user + "-" + size);
    try (Browser browser = new Browser(service.baseUrl(), width, height)) {
      Journey journey = new Journey(browser, dir, width, height);
      try {
        walk(journey, user, analyst, municipal);
      } catch (Throwable failure) {
        browser.screenshot(dir.resolve("fout.png")); // what the page showed when the journey broke
        throw failure;
      } finally {
        journey.writeCaptions();
      }
    }
  }

  private void walk(Journey journey, String user, boolean analyst, boolean municipal) throws Exception {
    Browser browser = journey.browser;

    // 1. sign in
    browser.driver.get(service.baseUrl() + "/");
    browser.wait.until(ExpectedConditions.urlContains("/login.html"));
    journey.accessible("on the login page");
    journey.step("inloggen", "Inloggen; daarna opent de kaart van heel Oost-Nederland.");
    signIn(browser, user);
    assertThat(browser.find("#gebruiker").getText()).startsWith(user + " (");
    browser.assertInViewport(".session button[type=submit]");
    browser.assertInViewport("#demodata");
    browser.waitForTiles("municipalities");
    journey.accessible("on the viewer");
    journey.step("start", "De kaart na het inloggen, met de DEMODATA-balk zolang er demodata geladen is.");

    // the search box: a municipality by its name, a district by part of its name (offline; no geocoder here)
    browser.find("#zoekterm").sendKeys("Zutphen\n");
    browser.wait.until(d -> d.getCurrentUrl().contains("gebied=GM0301"));
    assertThat(browser.find("#gebied").getDomProperty("value")).isEqualTo("GM0301");
    browser.find("#zoekterm").clear();
    browser.find("#zoekterm").sendKeys("ijssel\n");
    browser.wait.until(d -> browser.findAll("#zoek-uitkomst button").stream()
        .anyMatch(b -> b.getText().equals("district IJsselland")));
    browser.findAll("#zoek-uitkomst button").stream().filter(b -> b.getText().equals("district IJsselland"))
        .findFirst().orElseThrow().click();
    browser.wait.until(d -> d.getCurrentUrl().contains("gebied=VR04"));
    browser.waitForTiles("municipalities");
    browser.assertInViewport("#kaart");
    journey.step("zoeken", "Zoeken: ‘Zutphen’ toont de gemeente, ‘ijssel’ biedt district IJsselland en de gemeenten"
        + " met ‘ijssel’ in de naam aan.");

    // 2. choose an area: the map zooms to it at a whole zoom level, and its tiles load
    String area = analyst || municipal ? "GM0150" : "GM0200";
    String name = area.equals("GM0150") ? "Deventer" : "Apeldoorn";
    new Select(browser.find("#gebied")).selectByValue(area);
    browser.wait.until(d -> d.getCurrentUrl().contains("gebied=" + area));
    browser.waitForTiles("municipalities");
    assertThat(zoomOf(browser)).as("a whole zoom level").matches("\\d+");
    browser.assertInViewport("#kaart");
    journey.step("gebied", "Een gebied gekozen: de kaart zoomt erheen, op een hele zoomstap.");

    // 3. zoom in with the + button
    int zoom = Integer.parseInt(zoomOf(browser));
    browser.find(".leaflet-control-zoom-in").click();
    browser.wait.until(d -> zoomOf(browser).equals(String.valueOf(zoom + 1)));
    browser.waitForTiles("municipalities");
    journey.step("zoomen", "Ingezoomd met de +-knop.");

    // 4. every filter: each period, a custom period, themes, each colouring
    Select periods = new Select(browser.find("#periode"));
    List<String> presets = periods.getOptions().stream().map(o -> o.getDomAttribute("value")).toList();
    for (String preset : presets) {
      periods.selectByValue(preset);
      browser.wait.until(d -> d.getCurrentUrl().contains("periode=" + preset));
      if (preset.equals("eigen")) {
        boolean months = "month".equals(browser.find("#van").getDomAttribute("type"));
        browser.setValue("#van", months ? "2025-01" : "2025-01-15");
        browser.setValue("#tot", months ? "2025-06" : "2025-06-20");
        browser.wait.until(d -> d.getCurrentUrl().contains("van=2025-01"));
      }
      browser.waitForTiles("municipalities");
    }
    browser.find("#categorieen input[value=woninginbraak]").click();
    browser.find("#categorieen input[value=jeugdoverlast]").click();
    for (String measure : List.of("rate", "density", "change", "count")) {
      new Select(browser.find("#maat")).selectByValue(measure);
      browser.wait.until(d -> d.getCurrentUrl().contains("maat=" + measure));
      browser.waitForTiles("municipalities");
      if (measure.equals("rate")) {
        // the legend follows the measure (read as text: on a phone the legend is folded away)
        browser.wait.until(d -> String.valueOf(browser.driver.executeScript(
            "return document.querySelector('#legenda').textContent")).contains("per 1.000 inwoners"));
        journey.step("per-1000-inwoners", "De gemeenten gekleurd naar het aantal per 1.000 inwoners; de legenda "
            + "noemt het jaar van de inwonertallen.");
      }
    }
    periods.selectByValue("kwartaal");
    browser.wait.until(d -> d.getCurrentUrl().contains("periode=kwartaal"));
    browser.waitForTiles("municipalities");
    if (!analyst) {
      assertWholeMonths(browser);
    }
    assertThat(browser.find("#samenvatting").getText()).contains("Woninginbraak, Jeugdoverlast");
    browser.driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", browser.find("#filters"));
    browser.assertInViewport("#filters summary");
    journey.step("filters", "Elke periode, eigen " + (analyst ? "datums" : "maanden")
        + ", twee thema's en elke kleuring doorlopen; nu: vorig kwartaal, woninginbraak en jeugdoverlast.");

    // 5. each layer on, then off again (the choropleth stays)
    List<String> layerIds = browser.findAll("#lagen input[type=checkbox]").stream()
        .map(box -> box.getDomAttribute("id").substring("laag-".length())).toList();
    for (String layer : layerIds) {
      WebElement box = browser.find("#laag-" + layer);
      if (!box.isSelected()) {
        box.click();
      }
      if (!layer.equals("districts")) {
        browser.waitForTiles(layer);
      }
    }
    browser.wait.until(d -> browser.findAll("#legenda .legenda-blok").size() == layerIds.size());
    if (municipal) {
      assertThat(browser.find("#legenda").getText()).contains("Buiten uw gebied: geen inzage");
    }
    browser.driver.executeScript("window.scrollTo(0, 0)");
    journey.step("lagen", "Alle kaartlagen van dit account aan, elk met zijn legenda.");
    browser.driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", browser.find("#legenda-sectie"));
    browser.assertInViewport("#legenda-sectie summary");
    journey.step("legenda", "De legenda van alle lagen.");
    for (String layer : layerIds) {
      if (!layer.equals("municipalities")) {
        browser.find("#laag-" + layer).click();
      }
    }
    browser.wait.until(d -> browser.findAll("#legenda .legenda-blok").size() == 1);

    if (analyst) {
      riskLocationAndIncidentPopups(journey);
    }

    if (analyst) {
      alerts(journey);
    }

    // 6. a municipality: a click on the map opens its drawer in view, with the focus in it
    clickMapCentre(browser);
    browser.wait.until(d -> name.equals(d.findElement(By.id("gemeente-naam")).getText()));
    browser.wait.until(d -> !browser.findAll("#gemeente-cijfers tbody tr").isEmpty());
    browser.assertInViewport("#gemeente-naam");
    assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("gemeente-naam");
    assertThat(browser.find("#gemeente-cijfers tbody").getText()).contains("Woninginbraak");
    assertThat(browser.find("#gemeente-cijfers thead").getText()).contains("Per 1.000 inw.");
    assertThat(browser.find("#gemeente-periode").getText()).contains("inwoners op 1 januari 20");
    browser.wait.until(d -> !browser.findAll("#jaargrafiek svg rect.staaf").isEmpty());
    journey.step("gemeente", "Een klik op " + name + " opent de gemeentelade naast de kaart (op een telefoon onderin),"
        + " met de cijfers per thema, per 1.000 inwoners, en de trend.");

    // 6b. when it happens: the weekday x hour heat table of the view's incidents
    browser.wait.until(d -> browser.findAll("#tijdprofiel tbody tr").size() == 7);
    browser.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", browser.find("#tijdprofiel"));
    browser.assertInViewport("#tijdprofiel table");
    assertThat(browser.find("#tijdprofiel tbody").getText()).startsWith("ma").contains("zo");
    assertThat(browser.find("#tijdprofiel thead").getText()).contains("00", "21");
    assertThat(browser.find("#tijdprofiel caption").getText()).contains("per weekdag en uur in " + name);
    journey.step("tijdprofiel", "Wanneer het gebeurt: incidenten per weekdag en uur, als warmtetabel; incidenten"
        + " zonder precies tijdstip zijn over hun tijdvak verdeeld (aoristisch)"
        + (analyst ? "." : ", afgerond en met kleine aantallen gearceerd."));

    // 7. the waterbed check: a plain verdict first, the statistics folded away
    new Select(browser.find("#waterbed-thema")).selectByValue("woninginbraak");
    browser.find("#waterbed-controleren").click();
    browser.wait.until(d -> !browser.findAll("#waterbed .oordeel").isEmpty());
    browser.assertInViewport("#waterbed .oordeel");
    String verdict = browser.find("#waterbed .waterbed").getText();
    assertThat(verdict).contains("Details voor analisten").doesNotContain("WDQ", "SM ", " the ", "success");
    journey.accessible("with the municipality drawer and the waterbed check");
    journey.step("waterbedcheck", "De waterbedcheck: eerst het oordeel in gewone taal, de statistiek onder"
        + " ‘Details voor analisten’.");
    browser.find("#waterbed details summary").click();
    browser.wait.until(d -> browser.find("#waterbed details dl").isDisplayed());
    browser.driver.executeScript("arguments[0].scrollIntoView({ block: 'end' })", browser.find("#waterbed details dl"));
    journey.step("waterbed-details", "De details voor analisten: maten, toetsen en hun 90%-intervallen.");

    // 7b. an intervention registered in the drawer: its waterbed check follows by itself, in plain Dutch
    if (analyst || municipal) {
      registerIntervention(journey, name);
    } else {
      assertThat(browser.find("#interventie-formulier").isDisplayed()).isFalse();
    }

    closeDrawer(browser);
    if (municipal) {
      outOfScopeMunicipality(journey);
    }

    // 8. the hotspot analysis (analysts): hover a cell for z, p and count; a filter change recomputes it
    if (analyst) {
      hotspots(journey);
    }

    // 9. Kaartbeeld: a PDF of the view (with the hotspot analysis when it is on)
    browser.find("#kaartbeeld-titel").sendKeys("Woninginbraak en jeugdoverlast");
    browser.find("#kaartbeeld-pdf").click();
    browser.wait.until(d -> d.findElement(By.id("kaartbeeld-uitkomst")).getText().startsWith("Kaartbeeld gemaakt: "));
    browser.assertInViewport("#kaartbeeld-uitkomst");
    journey.step("kaartbeeld", "Kaartbeeld als PDF gemaakt (met watermerk DEMODATA zolang er demodata geladen is).");
    if (analyst) {
      assertThat(browser.postBodies).anyMatch(body -> body.contains("\"hotspots\""));
    }

    // 9b. the strategy monitor of the chosen area, its profile as PDF, and (the board) the unit-wide pack
    browser.driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", browser.find("#monitor-sectie"));
    browser.find("#monitor-tonen").click();
    browser.wait.until(d -> !browser.findAll("#monitor-uitkomst table tbody tr").isEmpty());
    assertThat(browser.find("#monitor-uitkomst table").getText()).contains("1.1.1 Diefstal/inbraak woning",
        "doel -40,0% in 2018");
    browser.wait.until(d -> !browser.findAll("#monitor-uitkomst svg rect.staaf").isEmpty());
    browser.assertInViewport("#monitor-uitkomst table");
    journey.step("monitor", "De monitor van de strategie voor " + name + ": per thema de stand tegen het basisjaar "
        + "en het doel, met de reeks per jaar.");
    browser.find("#profiel-pdf").click();
    browser.wait.until(d -> d.findElement(By.id("monitor-pdf-uitkomst")).getText()
        .startsWith("Het profiel is gemaakt: profiel-"));
    assertThat(browser.find("#eenheid-pdf").isDisplayed()).isEqualTo(!municipal);
    if (user.startsWith("bbg")) {
      browser.find("#eenheid-pdf").click();
      browser.wait.until(d -> d.findElement(By.id("monitor-pdf-uitkomst")).getText()
          .startsWith("Het BBG-pakket is gemaakt: bbg-eenheid-oost-nederland-"));
    }
    browser.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })",
        browser.find("#monitor-pdf-uitkomst"));
    browser.assertInViewport("#monitor-pdf-uitkomst");
    journey.step("profiel", "Het profiel van " + name + " als PDF" + (user.startsWith("bbg")
        ? ", en het BBG-pakket van de hele eenheid." : "."));

    // 10. the copied link, opened signed out in a fresh browser: sign in and the same view is back
    browser.find("#gemeente-openen").click();
    browser.wait.until(d -> d.getCurrentUrl().contains("gemeente=" + area));
    String shared = browser.driver.getCurrentUrl();
    try (Browser colleague = new Browser(service.baseUrl(), journey.width, journey.height)) {
      colleague.driver.get(shared);
      colleague.wait.until(ExpectedConditions.urlContains("/login.html"));
      signIn(colleague, user);
      colleague.wait.until(d -> name.equals(d.findElement(By.id("gemeente-naam")).getText()));
      assertThat(colleague.driver.getCurrentUrl()).doesNotContain("continue").contains("#")
          .contains("gebied=" + area).contains("periode=kwartaal").contains("themas=woninginbraak,jeugdoverlast");
      assertThat(colleague.find("#periode").getDomProperty("value")).isEqualTo("kwartaal");
      assertThat(colleague.find("#gebied").getDomProperty("value")).isEqualTo(area);
      assertThat(colleague.find("#categorieen input[value=woninginbraak]").isSelected()).isTrue();
      colleague.waitForTiles("municipalities");
      journey.step(colleague, "gedeelde-link", "De gekopieerde link, geopend in een nieuwe browser: na het inloggen"
          + " hetzelfde beeld.");
    }

    // 11. sign out: the login page says so, and the API no longer answers
    browser.driver.executeScript("window.scrollTo(0, 0)");
    browser.find(".session button[type=submit]").click();
    browser.wait.until(ExpectedConditions.urlContains("/login.html?uitgelogd"));
    assertThat(browser.find("#uitgelogd").isDisplayed()).isTrue();
    journey.step("uitgelogd", "Uitgelogd.");
    assertThat(browser.fetchStatus("/api/v1/viewer-config")).as("the API after signing out").isEqualTo(401);
  }

  /** Analysts: a hemp site and an incident under the pointer open their details, not the municipality. */
  private void riskLocationAndIncidentPopups(Journey journey) throws Exception {
    Browser browser = journey.browser;
    ApiClient api = ApiClient.basic(service.baseUrl(), "analist", PASSWORDS.get("analist"));
    JsonNode site = ApiClient.json(api.get("/api/v1/hemp-sites")).path("features").get(0);
    String current = browser.driver.getCurrentUrl();
    openAt(browser, current, site, "hemp-sites", 15);
    clickMapCentre(browser);
    browser.wait.until(d -> !browser.findAll(".leaflet-popup-content h2").isEmpty());
    assertThat(browser.find(".leaflet-popup-content").getText()).startsWith("Hennepkwekerij").contains("Planten")
        .contains("demodata");
    browser.assertInViewport(".leaflet-popup-content h2");
    assertThat(browser.find("#gemeente").isDisplayed()).as("no municipality drawer").isFalse();
    journey.step("hennepkwekerij", "Een klik op een hennepkwekerij toont wat, wanneer en welke locatie.");

    JsonNode incident = ApiClient.json(api.get("/ogc/collections/incidents/items?bbox=6.14,52.24,6.18,52.27&limit=1"
        + "&datetime=2000-01-01T00:00:00Z/..")).path("features").get(0);
    openAt(browser, current.replaceAll("periode=[a-z0-9]+", "periode=alles").replaceAll("themas=[^&]+&?", ""),
        incident, "incidents", 17);
    browser.wait.until(d -> browser.find("#legenda").getText().contains("Elk incident als punt"));
    clickMapCentre(browser);
    browser.wait.until(d -> !browser.findAll(".leaflet-popup-content h2").isEmpty());
    assertThat(browser.find(".leaflet-popup-content").getText()).contains("Wanneer");
    browser.assertInViewport(".leaflet-popup-content h2");
    journey.step("incident", "Ingezoomd tot de punten: een klik op een incident toont thema, tijdstip en kenmerken;"
        + " de legenda toont nu punten in plaats van cellen.");
    browser.driver.get(current);
    browser.driver.navigate().refresh();
    browser.waitUntilReady();
    browser.waitForTiles("municipalities");
    browser.assertNoFailures("back to the view");
  }

  /** Reloads the viewer centred on a feature at a zoom, with one layer on besides the choropleth. */
  private static void openAt(Browser browser, String url, JsonNode feature, String layer, int zoom) {
    JsonNode point = feature.path("geometry").path("coordinates");
    String view = url.replaceAll("lagen=[^&]+", "lagen=municipalities," + layer)
        .replaceAll("midden=[^&]+", "midden=" + point.get(1).asDouble() + "," + point.get(0).asDouble())
        .replaceAll("zoom=\\d+", "zoom=" + zoom).replaceAll("&gemeente=GM\\d{4}", "");
    browser.driver.get(view);
    browser.driver.navigate().refresh();
    browser.waitUntilReady();
    browser.waitForTiles(layer);
  }

  /** A municipal account: a municipality outside its scope says so truthfully, and nothing else. */
  private void outOfScopeMunicipality(Journey journey) {
    Browser browser = journey.browser;
    new Select(browser.find("#gebied")).selectByValue("GM0153");
    browser.wait.until(d -> d.getCurrentUrl().contains("gebied=GM0153"));
    browser.waitForTiles("municipalities");
    clickMapCentre(browser);
    browser.wait.until(d -> "Enschede".equals(d.findElement(By.id("gemeente-naam")).getText()));
    assertThat(browser.find("#gemeente-periode").getText())
        .contains("Uw account ziet alleen cijfers van de eigen gemeente (Deventer) en de buurgemeenten");
    assertThat(browser.find("#gemeente-inhoud").isDisplayed()).isFalse();
    browser.assertInViewport("#gemeente-periode");
    journey.step("buiten-bereik", "Een gemeente buiten het eigen gebied: de lade zegt eerlijk dat dit account er geen"
        + " cijfers van ziet.");
    closeDrawer(browser);
    new Select(browser.find("#gebied")).selectByValue("GM0150");
    browser.wait.until(d -> d.getCurrentUrl().contains("gebied=GM0150"));
    browser.waitForTiles("municipalities");
  }

  private void hotspots(Journey journey) {
    Browser browser = journey.browser;
    browser.find("#hotspots-berekenen").click();
    browser.wait.until(d -> d.findElement(By.id("hotspot-uitkomst")).getText().contains("hotspotcellen"));
    String first = browser.find("#hotspot-uitkomst").getText();
    assertThat(browser.find("#legenda").getText()).contains("Hotspotanalyse").contains("Hotspot 99% betrouwbaar");
    browser.driver.executeScript("window.scrollTo(0, 0)");
    pointAtMapCentre(browser).moveByOffset(3, 3).perform();
    browser.wait.until(d -> browser.findAll(".leaflet-tooltip").stream().anyMatch(t -> t.getText().startsWith("z = ")));
    String tooltip = browser.findAll(".leaflet-tooltip").stream().map(WebElement::getText)
        .filter(t -> t.startsWith("z = ")).findFirst().orElseThrow();
    assertThat(tooltip).containsPattern("p (=|<) 0,").contains("aantal");
    journey.step("hotspots", "De hotspotanalyse; een cel aanwijzen toont z, p en het aantal.");
    browser.find("#categorieen input[value=jeugdoverlast]").click(); // the result follows the filters
    browser.wait.until(d -> d.getCurrentUrl().contains("themas=woninginbraak&") || d.getCurrentUrl().endsWith("themas=woninginbraak"));
    browser.wait.until(d -> {
      String now = d.findElement(By.id("hotspot-uitkomst")).getText();
      return now.contains("hotspotcellen") && !now.equals(first);
    });
    browser.find("#categorieen input[value=jeugdoverlast]").click();
    browser.wait.until(d -> d.findElement(By.id("hotspot-uitkomst")).getText().equals(first));
    browser.assertNoFailures("hotspots after a filter change");
    clickMapCentre(browser); // the cells lie above the outlines: a click still opens the municipality
    browser.wait.until(d -> "Deventer".equals(d.findElement(By.id("gemeente-naam")).getText())
        && d.findElement(By.id("gemeente")).isDisplayed());
    closeDrawer(browser);
  }

  /** The side panel's alerts: the crackdown in Hengelo registered at the start moved burglaries next door. */
  private static void alerts(Journey journey) {
    Browser browser = journey.browser;
    browser.driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", browser.find("#signalen-sectie"));
    assertThat(browser.find("#signalen").getText()).contains("Hengelo: Integrale controle")
        .contains("lijkt naar de buurgemeenten verschoven");
    browser.assertInViewport("#signalen .signaal");
    journey.step("waterbedsignalen", "Waterbedsignalen: na de integrale controle in Hengelo steeg de woninginbraak"
        + " in de buurgemeenten significant (p < 0,05); de service rekende dat zelf uit na de registratie.");
  }

  /**
   * Registers an intervention of 13 months ago (the first of a month, as every account may ask the
   * waterbed check for it) in the open drawer and sees it listed with its three windows.
   */
  private static void registerIntervention(Journey journey, String name) {
    Browser browser = journey.browser;
    String date = LocalDate.now().minusMonths(13).withDayOfMonth(1).toString();
    int before = browser.findAll("#interventies .interventie").size();
    browser.driver.executeScript("arguments[0].value = arguments[1]", browser.find("#interventie-datum"), date);
    new Select(browser.find("#interventie-soort")).selectByValue("integrale-controle");
    new Select(browser.find("#interventie-thema")).selectByValue("woninginbraak");
    browser.find("#interventie-omschrijving").sendKeys("Integrale aanpak woninginbraak");
    browser.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })",
        browser.find("#interventie-registreren"));
    browser.find("#interventie-registreren").click();
    browser.wait.until(d -> browser.findAll("#interventies .interventie").size() == before + 1);
    String listed = browser.find("#interventies .interventie").getText();
    assertThat(listed).contains("Integrale controle").contains("3 maanden vóór en na")
        .contains("12 maanden vóór en na").doesNotContain("WDD", "undefined", "null");
    assertThat(browser.find("#interventie-uitkomst").getText()).startsWith("Geregistreerd: Integrale controle");
    browser.assertInViewport("#interventies .interventie");
    journey.accessible("with an intervention registered in the drawer");
    journey.step("interventie", "Een interventie in " + name + " geregistreerd (datum, soort, thema, hele gemeente"
        + " of een getekend gebied): de lade toont meteen de waterbedcheck voor 3, 6 en 12 maanden ervoor en erna.");
  }

  private static void closeDrawer(Browser browser) {
    browser.find("#gemeente-sluiten").click();
    browser.wait.until(d -> !browser.find("#gemeente").isDisplayed());
  }

  private static void signIn(Browser browser, String user) {
    // the CSRF token arrives asynchronously; wait until the form carries it
    browser.wait.until(d -> !d.findElement(By.name("_csrf")).getDomProperty("value").isEmpty());
    browser.find("#username").sendKeys(user);
    browser.find("#password").sendKeys(PASSWORDS.get(user));
    browser.find("#inlogformulier button[type=submit]").click();
    browser.waitUntilReady();
  }

  /** A click at the map's centre: where the view's centre is, whatever part of the map the window shows. */
  private static void clickMapCentre(Browser browser) {
    pointAtMapCentre(browser).click().perform();
  }

  private static Actions pointAtMapCentre(Browser browser) {
    browser.driver.executeScript("window.scrollTo(0, 0)");
    List<?> centre = (List<?>) browser.driver.executeScript("const r = document.getElementById('kaart')"
        + ".getBoundingClientRect(); return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];");
    return new Actions(browser.driver).moveToLocation(((Number) centre.get(0)).intValue(),
        ((Number) centre.get(1)).intValue());
  }

  private static String zoomOf(Browser browser) {
    Matcher zoom = Pattern.compile("zoom=([^&]+)").matcher(browser.driver.getCurrentUrl());
    return zoom.find() ? zoom.group(1) : "";
  }

  /** Accounts that see aggregates only ask for whole calendar months: from and to on the first of a month. */
  private static void assertWholeMonths(Browser browser) {
    Pattern date = Pattern.compile("[?&](from|to)=(\\d{4}-\\d{2}-\\d{2})");
    List<String> days = new ArrayList<>();
    for (String request : browser.serviceRequests) {
      Matcher matcher = date.matcher(URLDecoder.decode(request, StandardCharsets.UTF_8));
      while (matcher.find()) {
        days.add(matcher.group(2));
      }
    }
    assertThat(days).isNotEmpty().allSatisfy(day -> assertThat(LocalDate.parse(day).getDayOfMonth()).isEqualTo(1));
  }
}
