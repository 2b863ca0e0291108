# Golden values for the hotspot analyses, computed by an independent implementation (R spdep).
# Regenerate with tools/hotspot-golden.sh; the Java tests compare against the files without R.
#
#   Rscript tools/hotspot-golden.R SHARED_GEODATA_DIR OUTPUT_DIR
suppressPackageStartupMessages({
  library(spdep)
  library(spatstat)
})
args <- commandArgs(trailingOnly = TRUE)
geodata <- args[1]
out <- args[2]
options(digits = 17)

# 1. Gi* on a grid: 250 m cells aligned to the RD origin, a 750 m distance band, self included.
#    A 30 x 20 block of cells with a notch cut out (edges and corners), Poisson counts with a
#    planted cluster.
set.seed(20191)
cells <- expand.grid(column = 760:789, row = 1870:1889)
cells <- cells[!(cells$column >= 780 & cells$row >= 1882), ]
x <- (cells$column + 0.5) * 250
y <- (cells$row + 0.5) * 250
centre <- c(770.5 * 250, 1876.5 * 250)
distance <- sqrt((x - centre[1])^2 + (y - centre[2])^2)
count <- rpois(nrow(cells), 1.5 + 9 * exp(-(distance / 500)^2))
nb <- dnearneigh(cbind(x, y), 0, 750 * (1 + 1e-9))
weights <- nb2listw(include.self(nb), style = "B")
z <- as.numeric(localG(count, weights))
# Local Moran's I: row-standardised weights, self excluded.
ii <- localmoran(count, nb2listw(nb, style = "W"))[, "Ii"]
write.csv(data.frame(column = cells$column, row = cells$row, count = count, gi_star_z = sprintf("%.17g", z),
                     local_moran_i = sprintf("%.17g", ii)),
          file.path(out, "local-statistics-grid-250m-750m.csv"), row.names = FALSE, quote = FALSE)

# 2. Gi* per municipality: the real residential burglary counts of 2018 and the reference
#    queen-contiguity list of the 76 municipalities, self included.
crime <- read.csv(file.path(geodata, "registered-crime-oost-nederland.csv"), check.names = FALSE)
burglary <- crime[crime$period == 2018 & startsWith(crime$crime_type, "1.1.1 "), ]
burglary <- burglary[order(burglary$municipality_code), ]
codes <- burglary$municipality_code
pairs <- read.csv(file.path(geodata, "neighbours-oost-nederland-2019.csv"))
neighbours <- lapply(codes, function(code) sort(match(pairs$neighbour_code[pairs$code == code], codes)))
class(neighbours) <- "nb"
attr(neighbours, "region.id") <- codes
ii <- localmoran(burglary$count, nb2listw(neighbours, style = "W"))[, "Ii"]
z <- as.numeric(localG(burglary$count, nb2listw(include.self(neighbours), style = "B")))
write.csv(data.frame(code = codes, count = burglary$count, gi_star_z = sprintf("%.17g", z),
                     local_moran_i = sprintf("%.17g", ii)),
          file.path(out, "local-statistics-municipalities-burglary-2018.csv"), row.names = FALSE, quote = FALSE)

# 3. Quartic kernel density at the points themselves (exact sum, no pixels): spatstat's sigma is
#    the kernel's standard deviation, so a support radius (bandwidth) h is sigma = h / sqrt(8).
set.seed(20193)
n <- 400
px <- c(rnorm(n / 2, 211500, 400), runif(n / 2, 205000, 218000))
py <- c(rnorm(n / 2, 474500, 400), runif(n / 2, 468000, 481000))
points <- ppp(px, py, window = owin(range(px) + c(-1, 1), range(py) + c(-1, 1)))
h <- 500
d <- density(points, sigma = h / sqrt(8), kernel = "quartic", at = "points", leaveoneout = FALSE, edge = FALSE)
write.csv(data.frame(x = sprintf("%.17g", px), y = sprintf("%.17g", py), density_per_m2 = sprintf("%.17g", as.numeric(d))),
          file.path(out, "quartic-density-500m.csv"), row.names = FALSE, quote = FALSE)

cat("spdep", as.character(packageVersion("spdep")), "spatstat", as.character(packageVersion("spatstat")),
    "- golden files written to", out, "\n")
