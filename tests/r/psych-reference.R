#!/usr/bin/env Rscript
# Reference values for the numeric core in lib/stats/, computed with R and psych.
#
# Regenerate (needs R with the psych and jsonlite packages; Debian/Ubuntu:
#   apt-get install -y r-base-core r-cran-psych r-cran-gparotation r-cran-jsonlite):
#
#   Rscript tests/r/psych-reference.R            # from the repository root
#
# Writes tests/fixtures/psych-reference.json. The tests read only that JSON, so R is
# not needed to run them. The data sets are generated here (seeded) and written into
# the JSON as well; the TypeScript tests never regenerate them.
#
# Conventions
# * ICC: psych::ICC(x, lmer = FALSE), i.e. the classical two-way ANOVA mean squares
#   of Shrout & Fleiss (1979). psych's default (lmer = TRUE) estimates the variance
#   components with lme4; on complete data it gives the same MSR (MSB), MSC (MSJ) and
#   MSE as long as no variance component is estimated at zero, but its MSW is
#   MSE + sigma^2(raters) instead of the one-way within-target mean square, so ICC1,
#   ICC1k and their F/CI can differ. lib/stats follows the classical (lmer = FALSE)
#   definitions.
# * alpha: psych::alpha(x, keys, use = "pairwise") (psych's default). On complete data
#   this equals the listwise computation.
# * correlations: stats::cor.test(..., exact = FALSE) for Spearman and Kendall (the
#   asymptotic p-values; R's default uses exact null distributions for small n
#   without ties). The Fisher-z CI for Spearman is not part of cor.test and is
#   computed here with the same formula cor.test uses for Pearson.
# * Numbers are written with digits = NA (15 significant digits), enough for a
#   1e-6 comparison.

suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- if (length(script) == 1) normalizePath(file.path(dirname(script), "..", "..")) else getwd()
out_file <- file.path(root, "tests", "fixtures", "psych-reference.json")

unname_matrix <- function(m) { m <- as.matrix(m); dimnames(m) <- NULL; m }

# ---------------------------------------------------------------- ICC ----------
icc_ref <- function(x, alpha = 0.05) {
  r <- psych::ICC(x, lmer = FALSE, alpha = alpha)
  res <- r$results
  rows <- lapply(seq_len(nrow(res)), function(i) list(
    type = res$type[i], icc = res$ICC[i], F = res$F[i], df1 = res$df1[i],
    df2 = res$df2[i], p = res$p[i], lower = res[["lower bound"]][i],
    upper = res[["upper bound"]][i]))
  list(
    alpha = alpha,
    n = r$n.obs, k = r$n.judge,
    MSR = r$stats["MS", "subjects"], MSC = r$stats["MS", "Judges"],
    MSE = r$stats["MS", "Residual"], MSW = r$MSW,
    results = rows)
}

# Shrout & Fleiss (1979), Table 2: 6 targets x 4 judges.
sf <- matrix(c(9, 2, 5, 8,
               6, 1, 3, 2,
               8, 4, 6, 8,
               7, 1, 2, 6,
               10, 5, 6, 9,
               6, 2, 4, 7), nrow = 6, byrow = TRUE)

# 30 targets x 8 raters on a 1..10 scale, with systematic rater effects.
set.seed(20240501)
true30 <- rnorm(30, 6, 1.5)
bias8 <- c(-1.2, -0.6, 0, 0.3, 0.5, 0.8, 1.1, -0.2)
raters30 <- outer(true30, bias8, "+") + matrix(rnorm(30 * 8, 0, 1), 30, 8)
raters30 <- pmin(pmax(round(raters30), 1), 10)

# 55 items (targets) x 12 respondents (raters) on a 1..5 Likert scale: the project's
# use of ICC (agreement among respondents about item levels).
set.seed(20240502)
item_level <- rnorm(55, 3.4, 0.55)
leniency <- rnorm(12, 0, 0.35)
items55 <- outer(item_level, leniency, "+") + matrix(rnorm(55 * 12, 0, 0.8), 55, 12)
items55 <- pmin(pmax(round(items55), 1), 5)

# raters30 with missing ratings: listwise deletion of targets (rows).
raters30_na <- raters30
raters30_na[3, 2] <- NA
raters30_na[11, 7] <- NA
raters30_na[11, 8] <- NA
raters30_na[25, 1] <- NA

icc_sets <- list(
  list(name = "shrout_fleiss_table2", data = sf, ref = icc_ref(sf)),
  list(name = "raters30x8", data = raters30, ref = icc_ref(raters30)),
  list(name = "raters30x8_alpha10", data = raters30, ref = icc_ref(raters30, alpha = 0.10)),
  list(name = "items55x12", data = items55, ref = icc_ref(items55)),
  list(name = "raters30x8_missing", data = raters30_na,
       ref = c(icc_ref(na.omit(raters30_na)), list(dropped = sum(!complete.cases(raters30_na)))))
)

# ------------------------------------------------------------- alpha -----------
alpha_ref <- function(x, keys = NULL) {
  x <- as.data.frame(x)
  a <- suppressMessages(if (is.null(keys)) psych::alpha(x, warnings = FALSE) else psych::alpha(x, keys = keys, warnings = FALSE))
  complete <- all(complete.cases(x))
  sum_scale <- NULL
  if (complete) {
    ac <- suppressMessages(if (is.null(keys)) psych::alpha(x, cumulative = TRUE, warnings = FALSE) else psych::alpha(x, keys = keys, cumulative = TRUE, warnings = FALSE))
    sum_scale <- list(mean = ac$total$mean, sd = ac$total$sd)
  }
  # Squared multiple correlations, scale statistics if item deleted (sum score).
  C <- cov(x, use = "pairwise")
  if (!is.null(keys)) { kd <- diag(keys); C <- kd %*% C %*% kd }
  R <- cov2cor(C)
  smc_r <- psych::smc(R)
  list(
    raw_alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha,
    G6 = a$total[["G6(smc)"]], average_r = a$total$average_r,
    mean_score = list(mean = a$total$mean, sd = a$total$sd),
    sum_score = sum_scale,
    feldt = list(lower = a$feldt$lower.ci[[1]], upper = a$feldt$upper.ci[[1]]),
    n_obs = nrow(x),
    items = lapply(seq_len(ncol(x)), function(i) list(
      n = a$item.stats$n[i],
      mean = a$item.stats$mean[i], sd = a$item.stats$sd[i],
      r_drop = a$item.stats$r.drop[i],
      alpha_drop_raw = a$alpha.drop$raw_alpha[i],
      alpha_drop_std = a$alpha.drop$std.alpha[i],
      smc = smc_r[[i]],
      scale_mean_if_deleted = sum(a$item.stats$mean[-i]),
      scale_var_if_deleted = sum(C[-i, -i]))))
}

# Denis (2016), Applied Univariate, Bivariate, and Multivariate Statistics, ch. 1:
# 10 cases x 5 items with published SPSS RELIABILITY output.
denis <- matrix(c(10, 12, 15, 11, 12,
                  12, 18, 12, 12, 1,
                  8, 16, 14, 14, 4,
                  6, 8, 16, 8, 6,
                  4, 7, 8, 7, 5,
                  6, 6, 3, 7, 3,
                  3, 4, 6, 5, 8,
                  7, 3, 7, 9, 9,
                  8, 9, 4, 10, 10,
                  9, 5, 6, 11, 12), nrow = 10, byrow = TRUE)

att <- unname_matrix(datasets::attitude)  # 30 x 7, base R

# 150 respondents x 6 Likert items (1..5), item 4 reverse-keyed.
set.seed(20240503)
f <- rnorm(150)
load6 <- c(0.8, 0.7, 0.6, -0.65, 0.5, 0.75)
lik <- outer(f, load6) + matrix(rnorm(150 * 6, 0, 0.8), 150, 6)
lik <- pmin(pmax(round(3 + 1.1 * lik), 1), 5)
keys6 <- c(1, 1, 1, -1, 1, 1)

# Same items with about 6% missing (pairwise psych default vs listwise).
set.seed(20240504)
lik_na <- lik
lik_na[sample(length(lik_na), round(0.06 * length(lik_na)))] <- NA
lik_na <- lik_na[rowSums(!is.na(lik_na)) > 0, , drop = FALSE]

alpha_sets <- list(
  list(name = "denis_spss", data = denis, ref = alpha_ref(denis)),
  list(name = "attitude", data = att, names = colnames(datasets::attitude), ref = alpha_ref(att)),
  list(name = "likert150x6_reversed", data = lik, keys = keys6,
       min = min(lik), max = max(lik), ref = alpha_ref(lik, keys6)),
  list(name = "likert_missing_pairwise", data = lik_na, keys = keys6,
       min = min(lik_na, na.rm = TRUE), max = max(lik_na, na.rm = TRUE),
       ref = alpha_ref(lik_na, keys6)),
  list(name = "likert_missing_listwise", data = lik_na, keys = keys6,
       min = min(lik_na, na.rm = TRUE), max = max(lik_na, na.rm = TRUE),
       ref = c(alpha_ref(na.omit(lik_na), keys6), list(dropped = sum(!complete.cases(lik_na)))))
)

# ------------------------------------------------------- correlations ----------
ct <- function(x, y, method, alternative = "two.sided") {
  r <- if (method == "pearson") cor.test(x, y, method = method, alternative = alternative)
       else suppressWarnings(cor.test(x, y, method = method, alternative = alternative, exact = FALSE))
  ok <- complete.cases(x, y)
  n <- sum(ok)
  est <- unname(r$estimate)
  ci <- if (!is.null(r$conf.int)) as.numeric(r$conf.int) else {
    if (method == "spearman" && n > 3) {
      z <- atanh(est); s <- 1 / sqrt(n - 3)
      switch(alternative,
        two.sided = tanh(z + c(-1, 1) * s * qnorm(0.975)),
        greater = c(tanh(z - s * qnorm(0.95)), 1),
        less = c(-1, tanh(z + s * qnorm(0.95))))
    } else c(NA, NA)
  }
  list(method = method, alternative = alternative, n = n, estimate = est,
       statistic = unname(r$statistic), df = if (is.null(r$parameter)) NA else unname(r$parameter),
       p = r$p.value, lower = ci[1], upper = ci[2])
}

# Hollander & Wolfe (1973), p. 187 (the ?cor.test example): no ties.
hw_x <- c(44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1)
hw_y <- c( 2.6,  3.1,  2.5,  5.0,  3.6,  4.0,  5.2,  2.8,  3.8)

# 25 pairs of Likert-type scores with many ties and two missing values.
set.seed(20240505)
lt <- rnorm(25)
tx <- pmin(5, pmax(1, round(3 + lt + rnorm(25, 0, 0.9))))
ty <- pmin(7, pmax(1, round(4 + 1.2 * lt + rnorm(25, 0, 1.2))))
tx[7] <- NA
ty[19] <- NA

cor_sets <- list(
  list(name = "hollander_wolfe", x = hw_x, y = hw_y, refs = list(
    ct(hw_x, hw_y, "pearson"), ct(hw_x, hw_y, "spearman"), ct(hw_x, hw_y, "kendall"),
    ct(hw_x, hw_y, "pearson", "greater"), ct(hw_x, hw_y, "spearman", "less"),
    ct(hw_x, hw_y, "kendall", "greater"))),
  list(name = "likert_ties", x = tx, y = ty, refs = list(
    ct(tx, ty, "pearson"), ct(tx, ty, "spearman"), ct(tx, ty, "kendall"),
    ct(tx, ty, "pearson", "less")))
)

# ----------------------------------------------------------- describe ----------
set.seed(20240506)
dd <- data.frame(
  network = c(rep("A", 12), rep("B", 7), "C", rep("D", 3)),
  v1 = round(runif(23, 1, 5), 1),
  v2 = round(runif(23, 1, 5), 1))
dd$v1[c(2, 15)] <- NA
dd$v2[c(21, 22, 23)] <- NA   # group D has no v2 at all
desc_one <- function(v, band) {
  v <- v[!is.na(v)]; n <- length(v)
  if (n == 0) return(list(n = 0, mean = NA, sd = NA, se = NA, lower = NA, upper = NA))
  m <- mean(v)
  if (n == 1) return(list(n = 1, mean = m, sd = NA, se = NA, lower = NA, upper = NA))
  s <- sd(v); se <- s / sqrt(n)
  h <- if (band == "2se") 2 * se else qt(0.975, n - 1) * se
  list(n = n, mean = m, sd = s, se = se, lower = m - h, upper = m + h)
}
desc_refs <- list()
for (band in c("2se", "t95")) for (g in unique(dd$network)) for (v in c("v1", "v2")) {
  desc_refs[[length(desc_refs) + 1]] <- c(list(band = band, group = g, variable = v),
                                          desc_one(dd[[v]][dd$network == g], band))
}

out <- list(
  generated_by = "tests/r/psych-reference.R",
  generated_at = format(Sys.time(), "%Y-%m-%dT%H:%M:%S%z"),
  R_version = R.version.string,
  psych_version = as.character(packageVersion("psych")),
  jsonlite_version = as.character(packageVersion("jsonlite")),
  icc = icc_sets,
  alpha = alpha_sets,
  correlation = cor_sets,
  describe = list(rows = lapply(seq_len(nrow(dd)), function(i) as.list(dd[i, ])), refs = desc_refs)
)
write_json(out, out_file, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null")
cat("wrote", out_file, "\n")
