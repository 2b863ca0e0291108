package nl.veiligheidskaart.service.api;

import java.time.LocalDate;

/**
 * Two neighbouring municipalities of which one has an instrument in force that the other lacks:
 * where the strategy expects crime to move.
 *
 * @param with the municipality that has it, since {@code since} (null when not recorded)
 * @param without its neighbour without it
 */
public record InstrumentGap(String instrument, String label, Side with, Side without, LocalDate since) {

  public record Side(String code, String name) {
  }
}
