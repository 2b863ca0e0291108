package nl.veiligheidskaart.service.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.api.MunicipalityFigures;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.geography.GeographyService;
import nl.veiligheidskaart.service.geography.MunicipalityScope;
import nl.veiligheidskaart.service.layers.MunicipalityFigureService;
import nl.veiligheidskaart.service.security.Role;
import nl.veiligheidskaart.service.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures of one municipality for the viewer's panel. Aggregates: every role, with small counts
 * suppressed for all but ANALYST; a MUNICIPALITY account for its own municipality and neighbours.
 */
@RestController
class MunicipalityFiguresController {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final MunicipalityFigureService figures;
  private final GeographyService geography;
  private final MunicipalityScope scope;
  private final IncidentCategories categories;

  MunicipalityFiguresController(MunicipalityFigureService figures, GeographyService geography,
      MunicipalityScope scope, IncidentCategories categories) {
    this.figures = figures;
    this.geography = geography;
    this.scope = scope;
    this.categories = categories;
  }

  /** Without {@code from} and {@code to}: the year up to and including today. */
  @GetMapping("/api/v1/municipalities/{code}/figures")
  MunicipalityFigures figures(@PathVariable String code, @RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      Authentication user) {
    Feature municipality = geography.municipality(code, Crs.WGS84);
    Role role = SignedInUser.role(user).orElseThrow();
    scope.visibleCodes(role, SignedInUser.municipality(user).orElse(null))
        .filter(visible -> !visible.contains(municipality.id()))
        .ifPresent(visible -> {
          throw new AccessDeniedException("Your account sees figures of its own municipality and its neighbours, not "
              + municipality.id() + ".");
        });
    Instant givenEnd = IncidentController.instant("to", to);
    Instant givenStart = IncidentController.instant("from", from);
    Instant end = givenEnd != null ? givenEnd : LocalDate.now(AMSTERDAM).plusDays(1).atStartOfDay(AMSTERDAM).toInstant();
    Instant start = givenStart != null ? givenStart : end.atZone(AMSTERDAM).minusYears(1).toInstant();
    if (!start.isBefore(end)) {
      throw new InvalidParameterException("from", "from must lie before to");
    }
    return figures.figures(municipality.id(), (String) municipality.properties().get("name"),
        categories.parse(category, "category"), start, end, role != Role.ANALYST);
  }
}
