package nl.veiligheidskaart.service.e2e;

import static nl.veiligheidskaart.service.web.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import nl.veiligheidskaart.geodata.boundary.BoundaryFileReader;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.web.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * The store survives a crash or a stop at any moment of a large import, the embedded default and
 * PostGIS alike: the packaged jar is killed (SIGKILL) right after it confirmed an import, early in
 * one, late in one (near its commit), and stopped (SIGTERM) in the middle of one. After every
 * restart the store opens, each import is there whole or not at all (whole when it was
 * confirmed), every account made before the kill signs in, and every answered request has its
 * audit row.
 */
class CrashSafetyIT {

  /** Large enough that H2 writes the open transaction to the file long before its commit. */
  private static final int ROWS = 100_000;

  private record Interruption(String name, boolean sigkill, double fractionOfImport) {
  }

  private static final List<Interruption> INTERRUPTIONS = List.of(
      new Interruption("kill -9 right after the import was confirmed", true, -1),
      new Interruption("kill -9 early in an import", true, 0.3),
      new Interruption("kill -9 late in an import, near its commit", true, 0.9),
      new Interruption("SIGTERM in the middle of an import", false, 0.5));

  @TempDir
  Path work;

  /** The running service, replaced at each restart; stopped after the test whatever its outcome. */
  ServiceProcess service;

  /** The PostGIS the service stores in, for that run; null for the embedded store. */
  LocalPostgis postgis;

  final List<String> serviceProperties = new ArrayList<>();

  final ExecutorService background = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() throws Exception {
    background.shutdownNow();
    if (service != null) {
      service.close();
    }
    if (postgis != null) {
      postgis.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"embedded H2GIS", "PostGIS"})
  void everyInterruptedImportIsThereWholeOrNotAtAllAndAccountsAndAuditSurvive(String store) throws Exception {
    serviceProperties.addAll(List.of("--veiligheidskaart.demo-data=false",
        "--veiligheidskaart.geodata-dir=" + SharedGeodata.dir()));
    // PostgreSQL's own recovery is not ours to prove: two kills show the service keeps its promises there.
    List<Interruption> interruptions = INTERRUPTIONS;
    if (store.equals("PostGIS")) {
      postgis = LocalPostgis.create("veiligheidskaart_crash");
      serviceProperties.add("--spring.datasource.url=" + postgis.jdbcUrl("veiligheidskaart_crash"));
      interruptions = List.of(INTERRUPTIONS.get(0), INTERRUPTIONS.get(2));
    }
    Path dataDir = work.resolve("data");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < interruptions.size(); i++) {
      files.add(incidentFile(work.resolve("incidents-" + i + ".csv"), "CRASH-" + i + "-", i));
    }
    service = start(dataDir);
    long stored = 0;
    long importMillis = 0;
    Map<String, String> accounts = new ConcurrentHashMap<>();
    Set<Integer> answeredReads = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < interruptions.size(); i++) {
      Interruption interruption = interruptions.get(i);
      ApiClient admin = ApiClient.signedIn(service.baseUrl(), dataDir, "beheer");
      ApiClient analyst = ApiClient.signedIn(service.baseUrl(), dataDir, "analist");
      String username = "crash-" + i;
      String password = "een-lang-wachtwoord-" + i;
      var created = admin.postJson("/api/v1/admin/users", Map.of("username", username, "password", password,
          "role", "ANALYST"));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      accounts.put(username, password);

      // Reads during the import, each with its own offset so that its audit row can be found
      // (at most 200 a round: the audit trail hands out 1 000 rows at a time).
      AtomicBoolean reading = new AtomicBoolean(true);
      int firstRead = i * 1_000;
      CompletableFuture<Void> reads = CompletableFuture.runAsync(() -> {
        for (int n = firstRead; reading.get() && n < firstRead + 200; n++) {
          try {
            if (analyst.get("/api/v1/incidents?limit=1&offset=" + n).statusCode() == 200) {
              answeredReads.add(n);
            }
            Thread.sleep(50);
          } catch (RuntimeException | InterruptedException serviceGone) {
            return;
          }
        }
      }, background);
      long started = System.nanoTime();
      Path file = files.get(i);
      CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(
          () -> admin.upload("/api/v1/import/incidents", file), background);
      if (interruption.fractionOfImport() < 0) {
        HttpResponse<String> answer = upload.join();
        importMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        service.kill();
      } else {
        Thread.sleep(Math.round(importMillis * interruption.fractionOfImport()));
        if (interruption.sigkill()) {
          service.kill();
        } else {
          service.close();
        }
      }
      reading.set(false);
      reads.exceptionally(e -> null).join();
      Integer confirmed = upload.handle((answer, failure) -> failure == null ? answer.statusCode() : null).join();

      service = start(dataDir);
      long now = incidentCount(service, dataDir);
      String situation = interruption.name() + " (answer: " + confirmed + ")";
      assertThat(now - stored).as(situation).isIn(0L, (long) ROWS);
      if (confirmed != null && confirmed == 200) {
        assertThat(now - stored).as(situation).isEqualTo(ROWS);
      }
      stored = now;
      for (var account : accounts.entrySet()) {
        ApiClient user = ApiClient.basic(service.baseUrl(), account.getKey(), account.getValue());
        assertThat(user.get("/api/v1/municipalities/GM0150").statusCode()).as(situation + ": " + account.getKey())
            .isEqualTo(200);
      }
      Set<Integer> audited = auditedReads(service, dataDir);
      assertThat(audited).as(situation + ": audit rows of the answered reads").containsAll(answeredReads);
    }
  }

  private ServiceProcess start(Path dataDir) throws IOException, InterruptedException {
    return ServiceProcess.start(dataDir, serviceProperties.toArray(String[]::new));
  }

  private static long incidentCount(ServiceProcess service, Path dataDir) {
    var answer = ApiClient.signedIn(service.baseUrl(), dataDir, "analist").get("/api/v1/incidents?limit=1");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json(answer).get("numberMatched").asLong();
  }

  /** The offsets of the analyst's incident reads that the audit trail holds. */
  private static Set<Integer> auditedReads(ServiceProcess service, Path dataDir) {
    var answer = ApiClient.signedIn(service.baseUrl(), dataDir, "beheer")
        .get("/api/v1/admin/audit?user=analist&limit=1000");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    Set<Integer> offsets = new HashSet<>();
    for (JsonNode row : json(answer)) {
      String parameters = row.get("parameters").isNull() ? "" : row.get("parameters").asString();
      for (String parameter : parameters.split("&")) {
        if (parameter.startsWith("offset=")) {
          offsets.add(Integer.parseInt(parameter.substring("offset=".length())));
        }
      }
    }
    return offsets;
  }

  /** Incidents at the interior points of the 76 municipalities, spread a little, with their own source ids. */
  private static Path incidentFile(Path file, String prefix, long seed) throws IOException {
    ReferenceGeography reference = ReferenceGeography.oostNederland();
    List<Coordinate> points = new BoundaryFileReader()
        .read(SharedGeodata.file("gemeenten-oost-nederland-2019.geojson"), reference, 2019)
        .geometriesByCode().values().stream().map(Geometry::getInteriorPoint).map(Geometry::getCoordinate)
        .collect(Collectors.toList());
    Random random = new Random(seed);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("source_id,category,occurred_at,x,y\n");
      for (int n = 0; n < ROWS; n++) {
        Coordinate at = points.get(n % points.size());
        out.write(prefix + n + ",woninginbraak,2025-" + String.format("%02d-%02d", 1 + n % 12, 1 + n % 28) + ","
            + Math.round(at.x + random.nextInt(100) - 50) + "," + Math.round(at.y + random.nextInt(100) - 50) + "\n");
      }
    }
    return file;
  }
}
