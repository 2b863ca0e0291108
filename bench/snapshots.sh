#!/usr/bin/env bash
# Benchmark: map snapshots (POST /api/v1/snapshots) and a district's briefing pack
# (GET /api/v1/briefings/{district}) on the demo data with the embedded database: an A4 PNG at
# 300 dpi and an A4 PDF, three layers (choropleth, heatmap, hotspots) over a district, and the
# pack of IJsselland for a quarter. Each is asked 6 times; the first (which runs the analyses
# behind the layers and warms the JVM) is reported apart, the median of the other 5 is the result.
# Goals (issue 8): A4 at 300 dpi < 2 s, a full district pack < 10 s.
#
#   bench/snapshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
GEODATA=${GEODATA:-$(cd .. && pwd)/shared/geodata}
jar=$(ls map-service/target/map-service-*.jar 2>/dev/null || true)
if [ -z "$jar" ]; then
  mvn -q -B -ntp -DskipTests package
  jar=$(ls map-service/target/map-service-*.jar)
fi
work=$(mktemp -d /tmp/veiligheidskaart-snapshots.XXXXXX)
port=18190
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
java -jar "$jar" "--veiligheidskaart.data-dir=$work/data" "--veiligheidskaart.geodata-dir=$GEODATA" \
  "--server.port=$port" > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
  kill -0 $pid || { cat "$work/service.log"; exit 1; }
  sleep 1
done
password=$(grep '^analist:' "$work/data/initial-credentials.txt" | cut -d: -f2-)

report() { # label file times...
  local label=$1 file=$2
  shift 2
  local median
  median=$(printf '%s\n' "${@:2}" | sort -g | awk '{a[NR]=$1} END {print a[3]}')
  printf '  %-24s first %.2f s, median of the next 5 %.2f s, %s bytes\n' "$label" "$1" "$median" "$(stat -c %s "$file")"
}

measure() { # format dpi
  local body="{\"area\":\"VR04\",\"layers\":[\"municipalities\",\"heatmap\",\"hotspots\"],\"category\":[\"woninginbraak\"],
    \"measure\":\"rate\",\"title\":\"Woninginbraak in IJsselland\",\"format\":\"$1\",\"pageSize\":\"A4\",\"dpi\":$2}"
  local times=()
  for i in 1 2 3 4 5 6; do
    times+=("$(curl -sf -u "analist:$password" -H 'Content-Type: application/json' -d "$body" -o "$work/out.$1" \
      -w '%{time_total}' "http://127.0.0.1:$port/api/v1/snapshots")")
  done
  report "A4 $1 at $2 dpi:" "$work/out.$1" "${times[@]}"
}

pack() { # period
  local times=()
  for i in 1 2 3 4 5 6; do
    times+=("$(curl -sf -u "analist:$password" -o "$work/pack.pdf" -w '%{time_total}' \
      "http://127.0.0.1:$port/api/v1/briefings/VR04?period=$1")")
  done
  report "pack IJsselland $1:" "$work/pack.pdf" "${times[@]}"
}
echo "Snapshots, 60 000 demo incidents, H2GIS, $(nproc) cores:"
measure png 300
measure pdf 150
month=$((10#$(date +%m)))
year=$(date +%Y)
quarter=$(( (month - 1) / 3 ))
if [ "$quarter" -eq 0 ]; then year=$((year - 1)); quarter=4; fi
pack "$year-Q$quarter"
