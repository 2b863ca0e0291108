package nl.veiligheidskaart.service.web;

import java.util.List;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.config.IncidentCategories;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.maptiles.ChoroplethMeasure;
import nl.veiligheidskaart.service.maptiles.MapLayerFilter;
import nl.veiligheidskaart.service.maptiles.MapLayerRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The query parameters every map layer request takes (XYZ tiles, TileJSON, OGC API - Tiles): the
 * themes ({@code category}, repeated or absent for all), the period ({@code from}, {@code to}) and
 * the choropleth's {@code measure}. Spring binds it from the query string; it is checked here, once.
 */
@ParameterObject
record MapLayerQuery(List<String> category, String from, String to, String measure) {

  /** What a map layer is drawn for, for this reader. */
  MapLayerRequest request(IncidentCategories categories, DisclosurePolicy policy) {
    return new MapLayerRequest(filter(categories, policy), choroplethMeasure(), policy);
  }

  /** The incidents a map layer shows, as the reader may ask for them (whole months for all but analysts). */
  MapLayerFilter filter(IncidentCategories categories, DisclosurePolicy policy) {
    ReaderPeriod period = ReaderPeriod.of(from, to, policy);
    return new MapLayerFilter(categories.parse(category, "category"), period.from(), period.to());
  }

  /** The choropleth's measure: count (the default), rate or change. */
  ChoroplethMeasure choroplethMeasure() {
    return choroplethMeasure(measure);
  }

  /** A choropleth measure as any request names it (snapshots too); null for the default, count. */
  static ChoroplethMeasure choroplethMeasure(String measure) {
    if (measure == null) {
      return ChoroplethMeasure.COUNT;
    }
    return ChoroplethMeasure.fromWireName(measure).orElseThrow(() -> new InvalidParameterException("measure",
        "measure is count, rate (per 1,000 inhabitants), density (per km²) or change, not '" + measure + "'"));
  }

  /** The parameters as given, as a query string for the links and tile templates that carry them; null without any. */
  String queryString() {
    UriComponentsBuilder query = UriComponentsBuilder.newInstance();
    if (category != null) {
      category.forEach(c -> query.queryParam("category", c));
    }
    for (String[] parameter : new String[][] {{"from", from}, {"to", to}, {"measure", measure}}) {
      if (parameter[1] != null) {
        query.queryParam(parameter[0], parameter[1]);
      }
    }
    return query.encode().build().getQuery();
  }
}
