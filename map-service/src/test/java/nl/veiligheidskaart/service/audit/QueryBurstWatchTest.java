package nl.veiligheidskaart.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.identity.Role;
import org.junit.jupiter.api.Test;

/** The differencing alert: more than 3 different near-identical queries within 10 minutes, in this test. */
class QueryBurstWatchTest {

  static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  static final String FIGURES = "/api/v1/municipalities/GM0301/figures";

  final QueryBurstWatch watch = new QueryBurstWatch(new VeiligheidskaartProperties(null, null, 2019, null, List.of(),
      null, false, null, null, new VeiligheidskaartProperties.Audit(730, 3, Duration.ofMinutes(10)), null, null, null));

  @Test
  void theQueryOverTheThresholdRaisesOneAlertNamingWhatVaried() {
    List<Optional<String>> alerts = new ArrayList<>();
    for (int minute = 0; minute < 8; minute++) {
      alerts.add(figures("gm-zutphen", "from=2026-01-01T22:5" + minute, START.plusSeconds(minute)));
    }

    assertThat(alerts.subList(0, 3)).allMatch(Optional::isEmpty);
    assertThat(alerts.get(3)).hasValue("More than 3 near-identical queries within 10 minutes to GET " + FIGURES
        + ", differing only in from (a possible differencing attempt)");
    assertThat(alerts.subList(4, 8)).as("once per burst").allMatch(Optional::isEmpty);
  }

  @Test
  void theSameQueryAgainAndOtherParametersDoNotMakeABurst() {
    for (int i = 0; i < 10; i++) {
      assertThat(figures("gm-zutphen", "from=2026-01-01", START.plusSeconds(i))).isEmpty();
      assertThat(figures("gm-zutphen", "from=2026-01-01&crs=EPSG:" + i, START.plusSeconds(i))).as("not a varying one")
          .isEmpty();
      assertThat(figures("bbg-lid-" + i, "from=2026-0" + (i % 9 + 1) + "-01", START.plusSeconds(i))).as("many accounts")
          .isEmpty();
    }
  }

  @Test
  void queriesSpreadOverMoreThanTheWindowRaiseNothingAndABurstEndsToRearm() {
    for (int i = 0; i < 10; i++) {
      assertThat(figures("gm-zutphen", "category=c" + i, START.plus(Duration.ofMinutes(4L * i)))).isEmpty();
    }
    Instant later = START.plus(Duration.ofHours(2));
    assertThat(burst("gm-zutphen", "to=2026-02-0", later)).isPresent();
    assertThat(burst("gm-zutphen", "to=2026-03-0", later.plus(Duration.ofMinutes(5)))).as("one per account per window")
        .isEmpty();
    assertThat(burst("gm-zutphen", "to=2026-04-0", later.plus(Duration.ofMinutes(30)))).as("a new burst").isPresent();
  }

  @Test
  void onlyRolesWithSuppressedFiguresAreWatched() {
    assertThat(QueryBurstWatch.watches(Role.MUNICIPALITY)).isTrue();
    assertThat(QueryBurstWatch.watches(Role.BBG)).isTrue();
    assertThat(QueryBurstWatch.watches(Role.ANALYST)).isFalse();
    assertThat(QueryBurstWatch.watches(Role.ADMIN)).isFalse();
  }

  /** Four different queries a second apart; the alert of the last, if any. */
  private Optional<String> burst(String user, String queryPrefix, Instant at) {
    Optional<String> alert = Optional.empty();
    for (int i = 1; i <= 4; i++) {
      alert = figures(user, queryPrefix + i, at.plusSeconds(i));
    }
    return alert;
  }

  private Optional<String> figures(String user, String query, Instant at) {
    Map<String, String[]> parameters = AccessScope.query(query);
    return watch.observe(user, "GET", FIGURES, parameters, null, null, at);
  }
}
