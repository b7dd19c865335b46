/**
 * L-BFGS-B: limited-memory quasi-Newton minimisation under box constraints
 * (internal to lib/stats/factor).
 *
 * Algorithm: Byrd, R. H., Lu, P., Nocedal, J. & Zhu, C. (1995). A limited memory
 * algorithm for bound constrained optimization. SIAM Journal on Scientific
 * Computing, 16, 1190-1208; Zhu, Byrd, Lu & Nocedal (1997), ACM TOMS 23, 550-560.
 *
 * This is an independent TypeScript implementation that follows, step for step,
 * the decisions of L-BFGS-B version 2.3 as used by R's `optim(method = "L-BFGS-B")`
 * (generalised Cauchy point, direct primal subspace minimisation without the
 * version-3.0 projection, More-Thuente line search `dcsrch` with ftol 1e-3,
 * gtol 0.9, xtol 0.1, memory refresh after numerical breakdowns, and R's
 * iteration limit counted at every new iterate). Following the same path matters:
 * psych::fa stops its optimiser at the loose default tolerance
 * (factr = 1e7, i.e. a relative reduction of f below 2.2e-9), so its uniquenesses
 * are up to ~5e-5 away from the exact optimum, and only the same iteration sequence
 * reproduces them to 1e-6. Validated through lib/stats/factor/efa against
 * psych 2.2.9 / R 4.2.2 (tests/stats/factor).
 *
 * Arrays are 1-based inside (index 0 unused) to keep the correspondence with the
 * published algorithm readable; matrices are column-major.
 */

/** Evaluates f at x and writes the gradient into g. */
export type ObjectiveWithGradient = (x: Float64Array, g: Float64Array) => number;

export interface LbfgsbOptions {
  /** Number of stored corrections (R's lmm); default 5. */
  m?: number;
  /** Stop when the relative reduction of f is <= factr * machine epsilon; default 1e7. */
  factr?: number;
  /** Stop when the largest projected-gradient component is <= pgtol; default 0. */
  pgtol?: number;
  /** Maximum number of iterations (R's maxit); default 100. */
  maxit?: number;
}

export interface LbfgsbResult {
  /** The final point (0-based). */
  x: Float64Array;
  /** f at x. */
  f: number;
  /** Number of function-and-gradient evaluations. */
  evaluations: number;
  /** Number of completed iterations. */
  iterations: number;
  /** R's `convergence` code: 0 converged, 1 iteration limit, 51 warning, 52 error. */
  code: number;
  /** R's `message`, e.g. "CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH". */
  message: string;
}

const EPSMCH = 2.220446049250313e-16;

/** Cholesky factor (upper, A = R'R) of the n x n leading block at a(ao + i + (j-1)*lda), in place. Returns 0 or the failing column. */
function dpofa(a: Float64Array, ao: number, lda: number, n: number): number {
  for (let j = 1; j <= n; j++) {
    const cj = ao + (j - 1) * lda;
    let s = 0;
    for (let k = 1; k <= j - 1; k++) {
      const ck = ao + (k - 1) * lda;
      let dot = 0;
      for (let i = 1; i <= k - 1; i++) dot += a[ck + i] * a[cj + i];
      const t = (a[cj + k] - dot) / a[ck + k];
      a[cj + k] = t;
      s += t * t;
    }
    s = a[cj + j] - s;
    if (s <= 0) return j;
    a[cj + j] = Math.sqrt(s);
  }
  return 0;
}

/**
 * Solves with the upper-triangular T at t(to + i + (j-1)*ldt): job 1 solves T x = b,
 * job 11 solves T' x = b; b(i) = b[bo + i] is overwritten. Returns 0 or the index of
 * a zero diagonal element.
 */
function dtrsl(t: Float64Array, to: number, ldt: number, n: number, b: Float64Array, bo: number, job: 1 | 11): number {
  for (let i = 1; i <= n; i++) if (t[to + i + (i - 1) * ldt] === 0) return i;
  if (job === 1) {
    b[bo + n] /= t[to + n + (n - 1) * ldt];
    for (let j = n - 1; j >= 1; j--) {
      const temp = -b[bo + j + 1];
      const cj1 = to + j * ldt; // column j+1
      for (let i = 1; i <= j; i++) b[bo + i] += temp * t[cj1 + i];
      b[bo + j] /= t[to + j + (j - 1) * ldt];
    }
  } else {
    b[bo + 1] /= t[to + 1];
    for (let j = 2; j <= n; j++) {
      const cj = to + (j - 1) * ldt;
      let dot = 0;
      for (let i = 1; i <= j - 1; i++) dot += t[cj + i] * b[bo + i];
      b[bo + j] = (b[bo + j] - dot) / t[cj + j];
    }
  }
  return 0;
}

/**
 * Minimises f subject to lower <= x <= upper (infinite bounds allowed) starting
 * from x0 (not modified). Mirrors R's optim L-BFGS-B driver.
 */
export function lbfgsb(
  fg: ObjectiveWithGradient,
  x0: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  options: LbfgsbOptions = {},
): LbfgsbResult {
  const n = x0.length;
  const m = options.m ?? 5;
  const factr = options.factr ?? 1e7;
  const pgtol = options.pgtol ?? 0;
  const maxit = options.maxit ?? 100;

  // ---- storage (1-based) -------------------------------------------------
  const x = new Float64Array(n + 1);
  const l = new Float64Array(n + 1);
  const u = new Float64Array(n + 1);
  const nbd = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    x[i] = x0[i - 1];
    l[i] = lower[i - 1];
    u[i] = upper[i - 1];
    const lf = Number.isFinite(l[i]);
    const uf = Number.isFinite(u[i]);
    nbd[i] = lf ? (uf ? 2 : 1) : uf ? 3 : 0;
  }
  const g = new Float64Array(n + 1);
  const ws = new Float64Array(n * m + 1); // S, n x m
  const wy = new Float64Array(n * m + 1); // Y, n x m
  const sy = new Float64Array(m * m + 1);
  const ss = new Float64Array(m * m + 1);
  const wt = new Float64Array(m * m + 1);
  const m2 = 2 * m;
  const wn = new Float64Array(m2 * m2 + 1);
  const snd = new Float64Array(m2 * m2 + 1);
  const z = new Float64Array(n + 1);
  const r = new Float64Array(n + 1);
  const d = new Float64Array(n + 1);
  const t = new Float64Array(n + 1);
  const wp = new Float64Array(m2 + 1); // wa(1..2m): p / wv
  const wc = new Float64Array(m2 + 1); // wa(2m+1..4m): c
  const wbp = new Float64Array(m2 + 1); // wa(4m+1..6m)
  const wv = new Float64Array(m2 + 1); // wa(6m+1..8m)
  const indx = new Int32Array(n + 1);
  const iwhere = new Int32Array(n + 1);
  const indx2 = new Int32Array(n + 1);
  const xOut = new Float64Array(n);
  const gOut = new Float64Array(n);

  // ---- state ---------------------------------------------------------------
  let f = 0;
  let col = 0;
  let head = 1;
  let theta = 1;
  let iupdat = 0;
  let updatd = false;
  let itail = 0;
  let iback = 0;
  let ifun = 0;
  let nfgv = 0;
  let iter = 0;
  let nfree = n;
  let nenter = 0;
  let ileave = 0;
  let wrk = false;
  let info = 0;
  let nint = 0;
  let fold = 0;
  let gd = 0;
  let gdold = 0;
  let stp = 0;
  let dnorm = 0;
  let dtd = 0;
  let stpmx = 0;
  let sbgnrm = 0;
  const tol = factr * EPSMCH;
  let cnstnd = false;
  let boxed = true;
  let driverIter = 0;

  const evaluate = (): number => {
    for (let i = 0; i < n; i++) xOut[i] = x[i + 1];
    const val = fg(xOut, gOut);
    if (!Number.isFinite(val)) throw new Error('internal error: L-BFGS-B needs finite values of the objective');
    for (let i = 0; i < n; i++) g[i + 1] = gOut[i];
    return val;
  };

  const finish = (code: number, message: string): LbfgsbResult => {
    const xr = new Float64Array(n);
    for (let i = 0; i < n; i++) xr[i] = x[i + 1];
    return { x: xr, f, evaluations: nfgv, iterations: iter, code, message };
  };

  // ---- helpers -------------------------------------------------------------
  const projgr = (): number => {
    let norm = 0;
    for (let i = 1; i <= n; i++) {
      let gi = g[i];
      if (nbd[i] !== 0) {
        if (gi < 0) {
          if (nbd[i] >= 2 && gi < x[i] - u[i]) gi = x[i] - u[i];
        } else if (nbd[i] <= 2 && gi > x[i] - l[i]) {
          gi = x[i] - l[i];
        }
      }
      const a = Math.abs(gi);
      if (norm < a) norm = a;
    }
    return norm;
  };

  /** Product of the 2col x 2col middle matrix of the compact L-BFGS formula with v; result in p. */
  const bmv = (v: Float64Array, p: Float64Array): number => {
    if (col === 0) return 0;
    p[col + 1] = v[col + 1];
    for (let i = 2; i <= col; i++) {
      let sum = 0;
      for (let k = 1; k <= i - 1; k++) sum += (sy[i + (k - 1) * m] * v[k]) / sy[k + (k - 1) * m];
      p[col + i] = v[col + i] + sum;
    }
    let inf = dtrsl(wt, 0, m, col, p, col, 11);
    if (inf !== 0) return inf;
    for (let i = 1; i <= col; i++) p[i] = v[i] / Math.sqrt(sy[i + (i - 1) * m]);
    inf = dtrsl(wt, 0, m, col, p, col, 1);
    if (inf !== 0) return inf;
    for (let i = 1; i <= col; i++) p[i] = -p[i] / Math.sqrt(sy[i + (i - 1) * m]);
    for (let i = 1; i <= col; i++) {
      let sum = 0;
      for (let k = i + 1; k <= col; k++) sum += (sy[k + (i - 1) * m] * p[col + k]) / sy[i + (i - 1) * m];
      p[i] += sum;
    }
    return 0;
  };

  /** Heap sort step on t(1..nn) with companion iorder (see the algorithm's hpsolb). */
  const hpsolb = (nn: number, tt: Float64Array, iorder: Int32Array, iheap: number): void => {
    let i: number;
    let j: number;
    if (iheap === 0) {
      for (let k = 2; k <= nn; k++) {
        const ddum = tt[k];
        const indxin = iorder[k];
        i = k;
        while (i > 1) {
          j = i >> 1;
          if (ddum < tt[j]) {
            tt[i] = tt[j];
            iorder[i] = iorder[j];
            i = j;
          } else break;
        }
        tt[i] = ddum;
        iorder[i] = indxin;
      }
    }
    if (nn > 1) {
      i = 1;
      const out = tt[1];
      const indxou = iorder[1];
      const ddum = tt[nn];
      const indxin = iorder[nn];
      for (;;) {
        j = i + i;
        if (j <= nn - 1) {
          if (tt[j + 1] < tt[j]) j = j + 1;
          if (tt[j] < ddum) {
            tt[i] = tt[j];
            iorder[i] = iorder[j];
            i = j;
            continue;
          }
        }
        break;
      }
      tt[i] = ddum;
      iorder[i] = indxin;
      tt[nn] = out;
      iorder[nn] = indxou;
    }
  };

  /** Generalised Cauchy point into z; uses indx2 as iorder, t as break points, d as direction. */
  const cauchy = (): number => {
    const iorder = indx2;
    const xcp = z;
    const p = wp;
    const c = wc;
    if (sbgnrm <= 0) {
      for (let i = 1; i <= n; i++) xcp[i] = x[i];
      return 0;
    }
    let bnded = true;
    let nfr = n + 1;
    let nbreak = 0;
    let ibkmin = 0;
    let bkmin = 0;
    const col2 = 2 * col;
    let f1 = 0;
    let tl = 0;
    let tu = 0;
    for (let i = 1; i <= col2; i++) p[i] = 0;
    for (let i = 1; i <= n; i++) {
      const neggi = -g[i];
      if (iwhere[i] !== 3 && iwhere[i] !== -1) {
        if (nbd[i] <= 2) tl = x[i] - l[i];
        if (nbd[i] >= 2) tu = u[i] - x[i];
        const xlower = nbd[i] <= 2 && tl <= 0;
        const xupper = nbd[i] >= 2 && tu <= 0;
        iwhere[i] = 0;
        if (xlower) {
          if (neggi <= 0) iwhere[i] = 1;
        } else if (xupper) {
          if (neggi >= 0) iwhere[i] = 2;
        } else if (Math.abs(neggi) <= 0) {
          iwhere[i] = -3;
        }
      }
      let pointr = head;
      if (iwhere[i] !== 0 && iwhere[i] !== -1) {
        d[i] = 0;
      } else {
        d[i] = neggi;
        f1 -= neggi * neggi;
        for (let j = 1; j <= col; j++) {
          p[j] += wy[i + (pointr - 1) * n] * neggi;
          p[col + j] += ws[i + (pointr - 1) * n] * neggi;
          pointr = (pointr % m) + 1;
        }
        if (nbd[i] <= 2 && nbd[i] !== 0 && neggi < 0) {
          nbreak++;
          iorder[nbreak] = i;
          t[nbreak] = tl / -neggi;
          if (nbreak === 1 || t[nbreak] < bkmin) {
            bkmin = t[nbreak];
            ibkmin = nbreak;
          }
        } else if (nbd[i] >= 2 && neggi > 0) {
          nbreak++;
          iorder[nbreak] = i;
          t[nbreak] = tu / neggi;
          if (nbreak === 1 || t[nbreak] < bkmin) {
            bkmin = t[nbreak];
            ibkmin = nbreak;
          }
        } else {
          nfr--;
          iorder[nfr] = i;
          if (Math.abs(neggi) > 0) bnded = false;
        }
      }
    }
    if (theta !== 1) for (let j = 1; j <= col; j++) p[col + j] *= theta;
    for (let i = 1; i <= n; i++) xcp[i] = x[i];
    if (nbreak === 0 && nfr === n + 1) return 0;
    for (let j = 1; j <= col2; j++) c[j] = 0;
    let f2 = -theta * f1;
    const f2Org = f2;
    if (col > 0) {
      const inf = bmv(p, wv);
      if (inf !== 0) return inf;
      let dot = 0;
      for (let j = 1; j <= col2; j++) dot += wv[j] * p[j];
      f2 -= dot;
    }
    let dtm = -f1 / f2;
    let tsum = 0;
    nint = 1;
    let skipToEnd = false; // the "L999" exit: all variables hit bounds
    if (nbreak !== 0) {
      let nleft = nbreak;
      let it = 1;
      let tj = 0;
      for (;;) {
        const tj0 = tj;
        let ibp: number;
        if (it === 1) {
          tj = bkmin;
          ibp = iorder[ibkmin];
        } else {
          if (it === 2 && ibkmin !== nbreak) {
            t[ibkmin] = t[nbreak];
            iorder[ibkmin] = iorder[nbreak];
          }
          hpsolb(nleft, t, iorder, it - 2);
          tj = t[nleft];
          ibp = iorder[nleft];
        }
        const dt = tj - tj0;
        if (dtm < dt) break; // minimiser lies within this segment
        tsum += dt;
        nleft--;
        it++;
        const dibp = d[ibp];
        d[ibp] = 0;
        let zibp: number;
        if (dibp > 0) {
          zibp = u[ibp] - x[ibp];
          xcp[ibp] = u[ibp];
          iwhere[ibp] = 2;
        } else {
          zibp = l[ibp] - x[ibp];
          xcp[ibp] = l[ibp];
          iwhere[ibp] = 1;
        }
        if (nleft === 0 && nbreak === n) {
          dtm = dt;
          skipToEnd = true;
          break;
        }
        nint++;
        const dibp2 = dibp * dibp;
        f1 += dt * f2 + dibp2 - theta * dibp * zibp;
        f2 -= theta * dibp2;
        if (col > 0) {
          for (let j = 1; j <= col2; j++) c[j] += dt * p[j];
          let pointr = head;
          for (let j = 1; j <= col; j++) {
            wbp[j] = wy[ibp + (pointr - 1) * n];
            wbp[col + j] = theta * ws[ibp + (pointr - 1) * n];
            pointr = (pointr % m) + 1;
          }
          const inf = bmv(wbp, wv);
          if (inf !== 0) return inf;
          let wmc = 0;
          let wmp = 0;
          let wmw = 0;
          for (let j = 1; j <= col2; j++) {
            wmc += c[j] * wv[j];
            wmp += p[j] * wv[j];
            wmw += wbp[j] * wv[j];
          }
          for (let j = 1; j <= col2; j++) p[j] -= dibp * wbp[j];
          f1 += dibp * wmc;
          f2 += 2 * dibp * wmp - dibp2 * wmw;
        }
        const floor = EPSMCH * f2Org;
        if (f2 < floor) f2 = floor;
        if (nleft > 0) {
          dtm = -f1 / f2;
          continue;
        } else if (bnded) {
          f1 = 0;
          f2 = 0;
          dtm = 0;
        } else {
          dtm = -f1 / f2;
        }
        break;
      }
    }
    if (!skipToEnd) {
      if (dtm <= 0) dtm = 0;
      tsum += dtm;
      for (let i = 1; i <= n; i++) xcp[i] += tsum * d[i];
    }
    if (col > 0) for (let j = 1; j <= col2; j++) c[j] += dtm * p[j];
    return 0;
  };

  /** Free/active sets at the Cauchy point (indx: free first, then active; indx2: entering/leaving). */
  const freev = (): void => {
    nenter = 0;
    ileave = n + 1;
    if (iter > 0 && cnstnd) {
      for (let i = 1; i <= nfree; i++) {
        const k = indx[i];
        if (iwhere[k] > 0) {
          ileave--;
          indx2[ileave] = k;
        }
      }
      for (let i = nfree + 1; i <= n; i++) {
        const k = indx[i];
        if (iwhere[k] <= 0) {
          nenter++;
          indx2[nenter] = k;
        }
      }
    }
    wrk = ileave < n + 1 || nenter > 0 || updatd;
    nfree = 0;
    let iact = n + 1;
    for (let i = 1; i <= n; i++) {
      if (iwhere[i] <= 0) {
        nfree++;
        indx[nfree] = i;
      } else {
        iact--;
        indx[iact] = i;
      }
    }
  };

  /** Forms and factorises the 2col x 2col matrix K of the subspace problem (wn), updating snd. */
  const formk = (): number => {
    const ld = m2; // leading dimension of wn and snd
    const W1 = (i: number, j: number) => i + (j - 1) * ld;
    if (updatd) {
      if (iupdat > m) {
        // shift old part of snd
        for (let jy = 1; jy <= m - 1; jy++) {
          const js = m + jy;
          const len = m - jy;
          for (let q = 0; q < len; q++) {
            snd[W1(jy + q, jy)] = snd[W1(jy + 1 + q, jy + 1)];
            snd[W1(js + q, js)] = snd[W1(js + 1 + q, js + 1)];
          }
          for (let q = 0; q < m - 1; q++) snd[W1(m + 1 + q, jy)] = snd[W1(m + 2 + q, jy + 1)];
        }
      }
      // new column/row of the Y'ZZ'Y, S'AA'S and S'AA'Y blocks (via free variables)
      const pbegin = 1;
      const pend = nfree;
      const dbegin = nfree + 1;
      const dend = n;
      const iy = col;
      const is = m + col;
      let ipntr = head + col - 1;
      if (ipntr > m) ipntr -= m;
      let jpntr = head;
      for (let jy = 1; jy <= col; jy++) {
        const js = m + jy;
        let temp1 = 0;
        let temp2 = 0;
        let temp3 = 0;
        for (let k = pbegin; k <= pend; k++) {
          const k1 = indx[k];
          temp1 += wy[k1 + (ipntr - 1) * n] * wy[k1 + (jpntr - 1) * n];
        }
        for (let k = dbegin; k <= dend; k++) {
          const k1 = indx[k];
          temp2 += ws[k1 + (ipntr - 1) * n] * ws[k1 + (jpntr - 1) * n];
          temp3 += ws[k1 + (ipntr - 1) * n] * wy[k1 + (jpntr - 1) * n];
        }
        snd[W1(iy, jy)] = temp1;
        snd[W1(is, js)] = temp2;
        snd[W1(is, jy)] = temp3;
        jpntr = (jpntr % m) + 1;
      }
      const jy = col;
      jpntr = head + col - 1;
      if (jpntr > m) jpntr -= m;
      ipntr = head;
      for (let i = 1; i <= col; i++) {
        const is2 = m + i;
        let temp3 = 0;
        for (let k = pbegin; k <= pend; k++) {
          const k1 = indx[k];
          temp3 += ws[k1 + (ipntr - 1) * n] * wy[k1 + (jpntr - 1) * n];
        }
        ipntr = (ipntr % m) + 1;
        snd[W1(is2, jy)] = temp3;
      }
    }
    const upcl = updatd ? col - 1 : col;
    // modify the old parts for variables that changed status
    let ipntr = head;
    for (let iy = 1; iy <= upcl; iy++) {
      const is = m + iy;
      let jpntr = head;
      for (let jy = 1; jy <= iy; jy++) {
        const js = m + jy;
        let temp1 = 0;
        let temp2 = 0;
        let temp3 = 0;
        let temp4 = 0;
        for (let k = 1; k <= nenter; k++) {
          const k1 = indx2[k];
          temp1 += wy[k1 + (ipntr - 1) * n] * wy[k1 + (jpntr - 1) * n];
          temp2 += ws[k1 + (ipntr - 1) * n] * ws[k1 + (jpntr - 1) * n];
        }
        for (let k = ileave; k <= n; k++) {
          const k1 = indx2[k];
          temp3 += wy[k1 + (ipntr - 1) * n] * wy[k1 + (jpntr - 1) * n];
          temp4 += ws[k1 + (ipntr - 1) * n] * ws[k1 + (jpntr - 1) * n];
        }
        snd[W1(iy, jy)] = snd[W1(iy, jy)] + temp1 - temp3;
        snd[W1(is, js)] = snd[W1(is, js)] - temp2 + temp4;
        jpntr = (jpntr % m) + 1;
      }
      ipntr = (ipntr % m) + 1;
    }
    ipntr = head;
    for (let is = m + 1; is <= m + upcl; is++) {
      let jpntr = head;
      for (let jy = 1; jy <= upcl; jy++) {
        let temp1 = 0;
        let temp3 = 0;
        for (let k = 1; k <= nenter; k++) {
          const k1 = indx2[k];
          temp1 += ws[k1 + (ipntr - 1) * n] * wy[k1 + (jpntr - 1) * n];
        }
        for (let k = ileave; k <= n; k++) {
          const k1 = indx2[k];
          temp3 += ws[k1 + (ipntr - 1) * n] * wy[k1 + (jpntr - 1) * n];
        }
        if (is <= jy + m) snd[W1(is, jy)] += temp1 - temp3;
        else snd[W1(is, jy)] += -temp1 + temp3;
        jpntr = (jpntr % m) + 1;
      }
      ipntr = (ipntr % m) + 1;
    }
    // form the upper triangle of K (wn)
    for (let iy = 1; iy <= col; iy++) {
      const is = col + iy;
      const is1 = m + iy;
      for (let jy = 1; jy <= iy; jy++) {
        const js = col + jy;
        const js1 = m + jy;
        wn[W1(jy, iy)] = snd[W1(iy, jy)] / theta;
        wn[W1(js, is)] = snd[W1(is1, js1)] * theta;
      }
      for (let jy = 1; jy <= iy - 1; jy++) wn[W1(jy, is)] = -snd[W1(is1, jy)];
      for (let jy = iy; jy <= col; jy++) wn[W1(jy, is)] = snd[W1(is1, jy)];
      wn[W1(iy, iy)] += sy[iy + (iy - 1) * m];
    }
    // LEL' factorisation
    let inf = dpofa(wn, 0, ld, col);
    if (inf !== 0) return -1;
    const col2 = 2 * col;
    for (let js = col + 1; js <= col2; js++) dtrsl(wn, 0, ld, col, wn, (js - 1) * ld, 11);
    for (let is = col + 1; is <= col2; is++) {
      for (let js = is; js <= col2; js++) {
        let dot = 0;
        for (let q = 1; q <= col; q++) dot += wn[q + (is - 1) * ld] * wn[q + (js - 1) * ld];
        wn[W1(is, js)] += dot;
      }
    }
    inf = dpofa(wn, col + col * ld, ld, col);
    if (inf !== 0) return -2;
    return 0;
  };

  /** Reduced gradient r = -Z'(B(xcp - x) + g) over the free variables. */
  const cmprlb = (): number => {
    if (!cnstnd && col > 0) {
      for (let i = 1; i <= n; i++) r[i] = -g[i];
      return 0;
    }
    for (let i = 1; i <= nfree; i++) {
      const k = indx[i];
      r[i] = -theta * (z[k] - x[k]) - g[k];
    }
    const inf = bmv(wc, wp);
    if (inf !== 0) return -8;
    let pointr = head;
    for (let j = 1; j <= col; j++) {
      const a1 = wp[j];
      const a2 = theta * wp[col + j];
      for (let i = 1; i <= nfree; i++) {
        const k = indx[i];
        r[i] += wy[k + (pointr - 1) * n] * a1 + ws[k + (pointr - 1) * n] * a2;
      }
      pointr = (pointr % m) + 1;
    }
    return 0;
  };

  /** Subspace minimisation over the free variables; updates z (the Cauchy point) in place. */
  const subsm = (): number => {
    const ns = nfree;
    if (ns <= 0) return 0;
    const dd = r; // reduced gradient on entry, Newton direction on exit
    const v = wp;
    let pointr = head;
    for (let i = 1; i <= col; i++) {
      let temp1 = 0;
      let temp2 = 0;
      for (let j = 1; j <= ns; j++) {
        const k = indx[j];
        temp1 += wy[k + (pointr - 1) * n] * dd[j];
        temp2 += ws[k + (pointr - 1) * n] * dd[j];
      }
      v[i] = temp1;
      v[col + i] = theta * temp2;
      pointr = (pointr % m) + 1;
    }
    const col2 = 2 * col;
    let inf = dtrsl(wn, 0, m2, col2, v, 0, 11);
    if (inf !== 0) return inf;
    for (let i = 1; i <= col; i++) v[i] = -v[i];
    inf = dtrsl(wn, 0, m2, col2, v, 0, 1);
    if (inf !== 0) return inf;
    pointr = head;
    for (let jy = 1; jy <= col; jy++) {
      const js = col + jy;
      for (let i = 1; i <= ns; i++) {
        const k = indx[i];
        dd[i] += (wy[k + (pointr - 1) * n] * v[jy]) / theta + ws[k + (pointr - 1) * n] * v[js];
      }
      pointr = (pointr % m) + 1;
    }
    for (let i = 1; i <= ns; i++) dd[i] /= theta;
    // backtrack to the feasible region
    let alpha = 1;
    let temp1 = alpha;
    let ibd = 0;
    for (let i = 1; i <= ns; i++) {
      const k = indx[i];
      const dk = dd[i];
      if (nbd[k] !== 0) {
        if (dk < 0 && nbd[k] <= 2) {
          const temp2 = l[k] - z[k];
          if (temp2 >= 0) temp1 = 0;
          else if (dk * alpha < temp2) temp1 = temp2 / dk;
        } else if (dk > 0 && nbd[k] >= 2) {
          const temp2 = u[k] - z[k];
          if (temp2 <= 0) temp1 = 0;
          else if (dk * alpha > temp2) temp1 = temp2 / dk;
        }
        if (temp1 < alpha) {
          alpha = temp1;
          ibd = i;
        }
      }
    }
    if (alpha < 1) {
      const dk = dd[ibd];
      const k = indx[ibd];
      if (dk > 0) {
        z[k] = u[k];
        dd[ibd] = 0;
      } else if (dk < 0) {
        z[k] = l[k];
        dd[ibd] = 0;
      }
    }
    for (let i = 1; i <= ns; i++) z[indx[i]] += alpha * dd[i];
    return 0;
  };

  /** Updates the limited-memory matrices with the pair (d = s, r = y). */
  const matupd = (rr: number, dr: number): void => {
    if (iupdat <= m) {
      col = iupdat;
      itail = ((head + iupdat - 2) % m) + 1;
    } else {
      itail = (itail % m) + 1;
      head = (head % m) + 1;
    }
    const cs = (itail - 1) * n;
    for (let i = 1; i <= n; i++) {
      ws[cs + i] = d[i];
      wy[cs + i] = r[i];
    }
    theta = rr / dr;
    if (iupdat > m) {
      // move old information
      for (let j = 1; j <= col - 1; j++) {
        for (let q = 0; q < j; q++) ss[1 + q + (j - 1) * m] = ss[2 + q + j * m];
        for (let q = 0; q < col - j; q++) sy[j + q + (j - 1) * m] = sy[j + 1 + q + j * m];
      }
    }
    let pointr = head;
    for (let j = 1; j <= col - 1; j++) {
      const cp = (pointr - 1) * n;
      let dy = 0;
      let sd = 0;
      for (let i = 1; i <= n; i++) {
        dy += d[i] * wy[cp + i];
        sd += ws[cp + i] * d[i];
      }
      sy[col + (j - 1) * m] = dy;
      ss[j + (col - 1) * m] = sd;
      pointr = (pointr % m) + 1;
    }
    ss[col + (col - 1) * m] = stp === 1 ? dtd : stp * stp * dtd;
    sy[col + (col - 1) * m] = dr;
  };

  /** Forms and factorises T = theta*S'S + L D^-1 L' (upper triangle in wt). */
  const formt = (): number => {
    for (let j = 1; j <= col; j++) wt[1 + (j - 1) * m] = theta * ss[1 + (j - 1) * m];
    for (let i = 2; i <= col; i++) {
      for (let j = i; j <= col; j++) {
        const k1 = Math.min(i, j) - 1;
        let ddum = 0;
        for (let k = 1; k <= k1; k++) ddum += (sy[i + (k - 1) * m] * sy[j + (k - 1) * m]) / sy[k + (k - 1) * m];
        wt[i + (j - 1) * m] = ddum + theta * ss[i + (j - 1) * m];
      }
    }
    return dpofa(wt, 0, m, col) !== 0 ? -3 : 0;
  };

  // ---- More-Thuente line search (dcsrch/dcstep) -----------------------------
  const ls = {
    stage: 1,
    brackt: false,
    ginit: 0,
    gtest: 0,
    gx: 0,
    gy: 0,
    finit: 0,
    fx: 0,
    fy: 0,
    stx: 0,
    sty: 0,
    stmin: 0,
    stmax: 0,
    width: 0,
    width1: 0,
  };
  const FTOL = 1e-3;
  const GTOL = 0.9;
  const XTOL = 0.1;
  const STPMIN = 0;

  /** One safeguarded step of the More-Thuente interval update; works on the fields of `s`. */
  const dcstep = (
    s: { stx: number; fx: number; dx: number; sty: number; fy: number; dy: number; stp: number; brackt: boolean },
    fp: number,
    dp: number,
    stpmin: number,
    stpmax: number,
  ): void => {
    const { stx, fx, dx, sty, fy, dy, stp: st } = s;
    const sgnd = dp * (dx / Math.abs(dx));
    let stpf: number;
    if (fp > fx) {
      const theta3 = ((fx - fp) * 3) / (st - stx) + dx + dp;
      const sMax = Math.max(Math.abs(theta3), Math.abs(dx), Math.abs(dp));
      const a = theta3 / sMax;
      let gamm = sMax * Math.sqrt(a * a - (dx / sMax) * (dp / sMax));
      if (st < stx) gamm = -gamm;
      const p = gamm - dx + theta3;
      const q = gamm - dx + gamm + dp;
      const rr = p / q;
      const stpc = stx + rr * (st - stx);
      const stpq = stx + (dx / ((fx - fp) / (st - stx) + dx) / 2) * (st - stx);
      if (Math.abs(stpc - stx) < Math.abs(stpq - stx)) stpf = stpc;
      else stpf = stpc + (stpq - stpc) / 2;
      s.brackt = true;
    } else if (sgnd < 0) {
      const theta3 = ((fx - fp) * 3) / (st - stx) + dx + dp;
      const sMax = Math.max(Math.abs(theta3), Math.abs(dx), Math.abs(dp));
      const a = theta3 / sMax;
      let gamm = sMax * Math.sqrt(a * a - (dx / sMax) * (dp / sMax));
      if (st > stx) gamm = -gamm;
      const p = gamm - dp + theta3;
      const q = gamm - dp + gamm + dx;
      const rr = p / q;
      const stpc = st + rr * (stx - st);
      const stpq = st + (dp / (dp - dx)) * (stx - st);
      stpf = Math.abs(stpc - st) > Math.abs(stpq - st) ? stpc : stpq;
      s.brackt = true;
    } else if (Math.abs(dp) < Math.abs(dx)) {
      const theta3 = ((fx - fp) * 3) / (st - stx) + dx + dp;
      const sMax = Math.max(Math.abs(theta3), Math.abs(dx), Math.abs(dp));
      const a = theta3 / sMax;
      const rad = a * a - (dx / sMax) * (dp / sMax);
      let gamm = rad < 0 ? 0 : sMax * Math.sqrt(rad);
      if (st > stx) gamm = -gamm;
      const p = gamm - dp + theta3;
      const q = gamm + (dx - dp) + gamm;
      const rr = p / q;
      let stpc: number;
      if (rr < 0 && gamm !== 0) stpc = st + rr * (stx - st);
      else if (st > stx) stpc = stpmax;
      else stpc = stpmin;
      const stpq = st + (dp / (dp - dx)) * (stx - st);
      if (s.brackt) {
        stpf = Math.abs(stpc - st) < Math.abs(stpq - st) ? stpc : stpq;
        const lim = st + (sty - st) * 0.66;
        stpf = st > stx ? Math.min(lim, stpf) : Math.max(lim, stpf);
      } else {
        stpf = Math.abs(stpc - st) > Math.abs(stpq - st) ? stpc : stpq;
        stpf = Math.min(stpmax, stpf);
        stpf = Math.max(stpmin, stpf);
      }
    } else if (s.brackt) {
      const theta3 = ((fp - fy) * 3) / (sty - st) + dy + dp;
      const sMax = Math.max(Math.abs(theta3), Math.abs(dy), Math.abs(dp));
      const a = theta3 / sMax;
      let gamm = sMax * Math.sqrt(a * a - (dy / sMax) * (dp / sMax));
      if (st > sty) gamm = -gamm;
      const p = gamm - dp + theta3;
      const q = gamm - dp + gamm + dy;
      const rr = p / q;
      stpf = st + rr * (sty - st);
    } else {
      stpf = st > stx ? stpmax : stpmin;
    }
    if (fp > fx) {
      s.sty = st;
      s.fy = fp;
      s.dy = dp;
    } else {
      if (sgnd < 0) {
        s.sty = stx;
        s.fy = fx;
        s.dy = dx;
      }
      s.stx = st;
      s.fx = fp;
      s.dx = dp;
    }
    s.stp = stpf;
  };

  const step = { stx: 0, fx: 0, dx: 0, sty: 0, fy: 0, dy: 0, stp: 0, brackt: false };

  /** dcsrch: returns 'FG' (evaluate at the new stp), 'CONV', 'WARN' or 'ERROR'. */
  const dcsrch = (fv: number, gv: number, start: boolean, stpmax: number): 'FG' | 'CONV' | 'WARN' | 'ERROR' => {
    if (start) {
      if (stp < STPMIN || stp > stpmax || gv >= 0) return 'ERROR';
      ls.brackt = false;
      ls.stage = 1;
      ls.finit = fv;
      ls.ginit = gv;
      ls.gtest = FTOL * ls.ginit;
      ls.width = stpmax - STPMIN;
      ls.width1 = ls.width / 0.5;
      ls.stx = 0;
      ls.fx = ls.finit;
      ls.gx = ls.ginit;
      ls.sty = 0;
      ls.fy = ls.finit;
      ls.gy = ls.ginit;
      ls.stmin = 0;
      ls.stmax = stp + stp * 4;
      return 'FG';
    }
    const ftest = ls.finit + stp * ls.gtest;
    if (ls.stage === 1 && fv <= ftest && gv >= 0) ls.stage = 2;
    let task: 'FG' | 'CONV' | 'WARN' = 'FG';
    if (ls.brackt && (stp <= ls.stmin || stp >= ls.stmax)) task = 'WARN';
    if (ls.brackt && ls.stmax - ls.stmin <= XTOL * ls.stmax) task = 'WARN';
    if (stp === stpmax && fv <= ftest && gv <= ls.gtest) task = 'WARN';
    if (stp === STPMIN && (fv > ftest || gv >= ls.gtest)) task = 'WARN';
    if (fv <= ftest && Math.abs(gv) <= GTOL * -ls.ginit) task = 'CONV';
    if (task !== 'FG') return task;
    if (ls.stage === 1 && fv <= ls.fx && fv > ftest) {
      step.stx = ls.stx;
      step.fx = ls.fx - ls.stx * ls.gtest;
      step.dx = ls.gx - ls.gtest;
      step.sty = ls.sty;
      step.fy = ls.fy - ls.sty * ls.gtest;
      step.dy = ls.gy - ls.gtest;
      step.stp = stp;
      step.brackt = ls.brackt;
      dcstep(step, fv - stp * ls.gtest, gv - ls.gtest, ls.stmin, ls.stmax);
      ls.stx = step.stx;
      ls.sty = step.sty;
      ls.brackt = step.brackt;
      stp = step.stp;
      ls.fx = step.fx + ls.stx * ls.gtest;
      ls.fy = step.fy + ls.sty * ls.gtest;
      ls.gx = step.dx + ls.gtest;
      ls.gy = step.dy + ls.gtest;
    } else {
      step.stx = ls.stx;
      step.fx = ls.fx;
      step.dx = ls.gx;
      step.sty = ls.sty;
      step.fy = ls.fy;
      step.dy = ls.gy;
      step.stp = stp;
      step.brackt = ls.brackt;
      dcstep(step, fv, gv, ls.stmin, ls.stmax);
      ls.stx = step.stx;
      ls.fx = step.fx;
      ls.gx = step.dx;
      ls.sty = step.sty;
      ls.fy = step.fy;
      ls.gy = step.dy;
      ls.brackt = step.brackt;
      stp = step.stp;
    }
    if (ls.brackt) {
      if (Math.abs(ls.sty - ls.stx) >= ls.width1 * 0.66) stp = ls.stx + (ls.sty - ls.stx) * 0.5;
      ls.width1 = ls.width;
      ls.width = Math.abs(ls.sty - ls.stx);
    }
    if (ls.brackt) {
      ls.stmin = Math.min(ls.stx, ls.sty);
      ls.stmax = Math.max(ls.stx, ls.sty);
    } else {
      ls.stmin = stp + (stp - ls.stx) * 1.1;
      ls.stmax = stp + (stp - ls.stx) * 4;
    }
    if (stp < STPMIN) stp = STPMIN;
    if (stp > stpmax) stp = stpmax;
    if ((ls.brackt && (stp <= ls.stmin || stp >= ls.stmax)) || (ls.brackt && ls.stmax - ls.stmin <= XTOL * ls.stmax)) {
      stp = ls.stx;
    }
    return 'FG';
  };

  const resetMemory = (): void => {
    info = 0;
    col = 0;
    head = 1;
    theta = 1;
    iupdat = 0;
    updatd = false;
  };

  // ---- START ---------------------------------------------------------------
  for (let i = 1; i <= n; i++) {
    if (nbd[i] === 2 && l[i] > u[i]) throw new Error('internal error: L-BFGS-B lower bound above upper bound');
  }
  // active(): project x0 onto the box, initialise iwhere
  for (let i = 1; i <= n; i++) {
    if (nbd[i] > 0) {
      if (nbd[i] <= 2 && x[i] <= l[i]) {
        if (x[i] < l[i]) x[i] = l[i];
      } else if (nbd[i] >= 2 && x[i] >= u[i]) {
        if (x[i] > u[i]) x[i] = u[i];
      }
    }
  }
  for (let i = 1; i <= n; i++) {
    if (nbd[i] !== 2) boxed = false;
    if (nbd[i] === 0) {
      iwhere[i] = -1;
    } else {
      cnstnd = true;
      iwhere[i] = nbd[i] === 2 && u[i] - l[i] <= 0 ? 3 : 0;
    }
  }

  f = evaluate();
  nfgv = 1;
  sbgnrm = projgr();
  if (sbgnrm <= pgtol) return finish(0, 'CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL');

  for (;;) {
    // ---- L222: new iteration -------------------------------------------------
    let skipCauchy = false;
    if (!cnstnd && col > 0) {
      for (let i = 1; i <= n; i++) z[i] = x[i];
      wrk = updatd;
      nint = 0;
      skipCauchy = true;
    }
    if (!skipCauchy) {
      info = cauchy();
      if (info !== 0) {
        resetMemory();
        continue;
      }
      freev();
    }
    // ---- L333: subspace minimisation -----------------------------------------
    if (nfree !== 0 && col !== 0) {
      if (wrk) info = formk();
      if (info !== 0) {
        resetMemory();
        continue;
      }
      info = cmprlb();
      if (info === 0) info = subsm();
      if (info !== 0) {
        resetMemory();
        continue;
      }
    }
    // ---- L555: search direction ----------------------------------------------
    for (let i = 1; i <= n; i++) d[i] = z[i] - x[i];
    // ---- lnsrlb (initial part) -------------------------------------------------
    dtd = 0;
    for (let i = 1; i <= n; i++) dtd += d[i] * d[i];
    dnorm = Math.sqrt(dtd);
    stpmx = 1e10;
    if (cnstnd) {
      if (iter === 0) {
        stpmx = 1;
      } else {
        for (let i = 1; i <= n; i++) {
          const a1 = d[i];
          if (nbd[i] !== 0) {
            if (a1 < 0 && nbd[i] <= 2) {
              const a2 = l[i] - x[i];
              if (a2 >= 0) stpmx = 0;
              else if (a1 * stpmx < a2) stpmx = a2 / a1;
            } else if (a1 > 0 && nbd[i] >= 2) {
              const a2 = u[i] - x[i];
              if (a2 <= 0) stpmx = 0;
              else if (a1 * stpmx > a2) stpmx = a2 / a1;
            }
          }
        }
      }
    }
    stp = iter === 0 && !boxed ? Math.min(1 / dnorm, stpmx) : 1;
    for (let i = 1; i <= n; i++) {
      t[i] = x[i];
      r[i] = g[i];
    }
    fold = f;
    ifun = 0;
    iback = 0;
    let lsStart = true;
    let restart = false;
    // ---- line search loop (L666 / L556) ----------------------------------------
    for (;;) {
      gd = 0;
      for (let i = 1; i <= n; i++) gd += g[i] * d[i];
      let lsTask: 'FG' | 'CONV' | 'WARN' | 'ERROR';
      if (ifun === 0) {
        gdold = gd;
        if (gd >= 0) {
          // not a descent direction
          info = -4;
        }
      }
      if (info === 0) {
        lsTask = dcsrch(f, gd, lsStart, stpmx);
        lsStart = false;
        if (lsTask === 'ERROR') info = -4; // cannot happen with a descent direction and 0 <= stp <= stpmx
      } else {
        lsTask = 'ERROR';
      }
      if (info === 0 && lsTask === 'FG') {
        ifun++;
        nfgv++;
        iback = ifun - 1;
        if (stp === 1) {
          for (let i = 1; i <= n; i++) x[i] = z[i];
        } else {
          for (let i = 1; i <= n; i++) x[i] = stp * d[i] + t[i];
        }
      }
      if (info !== 0 || iback >= 20) {
        // restore the previous iterate
        for (let i = 1; i <= n; i++) {
          x[i] = t[i];
          g[i] = r[i];
        }
        f = fold;
        if (col === 0) {
          if (info === 0) {
            info = -9;
            nfgv--;
            ifun--;
            iback--;
          }
          iter++;
          return finish(52, 'ERROR: ABNORMAL_TERMINATION_IN_LNSRCH');
        }
        if (info === 0) nfgv--;
        resetMemory();
        restart = true;
        break;
      }
      if (lsTask === 'FG') {
        f = evaluate();
        continue;
      }
      // CONV or WARN: new iterate
      iter++;
      sbgnrm = projgr();
      break;
    }
    if (restart) continue;
    // ---- driver: NEW_X ------------------------------------------------------------
    driverIter++;
    if (driverIter > maxit) return finish(1, 'NEW_X');
    // ---- L777: convergence tests -------------------------------------------------
    if (sbgnrm <= pgtol) return finish(0, 'CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL');
    const ddumF = Math.max(Math.abs(fold), Math.abs(f), 1);
    if (fold - f <= tol * ddumF) return finish(0, 'CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH');
    // ---- update the limited-memory matrices ----------------------------------------
    let rr = 0;
    for (let i = 1; i <= n; i++) {
      r[i] = g[i] - r[i];
      rr += r[i] * r[i];
    }
    let dr: number;
    let ddum: number;
    if (stp === 1) {
      dr = gd - gdold;
      ddum = -gdold;
    } else {
      dr = (gd - gdold) * stp;
      for (let i = 1; i <= n; i++) d[i] *= stp;
      ddum = -gdold * stp;
    }
    if (dr <= EPSMCH * ddum) {
      updatd = false; // skip the BFGS update
      continue;
    }
    updatd = true;
    iupdat++;
    matupd(rr, dr);
    info = formt();
    if (info !== 0) {
      resetMemory();
      continue;
    }
  }
}
