# Golden values for the risk terrain regressions, computed by R glmnet 4.1-6 and MASS 7.3-58 (Debian 12):
# an elastic-net Poisson path at fixed lambdas and on glmnet's own lambda sequence, its 5-fold
# cross-validation with a fixed foldid at that sequence, and a negative binomial GLM (MASS::glm.nb) of three columns.
# The design is drawn here with a fixed seed and written beside the answers, so the Java tests read
# both without R. Regenerate with tools/rtm-golden.sh.
#
#   Rscript tools/rtm-golden.R OUTPUT_DIR
suppressPackageStartupMessages({ library(glmnet); library(MASS) })
out <- commandArgs(trailingOnly = TRUE)[1]
f <- function(v) sprintf("%.17g", v)

set.seed(20261203)
n <- 240
near1 <- rbinom(n, 1, 0.12)                          # within one cell of a site
near2 <- pmax(near1, rbinom(n, 1, 0.15))             # within two cells: includes the first
dense <- rbinom(n, 1, 0.2)
park <- pmax(dense * rbinom(n, 1, 0.5), rbinom(n, 1, 0.1))
club <- rbinom(n, 1, 0.1)
noise <- rbinom(n, 1, 0.3)
x <- cbind(near1, near2, dense, park, club, noise)
y <- rnbinom(n, mu = exp(-0.7 + 1.1 * near1 + 0.5 * dense), size = 2)
foldid <- rep(1:5, length.out = n)[sample(n)]
write.csv(data.frame(x, y = y, foldid = foldid), file.path(out, "design.csv"), row.names = FALSE, quote = FALSE)

tight <- 1e-14
path <- list(); sequence <- list(); cv <- list(); choice <- list()
for (alpha in c(1, 0.5)) {
  own <- glmnet(x, y, family = "poisson", alpha = alpha, thresh = tight, maxit = 1e6)
  sequence[[length(sequence) + 1]] <- data.frame(alpha = alpha, index = seq_along(own$lambda),
                                                 lambda = f(own$lambda), dev_ratio = f(own$dev.ratio))
  fixed <- own$lambda[1] * 0.001^((0:19) / 19)
  fit <- glmnet(x, y, family = "poisson", alpha = alpha, lambda = fixed, thresh = tight, maxit = 1e6)
  b <- as.matrix(coef(fit))
  path[[length(path) + 1]] <- data.frame(alpha = alpha, lambda = f(fit$lambda), intercept = f(b[1, ]),
                                         apply(t(b[-1, , drop = FALSE]), 2, f), check.names = FALSE)
  # the folds at glmnet's own sequence, each solved at exactly these λ (given no λ, cv.glmnet would
  # fit each fold's own sequence and interpolate its coefficients linearly between them)
  folds <- cv.glmnet(x, y, family = "poisson", alpha = alpha, lambda = own$lambda, foldid = foldid,
                     thresh = tight, maxit = 1e6)
  cv[[length(cv) + 1]] <- data.frame(alpha = alpha, lambda = f(folds$lambda), cvm = f(folds$cvm), cvsd = f(folds$cvsd))
  choice[[length(choice) + 1]] <- data.frame(alpha = alpha, lambda_min = f(folds$lambda.min), lambda_1se = f(folds$lambda.1se))
}
write.csv(do.call(rbind, sequence), file.path(out, "glmnet-lambda-sequence.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, path), file.path(out, "glmnet-fixed-lambda-path.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, cv), file.path(out, "glmnet-cross-validation.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, choice), file.path(out, "glmnet-chosen-lambda.csv"), row.names = FALSE, quote = FALSE)

nb <- glm.nb(y ~ near1 + dense + club, control = glm.control(epsilon = 1e-12, maxit = 100))
table <- summary(nb)$coefficients
write.csv(data.frame(term = c("(Intercept)", "near1", "dense", "club"), estimate = f(table[, 1]),
                     std_error = f(table[, 2]), z = f(table[, 3]), p = f(table[, 4])),
          file.path(out, "glm-nb-coefficients.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(theta = f(nb$theta), theta_se = f(nb$SE.theta), twice_log_likelihood = f(nb$twologlik)),
          file.path(out, "glm-nb-theta.csv"), row.names = FALSE, quote = FALSE)
