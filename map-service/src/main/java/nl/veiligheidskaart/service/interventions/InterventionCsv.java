package nl.veiligheidskaart.service.interventions;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import nl.veiligheidskaart.geodata.crs.Crs;
import nl.veiligheidskaart.geodata.crs.CrsTransform;
import nl.veiligheidskaart.geodata.io.CsvCells;
import nl.veiligheidskaart.geodata.io.GeoJsonGeometries;
import nl.veiligheidskaart.service.store.InterventionEntity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The register as CSV, in the columns its import reads ({@code intake/InterventionImporter}): an
 * export edited in a spreadsheet imports back, each row with an {@code id} replacing that
 * intervention. A drawn area is a GeoJSON geometry in CRS84.
 */
public final class InterventionCsv {

  /** The columns, in file order. */
  public static final List<String> COLUMNS = List.of("id", "type", "municipality", "date", "categories",
      "description", "geometry", "registered_by", "registered_at");
  private static final int DEGREE_DECIMALS = 7;

  private InterventionCsv() {
  }

  public static void write(List<InterventionEntity> interventions, Writer out) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
        .setHeader(COLUMNS.toArray(String[]::new)).get();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      for (InterventionEntity intervention : interventions) {
        csv.printRecord(intervention.getId(), intervention.getType(), intervention.getMunicipalityCode(),
            intervention.getDate(), String.join(",", intervention.getCategories()),
            CsvCells.escape(intervention.getDescription()),
            intervention.getGeometry() == null ? null : GeoJsonGeometries.write(
                CrsTransform.transform(intervention.getGeometry(), Crs.RD_NEW, Crs.WGS84), DEGREE_DECIMALS),
            CsvCells.escape(intervention.getRegisteredBy()), intervention.getRegisteredAt());
      }
    }
  }
}
