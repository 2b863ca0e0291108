#!/usr/bin/env bash
# Benchmark: the Knox table of near repeats (distance bands 0,100,200,400,800 m x day bands
# 0,7,14,21,28) for 50 000 demo incidents, counted exactly; ours (Java, median of 7 warm runs, and
# the whole test with 999 permutations) beside R spatstat.geom closepairs counting the same pairs
# (median of 5) in the same run; the two tables must be equal.
#
#   bench/near-repeat.sh
set -euo pipefail
cd "$(dirname "$0")/.."
GEODATA=${GEODATA:-$(cd .. && pwd)/shared/geodata}
if ! Rscript -e 'library(spatstat.geom)' >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq r-cran-spatstat.geom >/dev/null
fi
work=$(mktemp -d /tmp/veiligheidskaart-near-repeat-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# compiled in the reactor, so the sibling modules come from their target/classes (no install)
mvn -q -B -ntp -o -pl map-service -am -Dstyle.color=never compile dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath"
classpath="map-service/target/classes:geodata/target/classes:tiles/target/classes:$(cat "$work/classpath")"

java -Xmx4g -cp "$classpath" bench/NearRepeatBenchmark.java "$GEODATA" "$work" | tee "$work/java.txt"
Rscript bench/near-repeat.R "$work" | tee "$work/r.txt"

java_ms=$(awk '/java knox counting median/ {print $5}' "$work/java.txt")
r_ms=$(awk '/r knox counting median/ {print $5}' "$work/r.txt")
echo
printf 'Knox counting (50 000 incidents, 5 x 5 bands):  ours %8.1f ms   R closepairs %8.1f ms   R/ours = %.1f x\n' \
  "$java_ms" "$r_ms" "$(echo "$r_ms / $java_ms" | bc -l)"
