package nl.veiligheidskaart.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import nl.veiligheidskaart.service.SharedGeodata;
import nl.veiligheidskaart.service.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service outlives a restart of its PostGIS. While an administrator imports batch after
 * batch and a monitor polls the health endpoint, the database is stopped and started again:
 * health goes down and comes back up without restarting the service, every import that was
 * answered 200 is stored whole, every other import is either stored whole or not at all, and
 * answers during the outage are 503 problem+json, quickly; the viewer's session (kept in the
 * database) is answered 503 too, and works again after the restart. Then the store is backed up while the
 * service runs and restored by the recipe of docs/operations.md, and the copy holds the same rows.
 */
class PostgisRestartIT {

  private static final String DATABASE = "veiligheidskaart_restart";
  private static final int BATCH_SIZE = 25;
  private static final Duration QUICK_ANSWER = Duration.ofSeconds(10);

  @TempDir
  Path dataDir;

  record Answer(int batch, int status, String contentType, Duration took) {
  }

  @Test
  void healthGoesDownAndUpAndNoAcceptedImportIsLost() throws Exception {
    try (LocalPostgis postgis = LocalPostgis.create(DATABASE);
        ServiceProcess service = ServiceProcess.start(dataDir, "--spring.datasource.url=" + postgis.jdbcUrl(DATABASE),
            "--veiligheidskaart.geodata-dir=" + SharedGeodata.dir(), "--veiligheidskaart.demo-data=false",
            // this test imports without pause, far faster than any administrator
            "--veiligheidskaart.limits.heavy-requests-per-minute=100000")) {
      ApiClient admin = ApiClient.signedIn(service.baseUrl(), dataDir, "beheer");
      ViewerSession viewer = ViewerSession.signIn(service.baseUrl(), "analist",
          ApiClient.initialCredentials(dataDir).get("analist"));
      List<Answer> imports = new CopyOnWriteArrayList<>();
      List<Integer> health = new CopyOnWriteArrayList<>();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread importer = new Thread(() -> {
        for (int batch = 0; running.get(); batch++) {
          Instant start = Instant.now();
          HttpResponse<String> answer = admin.upload("/api/v1/import/incidents", batch(batch));
          imports.add(new Answer(batch, answer.statusCode(),
              answer.headers().firstValue("Content-Type").orElse(""), Duration.between(start, Instant.now())));
        }
      });
      Thread monitor = new Thread(() -> {
        HttpClient http = HttpClient.newHttpClient();
        while (running.get()) {
          health.add(healthStatus(http, service.baseUrl()));
          pause(100);
        }
      });
      importer.start();
      monitor.start();
      int outage;
      int restart;
      try {
        await(imports, 0, answer -> answer.status() == 200, 3, "3 imports before the outage");
        postgis.stop();
        outage = imports.size();
        await(health, 0, status -> status == 503, 1, "health to go down");
        // the viewer's session is kept in the database: it cannot be read now, but it is not lost
        HttpResponse<String> sessionDuringOutage = viewer.get("/api/v1/viewer-config");
        assertThat(sessionDuringOutage.statusCode()).as("a session during the outage").isEqualTo(503);
        assertThat(sessionDuringOutage.headers().firstValue("Content-Type")).get().asString()
            .startsWith("application/problem+json");
        await(imports, outage, answer -> answer.status() != 200, 2, "2 imports refused during the outage");
        postgis.start();
        restart = imports.size();
        await(health, health.indexOf(503), status -> status == 200, 1, "health to come back up");
        await(imports, restart, answer -> answer.status() == 200, 3, "3 imports after the restart");
        assertThat(viewer.get("/api/v1/viewer-config").statusCode()).as("the session after the restart").isEqualTo(200);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\nService log:\n" + service.log(), e);
      } finally {
        running.set(false);
        importer.join(QUICK_ANSWER.toMillis());
        monitor.join(QUICK_ANSWER.toMillis());
      }

      assertThat(health.subList(0, health.indexOf(503))).as("up before the outage").contains(200);
      assertThat(imports.subList(outage, restart)).as("answers during the outage")
          .isNotEmpty()
          .allSatisfy(answer -> {
            assertThat(answer.status()).isIn(200, 503);
            assertThat(answer.took()).isLessThan(QUICK_ANSWER);
          })
          .filteredOn(answer -> answer.status() == 503)
          .allSatisfy(answer -> assertThat(answer.contentType()).startsWith("application/problem+json"));
      System.out.printf("PostGIS restart: %d imports, %d accepted, %d refused with 503; health polls %d, down %d%n",
          imports.size(), imports.stream().filter(answer -> answer.status() == 200).count(),
          imports.stream().filter(answer -> answer.status() == 503).count(), health.size(),
          health.stream().filter(status -> status == 503).count());
      Map<Integer, Integer> stored = storedPerBatch(postgis);
      for (Answer answer : imports) {
        int rows = stored.getOrDefault(answer.batch(), 0);
        if (answer.status() == 200) {
          assertThat(rows).as("accepted batch %d", answer.batch()).isEqualTo(BATCH_SIZE);
        } else {
          assertThat(rows).as("refused batch %d: whole or nothing", answer.batch()).isIn(0, BATCH_SIZE);
        }
      }

      postgis.dumpAndRestore(DATABASE, DATABASE + "_restored");
      // The live store may have gained audit rows since the dump: compare up to the copy's newest row.
      for (String table : List.of("incident", "audit_entry", "municipality_boundary")) {
        String upToCopy = " FROM " + table + " WHERE id <= " + postgis.query(DATABASE + "_restored",
            "SELECT max(id) FROM " + table);
        String rows = "SELECT count(*), md5(string_agg(" + (table.equals("audit_entry") ? "endpoint || status"
            : "ST_AsEWKB(geometry)::text") + ", ',' ORDER BY id))" + upToCopy;
        assertThat(postgis.query(DATABASE + "_restored", rows)).as("%s in the restored copy", table)
            .isEqualTo(postgis.query(DATABASE, rows));
      }
      String accounts = "SELECT string_agg(username || password_hash || role, ',' ORDER BY username) FROM user_account";
      assertThat(postgis.query(DATABASE + "_restored", accounts)).as("accounts in the restored copy")
          .isEqualTo(postgis.query(DATABASE, accounts));
    }
  }

  /** A small CSV of incidents in Deventer whose source ids say which batch they came in. */
  private Path batch(int batch) {
    StringBuilder csv = new StringBuilder("source_id,category,occurred_at,x,y\n");
    for (int i = 0; i < BATCH_SIZE; i++) {
      csv.append("RESTART-").append(batch).append('-').append(i).append(",woninginbraak,2026-11-0")
          .append(1 + i % 9).append(',').append(194_215 + i * 10).append(",469380\n");
    }
    try {
      return Files.writeString(dataDir.resolve("batch-" + batch + ".csv"), csv);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Integer, Integer> storedPerBatch(LocalPostgis postgis) throws Exception {
    Map<Integer, Integer> stored = new HashMap<>();
    String rows = postgis.query(DATABASE, "SELECT split_part(source_id, '-', 2), count(*) FROM incident "
        + "WHERE source_id LIKE 'RESTART-%' GROUP BY split_part(source_id, '-', 2)");
    for (String line : rows.lines().toList()) {
      String[] batchAndCount = line.split("\\|");
      stored.put(Integer.parseInt(batchAndCount[0]), Integer.parseInt(batchAndCount[1]));
    }
    return stored;
  }

  private static int healthStatus(HttpClient http, String baseUrl) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(QUICK_ANSWER).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Waits until {@code count} of what was seen from index {@code from} on is as wanted. */
  private static <T> void await(List<T> seen, int from, Predicate<T> wanted, int count, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (List.copyOf(seen).stream().skip(from).filter(wanted).count() < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Waited a minute for " + what + "; saw " + seen);
      }
      pause(50);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
