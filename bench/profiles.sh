#!/usr/bin/env bash
# Benchmark: a municipality's profile (JSON and PDF), the unit's profile as PDF and the BBG's
# unit-wide pack, with ROWS demo incidents in PostGIS, beside PostgreSQL counting the same figures
# (incidents per municipality and category in the year and the year before: the least any profile
# must read) in the same run.
#
#   bench/profiles.sh                      # 1 000 000 incidents, 5 requests of each
#   ROWS=100000 RUNS=3 bench/profiles.sh
#   JAR=/tmp/map-service.jar bench/profiles.sh   # a jar built before (the tree may change meanwhile)
#
# Each time is the median of RUNS requests, one at a time, after one unmeasured request of each
# (the first reads the incident index: its time is printed apart).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-5}
GEODATA=${GEODATA:-$(cd .. && pwd)/shared/geodata}
source scripts/throwaway-postgis.sh
source bench/lib.sh
install_missing_packages bc curl

jar=${JAR:-$(service_jar)}
work=$(mktemp -d /tmp/veiligheidskaart-profiles.XXXXXX)
chmod 755 "$work"
service_pid=
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  stop_throwaway_postgis
  rm -rf "$work"
}
trap cleanup EXIT
start_throwaway_postgis bench
trap cleanup EXIT

settings=("--spring.datasource.url=$PG_JDBC_URL" "--veiligheidskaart.data-dir=$work/pg"
  "--veiligheidskaart.geodata-dir=$GEODATA" "--veiligheidskaart.demo-data=false")

echo "Generating and importing $ROWS demo incidents, the demo risk locations and the population ..."
java -jar "$jar" demo write "$work/demo" --incidents "$ROWS" "--veiligheidskaart.data-dir=$work/generator" \
  "--veiligheidskaart.geodata-dir=$GEODATA" >/dev/null
java -jar "$jar" import incidents "$work/demo/incidents.csv" "${settings[@]}" 2>/dev/null | tail -1
java -jar "$jar" import population "$GEODATA/population-oost-nederland.csv" "${settings[@]}" 2>/dev/null | tail -1
for layer in hemp-sites holiday-parks omg-clubhouses; do
  file=$(ls "$work/demo/$layer".* | head -1)
  java -jar "$jar" import "$layer" "$file" "${settings[@]}" 2>/dev/null | tail -1
done
psql_pg -d bench -c "VACUUM ANALYZE incident"

port=$(free_port 18280)
java -jar "$jar" "${settings[@]}" "--server.port=$port" "--veiligheidskaart.limits.heavy-requests-per-minute=100000" \
  > "$work/service.log" 2>&1 &
service_pid=$!
wait_for_service "$port" "$service_pid" "$work/service.log"
cookie=$(analyst_session "$port" "$work/pg/initial-credentials.txt" "$work/cookies")

year=$(( $(date +%Y) - 1 ))
fetch() { # path accept -> seconds; a refusal shows the answer and the service's log
  curl -sS -o "$work/answer" -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" -H "Accept: $2" \
    "http://127.0.0.1:$port$1" > "$work/status"
  read -r code seconds < "$work/status"
  if [ "$code" != 200 ]; then
    echo "$1 ($2): HTTP $code after $seconds s" >&2
    head -c 2000 "$work/answer" >&2
    tail -40 "$work/service.log" >&2
    exit 1
  fi
  echo "$seconds"
}
timed() { # path accept -> median seconds of RUNS
  for _ in $(seq 1 "$RUNS"); do fetch "$1" "$2"; done | median
}

printf 'first request (reads the index of %s incidents): %.2f s\n' "$ROWS" \
  "$(fetch /api/v1/profiles/GM0150 application/json)"
for path in /api/v1/profiles/GM0150 /api/v1/profiles/unit /api/v1/briefings/unit; do
  fetch "$path" application/pdf >/dev/null # unmeasured: compiled code on both sides
done
json=$(timed /api/v1/profiles/GM0150 application/json)
pdf=$(timed /api/v1/profiles/GM0150 application/pdf)
unit_pdf=$(timed /api/v1/profiles/unit application/pdf)
pack=$(timed /api/v1/briefings/unit application/pdf)

# The reference: PostgreSQL counts the same incidents per municipality and category, two years.
reference() {
  for _ in $(seq 1 "$RUNS"); do
    psql_pg -d bench -At -c '\timing on' -c "SET TimeZone = 'Europe/Amsterdam';
      SELECT municipality_code, category, extract(year FROM occurred_at) AS year, count(*) FROM incident
      WHERE occurred_at >= make_date($year - 1, 1, 1) AND occurred_at < make_date($year + 1, 1, 1)
      GROUP BY 1, 2, 3" | awk '/^Time:/ {print $2 / 1000}'
  done | median
}
sql=$(reference)

echo
echo "Profiles with $ROWS incidents in PostGIS, year $year, medians of $RUNS:"
printf '| %-52s | %8s | %s |\n' "request" "seconds" "/ PostgreSQL GROUP BY"
printf '| %-52s | %8.3f | %s |\n' "PostgreSQL: counts per municipality, category, year" "$sql" "1.00"
ratio() { echo "$1 / $sql" | bc -l; }
printf '| %-52s | %8.3f | %.2f |\n' "profile of Deventer, JSON" "$json" "$(ratio "$json")"
printf '| %-52s | %8.3f | %.2f |\n' "profile of Deventer, PDF (tables and a map)" "$pdf" "$(ratio "$pdf")"
printf '| %-52s | %8.3f | %.2f |\n' "profile of the unit, PDF" "$unit_pdf" "$(ratio "$unit_pdf")"
printf '| %-52s | %8.3f | %.2f |\n' "BBG unit-wide pack, PDF" "$pack" "$(ratio "$pack")"
awk -v a="$unit_pdf" -v b="$pack" -v c="$pdf" 'BEGIN { exit !(a < 10 && b < 10 && c < 10) }' \
  || { echo "a profile or the unit pack took 10 s or more"; exit 1; }
