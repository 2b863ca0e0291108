package nl.veiligheidskaart.service.briefings;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.veiligheidskaart.geodata.reference.District;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.DisplacementOverview;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.disclosure.DisclosedCount;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.displacement.DisplacementService;
import nl.veiligheidskaart.service.displacement.StudyPeriod;
import nl.veiligheidskaart.service.incidents.IncidentQuery;
import nl.veiligheidskaart.service.incidents.IncidentReadModel;
import nl.veiligheidskaart.service.layers.PopulationService;
import nl.veiligheidskaart.service.layers.PopulationTable;
import nl.veiligheidskaart.service.limits.RequestDeadline;
import nl.veiligheidskaart.service.maptiles.ChoroplethMeasure;
import nl.veiligheidskaart.service.maptiles.HotspotsLayer;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.maptiles.MapLayerFilter;
import nl.veiligheidskaart.service.maptiles.MunicipalitiesLayer;
import nl.veiligheidskaart.service.snapshots.DemoMarking;
import nl.veiligheidskaart.service.snapshots.SnapshotService;
import nl.veiligheidskaart.service.store.CountSource;
import nl.veiligheidskaart.tiles.page.PageFormat;
import nl.veiligheidskaart.tiles.page.TextPages.Block;
import nl.veiligheidskaart.tiles.page.TextPages.Heading;
import nl.veiligheidskaart.tiles.page.TextPages.Paragraph;
import nl.veiligheidskaart.tiles.page.TextPages.Table;
import nl.veiligheidskaart.tiles.page.TextPages;
import nl.veiligheidskaart.tiles.page.Watermark;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;

/**
 * The BBG briefing pack of a district: a cover, a map page per theme (the municipalities by count
 * with the theme's hot spots), the key figures per municipality against the period before, the
 * district's waterbed overview, and notes on the methods. Prepared by analysts for the board.
 */
@Service
public class BriefingService {

  /** The themes with the most incidents in the district get a map page; this many at most. */
  static final int MAX_THEMES = 6;
  private static final PageFormat A4_LANDSCAPE = PageFormat.of("A4", true);
  private static final PageFormat A4_PORTRAIT = PageFormat.of("A4", false);

  public record Briefing(byte[] pdf, String fileName, int pages) {
  }

  private final ReferenceGeography reference;
  private final IncidentReadModel incidents;
  private final SnapshotService snapshots;
  private final MapLayerCatalogue catalogue;
  private final DisplacementService displacement;
  private final PopulationService population;
  private final VeiligheidskaartProperties properties;
  private final IncidentCategories categories;
  private final DemoMarking demo;
  private final Clock clock;

  BriefingService(ReferenceGeography reference, IncidentReadModel incidents, SnapshotService snapshots,
      MapLayerCatalogue catalogue, DisplacementService displacement, PopulationService population,
      VeiligheidskaartProperties properties, IncidentCategories categories, DemoMarking demo, Clock clock) {
    this.reference = reference;
    this.population = population;
    this.incidents = incidents;
    this.snapshots = snapshots;
    this.catalogue = catalogue;
    this.displacement = displacement;
    this.properties = properties;
    this.categories = categories;
    this.demo = demo;
    this.clock = clock;
  }

  public Briefing briefing(String districtCodeOrName, StudyPeriod period, DisclosurePolicy policy, String preparedBy) {
    District district = reference.district(districtCodeOrName)
        .orElseThrow(() -> new NotFoundException("No district '" + districtCodeOrName + "' in Oost-Nederland"));
    List<Municipality> municipalities = reference.municipalitiesIn(district.code());
    StudyPeriod before = StudyPeriod.around(period.first(), Period.between(period.first(), period.end()))[0];
    Counts now = count(municipalities, period);
    Counts earlier = count(municipalities, before);
    List<String> themes = now.perTheme().entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(MAX_THEMES).map(Map.Entry::getKey)
        .toList();
    String periodText = DutchFigures.day(period.first()) + " t/m " + DutchFigures.day(period.end().minusDays(1));
    String marking = properties.snapshots().marking();
    Watermark watermark = demo.watermark();
    try (PDDocument document = new PDDocument()) {
      List<Block> cover = new ArrayList<>();
      cover.add(new Heading("Briefing district " + district.name()));
      cover.add(new Paragraph("Periode: " + periodText + ", vergeleken met " + DutchFigures.day(before.first()) + " t/m "
          + DutchFigures.day(before.end().minusDays(1)) + "."));
      cover.add(new Paragraph("Gemeenten: " + String.join(", ", municipalities.stream().map(Municipality::name)
          .toList()) + "."));
      cover.add(new Paragraph("Inhoud: een kaart per thema (" + String.join(", ", themes.stream().map(this::label)
          .toList()) + "), kerncijfers per gemeente, het waterbedoverzicht en een toelichting op de methoden."));
      cover.add(new Paragraph("Opgesteld met Veiligheidskaart Oost-Nederland door " + preparedBy + " op "
          + DutchFigures.day(LocalDate.now(clock.withZone(NETHERLANDS))) + ". " + demo.source(properties.snapshots().source()) + "."));
      int pages = TextPages.addTo(document, A4_PORTRAIT, marking, watermark, cover);
      for (String theme : themes) {
        RequestDeadline.check();
        MapLayerFilter filter = new MapLayerFilter(List.of(theme), period.from(), period.to());
        snapshots.addMapPage(document, A4_LANDSCAPE, new SnapshotService.Specification(
            snapshots.area(district.code(), policy).extent(), "district " + district.name(),
            List.of(catalogue.get(MunicipalitiesLayer.ID), catalogue.get(HotspotsLayer.ID)), filter, ChoroplethMeasure.COUNT,
            label(theme) + " in district " + district.name(), periodText + " · aantallen per gemeente en hotspots",
            true, A4_LANDSCAPE, 0), policy, preparedBy);
        pages++;
      }
      RequestDeadline.check();
      pages += TextPages.addTo(document, A4_PORTRAIT, marking, watermark, keyFigures(municipalities, themes, now,
          earlier, periodText, period.first().getYear(), policy));
      RequestDeadline.check();
      pages += TextPages.addTo(document, A4_PORTRAIT, marking, watermark, waterbed(district, municipalities, themes,
          before, period, policy));
      pages += TextPages.addTo(document, A4_PORTRAIT, marking, watermark, methods());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      String fileName = "briefing-" + SnapshotService.slug(district.name()) + "-" + period.label() + "-"
          + LocalDate.now(clock.withZone(NETHERLANDS)) + ".pdf";
      return new Briefing(out.toByteArray(), fileName, pages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Incidents per municipality and theme in the period. */
  private record Counts(Map<String, Map<String, Long>> perMunicipality, Map<String, Long> perTheme) {

    long of(String municipality) {
      return perMunicipality.getOrDefault(municipality, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private Counts count(List<Municipality> municipalities, StudyPeriod period) {
    Map<String, Map<String, Long>> counted = incidents.countsByMunicipalityAndCategory(IncidentQuery.of(List.of(),
        period.from(), period.to()).within(municipalities.stream().map(Municipality::code).toList()));
    Map<String, Map<String, Long>> perMunicipality = new LinkedHashMap<>();
    Map<String, Long> perTheme = new TreeMap<>();
    for (Municipality municipality : municipalities) {
      Map<String, Long> themes = counted.getOrDefault(municipality.code(), Map.of());
      perMunicipality.put(municipality.code(), themes);
      themes.forEach((theme, count) -> perTheme.merge(theme, count, Long::sum));
    }
    return new Counts(perMunicipality, perTheme);
  }

  /**
   * Per municipality: all themes in the period against the period before, the rate per 1,000
   * inhabitants (of the nearest year with figures to the period's first year) drawn from the count
   * as shown, and the largest themes.
   */
  private List<Block> keyFigures(List<Municipality> municipalities, List<String> themes, Counts now, Counts earlier,
      String periodText, int periodYear, DisclosurePolicy policy) {
    PopulationTable inhabitants = population.table();
    List<String> header = new ArrayList<>(List.of("Gemeente", "Deze periode", "Vorige periode", "Verschil",
        "Per 1.000 inw."));
    themes.stream().limit(3).forEach(theme -> header.add(label(theme)));
    double[] widths = new double[header.size()];
    widths[0] = 2.2;
    for (int c = 1; c < widths.length; c++) {
      widths[c] = 1;
    }
    List<List<String>> rows = new ArrayList<>();
    long totalNow = 0;
    long totalEarlier = 0;
    for (Municipality municipality : municipalities.stream().sorted(Comparator.comparing(Municipality::name))
        .toList()) {
      long count = now.of(municipality.code());
      long previous = earlier.of(municipality.code());
      totalNow += count;
      totalEarlier += previous;
      List<String> row = new ArrayList<>(List.of(municipality.name(), DutchFigures.count(policy.count(count)),
          DutchFigures.count(policy.count(previous)), change(policy.count(count), policy.count(previous)),
          rate(policy.count(count), inhabitants.inhabitants(municipality.code(), periodYear))));
      themes.stream().limit(3).forEach(theme -> row.add(DutchFigures.count(policy.count(
          now.perMunicipality().get(municipality.code()).getOrDefault(theme, 0L)))));
      rows.add(row);
    }
    long districtInhabitants = municipalities.stream().mapToLong(m -> inhabitants.inhabitants(m.code(), periodYear)
        .map(PopulationTable.Inhabitants::inhabitants).orElse(0L)).sum();
    List<String> total = new ArrayList<>(List.of("Totaal district", DutchFigures.count(policy.count(totalNow)),
        DutchFigures.count(policy.count(totalEarlier)), change(policy.count(totalNow), policy.count(totalEarlier)),
        rate(policy.count(totalNow), districtInhabitants == 0 ? Optional.empty()
            : Optional.of(new PopulationTable.Inhabitants(periodYear, districtInhabitants)))));
    themes.stream().limit(3).forEach(theme -> total.add(DutchFigures.count(policy.count(now.perTheme().getOrDefault(theme,
        0L)))));
    rows.add(total);
    return List.of(new Heading("Kerncijfers per gemeente"),
        new Paragraph("Geregistreerde incidenten (alle thema's) in " + periodText + ", tegen de even lange periode "
            + "ervoor, en per 1.000 inwoners (CBS, 1 januari " + inhabitants.nearestYear(periodYear)
                .map(String::valueOf).orElse("–") + "); daarnaast de grootste thema's in deze periode."),
        new Table(header, rows, widths));
  }

  private List<Block> waterbed(District district, List<Municipality> municipalities, List<String> themes,
      StudyPeriod before, StudyPeriod after, DisclosurePolicy policy) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Heading("Waterbedoverzicht district " + district.name()));
    if (themes.isEmpty()) {
      blocks.add(new Paragraph("Geen incidenten in deze periode: er valt niets te vergelijken."));
      return blocks;
    }
    String theme = themes.get(0);
    blocks.add(new Paragraph("Thema " + label(theme) + ": per gemeente de aantallen voor en na, die van de "
        + "buurgemeenten, en het gewogen verplaatsingsquotiënt (WDQ; Bowers & Johnson). Een signaal staat er "
        + "alleen waar de gemeente zelf verbeterde en de verandering bij de buren significant is (90%)."));
    DisplacementOverview overview = displacement.overview(theme, CountSource.INCIDENTS, before, after,
        policy);
    List<String> codes = municipalities.stream().map(Municipality::code).toList();
    List<List<String>> rows = new ArrayList<>();
    for (DisplacementOverview.Row row : overview.municipalities()) {
      if (!codes.contains(row.code())) {
        continue;
      }
      rows.add(List.of(row.name(), DutchFigures.count(row.before()) + " → " + DutchFigures.count(row.after()),
          DutchFigures.count(row.neighboursBefore()) + " → " + DutchFigures.count(row.neighboursAfter()),
          row.wdq() == null ? "n.v.t." : String.format(Locale.forLanguageTag("nl-NL"), "%.2f", row.wdq()),
          row.flag() == null ? "–" : row.flag().equals("displacement") ? "verplaatsing" : "uitstraling"));
    }
    blocks.add(new Table(List.of("Gemeente", "Gemeente voor → na", "Buren voor → na", "WDQ", "Signaal"), rows,
        new double[] {2, 1.5, 1.5, 0.8, 1.2}));
    return blocks;
  }

  private static List<Block> methods() {
    return List.of(new Heading("Toelichting op de methoden"),
        new Paragraph("Kaarten: de gemeenten zijn ingekleurd naar het aantal incidenten van het thema in de "
            + "periode, in vijf klassen volgens de natuurlijke grenzen (Jenks). Hotspots zijn cellen van een raster "
            + "waar de Getis-Ord Gi*-statistiek een significante concentratie aanwijst (90, 95 of 99% "
            + "betrouwbaar); celgrootte en afstandsband zijn gekozen zoals ArcGIS Optimized Hot Spot Analysis dat doet."),
        new Paragraph("Kerncijfers: incidenten zoals vastgelegd in de Veiligheidskaart, per gemeente, vergeleken met "
            + "de even lange periode ervoor. Een verschil in procenten is alleen zinvol bij voldoende aantallen."),
        new Paragraph("Waterbedeffect: per gemeente is de gemeente zelf het doelgebied, zijn de buurgemeenten de "
            + "bufferzone en de overige gemeenten van het district de controle. Het gewogen verplaatsingsverschil "
            + "(WDD) en het quotiënt (WDQ) volgen Bowers en Johnson (2003); een negatieve WDQ wijst op verplaatsing, "
            + "een positieve op uitstraling van het effect."),
        new Paragraph("Privacy: dit stuk bevat alleen aggregaten. Het is opgesteld door een analist en bestemd voor "
            + "het BBG; verdere verspreiding valt onder de Wet politiegegevens en de AVG."));
  }

  private String label(String category) {
    return categories.label(category);
  }

  /** The rate per 1,000 inhabitants of a count as shown, one decimal; "klein" where the count is not shown. */
  private static String rate(DisclosedCount count, Optional<PopulationTable.Inhabitants> inhabitants) {
    if (inhabitants.isEmpty()) {
      return "–";
    }
    Double rate = count.ratePer1000(inhabitants.get().inhabitants());
    return rate == null ? "klein" : DutchFigures.decimal(rate);
  }

  /** The change between the counts as shown; not given when either is suppressed. */
  private static String change(DisclosedCount now, DisclosedCount before) {
    if (now.suppressed() || before.suppressed()) {
      return "–";
    }
    if (before.value() == 0) {
      return "n.v.t.";
    }
    long percent = Math.round(100.0 * (now.value() - before.value()) / before.value());
    return (percent > 0 ? "+" : "") + percent + "%";
  }
}
