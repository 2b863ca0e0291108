package nl.veiligheidskaart.service.maptiles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the municipality choropleth shows. */
public enum ChoroplethMeasure {
  /** Incidents in the period. */
  COUNT("Aantal incidenten", ""),
  /** Incidents per 1,000 inhabitants (1 January of the year nearest to the period). */
  RATE("Incidenten per 1.000 inwoners", ""),
  /** Incidents per km² of the municipality. */
  DENSITY("Incidenten per km²", ""),
  /** Percentage change against the previous period of the same length. */
  CHANGE("Verandering t.o.v. de vorige periode", "%");

  private final String title;
  private final String unit;

  ChoroplethMeasure(String title, String unit) {
    this.title = title;
    this.unit = unit;
  }

  public String title() {
    return title;
  }

  /** The unit, where the title does not already say it. */
  public String unit() {
    return unit;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ChoroplethMeasure> fromWireName(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName().equals(name)).findFirst();
  }
}
