package nl.veiligheidskaart.geodata.reference;

import java.util.Objects;

/**
 * A police district of unit Oost-Nederland. Each district coincides with the safety region
 * (veiligheidsregio) of the same name, so it carries that region's code.
 *
 * @param code safety-region code, e.g. {@code VR07}
 * @param name e.g. {@code Gelderland-Midden}
 * @param province the province the district lies in
 */
public record District(String code, String name, String province) {

  public District {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(province, "province");
  }
}
