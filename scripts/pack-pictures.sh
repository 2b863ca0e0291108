#!/usr/bin/env bash
# Draws pages of the PDFs the monitor makes (a municipality's profile, the BBG's unit-wide pack, a
# district's hemp figures) as pictures for docs/monitor.md: the packaged service on the demo data,
# asked as an analyst, its PDFs drawn by pdftoppm (poppler-utils, installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgis.sh
source bench/lib.sh
install_missing_packages pdftoppm curl
GEODATA=${GEODATA:-$(cd .. && pwd)/shared/geodata}

jar=$(service_jar)
work=$(mktemp -d /tmp/veiligheidskaart-packs.XXXXXX)
service_pid=
cleanup() { [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port=$(free_port 18380)
java -jar "$jar" "--server.port=$port" "--veiligheidskaart.data-dir=$work/data" "--veiligheidskaart.geodata-dir=$GEODATA" \
  "--veiligheidskaart.basemap.url=" > "$work/service.log" 2>&1 &
service_pid=$!
wait_for_service "$port" "$service_pid" "$work/service.log"
password=$(grep '^analist:' "$work/data/initial-credentials.txt" | cut -d: -f2-)
pdf() { curl -sf -u "analist:$password" -H 'Accept: application/pdf' -o "$work/$2.pdf" "http://127.0.0.1:$port$1"; }
pdf /api/v1/profiles/GM0150 profiel
pdf /api/v1/briefings/unit eenheid
pdf '/api/v1/hemp-figures?area=VR06' hennep

rm -rf docs/monitor
mkdir -p docs/monitor
page() { # pdf page picture
  pdftoppm -png -r 60 -f "$2" -l "$2" -singlefile "$work/$1.pdf" "docs/monitor/$3"
}
page profiel 1 profiel-deventer-1
page profiel "$(pdfinfo "$work/profiel.pdf" | awk '/^Pages:/ {print $2}')" profiel-deventer-kaart
page eenheid 1 bbg-eenheid-1
page eenheid 2 bbg-eenheid-thema
page eenheid 3 bbg-eenheid-kaart
page hennep 1 hennepcijfers-noord-en-oost-gelderland
ls -1 docs/monitor
