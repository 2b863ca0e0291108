package nl.veiligheidskaart.service.hotspots;

import java.time.Instant;
import java.util.List;

/**
 * Which incidents an analysis runs on.
 *
 * @param from inclusive, or null
 * @param to exclusive, or null
 * @param area {@code all}, a district code or name, or a municipality code
 */
public record IncidentSelection(List<String> categories, Instant from, Instant to, String area) {
}
