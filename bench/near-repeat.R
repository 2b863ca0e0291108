# R side of bench/near-repeat.sh: the same Knox table (pairs per distance band x day band) of the
# incidents the Java side wrote, counted with spatstat.geom closepairs for the pairs under 800 m and
# the day differences of all pairs from the counts per day; timed here, and compared with Java's.
suppressPackageStartupMessages(library(spatstat.geom))
args <- commandArgs(trailingOnly = TRUE)
work <- args[1]
points <- read.csv(file.path(work, "incidents.csv"))
distances <- c(0, 100, 200, 400, 800)
days <- c(0, 7, 14, 21, 28)

knox <- function(points) {
  pattern <- ppp(points$x, points$y, window = owin(range(points$x), range(points$y)), check = FALSE)
  close <- closepairs(pattern, rmax = 800, twice = FALSE, what = "ijd")
  keep <- close$d < 800
  d <- close$d[keep]
  # rows: same location (d = 0), (0, 100), [100, 200), [200, 400), [400, 800), >= 800
  row <- ifelse(d == 0, 1, findInterval(d, distances) + 1)
  dt <- abs(points$day[close$i[keep]] - points$day[close$j[keep]])
  column <- findInterval(dt, days)
  result <- matrix(0, 6, 5)
  counts <- table(factor(row, 1:5), factor(column, 1:5))
  result[1:5, ] <- counts
  # all pairs per day column, from the number of incidents per day
  perDay <- tabulate(points$day - min(points$day) + 1)
  lags <- Re(fft(Mod(fft(c(perDay, rep(0, length(perDay))))^2), inverse = TRUE)) / (2 * length(perDay))
  pairsAtLag <- round(lags[seq_along(perDay)])
  pairsAtLag[1] <- (pairsAtLag[1] - nrow(points)) / 2
  lag <- seq_along(perDay) - 1
  perColumn <- sapply(1:5, function(c) sum(pairsAtLag[findInterval(lag, days) == c]))
  result[6, ] <- perColumn - colSums(result[1:5, ])
  result
}

runs <- sapply(1:5, function(run) system.time(result <<- knox(points))[["elapsed"]])
java <- read.csv(file.path(work, "java-table.csv"))
difference <- max(abs(java$observed - as.vector(t(result))))
cat(sprintf("r knox counting median %.1f ms, max |java - r| = %d pairs\n", median(runs) * 1000, as.integer(difference)))
print(result)
