import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import nl.veiligheidskaart.geodata.boundary.BoundaryFileReader;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.analysis.BinaryWeights;
import nl.veiligheidskaart.service.analysis.ConditionalPermutation;
import nl.veiligheidskaart.service.analysis.GetisOrdGiStar;
import nl.veiligheidskaart.service.analysis.KernelDensity;
import nl.veiligheidskaart.service.analysis.SignificanceBins;
import nl.veiligheidskaart.service.analysis.SquareGrid;
import nl.veiligheidskaart.service.analysis.StudyArea;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The hotspot benchmark's Java side (run by bench/hotspot-analysis.sh, which times R beside it):
 * Gi* on the 250 m grid of the 76 municipalities with a 750 m band (analytic, and with 999
 * permutations), and quartic kernel density of
 * 1 000 000 demo incidents on 100 m cells with a 500 m bandwidth. Writes the same inputs for R.
 *
 *   java -cp CLASSPATH bench/HotspotBenchmark.java GEODATA_DIR WORK_DIR
 */
public class HotspotBenchmark {

  static final int RUNS = 7;

  public static void main(String[] args) throws IOException {
    Path geodata = Path.of(args[0]);
    Path work = Path.of(args[1]);
    ReferenceGeography reference = ReferenceGeography.oostNederland();
    Map<String, Geometry> boundaries = new BoundaryFileReader()
        .read(geodata.resolve("gemeenten-oost-nederland-2019.geojson"), reference, 2019).geometriesByCode();

    // One million demo incidents, the same for Java and R.
    Path incidents = work.resolve("incidents.csv");
    new DemoDataGenerator(boundaries, reference, DemoDataGenerator.DEFAULT_SEED, LocalDate.of(2025, 1, 1), 1_000_000)
        .writeFiles(work.resolve("demo"));
    double[][] points = readPoints(work.resolve("demo").resolve("incidents.csv"));
    double[] xs = points[0];
    double[] ys = points[1];
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(incidents))) {
      out.println("x,y");
      for (int i = 0; i < xs.length; i++) {
        out.println(xs[i] + "," + ys[i]);
      }
    }

    StudyArea area = StudyArea.of(new SquareGrid(250), boundaries.values());
    double[] counts = area.counts(xs, ys);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(work.resolve("cells.csv")))) {
      out.println("x,y,count");
      for (int cell = 0; cell < area.size(); cell++) {
        out.println(((area.column(cell) + 0.5) * 250) + "," + ((area.row(cell) + 0.5) * 250) + "," + (long) counts[cell]);
      }
    }
    double[] giTimes = new double[RUNS];
    double[] z = null;
    for (int run = 0; run < RUNS + 3; run++) {
      long start = System.nanoTime();
      BinaryWeights weights = BinaryWeights.distanceBand(area, 750, true);
      z = GetisOrdGiStar.zScores(counts, weights);
      SignificanceBins.bins(SignificanceBins.twoSidedP(z), z, true);
      if (run >= 3) {
        giTimes[run - 3] = (System.nanoTime() - start) / 1e6;
      }
    }
    BinaryWeights weights = BinaryWeights.distanceBand(area, 750, true);
    double[] permutationTimes = new double[3];
    for (int run = 0; run < permutationTimes.length + 1; run++) {
      long start = System.nanoTime();
      double[] pseudoP = ConditionalPermutation.pseudoP(counts, weights, 999, 20191, Runtime.getRuntime()
          .availableProcessors());
      SignificanceBins.bins(pseudoP, z, true);
      if (run >= 1) {
        permutationTimes[run - 1] = (System.nanoTime() - start) / 1e6;
      }
    }
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(work.resolve("java-gi.csv")))) {
      out.println("z");
      Arrays.stream(z).forEach(out::println);
    }

    Envelope extent = new Envelope();
    boundaries.values().forEach(b -> extent.expandToInclude(b.getEnvelopeInternal()));
    SquareGrid grid = new SquareGrid(100);
    double[] kdeTimes = new double[RUNS];
    KernelDensity.Raster raster = null;
    for (int run = 0; run < RUNS + 2; run++) {
      long start = System.nanoTime();
      raster = KernelDensity.quartic(xs, ys, 500, grid, extent);
      if (run >= 2) {
        kdeTimes[run - 2] = (System.nanoTime() - start) / 1e6;
      }
    }
    System.out.printf("cells %d, incidents %d, raster %d x %d%n", area.size(), xs.length, raster.columns(),
        raster.rows());
    System.out.printf("raster %d %d %d %d%n", raster.minColumn(), raster.minRow(), raster.columns(), raster.rows());
    System.out.printf("java gi* median %.1f ms (runs: %s)%n", median(giTimes), Arrays.toString(giTimes));
    System.out.printf("java gi* 999 permutations median %.1f ms on %d threads (runs: %s)%n", median(permutationTimes),
        Runtime.getRuntime().availableProcessors(), Arrays.toString(permutationTimes));
    System.out.printf("java kde median %.1f ms (runs: %s)%n", median(kdeTimes), Arrays.toString(kdeTimes));
  }

  static double[][] readPoints(Path csv) throws IOException {
    var lines = Files.readAllLines(csv);
    String[] header = lines.get(0).split(",");
    int x = Arrays.asList(header).indexOf("x");
    int y = Arrays.asList(header).indexOf("y");
    double[] xs = new double[lines.size() - 1];
    double[] ys = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",");
      xs[i - 1] = Double.parseDouble(fields[x]);
      ys[i - 1] = Double.parseDouble(fields[y]);
    }
    return new double[][] {xs, ys};
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
