package nl.veiligheidskaart.service.snapshots;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.awt.Color;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.geography.GeographyService;
import nl.veiligheidskaart.service.limits.RequestDeadline;
import nl.veiligheidskaart.service.maptiles.ChoroplethMeasure;
import nl.veiligheidskaart.service.maptiles.MapGeography;
import nl.veiligheidskaart.service.maptiles.MapLayerDefinition;
import nl.veiligheidskaart.service.maptiles.MapLayerFilter;
import nl.veiligheidskaart.service.maptiles.MapLayerRequest;
import nl.veiligheidskaart.tiles.page.MapPage;
import nl.veiligheidskaart.tiles.page.MapSheet;
import nl.veiligheidskaart.tiles.page.PageFormat;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.stereotype.Service;

/**
 * Map snapshots for briefings: the layers of the viewer, drawn by their definitions and the same
 * renderer as the raster tiles, on a page with title, legend, scale bar, north arrow, the period and
 * filters, the source and the deployment's classification marking.
 */
@Service
public class SnapshotService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
  private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

  /** What to draw: the Web Mercator extent and the layers, filters and page. */
  public record Specification(Envelope extent, String areaLabel, List<MapLayerDefinition> layers, MapLayerFilter filter,
      ChoroplethMeasure measure, String title, String subtitle, boolean pdf, PageFormat page, int dpi) {
  }

  public record Snapshot(byte[] bytes, String mediaType, String fileName) {
  }

  private final MapGeography mapGeography;
  private final GeographyService geography;
  private final VeiligheidskaartProperties properties;
  private final IncidentCategories categories;
  private final DemoMarking demo;
  private final Clock clock;

  SnapshotService(MapGeography mapGeography, GeographyService geography,
      VeiligheidskaartProperties properties, IncidentCategories categories, DemoMarking demo, Clock clock) {
    this.mapGeography = mapGeography;
    this.geography = geography;
    this.properties = properties;
    this.categories = categories;
    this.demo = demo;
    this.clock = clock;
  }

  /** A municipality or district on a page: its Web Mercator extent and how the notes name it. */
  public record MapArea(Envelope extent, String label) {
  }

  /**
   * A municipality (by code), district (by code or name), or the whole {@code unit}.
   *
   * @throws org.springframework.security.access.AccessDeniedException for a municipality outside the reader's scope
   */
  public MapArea area(String area, DisclosurePolicy policy) {
    if (area.equalsIgnoreCase("unit")) {
      Envelope extent = new Envelope();
      mapGeography.municipalities().forEach(m -> extent.expandToInclude(m.outline(Crs.WEB_MERCATOR)
          .getEnvelopeInternal()));
      return new MapArea(extent, "eenheid Oost-Nederland");
    }
    boolean municipality = area.toUpperCase(Locale.ROOT).startsWith("GM");
    Feature feature = municipality ? geography.municipality(area, Crs.WEB_MERCATOR)
        : geography.district(area, Crs.WEB_MERCATOR);
    if (municipality) {
      policy.requireMunicipality(feature.id());
    }
    if (feature.geometry() == null) {
      throw new InvalidParameterException("area", "the area '" + area + "' has no boundary loaded");
    }
    return new MapArea(feature.geometry().getEnvelopeInternal(),
        (municipality ? "" : "district ") + feature.properties().get("name"));
  }

  /** A bounding box in RD New or CRS84 as a Web Mercator extent. */
  public static Envelope mercatorExtent(double[] box, Crs crs) {
    Geometry corners = new GeometryFactory().toGeometry(new Envelope(box[0], box[2], box[1], box[3]));
    return CrsTransform.transform(corners, crs, Crs.WEB_MERCATOR).getEnvelopeInternal();
  }

  public Snapshot make(Specification spec, DisclosurePolicy policy, String madeBy) {
    MapSheet sheet = sheet(spec, policy, madeBy);
    LocalDate today = LocalDate.now(clock.withZone(NETHERLANDS));
    String fileName = "kaart-" + slug(spec.title()) + "-" + today + (spec.pdf() ? ".pdf" : ".png");
    return spec.pdf() ? new Snapshot(MapPage.pdf(spec.page(), sheet), "application/pdf", fileName)
        : new Snapshot(MapPage.png(spec.page(), sheet, spec.dpi()), "image/png", fileName);
  }

  /** Adds the map page to a PDF document, as a briefing pack does for each theme. */
  public void addMapPage(PDDocument document, PageFormat page, Specification spec, DisclosurePolicy policy,
      String madeBy) throws IOException {
    MapPage.addTo(document, page, sheet(spec, policy, madeBy));
  }

  private MapSheet sheet(Specification spec, DisclosurePolicy policy, String madeBy) {
    spec.layers().forEach(layer -> layer.requireVisibleTo(policy));
    MapLayerRequest request = new MapLayerRequest(spec.filter(), spec.measure(), policy);
    List<MapStyle.Legend> legends = spec.layers().stream().map(layer -> layer.legend(request)).toList();
    return new MapSheet(spec.title(), spec.subtitle(), properties.snapshots().marking(), notes(spec, request, madeBy),
        legends, spec.extent(), viewport -> layers(spec, viewport, request), demo.watermark());
  }

  /** The layers in the order asked (the first at the bottom), with the municipal boundaries on top. */
  private List<MapLayer> layers(Specification spec, Viewport viewport, MapLayerRequest request) {
    List<MapLayer> layers = new ArrayList<>();
    for (MapLayerDefinition layer : spec.layers()) {
      RequestDeadline.check();
      layers.addAll(layer.draw(viewport, request));
    }
    layers.add(new Areas(mapGeography.municipalities().stream()
        .map(m -> new StyledArea(m.mercator(), TRANSPARENT, false)).toList(), MapStyle.BOUNDARY, 0.6, false));
    return layers;
  }

  private List<String> notes(Specification spec, MapLayerRequest request, String madeBy) {
    MapLayerFilter filter = spec.filter();
    String period = filter.from() == null && filter.to() == null ? "alle beschikbare gegevens"
        : (filter.from() == null ? "het begin" : day(filter.from())) + " t/m "
            + (filter.to() == null ? "nu" : day(filter.to().minusSeconds(1)));
    List<String> labels = filter.categories().isEmpty() ? List.of("alle thema's")
        : filter.categories().stream().map(categories::label).toList();
    List<String> notes = new ArrayList<>();
    notes.add("Gebied: " + spec.areaLabel() + " · Periode: " + period + " · Thema's: " + String.join(", ", labels));
    spec.layers().forEach(layer -> layer.snapshotNote(request).ifPresent(notes::add));
    notes.add(demo.source(properties.snapshots().source()) + " · Veiligheidskaart Oost-Nederland · gemaakt "
        + MADE.format(Instant.now(clock).atZone(NETHERLANDS)) + " door " + madeBy);
    return notes;
  }

  private static String day(Instant instant) {
    return DAY.format(instant.atZone(NETHERLANDS));
  }

  /** "Woninginbraak in Deventer" → "woninginbraak-in-deventer". */
  public static String slug(String title) {
    String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "kaart" : slug.substring(0, Math.min(60, slug.length()));
  }
}
