package nl.veiligheidskaart.tiles.page;

import java.util.List;
import java.util.function.Function;
import nl.veiligheidskaart.tiles.render.MapLayer;
import nl.veiligheidskaart.tiles.render.MapStyle.Legend;
import nl.veiligheidskaart.tiles.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/**
 * What a map page shows: its texts (Dutch, ready to print), the legends of its layers, the Web
 * Mercator extent that must be on the map, and the layers for whatever viewport the page gives it.
 *
 * @param marking the deployment's classification marking, printed at the top and bottom
 * @param notes lines under the map: period, filters, source, when it was made
 * @param watermark drawn across the page, or null for none
 */
public record MapSheet(String title, String subtitle, String marking, List<String> notes, List<Legend> legends,
    Envelope extent, Function<Viewport, List<MapLayer>> layers, Watermark watermark) {
}
