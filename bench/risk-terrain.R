# R side of bench/risk-terrain.sh: glmnet's cross-validated elastic-net Poisson path and MASS::glm.nb on
# the design the Java side wrote, with the same folds, the same λ sequence and the same precision;
# median of 5 runs. Also checks that both chose the same columns and the same λ.1se and θ.
suppressPackageStartupMessages({ library(glmnet); library(MASS) })
work <- commandArgs(trailingOnly = TRUE)[1]
d <- read.csv(file.path(work, "design.csv"))
java <- read.csv(file.path(work, "java-answers.csv"))
x <- as.matrix(d[, grep("^x", names(d))]); y <- d$y; foldid <- d$foldid
cv_once <- function() {
  own <- glmnet(x, y, family = "poisson", alpha = 0.5, thresh = 1e-14, maxit = 1e6)
  cv.glmnet(x, y, family = "poisson", alpha = 0.5, lambda = own$lambda, foldid = foldid, thresh = 1e-14, maxit = 1e6)
}
cv_times <- replicate(5, system.time(folds <<- cv_once())[["elapsed"]])
beta <- as.matrix(coef(folds, s = "lambda.1se"))[-1, 1]
chosen <- names(beta)[beta != 0]
form <- as.formula(paste("y ~", paste(chosen, collapse = " + ")))
nb_times <- replicate(5, system.time(nb <<- glm.nb(form, data = d, control = glm.control(epsilon = 1e-12, maxit = 100)))[["elapsed"]])
cat(sprintf("r lambdas %d, lambda.1se %.10g (java %.10g), chosen %s (java %s), theta %.6f (java %.6f)\n",
            length(folds$lambda), folds$lambda.1se, java$lambda_1se, paste(chosen, collapse = ";"), java$chosen,
            nb$theta, java$theta))
cat(sprintf("r cv.glmnet median %.1f ms\n", median(cv_times) * 1000))
cat(sprintf("r glm.nb median %.1f ms\n", median(nb_times) * 1000))
