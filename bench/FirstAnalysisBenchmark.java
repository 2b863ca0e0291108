import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import nl.veiligheidskaart.geodata.boundary.BoundaryFileReader;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.analysis.BinaryWeights;
import nl.veiligheidskaart.service.analysis.GetisOrdGiStar;
import nl.veiligheidskaart.service.analysis.KernelDensity;
import nl.veiligheidskaart.service.analysis.ScaleOfAnalysis;
import nl.veiligheidskaart.service.analysis.SignificanceBins;
import nl.veiligheidskaart.service.analysis.SquareGrid;
import nl.veiligheidskaart.service.analysis.StudyArea;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The first hot spot and density request's own work, step by step, on N demo incidents (issue 19):
 * the same steps HotspotService and DensityService take with every default left to the service
 * (cell size, distance band, bandwidth), timed per step, for the filters of bench/volume.sh.
 *
 *   java -Xmx12g -cp CLASSPATH bench/FirstAnalysisBenchmark.java GEODATA_DIR WORK_DIR ROWS
 */
public class FirstAnalysisBenchmark {

  public static void main(String[] args) throws IOException {
    Path geodata = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int rows = Integer.parseInt(args[2]);
    ReferenceGeography reference = ReferenceGeography.oostNederland();
    Map<String, Geometry> boundaries = new BoundaryFileReader()
        .read(geodata.resolve("gemeenten-oost-nederland-2019.geojson"), reference, 2019).geometriesByCode();
    Path csv = work.resolve("incidents-" + rows + ".csv");
    if (!Files.exists(csv)) {
      try (Writer out = Files.newBufferedWriter(csv)) {
        new DemoDataGenerator(boundaries, reference, DemoDataGenerator.DEFAULT_SEED, LocalDate.of(2026, 6, 15), rows)
            .writeIncidents(out);
      }
    }
    String[] categories = new String[rows];
    String[] years = new String[rows];
    double[] xs = new double[rows];
    double[] ys = new double[rows];
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(csv)) {
      String[] header = in.readLine().split(",");
      int c = Arrays.asList(header).indexOf("category");
      int t = Arrays.asList(header).indexOf("occurred_at");
      int x = Arrays.asList(header).indexOf("x");
      int y = Arrays.asList(header).indexOf("y");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        categories[n] = f[c].intern();
        years[n] = f[t].substring(0, 4).intern();
        xs[n] = Double.parseDouble(f[x]);
        ys[n] = Double.parseDouble(f[y]);
        n++;
      }
    }
    Envelope extent = new Envelope();
    boundaries.values().forEach(b -> extent.expandToInclude(b.getEnvelopeInternal()));
    for (String filter : new String[] {"woninginbraak", "hennep", "2025"}) {
      int selected = 0;
      for (int i = 0; i < n; i++) {
        if (filter.equals(categories[i]) || filter.equals(years[i])) {
          selected++;
        }
      }
      double[] sx = new double[selected];
      double[] sy = new double[selected];
      for (int i = 0, j = 0; i < n; i++) {
        if (filter.equals(categories[i]) || filter.equals(years[i])) {
          sx[j] = xs[i];
          sy[j++] = ys[i];
        }
      }
      for (int run = 0; run < 2; run++) {
        StringBuilder line = new StringBuilder(String.format("%s (%d) run %d:", filter, selected, run));
        long t0 = System.nanoTime();
        ScaleOfAnalysis.Choice cell = ScaleOfAnalysis.cellSize(sx, sy);
        long t1 = lap(line, "cellSize " + cell.value(), t0);
        StudyArea area = StudyArea.of(new SquareGrid(cell.value()), boundaries.values());
        double[] counts = area.counts(sx, sy);
        long t2 = lap(line, "area+counts " + area.size(), t1);
        ScaleOfAnalysis.Choice band = ScaleOfAnalysis.distanceBand(area, counts);
        long t3 = lap(line, "band " + band.value(), t2);
        BinaryWeights weights = BinaryWeights.distanceBand(area, band.value(), true);
        double[] z = GetisOrdGiStar.zScores(counts, weights);
        SignificanceBins.bins(SignificanceBins.twoSidedP(z), z, true);
        long t4 = lap(line, "gi*", t3);
        line.append(String.format(" | hotspots %.0f ms |", (t4 - t0) / 1e6));
        ScaleOfAnalysis.Choice h = ScaleOfAnalysis.kernelBandwidth(sx, sy);
        long t5 = lap(line, "bandwidth " + Math.round(h.value()), t4);
        KernelDensity.Raster raster = KernelDensity.quartic(sx, sy, h.value(), new SquareGrid(100), extent);
        long t6 = lap(line, "kde " + raster.columns() + "x" + raster.rows(), t5);
        line.append(String.format(" | density %.0f ms", (t6 - t4) / 1e6));
        System.out.println(line);
        System.out.println("  " + cell.chosenBy() + "; " + band.chosenBy() + "; " + h.chosenBy());
      }
    }
  }

  static long lap(StringBuilder line, String what, long since) {
    long now = System.nanoTime();
    line.append(String.format(" %s %.0f ms;", what, (now - since) / 1e6));
    return now;
  }
}
