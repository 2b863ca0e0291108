import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.veiligheidskaart.geodata.boundary.BoundaryFileReader;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.analysis.KnoxTest;
import nl.veiligheidskaart.service.demo.DemoDataGenerator;
import org.locationtech.jts.geom.Geometry;

/**
 * The near-repeat benchmark's Java side (run by bench/near-repeat.sh, which times R beside it):
 * the Knox table of 50 000 demo incidents (distance bands 0,100,200,400,800 m, day bands
 * 0,7,14,21,28), counted exactly, and the whole test with 999 permutations. Writes the incidents
 * and its table for R, which counts the same pairs.
 *
 *   java -cp CLASSPATH bench/NearRepeatBenchmark.java GEODATA_DIR WORK_DIR
 */
public class NearRepeatBenchmark {

  static final int RUNS = 7;
  static final int INCIDENTS = 50_000;
  static final double[] DISTANCES = {0, 100, 200, 400, 800};
  static final int[] DAYS = {0, 7, 14, 21, 28};

  public static void main(String[] args) throws IOException {
    Path geodata = Path.of(args[0]);
    Path work = Path.of(args[1]);
    ReferenceGeography reference = ReferenceGeography.oostNederland();
    Map<String, Geometry> boundaries = new BoundaryFileReader()
        .read(geodata.resolve("gemeenten-oost-nederland-2019.geojson"), reference, 2019).geometriesByCode();
    new DemoDataGenerator(boundaries, reference, DemoDataGenerator.DEFAULT_SEED, LocalDate.of(2025, 1, 1), INCIDENTS)
        .writeFiles(work.resolve("demo"));
    List<String> lines = Files.readAllLines(work.resolve("demo").resolve("incidents.csv"));
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int n = lines.size() - 1;
    double[] xs = new double[n];
    double[] ys = new double[n];
    int[] days = new int[n];
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(work.resolve("incidents.csv")))) {
      out.println("x,y,day");
      for (int i = 0; i < n; i++) {
        String[] fields = lines.get(i + 1).split(",");
        xs[i] = Double.parseDouble(fields[header.indexOf("x")]);
        ys[i] = Double.parseDouble(fields[header.indexOf("y")]);
        days[i] = (int) LocalDate.parse(fields[header.indexOf("occurred_at")].substring(0, 10)).toEpochDay();
        out.println(xs[i] + "," + ys[i] + "," + days[i]);
      }
    }

    double[] counting = new double[RUNS];
    KnoxTest.Table table = null;
    for (int run = 0; run < RUNS + 2; run++) {
      long started = System.nanoTime();
      table = KnoxTest.test(KnoxTest.closePairs(xs, ys, DISTANCES), days, DAYS, 0, 1, 1);
      if (run >= 2) {
        counting[run - 2] = (System.nanoTime() - started) / 1e6;
      }
    }
    long started = System.nanoTime();
    KnoxTest.Table tested = KnoxTest.test(KnoxTest.closePairs(xs, ys, DISTANCES), days, DAYS, 999, 2019,
        Runtime.getRuntime().availableProcessors());
    double permuted = (System.nanoTime() - started) / 1e6;
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(work.resolve("java-table.csv")))) {
      out.println("row,column,observed");
      for (int r = 0; r < table.rows(); r++) {
        for (int c = 0; c < table.columns(); c++) {
          out.println(r + "," + c + "," + table.observed()[r][c]);
        }
      }
    }
    System.out.printf("incidents %d, close pairs (< 800 m) %d%n", n, KnoxTest.closePairs(xs, ys, DISTANCES).size());
    System.out.printf("java knox counting median %.1f ms%n", median(counting));
    System.out.printf("java knox 999 permutations %.1f ms on %d cores; first band knox ratio %.2f, p %.3f%n", permuted,
        Runtime.getRuntime().availableProcessors(), tested.knoxRatio()[1][0], tested.p()[1][0]);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
