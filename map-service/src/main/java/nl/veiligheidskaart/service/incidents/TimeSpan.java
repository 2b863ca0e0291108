package nl.veiligheidskaart.service.incidents;

import java.time.Instant;

/** When the first and the last stored incident happened (both inclusive). */
public record TimeSpan(Instant first, Instant last) {
}
