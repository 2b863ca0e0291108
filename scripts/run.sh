#!/usr/bin/env bash
# Builds the service and runs it on the embedded H2GIS database in ./data, with the municipal
# boundaries from the geodata directory (by default ../shared/geodata beside this checkout).
# Extra arguments go to the service, e.g. --server.port=9090.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -DskipTests package
jar=$(ls map-service/target/map-service-*.jar)
exec java -jar "$jar" "$@"
