#!/usr/bin/env Rscript
# Reference values for lib/stats/resampling, lib/stats/cluster and
# lib/stats/agreement/aggregationIndices.ts, computed with R (stats, boot, cluster).
#
# Regenerate (needs R >= 4 with the recommended packages boot and cluster, and jsonlite;
# Debian/Ubuntu: apt-get install -y r-base-core r-cran-jsonlite):
#
#   Rscript tests/r/cluster-resampling-reference.R      # from the repository root
#
# Writes tests/fixtures/cluster-resampling-reference.json. The tests read only that
# JSON, so R is not needed to run them. Every data set is generated here (seeded) and
# written into the JSON; the TypeScript tests never regenerate them.
#
# Conventions
# * Numbers are written with 15 significant digits. Values that are fed to BOTH
#   sides (bootstrap replicates, jackknife values, t0) are first rounded to 15
#   significant digits here (r15), so R and TypeScript compute on identical doubles.
# * Permutation tests: R's cor.test(exact = TRUE) computes exact null distributions
#   for Kendall (n < 50, no ties) and Spearman (n <= 1290, no ties; AS 89, which is an
#   exact enumeration only for n <= 9 and an Edgeworth approximation above, so only
#   n <= 9 is used). Pearson has no exact test in R: all n! orderings are enumerated
#   below (n = 7) with the library's two-sided rule |r*| >= |r| - 1e-12.
# * Bootstrap intervals: boot::boot.ci(type = c("perc", "bca")) on boot() replicates,
#   with L = (n - 1) (mean(tj) - tj) from the jackknife values tj (Efron's jackknife
#   influence values; boot.ci's own default would be a regression estimate).
# * hclust / cutree / cophenetic / kmeans: stats; silhouette: cluster::silhouette.
# * Aggregation indices: the multilevel package is not installed here, so ICC(1),
#   ICC(2) and rwg(j) are computed by hand from aov() and the published formulas
#   (Bliese 2000; James, Demaree & Wolf 1984), written out below. This code was
#   checked once against multilevel 2.7's ICC1, ICC2, rwg and rwg.j (equal to 1e-12).

suppressPackageStartupMessages({
  library(jsonlite)
  library(boot)
  library(cluster)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- if (length(script) == 1) normalizePath(file.path(dirname(script), "..", "..")) else getwd()
out_file <- file.path(root, "tests", "fixtures", "cluster-resampling-reference.json")

r15 <- function(x) as.numeric(sprintf("%.15g", x))
unname_matrix <- function(m) { m <- as.matrix(m); dimnames(m) <- NULL; m }

# ------------------------------------------------------------ permutation tests ---
no_ties <- function(n, seed) {
  set.seed(seed)
  repeat {
    x <- round(rnorm(n, 3.5, 0.6), 2)
    y <- round(0.5 * x + rnorm(n, 0, 0.5), 2)
    if (!any(duplicated(x)) && !any(duplicated(y))) return(list(x = x, y = y))
  }
}
perm_sets <- list(
  list(name = "n6", data = no_ties(6, 101)),
  list(name = "n7", data = no_ties(7, 102)),
  list(name = "n9_hollander_wolfe", data = list(
    x = c(44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1),
    y = c(2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8))),
  list(name = "n10", data = no_ties(10, 104))
)

# all permutations of 1..n (rows)
perms <- function(n) {
  if (n == 1) return(matrix(1L, 1, 1))
  p <- perms(n - 1)
  do.call(rbind, lapply(seq_len(n), function(i) cbind(i, ifelse(p >= i, p + 1L, p))))
}
pearson_exact <- function(x, y) {
  P <- perms(length(x))
  r0 <- cor(x, y)
  r <- apply(P, 1, function(o) cor(x, y[o]))
  tol <- 1e-12
  list(observed = r0,
       two.sided = mean(abs(r) >= abs(r0) - tol),
       greater = mean(r >= r0 - tol),
       less = mean(r <= r0 + tol),
       permutations = nrow(P))
}

perm_refs <- lapply(perm_sets, function(s) {
  x <- s$data$x; y <- s$data$y; n <- length(x)
  rows <- list()
  for (method in c("kendall", "spearman")) {
    if (method == "spearman" && n > 9) next   # AS 89 is exact only for n <= 9
    for (alt in c("two.sided", "greater", "less")) {
      ct <- cor.test(x, y, method = method, alternative = alt, exact = TRUE)
      rows[[length(rows) + 1]] <- list(method = method, alternative = alt,
        estimate = unname(ct$estimate), p = ct$p.value)
    }
  }
  out <- list(name = s$name, x = x, y = y, cor_test = rows)
  if (n == 7) out$pearson_enumerated <- pearson_exact(x, y)
  out
})

# ---------------------------------------------------------------- bootstrap -------
set.seed(201)
net_x <- round(runif(10, 2.5, 4.5), 2)
net_y <- round(0.6 * net_x + rnorm(10, 0, 0.35), 2)
set.seed(202)
skew <- round(rexp(20, 1 / 3), 2)

boot_ref <- function(name, data, stat_idx, stat_full, R, seed) {
  set.seed(seed)
  b <- boot(data, stat_idx, R = R)
  b$t0 <- r15(b$t0)
  b$t <- matrix(r15(b$t), ncol = 1)
  n <- NROW(data)
  tj <- r15(sapply(seq_len(n), function(i) stat_full(if (is.null(dim(data))) data[-i] else data[-i, , drop = FALSE])))
  L <- (n - 1) * (mean(tj) - tj)
  cis <- lapply(c(0.95, 0.90), function(conf) {
    ci <- suppressWarnings(boot.ci(b, conf = conf, type = c("perc", "bca"), L = L))
    list(level = conf, percentile = ci$percent[4:5], bca = ci$bca[4:5])
  })
  list(name = name, n = n, t0 = b$t0, replicates = as.numeric(b$t), jackknife = tj,
       acceleration = sum(L^3) / (6 * sum(L^2)^1.5),
       z0 = qnorm(sum(b$t < b$t0) / length(b$t)),
       bias = mean(b$t) - b$t0, se = sd(b$t), intervals = cis)
}
pairs10 <- cbind(net_x, net_y)
boot_sets <- list(
  boot_ref("network_correlation_10", pairs10,
           function(d, i) cor(d[i, 1], d[i, 2]), function(d) cor(d[, 1], d[, 2]), 1999, 203),
  boot_ref("skewed_mean_20", skew,
           function(d, i) mean(d[i]), function(d) mean(d), 999, 204)
)

# ------------------------------------------------------------- leave one out ------
loo <- lapply(c("pearson", "spearman", "kendall"), function(method) {
  r_all <- cor(net_x, net_y, method = method)
  r_i <- sapply(seq_along(net_x), function(i) cor(net_x[-i], net_y[-i], method = method))
  list(method = method, r = r_all, r_without = r_i)
})

# ------------------------------------------------------------ cluster data --------
# 10 networks x 6 scale means on a 1..5 scale (network-like), and 30 x 4 with three
# loose groups.
set.seed(301)
data10 <- round(matrix(runif(60, 2.4, 4.3), 10, 6), 2)
set.seed(302)
centres30 <- rbind(c(2, 2, 3, 4), c(4, 3.5, 2.5, 2), c(3, 4.5, 4, 3))
data30 <- round(centres30[rep(1:3, each = 10), ] + matrix(rnorm(120, 0, 0.55), 30, 4), 2)

methods <- c("ward.D2", "ward.D", "average", "complete", "single", "mcquitty")
lower_tri <- function(d) { m <- as.matrix(d); m[lower.tri(m)] }
hc_ref <- function(name, x, dist_method = "euclidean") {
  d <- dist(x, method = dist_method)
  list(name = name, distance = dist_method, data = unname_matrix(x),
       trees = lapply(methods, function(m) {
         h <- hclust(d, method = m)
         list(method = m, merge = unname_matrix(h$merge), height = h$height, order = h$order,
              cutree = lapply(2:5, function(k) list(k = k, cluster = unname(cutree(h, k)))),
              cophenetic = unname_matrix(as.matrix(cophenetic(h))),
              cophenetic_correlation = cor(cophenetic(h), d))
       }))
}
hclust_sets <- list(
  hc_ref("data10x6", data10),
  hc_ref("data30x4", data30),
  hc_ref("data10x6_manhattan", data10, "manhattan"),
  hc_ref("data30x4_maximum", data30, "maximum")
)
# a given dissimilarity matrix: 1 - r between the 10 networks' profiles
given_d <- round(1 - cor(t(data10)), 6)
given_hc <- lapply(methods, function(m) {
  h <- hclust(as.dist(given_d), method = m)
  list(method = m, merge = unname_matrix(h$merge), height = h$height, order = h$order)
})

# --------------------------------------------------------------- kmeans -----------
km_ref <- function(name, x, starts) {
  lapply(starts, function(rows) {
    lapply(c("Lloyd", "Hartigan-Wong"), function(alg) {
      km <- kmeans(x, centers = x[rows, , drop = FALSE], iter.max = 100, algorithm = alg)
      list(data = name, start_rows = rows, algorithm = alg,
           cluster = unname(km$cluster), centers = unname_matrix(km$centers),
           withinss = km$withinss, size = km$size, iter = km$iter,
           totss = km$totss, tot_withinss = km$tot.withinss, betweenss = km$betweenss)
    })
  })
}
kmeans_refs <- c(
  unlist(km_ref("data10x6", data10, list(c(1, 2), c(1, 4, 7), c(2, 3, 5, 9))), recursive = FALSE),
  unlist(km_ref("data30x4", data30, list(c(1, 2), c(1, 11, 21), c(3, 5, 7), c(2, 12, 22, 29))), recursive = FALSE)
)

# ------------------------------------------------------------- silhouette ---------
sil_ref <- function(name, x, cl, d = dist(x)) {
  s <- silhouette(cl, d)
  sm <- summary(s)
  list(data = name, clusters = as.integer(cl),
       cluster = unname(s[, "cluster"]), neighbor = unname(s[, "neighbor"]),
       width = unname(s[, "sil_width"]),
       cluster_average = unname(sm$clus.avg.widths), average = sm$avg.width)
}
h10 <- hclust(dist(data10), "ward.D2")
h30 <- hclust(dist(data30), "average")
km30 <- kmeans(data30, centers = data30[c(1, 11, 21), ], algorithm = "Lloyd")
sil_sets <- list(
  sil_ref("data10x6", data10, cutree(h10, 2)),
  sil_ref("data10x6", data10, cutree(h10, 3)),
  sil_ref("data10x6", data10, cutree(h10, 4)),
  sil_ref("data30x4", data30, cutree(h30, 3)),
  sil_ref("data30x4", data30, km30$cluster),
  # codes that are not 1..k, and a singleton cluster
  sil_ref("data10x6", data10, c(7, 7, 3, 3, 3, 9, 7, 3, 7, 3)),
  sil_ref("data10x6", data10, c(1, 1, 1, 1, 1, 2, 2, 2, 2, 3))
)

# ---------------------------------------------------- aggregation indices --------
# By hand (multilevel is not installed): one-way aov of the score on group.
agg_ref <- function(df, items, A, group = "network") {
  ok <- complete.cases(df[, items, drop = FALSE])
  d <- df[ok, ]
  d$score <- rowMeans(d[, items, drop = FALSE])
  g <- factor(d[[group]], levels = unique(d[[group]]))
  tab <- summary(aov(d$score ~ g))[[1]]
  MSB <- tab[1, "Mean Sq"]; MSW <- tab[2, "Mean Sq"]
  G <- nlevels(g); N <- nrow(d); nj <- as.vector(table(g))
  k_mean <- N / G
  k_adj <- (N - sum(nj^2) / N) / (G - 1)
  sigma2 <- (A^2 - 1) / 12
  J <- length(items)
  groups <- lapply(levels(g), function(lv) {
    Q <- d[g == lv, items, drop = FALSE]
    if (nrow(Q) < 2) return(list(group = lv, n = nrow(Q), mean = mean(d$score[g == lv]), variance = NULL, rwg = NULL, truncated = FALSE))
    S <- mean(apply(Q, 2, var))
    q <- S / sigma2
    rwg <- if (q > 1) 0 else (J * (1 - q)) / (J * (1 - q) + q)
    list(group = lv, n = nrow(Q), mean = mean(d$score[g == lv]), variance = S, rwg = rwg, truncated = q > 1)
  })
  list(items = items, A = A, dropped = which(!ok) - 1,
       MSB = MSB, MSW = MSW, F = tab[1, "F value"], p = tab[1, "Pr(>F)"],
       df_between = tab[1, "Df"], df_within = tab[2, "Df"],
       k_mean = k_mean, k_adjusted = k_adj,
       icc1_adjusted = (MSB - MSW) / (MSB + (k_adj - 1) * MSW),
       icc1_mean = (MSB - MSW) / (MSB + (k_mean - 1) * MSW),
       icc2 = (MSB - MSW) / MSB, error_variance = sigma2, groups = groups)
}
set.seed(401)
sizes <- c(14, 6, 9, 21, 4, 11, 8, 17, 5, 12)
nets <- paste0("N", sprintf("%02d", 1:10))
lvl <- rnorm(10, 3.4, 0.35)
survey <- do.call(rbind, lapply(1:10, function(j) {
  n <- sizes[j]
  person <- rnorm(n, 0, 0.5)
  it <- sapply(1:4, function(q) pmin(5, pmax(1, round(lvl[j] + person + rnorm(n, 0, 0.6)))))
  data.frame(network = nets[j], q1 = it[, 1], q2 = it[, 2], q3 = it[, 3], q4 = it[, 4])
}))
# a few missing answers (listwise), and a network of maximal disagreement (rwg truncated)
survey$q2[c(3, 40)] <- NA
survey$q4[77] <- NA
dis <- data.frame(network = "N11", q1 = c(1, 5, 1, 5), q2 = c(5, 1, 5, 1), q3 = c(1, 5, 5, 1), q4 = c(5, 1, 1, 5))
single <- data.frame(network = "N12", q1 = 3, q2 = 4, q3 = 3, q4 = 4)
survey <- rbind(survey, dis, single)
# a single 7-point item in 6 groups
set.seed(402)
g7 <- rep(c("a", "b", "c", "d", "e", "f"), times = c(5, 9, 3, 12, 7, 4))
v7 <- pmin(7, pmax(1, round(4 + rep(rnorm(6, 0, 0.8), times = c(5, 9, 3, 12, 7, 4)) + rnorm(40, 0, 1.2))))
seven <- data.frame(network = g7, v = v7)

agg_sets <- list(
  list(name = "survey_4items", rows = survey, ref = agg_ref(survey, c("q1", "q2", "q3", "q4"), 5)),
  list(name = "survey_item_q3", rows = survey, ref = agg_ref(survey, "q3", 5)),
  list(name = "seven_point_single", rows = seven, ref = agg_ref(seven, "v", 7))
)

out <- list(
  generated_by = "tests/r/cluster-resampling-reference.R",
  generated_at = format(Sys.time(), "%Y-%m-%dT%H:%M:%S%z"),
  R_version = R.version.string,
  boot_version = as.character(packageVersion("boot")),
  cluster_version = as.character(packageVersion("cluster")),
  jsonlite_version = as.character(packageVersion("jsonlite")),
  permutation = perm_refs,
  bootstrap = boot_sets,
  leave_one_out = list(x = net_x, y = net_y, refs = loo),
  hclust = hclust_sets,
  hclust_given = list(distances = unname_matrix(given_d), trees = given_hc),
  kmeans = list(data = list(data10x6 = unname_matrix(data10), data30x4 = unname_matrix(data30)), refs = kmeans_refs),
  silhouette = list(data = list(data10x6 = unname_matrix(data10), data30x4 = unname_matrix(data30)), refs = sil_sets),
  aggregation = agg_sets
)
write_json(out, out_file, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null", null = "null", dataframe = "rows")
cat("wrote", out_file, "\n")
