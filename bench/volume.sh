#!/usr/bin/env bash
# Benchmark: ten times the volume on one node (issue 19). In one run on a throwaway PostGIS:
#   1. the validated import of ROWS demo incidents beside PostgreSQL's \copy + shape (as
#      bench/import-incidents.sh, one run);
#   2. the service on that PostGIS: building its incident index (first tile), the index's heap
#      per incident (heap after a full GC, before and after the index), and the first hotspot and
#      density requests for filters not asked before;
#   3. uncached incident tiles (zoom 8-16 mix of bench/map-tiles.sh) beside PostGIS ST_AsMVT.
#
#   bench/volume.sh                                  # 10 000 000 incidents
#   CSV=/tmp/incidents.csv ROWS=10000000 bench/volume.sh   # a demo file written before
#   ROWS=200000 DURATION=5 WARMUP=5 bench/volume.sh  # a quick check of the script
#   JAR=/tmp/service.jar bench/volume.sh             # a jar other than map-service/target's
#   SKIP_REFERENCE=1 bench/volume.sh                 # without the \copy reference
#   ANALYSES= bench/volume.sh                        # without the analysis requests
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000000}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-30}
UNCACHED_CONNECTIONS=${UNCACHED_CONNECTIONS:-8}
REFERENCE_POOL=${REFERENCE_POOL:-4}
GEODATA=${GEODATA:-$(cd .. && pwd)/shared/geodata}
source scripts/throwaway-postgis.sh
install_missing_packages wrk bc curl

jar=${JAR:-$(ls map-service/target/map-service-*.jar 2>/dev/null || true)}
if [ -z "$jar" ]; then
  mvn -q -B -ntp -DskipTests package
  jar=$(ls map-service/target/map-service-*.jar)
fi
jar=$(realpath "$jar")
work=$(mktemp -d /tmp/veiligheidskaart-volume.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  stop_throwaway_postgis
  rm -rf "$work"
}
trap cleanup EXIT
start_throwaway_postgis bench
trap cleanup EXIT

free_port() { local p=$1; while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc -l; }
settings=("--spring.datasource.url=$PG_JDBC_URL" "--veiligheidskaart.data-dir=$work/pg"
  "--veiligheidskaart.geodata-dir=$GEODATA" "--veiligheidskaart.demo-data=false")

if [ -z "${CSV:-}" ]; then
  echo "Generating $ROWS demo incidents ..."
  java -jar "$jar" demo write "$work/demo" --incidents "$ROWS" "--veiligheidskaart.data-dir=$work/generator" \
    "--veiligheidskaart.geodata-dir=$GEODATA" >/dev/null
  CSV="$work/demo/incidents.csv"
fi
chmod 644 "$CSV"
# The first command on the PostGIS creates the schema and loads the boundaries.
java -jar "$jar" import hemp-sites "$(dirname "$CSV")/hemp-sites.csv" "${settings[@]}" >/dev/null

echo "1. Import of $ROWS incidents"
if [ -z "${SKIP_REFERENCE:-}" ]; then
psql_pg -d bench -c "CREATE TABLE incident_csv (source_id text, category text, occurred_at text, x float8,
    y float8, precision text, demo boolean, modus text)"
psql_pg -d bench -c "CREATE TABLE incident_shaped (LIKE incident INCLUDING ALL)"
psql_pg -d bench -c "CHECKPOINT"
t0=$(now)
psql_pg -d bench -c "\\copy incident_csv FROM '$CSV' CSV HEADER"
bare=$(elapsed "$t0")
psql_pg -d bench -c "SET TimeZone = 'Europe/Amsterdam';
  INSERT INTO incident_shaped (source_id, category, occurred_at, occurred_at_has_time, location_precision,
    geometry, attributes, demo)
  SELECT source_id, category, occurred_at::timestamptz, length(occurred_at) > 10, precision,
    ST_SetSRID(ST_MakePoint(x, y), 28992),
    CASE WHEN modus IS NULL THEN NULL ELSE json_build_object('modus', modus)::text END, demo
  FROM incident_csv"
shaped=$(elapsed "$t0")
psql_pg -d bench -c "DROP TABLE incident_csv, incident_shaped"
fi
psql_pg -d bench -c "CHECKPOINT"
ours=$(java -jar "$jar" import incidents "$CSV" "${settings[@]}" 2>/dev/null | tail -1)
echo "  $ours"
ours_s=$(sed -E 's/.* in ([0-9.]+) s .*/\1/' <<<"$ours")
stored=$(psql_pg -d bench -At -c "SELECT count(*) FROM incident")
[ "$stored" -eq "$ROWS" ] || { echo "expected $ROWS rows in PostGIS, found $stored"; exit 1; }
[ -n "${SKIP_REFERENCE:-}" ] || printf '  \\copy bare %.1f s (%.0f rows/s); \\copy + shape %.1f s (%.0f rows/s); ours %.1f s (%.0f rows/s); ratio ours/(\\copy + shape) = %.2f\n' \
  "$bare" "$(echo "$ROWS / $bare" | bc -l)" "$shaped" "$(echo "$ROWS / $shaped" | bc -l)" "$ours_s" \
  "$(echo "$ROWS / $ours_s" | bc -l)" "$(echo "$shaped / $ours_s" | bc -l)"
psql_pg -d bench -c "VACUUM ANALYZE incident"

echo "2. The service on $ROWS incidents"
port=$(free_port 18090)
java ${SERVICE_JAVA_OPTS:-} -jar "$jar" "${settings[@]}" "--server.port=$port" "--veiligheidskaart.tiles.cache-seconds=0" \
  > "$work/service.log" 2>&1 &
service_pid=$!
pids+=($service_pid)
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
  kill -0 "$service_pid" || { cat "$work/service.log"; exit 1; }
  sleep 1
done
password=$(grep '^analist:' "$work/pg/initial-credentials.txt" | cut -d: -f2-)
token=$(curl -sf -c "$work/cookies" -b "$work/cookies" "http://127.0.0.1:$port/csrf" | sed -E 's/.*"token":"([^"]+)".*/\1/')
curl -sf -o /dev/null -c "$work/cookies" -b "$work/cookies" --data-urlencode "username=analist" \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "http://127.0.0.1:$port/login"
cookie="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$work/cookies")"
heap_used() { jcmd "$service_pid" GC.run >/dev/null; sleep 1; jcmd "$service_pid" GC.run >/dev/null
  jcmd "$service_pid" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i + 1); exit}}' | tr -dc 0-9; }
before_kb=$(heap_used)
t0=$(now)
curl -sf -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/tiles/incidents/8/132/84.mvt"
printf '  first tile, reading the index of %s incidents from PostGIS: %.1f s\n' "$ROWS" "$(elapsed "$t0")"
# the time order for the analyses is computed in the background after the index is read
until grep -q "Ordered $ROWS " "$work/service.log"; do sleep 1; done
grep -o 'Indexed .*' "$work/service.log" | tail -1 | sed 's/^/  /'
grep -o 'Ordered .*' "$work/service.log" | tail -1 | sed 's/^/  /'
after_kb=$(heap_used)
printf '  heap after full GC: %s kB before the index, %s kB with it: %.1f bytes per incident\n' "$before_kb" "$after_kb" \
  "$(echo "($after_kb - $before_kb) * 1024 / $ROWS" | bc -l)"
first_request() { # path: "<ms> ms" or "<ms> ms (HTTP <status>)" when refused, e.g. past the request deadline
  curl -s --max-time 90 -o /dev/null -w '%{time_total} %{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$port$1" \
    | awk '{printf "%.0f ms", $1 * 1000; if ($2 != 200) printf " (HTTP %s)", $2}'
}
for category in ${ANALYSES-woninginbraak hennep}; do
  hot=$(first_request "/api/v1/analysis/hotspots?category=$category")
  density=$(first_request "/api/v1/analysis/density?category=$category")
  printf '  first request for category %s: hotspots %s, density %s\n' "$category" "$hot" "$density"
done
if [ -n "${ANALYSES-x}" ]; then
  hot=$(first_request "/api/v1/analysis/hotspots?from=2025-01-01&to=2026-01-01")
  density=$(first_request "/api/v1/analysis/density?from=2025-01-01&to=2026-01-01")
  printf '  first request for all categories in 2025: hotspots %s, density %s\n' "$hot" "$density"
fi

echo "3. Uncached incident tiles, $UNCACHED_CONNECTIONS connections, ${DURATION} s after ${WARMUP} s unmeasured"
psql_pg -d bench -At -c "
  SELECT z || '/' || floor((ST_X(m) + 20037508.342789244) / (40075016.68557849 / 2 ^ z))::int || '/'
         || floor((20037508.342789244 - ST_Y(m)) / (40075016.68557849 / 2 ^ z))::int
  FROM generate_series(8, 16) z,
       LATERAL (SELECT ST_Transform(geometry, 3857) AS m FROM (
                  SELECT geometry FROM incident WHERE z > 0 ORDER BY random() LIMIT 40) drawn) sample" \
  > "$work/tiles.txt"
(cd "$work" && jar xf "$jar" $(jar tf "$jar" | grep 'BOOT-INF/lib/postgresql-'))
pg_driver=$(ls "$work"/BOOT-INF/lib/postgresql-*.jar)
reference_port=$(free_port 18190)
java -cp "$pg_driver" bench/StAsMvtTileServer.java "$reference_port" "$PG_JDBC_URL" "$REFERENCE_POOL" &
pids+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:$reference_port/incidents/16/33754/21668.mvt"; do sleep 1; done
measure() { # port path-prefix seconds [cookie]: "p50_ms p99_ms tiles_per_s"; ours must answer every tile
  local out
  out=$(TILE_PREFIX="$2" TILE_LIST="$work/tiles.txt" TILE_COOKIE="${4:-}" \
    wrk -t2 -c"$UNCACHED_CONNECTIONS" -d"$3s" --timeout 120s --latency -s bench/tiles.lua "http://127.0.0.1:$1" 2>&1)
  if { [ -n "${4:-}" ] && grep -qE 'Non-2xx|Socket errors' <<<"$out"; } || ! grep -q 'Requests/sec' <<<"$out"; then
    echo "$out" >&2
    exit 1
  fi
  grep -E 'Non-2xx|Socket errors' <<<"$out" | sed 's/^/  ST_AsMVT: /' >&2 || true
  echo "$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")") $(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; print n }'; }
measure "$port" /api/v1/tiles/incidents/ "$WARMUP" "$cookie" >/dev/null
read -r o50 o99 ors <<<"$(measure "$port" /api/v1/tiles/incidents/ "$DURATION" "$cookie")"
# PostgreSQL's work per tile does not change with the JIT: a short warm-up fills its caches
measure "$reference_port" /incidents/ 10 >/dev/null
read -r r50 r99 rrs <<<"$(measure "$reference_port" /incidents/ "$DURATION")"
printf '  ours:     p50 %.1f ms, p99 %.1f ms, %.0f tiles/s\n' "$o50" "$o99" "$ors"
printf '  ST_AsMVT: p50 %.1f ms, p99 %.1f ms, %.1f tiles/s\n' "$r50" "$r99" "$rrs"
printf '  ratio ours/ST_AsMVT in tiles/s = %.0f; p99 ours %.1f ms (goal < 50)\n' "$(echo "$ors / $rrs" | bc -l)" "$o99"
