package nl.veiligheidskaart.tiles.render;

import java.awt.Color;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every colour and class of the map in one place, so that raster tiles, snapshots, briefing
 * packs and the viewer's legends agree. Labels are Dutch: they end up on the users' maps.
 */
public final class MapStyle {

  /** The Gi* bins −3..3 in ArcGIS's colours (cold spot 99 % … hot spot 99 %). */
  private static final Color[] GI_BIN_COLOURS = {rgb(0x4575b5), rgb(0x849eba), rgb(0xc0ccbe), rgb(0xffffbf),
      rgb(0xfab984), rgb(0xed7551), rgb(0xd62f27)};
  private static final String[] GI_BIN_LABELS = {"Coldspot 99% betrouwbaar", "Coldspot 95% betrouwbaar",
      "Coldspot 90% betrouwbaar", "Niet significant", "Hotspot 90% betrouwbaar", "Hotspot 95% betrouwbaar",
      "Hotspot 99% betrouwbaar"};

  /** Five sequential classes (ColorBrewer YlOrRd) for counts and rates. */
  private static final Color[] SEQUENTIAL = {rgb(0xffffb2), rgb(0xfecc5c), rgb(0xfd8d3c), rgb(0xf03b20),
      rgb(0xbd0026)};
  /** Five diverging classes (ColorBrewer RdYlBu, reversed) for change: fall is blue, rise is red. */
  private static final Color[] DIVERGING = {rgb(0x2c7bb6), rgb(0xabd9e9), rgb(0xffffbf), rgb(0xfdae61),
      rgb(0xd7191c)};
  /** The change classes' inner limits in percent. */
  private static final double[] CHANGE_LIMITS = {-25, -10, 10, 25};

  /** The heatmap ramp from the lowest shown density to the highest; below the first stop nothing is drawn. */
  private static final Color[] DENSITY_RAMP = {new Color(0xff, 0xff, 0xb2, 110), new Color(0xfe, 0xcc, 0x5c, 160),
      new Color(0xfd, 0x8d, 0x3c, 190), new Color(0xf0, 0x3b, 0x20, 215), new Color(0xbd, 0x00, 0x26, 235)};
  /** Densities below this fraction of the ramp's maximum stay transparent, so the basemap shows. */
  public static final double DENSITY_CUTOFF = 0.02;

  /** Suppressed aggregates (fewer than the minimum count): light grey, hatched. */
  public static final Color SUPPRESSED = rgb(0xd9d9d9);
  public static final Color HATCH = rgb(0x969696);
  /** A change that cannot be computed (nothing in the previous period). */
  public static final Color NO_COMPARISON = rgb(0xf0f0f0);
  public static final Color BOUNDARY = new Color(0x40, 0x40, 0x40, 200);
  public static final Color CELL_OUTLINE = new Color(0x40, 0x40, 0x40, 60);

  /** Point symbols per layer. */
  public static final PointSymbol INCIDENT = new PointSymbol(PointSymbol.Shape.CIRCLE, rgb(0xe31a1c), Color.WHITE, 3);
  public static final PointSymbol HEMP_SITE = new PointSymbol(PointSymbol.Shape.CIRCLE, rgb(0x1a9850), Color.WHITE, 5);
  public static final PointSymbol OMG_CLUBHOUSE = new PointSymbol(PointSymbol.Shape.SQUARE, rgb(0x252525),
      rgb(0xe31a1c), 5);
  public static final Color HOLIDAY_PARK = new Color(0x8c, 0x6b, 0xb1, 150);

  /** Incident cells (counts per 16 × 16-pixel cell) are classed by these lower limits. */
  private static final int[] CELL_COUNT_LIMITS = {1, 10, 25, 50, 100, 250};
  private static final Color[] CELL_COLOURS = {new Color(0xff, 0xff, 0xb2, 140), rgb(0xfed976), rgb(0xfeb24c),
      rgb(0xfd8d3c), rgb(0xf03b20), rgb(0xbd0026)};

  /** How a point is drawn; the radius is in CSS pixels. */
  public record PointSymbol(Shape shape, Color fill, Color stroke, double radius) {
    public enum Shape {
      CIRCLE, SQUARE
    }
  }

  /** One line of a legend; {@code colour} as #rrggbb, with its opacity 0..1. */
  public record LegendEntry(String label, String colour, double opacity, boolean hatched) {
  }

  /** A legend: a title, its unit (may be empty) and its entries in reading order. */
  public record Legend(String title, String unit, List<LegendEntry> entries) {
  }

  private MapStyle() {
  }

  public static Color giBinColour(int bin) {
    if (bin < -3 || bin > 3) {
      throw new IllegalArgumentException("a Gi* bin runs from -3 to 3, not " + bin);
    }
    return GI_BIN_COLOURS[bin + 3];
  }

  /** Hot spots first, as ArcGIS lists them; not significant cells are not coloured on maps. */
  public static Legend giBinLegend() {
    List<LegendEntry> entries = new ArrayList<>();
    for (int bin = 3; bin >= -3; bin--) {
      entries.add(bin == 0 ? new LegendEntry(GI_BIN_LABELS[3] + " (niet ingekleurd)", "#ffffbf", 0, false)
          : entry(GI_BIN_LABELS[bin + 3], giBinColour(bin), false));
    }
    return new Legend("Hotspots (Getis-Ord Gi*)", "", entries);
  }

  /**
   * The colour of a value among sequential classes whose upper limits are {@code breaks} (as from
   * {@link Classification#naturalBreaks}); values above the last break take the last class.
   */
  public static Color sequentialColour(double value, double[] breaks) {
    return SEQUENTIAL[sequentialClass(value, breaks)];
  }

  /** The index of the sequential class (0 = lowest) a value falls in, as its legend entry. */
  public static int sequentialClass(double value, double[] breaks) {
    int index = 0;
    while (index < breaks.length - 1 && value > breaks[index]) {
      index++;
    }
    return Math.min(index, SEQUENTIAL.length - 1);
  }

  public static Legend sequentialLegend(String title, String unit, double[] breaks, boolean withSuppressed) {
    return sequentialLegend(title, unit, breaks, withSuppressed, null);
  }

  /**
   * @param notDefined the label of areas without a value (drawn as {@link #NO_COMPARISON}, e.g. no
   *     inhabitants known for a rate), or null when every area has one
   */
  public static Legend sequentialLegend(String title, String unit, double[] breaks, boolean withSuppressed,
      String notDefined) {
    List<LegendEntry> entries = new ArrayList<>();
    double lower = 0;
    for (int i = 0; i < breaks.length; i++) {
      entries.add(entry(number(lower) + " – " + number(breaks[i]), SEQUENTIAL[Math.min(i, SEQUENTIAL.length - 1)],
          false));
      lower = breaks[i];
    }
    if (notDefined != null) {
      entries.add(entry(notDefined, NO_COMPARISON, false));
    }
    return new Legend(title, unit, withSuppressed(entries, withSuppressed));
  }

  /** The colour of a change in percent. */
  public static Color changeColour(double percent) {
    return DIVERGING[changeClass(percent)];
  }

  /** The index of the change class (0 = the strongest fall) a percentage falls in. */
  public static int changeClass(double percent) {
    int index = 0;
    while (index < CHANGE_LIMITS.length && percent >= CHANGE_LIMITS[index]) {
      index++;
    }
    return index;
  }

  public static Legend changeLegend(String title, boolean withSuppressed, boolean withNoComparison) {
    List<LegendEntry> entries = new ArrayList<>();
    entries.add(entry("Daling van meer dan 25%", DIVERGING[0], false));
    entries.add(entry("Daling van 10 tot 25%", DIVERGING[1], false));
    entries.add(entry("Min of meer gelijk (−10 tot +10%)", DIVERGING[2], false));
    entries.add(entry("Stijging van 10 tot 25%", DIVERGING[3], false));
    entries.add(entry("Stijging van meer dan 25%", DIVERGING[4], false));
    if (withNoComparison) {
      entries.add(entry("Geen vergelijking (vorige periode 0)", NO_COMPARISON, false));
    }
    return new Legend(title, "%", withSuppressed(entries, withSuppressed));
  }

  /**
   * The heatmap colour of a density as a fraction of the ramp's maximum, or null below the cutoff.
   * Between the stops the colour is interpolated, so the surface has no visible steps.
   */
  public static Color densityColour(double fraction) {
    if (!(fraction >= DENSITY_CUTOFF)) {
      return null;
    }
    double position = Math.min(fraction, 1) * (DENSITY_RAMP.length - 1);
    int lower = Math.min((int) position, DENSITY_RAMP.length - 2);
    double t = position - lower;
    Color a = DENSITY_RAMP[lower];
    Color b = DENSITY_RAMP[lower + 1];
    return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t),
        mix(a.getBlue(), b.getBlue(), t), mix(a.getAlpha(), b.getAlpha(), t));
  }

  /** The heatmap legend: the ramp's stops with their densities. */
  public static Legend densityLegend(double maximum) {
    List<LegendEntry> entries = new ArrayList<>();
    for (int i = 0; i < DENSITY_RAMP.length; i++) {
      double fraction = i == 0 ? DENSITY_CUTOFF : (double) i / (DENSITY_RAMP.length - 1);
      entries.add(entry((i == DENSITY_RAMP.length - 1 ? "≥ " : "") + number(fraction * maximum), DENSITY_RAMP[i],
          false));
    }
    return new Legend("Dichtheid (kernel, kwartisch)", "incidenten per km²", entries);
  }

  /**
   * The lower limits of the relative risk classes of a risk terrain's cells (times the risk of a cell
   * without risk factors); a cell at 1 has none and is left open.
   */
  private static final double[] RELATIVE_RISK_LIMITS = {1, 1.5, 2, 3, 5};

  /** The colour of a cell with relative risk score {@code score} (above 1). */
  public static Color relativeRiskColour(double score) {
    int index = 0;
    while (index < RELATIVE_RISK_LIMITS.length - 1 && score >= RELATIVE_RISK_LIMITS[index + 1]) {
      index++;
    }
    return SEQUENTIAL[index];
  }

  public static Legend relativeRiskLegend() {
    List<LegendEntry> entries = new ArrayList<>();
    for (int i = 0; i < RELATIVE_RISK_LIMITS.length; i++) {
      String label = i == RELATIVE_RISK_LIMITS.length - 1 ? "≥ " + number(RELATIVE_RISK_LIMITS[i])
          : (i == 0 ? "> " : "") + number(RELATIVE_RISK_LIMITS[i]) + " – " + number(RELATIVE_RISK_LIMITS[i + 1]);
      entries.add(entry(label, SEQUENTIAL[i], false));
    }
    return new Legend("Relatief risico", "× het risico van een cel zonder risicofactoren", entries);
  }

  /** The colour of an incident cell holding {@code count} incidents. */
  public static Color cellColour(int count) {
    return CELL_COLOURS[classOfLowerLimits(count)];
  }

  public static Legend cellLegend(boolean withSmallCounts, int minimumCount) {
    List<LegendEntry> entries = new ArrayList<>();
    for (int i = 0; i < CELL_COUNT_LIMITS.length; i++) {
      if (!withSmallCounts && CELL_COUNT_LIMITS[i] < minimumCount) {
        continue;
      }
      String label = i == CELL_COUNT_LIMITS.length - 1 ? "≥ " + CELL_COUNT_LIMITS[i]
          : CELL_COUNT_LIMITS[i] + " – " + (CELL_COUNT_LIMITS[i + 1] - 1);
      entries.add(entry(label, CELL_COLOURS[i], false));
    }
    String title = withSmallCounts ? "Incidenten per cel" : "Incidenten per cel (afgerond; minder dan "
        + minimumCount + " niet getoond)";
    return new Legend(title, "aantal", entries);
  }

  public static Legend pointLegend(String title, PointSymbol symbol) {
    return new Legend(title, "", List.of(entry(title, symbol.fill(), false)));
  }

  public static Legend areaLegend(String title, Color fill) {
    return new Legend(title, "", List.of(entry(title, fill, false)));
  }

  private static int classOfLowerLimits(int count) {
    int index = 0;
    while (index + 1 < CELL_COUNT_LIMITS.length && count >= CELL_COUNT_LIMITS[index + 1]) {
      index++;
    }
    return index;
  }

  private static List<LegendEntry> withSuppressed(List<LegendEntry> entries, boolean withSuppressed) {
    if (withSuppressed) {
      entries.add(entry("Te weinig om te tonen", SUPPRESSED, true));
    }
    return entries;
  }

  private static LegendEntry entry(String label, Color colour, boolean hatched) {
    return new LegendEntry(label, String.format("#%06x", colour.getRGB() & 0xffffff),
        Math.round(colour.getAlpha() / 255.0 * 100) / 100.0, hatched);
  }

  /** A number as Dutch readers write it: 1.234 and 12,5. */
  static String number(double value) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("nl-NL"));
    format.setMaximumFractionDigits(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
    return format.format(value);
  }

  private static int mix(int a, int b, double t) {
    return (int) Math.round(a + (b - a) * t);
  }

  private static Color rgb(int rgb) {
    return new Color(rgb);
  }
}
