package nl.veiligheidskaart.service.layers;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.veiligheidskaart.service.store.PopulationEntity;

/**
 * The stored inhabitants per municipality and year. A year without a figure is answered with the
 * nearest year that has one (a tie goes to the earlier year), and every answer says which year it
 * used, so a rate never hides that its denominator is from another year.
 */
public final class PopulationTable {

  /** Inhabitants of one municipality on 1 January of {@code year}. */
  public record Inhabitants(int year, long inhabitants) {
  }

  private final Map<String, NavigableMap<Integer, Long>> byMunicipality = new HashMap<>();
  private final NavigableSet<Integer> years = new TreeSet<>();

  PopulationTable(Collection<PopulationEntity> figures) {
    for (PopulationEntity figure : figures) {
      byMunicipality.computeIfAbsent(figure.getMunicipalityCode(), code -> new TreeMap<>())
          .put(figure.getYear(), figure.getInhabitants());
      years.add(figure.getYear());
    }
  }

  /** The inhabitants of a municipality in the year nearest to {@code year} that has a figure for it. */
  public Optional<Inhabitants> inhabitants(String municipality, int year) {
    NavigableMap<Integer, Long> figures = byMunicipality.get(municipality);
    if (figures == null) {
      return Optional.empty();
    }
    int used = nearestYear(figures.navigableKeySet(), year).orElseThrow();
    return Optional.of(new Inhabitants(used, figures.get(used)));
  }

  /** The year nearest to {@code year} with a figure for any municipality: one denominator year for a table. */
  public Optional<Integer> nearestYear(int year) {
    return nearestYear(years, year);
  }

  /** The inhabitants in exactly that year, if the municipality has a figure for it. */
  public Optional<Long> inhabitantsIn(String municipality, int year) {
    NavigableMap<Integer, Long> figures = byMunicipality.get(municipality);
    return figures == null ? Optional.empty() : Optional.ofNullable(figures.get(year));
  }

  /** The nearest of {@code years} to {@code year}; of two equally near, the earlier. */
  static Optional<Integer> nearestYear(NavigableSet<Integer> years, int year) {
    Integer before = years.floor(year);
    Integer after = years.ceiling(year);
    if (before == null || after == null) {
      return Optional.ofNullable(before == null ? after : before);
    }
    return Optional.of(after - year < year - before ? after : before);
  }
}
