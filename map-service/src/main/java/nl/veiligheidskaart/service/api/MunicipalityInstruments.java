package nl.veiligheidskaart.service.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The administrative instruments of one municipality: every instrument, in force or not. */
public record MunicipalityInstruments(String municipality, String name, List<InstrumentState> instruments) {

  /**
   * @param inForce whether the municipality has it; the other fields are null when not
   */
  public record InstrumentState(String instrument, String label, boolean inForce, String variant, LocalDate since,
      String note, String updatedBy, OffsetDateTime updatedAt) {
  }
}
