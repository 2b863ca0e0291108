package nl.veiligheidskaart.service.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A registered intervention as the API answers it, with the waterbed check that follows it.
 *
 * @param target {@code municipality} when the whole municipality is the target, {@code area} when it was drawn
 * @param municipality the target municipality, or the one the drawn area lies in
 * @param geometry the drawn area in CRS84, null for a municipality
 * @param waterbed one check per window and category, computed on the data as it is now
 */
public record Intervention(long id, String type, String typeLabel, String target, String municipality,
    String municipalityName, Geometry geometry, LocalDate date, List<String> categories, String description,
    String registeredBy, OffsetDateTime registeredAt, List<WaterbedCheck> waterbed) {
}
