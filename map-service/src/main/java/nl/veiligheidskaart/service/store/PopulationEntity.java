package nl.veiligheidskaart.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The inhabitants of a municipality on 1 January of a year, and the table they were taken from. */
@Entity
@Table(name = "population")
public class PopulationEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code", nullable = false, length = 6)
  private String municipalityCode;

  @Column(name = "population_year", nullable = false)
  private int year;

  @Column(nullable = false)
  private long inhabitants;

  @Column(nullable = false)
  private String source;

  protected PopulationEntity() {
  }

  public PopulationEntity(String municipalityCode, int year, long inhabitants, String source) {
    this.municipalityCode = municipalityCode;
    this.year = year;
    this.inhabitants = inhabitants;
    this.source = source;
  }

  public String getMunicipalityCode() {
    return municipalityCode;
  }

  public int getYear() {
    return year;
  }

  public long getInhabitants() {
    return inhabitants;
  }

  public String getSource() {
    return source;
  }

  /** A revised figure replaces the stored one. */
  public void revise(long inhabitants, String source) {
    this.inhabitants = inhabitants;
    this.source = source;
  }
}
