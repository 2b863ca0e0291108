#!/usr/bin/env bash
# Benchmark: Gi* on the 250 m grid of the 76 municipalities with a 750 m band (analytic and with
# 999 permutations), and quartic kernel
# density of 1 000 000 incidents on 100 m cells with a 500 m bandwidth; ours (Java, median of 7
# warm runs) beside R spdep (dnearneigh + localG) and spatstat (density.ppp) in the same run.
# spdep is the correctness reference (its z-scores are compared), not a speed rival.
#
#   bench/hotspot-analysis.sh
set -euo pipefail
cd "$(dirname "$0")/.."
GEODATA=${GEODATA:-$(cd .. && pwd)/shared/geodata}
if ! Rscript -e 'library(spdep); library(spatstat)' >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq r-cran-spdep r-cran-spatstat >/dev/null
fi
mvn -q -B -ntp -DskipTests install
work=$(mktemp -d /tmp/veiligheidskaart-hotspot-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd map-service && mvn -q -B -ntp -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$work/classpath")
classpath="map-service/target/classes:$(cat "$work/classpath")"

java -Xmx8g -cp "$classpath" bench/HotspotBenchmark.java "$GEODATA" "$work" | tee "$work/java.txt"
raster=$(awk '/^raster [-0-9]/ {print $2","$3","$4","$5}' "$work/java.txt")
Rscript bench/hotspot-analysis.R "$work" "$raster" | tee "$work/r.txt"

java_gi=$(awk '/java gi\* median/ {print $4}' "$work/java.txt")
java_perm=$(awk '/java gi\* 999/ {print $6}' "$work/java.txt"); java_kde=$(awk '/java kde/ {print $4}' "$work/java.txt")
r_gi=$(awk '/r gi\*/ {print $3}' "$work/r.txt"); r_kde=$(awk '/r kde/ {print $3}' "$work/r.txt")
echo
printf 'Gi* (250 m, 750 m band):  ours %8.1f ms   spdep %10.1f ms   spdep/ours = %.0f x   (aim: <= 100 ms)\n' \
  "$java_gi" "$r_gi" "$(echo "$r_gi / $java_gi" | bc -l)"
printf 'Gi* with 999 permutations:  ours %8.1f ms on %s cores   (aim: < 10 000 ms)\n' "$java_perm" "$(nproc)"
printf 'Kernel density (1 M, 100 m, 500 m):  ours %8.1f ms   spatstat %10.1f ms   spatstat/ours = %.1f x   (aim: <= 300 ms)\n' \
  "$java_kde" "$r_kde" "$(echo "$r_kde / $java_kde" | bc -l)"
