package nl.veiligheidskaart.service.briefings;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.veiligheidskaart.service.api.AreaProfile;
import nl.veiligheidskaart.service.api.AreaProfile.ThemeFigures;
import nl.veiligheidskaart.service.api.DisplacementOverview;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.config.StrategyProperties;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.displacement.DisplacementService;
import nl.veiligheidskaart.service.displacement.StudyPeriod;
import nl.veiligheidskaart.service.limits.RequestDeadline;
import nl.veiligheidskaart.service.maptiles.ChoroplethMeasure;
import nl.veiligheidskaart.service.maptiles.MapLayerCatalogue;
import nl.veiligheidskaart.service.maptiles.MapLayerFilter;
import nl.veiligheidskaart.service.maptiles.MunicipalitiesLayer;
import nl.veiligheidskaart.service.monitor.AreaProfiles;
import nl.veiligheidskaart.service.monitor.ReportingArea;
import nl.veiligheidskaart.service.monitor.ReportingAreas;
import nl.veiligheidskaart.service.snapshots.DemoMarking;
import nl.veiligheidskaart.service.snapshots.SnapshotService;
import nl.veiligheidskaart.service.store.CountSource;
import nl.veiligheidskaart.tiles.page.PageFormat;
import nl.veiligheidskaart.tiles.page.TextPages;
import nl.veiligheidskaart.tiles.page.TextPages.Block;
import nl.veiligheidskaart.tiles.page.TextPages.Heading;
import nl.veiligheidskaart.tiles.page.TextPages.Paragraph;
import nl.veiligheidskaart.tiles.page.TextPages.Table;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;

/**
 * The BBG's unit-wide pack for a year: the strategy monitor of the unit and its five districts, a
 * page per theme with its portfolio holder (the theme's figures per district and a map of the
 * municipalities by incidents per 1,000 inhabitants), and the waterbed overview of the unit. Only
 * aggregates: any BBG account may make it, and its counts are as the maker may see them.
 */
@Service
public class UnitBriefing {

  private static final PageFormat A4_PORTRAIT = PageFormat.of("A4", false);
  private static final PageFormat A4_LANDSCAPE = PageFormat.of("A4", true);

  private final AreaProfiles profiles;
  private final ReportingAreas areas;
  private final DisplacementService displacement;
  private final SnapshotService snapshots;
  private final MapLayerCatalogue catalogue;
  private final StrategyProperties strategy;
  private final IncidentCategories categories;
  private final VeiligheidskaartProperties properties;
  private final DemoMarking demo;
  private final Clock clock;

  UnitBriefing(AreaProfiles profiles, ReportingAreas areas, DisplacementService displacement,
      SnapshotService snapshots, MapLayerCatalogue catalogue, StrategyProperties strategy,
      IncidentCategories categories, VeiligheidskaartProperties properties, DemoMarking demo, Clock clock) {
    this.profiles = profiles;
    this.areas = areas;
    this.displacement = displacement;
    this.snapshots = snapshots;
    this.catalogue = catalogue;
    this.strategy = strategy;
    this.categories = categories;
    this.properties = properties;
    this.demo = demo;
    this.clock = clock;
  }

  /** @param year null for the latest whole year */
  public ProfilePack.Pdf pack(Integer year, DisclosurePolicy policy, String preparedBy) {
    ReportingArea unitArea = areas.resolve(ReportingAreas.UNIT, "area");
    AreaProfile unit = profiles.profile(unitArea, year, policy);
    List<AreaProfile> districts = new ArrayList<>();
    for (ReportingArea district : areas.parts(unitArea)) {
      RequestDeadline.check();
      districts.add(profiles.profile(district, unit.year(), policy));
    }
    String marking = properties.snapshots().marking();
    try (PDDocument document = new PDDocument()) {
      int pages = TextPages.addTo(document, A4_PORTRAIT, marking, demo.watermark(), cover(unit, districts,
          preparedBy));
      for (StrategyProperties.Theme theme : strategy.themes()) {
        RequestDeadline.check();
        pages += TextPages.addTo(document, A4_PORTRAIT, marking, demo.watermark(), theme(theme, unit, districts));
        snapshots.addMapPage(document, A4_LANDSCAPE, new SnapshotService.Specification(
            snapshots.area(ReportingAreas.UNIT, policy).extent(), unit.name(),
            List.of(catalogue.get(MunicipalitiesLayer.ID)), new MapLayerFilter(List.of(theme.category()),
                start(unit.year()), start(unit.year() + 1)), ChoroplethMeasure.RATE,
            figures(unit, theme.category()).label() + " in " + unit.name(), unit.year() + " · per 1.000 inwoners",
            true, A4_LANDSCAPE, 0), policy, preparedBy);
        pages++;
      }
      RequestDeadline.check();
      pages += TextPages.addTo(document, A4_PORTRAIT, marking, demo.watermark(), waterbed(unit.year(), policy));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return new ProfilePack.Pdf(out.toByteArray(), "bbg-eenheid-oost-nederland-" + unit.year() + ".pdf", pages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Block> cover(AreaProfile unit, List<AreaProfile> districts, String preparedBy) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Heading("BBG " + unit.name() + ": " + strategy.title() + ", " + unit.year()));
    blocks.add(new Paragraph("Districten: " + String.join(", ", districts.stream().map(AreaProfile::name).toList())
        + ". Inhoud: de doelen van de strategie voor de eenheid en per district, een pagina per thema met de "
        + "portefeuillehouder en een kaart, en het waterbedoverzicht."));
    blocks.add(new Paragraph("Opgesteld met Veiligheidskaart Oost-Nederland door " + preparedBy + " op "
        + DutchFigures.day(LocalDate.now(clock.withZone(NETHERLANDS))) + ". " + demo.source(properties.snapshots()
            .source()) + ". Alleen aggregaten; kleine aantallen worden niet getoond en aantallen zijn afgerond "
        + "op vijftallen waar de lezer geen analist is."));
    blocks.add(new Heading("Doelen van de strategie: eenheid"));
    blocks.addAll(ProfilePack.indicators(unit.indicators()));
    for (AreaProfile district : districts) {
      blocks.add(new Heading("Doelen van de strategie: district " + district.name()));
      blocks.add(ProfilePack.indicatorTable(district.indicators()));
    }
    return blocks;
  }

  private List<Block> theme(StrategyProperties.Theme theme, AreaProfile unit, List<AreaProfile> districts) {
    ThemeFigures figures = figures(unit, theme.category());
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Heading("Thema " + figures.label()));
    blocks.add(new Paragraph("Portefeuillehouder: " + theme.holder().orElse("niet vastgelegd "
        + "(veiligheidskaart.strategy.themes)") + ". " + unit.name() + ": " + DutchFigures.count(figures.count())
        + " incidenten in " + unit.year() + " tegen " + DutchFigures.count(figures.previousCount()) + " in "
        + (unit.year() - 1) + " (" + DutchFigures.percent(figures.changePercent()) + "), "
        + DutchFigures.decimal(figures.ratePer1000()) + " per 1.000 inwoners."));
    List<List<String>> rows = new ArrayList<>();
    for (AreaProfile district : districts) {
      ThemeFigures inDistrict = figures(district, theme.category());
      rows.add(List.of(district.name(), DutchFigures.count(inDistrict.count()),
          DutchFigures.count(inDistrict.previousCount()), DutchFigures.percent(inDistrict.changePercent()),
          DutchFigures.decimal(inDistrict.ratePer1000())));
    }
    rows.add(List.of("Eenheid", DutchFigures.count(figures.count()), DutchFigures.count(figures.previousCount()),
        DutchFigures.percent(figures.changePercent()), DutchFigures.decimal(figures.ratePer1000())));
    blocks.add(new Table(List.of("District", String.valueOf(unit.year()), String.valueOf(unit.year() - 1), "Verschil",
        "Per 1.000 inw."), rows, new double[] {2.4, 1, 1, 1, 1}));
    unit.indicators().stream().filter(indicator -> theme.category().equals(indicator.theme())).forEach(indicator ->
        blocks.add(new Paragraph("Doel: " + indicator.label() + " " + (indicator.target() == null
            ? "heeft geen doel in de strategie" : DutchFigures.percent(indicator.target()) + " in "
                + indicator.targetYear() + " ten opzichte van " + indicator.baselineYear()) + "; nu "
            + DutchFigures.percent(indicator.changePercent()) + " (" + indicator.baselineYear() + "–" + indicator.year()
            + (indicator.category().equals(indicator.label()) ? ", CBS" : ", incidenten") + ")"
            + (indicator.onTrack() == null ? "." : indicator.onTrack() ? ": op koers." : ": niet op koers."))));
    return blocks;
  }

  /** Per strategy theme: the municipalities where the waterbed check flags displacement or diffusion in the year. */
  private List<Block> waterbed(int year, DisclosurePolicy policy) {
    StudyPeriod before = StudyPeriod.parse(String.valueOf(year - 1));
    StudyPeriod after = StudyPeriod.parse(String.valueOf(year));
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Heading("Waterbedoverzicht " + (year - 1) + " → " + year));
    blocks.add(new Paragraph("Per thema de gemeenten die zelf verbeterden terwijl het bij de buurgemeenten significant "
        + "veranderde (90%): verplaatsing (het probleem verschoof naar de buren) of uitstraling (de buren verbeterden "
        + "mee). Gewogen verplaatsingsquotiënt (WDQ) volgens Bowers en Johnson (2003)."));
    List<List<String>> rows = new ArrayList<>();
    for (StrategyProperties.Theme theme : strategy.themes()) {
      RequestDeadline.check();
      DisplacementOverview overview = displacement.overview(theme.category(), CountSource.INCIDENTS, before, after,
          policy);
      for (DisplacementOverview.Row row : overview.municipalities()) {
        if (row.flag() != null) {
          rows.add(List.of(categories.label(theme.category()), row.name(), DutchFigures.count(row.before()) + " → "
              + DutchFigures.count(row.after()), DutchFigures.count(row.neighboursBefore()) + " → "
              + DutchFigures.count(row.neighboursAfter()), row.wdq() == null ? "n.v.t."
                  : String.format(Locale.forLanguageTag("nl-NL"), "%.2f", row.wdq()),
              row.flag().equals("displacement") ? "verplaatsing" : "uitstraling"));
        }
      }
    }
    if (rows.isEmpty()) {
      blocks.add(new Paragraph("Bij geen enkel thema een signaal van verplaatsing of uitstraling."));
    } else {
      blocks.add(new Table(List.of("Thema", "Gemeente", "Gemeente", "Buren", "WDQ", "Signaal"), rows,
          new double[] {1.6, 1.6, 1.1, 1.1, 0.6, 1}));
    }
    return blocks;
  }

  private static ThemeFigures figures(AreaProfile profile, String category) {
    return profile.themes().stream().filter(theme -> theme.category().equals(category)).findFirst().orElseThrow();
  }

  private static Instant start(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(NETHERLANDS).toInstant();
  }
}
