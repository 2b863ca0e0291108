package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import nl.veiligheidskaart.service.config.Zones;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The briefing pack of IJsselland on the demo data: its pages, texts and figures, and who may have it. */
class BriefingApiTest extends DemoServiceApiTest {

  ApiClient analyst;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
  }

  /** The last full quarter: what the pack covers by default, and certainly inside the demo data. */
  static LocalDate[] lastQuarter() {
    LocalDate start = LocalDate.now(Zones.NETHERLANDS).withDayOfMonth(1);
    start = start.withMonth((start.getMonthValue() - 1) / 3 * 3 + 1);
    return new LocalDate[] {start.minusMonths(3), start};
  }

  @Test
  void theDistrictPackHasItsPagesTextsAndFigures() throws Exception {
    LocalDate[] quarter = lastQuarter();
    String label = quarter[0].getYear() + "-Q" + ((quarter[0].getMonthValue() - 1) / 3 + 1);
    HttpResponse<byte[]> response = analyst.getBytes("/api/v1/briefings/IJsselland?period=" + label);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .contains("briefing-ijsselland-" + label + "-");
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      String text = new PDFTextStripper().getText(pdf);
      // cover, six theme maps (the demo data has more themes), key figures, waterbed, methods
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1 + 6 + 3);
      assertThat(text).contains("Briefing district IJsselland", "Woninginbraak in district IJsselland",
          "Hotspot 99% betrouwbaar", "Kerncijfers per gemeente", "Waterbedoverzicht district IJsselland",
          "Toelichting op de methoden", "Zwolle", "Deventer", "Totaal district");
      // demo data: every page says so, with the watermark and the source line
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        PDFTextStripper onePage = new PDFTextStripper();
        onePage.setStartPage(page);
        onePage.setEndPage(page);
        String pageText = onePage.getText(pdf);
        assertThat(pageText).as("page " + page).contains("Bron: demodata");
        // the diagonal watermark comes out of the PDF in pieces, one per line of its slant
        assertThat(pageText.replaceAll("\\s", "")).as("page " + page).contains("DEMODATADEMODATA");
      }
      JsonNode figures = json(analyst.get("/api/v1/municipalities/GM0150/figures?from=" + quarter[0] + "&to="
          + quarter[1]));
      long deventer = 0;
      for (JsonNode category : figures.get("categories")) {
        deventer += category.get("count").asLong();
      }
      assertThat(text).contains("Deventer " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("nl-NL"))
          .format(deventer));
      // beside the counts, the rate per 1,000 inhabitants of the same population year as the figures
      NumberFormat oneDecimal = NumberFormat.getNumberInstance(Locale.forLanguageTag("nl-NL"));
      oneDecimal.setMinimumFractionDigits(1);
      oneDecimal.setMaximumFractionDigits(1);
      assertThat(text).contains("per 1.000 inwoners (CBS, 1 januari " + figures.get("populationYear").asInt() + ")");
      String deventerRow = text.lines().filter(line -> line.startsWith("Deventer ")).findFirst().orElseThrow();
      assertThat(deventerRow).contains(" " + oneDecimal.format(1000.0 * deventer / figures.get("population").asLong())
          + " ");
    }
  }

  @Test
  void onlyAnalystsPreparePacksAndBadInputIsNamed() {
    ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer").postJson("/api/v1/admin/users",
        Map.of("username", "bbg-briefing", "password", "lang-genoeg-wachtwoord", "role", "BBG"));
    problem(analyst.as("bbg-briefing", "lang-genoeg-wachtwoord").get("/api/v1/briefings/VR04"), 403);
    problem(analyst.get("/api/v1/briefings/Achterhoek"), 404);
    assertThat(problem(analyst.get("/api/v1/briefings/VR04?period=2026-Q5"), 400).get("invalidParams").get(0)
        .get("name").asString()).isEqualTo("period");
  }
}
