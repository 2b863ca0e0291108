package nl.veiligheidskaart.service.briefings;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.veiligheidskaart.service.api.HempYearFigures;
import nl.veiligheidskaart.service.api.HempYearFigures.Row;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.snapshots.DemoMarking;
import nl.veiligheidskaart.service.snapshots.SnapshotService;
import nl.veiligheidskaart.tiles.page.PageFormat;
import nl.veiligheidskaart.tiles.page.TextPages;
import nl.veiligheidskaart.tiles.page.TextPages.Block;
import nl.veiligheidskaart.tiles.page.TextPages.Heading;
import nl.veiligheidskaart.tiles.page.TextPages.Paragraph;
import nl.veiligheidskaart.tiles.page.TextPages.Table;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;

/** The hemp figures of a year ({@link HempYearFigures}) as a PDF for the district meeting. */
@Service
public class HempYearPack {

  private static final PageFormat A4_LANDSCAPE = PageFormat.of("A4", true);

  private final VeiligheidskaartProperties properties;
  private final DemoMarking demo;
  private final Clock clock;

  HempYearPack(VeiligheidskaartProperties properties, DemoMarking demo, Clock clock) {
    this.properties = properties;
    this.demo = demo;
    this.clock = clock;
  }

  public ProfilePack.Pdf pdf(HempYearFigures figures, String preparedBy) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Heading("Hennepcijfers " + figures.year() + ": " + figures.areaName()));
    blocks.add(new Paragraph("Uit het register van ontmantelde hennepkwekerijen: per gemeente de in "
        + figures.year() + " aangetroffen en ontmantelde kwekerijen, de ontmantelde naar soort locatie, hun planten, "
        + "het aantal met brandgevaar en de interventies. \"klein\": te weinig om te tonen. Opgesteld met "
        + "Veiligheidskaart Oost-Nederland door " + preparedBy + " op "
        + DutchFigures.day(LocalDate.now(clock.withZone(NETHERLANDS))) + ". " + demo.source(properties.snapshots()
            .source()) + "."));
    List<String> header = new ArrayList<>(List.of("Gebied", "Aangetroffen", "Ontmanteld"));
    Row first = figures.total() != null ? figures.total() : figures.municipalities().get(0);
    header.addAll(first.dismantledByType().keySet());
    header.addAll(List.of("Planten", "Brandgevaar"));
    double[] widths = new double[header.size()];
    Arrays.fill(widths, 1);
    widths[0] = 2.4;
    List<List<String>> rows = new ArrayList<>();
    Map<String, List<Row>> perDistrict = new LinkedHashMap<>();
    figures.municipalities().forEach(row -> perDistrict.computeIfAbsent(row.district(), d -> new ArrayList<>())
        .add(row));
    perDistrict.forEach((district, municipalities) -> {
      municipalities.forEach(row -> rows.add(cells(row, row.name())));
      figures.districts().stream().filter(row -> row.name().equals(district)).findFirst()
          .ifPresent(total -> rows.add(cells(total, "Totaal district " + total.name())));
    });
    // the unit's total; a district's or a municipality's is already its last row
    if (figures.districts().size() > 1 && figures.total() != null) {
      rows.add(cells(figures.total(), "Totaal " + figures.total().name()));
    }
    blocks.add(new Table(header, rows, widths));
    Map<String, String> interventions = new TreeMap<>();
    Row total = figures.total();
    if (total != null && !total.interventions().isEmpty()) {
      total.interventions().forEach((what, count) -> interventions.put(what, DutchFigures.count(count)));
      blocks.add(new Heading("Interventies bij de ontmantelde kwekerijen"));
      blocks.add(new Table(List.of("Interventie", "Aantal"), interventions.entrySet().stream().map(e -> List.of(
          e.getKey(), e.getValue())).toList(), new double[] {3, 1}));
    }
    try (PDDocument document = new PDDocument()) {
      int pages = TextPages.addTo(document, A4_LANDSCAPE, properties.snapshots().marking(), demo.watermark(), blocks);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return new ProfilePack.Pdf(out.toByteArray(), "hennepcijfers-" + SnapshotService.slug(figures.areaName()) + "-"
          + figures.year() + ".pdf", pages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> cells(Row row, String name) {
    List<String> cells = new ArrayList<>(List.of(name, DutchFigures.count(row.found()),
        DutchFigures.count(row.dismantled())));
    row.dismantledByType().values().forEach(count -> cells.add(DutchFigures.count(count)));
    cells.add(DutchFigures.count(row.plants()));
    cells.add(DutchFigures.count(row.fireHazard()));
    return cells;
  }
}
