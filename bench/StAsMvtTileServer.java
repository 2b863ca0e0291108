import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference of bench/map-tiles.sh: the incident tiles of the service, made by PostGIS
 * ST_AsMVT through JDBC and served over HTTP the same way, so that wrk measures both alike.
 * From zoom 14 single incidents with the service's attributes; below, counts per cell of a 16 x 16
 * raster over the tile (the east and south edges belong to the next cell, as in the service).
 *
 *   java -cp postgresql.jar bench/StAsMvtTileServer.java PORT JDBC_URL [CONNECTIONS]
 *   GET /incidents/{z}/{x}/{y}.mvt
 */
public class StAsMvtTileServer {

  static final String POINTS = """
      SELECT ST_AsMVT(q, 'incidents', 4096, 'geom') FROM (
        SELECT ST_AsMVTGeom(ST_Transform(i.geometry, 3857), t.env, 4096, 64, true) AS geom,
               i.source_id AS "sourceId", i.category,
               to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt", i.demo
        FROM incident i, (SELECT ST_TileEnvelope(?, ?, ?) AS env) t
        WHERE i.geometry && ST_Expand(ST_Transform(ST_Expand(t.env, (ST_XMax(t.env) - ST_XMin(t.env)) * 64 / 4096),
                                                   28992), (ST_XMax(t.env) - ST_XMin(t.env)) * 0.01)
      ) q WHERE geom IS NOT NULL""";

  static final String CELLS = """
      WITH b AS (SELECT env, ST_XMin(env) AS minx, ST_YMax(env) AS maxy, (ST_XMax(env) - ST_XMin(env)) / 16 AS size
                 FROM (SELECT ST_TileEnvelope(?, ?, ?) AS env) t),
      p AS (SELECT ST_X(g) AS x, ST_Y(g) AS y FROM (
              SELECT ST_Transform(i.geometry, 3857) AS g FROM incident i, b
              WHERE i.geometry && ST_Expand(ST_Transform(b.env, 28992), b.size * 16 * 0.01)) m),
      c AS (SELECT floor((x - minx) / size)::int AS col, floor((maxy - y) / size)::int AS row, count(*) AS n
            FROM p, b WHERE x >= minx AND x < minx + 16 * size AND y > maxy - 16 * size AND y <= maxy
            GROUP BY 1, 2)
      SELECT ST_AsMVT(q, 'incident-cells', 4096, 'geom') FROM (
        SELECT ST_AsMVTGeom(ST_MakeEnvelope(minx + col * size, maxy - (row + 1) * size, minx + (col + 1) * size,
                                            maxy - row * size, 3857), env, 4096, 64, true) AS geom, n AS count
        FROM c, b) q""";

  static final Pattern TILE = Pattern.compile("/incidents/(\\d+)/(\\d+)/(\\d+)\\.mvt");

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
    for (int i = 0; i < connections; i++) {
      pool.add(DriverManager.getConnection(args[1]));
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(64));
    server.createContext("/incidents/", exchange -> serve(exchange, pool));
    server.start();
    System.out.println("ST_AsMVT reference on port " + port + " with " + connections + " connections");
  }

  static void serve(HttpExchange exchange, BlockingQueue<Connection> pool) throws IOException {
    Matcher tile = TILE.matcher(exchange.getRequestURI().getPath());
    if (!tile.matches()) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    int z = Integer.parseInt(tile.group(1));
    byte[] body;
    Connection connection = null;
    try {
      connection = pool.take();
      try (PreparedStatement statement = connection.prepareStatement(z >= 14 ? POINTS : CELLS)) {
        statement.setInt(1, z);
        statement.setInt(2, Integer.parseInt(tile.group(2)));
        statement.setInt(3, Integer.parseInt(tile.group(3)));
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          body = result.getBytes(1);
        }
      }
    } catch (SQLException | InterruptedException e) {
      byte[] message = e.toString().getBytes();
      exchange.sendResponseHeaders(500, message.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(message);
      }
      return;
    } finally {
      if (connection != null) {
        pool.add(connection);
      }
    }
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.mapbox-vector-tile");
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
