package nl.veiligheidskaart.service.api;

import java.util.List;
import java.util.Map;

/**
 * The hemp figures of a year for the district meetings: per municipality, district and the area
 * asked for, the sites found and dismantled, those dismantled by site type, their plants, fire
 * hazards, and the interventions the register records. Counts are as the reader may see them;
 * rows of areas the reader may not see whole are left out.
 *
 * @param municipalities the rows of the municipalities, by district and name
 * @param districts the rows of the districts, when the area holds whole districts the reader may see
 * @param total the row of the area asked for, when the reader may see it whole
 */
public record HempYearFigures(int year, String area, String areaName, List<Row> municipalities,
    List<Row> districts, Row total) {

  /**
   * @param dismantledByType dismantled sites per site type (woning, bedrijfspand, buitenteelt, overig)
   * @param interventions the register's interventions with the sites dismantled in the year (e.g. Damocles-sluiting)
   */
  public record Row(String code, String name, String district, Long found, Long dismantled,
      Map<String, Long> dismantledByType, Long plants, Long fireHazard, Map<String, Long> interventions) {
  }
}
