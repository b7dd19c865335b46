/**
 * The two k-means iterations of R's kmeans, ported line by line (internal):
 * Hartigan & Wong (1979) AS 136 from R's kmns.f, and Lloyd from R's kmeans.c.
 * Data are row-major: a[i * p + j] (m points, p dimensions); centres c[l * p + j].
 */

export interface KmeansRun {
  /** Cluster of each point, 1..k. */
  cluster: Int32Array;
  /** Final centres, row-major k x p. */
  centers: Float64Array;
  /** Cluster sizes. */
  size: Int32Array;
  /** Within-cluster sums of squares. */
  withinss: Float64Array;
  /** R's reported iteration count. */
  iterations: number;
  /** 0 ok; 1 empty cluster; 2 did not converge; 4 quick-transfer steps exceeded (AS 136 IFAULT). */
  ifault: number;
}

/** AS 136 (R's kmns.f). Requires 2 <= k < m. `c` holds the initial centres and is overwritten. */
export function hartiganWong(a: Float64Array, m: number, p: number, c: Float64Array, k: number, iterMax: number): KmeansRun {
  const BIG = Math.fround(1e30); // DATA BIG /1.E30/ (a single-precision constant)
  // 1-based work arrays as in the Fortran (index 0 unused)
  const ic1 = new Int32Array(m + 1);
  const ic2 = new Int32Array(m + 1);
  const nc = new Int32Array(k + 1);
  const an1 = new Float64Array(k + 1);
  const an2 = new Float64Array(k + 1);
  const ncp = new Int32Array(k + 1);
  const d = new Float64Array(m + 1);
  const itran = new Int32Array(k + 1);
  const live = new Int32Array(k + 1);
  const wss = new Float64Array(k + 1);
  const A = (i: number, j: number) => a[(i - 1) * p + (j - 1)];
  const ci = (l: number, j: number) => (l - 1) * p + (j - 1);
  let iMaxQtr = Math.min(2147483647, 50 * m);
  let ifault = 0;
  const dt = [0, 0, 0];

  for (let i = 1; i <= m; i++) {
    ic1[i] = 1;
    ic2[i] = 2;
    for (let il = 1; il <= 2; il++) {
      dt[il] = 0;
      for (let j = 1; j <= p; j++) {
        const da = A(i, j) - c[ci(il, j)];
        dt[il] = dt[il] + da * da;
      }
    }
    if (dt[1] > dt[2]) {
      ic1[i] = 2;
      ic2[i] = 1;
      const temp = dt[1];
      dt[1] = dt[2];
      dt[2] = temp;
    }
    for (let l = 3; l <= k; l++) {
      let db = 0;
      let skip = false;
      for (let j = 1; j <= p; j++) {
        const dc = A(i, j) - c[ci(l, j)];
        db = db + dc * dc;
        if (db >= dt[2]) {
          skip = true;
          break;
        }
      }
      if (skip) continue;
      if (db >= dt[1]) {
        dt[2] = db;
        ic2[i] = l;
      } else {
        dt[2] = dt[1];
        ic2[i] = ic1[i];
        dt[1] = db;
        ic1[i] = l;
      }
    }
  }

  for (let l = 1; l <= k; l++) {
    nc[l] = 0;
    for (let j = 1; j <= p; j++) c[ci(l, j)] = 0;
  }
  for (let i = 1; i <= m; i++) {
    const l = ic1[i];
    nc[l] = nc[l] + 1;
    for (let j = 1; j <= p; j++) c[ci(l, j)] = c[ci(l, j)] + A(i, j);
  }
  for (let l = 1; l <= k; l++) {
    if (nc[l] === 0) return finish(1, 0);
    const aa = nc[l];
    for (let j = 1; j <= p; j++) c[ci(l, j)] = c[ci(l, j)] / aa;
    an2[l] = aa / (aa + 1);
    an1[l] = BIG;
    if (aa > 1) an1[l] = aa / (aa - 1);
    itran[l] = 1;
    ncp[l] = -1;
  }

  let indx = 0;

  /**
   * Moves point i from cluster l1 to l2: both centres updated in place, the
   * counts, and the factors an1 = n / (n - 1), an2 = n / (n + 1) of the two
   * clusters (steps shared by OPTRA and QTRAN in Hartigan & Wong 1979).
   */
  const movePoint = (i: number, l1: number, l2: number): void => {
    const al1 = nc[l1];
    const alw = al1 - 1;
    const al2 = nc[l2];
    const alt = al2 + 1;
    for (let j = 1; j <= p; j++) {
      c[ci(l1, j)] = (c[ci(l1, j)] * al1 - A(i, j)) / alw;
      c[ci(l2, j)] = (c[ci(l2, j)] * al2 + A(i, j)) / alt;
    }
    nc[l1] = nc[l1] - 1;
    nc[l2] = nc[l2] + 1;
    an2[l1] = alw / al1;
    an1[l1] = BIG;
    if (alw > 1) an1[l1] = alw / (alw - 1);
    an1[l2] = alt / al2;
    an2[l2] = alt / (alt + 1);
    ic1[i] = l2;
    ic2[i] = l1;
  };

  const optra = (): void => {
    for (let l = 1; l <= k; l++) if (itran[l] === 1) live[l] = m + 1;
    for (let i = 1; i <= m; i++) {
      indx = indx + 1;
      const l1 = ic1[i];
      let l2 = ic2[i];
      const ll = l2;
      if (nc[l1] !== 1) {
        if (ncp[l1] !== 0) {
          let de = 0;
          for (let j = 1; j <= p; j++) {
            const df = A(i, j) - c[ci(l1, j)];
            de = de + df * df;
          }
          d[i] = de * an1[l1];
        }
        let da = 0;
        for (let j = 1; j <= p; j++) {
          const db = A(i, j) - c[ci(l2, j)];
          da = da + db * db;
        }
        let r2 = da * an2[l2];
        for (let l = 1; l <= k; l++) {
          if ((i >= live[l1] && i >= live[l]) || l === l1 || l === ll) continue;
          const rr = r2 / an2[l];
          let dc = 0;
          let skip = false;
          for (let j = 1; j <= p; j++) {
            const dd = A(i, j) - c[ci(l, j)];
            dc = dc + dd * dd;
            if (dc >= rr) {
              skip = true;
              break;
            }
          }
          if (skip) continue;
          r2 = dc * an2[l];
          l2 = l;
        }
        if (r2 >= d[i]) {
          ic2[i] = l2;
        } else {
          indx = 0;
          live[l1] = m + i;
          live[l2] = m + i;
          ncp[l1] = i;
          ncp[l2] = i;
          movePoint(i, l1, l2);
        }
      }
      if (indx === m) return;
    }
    for (let l = 1; l <= k; l++) {
      itran[l] = 0;
      live[l] = live[l] - m;
    }
  };

  const qtran = (): void => {
    let icoun = 0;
    let istep = 0;
    for (;;) {
      for (let i = 1; i <= m; i++) {
        icoun = icoun + 1;
        istep = istep + 1;
        if (istep >= iMaxQtr) {
          iMaxQtr = -1;
          return;
        }
        const l1 = ic1[i];
        const l2 = ic2[i];
        if (nc[l1] !== 1) {
          if (istep <= ncp[l1]) {
            let da = 0;
            for (let j = 1; j <= p; j++) {
              const db = A(i, j) - c[ci(l1, j)];
              da = da + db * db;
            }
            d[i] = da * an1[l1];
          }
          if (istep < ncp[l1] || istep < ncp[l2]) {
            const r2 = d[i] / an2[l2];
            let dd = 0;
            let skip = false;
            for (let j = 1; j <= p; j++) {
              const de = A(i, j) - c[ci(l2, j)];
              dd = dd + de * de;
              if (dd >= r2) {
                skip = true;
                break;
              }
            }
            if (!skip) {
              icoun = 0;
              indx = 0;
              itran[l1] = 1;
              itran[l2] = 1;
              ncp[l1] = istep + m;
              ncp[l2] = istep + m;
              movePoint(i, l1, l2);
            }
          }
        }
        if (icoun === m) return;
      }
    }
  };

  let ij = 1;
  let converged = false;
  for (; ij <= iterMax; ij++) {
    optra();
    if (indx === m) {
      converged = true;
      break;
    }
    qtran();
    if (iMaxQtr < 0) {
      ifault = 4;
      converged = true; // leaves the loop like GO TO 150
      break;
    }
    if (k === 2) {
      converged = true;
      break;
    }
    for (let l = 1; l <= k; l++) ncp[l] = 0;
  }
  if (!converged) ifault = 2;
  return finish(ifault, ij);

  function finish(fault: number, iter: number): KmeansRun {
    if (fault !== 1) {
      for (let l = 1; l <= k; l++) {
        wss[l] = 0;
        for (let j = 1; j <= p; j++) c[ci(l, j)] = 0;
      }
      for (let i = 1; i <= m; i++) {
        const ii = ic1[i];
        for (let j = 1; j <= p; j++) c[ci(ii, j)] = c[ci(ii, j)] + A(i, j);
      }
      for (let j = 1; j <= p; j++) {
        for (let l = 1; l <= k; l++) c[ci(l, j)] = c[ci(l, j)] / nc[l];
        for (let i = 1; i <= m; i++) {
          const ii = ic1[i];
          const da = A(i, j) - c[ci(ii, j)];
          wss[ii] = wss[ii] + da * da;
        }
      }
    }
    return {
      cluster: ic1.slice(1),
      centers: c,
      size: nc.slice(1),
      withinss: wss.slice(1),
      // R: if IFAULT = 2, iter <- max(iter, iter.max + 1)
      iterations: fault === 2 ? Math.max(iter, iterMax + 1) : iter,
      ifault: fault,
    };
  }
}

/** Lloyd's algorithm (R's kmeans_Lloyd). `cen` holds the initial centres and is overwritten. */
export function lloyd(x: Float64Array, n: number, p: number, cen: Float64Array, k: number, maxiter: number): KmeansRun {
  const cl = new Int32Array(n).fill(-1);
  const nc = new Int32Array(k);
  const wss = new Float64Array(k);
  let iter = 0;
  let inew = 0;
  for (iter = 0; iter < maxiter; iter++) {
    let updated = false;
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let j = 0; j < k; j++) {
        let dd = 0;
        for (let c = 0; c < p; c++) {
          const tmp = x[i * p + c] - cen[j * p + c];
          dd += tmp * tmp;
        }
        if (dd < best) {
          best = dd;
          inew = j + 1;
        }
      }
      if (cl[i] !== inew) {
        updated = true;
        cl[i] = inew;
      }
    }
    if (!updated) break;
    cen.fill(0);
    nc.fill(0);
    for (let i = 0; i < n; i++) {
      const it = cl[i] - 1;
      nc[it]++;
      for (let c = 0; c < p; c++) cen[it * p + c] += x[i * p + c];
    }
    for (let j = 0; j < k; j++) for (let c = 0; c < p; c++) cen[j * p + c] /= nc[j];
  }
  const iterations = iter + 1;
  for (let i = 0; i < n; i++) {
    const it = cl[i] - 1;
    for (let c = 0; c < p; c++) {
      const tmp = x[i * p + c] - cen[it * p + c];
      wss[it] += tmp * tmp;
    }
  }
  // sizes of the final assignment
  nc.fill(0);
  for (let i = 0; i < n; i++) nc[cl[i] - 1]++;
  const empty = nc.some((v) => v === 0);
  return { cluster: cl, centers: cen, size: nc, withinss: wss, iterations, ifault: empty ? 1 : iterations > maxiter ? 2 : 0 };
}
