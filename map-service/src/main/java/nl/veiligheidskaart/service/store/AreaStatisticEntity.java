package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A count per municipality, period and category (e.g. a CBS/police table of registered crime).
 * The period is kept as its label ({@code 2019}, {@code 2019-03}) and as the half-open date range
 * [periodStart, periodEnd) it covers, so analyses can compare periods of any length.
 */
@Entity
@Table(name = "area_statistic")
public class AreaStatisticEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code", nullable = false, length = 6)
  private String municipalityCode;

  @Column(nullable = false, length = 32)
  private String period;

  @Column(name = "period_start", nullable = false)
  private LocalDate periodStart;

  @Column(name = "period_end", nullable = false)
  private LocalDate periodEnd;

  @Column(nullable = false)
  private String category;

  @Column(name = "incident_count", nullable = false)
  private long count;

  protected AreaStatisticEntity() {
  }

  public AreaStatisticEntity(String municipalityCode, String period, LocalDate periodStart, LocalDate periodEnd,
      String category, long count) {
    this.municipalityCode = municipalityCode;
    this.period = period;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.category = category;
    this.count = count;
  }

  public Long getId() {
    return id;
  }

  public String getMunicipalityCode() {
    return municipalityCode;
  }

  public String getPeriod() {
    return period;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public String getCategory() {
    return category;
  }

  public long getCount() {
    return count;
  }

  public void setCount(long count) {
    this.count = count;
  }
}
