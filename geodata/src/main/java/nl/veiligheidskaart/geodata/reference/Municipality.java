package nl.veiligheidskaart.geodata.reference;

import java.util.Objects;

/**
 * A municipality (gemeente) as CBS registers it.
 *
 * @param code CBS code in its canonical form, e.g. {@code GM0200}
 * @param name CBS name, e.g. {@code Apeldoorn}
 * @param province province name, e.g. {@code Gelderland}
 * @param districtCode code of the police district / safety region it belongs to, e.g. {@code VR06}
 */
public record Municipality(String code, String name, String province, String districtCode) {

  public Municipality {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(province, "province");
    Objects.requireNonNull(districtCode, "districtCode");
  }
}
