package nl.veiligheidskaart.service.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.Zones;
import nl.veiligheidskaart.service.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.access.AccessDeniedException;

/** The policy's rules as data: a count in, what each reader sees out. */
class DisclosurePolicyTest {

  static final Instant DECEMBER = LocalDate.of(2026, 12, 1).atStartOfDay(Zones.NETHERLANDS).toInstant();
  static final DisclosurePolicy ANALYST = new DisclosurePolicy(Role.ANALYST, null, null, 10, 1.0, DECEMBER);
  static final DisclosurePolicy BOARD = new DisclosurePolicy(Role.BBG, null, null, 10, 1.0, DECEMBER);
  static final DisclosurePolicy APELDOORN = new DisclosurePolicy(Role.MUNICIPALITY, "GM0200",
      Set.of("GM0200", "GM0285"), 10, 1.0, DECEMBER);

  @ParameterizedTest(name = "{0} → analyst {1}, board {2}")
  @CsvSource(nullValues = "suppressed", value = {
      "0, 0, suppressed", "1, 1, suppressed", "9, 9, suppressed", "10, 10, 10", "12, 12, 10", "13, 13, 15",
      "17, 17, 15", "18, 18, 20", "1234, 1234, 1235", "1237, 1237, 1235", "1238, 1238, 1240"})
  void countsAreExactForAnalystsAndSuppressedOrRoundedForTheOthers(long count, Long analyst, Long board) {
    assertThat(ANALYST.shown(count)).isEqualTo(analyst);
    assertThat(BOARD.shown(count)).isEqualTo(board);
    assertThat(BOARD.count(count).suppressed()).isEqualTo(board == null);
  }

  @Test
  void periodsOfOthersAreWholeCalendarMonthsInDutchTime() {
    Instant march = LocalDate.of(2026, 3, 1).atStartOfDay(Zones.NETHERLANDS).toInstant();
    BOARD.requirePeriodBoundary("from", march);
    BOARD.requirePeriodBoundary("from", null);
    assertThatThrownBy(() -> BOARD.requirePeriodBoundary("from", OffsetDateTime.parse("2026-03-01T22:54:00+01:00")
        .toInstant())).isInstanceOf(InvalidParameterException.class).hasMessageContaining("whole calendar months");
    // midnight UTC is 01:00 in Amsterdam: not the start of the month there
    assertThatThrownBy(() -> BOARD.requirePeriodBoundary("to", Instant.parse("2026-03-01T00:00:00Z")))
        .isInstanceOf(InvalidParameterException.class);
    ANALYST.requirePeriodBoundary("from", Instant.parse("2026-03-01T21:54:00Z"));
  }

  @Test
  void periodsOfOthersEndAtTheStartOfTheCurrentMonth() {
    assertThat(BOARD.periodEnd(null)).isEqualTo(DECEMBER);
    assertThat(BOARD.periodEnd(DECEMBER.plusSeconds(86_400 * 31))).isEqualTo(DECEMBER);
    Instant june = LocalDate.of(2026, 6, 1).atStartOfDay(Zones.NETHERLANDS).toInstant();
    assertThat(BOARD.periodEnd(june)).isEqualTo(june);
    assertThat(ANALYST.periodEnd(null)).isNull();
  }

  @Test
  void aMunicipalitySeesItsScopeAndDrawsInsideItOnly() {
    APELDOORN.requireMunicipality("GM0285");
    assertThatThrownBy(() -> APELDOORN.requireMunicipality("GM0153")).isInstanceOf(AccessDeniedException.class);
    APELDOORN.requireDrawnArea("target", 1.2e6, Set.of("GM0200", "GM0285"));
    assertThatThrownBy(() -> APELDOORN.requireDrawnArea("target", 1.2e6, Set.of("GM0200", "GM0153")))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("GM0153");
    assertThatThrownBy(() -> APELDOORN.requireDrawnArea("target", 400, Set.of("GM0200")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("km²");
    ANALYST.requireDrawnArea("target", 400, Set.of("GM0153"));
    assertThatThrownBy(() -> BOARD.requireRawData("The layer 'heatmap'")).isInstanceOf(AccessDeniedException.class);
  }
}
