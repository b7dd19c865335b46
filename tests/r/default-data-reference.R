#!/usr/bin/env Rscript
# Reference values for lib/stats on the project's SHIPPED DEFAULT DATA (data/), computed
# with R, psych and GPArotation.
#
# Regenerate (needs R with psych, GPArotation and jsonlite; Debian/Ubuntu:
#   apt-get install -y r-base-core r-cran-psych r-cran-gparotation r-cran-jsonlite):
#
#   Rscript tests/r/default-data-reference.R            # from the repository root
#
# Writes tests/fixtures/default-data-reference.json, read by tests/stats/defaultData.test.ts
# (which loads the same CSVs with the project's own loaders, lib/io/loadStudyData.ts).
# The data are NOT copied into the JSON: if data/ is regenerated, rerun this script.
#
# Conventions (mirrored exactly in the TypeScript test)
# * Item codes: codebook order, data/instrument.json constructs[].items[].id.
#   Scales = constructs of kind "scale". Missing codes of an item's response scale
#   (responseScales[...]$missing, 9 = "weet niet") become NA, in the pilot and in the
#   survey (the loaders do the same).
# * alpha (pilot): per scale, once with its final items and once with its whole pool;
#   reverse-keyed items are scored 6 - x first (so no keys are passed to psych); the
#   data are na.omit()-ed first, so psych's pairwise covariances are the listwise ones.
#   TS: reliability(raw, { missing: 'listwise', reverse, min: 1, max: 5 }).
# * ICC (survey): per network (sorted by name), only response_status == "complete" rows.
#   Targets (rows) = every final item on a 1-5 scale (constructs with responseScale
#   agree5, role5 or importance5: all scale items and the 11 motivation items), in
#   codebook order; raters (columns) = the network's complete respondents in file order.
#   Rows with any NA are removed, then psych::ICC(x, lmer = FALSE).
# * Factor analysis (pilot): trust + affectivity pool items (codebook order, reverse-keyed
#   items scored 6 - x), na.omit(); psych::fa(nfactors = 2) for fm minres/pa/ml x rotate
#   none/varimax/oblimin/promax with psych's defaults; KMO, cortest.bartlett and
#   fa.parallel(fa = "both", n.iter = 1, plot = FALSE) observed eigenvalues on the same.
# * Numbers are written with digits = NA (15 significant digits).

suppressPackageStartupMessages({
  library(psych)
  library(GPArotation)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- if (length(script) == 1) normalizePath(file.path(dirname(script), "..", "..")) else getwd()
out_file <- file.path(root, "tests", "fixtures", "default-data-reference.json")

inst <- fromJSON(file.path(root, "data", "instrument.json"), simplifyVector = FALSE)
pilot <- read.csv(file.path(root, "data", "pilot.csv"), stringsAsFactors = FALSE)
survey <- read.csv(file.path(root, "data", "survey.csv"), stringsAsFactors = FALSE)

um <- function(m) { m <- as.matrix(m); dimnames(m) <- NULL; m }
missing_codes <- function(scale) vapply(inst$responseScales[[scale]]$missing, function(m) as.numeric(m$code), 0)

# item table: id, construct, kind, scale, final, reverse (codebook order)
items <- do.call(rbind, lapply(inst$constructs, function(c) do.call(rbind, lapply(c$items, function(it)
  data.frame(id = it$id, construct = c$id, kind = c$kind, scale = c$responseScale,
             final = isTRUE(it$final), reverse = isTRUE(it$reverse), stringsAsFactors = FALSE)))))

# numeric item columns with the scale's missing codes as NA
clean <- function(df, ids) {
  x <- sapply(ids, function(id) {
    v <- as.numeric(df[[id]])
    v[v %in% missing_codes(items$scale[items$id == id])] <- NA
    v
  })
  colnames(x) <- ids
  x
}
rev_score <- function(x) {
  for (id in colnames(x)) if (items$reverse[items$id == id]) x[, id] <- 6 - x[, id]
  x
}

# 1. alpha on the pilot ----------------------------------------------------------------
alpha_ref <- function(construct, set) {
  ids <- items$id[items$construct == construct & (set == "pool" | items$final)]
  x <- na.omit(rev_score(clean(pilot, ids)))
  a <- suppressWarnings(suppressMessages(psych::alpha(as.data.frame(x), check.keys = FALSE, warnings = FALSE)))
  list(construct = construct, set = set, items = ids,
       reverse = items$reverse[match(ids, items$id)],
       n_obs = nrow(x),
       raw_alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha,
       G6 = a$total[["G6(smc)"]], average_r = a$total$average_r,
       r_drop = unname(a$item.stats$r.drop),
       alpha_drop_raw = unname(a$alpha.drop$raw_alpha))
}
scales <- unique(items$construct[items$kind == "scale"])
alpha_out <- list()
for (s in scales) for (set in c("final", "pool")) alpha_out[[length(alpha_out) + 1]] <- alpha_ref(s, set)

# 2. ICC per network on the survey -----------------------------------------------------
icc_ids <- items$id[items$final & items$scale %in% c("agree5", "role5", "importance5")]
complete <- survey[survey$response_status == "complete", ]
icc_out <- list()
for (net in sort(unique(complete$network))) {
  rows <- complete[complete$network == net, ]
  x <- t(clean(rows, icc_ids))            # targets (items) x raters (respondents)
  colnames(x) <- rows$respondent_id
  keep <- complete.cases(x)
  xx <- x[keep, , drop = FALSE]
  r <- suppressWarnings(suppressMessages(psych::ICC(xx, lmer = FALSE)))
  res <- r$results
  icc_out[[length(icc_out) + 1]] <- list(
    network = net, raters = rows$respondent_id, targets = icc_ids,
    n = nrow(xx), k = ncol(xx), dropped = sum(!keep), dropped_items = icc_ids[!keep],
    results = lapply(seq_len(nrow(res)), function(i) list(
      type = as.character(res$type[i]), icc = res$ICC[i], F = res$F[i], df1 = res$df1[i],
      df2 = res$df2[i], p = res$p[i], lower = res[i, "lower bound"], upper = res[i, "upper bound"])))
}

# 3. factor analysis on the pilot ------------------------------------------------------
fa_ids <- items$id[items$construct %in% c("trust", "affectivity")]
fx <- na.omit(rev_score(clean(pilot, fa_ids)))
fa_out <- list()
for (fm in c("minres", "pa", "ml")) for (rot in c("none", "varimax", "oblimin", "promax")) {
  f <- suppressWarnings(suppressMessages(psych::fa(fx, nfactors = 2, fm = fm, rotate = rot, warnings = FALSE)))
  L <- unclass(f$loadings)
  fa_out[[length(fa_out) + 1]] <- list(
    method = fm, rotate = rot, factors = colnames(L), loadings = um(L),
    communality = unname(f$communality),
    phi = if (is.null(f$Phi)) NULL else um(f$Phi))
}
km <- psych::KMO(fx)
bt <- suppressWarnings(suppressMessages(psych::cortest.bartlett(fx)))
set.seed(1)
pa <- suppressWarnings(suppressMessages(
  psych::fa.parallel(fx, fa = "both", n.iter = 1, plot = FALSE)))

out <- list(
  R_version = R.version.string,
  psych_version = as.character(packageVersion("psych")),
  GPArotation_version = as.character(packageVersion("GPArotation")),
  jsonlite_version = as.character(packageVersion("jsonlite")),
  alpha = alpha_out,
  icc = icc_out,
  factor = list(
    items = fa_ids, reverse = items$reverse[match(fa_ids, items$id)],
    n_obs = nrow(fx), nfactors = 2,
    fa = fa_out,
    kmo = list(MSA = km$MSA, MSAi = unname(km$MSAi)),
    bartlett = list(chisq = bt$chisq, df = bt$df, p = bt$p.value),
    parallel = list(fa_values = unname(pa$fa.values), pc_values = unname(pa$pc.values))))

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE), out_file)
cat("wrote", out_file, "\n")
