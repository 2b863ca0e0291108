#!/usr/bin/env bash
# Benchmark: incident vector tiles of the service beside the same tiles made by PostGIS ST_AsMVT
# through JDBC (bench/StAsMvtTileServer.java), both over HTTP and measured by wrk in the same run,
# on a throwaway PostGIS holding the demo incidents.
#
#   bench/map-tiles.sh                     # 1 000 000 incidents, 3 runs of 20 s
#   ROWS=100000 RUNS=1 DURATION=10 bench/map-tiles.sh
#
# The tile mix: for each zoom 8..16, the tiles holding 40 randomly drawn incidents (so busy places
# come up as often as an analyst's panning would make them). From zoom 14 the tiles hold single
# incidents (the analyst's view), below that counts per 16 x 16 cell. Uncached: the service's tile
# cache is off (veiligheidskaart.tiles.cache-seconds=0), UNCACHED_CONNECTIONS wrk connections.
# Cached: the cache on and filled, 64 connections. Every measurement follows WARMUP seconds of the
# same load, unmeasured. The service is signed in with a session cookie
# as the viewer is (HTTP Basic would check the password hash on every tile).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-20}
# Unmeasured load first, so that both sides run compiled code (the JVM needs tens of seconds).
WARMUP=${WARMUP:-60}
UNCACHED_CONNECTIONS=${UNCACHED_CONNECTIONS:-8}
REFERENCE_POOL=${REFERENCE_POOL:-4}
# e.g. SERVICE_JAVA_OPTS=-Xlog:gc:file=/tmp/gc.log to look at the service's garbage collection
GEODATA=${GEODATA:-$(cd .. && pwd)/shared/geodata}
source scripts/throwaway-postgis.sh
install_missing_packages wrk bc ogrinfo curl

jar=$(ls map-service/target/map-service-*.jar 2>/dev/null || true)
if [ -z "$jar" ]; then
  mvn -q -B -ntp -DskipTests package
  jar=$(ls map-service/target/map-service-*.jar)
fi
work=$(mktemp -d /tmp/veiligheidskaart-tiles.XXXXXX)
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
settings=("--spring.datasource.url=$PG_JDBC_URL" "--veiligheidskaart.data-dir=$work/pg"
  "--veiligheidskaart.geodata-dir=$GEODATA" "--veiligheidskaart.demo-data=false")

echo "Generating and importing $ROWS demo incidents ..."
java -jar "$jar" demo write "$work/demo" --incidents "$ROWS" "--veiligheidskaart.data-dir=$work/generator" \
  "--veiligheidskaart.geodata-dir=$GEODATA" >/dev/null
java -jar "$jar" import incidents "$work/demo/incidents.csv" "${settings[@]}" 2>/dev/null | tail -1
psql_pg -d bench -c "VACUUM ANALYZE incident"

# The tile mix.
psql_pg -d bench -At -c "
  SELECT z || '/' || floor((ST_X(m) + 20037508.342789244) / (40075016.68557849 / 2 ^ z))::int || '/'
         || floor((20037508.342789244 - ST_Y(m)) / (40075016.68557849 / 2 ^ z))::int
  FROM generate_series(8, 16) z,
       LATERAL (SELECT ST_Transform(geometry, 3857) AS m FROM (
                  SELECT geometry FROM incident WHERE z > 0 ORDER BY random() LIMIT 40) drawn) sample" \
  > "$work/tiles.txt"
echo "Tile mix: $(wc -l < "$work/tiles.txt") tiles, zoom 8 to 16"

# The reference: ST_AsMVT through JDBC, with the PostgreSQL driver the service ships.
(cd "$work" && jar xf "$OLDPWD/$jar" $(jar tf "$OLDPWD/$jar" | grep 'BOOT-INF/lib/postgresql-'))
pg_driver=$(ls "$work"/BOOT-INF/lib/postgresql-*.jar)
reference_port=$(free_port 18180)
java -cp "$pg_driver" bench/StAsMvtTileServer.java "$reference_port" "$PG_JDBC_URL" "$REFERENCE_POOL" &
pids+=($!)

start_service() { # cache seconds
  port=$(free_port 18080)
  java ${SERVICE_JAVA_OPTS:-} -jar "$jar" "${settings[@]}" "--server.port=$port" "--veiligheidskaart.tiles.cache-seconds=$1" \
    > "$work/service-$1.log" 2>&1 &
  service_pid=$!
  pids+=($service_pid)
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
    kill -0 "$service_pid" || { cat "$work/service-$1.log"; exit 1; }
    sleep 1
  done
  password=$(grep '^analist:' "$work/pg/initial-credentials.txt" | cut -d: -f2-)
  rm -f "$work/cookies"
  token=$(curl -sf -c "$work/cookies" -b "$work/cookies" "http://127.0.0.1:$port/csrf" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  curl -sf -o /dev/null -c "$work/cookies" -b "$work/cookies" --data-urlencode "username=analist" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "http://127.0.0.1:$port/login"
  cookie="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$work/cookies")"
  # The first tile reads the incident index; time it.
  local t0; t0=$(date +%s.%N)
  curl -sf -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/tiles/incidents/8/132/84.mvt"
  printf 'Service up (tile cache %s s); first tile, reading the index of %s incidents: %.1f s\n' "$1" "$ROWS" \
    "$(echo "$(date +%s.%N) - $t0" | bc -l)"
}
stop_service() { kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; }

# wrk: prints "p50_ms p99_ms tiles_per_s"; fails on errors or non-2xx answers.
measure() { # port path-prefix connections [cookie [seconds]]
  local out
  out=$(TILE_PREFIX="$2" TILE_LIST="$work/tiles.txt" TILE_COOKIE="${4:-}" \
    wrk -t2 -c"$3" -d"${5:-$DURATION}s" --timeout 60s --latency -s bench/tiles.lua "http://127.0.0.1:$1" 2>&1)
  if grep -qE 'Non-2xx|Socket errors' <<<"$out" || ! grep -q 'Requests/sec' <<<"$out"; then
    echo "$out" >&2
    exit 1
  fi
  local p50 p99 rps
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out"); p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  echo "$(to_ms "$p50") $(to_ms "$p99") $rps"
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; print n }'; }

# The median time of 5 requests of one tile, one at a time (uncached: the service renders each).
single_tile_ms() { # url [cookie]
  for i in 1 2 3 4 5; do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Cookie: ${2:-}" -H 'Accept-Encoding: gzip' "$1"
  done | sort -g | awk '{a[NR] = $1 * 1000} END {print a[3]}'
}

# Equal content, for one tile per zoom: the same features and the same counts. proj4j (ours) and
# PROJ (PostGIS) place a point up to some centimetres apart (PostgisVectorTileTest holds them to one
# tile unit), so a point that close to a cell or tile edge may land on the other side in one of
# them: we allow one feature and one point in 10 000 to differ.
compare_content() {
  mkdir -p "$work/compare"
  for z in $(seq 8 16); do
    tile=$(awk -F/ -v z="$z" '$1 == z {print; exit}' "$work/tiles.txt")
    for side in ours theirs; do
      dir="$work/compare/$side/${tile%/*}"; mkdir -p "$dir"
      if [ "$side" = ours ]; then
        curl -sf -H "Cookie: $cookie" -o "$dir/${tile##*/}.pbf" "http://127.0.0.1:$port/api/v1/tiles/incidents/$tile.mvt"
      else
        curl -sf -o "$dir/${tile##*/}.pbf" "http://127.0.0.1:$reference_port/incidents/$tile.mvt"
      fi
    done
    summary() { ogrinfo -ro -al "$work/compare/$1/$tile.pbf" 2>/dev/null \
      | awk '/Feature Count:/ {n += $3} /count \(Integer/ {c += $4} END {print n + 0, c + 0}'; }
    ours=$(summary ours); theirs=$(summary theirs)
    our_ms=$(single_tile_ms "http://127.0.0.1:$port/api/v1/tiles/incidents/$tile.mvt" "$cookie")
    their_ms=$(single_tile_ms "http://127.0.0.1:$reference_port/incidents/$tile.mvt")
    printf '  zoom %2s %-16s ours: %5s features (%7s in cells) %7.1f ms   ST_AsMVT: %5s features (%7s in cells) %7.1f ms\n' \
      "$z" "$tile" ${ours} "$our_ms" ${theirs} "$their_ms"
    read -r our_features our_count <<<"$ours"; read -r their_features their_count <<<"$theirs"
    awk -v a="$our_features" -v b="$their_features" -v c="$our_count" -v d="$their_count" \
      'BEGIN { f = a - b; if (f < 0) f = -f; n = c - d; if (n < 0) n = -n; exit !(f <= 1 && n <= 1 + d / 10000) }' \
      || { echo "  the tiles differ"; exit 1; }
  done
}

start_service 0
echo "Equal content, one tile per zoom:"
compare_content
measure "$port" /api/v1/tiles/incidents/ "$UNCACHED_CONNECTIONS" "$cookie" "$WARMUP" >/dev/null
measure "$reference_port" /incidents/ "$UNCACHED_CONNECTIONS" "" "$WARMUP" >/dev/null
ours_runs=(); reference_runs=()
for run in $(seq 1 "$RUNS"); do
  ours_runs+=("$(measure "$port" /api/v1/tiles/incidents/ "$UNCACHED_CONNECTIONS" "$cookie")")
  reference_runs+=("$(measure "$reference_port" /incidents/ "$UNCACHED_CONNECTIONS")")
  echo "run $run uncached, $UNCACHED_CONNECTIONS connections: ours ${ours_runs[-1]}   ST_AsMVT ${reference_runs[-1]}   (p50 ms, p99 ms, tiles/s)"
done
stop_service

start_service 600
while read -r tile; do
  curl -sf -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/tiles/incidents/$tile.mvt"
done < "$work/tiles.txt"
measure "$port" /api/v1/tiles/incidents/ 64 "$cookie" "$WARMUP" >/dev/null
cached_runs=()
for run in $(seq 1 "$RUNS"); do
  cached_runs+=("$(measure "$port" /api/v1/tiles/incidents/ 64 "$cookie")")
  echo "run $run cached, 64 connections: ours ${cached_runs[-1]}"
done
stop_service

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
col() { local c=$1; shift; printf '%s\n' "$@" | awk -v c="$c" '{print $c}' | median; }
o50=$(col 1 "${ours_runs[@]}"); o99=$(col 2 "${ours_runs[@]}"); ors=$(col 3 "${ours_runs[@]}")
r50=$(col 1 "${reference_runs[@]}"); r99=$(col 2 "${reference_runs[@]}"); rrs=$(col 3 "${reference_runs[@]}")
c50=$(col 1 "${cached_runs[@]}"); c99=$(col 2 "${cached_runs[@]}"); crs=$(col 3 "${cached_runs[@]}")
echo
echo "Median of $RUNS runs of ${DURATION} s, $ROWS incidents, tiles z8-z16 ($(nproc) cores):"
printf '  %-44s p50 %7.2f ms  p99 %7.2f ms  %8.0f tiles/s\n' "uncached, ours ($UNCACHED_CONNECTIONS connections)" "$o50" "$o99" "$ors"
printf '  %-44s p50 %7.2f ms  p99 %7.2f ms  %8.0f tiles/s\n' "uncached, ST_AsMVT via JDBC ($UNCACHED_CONNECTIONS conn., pool $REFERENCE_POOL)" "$r50" "$r99" "$rrs"
printf '  %-44s p50 %7.2f ms  p99 %7.2f ms  %8.0f tiles/s\n' "cached, ours (64 connections)" "$c50" "$c99" "$crs"
printf '  ratio uncached tiles/s ours/ST_AsMVT = %.2f (goal >= 1.0); p99 %.1f ms (goal < 50); cached %.0f tiles/s (goal >= 5000)\n' \
  "$(echo "$ors / $rrs" | bc -l)" "$o99" "$crs"
