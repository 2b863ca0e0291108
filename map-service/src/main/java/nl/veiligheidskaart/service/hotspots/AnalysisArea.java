package nl.veiligheidskaart.service.hotspots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veiligheidskaart.geodata.reference.District;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.geography.BoundaryIndexes;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/** Resolves the {@code area} of an analysis: all 76 municipalities, a district, or one municipality. */
@Component
public class AnalysisArea {

  /**
   * @param codes the municipalities, sorted by code
   * @param boundaries their newest boundaries in RD New, in the same order
   */
  public record Area(String label, List<String> codes, Map<String, Geometry> boundaries) {
  }

  private final ReferenceGeography reference;
  private final BoundaryIndexes indexes;

  AnalysisArea(ReferenceGeography reference, BoundaryIndexes indexes) {
    this.reference = reference;
    this.indexes = indexes;
  }

  /**
   * @throws IllegalArgumentException naming what is accepted, for an unknown area, or saying that
   *     no boundaries are loaded (nothing can be analysed then)
   */
  public Area resolve(String area) {
    String value = area == null || area.isBlank() ? "all" : area.strip();
    List<String> codes;
    String label;
    Optional<District> district = reference.district(value);
    Optional<Municipality> municipality = value.toUpperCase(Locale.ROOT).startsWith("GM")
        ? reference.municipality(value) : Optional.empty();
    if (value.equalsIgnoreCase("all")) {
      codes = reference.municipalities().stream().map(Municipality::code).toList();
      label = "all " + codes.size() + " municipalities of Oost-Nederland";
    } else if (district.isPresent()) {
      codes = reference.municipalitiesIn(district.get().code()).stream().map(Municipality::code).toList();
      label = "district " + district.get().name();
    } else if (municipality.isPresent()) {
      codes = List.of(municipality.get().code());
      label = municipality.get().name();
    } else {
      throw new IllegalArgumentException("'" + value + "' is not an area: use all, a district code or name (VR07, "
          + "Gelderland-Midden) or a municipality code (GM0200)");
    }
    int vintage = indexes.newestVintage().orElseThrow(() -> new IllegalArgumentException(
        "no municipal boundaries are loaded, and analyses need them: load a boundary file first"));
    Map<String, Geometry> all = indexes.boundaries(vintage);
    Map<String, Geometry> boundaries = new LinkedHashMap<>();
    codes.stream().sorted().forEach(code -> boundaries.put(code, all.get(code)));
    return new Area(label, List.copyOf(boundaries.keySet()), boundaries);
  }
}
