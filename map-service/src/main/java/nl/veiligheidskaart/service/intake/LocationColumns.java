package nl.veiligheidskaart.service.intake;

import java.util.List;
import java.util.Locale;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import org.locationtech.jts.geom.Coordinate;

/**
 * Where a CSV keeps its locations: {@code x,y} in RD New metres or {@code lat,lon} in WGS84
 * degrees. Reading a location checks for the usual mix-ups (swapped axes, RD metres in degree
 * columns and the reverse) and names them, because "outside the area" would not help the user.
 */
enum LocationColumns {
  RD_NEW("x", "y"),
  WGS84("lat", "lon");

  /** RD New's valid area (the Netherlands with a margin), in metres. */
  private static final double RD_MIN_X = -7_000;
  private static final double RD_MAX_X = 300_000;
  private static final double RD_MIN_Y = 289_000;
  private static final double RD_MAX_Y = 629_000;
  /** The Netherlands in degrees, generously. */
  private static final double MIN_LAT = 50.6;
  private static final double MAX_LAT = 53.7;
  private static final double MIN_LON = 3.2;
  private static final double MAX_LON = 7.3;

  private final String first;
  private final String second;

  LocationColumns(String first, String second) {
    this.first = first;
    this.second = second;
  }

  /** The location columns of a header; fails the file when it has neither pair. */
  static LocationColumns of(List<String> header) {
    for (LocationColumns columns : values()) {
      if (header.contains(columns.first) && header.contains(columns.second)) {
        return columns;
      }
    }
    throw new ImportFileException(1, null, "the header needs the location columns x,y (RD New metres) or lat,lon "
        + "(WGS84 degrees); found " + String.join(",", header).toLowerCase(Locale.ROOT));
  }

  /** The row's location in RD New, or null after recording what is wrong with it. */
  Coordinate read(RowCheck check) {
    Double a = check.number(first);
    Double b = check.number(second);
    if (a == null || b == null) {
      return null;
    }
    return this == RD_NEW ? rdNew(check, a, b) : wgs84(check, a, b);
  }

  /** The column a location error is reported on. */
  String column() {
    return first;
  }

  private Coordinate rdNew(RowCheck check, double x, double y) {
    if (isDegrees(y, x)) {
      check.fail("x", "x,y = " + x + ", " + y + " look like longitude/latitude in degrees; "
          + "put WGS84 coordinates in columns lat,lon");
      return null;
    }
    if (x < RD_MIN_X || x > RD_MAX_X || y < RD_MIN_Y || y > RD_MAX_Y) {
      check.fail("x", "x,y = " + x + ", " + y + " is not a location in the Netherlands in RD New metres"
          + (isRd(y, x) ? " (x and y look swapped)" : ""));
      return null;
    }
    return new Coordinate(x, y);
  }

  private Coordinate wgs84(RowCheck check, double lat, double lon) {
    if (isRd(lat, lon) || isRd(lon, lat)) {
      check.fail("lat", "lat,lon = " + lat + ", " + lon + " look like RD New metres; "
          + "put RD coordinates in columns x,y");
      return null;
    }
    if (isDegrees(lon, lat)) {
      check.fail("lat", "lat,lon = " + lat + ", " + lon + " look swapped: latitude is about 52 in the Netherlands, "
          + "longitude about 6");
      return null;
    }
    if (!isDegrees(lat, lon)) {
      check.fail("lat", "lat,lon = " + lat + ", " + lon + " is not a location in the Netherlands");
      return null;
    }
    return CrsTransform.transform(new Coordinate(lon, lat), Crs.WGS84, Crs.RD_NEW);
  }

  private static boolean isDegrees(double lat, double lon) {
    return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
  }

  private static boolean isRd(double x, double y) {
    return x >= RD_MIN_X && x <= RD_MAX_X && y >= RD_MIN_Y && y <= RD_MAX_Y && Math.abs(x) > 1_000;
  }
}
