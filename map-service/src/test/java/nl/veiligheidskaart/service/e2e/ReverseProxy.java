package nl.veiligheidskaart.service.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx as a load balancer in front of service replicas, round robin, as
 * docs/deployment.md configures it; each answer says in {@code X-Upstream} which replica gave it.
 * It needs the package scripts/test.sh installs ({@code nginx}).
 */
final class ReverseProxy implements AutoCloseable {

  private static final Path NGINX = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final Path dir;
  private final int port;

  private ReverseProxy(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  static ReverseProxy start(Path dir, List<String> upstreamBaseUrls) throws IOException, InterruptedException {
    if (!Files.isExecutable(NGINX)) {
      throw new IllegalStateException("No nginx at " + NGINX + ": run scripts/test.sh, which installs it");
    }
    Files.createDirectories(dir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String servers = upstreamBaseUrls.stream().map(url -> "    server " + url.replaceFirst("^http://", "")
        .replace("localhost", "127.0.0.1") + ";").collect(Collectors.joining("\n"));
    // As root the workers would run as nobody, who cannot enter the test's private directory.
    String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
    Files.writeString(dir.resolve("nginx.conf"), user + """
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 256; }
        http {
          access_log %1$s/access.log;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          client_max_body_size 1g;
          upstream replicas {
        %2$s
          }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://replicas;
              proxy_set_header Host $http_host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_set_header X-Forwarded-Port $server_port;
              add_header X-Upstream $upstream_addr always;
            }
          }
        }
        """.formatted(dir, servers, port));
    Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf")
        .toString(), "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile())
        .start();
    ReverseProxy proxy = new ReverseProxy(process, dir, port);
    proxy.awaitListening();
    return proxy;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitListening() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx stopped:\n" + Files.readString(dir.resolve("nginx.out")));
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IllegalStateException("nginx did not listen within 20 s:\n" + Files.readString(dir.resolve("nginx.out")));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
