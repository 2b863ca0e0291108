package nl.veiligheidskaart.geodata.crs;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinate reference systems the project works in.
 *
 * <p>{@link #WGS84} always means longitude-latitude order (OGC CRS84, as GeoJSON uses), also when
 * it was named {@code EPSG:4326}, whose official axis order is latitude first.
 */
public enum Crs {
  /** Amersfoort / RD New, metres; the storage CRS of the project. */
  RD_NEW(28992),
  /** WGS 84 geographic, degrees, x = longitude, y = latitude. */
  WGS84(4326),
  /** WGS 84 / Pseudo-Mercator, metres; the CRS of web map tiles. */
  WEB_MERCATOR(3857);

  private static final String EPSG_URI_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";
  private static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  /**
   * {@code EPSG:n}, bare {@code n}, {@code urn:ogc:def:crs:EPSG:[version]:n} and
   * {@code http(s)://www.opengis.net/def/crs/EPSG/[version]/n}; matched on lower case.
   */
  private static final Pattern EPSG_CODE = Pattern.compile(
      "(?:epsg:|urn:ogc:def:crs:epsg:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/)?"
          + "(\\d+)");

  /** CRS84, also as OGC URN or URI; matched on lower case. */
  private static final Pattern CRS84 = Pattern.compile(
      "(?:ogc:|urn:ogc:def:crs:ogc:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/ogc/[0-9.]+/)?crs84");

  private final int epsg;

  Crs(int epsg) {
    this.epsg = epsg;
  }

  /** The EPSG code, also used as JTS SRID. */
  public int epsg() {
    return epsg;
  }

  /**
   * The OGC URI of this CRS, e.g. {@code http://www.opengis.net/def/crs/EPSG/0/28992}; for
   * {@link #WGS84} the CRS84 URI, because coordinates are longitude first.
   */
  public String uri() {
    return this == WGS84 ? CRS84_URI : EPSG_URI_PREFIX + epsg;
  }

  /** The CRS with this EPSG code. */
  public static Crs fromEpsg(int epsg) {
    return Arrays.stream(values())
        .filter(crs -> crs.epsg == epsg)
        .findFirst()
        .orElseThrow(() -> unsupported("EPSG:" + epsg));
  }

  /**
   * Parses a CRS name as found in requests and files, ignoring case: {@code EPSG:28992},
   * {@code 28992}, {@code urn:ogc:def:crs:EPSG::28992}, {@code CRS84}, the OGC {@code http}
   * URIs and the same forms for 4326 and 3857.
   *
   * @throws IllegalArgumentException for anything else; the message lists the supported values
   */
  public static Crs parse(String name) {
    String normalised = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (CRS84.matcher(normalised).matches()) {
      return WGS84;
    }
    Matcher epsgCode = EPSG_CODE.matcher(normalised);
    if (epsgCode.matches() && epsgCode.group(1).length() <= 9) {
      int code = Integer.parseInt(epsgCode.group(1));
      for (Crs crs : values()) {
        if (crs.epsg == code) {
          return crs;
        }
      }
    }
    throw unsupported(name);
  }

  private static IllegalArgumentException unsupported(String name) {
    return new IllegalArgumentException("Unsupported coordinate reference system '" + name
        + "'. Supported: EPSG:28992 (RD New), CRS84 or EPSG:4326 (WGS 84, longitude first),"
        + " EPSG:3857 (Web Mercator); each also as urn:ogc:def:crs:EPSG::<code> or "
        + EPSG_URI_PREFIX + "<code>, and CRS84 as " + CRS84_URI + ".");
  }
}
