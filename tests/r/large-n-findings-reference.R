#!/usr/bin/env Rscript
# Reference values for the findings' large-N rule (lib/analysis/internal/asymptotic.ts,
# evaluateFindings above 200 networks) and the O(n) leave-one-out
# (lib/stats/resampling/leaveOneOut.ts), computed with R's stats package.
#
# Regenerate (needs R >= 4 and jsonlite; Debian/Ubuntu:
# apt-get install -y --no-install-recommends r-base-core r-cran-jsonlite):
#
#   Rscript tests/r/large-n-findings-reference.R      # from the repository root
#
# Writes tests/fixtures/large-n-findings-reference.json. The tests read only that
# JSON, so R is not needed to run them. Every data set is generated here (seeded,
# rounded to 4 decimals so both sides compute on identical doubles) and written into
# the JSON.
#
# For each data set and method (pearson, spearman):
# * cor.test(x, y, method, exact = FALSE) for the three alternatives: estimate,
#   statistic (t on n - 2 df; for Spearman R's asymptotic t approximation) and p;
#   for Pearson also conf.int (Fisher's z, normal-theory SE 1 / sqrt(n - 3));
# * the normal-theory Fisher-z interval for Spearman, SE 1.06 / sqrt(n - 3)
#   (Fieller, Hartley & Pearson 1957), as the formula below;
# * the leave-one-out coefficients cor(x[-i], y[-i], method) and the jackknife
#   interval tanh(atanh(r) -/+ qnorm(.975) SE_jack),
#   SE_jack = sqrt((n - 1) / n * sum((z_i - mean(z))^2)), z_i = atanh(r_(-i)).

suppressPackageStartupMessages(library(jsonlite))

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- if (length(script) == 1) normalizePath(file.path(dirname(script), "..", "..")) else getwd()
out_file <- file.path(root, "tests", "fixtures", "large-n-findings-reference.json")

make <- function(name, n, seed, gen) {
  set.seed(seed)
  d <- gen(n)
  list(name = name, x = round(d$x, 4), y = round(d$y, 4))
}
sets <- list(
  # bivariate normal, r about .3
  make("normal_n250", 250, 2001, function(n) { x <- rnorm(n, 3.4, 0.5); list(x = x, y = 0.3 * x + rnorm(n, 0, 0.48)) }),
  # skewed (exponential), negative relation, r about -.2
  make("skewed_n400", 400, 2002, function(n) { x <- rexp(n); list(x = x, y = -0.25 * x + rexp(n)) }),
  # network means of Likert answers: many ties after rounding to 1 decimal, r about .1
  make("ties_n300", 300, 2003, function(n) { x <- round(rnorm(n, 3.5, 0.4), 1); list(x = x, y = round(3 + 0.1 * x + rnorm(n, 0, 0.4), 1)) }),
  # no relation, n just above the threshold
  make("none_n201", 201, 2004, function(n) list(x = rnorm(n), y = rnorm(n)))
)

z975 <- qnorm(0.975)
refs <- lapply(sets, function(s) {
  x <- s$x; y <- s$y; n <- length(x)
  methods <- lapply(c("pearson", "spearman"), function(m) {
    tests <- lapply(c("two.sided", "greater", "less"), function(alt) {
      ct <- suppressWarnings(cor.test(x, y, method = m, alternative = alt, exact = FALSE))
      list(alternative = alt, estimate = unname(ct$estimate), p = ct$p.value,
           statistic = if (m == "pearson") unname(ct$statistic) else NULL)
    })
    r <- cor(x, y, method = m)
    ct2 <- cor.test(x, y, method = "pearson")
    fisher <- if (m == "pearson") as.numeric(ct2$conf.int) else tanh(atanh(r) + c(-1, 1) * z975 * 1.06 / sqrt(n - 3))
    loo <- sapply(seq_len(n), function(i) cor(x[-i], y[-i], method = m))
    z <- atanh(loo)
    se <- sqrt((n - 1) / n * sum((z - mean(z))^2))
    list(method = m, r = r, tests = tests, fisher_z = fisher, loo = loo, jackknife_se = se,
         jackknife_z = tanh(atanh(r) + c(-1, 1) * z975 * se))
  })
  list(name = s$name, n = n, x = x, y = y, methods = methods)
})

out <- list(
  generated_by = "tests/r/large-n-findings-reference.R",
  r_version = R.version.string,
  sets = refs
)
write_json(out, out_file, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null", null = "null")
cat("wrote", out_file, "\n")
