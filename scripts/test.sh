#!/usr/bin/env bash
# Runs every test: unit, PostGIS and H2GIS contract suites, the end-to-end tests of the service
# jar (among them the official OGC API - Features test suite from ../shared/tools/ogc-ets and GDAL's
# ogr2ogr against the jar with demo data; any failure fails the run) and the browser test.
# Installs what the tests need from Debian when it is missing (PostGIS, Chromium and its driver,
# GDAL's ogrinfo, nginx for the two-replica test) and, when neither Docker nor GEO_TEST_JDBC_URL
# gives a PostGIS, starts a throwaway one on a free local port and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgis.sh

install_missing_packages chromium chromedriver ogrinfo nginx

docker_answers() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }

if [ -z "${GEO_TEST_JDBC_URL:-}" ] && ! docker_answers; then
  start_throwaway_postgis veiligheidskaart_test
  export GEO_TEST_JDBC_URL="$PG_JDBC_URL"
  echo "Throwaway PostGIS on port $PG_PORT ($GEO_TEST_JDBC_URL)"
fi

mvn -B -ntp verify "$@"
