package nl.veiligheidskaart.service.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service jar, started as users start it ({@code java -jar}) on a free port with its
 * own data directory, and stopped again. Its output goes to {@code service.log} in that directory.
 */
final class ServiceProcess implements AutoCloseable {

  /**
   * A first start loads the demo data: 3 min 20 s was measured on a two-core machine shared with
   * three other builds.
   */
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);

  private final Process process;
  private final Path dataDir;
  private final int port;

  private ServiceProcess(Process process, Path dataDir, int port) {
    this.process = process;
    this.dataDir = dataDir;
    this.port = port;
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("serviceJar", "target/map-service.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No service jar at " + jar.toAbsolutePath() + ": run 'mvn verify'");
    }
    return jar;
  }

  static ServiceProcess start(Path dataDir, String... properties) throws IOException, InterruptedException {
    return startIn(Path.of("").toAbsolutePath(), dataDir, properties);
  }

  /** Starts the jar with {@code workingDir} as its working directory, as a user's shell would. */
  static ServiceProcess startIn(Path workingDir, Path dataDir, String... properties)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar().toString(),
        "--server.port=" + port, "--veiligheidskaart.data-dir=" + dataDir));
    command.addAll(List.of(properties));
    Files.createDirectories(dataDir);
    Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("service.log").toFile()).start();
    ServiceProcess service = new ServiceProcess(process, dataDir, port);
    service.awaitHealthy();
    return service;
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  Path dataDir() {
    return dataDir;
  }

  String log() throws IOException {
    return Files.readString(dataDir.resolve("service.log"));
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The service stopped during start-up:\n" + log());
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep waiting
      }
      Thread.sleep(250);
    }
    close();
    throw new IllegalStateException("The service was not healthy within " + STARTUP_TIMEOUT + ":\n" + log());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process as a crash or {@code kill -9} would: no shutdown hooks, nothing flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Stops the process with SIGTERM, as a service manager does, and waits for it to end. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
