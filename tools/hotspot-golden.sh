#!/usr/bin/env bash
# Regenerates the golden files of the hotspot tests with R spdep and spatstat from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! Rscript -e 'library(spdep); library(spatstat)' >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq r-cran-spdep r-cran-spatstat >/dev/null
fi
Rscript tools/hotspot-golden.R "$(cd .. && pwd)/shared/geodata" map-service/src/test/resources/analysis
