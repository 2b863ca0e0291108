package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.RiskTerrainFeatureCollection;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.riskterrain.RiskTerrainService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk terrain modelling (role ANALYST, as every analysis: the cells' relative risk draws the risk
 * locations, which only analysts may see).
 */
@RestController
@RequestMapping("/api/v1/analysis")
class RiskTerrainController {

  private final RiskTerrainService riskTerrain;
  private final IncidentCategories categories;

  RiskTerrainController(RiskTerrainService riskTerrain, IncidentCategories categories) {
    this.riskTerrain = riskTerrain;
    this.categories = categories;
  }

  @GetMapping(path = "/risk-terrain", produces = {GeographyController.GEO_JSON, "application/json"})
  ResponseEntity<RiskTerrainFeatureCollection> riskTerrain(RiskTerrainQuery query,
      @RequestParam(required = false) String crs) {
    return CrsParameter.geoJson(crs, outputCrs -> AnalysisGeoJson.of(
        riskTerrain.riskTerrain(query.selection(categories), query.options()), outputCrs));
  }
}
