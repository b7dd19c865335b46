# One benchmark task for R psych, in a fresh process:
#   Rscript scripts/bench/task.R <task> <matrix file> <repeats>
# Prints JSON {task, ms, medianMs, maxRssMB}; time covers the psych call only.
suppressPackageStartupMessages({ library(psych) })
args <- commandArgs(trailingOnly = TRUE)
task <- args[1]; file <- args[2]; repeats <- as.integer(args[3])
con <- file(file, "rb")
dims <- readBin(con, "double", n = 2, endian = "little")
x <- matrix(readBin(con, "double", n = dims[1] * dims[2], endian = "little"), nrow = dims[1], ncol = dims[2], byrow = TRUE)
close(con)
colnames(x) <- paste0("i", seq_len(ncol(x)))
run <- switch(task,
  alpha = function() psych::alpha(x, warnings = FALSE),
  icc = function() psych::ICC(x, lmer = FALSE),
  efa = function() psych::fa(x, nfactors = 4, fm = "minres", rotate = "oblimin"),
  bootstrap = function() {
    for (p in 0:19) {
      d <- x[, c(p + 1, p + 21)]
      b <- boot::boot(d, function(d, i) cor(d[i, 1], d[i, 2]), R = 10000)
      suppressWarnings(boot::boot.ci(b, type = c("perc", "bca")))
    }
  },
  stop("unknown task ", task))
ms <- numeric(0)
for (r in seq_len(repeats)) {
  t0 <- proc.time()[["elapsed"]]
  invisible(run())
  ms <- c(ms, 1000 * (proc.time()[["elapsed"]] - t0))
}
status <- readLines("/proc/self/status")
hwm <- as.numeric(gsub("[^0-9]", "", status[grepl("^VmHWM", status)])) / 1024
cat(sprintf('{"task":"%s","ms":[%s],"medianMs":%f,"maxRssMB":%f}\n', task, paste(ms, collapse = ","), median(ms), hwm))
