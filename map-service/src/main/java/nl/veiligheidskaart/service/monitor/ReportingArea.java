package nl.veiligheidskaart.service.monitor;

import java.util.List;

/**
 * An area whose figures the strategy reports on: the whole police unit, one of its districts, or
 * one municipality; a district's figures add up from its municipalities, the unit's from its districts.
 *
 * @param code {@code unit}, a district code (VR04) or a municipality code (GM0150)
 * @param municipalities the codes of the municipalities it is made of, sorted
 * @param district the district it lies in (a municipality's), or null
 */
public record ReportingArea(Kind kind, String code, String name, List<String> municipalities, String district) {

  public enum Kind {
    UNIT, DISTRICT, MUNICIPALITY
  }

  public ReportingArea {
    municipalities = List.copyOf(municipalities);
  }
}
