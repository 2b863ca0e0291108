package nl.veiligheidskaart.service.monitor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.veiligheidskaart.geodata.reference.District;
import nl.veiligheidskaart.geodata.reference.Municipality;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Resolves the {@code area} of the monitor and the profiles, and checks that the reader may see it whole. */
@Component
public class ReportingAreas {

  /** The whole police unit Oost-Nederland. */
  public static final String UNIT = "unit";

  private final ReferenceGeography reference;

  ReportingAreas(ReferenceGeography reference) {
    this.reference = reference;
  }

  /**
   * @param area {@code unit}, a district code or name, or a municipality code; null or blank: the unit
   * @param parameter the request parameter that named it, for the error
   * @throws InvalidParameterException naming the parameter for an area that is none
   */
  public ReportingArea resolve(String area, String parameter) {
    String value = area == null || area.isBlank() ? UNIT : area.strip();
    if (value.equalsIgnoreCase(UNIT)) {
      return new ReportingArea(ReportingArea.Kind.UNIT, UNIT, "Eenheid Oost-Nederland", codes(reference
          .municipalities()), null);
    }
    Optional<District> district = reference.district(value);
    if (district.isPresent()) {
      return of(district.get());
    }
    Optional<Municipality> municipality = value.toUpperCase(Locale.ROOT).startsWith("GM")
        ? reference.municipality(value) : Optional.empty();
    if (municipality.isPresent()) {
      return of(municipality.get());
    }
    throw new InvalidParameterException(parameter, "'" + value + "' is no area: use unit, a district code or name "
        + "(VR04, IJsselland) or a municipality code (GM0150)");
  }

  public ReportingArea of(District district) {
    return new ReportingArea(ReportingArea.Kind.DISTRICT, district.code(), district.name(),
        codes(reference.municipalitiesIn(district.code())), null);
  }

  public ReportingArea of(Municipality municipality) {
    return new ReportingArea(ReportingArea.Kind.MUNICIPALITY, municipality.code(), municipality.name(),
        List.of(municipality.code()), municipality.districtCode());
  }

  /** The parts an area's figures add up from: a unit's districts, a district's municipalities; none for a municipality. */
  public List<ReportingArea> parts(ReportingArea area) {
    return switch (area.kind()) {
      case UNIT -> reference.districts().stream().map(this::of).toList();
      case DISTRICT -> reference.municipalitiesIn(area.code()).stream().map(this::of).toList();
      case MUNICIPALITY -> List.of();
    };
  }

  /** The district a municipality lies in, as an area; empty for a district or the unit. */
  public Optional<ReportingArea> district(ReportingArea area) {
    return area.district() == null ? Optional.empty() : reference.district(area.district()).map(this::of);
  }

  /**
   * @throws AccessDeniedException when the area holds a municipality the reader may not see
   *     (a municipality's account sees itself and its neighbours, not their district)
   */
  public void requireVisible(ReportingArea area, DisclosurePolicy policy) {
    if (!area.municipalities().stream().allMatch(policy::maySee)) {
      throw new AccessDeniedException("Your account sees its own municipality and its neighbours, not "
          + (area.kind() == ReportingArea.Kind.MUNICIPALITY ? area.code() : area.name()) + ".");
    }
  }

  private static List<String> codes(List<Municipality> municipalities) {
    return municipalities.stream().map(Municipality::code).sorted().toList();
  }
}
