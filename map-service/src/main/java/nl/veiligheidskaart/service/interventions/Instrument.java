package nl.veiligheidskaart.service.interventions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The administrative instruments the strategy asks every municipality to have in force alike, so
 * that crime does not move to the neighbour that lacks one.
 */
public enum Instrument {
  /** Closing premises used for drugs (Opiumwet 13b); its variant says which premises the policy covers. */
  DAMOCLES("damocles", "Damoclesbeleid"),
  /** The basic level of administrative action against OMG clubhouses. */
  OMG_BASIC_LEVEL("omg-basic-level", "Basisniveau bestuurlijke aanpak OMG"),
  /** The approach of misuse of holiday parks (checks of residence and permits). */
  HOLIDAY_PARK_APPROACH("holiday-park-approach", "Aanpak vakantieparken"),
  /** The covenant on hemp cultivation with housing corporations and grid operators. */
  HEMP_COVENANT("hemp-covenant", "Hennepconvenant");

  private final String code;
  private final String label;

  Instrument(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** The Dutch name the viewer, legends and answers show. */
  public String label() {
    return label;
  }

  public static Optional<Instrument> of(String code) {
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(instrument -> instrument.code.equals(wanted)).findFirst();
  }

  static String known() {
    return String.join(", ", Arrays.stream(values()).map(Instrument::code).toList());
  }
}
