#!/usr/bin/env Rscript
# Reference values for lib/stats/factor (efa, parallelAnalysis, kmo, bartlett),
# computed with R, psych and GPArotation.
#
# Regenerate (needs R with psych, GPArotation and jsonlite; Debian/Ubuntu:
#   apt-get install -y r-base-core r-cran-psych r-cran-gparotation r-cran-jsonlite):
#
#   Rscript tests/r/fa-reference.R            # from the repository root
#
# Writes tests/fixtures/fa-reference.json. The tests read only that JSON, so R is not
# needed to run them. The data sets are generated here (seeded) and written into the
# JSON as well; the TypeScript tests never regenerate them.
#
# Conventions
# * fa: psych::fa(x, nfactors, fm, rotate) with psych's defaults (SMC = TRUE,
#   min.err = 0.001, max.iter = 50, use = "pairwise"); for a correlation matrix
#   n.obs is given. listwise = fa(na.omit(x)).
# * fa.parallel: only the observed eigenvalues (pc.values, fa.values) are compared
#   exactly; the simulated means of a long psych run (n.iter = 500) are stored for a
#   loose statistical comparison (different random streams).
# * KMO, cortest.bartlett: on the data (psych computes pairwise correlations and, for
#   Bartlett, n = number of rows) or on the correlation matrix with n.
# * Numbers are written with digits = NA (15 significant digits).

suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- if (length(script) == 1) normalizePath(file.path(dirname(script), "..", "..")) else getwd()
out_file <- file.path(root, "tests", "fixtures", "fa-reference.json")

um <- function(m) { m <- as.matrix(m); dimnames(m) <- NULL; m }

fa_ref <- function(x, nf, fm, rotate, n.obs = NA, SMC = TRUE, max.iter = 50) {
  f <- suppressWarnings(suppressMessages(
    psych::fa(x, nfactors = nf, fm = fm, rotate = rotate, n.obs = n.obs, warnings = FALSE,
              SMC = SMC, max.iter = max.iter)))
  L <- unclass(f$loadings)
  va <- f$Vaccounted
  row <- function(name) if (name %in% rownames(va)) unname(va[name, ]) else NULL
  list(
    nfactors = nf, method = fm, rotate = rotate,
    initial_communalities = if (is.logical(SMC)) NULL else SMC,
    max_iter = if (max.iter == 50) NULL else max.iter,
    factors = colnames(L),
    loadings = um(L),
    phi = if (is.null(f$Phi)) NULL else um(f$Phi),
    structure = um(unclass(f$Structure)),
    communality = unname(f$communality),
    uniquenesses = unname(f$uniquenesses),
    complexity = unname(f$complexity),
    values = unname(f$values),
    e_values = unname(f$e.values),
    ss_loadings = row("SS loadings"),
    proportion = row("Proportion Var"),
    cumulative = if (nf > 1) row("Cumulative Var") else row("Proportion Var"),
    proportion_explained = if (nf > 1) row("Proportion Explained") else 1,
    cumulative_proportion = if (nf > 1) row("Cumulative Proportion") else 1,
    objective = f$objective,
    statistic = if (is.null(f$STATISTIC)) NA else f$STATISTIC,
    dof = f$dof,
    pval = if (is.null(f$PVAL)) NA else f$PVAL,
    rmsea = if (is.null(f$RMSEA)) NA else unname(f$RMSEA[1]),
    tli = if (is.null(f$TLI)) NA else f$TLI,
    bic = if (is.null(f$BIC)) NA else f$BIC,
    null_model = f$null.model,
    null_chisq = if (is.null(f$null.chisq)) NA else f$null.chisq,
    null_dof = f$null.dof,
    rms = f$rms, crms = f$crms,
    chi = f$chi, epval = f$EPVAL,
    fit_off = f$fit.off,
    residual = if (rotate == "none") um(f$residual) else NULL,
    n_obs = f$n.obs
  )
}

fa_grid <- function(x, nfs, n.obs = NA) {
  out <- list()
  for (nf in nfs) for (fm in c("minres", "pa", "ml")) for (rot in c("none", "varimax", "oblimin", "promax"))
    out[[length(out) + 1]] <- fa_ref(x, nf, fm, rot, n.obs)
  out
}

extras <- function(x, n = NULL) {
  km <- psych::KMO(x)
  bt <- suppressWarnings(suppressMessages(psych::cortest.bartlett(x, n = n)))
  pa_obs <- list()
  for (fm in c("minres", "pa", "ml")) {
    fp <- suppressWarnings(suppressMessages(
      psych::fa.parallel(x, n.obs = n, fm = fm, n.iter = 2, plot = FALSE)))
    pa_obs[[fm]] <- list(pc_values = fp$pc.values, fa_values = fp$fa.values)
  }
  list(kmo = list(msa = km$MSA, msai = unname(km$MSAi)),
       bartlett = list(chisq = bt$chisq, df = bt$df, p = bt$p.value),
       parallel_observed = pa_obs)
}

# ------------------------------------------------------------ data sets --------
# (a) Harman (1976): 24 psychological tests, Grant-White school, n = 145
#     (datasets::Harman74.cor). Correlation-matrix input.
h74 <- um(Harman74.cor$cov)
h74_names <- colnames(Harman74.cor$cov)

# (b) A pilot-like sample: 81 respondents x 12 Likert items (1..5), three correlated
#     factors of four items each; item 5 loads on factors 1 and 2 (cross-loading).
set.seed(20240601)
F <- matrix(rnorm(81 * 3), 81, 3) %*% chol(matrix(c(1, .35, .25, .35, 1, .3, .25, .3, 1), 3))
Lam <- matrix(0, 12, 3)
Lam[1:4, 1] <- c(.75, .7, .65, .6)
Lam[5:8, 2] <- c(.45, .7, .65, .6); Lam[5, 1] <- .45
Lam[9:12, 3] <- c(.7, .65, .6, .55)
uniq <- sqrt(pmax(1 - rowSums((Lam %*% matrix(c(1, .35, .25, .35, 1, .3, .25, .3, 1), 3)) * Lam), .2))
pilot <- F %*% t(Lam) + matrix(rnorm(81 * 12), 81, 12) %*% diag(uniq)
pilot <- pmin(pmax(round(3 + 1.1 * pilot), 1), 5)

# (c) 300 cases x 8 continuous items, two factors.
set.seed(20240602)
G <- matrix(rnorm(300 * 2), 300, 2)
Lg <- cbind(c(.8, .75, .7, .6, .1, .15, 0, .2), c(.1, 0, .2, .1, .8, .7, .65, .55))
d300 <- G %*% t(Lg) + matrix(rnorm(300 * 8), 300, 8) %*% diag(sqrt(1 - rowSums(Lg^2)))

# (d) psych::bfi, first 10 items (agreeableness and conscientiousness), a seeded
#     subset of 400 respondents, with its missing values (pairwise and listwise).
set.seed(20240603)
bfi10 <- um(psych::bfi[sort(sample(nrow(psych::bfi), 400)), 1:10])
bfi_names <- colnames(psych::bfi)[1:10]

# (e) Harman (1976): eight physical variables, 305 girls (psych::Harman.8). With the
#     communalities of Harman (1967, pp. 154-155) and a single principal-factor step
#     this is Harman's published principal-factor solution (see tests/stats/factor).
h8 <- um(psych::Harman.8)
h8_names <- colnames(psych::Harman.8)
harman8_priors <- c(.854, .897, .833, .783, .870, .687, .521, .579)

# Long parallel-analysis runs for the loose comparison of simulated eigenvalues
set.seed(20240604)
sim_d300 <- suppressWarnings(suppressMessages(psych::fa.parallel(d300, fm = "minres", n.iter = 500, plot = FALSE)))

sets <- list(
  list(name = "harman74", correlation = TRUE, n = 145, names = h74_names, data = h74,
       fa = fa_grid(h74, c(2, 4), n.obs = 145), extras = extras(h74, 145)),
  list(name = "harman8", correlation = TRUE, n = 305, names = h8_names, data = h8,
       fa = c(fa_grid(h8, c(2), n.obs = 305),
              lapply(c("none", "varimax", "oblimin", "promax"), function(rot)
                fa_ref(h8, 2, "pa", rot, n.obs = 305, SMC = harman8_priors, max.iter = 1))),
       extras = extras(h8, 305)),
  list(name = "pilot81x12", correlation = FALSE, data = pilot,
       fa = fa_grid(pilot, c(2, 3)), extras = extras(pilot)),
  list(name = "sim300x8", correlation = FALSE, data = d300,
       fa = fa_grid(d300, c(1, 2)), extras = extras(d300)),
  list(name = "bfi400x10_pairwise", correlation = FALSE, missing = "pairwise", names = bfi_names, data = bfi10,
       fa = fa_grid(bfi10, c(2)), extras = extras(bfi10)),
  list(name = "bfi400x10_listwise", correlation = FALSE, missing = "listwise", names = bfi_names, data = bfi10,
       dropped = sum(!complete.cases(bfi10)),
       fa = fa_grid(na.omit(bfi10), c(2)), extras = extras(um(na.omit(bfi10))))
)

# ------------------------------------------------ optim L-BFGS-B ---------------
# The optimiser behind fm = "minres" and "ml", checked on its own (analytic gradients;
# R's defaults factr = 1e7, pgtol = 0, lmm = 5, maxit = 100 unless given).
fr <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
grr <- function(x) c(-400 * x[1] * (x[2] - x[1]^2) - 2 * (1 - x[1]), 200 * (x[2] - x[1]^2))
flb <- function(x) { p <- length(x); sum(c(1, rep(4, p - 1)) * (x - c(1, x[-p])^2)^2) }
glb <- function(x) {
  p <- length(x); w <- c(1, rep(4, p - 1)); r <- x - c(1, x[-p])^2
  g <- 2 * w * r
  g[-p] <- g[-p] - 4 * w[-1] * r[-1] * x[-p]
  g
}
optim_case <- function(name, par, fn, gr, lower, upper, control = list()) {
  o <- optim(par, fn, gr, method = "L-BFGS-B", lower = lower, upper = upper, control = control)
  list(name = name, start = par, lower = lower, upper = upper, control = control,
       par = o$par, value = o$value, counts = unname(o$counts[1]), convergence = o$convergence,
       message = o$message)
}
optim_cases <- list(
  optim_case("rosenbrock_box", c(-1.2, 1), fr, grr, c(-2, -2), c(2, 0.5)),
  optim_case("rosenbrock_free", c(-1.2, 1), fr, grr, c(-Inf, -Inf), c(Inf, Inf)),
  optim_case("rosenbrock_tight", c(-1.2, 1), fr, grr, c(-Inf, -Inf), c(Inf, Inf), list(factr = 10, pgtol = 0)),
  optim_case("flb25", rep(3, 25), flb, glb, rep(2, 25), rep(4, 25)),
  optim_case("rosenbrock_maxit3", c(-1.2, 1), fr, grr, c(-Inf, -Inf), c(Inf, Inf), list(maxit = 3))
)

out <- list(
  generated_by = "tests/r/fa-reference.R",
  generated_at = format(Sys.time(), "%Y-%m-%dT%H:%M:%S%z"),
  R_version = R.version.string,
  psych_version = as.character(packageVersion("psych")),
  GPArotation_version = as.character(packageVersion("GPArotation")),
  jsonlite_version = as.character(packageVersion("jsonlite")),
  sets = sets,
  optim = optim_cases,
  parallel_simulated = list(
    name = "sim300x8", n_iter = 500, fm = "minres",
    pc_sim_mean = sim_d300$pc.sim, fa_sim_mean = sim_d300$fa.sim,
    nfact = sim_d300$nfact, ncomp = sim_d300$ncomp)
)

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE), out_file)
cat("wrote", out_file, "\n")
