package nl.veiligheidskaart.service.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Pattern;
import nl.veiligheidskaart.service.api.ImportReport;
import nl.veiligheidskaart.service.api.InvalidParameterException;
import nl.veiligheidskaart.service.store.RiskFactorPointEntity;
import nl.veiligheidskaart.service.store.RiskFactorPointRepository;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.stereotype.Service;

/**
 * Imports a point layer as a risk factor of risk terrain models, under a name of the ADMIN's
 * choosing: a CSV with {@code source_id} and location columns, or a GeoJSON or GeoPackage file of
 * points with {@code source_id}, as the registers of risk locations ({@code docs/import-formats.md}).
 * The layer is replaced whole, in one transaction: strict mode stores nothing when a row is bad.
 */
@Service
public class RiskFactorImporter {

  /** Lower-case words joined by hyphens, as the registers' names: it appears in URLs and in answers. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final int MAX_NAME_LENGTH = 40;

  private final RiskFactorPointRepository points;
  private final Importers registers;
  private final Placements placements;
  private final ImportTransactions transactions;

  RiskFactorImporter(RiskFactorPointRepository points, Importers registers, Placements placements,
      ImportTransactions transactions) {
    this.points = points;
    this.registers = registers;
    this.placements = placements;
    this.transactions = transactions;
  }

  /**
   * @throws InvalidParameterException naming {@code name} when it is no fit name or names an import of its own
   * @throws ImportFileException when the file as a whole cannot be read; nothing is stored then
   */
  public ImportReport importLayer(String name, Path file, String fileName, ImportMode mode) {
    if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw new InvalidParameterException("name", "a risk factor's name is lower-case letters and digits joined by "
          + "hyphens, at most " + MAX_NAME_LENGTH + " characters, e.g. cash-machines; not '" + name + "'");
    }
    if (registers.forLayer(name).isPresent()) {
      throw new InvalidParameterException("name", "'" + name + "' is a register with an import of its own: "
          + "POST /api/v1/import/" + name);
    }
    boolean features = FeatureRows.isFeatureFile(fileName);
    Placement placement = placements.newest();
    return transactions.<RiskFactorPointEntity>run("risk-factors/" + name, mode, ImportRun.MAX_RISK_LOCATIONS, run -> {
      points.deleteLayer(name);
      if (features) {
        offerAll(FeatureRows.read(file).iterator(), run, null, placement, name);
        return;
      }
      try (InputStream in = Files.newInputStream(file); CsvRows rows = new CsvRows(in)) {
        rows.require("source_id");
        offerAll(rows, run, LocationColumns.of(rows.header()), placement, name);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private void offerAll(Iterator<SourceRow> rows, ImportRun<RiskFactorPointEntity> run, LocationColumns location,
      Placement placement, String name) {
    while (rows.hasNext()) {
      run.offer(rows.next(), check -> {
        String sourceId = check.text("source_id", true, 255);
        run.uniqueSourceId(check, sourceId);
        Coordinate point = PointLocation.read(check, location);
        String municipality = point == null ? null
            : placement.municipality(check, PointLocation.column(location), point);
        return check.ok() ? new RiskFactorPointEntity(name, sourceId, PointLocation.RD_NEW.createPoint(point),
            municipality) : null;
      }, points::save);
    }
  }
}
