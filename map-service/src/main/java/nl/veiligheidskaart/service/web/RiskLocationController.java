package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.layers.RiskLocationLayers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hemp sites, holiday parks and OMG clubhouses as GeoJSON (role ANALYST). */
@RestController
@RequestMapping(path = "/api/v1", produces = {GeographyController.GEO_JSON, "application/json"})
class RiskLocationController {

  private final RiskLocationLayers layers;

  RiskLocationController(RiskLocationLayers layers) {
    this.layers = layers;
  }

  @GetMapping("/hemp-sites")
  ResponseEntity<FeatureCollection> hempSites(@RequestParam(required = false) String crs) {
    return CrsParameter.geoJson(crs, layers::hempSites);
  }

  @GetMapping("/holiday-parks")
  ResponseEntity<FeatureCollection> holidayParks(@RequestParam(required = false) String crs) {
    return CrsParameter.geoJson(crs, layers::holidayParks);
  }

  @GetMapping("/omg-clubhouses")
  ResponseEntity<FeatureCollection> omgClubhouses(@RequestParam(required = false) String crs) {
    return CrsParameter.geoJson(crs, layers::omgClubhouses);
  }
}
