package nl.veiligheidskaart.service.maptiles;

import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;

/**
 * What a map layer is drawn for: the incidents it shows, what the choropleth measures (the other
 * layers ignore it), and the reader, whose disclosure policy suppresses, rounds and scopes.
 */
public record MapLayerRequest(MapLayerFilter filter, ChoroplethMeasure measure, DisclosurePolicy policy) {
}
