package nl.veiligheidskaart.service.maptiles;

import static nl.veiligheidskaart.service.maptiles.VectorLayerSchema.field;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.service.api.InstrumentGap;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.interventions.InstrumentService;
import nl.veiligheidskaart.service.maptiles.MapGeography.MapMunicipality;
import nl.veiligheidskaart.service.maptiles.VectorLayerSchema.Type;
import nl.veiligheidskaart.tiles.geo.MatrixTile;
import nl.veiligheidskaart.tiles.geo.TileMatrixSet;
import nl.veiligheidskaart.tiles.mvt.VectorTileEncoder.TileLayer;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapLayer.Areas;
import nl.veiligheidskaart.tiles.render.MapLayer.StyledArea;
import nl.veiligheidskaart.tiles.render.MapStyle;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.MapStyle.LegendEntry;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Where the strategy expects displacement: each municipality that lacks an administrative
 * instrument one of its neighbours has in force, coloured by how many such instruments it lacks;
 * in vector tiles with the instruments and the neighbours that have them. Policy, not incidents:
 * every role that sees the map sees it whole.
 */
@Component
@Order(15)
public class InstrumentGapsLayer extends MapLayerDefinition {

  public static final String ID = "instrument-gaps";
  /** Lacking 1, 2, 3 or all 4 instruments a neighbour has: light to dark orange. */
  private static final Color[] COLOURS = {new Color(0xfe, 0xe0, 0x8b, 170), new Color(0xfd, 0xae, 0x61, 170),
      new Color(0xf4, 0x6d, 0x43, 170), new Color(0xd7, 0x30, 0x27, 170)};

  /** A municipality and what it lacks that a neighbour has. */
  private record Gaps(MapMunicipality municipality, List<String> lacking, List<String> neighboursWith) {
  }

  private static final VectorLayerSchema<Gaps> SCHEMA = new VectorLayerSchema<>(ID,
      "Municipalities lacking an administrative instrument that a neighbour has in force",
      List.of(
          field("code", Type.STRING, "CBS municipality code", g -> g.municipality().code()),
          field("name", Type.STRING, "", g -> g.municipality().name()),
          field("count", Type.NUMBER, "how many instruments it lacks that a neighbour has", g -> g.lacking().size()),
          field("lacking", Type.STRING, "those instruments (Dutch names), comma-separated",
              g -> String.join(", ", g.lacking())),
          field("neighboursWith", Type.STRING, "the neighbours that have them, comma-separated",
              g -> String.join(", ", g.neighboursWith()))));

  private final InstrumentService instruments;
  private final MapGeography geography;

  InstrumentGapsLayer(InstrumentService instruments, MapGeography geography) {
    super(ID, "Verschillen in bestuurlijke instrumenten", Audience.EVERY_ROLE);
    this.instruments = instruments;
    this.geography = geography;
  }

  @Override
  public List<MapLayer> draw(Viewport viewport, MapLayerRequest request) {
    List<StyledArea> areas = gaps().stream().map(g -> new StyledArea(g.municipality().outline(viewport.crs()),
        COLOURS[Math.min(g.lacking().size(), COLOURS.length) - 1], false)).toList();
    return List.of(new Areas(areas, MapStyle.BOUNDARY, 1, false));
  }

  @Override
  public Legend legend(MapLayerRequest request) {
    List<LegendEntry> entries = new ArrayList<>();
    for (int i = 0; i < COLOURS.length; i++) {
      entries.add(new LegendEntry(i == COLOURS.length - 1 ? "mist alle " + (i + 1) : "mist er " + (i + 1),
          String.format("#%06x", COLOURS[i].getRGB() & 0xffffff), Math.round(COLOURS[i].getAlpha() / 2.55) / 100.0,
          false));
    }
    return new Legend("Instrumenten die een buurgemeente wel heeft", "", entries);
  }

  @Override
  public List<VectorLayer> vectorLayers(DisclosurePolicy policy, TileMatrixSet set) {
    return List.of(SCHEMA.describe(0, set.maxLevel()));
  }

  @Override
  public List<TileLayer> vectorTile(MatrixTile tile, MapLayerRequest request) {
    Crs crs = tile.set().crs();
    return List.of(SCHEMA.tileLayer(gaps(), g -> g.municipality().outline(crs)));
  }

  @Override
  public Optional<String> snapshotNote(MapLayerRequest request) {
    return Optional.of("Gemeenten die een bestuurlijk instrument missen dat een buurgemeente wel heeft "
        + "(Damoclesbeleid, basisniveau OMG, aanpak vakantieparken, hennepconvenant): daar verwacht de strategie "
        + "verplaatsing");
  }

  /** The municipalities with a gap, from the gaps between neighbours as the API lists them. */
  private List<Gaps> gaps() {
    Map<String, TreeSet<String>> lacking = new TreeMap<>();
    Map<String, TreeSet<String>> neighboursWith = new TreeMap<>();
    for (InstrumentGap gap : instruments.gaps()) {
      lacking.computeIfAbsent(gap.without().code(), code -> new TreeSet<>()).add(gap.label());
      neighboursWith.computeIfAbsent(gap.without().code(), code -> new TreeSet<>()).add(gap.with().name());
    }
    return geography.municipalities().stream().filter(m -> lacking.containsKey(m.code()))
        .map(m -> new Gaps(m, List.copyOf(lacking.get(m.code())), List.copyOf(neighboursWith.get(m.code()))))
        .toList();
  }
}
