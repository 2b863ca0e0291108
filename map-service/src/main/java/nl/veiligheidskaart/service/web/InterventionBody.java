package nl.veiligheidskaart.service.web;

import java.time.LocalDate;
import java.util.List;
import nl.veiligheidskaart.service.geography.DrawnArea;
import nl.veiligheidskaart.service.interventions.InterventionService.Registration;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * The body of a registration or an edit of an intervention: {@code type}, the target as
 * {@code municipality} (a code) or {@code geometry} (a drawn GeoJSON polygon, CRS84), {@code date}
 * (YYYY-MM-DD), {@code categories} and an optional {@code description}.
 */
record InterventionBody(String type, String municipality, JsonNode geometry, String date, List<String> categories,
    String description) {

  /** The registration it asks for; the date and the drawn area read here, the rest checked by the service. */
  Registration registration() {
    LocalDate day = DateParameter.date("date", date);
    Geometry area = geometry == null || geometry.isNull() ? null : DrawnArea.read(geometry, "geometry");
    return new Registration(type, municipality, area, day, categories, description);
  }
}
