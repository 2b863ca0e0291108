package nl.veiligheidskaart.service.layers;

import static nl.veiligheidskaart.service.config.Zones.NETHERLANDS;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.geodata.io.CsvCells;
import nl.veiligheidskaart.service.api.Feature;
import nl.veiligheidskaart.service.api.FeatureCollection;
import nl.veiligheidskaart.service.store.IncidentEntity;
import nl.veiligheidskaart.service.store.IncidentFilter;
import nl.veiligheidskaart.service.store.IncidentQueries;
import nl.veiligheidskaart.service.store.IncidentRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Incidents read back as raw points: GeoJSON for maps, CSV in import format v1 for round trips. */
@Service
@Transactional(readOnly = true)
public class IncidentLayer {

  private static final List<String> CSV_COLUMNS = List.of("source_id", "category", "occurred_at", "x", "y",
      "precision", "demo");

  private final IncidentQueries incidents;
  private final IncidentRepository repository;

  IncidentLayer(IncidentQueries incidents, IncidentRepository repository) {
    this.incidents = incidents;
    this.repository = repository;
  }

  /** A page of incidents with the totals OGC API Features clients expect. */
  public record Page(FeatureCollection features, long numberMatched, int numberReturned) {
  }

  public Page features(IncidentFilter filter, int offset, int limit, Crs crs) {
    long matched = incidents.count(filter);
    List<Feature> features = incidents.page(filter, offset, limit).stream().map(i -> feature(i, crs)).toList();
    return new Page(FeatureCollection.of(features, crs), matched, features.size());
  }

  /** One incident by its source id. */
  public Optional<Feature> feature(String sourceId, Crs crs) {
    return repository.findBySourceId(sourceId).map(incident -> feature(incident, crs));
  }

  private static Feature feature(IncidentEntity incident, Crs crs) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("sourceId", incident.getSourceId());
    properties.put("category", incident.getCategory());
    properties.put("occurredAt", occurredAt(incident));
    properties.put("precision", incident.getLocationPrecision());
    properties.put("municipality", incident.getMunicipalityCode());
    properties.put("attributes", incident.getAttributes());
    properties.put("demo", incident.isDemo());
    return Feature.of(incident.getSourceId(), CrsTransform.transform(incident.getGeometry(), Crs.RD_NEW, crs),
        properties);
  }

  /**
   * A page as CSV in import format v1: importing it again changes nothing. Text that a spreadsheet
   * would run as a formula (=, +, -, @ first) goes out with a leading quote, which the import removes.
   */
  public CsvPage csv(IncidentFilter filter, int offset, int limit) {
    List<IncidentEntity> page = incidents.page(filter, offset, limit);
    Set<String> attributeColumns = new LinkedHashSet<>();
    page.forEach(incident -> attributeColumns.addAll(incident.getAttributes().keySet()));
    List<String> header = new ArrayList<>(CSV_COLUMNS);
    header.addAll(attributeColumns);
    StringWriter text = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      csv.printRecord(header.stream().map(CsvCells::escape).toList());
      for (IncidentEntity incident : page) {
        List<Object> record = new ArrayList<>(header.size());
        record.add(CsvCells.escape(incident.getSourceId()));
        record.add(CsvCells.escape(incident.getCategory()));
        record.add(occurredAt(incident));
        record.add(plain(incident.getGeometry().getX()));
        record.add(plain(incident.getGeometry().getY()));
        record.add(CsvCells.escape(incident.getLocationPrecision()));
        record.add(incident.isDemo());
        attributeColumns.forEach(column -> record.add(CsvCells.escape(incident.getAttributes().get(column))));
        csv.printRecord(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CsvPage(text.toString(), page.size());
  }

  /** CSV text and the number of incidents in it (a text cell may hold line breaks: lines do not tell). */
  public record CsvPage(String text, int rows) {
  }

  /** A date for date-only sources, else the date-time with its Amsterdam offset. */
  static String occurredAt(IncidentEntity incident) {
    return incident.isOccurredAtHasTime()
        ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(incident.getOccurredAt().atZone(NETHERLANDS).toOffsetDateTime())
        : LocalDate.ofInstant(incident.getOccurredAt(), NETHERLANDS).toString();
  }

  /** Metres without a needless ".0", so exported coordinates read like the imported ones. */
  private static String plain(double metres) {
    return metres == Math.rint(metres) ? Long.toString((long) metres) : Double.toString(metres);
  }
}
