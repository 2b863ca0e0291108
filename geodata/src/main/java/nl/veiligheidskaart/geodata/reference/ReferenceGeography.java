package nl.veiligheidskaart.geodata.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The fact table of an area: its municipalities and the districts they are grouped into.
 *
 * <p>Immutable and thread-safe. {@link #oostNederland()} is the table that ships with the
 * project (76 municipalities of Gelderland and Overijssel as of 1 January 2019, 5 districts).
 */
public final class ReferenceGeography {

  private static final String MUNICIPALITIES_RESOURCE = "municipalities-oost-nederland.csv";
  private static final String DISTRICTS_RESOURCE = "districts-oost-nederland.csv";

  /** Optional {@code GM} prefix, then one to four digits (CBS codes are zero-padded to four). */
  private static final Pattern MUNICIPALITY_CODE = Pattern.compile("(?i)(?:GM)?(\\d{1,4})");

  private final List<Municipality> municipalities;
  private final List<District> districts;
  private final Map<String, Municipality> municipalitiesByCode;

  private ReferenceGeography(List<Municipality> municipalities, List<District> districts) {
    this.municipalities = municipalities.stream()
        .sorted(Comparator.comparing(Municipality::code))
        .toList();
    this.districts = districts.stream().sorted(Comparator.comparing(District::code)).toList();
    this.municipalitiesByCode = uniqueIndex(this.municipalities, Municipality::code, "municipality");
    Map<String, District> districtsByCode = uniqueIndex(this.districts, District::code, "district");
    for (Municipality municipality : this.municipalities) {
      if (!municipality.code().equals(normaliseMunicipalityCode(municipality.code()))) {
        throw new IllegalArgumentException("Municipality code " + municipality.code()
            + " is not in canonical form; write it as " + normaliseMunicipalityCode(municipality.code()));
      }
      if (!districtsByCode.containsKey(municipality.districtCode())) {
        throw new IllegalArgumentException("Municipality " + municipality.code() + " ("
            + municipality.name() + ") refers to unknown district " + municipality.districtCode()
            + "; known districts: " + districtsByCode.keySet());
      }
    }
  }

  /**
   * A reference geography from the given facts.
   *
   * @throws IllegalArgumentException if a code occurs twice, a municipality code is not canonical
   *     ({@code GM} and four digits) or a municipality refers to a district that is not given
   */
  public static ReferenceGeography of(Collection<Municipality> municipalities,
      Collection<District> districts) {
    return new ReferenceGeography(List.copyOf(municipalities), List.copyOf(districts));
  }

  /** The 76 municipalities and 5 districts of police unit Oost-Nederland (layout of 2019). */
  public static ReferenceGeography oostNederland() {
    return OostNederland.INSTANCE;
  }

  /** Loaded once, on first use (holder idiom: lazy and thread-safe without locking). */
  private static final class OostNederland {
    static final ReferenceGeography INSTANCE = new ReferenceGeography(
        readResource(MUNICIPALITIES_RESOURCE, row -> new Municipality(
            row.get("code"), row.get("name"), row.get("province"), row.get("district_code"))),
        readResource(DISTRICTS_RESOURCE,
            row -> new District(row.get("code"), row.get("name"), row.get("province"))));
  }

  /** All municipalities, sorted by code. */
  public List<Municipality> municipalities() {
    return municipalities;
  }

  /** All districts, sorted by code. */
  public List<District> districts() {
    return districts;
  }

  /**
   * The municipality with this code, in any form {@link #normaliseMunicipalityCode} accepts
   * ({@code GM0200}, {@code gm0200}, {@code 200}); empty if unknown or not a code at all.
   */
  public Optional<Municipality> municipality(String code) {
    if (code == null || !MUNICIPALITY_CODE.matcher(code.strip()).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(municipalitiesByCode.get(normaliseMunicipalityCode(code)));
  }

  /** The district with this code ({@code VR07}) or name ({@code Gelderland-Midden}), ignoring case. */
  public Optional<District> district(String codeOrName) {
    if (codeOrName == null) {
      return Optional.empty();
    }
    String wanted = codeOrName.strip();
    return districts.stream()
        .filter(d -> d.code().equalsIgnoreCase(wanted) || d.name().equalsIgnoreCase(wanted))
        .findFirst();
  }

  /**
   * The municipalities of a district, sorted by code. Accepts the district's code or name like
   * {@link #district}; an unknown district has no municipalities.
   */
  public List<Municipality> municipalitiesIn(String districtCode) {
    return district(districtCode)
        .map(d -> municipalities.stream().filter(m -> m.districtCode().equals(d.code())).toList())
        .orElse(List.of());
  }

  /**
   * The canonical CBS form {@code GM} + four digits of a municipality code: {@code 141},
   * {@code 0141}, {@code gm0141} and {@code GM0141} all give {@code GM0141}. Surrounding white
   * space is ignored.
   *
   * <p>Garbage is refused rather than mapped to null, so that a bad code in an import fails where
   * it is read and not later as a missing municipality.
   *
   * @throws IllegalArgumentException if {@code raw} is null or not a municipality code
   */
  public static String normaliseMunicipalityCode(String raw) {
    Matcher matcher = MUNICIPALITY_CODE.matcher(raw == null ? "" : raw.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Not a municipality code: '" + raw
          + "'. Expected a CBS code such as GM0141 (also accepted: gm0141, 0141, 141).");
    }
    return "GM" + "0".repeat(4 - matcher.group(1).length()) + matcher.group(1);
  }

  private static <T> Map<String, T> uniqueIndex(List<T> values, Function<T, String> code,
      String kind) {
    Map<String, T> index = new HashMap<>();
    for (T value : values) {
      if (index.put(code.apply(value), value) != null) {
        throw new IllegalArgumentException("Duplicate " + kind + " code " + code.apply(value));
      }
    }
    return Map.copyOf(index);
  }

  private static <T> List<T> readResource(String name, Function<CSVRecord, T> rowMapper) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (InputStream in = ReferenceGeography.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + name + " is missing from the geodata jar"
            + " (expected beside " + ReferenceGeography.class.getName().replace('.', '/') + ")");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        List<T> rows = new ArrayList<>();
        for (CSVRecord row : format.parse(reader)) {
          rows.add(rowMapper.apply(row));
        }
        return rows;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read resource " + name, e);
    }
  }
}
