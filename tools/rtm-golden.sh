#!/usr/bin/env bash
# Regenerates the golden files of the risk terrain regressions (elastic-net Poisson path and cross-validation,
# negative binomial GLM) with R glmnet and MASS from Debian's packages (r-cran-glmnet 4.1-6, r-cran-mass 7.3-58).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! Rscript -e 'library(glmnet); library(MASS)' >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq r-base-core r-cran-glmnet r-cran-mass >/dev/null
fi
Rscript tools/rtm-golden.R map-service/src/test/resources/analysis/rtm
