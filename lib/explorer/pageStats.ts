/**
 * The statistics of the explorer's panels, as JavaScript that runs in the
 * page (no kernel round trip): the definitions of lib/stats written out
 * operation for operation, so that the page gives the same numbers as the
 * library on the same data (tests/explorer/pageStats.test.ts runs this text
 * in Node against correlate, permutationTest and the findings' t p;
 * tests/explorer/browser.test.ts reads the numbers off the drawn page).
 *
 * - Pearson r: lib/stats/internal/moments.ts `pearson` (two-pass means, clamped to [-1, 1]);
 *   Spearman rho: Pearson r of the average ranks (internal/ranks.ts).
 * - p of r, two-sided, as the findings table (lib/analysis/evaluateFindings.ts):
 *   N <= 10 exact, all N! orderings, counted by the meet-in-the-middle split
 *   of resampling/internal/exactEnumeration.ts (`splitCounts`), p = b / N!;
 *   10 < N <= asymptoticAbove: Monte Carlo, `permutationTest`'s loop with
 *   seedrandom's ARC4 stream (util/random.ts, seedrandom 3: Bau 2019), p =
 *   (b + 1) / (m + 1) (Phipson & Smyth 2010);
 *   above: the t distribution on N - 2 df (analysis/internal/asymptotic.ts),
 *   here through the regularised incomplete beta function (N >= 22),
 *   P(|T| >= |t|) = I_{df/(df+t^2)}(df/2, 1/2), by the continued fraction of
 *   Numerical Recipes (Press et al. 2007, 6.4), log B(df/2, 1/2) by
 *   Stirling's series as R's lbeta:
 *   equal to stdlib's t CDF within 1e-12 (relative), not bit for bit.
 *
 * The text defines one global, `dvExplorerStats`; it is inlined once per page.
 */
export const PAGE_STATS_JS = String.raw`
var dvExplorerStats = (function () {
  'use strict';
  function mean(xs) {
    var s = 0, i, n = xs.length;
    for (i = 0; i < n; i++) s += xs[i];
    var m = s / n, c = 0;
    for (i = 0; i < n; i++) c += xs[i] - m;
    return m + c / n;
  }
  function pearson(xs, ys) {
    var mx = mean(xs), my = mean(ys), sxy = 0, sxx = 0, syy = 0;
    for (var i = 0; i < xs.length; i++) {
      var dx = xs[i] - mx, dy = ys[i] - my;
      sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
    }
    var r = sxy / Math.sqrt(sxx * syy);
    return Math.max(-1, Math.min(1, r));
  }
  function averageRanks(xs) {
    var idx = xs.map(function (_, i) { return i; }).sort(function (a, b) { return xs[a] - xs[b]; });
    var ranks = new Array(xs.length), i = 0;
    while (i < idx.length) {
      var j = i;
      while (j + 1 < idx.length && xs[idx[j + 1]] === xs[idx[i]]) j++;
      var r = (i + j) / 2 + 1;
      for (var m = i; m <= j; m++) ranks[idx[m]] = r;
      i = j + 1;
    }
    return ranks;
  }
  function isConstant(xs) {
    for (var i = 1; i < xs.length; i++) if (xs[i] !== xs[0]) return false;
    return true;
  }
  function correlation(x, y, method) {
    if (x.length < 2 || isConstant(x) || isConstant(y)) return null;
    return method === 'spearman' ? pearson(averageRanks(x), averageRanks(y)) : pearson(x, y);
  }
  function makeKernel(x, y, method) {
    var n = x.length, a = new Float64Array(n), b = new Float64Array(n), xs, ys, i;
    if (method === 'spearman') {
      xs = averageRanks(x).map(function (r) { return 2 * r - (n + 1); });
      ys = averageRanks(y).map(function (r) { return 2 * r - (n + 1); });
    } else {
      var mx = 0, my = 0;
      for (i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
      mx /= n; my /= n;
      xs = x.map(function (v) { return v - mx; });
      ys = y.map(function (v) { return v - my; });
    }
    var sxx = 0, syy = 0;
    for (i = 0; i < n; i++) { a[i] = xs[i]; b[i] = ys[i]; sxx += a[i] * a[i]; syy += b[i] * b[i]; }
    return { a: a, b: b, scale: Math.sqrt(sxx * syy) };
  }
  function numerator(k, yv) {
    var s = 0;
    for (var i = 0; i < yv.length; i++) s += k.a[i] * yv[i];
    return s;
  }
  function fact(m) { var f = 1; for (var i = 2; i <= m; i++) f *= i; return f; }
  /* exactEnumeration.ts splitCounts, the two-sided count only */
  function exactTwoSided(k, aCut) {
    var n = k.b.length, h = n >> 1, a = k.a, b = k.b;
    var left = new Float64Array(fact(h)), right = new Float64Array(fact(n - h));
    var total = fact(n), count = 0;
    var items = new Int32Array(n), rest = new Int32Array(n);
    function sums(set, m, offset, out) {
      var w = 0, used = new Uint8Array(m);
      function walk(d, sum) {
        if (d === m) { out[w++] = sum; return; }
        var ad = a[offset + d];
        for (var t = 0; t < m; t++) {
          if (used[t]) continue;
          used[t] = 1;
          walk(d + 1, sum + ad * b[set[t]]);
          used[t] = 0;
        }
      }
      walk(0, 0);
      out.sort();
    }
    if (aCut <= 0) return total;
    for (var mask = 0; mask < 1 << n; mask++) {
      var h1 = 0, h2 = 0, i, j;
      for (i = 0; i < n; i++) { if (mask & (1 << i)) items[h1++] = i; else rest[h2++] = i; }
      if (h1 !== h) continue;
      sums(items, h, 0, left);
      sums(rest, n - h, h, right);
      var R = right.length;
      j = R;
      for (i = 0; i < left.length; i++) { while (j > 0 && left[i] + right[j - 1] >= aCut) j--; count += R - j; }
      j = 0;
      for (i = left.length - 1; i >= 0; i--) { while (j < R && -(left[i] + right[j]) >= aCut) j++; count += j; }
    }
    return count;
  }
  /* seedrandom 3.0.5 (ARC4, Bau 2019) for a string seed: the stream of util/random.ts createRandom */
  function seeded(seed) {
    var width = 256, chunks = 6, startdenom = Math.pow(width, chunks), significance = Math.pow(2, 52), overflow = significance * 2, mask = width - 1;
    var key = [], stringseed = String(seed), smear, j = 0;
    while (j < stringseed.length) key[mask & j] = mask & ((smear ^= key[mask & j] * 19) + stringseed.charCodeAt(j++));
    var keylen = key.length, s = new Uint8Array(width), i = 0, t;
    if (!keylen) { key = [keylen++]; }
    while (i < width) s[i] = i++;
    for (i = 0, j = 0; i < width; i++) { s[i] = s[j = mask & (j + key[i % keylen] + (t = s[i]))]; s[j] = t; }
    var si = 0, sj = 0;
    function g(count) {
      var t, r = 0, i = si, j = sj;
      while (count--) { t = s[i = mask & (i + 1)]; r = r * width + s[mask & ((s[i] = s[j = mask & (j + t)]) + (s[j] = t))]; }
      si = i; sj = j;
      return r;
    }
    g(width);
    return function () {
      var n = g(chunks), d = startdenom, x = 0;
      while (n < significance) { n = (n + x) * width; d *= width; x = g(1); }
      while (n >= overflow) { n /= 2; d /= 2; x >>>= 1; }
      return (n + x) / d;
    };
  }
  /*
   * permutationTest's Monte Carlo loop, two-sided, with seeded()'s ARC4 stream written out in the loop
   * (integer state in a typed array, no closure call per byte): the same bytes, the same doubles, the
   * same shuffles as seeded() and util/random.ts, about four times faster (tests/explorer/pageStats.test.ts
   * checks both against permutationTest).
   */
  function monteCarlo(k, aCut, seed, iterations) {
    var width = 256, mask = 255, startdenom = 281474976710656, significance = 4503599627370496, overflow = 9007199254740992;
    var key = [], stringseed = String(seed), smear, j = 0, i, t;
    while (j < stringseed.length) key[mask & j] = mask & ((smear ^= key[mask & j] * 19) + stringseed.charCodeAt(j++));
    var keylen = key.length, S = new Int32Array(width);
    if (!keylen) { key = [keylen++]; }
    for (i = 0; i < width; i++) S[i] = i;
    for (i = 0, j = 0; i < width; i++) { t = S[i]; j = mask & (j + key[i % keylen] + t); S[i] = S[j]; S[j] = t; }
    var si = 0, sj = 0, c, ti, tj;
    for (c = 0; c < width; c++) { si = (si + 1) & mask; ti = S[si]; sj = (sj + ti) & mask; S[si] = S[sj]; S[sj] = ti; }
    var n = k.b.length, yv = Float64Array.from(k.b), a = k.a, b = 0;
    for (var m = 0; m < iterations; m++) {
      for (var q0 = n - 1; q0 > 0; q0--) {
        /* one uniform(): six bytes, then one byte at a time while below 2^52 (seedrandom's prng()) */
        var r = 0;
        for (c = 0; c < 6; c++) { si = (si + 1) & mask; ti = S[si]; sj = (sj + ti) & mask; tj = S[sj]; S[si] = tj; S[sj] = ti; r = r * width + S[(tj + ti) & mask]; }
        var d = startdenom, x = 0;
        while (r < significance) {
          r = (r + x) * width; d *= width;
          si = (si + 1) & mask; ti = S[si]; sj = (sj + ti) & mask; tj = S[sj]; S[si] = tj; S[sj] = ti; x = S[(tj + ti) & mask];
        }
        while (r >= overflow) { r /= 2; d /= 2; x >>>= 1; }
        var jj = Math.floor(((r + x) / d) * (q0 + 1));
        var tmp = yv[q0]; yv[q0] = yv[jj]; yv[jj] = tmp;
      }
      var s = 0;
      for (var q = 0; q < n; q++) s += a[q] * yv[q];
      if (Math.abs(s) >= aCut) b++;
    }
    return (b + 1) / (iterations + 1);
  }
  /* the loop above with seeded() (the reference the fast loop is tested against) */
  function monteCarloReference(k, aCut, seed, iterations) {
    var uniform = seeded(seed), n = k.b.length, yv = Float64Array.from(k.b), a = k.a, b = 0;
    for (var m = 0; m < iterations; m++) {
      for (var i = n - 1; i > 0; i--) {
        var j = Math.floor(uniform() * (i + 1));
        var tmp = yv[i]; yv[i] = yv[j]; yv[j] = tmp;
      }
      var s = 0;
      for (var q = 0; q < n; q++) s += a[q] * yv[q];
      if (Math.abs(s) >= aCut) b++;
    }
    return (b + 1) / (iterations + 1);
  }
  function betacf(a, b, x) {
    var qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - (qab * x) / qap, FPMIN = 1e-300;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    d = 1 / d;
    var h = d;
    for (var m = 1; m <= 10000; m++) {
      var m2 = 2 * m, aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
      d = 1 + aa * d; if (Math.abs(d) < FPMIN) d = FPMIN;
      c = 1 + aa / c; if (Math.abs(c) < FPMIN) c = FPMIN;
      d = 1 / d; h *= d * c;
      aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
      d = 1 + aa * d; if (Math.abs(d) < FPMIN) d = FPMIN;
      c = 1 + aa / c; if (Math.abs(c) < FPMIN) c = FPMIN;
      d = 1 / d;
      var del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-16) break;
    }
    return h;
  }
  /* log B(a, 1/2) for a >= 10: lgamma(1/2) + lgamma(a) - lgamma(a + 1/2) by Stirling's series, the difference written as R's lbeta writes it (no cancellation of large terms); lgamma(1/2) = log(pi) / 2 */
  function stirlingCorrection(x) {
    var x2 = x * x;
    return 1 / (12 * x) - 1 / (360 * x * x2) + 1 / (1260 * x * x2 * x2) - 1 / (1680 * x * x2 * x2 * x2);
  }
  function lbetaHalf(a) {
    var b = 0.5;
    return 0.5 * Math.log(Math.PI) - b * Math.log(a + b) - (a - 0.5) * Math.log1p(b / a) + b + stirlingCorrection(a) - stirlingCorrection(a + b);
  }
  /* regularised incomplete beta I_x(a, 1/2) for a >= 10, y = 1 - x, with log x and log y given */
  function ibetaHalf(x, y, lnx, lny, a) {
    var b = 0.5;
    if (x <= 0) return 0;
    if (y <= 0) return 1;
    var lbeta = lbetaHalf(a);
    var bt = Math.exp(a * lnx + b * lny - lbeta);
    if (x < (a + 1) / (a + b + 2)) return (bt * betacf(a, b, x)) / a;
    return 1 - (bt * betacf(b, a, y)) / b;
  }
  /* two-sided p of r on n cases (n >= 22) from the t distribution on n - 2 df: I_{df/(df+t^2)}(df/2, 1/2) */
  function tTwoSided(r, n) {
    var df = n - 2, t = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
    if (!isFinite(t)) return 0;
    var t2 = t * t;
    return Math.min(1, ibetaHalf(df / (df + t2), t2 / (df + t2), -Math.log1p(t2 / df), Math.log(t2) - Math.log(df + t2), df / 2));
  }
  /**
   * Pearson r, Spearman rho and the two-sided p of r for paired values
   * (nulls dropped pairwise), as the findings table computes them.
   * options: { seed, iterations, asymptoticAbove, reference } (reference: the Monte Carlo loop through seeded(), for the tests).
   */
  function panelStats(xIn, yIn, options) {
    var x = [], y = [];
    for (var i = 0; i < xIn.length; i++) if (xIn[i] !== null && yIn[i] !== null) { x.push(xIn[i]); y.push(yIn[i]); }
    var n = x.length;
    var out = { n: n, r: null, rho: null, p: null, pMethod: null };
    if (n < 3) return out;
    out.r = correlation(x, y, 'pearson');
    out.rho = correlation(x, y, 'spearman');
    if (out.r === null) return out;
    if (n > options.asymptoticAbove) { out.p = tTwoSided(out.r, n); out.pMethod = 't'; return out; }
    var k = makeKernel(x, y, 'pearson');
    var obs = numerator(k, k.b), aCut = Math.abs(obs) - 1e-12 * k.scale;
    if (n <= 10) { out.p = exactTwoSided(k, aCut) / fact(n); out.pMethod = 'exact'; }
    else { out.p = (options.reference ? monteCarloReference : monteCarlo)(k, aCut, options.seed, options.iterations); out.pMethod = 'monte-carlo'; }
    return out;
  }
  return { panelStats: panelStats, correlation: correlation, seeded: seeded, tTwoSided: tTwoSided, averageRanks: averageRanks };
})();
`;
