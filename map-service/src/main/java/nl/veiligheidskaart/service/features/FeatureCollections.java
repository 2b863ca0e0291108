package nl.veiligheidskaart.service.features;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.api.NotFoundException;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import nl.veiligheidskaart.service.geography.GeographyService;
import nl.veiligheidskaart.service.layers.IncidentLayer;
import nl.veiligheidskaart.service.layers.RiskLocationLayers;
import nl.veiligheidskaart.service.query.BboxArea;
import nl.veiligheidskaart.service.query.Condition;
import nl.veiligheidskaart.service.query.FeatureMatch;
import nl.veiligheidskaart.service.query.Queryables.Type;
import nl.veiligheidskaart.service.query.Queryables;
import nl.veiligheidskaart.service.store.IncidentFilter;
import nl.veiligheidskaart.service.store.IncidentQueries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feature collections served to GIS clients (OGC API Features): the geography for every role,
 * incidents and risk locations for analysts only (DESIGN.md, privacy and access).
 */
@Service
@Transactional(readOnly = true)
public class FeatureCollections {


  /**
   * A collection as clients see it.
   *
   * @param temporalProperty the property {@code datetime} filters on, or null when the features have no time
   * @param queryables what a CQL2 filter may name
   */
  public record Description(String id, String title, String description, boolean analystsOnly,
      String temporalProperty, Queryables queryables) {
  }

  /** A page of items and how many match in all. */
  public record Items(List<Feature> features, long numberMatched) {
  }

  /**
   * Which features a request asks for; null parts do not filter.
   *
   * @param area features intersecting this area in RD New, e.g. {@link BboxArea#inRdNew()}
   * @param condition a CQL2 filter on the collection's queryables
   */
  public record Query(Geometry area, Instant from, Instant to, Condition condition, int offset, int limit, Crs crs) {
  }

  private static final List<Description> COLLECTIONS = List.of(
      new Description("municipalities", "Gemeenten", "The 76 municipalities of Oost-Nederland (CBS boundaries)",
          false, null, Queryables.of("code", Type.STRING, "name", Type.STRING, "province", Type.STRING,
              "district", Type.STRING, "districtCode", Type.STRING, "boundaryYear", Type.INTEGER)),
      new Description("districts", "Districten", "The 5 police districts, dissolved from their municipalities",
          false, null, Queryables.of("code", Type.STRING, "name", Type.STRING, "province", Type.STRING)),
      new Description("incidents", "Incidenten", "Registered incidents as points", true, "occurredAt",
          IncidentQueries.QUERYABLES),
      new Description("hemp-sites", "Hennepkwekerijen", "Dismantled hemp plantations", true, "foundOn",
          Queryables.of("sourceId", Type.STRING, "foundOn", Type.DATE, "dismantledOn", Type.DATE,
              "plantCount", Type.INTEGER, "siteType", Type.STRING, "fireHazard", Type.BOOLEAN,
              "intervention", Type.STRING, "source", Type.STRING, "municipality", Type.STRING, "demo", Type.BOOLEAN)),
      new Description("holiday-parks", "Vakantieparken", "Holiday parks and their misuse signals", true, null,
          Queryables.of("sourceId", Type.STRING, "name", Type.STRING, "units", Type.INTEGER,
              "permanentResidence", Type.BOOLEAN, "subversionSignals", Type.BOOLEAN, "municipality", Type.STRING,
              "demo", Type.BOOLEAN)),
      new Description("omg-clubhouses", "OMG-clubhuizen", "Clubhouses of outlaw motorcycle gangs", true, "openedOn",
          Queryables.of("sourceId", Type.STRING, "club", Type.STRING, "chapter", Type.STRING, "status", Type.STRING,
              "riskClass", Type.STRING, "civilBan", Type.BOOLEAN, "openedOn", Type.DATE, "closedOn", Type.DATE,
              "municipality", Type.STRING, "demo", Type.BOOLEAN)));

  private final GeographyService geography;
  private final RiskLocationLayers riskLocations;
  private final IncidentLayer incidents;

  FeatureCollections(GeographyService geography, RiskLocationLayers riskLocations, IncidentLayer incidents) {
    this.geography = geography;
    this.riskLocations = riskLocations;
    this.incidents = incidents;
  }

  /** The collections the reader may see. */
  public List<Description> visible(DisclosurePolicy policy) {
    return COLLECTIONS.stream().filter(c -> !c.analystsOnly() || policy.exact()).toList();
  }

  /**
   * @throws NotFoundException for an unknown collection
   * @throws org.springframework.security.access.AccessDeniedException for raw data and a non-analyst
   */
  public Description describe(String id, DisclosurePolicy policy) {
    Description collection = COLLECTIONS.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("No collection '" + id + "'; there are "
            + String.join(", ", COLLECTIONS.stream().map(Description::id).toList())));
    if (collection.analystsOnly()) {
      policy.requireRawData("The collection '" + id + "'");
    }
    return collection;
  }

  /** The extent of every collection: the municipalities of Oost-Nederland, in CRS84. */
  public Envelope extentCrs84() {
    Envelope extent = new Envelope();
    for (Feature municipality : geography.municipalities(Crs.WGS84).features()) {
      if (municipality.geometry() != null) {
        extent.expandToInclude(municipality.geometry().getEnvelopeInternal());
      }
    }
    return extent;
  }

  public Items items(String id, DisclosurePolicy policy, Query query) {
    Description collection = describe(id, policy);
    if (collection.id().equals("incidents")) {
      IncidentLayer.Page page = incidents.features(new IncidentFilter(List.of(), query.from(), query.to(), List.of(),
          query.area(), query.condition()), query.offset(), query.limit(), query.crs());
      return new Items(page.features().features(), page.numberMatched());
    }
    List<Feature> matching = new ArrayList<>();
    Geometry box = query.area();
    for (Feature feature : inRdNew(collection.id()).features()) {
      if (box != null && (feature.geometry() == null || !feature.geometry().intersects(box))) {
        continue;
      }
      if (!withinPeriod(feature, collection.temporalProperty(), query.from(), query.to())) {
        continue;
      }
      if (query.condition() != null && !FeatureMatch.matches(query.condition(), feature)) {
        continue;
      }
      matching.add(feature);
    }
    List<Feature> page = matching.stream().skip(query.offset()).limit(query.limit())
        .map(feature -> inCrs(feature, query.crs())).toList();
    return new Items(page, matching.size());
  }

  public Feature item(String id, DisclosurePolicy policy, String featureId, Crs crs) {
    Description collection = describe(id, policy);
    Optional<Feature> feature = collection.id().equals("incidents") ? incidents.feature(featureId, crs)
        : inRdNew(collection.id()).features().stream().filter(f -> featureId.equals(f.id())).findFirst()
            .map(f -> inCrs(f, crs));
    return feature.orElseThrow(() -> new NotFoundException("No feature '" + featureId + "' in " + id));
  }

  private FeatureCollection inRdNew(String id) {
    Map<String, Function<Crs, FeatureCollection>> sources = Map.of(
        "municipalities", geography::municipalities,
        "districts", geography::districts,
        "hemp-sites", riskLocations::hempSites,
        "holiday-parks", riskLocations::holidayParks,
        "omg-clubhouses", riskLocations::omgClubhouses);
    return sources.get(id).apply(Crs.RD_NEW);
  }

  private static boolean withinPeriod(Feature feature, String property, Instant from, Instant to) {
    if (property == null || (from == null && to == null)) {
      return true;
    }
    Object value = feature.properties().get(property);
    if (!(value instanceof LocalDate date)) {
      return false;
    }
    Instant at = date.atStartOfDay(NETHERLANDS).toInstant();
    return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
  }

  private static Feature inCrs(Feature feature, Crs crs) {
    return feature.geometry() == null || crs == Crs.RD_NEW ? feature
        : Feature.of(feature.id(), CrsTransform.transform(feature.geometry(), Crs.RD_NEW, crs), feature.properties());
  }
}
