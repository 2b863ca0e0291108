# Golden values for the rates per 1,000 inhabitants and their empirical Bayes smoothing, computed by
# R spdep: EBest (family = "poisson", global) and EBlocal (geoda = FALSE, on the reference
# queen-contiguity list), and Gi* on both rates. Registered crime of 2018 with the population of 1 January 2019.
# Regenerate with tools/rates-golden.sh; the Java tests compare against the file without R.
#
#   Rscript tools/rates-golden.R SHARED_GEODATA_DIR OUTPUT_DIR
suppressPackageStartupMessages(library(spdep))
args <- commandArgs(trailingOnly = TRUE)
geodata <- args[1]
out <- args[2]

crime <- read.csv(file.path(geodata, "registered-crime-oost-nederland.csv"), check.names = FALSE)
population <- read.csv(file.path(geodata, "population-oost-nederland.csv"))
population <- population[population$year == 2019, ]
pairs <- read.csv(file.path(geodata, "neighbours-oost-nederland-2019.csv"))

rows <- list()
for (type in c("1.1.1", "1.4.5")) {
  table <- crime[crime$period == 2018 & startsWith(crime$crime_type, paste0(type, " ")), ]
  table <- table[order(table$municipality_code), ]
  codes <- table$municipality_code
  inhabitants <- population$population[match(codes, population$code)]
  stopifnot(!anyNA(inhabitants), length(codes) == 76)
  neighbours <- lapply(codes, function(code) sort(match(pairs$neighbour_code[pairs$code == code], codes)))
  class(neighbours) <- "nb"
  attr(neighbours, "region.id") <- codes
  global <- EBest(table$count, inhabitants, family = "poisson")
  local <- EBlocal(table$count, inhabitants, neighbours, geoda = FALSE)
  # Gi* (self included, binary weights) on the raw and the global EB rates per 1,000
  weights <- nb2listw(include.self(neighbours), style = "B")
  gi_rate <- as.numeric(localG(1000 * global$raw, weights))
  gi_smoothed <- as.numeric(localG(1000 * global$estmm, weights))
  rows[[type]] <- data.frame(crime_type = type, code = codes, count = table$count, population = inhabitants,
                             raw = sprintf("%.17g", global$raw), global_eb = sprintf("%.17g", global$estmm),
                             local_eb = sprintf("%.17g", local$est), gi_star_rate = sprintf("%.17g", gi_rate),
                             gi_star_smoothed_rate = sprintf("%.17g", gi_smoothed))
}
write.csv(do.call(rbind, rows), file.path(out, "rates-eb-2018-population-2019.csv"), row.names = FALSE, quote = FALSE)
