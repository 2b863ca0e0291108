package nl.veiligheidskaart.service.web;

import java.util.Arrays;
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

  private final HotspotService hotspots;
  private final DensityService density;
  private final IncidentCategories categories;

  AnalysisController(HotspotService hotspots, DensityService density, IncidentCategories categories) {
    this.hotspots = hotspots;
    this.density = density;
    this.categories = categories;
  }

  @GetMapping(path = "/hotspots", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> hotspots(AnalysisQuery query,
      @RequestParam(required = false) String crs) {
    IncidentSelection selection = query.selection(categories);
    GridOptions options = new GridOptions(query.cellSize(), query.distanceBand(), query.correctsForMultipleTesting(),
        query.permutationsOr(0), query.seedOrDefault());
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(hotspots.gridHotspots(selection, options),
        outputCrs));
  }

  @GetMapping(path = "/clusters", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> clusters(AnalysisQuery query,
      @RequestParam(required = false) String crs) {
    IncidentSelection selection = query.selection(categories);
    GridOptions options = new GridOptions(query.cellSize(), query.distanceBand(), query.correctsForMultipleTesting(),
        query.clusterPermutations(), query.seedOrDefault());
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(hotspots.gridClusters(selection, options),
        outputCrs));
  }

  @GetMapping(path = "/hotspots/municipalities", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> municipalityHotspots(AnalysisQuery query,
      @RequestParam(defaultValue = "incidents") String source, @RequestParam(required = false) String period,
      @RequestParam(defaultValue = "count") String measure, @RequestParam(required = false) String crs) {
    MunicipalityOptions options = municipalityOptions(query, source, period, measure, query.permutationsOr(0));
    IncidentSelection selection = municipalitySelection(query, options.source());
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(hotspots.municipalityHotspots(selection, options),
        outputCrs));
  }

  @GetMapping(path = "/clusters/municipalities", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> municipalityClusters(AnalysisQuery query,
      @RequestParam(defaultValue = "incidents") String source, @RequestParam(required = false) String period,
      @RequestParam(defaultValue = "count") String measure, @RequestParam(required = false) String crs) {
    MunicipalityOptions options = municipalityOptions(query, source, period, measure, query.clusterPermutations());
    IncidentSelection selection = municipalitySelection(query, options.source());
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(hotspots.municipalityClusters(selection, options),
        outputCrs));
  }

  @GetMapping("/density")
  DensityRaster density(AnalysisQuery query, @RequestParam(required = false) Double bandwidth) {
    return density.density(query.selection(categories), query.cellSize(), bandwidth);
  }

  @GetMapping(path = "/emerging-hotspots", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<AnalysisFeatureCollection> emergingHotspots(AnalysisQuery query,
      @RequestParam(defaultValue = "month") String step, @RequestParam(required = false) String crs) {
    IncidentSelection selection = query.selection(categories);
    GridOptions options = new GridOptions(query.cellSize(), query.distanceBand(), true, 0, 0);
    Step timeStep = EnumParameter.parse("step", step, Step.class);
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(
        hotspots.emergingHotspots(selection, timeStep, options), outputCrs));
  }

  private static MunicipalityOptions municipalityOptions(AnalysisQuery query, String source, String period,
      String measure, int permutations) {
    return new MunicipalityOptions(EnumParameter.parse("source", source, CountSource.class),
        EnumParameter.parse("measure", measure, Measure.class), query.statisticCategory(), period,
        query.correctsForMultipleTesting(), permutations, query.seedOrDefault());
  }

  private IncidentSelection municipalitySelection(AnalysisQuery query, CountSource source) {
    return source == CountSource.STATISTICS ? query.periodAndArea() : query.selection(categories);
  }
}
