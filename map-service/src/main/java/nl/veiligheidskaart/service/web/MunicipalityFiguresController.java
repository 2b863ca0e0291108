package nl.veiligheidskaart.service.web;

import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.MunicipalityFigures;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.geography.GeographyService;
import nl.veiligheidskaart.service.layers.MunicipalityFigureService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures of one municipality for the viewer's panel, as the reader's disclosure policy
 * allows: exact for analysts; for the others in whole months, rounded and suppressed below the
 * minimum, and for a MUNICIPALITY account only its own municipality and its neighbours.
 */
@RestController
class MunicipalityFiguresController {

  private final MunicipalityFigureService figures;
  private final GeographyService geography;
  private final IncidentCategories categories;

  MunicipalityFiguresController(MunicipalityFigureService figures, GeographyService geography,
      IncidentCategories categories) {
    this.figures = figures;
    this.geography = geography;
    this.categories = categories;
  }

  @GetMapping("/api/v1/municipalities/{code}/figures")
  MunicipalityFigures figures(@PathVariable String code, FiguresQuery query, DisclosurePolicy policy) {
    Feature municipality = geography.municipality(code, Crs.WGS84);
    policy.requireMunicipality(municipality.id());
    ReaderPeriod period = query.period(policy);
    return figures.figures(municipality.id(), (String) municipality.properties().get("name"),
        query.categories(categories), period.from(), period.to(), policy);
  }
}
