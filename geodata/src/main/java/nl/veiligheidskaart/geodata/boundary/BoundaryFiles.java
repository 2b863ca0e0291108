package nl.veiligheidskaart.geodata.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.veiligheidskaart.geodata.io.FeatureFileFormat;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds municipal boundary files by their names, as CBS/PDOK and this project name them. */
public final class BoundaryFiles {

  /** Years a boundary vintage can plausibly have; keeps other 4-digit numbers out. */
  static final int FIRST_VINTAGE = 1990;
  static final int LAST_VINTAGE = 2100;

  /** A run of exactly four digits, e.g. the {@code 2019} of {@code cbs_gemeente_2019_x.gpkg}. */
  private static final Pattern FOUR_DIGITS = Pattern.compile("(?<!\\d)\\d{4}(?!\\d)");

  private BoundaryFiles() {
  }

  /**
   * The municipal boundary file in {@code geodataDir}: a GeoJSON ({@code .geojson}, {@code .json})
   * or GeoPackage ({@code .gpkg}) file whose name contains {@code gemeente} (so also
   * {@code gemeenten}), ignoring case. Of several, the one with the newest year in its name; on a
   * tie, the last name in alphabetical order. Subdirectories are not searched.
   *
   * @return empty if the directory does not exist or holds no such file
   */
  public static Optional<Path> find(Path geodataDir) {
    if (!Files.isDirectory(geodataDir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(geodataDir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> FeatureFileFormat.of(file).isPresent())
          .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).contains("gemeente"))
          .max(Comparator.comparingInt((Path file) -> yearInName(file).orElse(0))
              .thenComparing(file -> file.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list boundary directory " + geodataDir, e);
    }
  }

  /**
   * The first four-digit number from 1990 to 2100 in the file name, e.g. 2019 for
   * {@code gemeenten-oost-nederland-2019.geojson}; empty if there is none.
   */
  public static OptionalInt yearInName(Path file) {
    Matcher digits = FOUR_DIGITS.matcher(file.getFileName().toString());
    while (digits.find()) {
      int year = Integer.parseInt(digits.group());
      if (isVintage(year)) {
        return OptionalInt.of(year);
      }
    }
    return OptionalInt.empty();
  }

  static boolean isVintage(int year) {
    return year >= FIRST_VINTAGE && year <= LAST_VINTAGE;
  }
}
