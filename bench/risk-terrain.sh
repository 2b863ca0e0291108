#!/usr/bin/env bash
# Benchmark: the risk terrain regressions on 10 000 cells × 9 factor columns (bench/RiskTerrainBenchmark.java):
# 10-fold cross-validated elastic-net Poisson regression (α = 0.5, glmnet's λ sequence) and the negative
# binomial GLM of the chosen columns; ours (Java, median of 7 warm runs) beside R glmnet 4.1-6 and
# MASS::glm.nb (median of 5) on the same design, folds, λ and precision, in the same run.
#
#   bench/risk-terrain.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! Rscript -e 'library(glmnet); library(MASS)' >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq r-base-core r-cran-glmnet r-cran-mass >/dev/null
fi
mvn -q -B -ntp -o compile -pl map-service -am
work=$(mktemp -d /tmp/veiligheidskaart-rtm-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# the analysis classes need only commons-statistics (ArchitectureTest): their jars from the local repository
statistics=$(find ~/.m2/repository/org/apache/commons/commons-statistics-distribution \
  ~/.m2/repository/org/apache/commons/commons-numbers-* ~/.m2/repository/org/apache/commons/commons-rng-* \
  -name '*.jar' ! -name '*sources*' | tr '\n' ':')
java -cp "map-service/target/classes:$statistics" bench/RiskTerrainBenchmark.java "$work" | tee "$work/java.txt"
Rscript bench/risk-terrain.R "$work" | tee "$work/r.txt"

java_cv=$(awk '/java cv.glmnet median/ {print $4}' "$work/java.txt"); java_nb=$(awk '/java glm.nb median/ {print $4}' "$work/java.txt")
r_cv=$(awk '/r cv.glmnet median/ {print $4}' "$work/r.txt"); r_nb=$(awk '/r glm.nb median/ {print $4}' "$work/r.txt")
echo
printf 'Elastic net + 10-fold CV (10 000 x 9):  ours %8.1f ms   glmnet %8.1f ms   glmnet/ours = %.2f x\n' \
  "$java_cv" "$r_cv" "$(echo "$r_cv / $java_cv" | bc -l)"
printf 'Negative binomial GLM of the chosen:     ours %8.1f ms   glm.nb %8.1f ms   glm.nb/ours = %.2f x\n' \
  "$java_nb" "$r_nb" "$(echo "$r_nb / $java_nb" | bc -l)"
