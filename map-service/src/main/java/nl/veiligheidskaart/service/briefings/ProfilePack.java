package nl.veiligheidskaart.service.briefings;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.veiligheidskaart.service.api.AreaProfile;
import nl.veiligheidskaart.service.api.AreaProfile.ThemeFigures;
import nl.veiligheidskaart.service.api.Intervention;
import nl.veiligheidskaart.service.api.StrategyMonitorReport.Indicator;
import nl.veiligheidskaart.service.api.StrategyMonitorReport.YearCount;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.maptiles.ChoroplethMeasure;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.maptiles.MapLayerFilter;
import nl.veiligheidskaart.service.maptiles.MunicipalitiesLayer;
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

/**
 * A profile ({@link AreaProfile}) as a PDF: its figures as tables, in Dutch, and a map of the area's
 * municipalities by incidents per 1,000 inhabitants in the profile's year.
 */
@Service
public class ProfilePack {

  private static final PageFormat A4_PORTRAIT = PageFormat.of("A4", false);
  private static final PageFormat A4_LANDSCAPE = PageFormat.of("A4", true);

  /** A PDF and the name it is saved under. */
  public record Pdf(byte[] bytes, String fileName, int pages) {
  }

  private final SnapshotService snapshots;
  private final MapLayerCatalogue catalogue;
  private final VeiligheidskaartProperties properties;
  private final DemoMarking demo;
  private final Clock clock;

  ProfilePack(SnapshotService snapshots, MapLayerCatalogue catalogue, VeiligheidskaartProperties properties,
      DemoMarking demo, Clock clock) {
    this.snapshots = snapshots;
    this.catalogue = catalogue;
    this.properties = properties;
    this.demo = demo;
    this.clock = clock;
  }

  public Pdf pdf(AreaProfile profile, DisclosurePolicy policy, String preparedBy) {
    try (PDDocument document = new PDDocument()) {
      int pages = TextPages.addTo(document, A4_PORTRAIT, properties.snapshots().marking(), demo.watermark(),
          blocks(profile, preparedBy));
      MapLayerFilter year = new MapLayerFilter(List.of(), LocalDate.of(profile.year(), 1, 1).atStartOfDay(NETHERLANDS)
          .toInstant(), LocalDate.of(profile.year() + 1, 1, 1).atStartOfDay(NETHERLANDS).toInstant());
      snapshots.addMapPage(document, A4_LANDSCAPE, new SnapshotService.Specification(
          snapshots.area(profile.code(), policy).extent(), title(profile),
          List.of(catalogue.get(MunicipalitiesLayer.ID)), year, ChoroplethMeasure.RATE,
          "Incidenten per 1.000 inwoners, " + title(profile), "alle thema's, " + profile.year(), true, A4_LANDSCAPE,
          0), policy, preparedBy);
      pages++;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return new Pdf(out.toByteArray(), "profiel-" + SnapshotService.slug(profile.name()) + "-" + profile.year()
          + ".pdf", pages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String title(AreaProfile profile) {
    return switch (profile.kind()) {
      case "unit" -> profile.name();
      case "district" -> "district " + profile.name();
      default -> "gemeente " + profile.name();
    };
  }

  private List<Block> blocks(AreaProfile profile, String preparedBy) {
    List<Block> blocks = new ArrayList<>();
    String title = title(profile);
    blocks.add(new Heading("Profiel " + title + " " + profile.year()));
    blocks.add(new Paragraph((profile.districtName() == null ? "" : "District " + profile.districtName() + ". ")
        + (profile.population() == null ? "Inwonertal onbekend." : DutchFigures.count(profile.population())
            + " inwoners op 1 januari " + profile.populationYear() + " (CBS).")
        + " Opgesteld met Veiligheidskaart Oost-Nederland door " + preparedBy + " op "
        + DutchFigures.day(LocalDate.now(clock.withZone(NETHERLANDS))) + ". "
        + demo.source(properties.snapshots().source()) + "."));
    blocks.add(new Heading("Thema's"));
    blocks.add(new Paragraph("Geregistreerde incidenten per thema in " + profile.year() + " tegen " + (profile.year()
        - 1) + ", en per 1.000 inwoners" + (profile.comparedWith() == null ? "."
            : ", naast " + profile.comparedWith() + ".") + " \"klein\": te weinig om te tonen."
        + (profile.previousYearComplete() ? "" : " De gegevens beginnen in de loop van " + (profile.year() - 1)
            + ": dat jaar is niet volledig, dus er staat geen verschil.")));
    List<List<String>> themes = new ArrayList<>();
    for (ThemeFigures theme : profile.themes()) {
      themes.add(List.of(theme.label(), DutchFigures.count(theme.count()), DutchFigures.count(theme.previousCount()),
          DutchFigures.percent(theme.changePercent()), DutchFigures.decimal(theme.ratePer1000()),
          DutchFigures.decimal(theme.comparisonRatePer1000())));
    }
    blocks.add(new Table(List.of("Thema", String.valueOf(profile.year()), String.valueOf(profile.year() - 1),
        "Verschil", "Per 1.000 inw.", profile.comparedWith() == null ? "Vergelijking" : "Per 1.000 "
            + profile.comparedWith()), themes, new double[] {2.6, 1, 1, 1, 1, 1.4}));
    blocks.add(new Heading("Doelen van de strategie"));
    blocks.addAll(indicators(profile.indicators()));
    blocks.add(new Heading("Interventies in " + profile.year()));
    if (profile.interventions().isEmpty()) {
      blocks.add(new Paragraph("Geen interventies geregistreerd in dit gebied in " + profile.year() + "."));
    } else {
      blocks.add(new Paragraph("De geregistreerde interventies met de waterbedcheck over twaalf maanden vóór en na, "
          + "voor hun eerste thema: is het probleem naar de buurgemeenten verschoven?"));
      blocks.add(new Table(List.of("Datum", "Gemeente", "Interventie", "Waterbedcheck (12 maanden)"),
          profile.interventions().stream().map(intervention -> List.of(DutchFigures.day(intervention.date()),
              intervention.municipalityName(), intervention.typeLabel(), verdict(intervention))).toList(),
          new double[] {1.3, 1.3, 1.4, 3.4}));
    }
    blocks.add(new Heading("Risicolocaties"));
    blocks.add(new Table(List.of("Soort", "Wat", "Aantal"), profile.riskLocations().stream().map(figure -> List.of(
        kind(figure.kind()), figure.what(), DutchFigures.count(figure.count()))).toList(), new double[] {1.5, 2.5, 1}));
    if (profile.hotspots() != null) {
      blocks.add(new Heading("Hotspots onder de 76 gemeenten"));
      blocks.add(new Paragraph(profile.hotspots().isEmpty() ? "Geen gemeente van dit gebied is bij enig thema een "
          + "significante hot- of coldspot (Getis-Ord Gi*, incidenten per 1.000 inwoners, 90%)."
          : "Gemeenten van dit gebied waar het aantal incidenten per 1.000 inwoners met de buurgemeenten een "
              + "significante concentratie (hotspot) of juist lage waarde (coldspot) vormt; Getis-Ord Gi*."));
      blocks.add(new Table(List.of("Thema", "Gemeente", "Uitkomst", "z"), profile.hotspots().stream().map(finding ->
          List.of(finding.label(), finding.municipalityName(), bin(finding.giBin()),
              String.format(Locale.forLanguageTag("nl-NL"), "%.2f", finding.giZ()))).toList(),
          new double[] {2, 2, 1.6, 0.8}));
    }
    if (!profile.parts().isEmpty()) {
      blocks.add(new Heading(profile.kind().equals("unit") ? "Per district" : "Per gemeente"));
      blocks.add(new Table(List.of(profile.kind().equals("unit") ? "District" : "Gemeente", String.valueOf(profile
          .year()), String.valueOf(profile.year() - 1), "Per 1.000 inw."), profile.parts().stream().map(part -> List.of(
              part.name(), DutchFigures.count(part.count()), DutchFigures.count(part.previousCount()),
              DutchFigures.decimal(part.ratePer1000()))).toList(), new double[] {2.4, 1, 1, 1}));
    }
    return blocks;
  }

  /** The monitor's indicators with a word on how to read them. */
  static List<Block> indicators(List<Indicator> indicators) {
    return List.of(new Paragraph("Per thema de indicator tegen het basisjaar en het doel van de strategie; \"op "
        + "koers\" betekent dat de verandering minstens zo groot is als de rechte lijn van het basisjaar naar het doel "
        + "voor dit jaar vraagt. CBS: geregistreerde misdrijven (politie/CBS, tabel 47018NED)."),
        indicatorTable(indicators));
  }

  /** The monitor's indicators as a table: baseline, now, change, target and whether it is on track. */
  static Table indicatorTable(List<Indicator> indicators) {
    List<List<String>> rows = new ArrayList<>();
    for (Indicator indicator : indicators) {
      rows.add(List.of(indicator.label(), indicator.category().equals(indicator.label()) ? "CBS" : "incidenten",
          indicator.baselineYear() + ": " + count(indicator.series().get(0)),
          indicator.year() + ": " + count(indicator.series().get(indicator.series().size() - 1)),
          DutchFigures.percent(indicator.changePercent()),
          indicator.target() == null ? "–" : DutchFigures.percent(indicator.target()) + " in " + indicator.targetYear(),
          indicator.onTrack() == null ? (indicator.complete() ? "–" : "onvolledig")
              : indicator.onTrack() ? "op koers" : "niet op koers"));
    }
    return new Table(List.of("Indicator", "Bron", "Basis", "Nu", "Verschil", "Doel", "Stand"), rows,
        new double[] {2.4, 0.9, 1.1, 1.1, 0.9, 1.2, 1.1});
  }

  /** The twelve-month waterbed check of an intervention's first category, in plain Dutch. */
  private static String verdict(Intervention intervention) {
    return intervention.waterbed().stream().filter(check -> check.window().equals("P12M")).findFirst()
        .map(check -> check.refused() != null ? "niet voor uw account"
            : !check.complete() ? "nog niet compleet; compleet vanaf " + DutchFigures.day(check.completeOn())
                : check.result().interpretation().nl())
        .orElse("–");
  }

  /** A year's count: "–" for a year the source does not hold, "klein" for one withheld. */
  private static String count(YearCount year) {
    return year.held() ? DutchFigures.count(year.count()) : "–";
  }

  private static String kind(String kind) {
    return switch (kind) {
      case "hemp-sites" -> "Hennepkwekerijen";
      case "holiday-parks" -> "Vakantieparken";
      default -> "OMG-clubhuizen";
    };
  }

  private static String bin(int bin) {
    String confidence = switch (Math.abs(bin)) {
      case 3 -> "99%";
      case 2 -> "95%";
      default -> "90%";
    };
    return (bin > 0 ? "hotspot " : "coldspot ") + confidence;
  }
}
