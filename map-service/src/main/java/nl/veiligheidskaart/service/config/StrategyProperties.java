package nl.veiligheidskaart.service.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The safety strategy as data ({@code veiligheidskaart.strategy}): per theme the incident category
 * it is about, optionally the registered-crime offence that measures it, its baseline year, its
 * target as a change in percent by a target year, and the mayor who holds the theme's portfolio in
 * the board (BBG). The strategy monitor, the profiles and the BBG's unit-wide pack read it.
 *
 * @param title the strategy's name, printed on the packs
 */
@ConfigurationProperties("veiligheidskaart.strategy")
public record StrategyProperties(@DefaultValue("Veiligheidsstrategie Oost-Nederland") String title,
    List<Theme> themes) {

  public StrategyProperties {
    themes = themes == null ? List.of() : List.copyOf(themes);
  }

  /**
   * @param category the incident category code of the theme
   * @param statistic the registered-crime offence code (e.g. {@code 1.1.1}) that measures it; null when none does
   * @param baselineYear the year the target is measured from; null: the year before the year asked for
   * @param targetChangePercent the change the strategy aims at by {@code targetYear} (e.g. -40); null without a target
   * @param portfolioHolder who holds the theme in the board; null or blank when not recorded
   */
  public record Theme(String category, String statistic, Integer baselineYear, Double targetChangePercent,
      Integer targetYear, String portfolioHolder) {

    public Theme {
      if (category == null || category.isBlank()) {
        throw new IllegalArgumentException("veiligheidskaart.strategy.themes[].category is required");
      }
      category = category.strip().toLowerCase(Locale.ROOT);
      if ((targetChangePercent == null) != (targetYear == null)) {
        throw new IllegalArgumentException("veiligheidskaart.strategy theme " + category
            + ": target-change-percent and target-year go together");
      }
      if (targetYear != null && (baselineYear == null || targetYear <= baselineYear)) {
        throw new IllegalArgumentException("veiligheidskaart.strategy theme " + category
            + ": a target needs a baseline-year before its target-year");
      }
    }

    public Optional<String> holder() {
      return portfolioHolder == null || portfolioHolder.isBlank() ? Optional.empty()
          : Optional.of(portfolioHolder.strip());
    }
  }

  /** The theme of an incident category, if the strategy names it. */
  public Optional<Theme> theme(String category) {
    return themes.stream().filter(theme -> theme.category().equalsIgnoreCase(category)).findFirst();
  }
}
