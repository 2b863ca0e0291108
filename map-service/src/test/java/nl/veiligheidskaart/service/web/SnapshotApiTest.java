package nl.veiligheidskaart.service.web;

import static nl.veiligheidskaart.service.web.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import nl.veiligheidskaart.tiles.page.MapPage;
import nl.veiligheidskaart.tiles.page.PageFormat;
import nl.veiligheidskaart.tiles.render.MapStyle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshots on the demo data: the planted hotspot in the hot colour, the PDF's texts, roles and bad input. */
class SnapshotApiTest extends DemoServiceApiTest {

  static boolean boardCreated;

  ApiClient analyst;
  ApiClient board;

  @BeforeEach
  void signIn() {
    analyst = ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "analist");
    if (!boardCreated) {
      ApiClient.signedIn("http://localhost:" + port, DATA_DIR, "beheer").postJson("/api/v1/admin/users",
          Map.of("username", "bbg-lid", "password", "lang-genoeg-wachtwoord", "role", "BBG"));
      boardCreated = true;
    }
    board = analyst.as("bbg-lid", "lang-genoeg-wachtwoord");
  }

  /** 2 km around the planted Deventer hotspot, in RD New. */
  private static Map<String, Object> aroundTheHotspot() {
    double x = DemoDataGenerator.HOTSPOT.x();
    double y = DemoDataGenerator.HOTSPOT.y();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("bbox", List.of(x - 1000, y - 1000, x + 1000, y + 1000));
    request.put("bboxCrs", "EPSG:28992");
    request.put("layers", List.of("hotspots"));
    request.put("category", List.of("woninginbraak"));
    request.put("title", "Woninginbraak rond het centrum van Deventer");
    request.put("format", "png");
    request.put("dpi", 100);
    return request;
  }

  @Test
  void thePlantedHotspotIsDrawnInTheHotColourAtTheCentreOfTheMap() throws Exception {
    HttpResponse<byte[]> response = postForBytes(analyst, aroundTheHotspot());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .contains("kaart-woninginbraak-rond-het-centrum-van-deventer-");
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(response.body()));
    PageFormat a4Landscape = PageFormat.of("A4", true);
    assertThat(page.getWidth()).isEqualTo((int) Math.round(a4Landscape.width() * 100 / 72.0));
    Rectangle2D.Float frame = MapPage.frame(a4Landscape, 2);
    int x = (int) Math.round((frame.x + frame.width / 2) * 100 / 72.0);
    int y = (int) Math.round((frame.y + frame.height / 2) * 100 / 72.0);
    assertThat(new Color(page.getRGB(x, y))).isEqualTo(MapStyle.giBinColour(3));
  }

  @Test
  void thePdfCarriesTitleLegendFiltersAndMarking() throws Exception {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("area", "GM0150");
    request.put("layers", List.of("municipalities", "hotspots"));
    request.put("category", List.of("woninginbraak"));
    request.put("from", "2026-07-01");
    request.put("to", "2026-10-01");
    request.put("measure", "change");
    request.put("title", "Woninginbraak in Deventer");
    request.put("subtitle", "Derde kwartaal 2026");
    request.put("pageSize", "A3");
    request.put("orientation", "portrait");
    HttpResponse<byte[]> response = postForBytes(analyst, request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Woninginbraak in Deventer", "Derde kwartaal 2026", "Legenda",
          "Verandering t.o.v. de vorige periode", "Hotspot 99% betrouwbaar", "Gebied: Deventer",
          "1 juli 2026 t/m 30 september 2026", "Thema's: Woninginbraak", "Niet openbaar", "gemaakt", "door analist",
          "Bron: demodata");
      // synthetic figures never pass for the police's: the watermark and the source say demodata
      assertThat(text).doesNotContain("Bron: politie");
      assertThat(text.replaceAll("\\s", "")).contains("DEMODATADEMODATA"); // the diagonal watermark, in pieces
    }
  }

  @Test
  void aRateSnapshotNamesThePopulationYear() throws Exception {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("area", "GM0150");
    request.put("layers", List.of("municipalities"));
    request.put("category", List.of("woninginbraak"));
    request.put("from", "2026-07-01");
    request.put("to", "2026-10-01");
    request.put("measure", "rate");
    request.put("title", "Woninginbraak per 1.000 inwoners");
    HttpResponse<byte[]> response = postForBytes(analyst, request);

    assertThat(response.statusCode()).isEqualTo(200);
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      // 2026 has no population figure: the nearest, 2024, is used and said in legend and note
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains(
          "Incidenten per 1.000 inwoners (inwoners op 1 januari 2024)",
          "Gemeenten gekleurd naar: incidenten per 1.000 inwoners (inwoners op 1 januari 2024)");
    }
  }

  @Test
  void theBoardGetsAggregatesOnly() throws Exception {
    Map<String, Object> request = new LinkedHashMap<>(aroundTheHotspot());
    request.put("layers", List.of("municipalities"));
    assertThat(postForBytes(board, request).statusCode()).isEqualTo(200);

    request.put("layers", List.of("municipalities", "heatmap"));
    assertThat(postForBytes(board, request).statusCode()).isEqualTo(403);
  }

  @Test
  void badRequestsNameTheirField() {
    Map<String, Object> noTitle = new LinkedHashMap<>(aroundTheHotspot());
    noTitle.remove("title");
    assertThat(invalid(noTitle)).isEqualTo("title");
    Map<String, Object> both = new LinkedHashMap<>(aroundTheHotspot());
    both.put("area", "GM0150");
    assertThat(invalid(both)).isEqualTo("area");
    Map<String, Object> inverted = new LinkedHashMap<>(aroundTheHotspot());
    inverted.put("bbox", List.of(212_000, 475_000, 211_000, 474_000));
    assertThat(invalid(inverted)).isEqualTo("bbox");
    Map<String, Object> abroad = new LinkedHashMap<>(aroundTheHotspot());
    abroad.put("bboxCrs", "CRS84");
    abroad.put("bbox", List.of(13.3, 52.4, 13.5, 52.6));
    assertThat(invalid(abroad)).isEqualTo("bbox");
    Map<String, Object> sharp = new LinkedHashMap<>(aroundTheHotspot());
    sharp.put("dpi", 2400);
    assertThat(invalid(sharp)).isEqualTo("dpi");
    Map<String, Object> unknown = new LinkedHashMap<>(aroundTheHotspot());
    unknown.put("layers", List.of("fietsendiefstal"));
    assertThat(invalid(unknown)).isEqualTo("layers");
    Map<String, Object> letter = new LinkedHashMap<>(aroundTheHotspot());
    letter.put("pageSize", "Letter");
    assertThat(invalid(letter)).isEqualTo("pageSize");
  }

  private String invalid(Map<String, Object> request) {
    return problem(analyst.postJson("/api/v1/snapshots", request), 400).get("invalidParams").get(0).get("name")
        .asString();
  }

  private static HttpResponse<byte[]> postForBytes(ApiClient client, Map<String, Object> request) throws Exception {
    return client.postForBytes("/api/v1/snapshots", request);
  }
}
