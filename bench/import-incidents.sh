#!/usr/bin/env bash
# Benchmark: importing incidents into PostGIS with the service's validated import (the CLI runs
# the same code as POST /api/v1/import/incidents) beside PostgreSQL's own \copy of the same rows,
# measured in the same run on a throwaway PostGIS; plus the rate into the embedded H2GIS.
#
#   bench/import-incidents.sh            # 1 000 000 demo incidents, 3 runs
#   ROWS=100000 RUNS=5 bench/import-incidents.sh
#
# Reference: "\copy" of the bare CSV into an unindexed text table, and "\copy + shape": that plus
# INSERT ... SELECT into a table shaped like `incident` (point geometry, GiST index, unique
# source_id, time indexes). Ours reads, validates (dates, categories, coordinates, municipality by
# point-in-polygon, duplicates) and upserts; its time is measured inside the import (no JVM start).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
GEODATA=${GEODATA:-$(cd .. && pwd)/shared/geodata}
source scripts/throwaway-postgis.sh
install_missing_packages bc

jar=$(ls map-service/target/map-service-*.jar 2>/dev/null || true)
if [ -z "$jar" ]; then
  mvn -q -B -ntp -DskipTests package
  jar=$(ls map-service/target/map-service-*.jar)
fi
work=$(mktemp -d /tmp/veiligheidskaart-bench.XXXXXX)
chmod 755 "$work"
cleanup() { stop_throwaway_postgis; rm -rf "$work"; }
trap cleanup EXIT
start_throwaway_postgis bench
trap cleanup EXIT

service() { java -jar "$jar" "$@" "--veiligheidskaart.geodata-dir=$GEODATA"; }
now() { date +%s.%N; }

echo "Generating $ROWS demo incidents ..."
service demo write "$work/demo" --incidents "$ROWS" "--veiligheidskaart.data-dir=$work/generator" >/dev/null
csv="$work/demo/incidents.csv"
chmod 644 "$csv"
# The first command on the PostGIS creates the schema and loads the boundaries.
service import hemp-sites "$work/demo/hemp-sites.csv" "--spring.datasource.url=$PG_JDBC_URL" \
  "--veiligheidskaart.data-dir=$work/pg" >/dev/null
psql_pg -d bench -c "CREATE TABLE incident_csv (source_id text, category text, occurred_at text, x float8,
    y float8, precision text, demo boolean, modus text)"
psql_pg -d bench -c "CREATE TABLE incident_shaped (LIKE incident INCLUDING ALL)"

results=()
for run in $(seq 1 "$RUNS"); do
  psql_pg -d bench -c "TRUNCATE incident_csv, incident_shaped, incident"
  psql_pg -d bench -c "CHECKPOINT"
  t0=$(now)
  psql_pg -d bench -c "\\copy incident_csv FROM '$csv' CSV HEADER"
  t1=$(now)
  psql_pg -d bench -c "SET TimeZone = 'Europe/Amsterdam';
    INSERT INTO incident_shaped (source_id, category, occurred_at, occurred_at_has_time, location_precision,
      geometry, attributes, demo)
    SELECT source_id, category, occurred_at::timestamptz, length(occurred_at) > 10, precision,
      ST_SetSRID(ST_MakePoint(x, y), 28992),
      CASE WHEN modus IS NULL THEN NULL ELSE json_build_object('modus', modus)::text END, demo
    FROM incident_csv"
  t2=$(now)
  psql_pg -d bench -c "CHECKPOINT"
  ours=$(service import incidents "$csv" "--spring.datasource.url=$PG_JDBC_URL" "--veiligheidskaart.data-dir=$work/pg" 2>/dev/null | tail -1)
  ours_s=$(sed -E 's/.* in ([0-9.]+) s .*/\1/' <<<"$ours")
  stored=$(psql_pg -d bench -At -c "SELECT count(*) FROM incident")
  rm -rf "$work/h2"
  h2=$(service import incidents "$csv" "--veiligheidskaart.data-dir=$work/h2" 2>/dev/null | tail -1)
  h2_s=$(sed -E 's/.* in ([0-9.]+) s .*/\1/' <<<"$h2")
  bare=$(echo "$t1 - $t0" | bc -l); shaped=$(echo "$t2 - $t0" | bc -l)
  printf 'run %d: \\copy %.2f s, \\copy + shape %.2f s, ours (PostGIS) %.2f s [%s rows stored], ours (H2GIS) %.2f s\n' \
    "$run" "$bare" "$shaped" "$ours_s" "$stored" "$h2_s"
  [ "$stored" -eq "$ROWS" ] || { echo "expected $ROWS rows in PostGIS, found $stored: $ours"; exit 1; }
  results+=("$bare $shaped $ours_s $h2_s")
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
column_median() { printf '%s\n' "${results[@]}" | awk -v c="$1" '{print $c}' | median; }
bare=$(column_median 1); shaped=$(column_median 2); ours=$(column_median 3); h2=$(column_median 4)
rate() { echo "$ROWS / $1" | bc -l; }
echo
echo "Median of $RUNS runs, $ROWS incidents ($(nproc) cores):"
printf '  %-34s %8.2f s %10.0f rows/s\n' "PostgreSQL \\copy (bare CSV)" "$bare" "$(rate "$bare")"
printf '  %-34s %8.2f s %10.0f rows/s\n' "PostgreSQL \\copy + shape" "$shaped" "$(rate "$shaped")"
printf '  %-34s %8.2f s %10.0f rows/s\n' "validated import into PostGIS" "$ours" "$(rate "$ours")"
printf '  %-34s %8.2f s %10.0f rows/s\n' "validated import into H2GIS" "$h2" "$(rate "$h2")"
printf '  ratio ours/\\copy+shape = %.2f   ours/bare \\copy = %.2f   (goal >= 0.5)\n' \
  "$(echo "$shaped / $ours" | bc -l)" "$(echo "$bare / $ours" | bc -l)"
