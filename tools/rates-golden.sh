#!/usr/bin/env bash
# Regenerates the golden file of the rate tests (EBest, EBlocal) with R spdep from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! Rscript -e 'library(spdep)' >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq r-base-core r-cran-spdep >/dev/null
fi
Rscript tools/rates-golden.R "$(cd .. && pwd)/shared/geodata" map-service/src/test/resources/analysis
