package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.geography.GeographyService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Municipalities and districts of Oost-Nederland as GeoJSON. */
@RestController
@RequestMapping(path = "/api/v1", produces = {GeographyController.GEO_JSON, "application/json"})
class GeographyController {

  static final String GEO_JSON = "application/geo+json";

  private final GeographyService geography;

  GeographyController(GeographyService geography) {
    this.geography = geography;
  }

  @GetMapping("/municipalities")
  ResponseEntity<FeatureCollection> municipalities(@RequestParam(required = false) String crs) {
    return CrsParameter.geoJson(crs, geography::municipalities);
  }

  @GetMapping("/municipalities/{code}")
  ResponseEntity<Feature> municipality(@PathVariable String code, @RequestParam(required = false) String crs) {
    return CrsParameter.geoJson(crs, outputCrs -> geography.municipality(code, outputCrs));
  }

  @GetMapping("/districts")
  ResponseEntity<FeatureCollection> districts(@RequestParam(required = false) String crs) {
    return CrsParameter.geoJson(crs, geography::districts);
  }

  @GetMapping("/districts/{code}")
  ResponseEntity<Feature> district(@PathVariable String code, @RequestParam(required = false) String crs) {
    return CrsParameter.geoJson(crs, outputCrs -> geography.district(code, outputCrs));
  }
}
