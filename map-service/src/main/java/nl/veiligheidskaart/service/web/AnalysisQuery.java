package nl.veiligheidskaart.service.web;

import java.util.List;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.hotspots.IncidentSelection;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters of every analysis: which incidents ({@code category}, repeated or absent for
 * all; the period {@code from}, {@code to}; the {@code area}: all, a district or a municipality)
 * and the analysis's own settings where it has them (grid scale, multiple testing, permutations).
 * Spring binds it from the query string; it is checked here and in {@code hotspots.AnalysisCost}.
 *
 * @param fdr whether significance is corrected for multiple testing (false discovery rate); default true
 * @param permutations null for the analysis's own default (0 for Gi*, 999 for clusters)
 * @param seed the seed of the permutations; null for the fixed default, so that a result repeats
 */
@ParameterObject
record AnalysisQuery(List<String> category, String from, String to, String area, Double cellSize,
    Double distanceBand, Boolean fdr, Integer permutations, Long seed) {

  /** A fixed default seed, so that a permutation result can be repeated without giving one. */
  static final long DEFAULT_SEED = 20191;

  /** The incidents the analysis runs on; {@code to} must lie after {@code from}. */
  IncidentSelection selection(IncidentCategories categories) {
    return selection(categories.parse(category, "category"));
  }

  /** Only the period and the area: on the registered-crime table {@code category} names a statistic. */
  IncidentSelection periodAndArea() {
    return selection(List.of());
  }

  private IncidentSelection selection(List<String> incidentCategories) {
    IncidentSelection selection = new IncidentSelection(incidentCategories, DateParameter.instant("from", from),
        DateParameter.instant("to", to), area);
    if (selection.from() != null && selection.to() != null && !selection.to().isAfter(selection.from())) {
      throw new InvalidParameterException("to", "to (" + to + ") must lie after from (" + from + ")");
    }
    return selection;
  }

  boolean correctsForMultipleTesting() {
    return fdr == null || fdr;
  }

  /** The permutations asked for, or the analysis's default. */
  int permutationsOr(int byDefault) {
    return permutations == null ? byDefault : permutations;
  }

  /** The permutations of a cluster analysis, which is tested by permutation only: at least 1, by default 999. */
  int clusterPermutations() {
    int asked = permutationsOr(999);
    if (asked < 1) {
      throw new InvalidParameterException("permutations", "clusters and outliers are tested by permutation: "
          + "permutations must be at least 1 (default 999)");
    }
    return asked;
  }

  long seedOrDefault() {
    return seed == null ? DEFAULT_SEED : seed;
  }

  /** Area statistics name their category by title or code prefix, e.g. 1.1.1. */
  String statisticCategory() {
    return category == null || category.isEmpty() ? null : category.get(0).strip();
  }
}
