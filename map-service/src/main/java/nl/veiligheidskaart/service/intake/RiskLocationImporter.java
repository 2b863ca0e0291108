package nl.veiligheidskaart.service.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.store.RiskLocationEntity;
import nl.veiligheidskaart.service.store.RiskLocationRepository;
import org.locationtech.jts.geom.Geometry;

/**
 * Imports a register of risk locations, one kind each (hemp sites, holiday parks, OMG clubhouses):
 * rows from a CSV with location columns or from a GeoJSON or GeoPackage file, each checked by the
 * kind's own rules, placed in its municipality, and stored by source id (a new import of a source
 * record replaces it), in one transaction.
 *
 * @param <G> the geometry of the kind
 * @param <A> what the register says of a location
 */
abstract class RiskLocationImporter<G extends Geometry, A, E extends RiskLocationEntity<G, A>>
    implements LayerImporter {

  private final String layer;
  private final List<String> csvColumns;
  private final RiskLocationRepository<E> register;
  private final Function<String, E> newLocation;
  private final Placements placements;
  private final ImportTransactions transactions;

  /**
   * @param csvColumns the columns a CSV must have; empty when the kind has no CSV form (areas)
   * @param newLocation a location of this kind with a source id
   */
  protected RiskLocationImporter(String layer, List<String> csvColumns, RiskLocationRepository<E> register,
      Function<String, E> newLocation, Placements placements, ImportTransactions transactions) {
    this.layer = layer;
    this.csvColumns = csvColumns;
    this.register = register;
    this.newLocation = newLocation;
    this.placements = placements;
    this.transactions = transactions;
  }

  @Override
  public final String layer() {
    return layer;
  }

  /**
   * A checked row, or null when the check failed.
   *
   * @param location the CSV's location columns, or null for a feature file
   */
  protected abstract RiskLocationRow<G, A> check(RowCheck check, ImportRun<?> run, LocationColumns location,
      Placement placement);

  @Override
  public final ImportReport importFile(Path file, String fileName, ImportMode mode, ImportProgress progress) {
    boolean features = FeatureRows.isFeatureFile(fileName);
    if (!features && csvColumns.isEmpty()) {
      throw new ImportFileException(0, null, "the layer '" + layer + "' holds areas: send a GeoJSON (.geojson, "
          + ".json) or GeoPackage (.gpkg) file, not '" + fileName + "'");
    }
    Placement placement = placements.newest();
    return transactions.<RiskLocationRow<G, A>>run(layer, mode, ImportRun.MAX_RISK_LOCATIONS, run -> {
      if (features) {
        offerAll(FeatureRows.read(file).iterator(), run, null, placement);
        return;
      }
      try (InputStream in = new ProgressInputStream(Files.newInputStream(file), progress);
          CsvRows rows = new CsvRows(in)) {
        rows.require(csvColumns.toArray(String[]::new));
        offerAll(rows, run, LocationColumns.of(rows.header()), placement);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private void offerAll(Iterator<SourceRow> rows, ImportRun<RiskLocationRow<G, A>> run, LocationColumns location,
      Placement placement) {
    while (rows.hasNext()) {
      run.offer(rows.next(), check -> check(check, run, location, placement),
          row -> row.storeIn(register, newLocation));
    }
  }
}
