#!/usr/bin/env Rscript
# Reference values for the agreement coefficients in lib/stats/agreement/.
#
# Regenerate (needs R with psych and jsonlite; Debian/Ubuntu:
#   apt-get install -y r-base-core r-cran-psych r-cran-jsonlite):
#
#   Rscript tests/r/agreement-reference.R      # from the repository root
#
# Writes tests/fixtures/agreement-reference.json; the tests read only the
# JSON, so R is not needed to run them.
#
# * Cohen's kappa: psych::cohen.kappa on contingency tables: kappa, its variance
#   (Fleiss, Cohen & Everitt 1969; the standard error for the confidence
#   interval) and the 95% interval.
# * Krippendorff's alpha: the irr package (kripp.alpha) could not be installed
#   here (not in Debian, CRAN unreachable), so alpha is computed by an
#   independent base-R implementation of Krippendorff (2011), written from the
#   paper: the values-by-units table, the coincidence matrix, and the nominal,
#   ordinal, interval and ratio difference functions. The script stops unless it
#   reproduces the paper's values on the paper's data (.743, .815, .849, .797),
#   then evaluates seeded random reliability data with missing values.

suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- if (length(script) == 1) normalizePath(file.path(dirname(script), "..", "..")) else getwd()
out_file <- file.path(root, "tests", "fixtures", "agreement-reference.json")

# ---- Cohen's kappa --------------------------------------------------------
tables <- list(
  stata_kappa_example1 = matrix(c(21, 12, 0, 0, 4, 17, 1, 0, 3, 9, 15, 2, 0, 0, 0, 1), 4, byrow = TRUE),
  fleiss_diagnoses = matrix(c(75, 1, 4, 5, 4, 1, 0, 0, 10), 3, byrow = TRUE),
  sas_skin_condition = matrix(c(10, 4, 1, 0, 5, 10, 12, 2, 2, 4, 12, 5, 0, 2, 6, 13), 4, byrow = TRUE),
  presence_2x2 = matrix(c(40, 9, 6, 45), 2, byrow = TRUE)
)
kappa <- lapply(names(tables), function(nm) {
  x <- tables[[nm]]
  r <- cohen.kappa(x)
  list(name = nm, table = unname(x), kappa = r$kappa, se = sqrt(r$var.kappa),
       lower = r$confid[1, 1], upper = r$confid[1, 3])
})

# ---- Krippendorff's alpha (independent base-R implementation) ------------
kalpha <- function(m, level) {
  # m: coders x units, NA = missing
  vals <- sort(unique(as.vector(m[!is.na(m)])))
  q <- length(vals)
  o <- matrix(0, q, q)
  for (u in seq_len(ncol(m))) {
    v <- m[!is.na(m[, u]), u]
    mu <- length(v)
    if (mu < 2) next
    for (i in seq_len(mu)) for (j in seq_len(mu)) if (i != j) {
      a <- match(v[i], vals); b <- match(v[j], vals)
      o[a, b] <- o[a, b] + 1 / (mu - 1)
    }
  }
  nc <- rowSums(o); n <- sum(nc)
  d2 <- matrix(0, q, q)
  for (c in seq_len(q)) for (k in seq_len(q)) {
    if (c == k) next
    d2[c, k] <- switch(level,
      nominal = 1,
      interval = (vals[c] - vals[k])^2,
      ratio = ((vals[c] - vals[k]) / (vals[c] + vals[k]))^2,
      ordinal = (sum(nc[min(c, k):max(c, k)]) - (nc[c] + nc[k]) / 2)^2)
  }
  1 - (n - 1) * sum(o * d2) / sum(outer(nc, nc) * d2)
}

paper <- rbind(
  c(1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA),
  c(1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3),
  c(NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA),
  c(1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA)
)
levels <- c("nominal", "ordinal", "interval", "ratio")
published <- c(nominal = 0.743, ordinal = 0.815, interval = 0.849, ratio = 0.797)
for (l in levels) {
  a <- kalpha(paper, l)
  if (abs(a - published[[l]]) > 0.0005) stop(sprintf("%s alpha %.4f differs from the paper's %.3f", l, a, published[[l]]))
}

set.seed(20240401)
alpha_cases <- lapply(1:4, function(i) {
  coders <- c(2, 3, 4, 5)[i]
  units <- c(15, 20, 25, 12)[i]
  truth <- sample(1:5, units, replace = TRUE)
  m <- t(sapply(seq_len(coders), function(k) {
    x <- truth + sample(c(-1, 0, 0, 0, 1), units, replace = TRUE)
    x <- pmin(5, pmax(1, x))
    x[runif(units) < 0.15] <- NA
    x
  }))
  res <- sapply(levels, function(l) kalpha(m, l))
  list(name = sprintf("random_%d_coders_%d_units", coders, units),
       data = lapply(seq_len(nrow(m)), function(r) { x <- m[r, ]; lapply(x, function(v) if (is.na(v)) NULL else v) }),
       alpha = as.list(res))
})

out <- list(
  generated_by = "tests/r/agreement-reference.R",
  generated_at = format(Sys.time(), "%Y-%m-%dT%H:%M:%S%z"),
  R_version = R.version.string,
  psych_version = as.character(packageVersion("psych")),
  cohen_kappa = kappa,
  krippendorff_alpha = alpha_cases
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), out_file)
cat("wrote", out_file, "\n")
