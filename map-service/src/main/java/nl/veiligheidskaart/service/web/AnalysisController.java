package nl.veiligheidskaart.service.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.veiligheidskaart.service.api.AnalysisFeatureCollection;
import nl.veiligheidskaart.service.api.DensityRaster;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.hotspots.DensityService;
import nl.veiligheidskaart.service.hotspots.HotspotService.GridOptions;
import nl.veiligheidskaart.service.hotspots.HotspotService.Measure;
import nl.veiligheidskaart.service.hotspots.HotspotService.MunicipalityOptions;
import nl.veiligheidskaart.service.hotspots.HotspotService.Step;
import nl.veiligheidskaart.service.hotspots.HotspotService;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import nl.veiligheidskaart.service.store.CountSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hot spots, clusters and outliers, kernel density and emerging hot spots (role ANALYST). */
@RestController
@RequestMapping("/api/v1/analysis")
class AnalysisController {

  /** A fixed default seed, so that a permutation result can be repeated without giving one. */
  static final String DEFAULT_SEED = "20191";

  private final HotspotService hotspots;
  private final DensityService density;
  private final IncidentCategories categories;

  AnalysisController(HotspotService hotspots, DensityService density, IncidentCategories categories) {
    this.hotspots = hotspots;
    this.density = density;
    this.categories = categories;
  }

  @GetMapping(path = "/hotspots", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> hotspots(@RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String area, @RequestParam(required = false) Double cellSize,
      @RequestParam(required = false) Double distanceBand, @RequestParam(defaultValue = "true") boolean fdr,
      @RequestParam(defaultValue = "0") int permutations, @RequestParam(defaultValue = DEFAULT_SEED) long seed,
      @RequestParam(required = false) String crs) {
    IncidentSelection selection = selection(category, from, to, area);
    GridOptions options = new GridOptions(cellSize, distanceBand, fdr, permutations, seed);
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(hotspots.gridHotspots(selection, options),
        outputCrs));
  }

  @GetMapping(path = "/clusters", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> clusters(@RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String area, @RequestParam(required = false) Double cellSize,
      @RequestParam(required = false) Double distanceBand, @RequestParam(defaultValue = "true") boolean fdr,
      @RequestParam(defaultValue = "999") int permutations, @RequestParam(defaultValue = DEFAULT_SEED) long seed,
      @RequestParam(required = false) String crs) {
    IncidentSelection selection = selection(category, from, to, area);
    GridOptions options = new GridOptions(cellSize, distanceBand, fdr, atLeastOne(permutations), seed);
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(hotspots.gridClusters(selection, options),
        outputCrs));
  }

  @GetMapping(path = "/hotspots/municipalities", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> municipalityHotspots(@RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String area, @RequestParam(defaultValue = "incidents") String source,
      @RequestParam(required = false) String period, @RequestParam(defaultValue = "count") String measure,
      @RequestParam(defaultValue = "true") boolean fdr, @RequestParam(defaultValue = "0") int permutations,
      @RequestParam(defaultValue = DEFAULT_SEED) long seed, @RequestParam(required = false) String crs) {
    CountSource dataSource = choice("source", source, CountSource.class);
    IncidentSelection selection = dataSource == CountSource.STATISTICS ? selection(List.of(), from, to, area)
        : selection(category, from, to, area);
    MunicipalityOptions options = new MunicipalityOptions(dataSource, choice("measure", measure, Measure.class),
        statisticCategory(category), period, fdr, permutations, seed);
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(hotspots.municipalityHotspots(selection, options),
        outputCrs));
  }

  @GetMapping(path = "/clusters/municipalities", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> municipalityClusters(@RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String area, @RequestParam(defaultValue = "incidents") String source,
      @RequestParam(required = false) String period, @RequestParam(defaultValue = "count") String measure,
      @RequestParam(defaultValue = "true") boolean fdr, @RequestParam(defaultValue = "999") int permutations,
      @RequestParam(defaultValue = DEFAULT_SEED) long seed, @RequestParam(required = false) String crs) {
    CountSource dataSource = choice("source", source, CountSource.class);
    IncidentSelection selection = dataSource == CountSource.STATISTICS ? selection(List.of(), from, to, area)
        : selection(category, from, to, area);
    MunicipalityOptions options = new MunicipalityOptions(dataSource, choice("measure", measure, Measure.class),
        statisticCategory(category), period, fdr, atLeastOne(permutations), seed);
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(hotspots.municipalityClusters(selection, options),
        outputCrs));
  }

  @GetMapping("/density")
  DensityRaster density(@RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String area, @RequestParam(required = false) Double cellSize,
      @RequestParam(required = false) Double bandwidth) {
    return density.density(selection(category, from, to, area), cellSize, bandwidth);
  }

  @GetMapping(path = "/emerging-hotspots", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> emergingHotspots(@RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String area, @RequestParam(defaultValue = "month") String step,
      @RequestParam(required = false) Double cellSize, @RequestParam(required = false) Double distanceBand,
      @RequestParam(required = false) String crs) {
    IncidentSelection selection = selection(category, from, to, area);
    GridOptions options = new GridOptions(cellSize, distanceBand, true, 0, 0);
    Step timeStep = choice("step", step, Step.class);
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(
        hotspots.emergingHotspots(selection, timeStep, options), outputCrs));
  }

  private IncidentSelection selection(List<String> category, String from, String to, String area) {
    IncidentSelection selection = new IncidentSelection(categories.parse(category, "category"), DateParameter.instant("from", from),
        DateParameter.instant("to", to), area);
    if (selection.from() != null && selection.to() != null && !selection.to().isAfter(selection.from())) {
      throw new InvalidParameterException("to", "to (" + to + ") must lie after from (" + from + ")");
    }
    return selection;
  }

  /** Area statistics name their category by title or code prefix, e.g. 1.1.1. */
  private static String statisticCategory(List<String> category) {
    return category == null || category.isEmpty() ? null : category.get(0).strip();
  }

  private static int atLeastOne(int permutations) {
    if (permutations < 1) {
      throw new InvalidParameterException("permutations", "clusters and outliers are tested by permutation: "
          + "permutations must be at least 1 (default 999)");
    }
    return permutations;
  }

  private static <E extends Enum<E>> E choice(String parameter, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, parameter + " must be one of " + Arrays.stream(
          type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
  }
}
