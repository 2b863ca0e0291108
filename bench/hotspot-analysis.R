# R side of bench/hotspot-analysis.sh: spdep Gi* and spatstat quartic density on the inputs the
# Java side wrote, timed here; also checks that both give the same Gi* z-scores.
suppressPackageStartupMessages({
  library(spdep)
  library(spatstat)
})
args <- commandArgs(trailingOnly = TRUE)
work <- args[1]
raster <- as.numeric(strsplit(args[2], ",")[[1]])  # minColumn, minRow, columns, rows (100 m cells)

cells <- read.csv(file.path(work, "cells.csv"))
gi <- system.time({
  nb <- dnearneigh(cbind(cells$x, cells$y), 0, 750 * (1 + 1e-9))
  z <- as.numeric(localG(cells$count, nb2listw(include.self(nb), style = "B")))
})[["elapsed"]]
java <- read.csv(file.path(work, "java-gi.csv"))$z
cat(sprintf("r gi* %.1f ms, max |z_java - z_spdep| = %.3g\n", gi * 1000, max(abs(java - z), na.rm = TRUE)))

points <- read.csv(file.path(work, "incidents.csv"))
window <- owin(c(raster[1], raster[1] + raster[3]) * 100, c(raster[2], raster[2] + raster[4]) * 100)
pattern <- ppp(points$x, points$y, window = window, check = FALSE)
kde <- system.time(density(pattern, sigma = 500 / sqrt(8), kernel = "quartic", dimyx = c(raster[4], raster[3]),
                           edge = FALSE))[["elapsed"]]
cat(sprintf("r kde %.1f ms\n", kde * 1000))
