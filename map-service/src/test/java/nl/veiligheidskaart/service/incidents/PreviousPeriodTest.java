package nl.veiligheidskaart.service.incidents;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The period a change is measured against: previous period in, start of it out. */
class PreviousPeriodTest {


  private static Instant day(String date) {
    return LocalDate.parse(date).atStartOfDay(NETHERLANDS).toInstant();
  }

  @Test
  void wholeMonthsGoBackAsManyMonths() {
    assertThat(IncidentQuery.previousPeriodStart(day("2025-07-01"), day("2026-01-01")))
        .isEqualTo(day("2025-01-01"));
    assertThat(IncidentQuery.previousPeriodStart(day("2025-04-01"), day("2025-07-01")))
        .isEqualTo(day("2025-01-01"));
  }

  @Test
  void otherPeriodsGoBackAsManyDaysAcrossSummerTime() {
    // 28 days across the switch to summer time on 30 March 2025
    assertThat(IncidentQuery.previousPeriodStart(day("2025-03-24"), day("2025-04-21")))
        .isEqualTo(day("2025-02-24"));
    assertThat(IncidentQuery.previousPeriodStart(day("2025-01-15"), day("2025-01-22")))
        .isEqualTo(day("2025-01-08"));
  }
}
