import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { efa, type EfaOptions } from '../../../lib/stats/factor/efa';
import { UserInputError } from '../../../lib/util/errors';
import { createRandom } from '../../../lib/util/random';
import { DiffRecorder, asArray, inputOptions, reference, type FaCase, type FaSet } from './reference';

const TOL = 1e-6;

function optionsFor(set: FaSet, c: FaCase): EfaOptions {
  const o: EfaOptions = { ...inputOptions(set), nfactors: c.nfactors, method: c.method, rotate: c.rotate };
  if (c.initial_communalities) o.initialCommunalities = c.initial_communalities;
  if (c.max_iter) o.maxIter = c.max_iter;
  return o;
}

// Largest |difference| per method/rotation (loadings) and per statistic, printed after the run.
const byRotation = new DiffRecorder();
const byQuantity = new DiffRecorder();

describe(`efa against psych ${reference.psych_version} / GPArotation ${reference.GPArotation_version} (${reference.R_version})`, () => {
  for (const set of reference.sets) {
    describe(set.name, () => {
      for (const c of set.fa) {
        const label = `${c.nfactors} factor(s), ${c.method}, ${c.rotate}${c.max_iter ? `, max.iter ${c.max_iter}` : ''}`;
        it(label, () => {
          const r = efa(set.data, optionsFor(set, c));
          const key = `${c.method}/${c.rotate}`;
          const chk = (actual: unknown, expected: unknown, what: string, tol = TOL) => {
            byRotation.check(actual, expected, tol, `${set.name} ${label} ${what}`, key);
            byQuantity.check(actual, expected, tol, `${set.name} ${label} ${what}`, what);
          };
          // psych's own column labels and order (MR2 before MR1 when sorted so)
          expect(r.factors).toEqual(asArray(c.factors));
          expect(r.n).toBe(c.n_obs);
          chk(r.loadings, c.loadings, 'loadings');
          chk(r.structure, c.structure, 'structure');
          if (c.phi) chk(r.phi, c.phi, 'phi');
          else expect(r.phi).toBeNull();
          chk(r.communalities, c.communality, 'h2');
          chk(r.uniquenesses, c.uniquenesses, 'u2');
          chk(r.complexity, c.complexity, 'complexity');
          chk(r.commonEigenvalues, c.values, 'values');
          chk(r.eigenvalues, c.e_values, 'e.values');
          chk(r.variance.ssLoadings, c.ss_loadings, 'SS loadings');
          chk(r.variance.proportion, c.proportion, 'Proportion Var');
          chk(r.variance.cumulative, c.cumulative, 'Cumulative Var');
          chk(r.variance.proportionExplained, c.proportion_explained, 'Proportion Explained');
          chk(r.variance.cumulativeProportion, c.cumulative_proportion, 'Cumulative Proportion');
          chk(r.fit.objective, c.objective, 'objective');
          chk(r.fit.chiSquare, c.statistic, 'STATISTIC');
          expect(r.fit.df).toBe(c.dof);
          chk(r.fit.p, c.dof > 0 ? c.pval : null, 'PVAL');
          chk(r.fit.rmsea, c.dof > 0 ? c.rmsea : null, 'RMSEA');
          chk(r.fit.tli, c.dof > 0 ? c.tli : null, 'TLI');
          chk(r.fit.bic, c.dof > 0 ? c.bic : null, 'BIC');
          chk(r.fit.nullObjective, c.null_model, 'null.model');
          chk(r.fit.nullChiSquare, c.null_chisq, 'null.chisq');
          expect(r.fit.nullDf).toBe(c.null_dof);
          chk(r.fit.rms, c.rms, 'rms');
          chk(r.fit.crms, c.crms, 'crms');
          chk(r.fit.empiricalChiSquare, c.chi, 'chi (empirical)');
          chk(r.fit.empiricalP, c.dof > 0 ? c.epval : null, 'EPVAL');
          chk(r.fit.offDiagonalFit, c.fit_off, 'fit.off');
          if (c.residual) chk(r.residuals, c.residual, 'residual');
        });
      }
    });
  }

  afterAll(() => {
    const fmt = (m: Map<string, number>) => [...m.entries()].map(([k, v]) => `  ${k.padEnd(24)} ${v.toExponential(2)}`).join('\n');
    console.info(`efa vs psych: max |difference| per method/rotation (all quantities)\n${fmt(byRotation.max)}`);
    console.info(`efa vs psych: max |difference| per quantity\n${fmt(byQuantity.max)}`);
  });
});

describe('efa against a published solution: Harman, eight physical variables', () => {
  // Harman, H. H. (1967). Modern Factor Analysis (2nd ed.), pp. 154-155: principal-factor
  // solution of the eight physical variables (305 girls; correlations of Harman 1976, p. 22,
  // = psych::Harman.8) with the communality estimates below, two factors, one principal-axis
  // step (no iteration). Printed as reproduced by SAS PROC FACTOR (METHOD=PRIN, PRIORS=given)
  // in M. Friendly's course notes, http://euclid.psych.yorku.ca/www/psy6140/examples/factor/output/phys8.htm:
  // eigenvalues of the reduced matrix to 4 decimals, loadings x 100 rounded, and the variance
  // explained to 6 decimals. Compared at the printed precision (half a unit of the last digit).
  const set = reference.sets.find((s) => s.name === 'harman8') as FaSet;
  const priors = [0.854, 0.897, 0.833, 0.783, 0.87, 0.687, 0.521, 0.579];
  const reducedEigenvalues = [4.4558, 1.5127, 0.1305, 0.0587, 0.0335, -0.0314, -0.044, -0.0917];
  const pattern100 = [
    [86, -33],
    [85, -41],
    [81, -41],
    [83, -34],
    [75, 56],
    [64, 51],
    [56, 49],
    [62, 37],
  ];
  const varianceExplained = [4.455751, 1.512747];

  it('reproduces the printed principal-factor pattern, eigenvalues and variance explained', () => {
    const r = efa(set.data, {
      correlation: true,
      n: 305,
      names: set.names,
      nfactors: 2,
      method: 'pa',
      rotate: 'none',
      initialCommunalities: priors,
      maxIter: 1,
    });
    // SAS prints the second factor with the opposite sign convention for its column: the
    // published column has both signs; psych (and efa) make the column sum positive, which
    // here is the published orientation, so no sign change is needed.
    r.loadings.forEach((row, i) => {
      expect(Math.abs(row[0] * 100 - pattern100[i][0])).toBeLessThanOrEqual(0.5);
      expect(Math.abs(row[1] * 100 - pattern100[i][1])).toBeLessThanOrEqual(0.5);
    });
    r.commonEigenvalues.forEach((v, i) => expect(Math.abs(v - reducedEigenvalues[i])).toBeLessThanOrEqual(0.00005));
    r.variance.ssLoadings.forEach((v, i) => expect(Math.abs(v - varianceExplained[i])).toBeLessThanOrEqual(0.0000005));
    // one principal-axis step is, by design, not converged
    expect(r.convergence.extraction.iterations).toBe(1);
    expect(r.convergence.extraction.converged).toBe(false);
  });
});

describe('efa input handling', () => {
  const pilot = reference.sets.find((s) => s.name === 'pilot81x12') as FaSet;
  const pilotData = pilot.data as number[][];
  const h74 = reference.sets.find((s) => s.name === 'harman74') as FaSet;

  it('worked example of the doc comment (psych: 0.801, 0.303, chi2 0.01469567)', () => {
    const R = [
      [1, 0.56, 0.48, 0.17, 0.14, 0.12],
      [0.56, 1, 0.42, 0.15, 0.13, 0.11],
      [0.48, 0.42, 1, 0.13, 0.11, 0.09],
      [0.17, 0.15, 0.13, 1, 0.42, 0.35],
      [0.14, 0.13, 0.11, 0.42, 1, 0.3],
      [0.12, 0.11, 0.09, 0.35, 0.3, 1],
    ];
    const f = efa(R, { correlation: true, n: 200, nfactors: 2 });
    expect(f.loadings[0][0]).toBeCloseTo(0.801, 3);
    expect(f.loadings[0][1]).toBeCloseTo(-0.004, 3);
    expect((f.phi as number[][])[0][1]).toBeCloseTo(0.303, 3);
    expect(f.fit.chiSquare as number).toBeCloseTo(0.01469567, 8);
    expect(f.fit.df).toBe(4);
    expect(f.fit.p as number).toBeCloseTo(0.99997314, 8);
  });

  it('a covariance matrix gives the same solution as its correlation matrix', () => {
    const sd = h74.data.map((_, i) => 1 + i / 10);
    const cov = h74.data.map((row, i) => row.map((v, j) => (v as number) * sd[i] * sd[j]));
    const a = efa(h74.data, { correlation: true, n: 145, nfactors: 4, method: 'ml' });
    const b = efa(cov, { correlation: true, n: 145, nfactors: 4, method: 'ml' });
    b.loadings.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - a.loadings[i][j])).toBeLessThan(1e-8)));
  });

  it('a data matrix and its correlation matrix agree', () => {
    const a = efa(pilotData, { nfactors: 3 });
    const R = correlationOf(pilotData);
    const b = efa(R, { correlation: true, n: pilotData.length, nfactors: 3 });
    b.loadings.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - a.loadings[i][j])).toBeLessThan(1e-8)));
    expect(b.fit.chiSquare as number).toBeCloseTo(a.fit.chiSquare as number, 8);
  });

  it('without n the likelihood statistics are null but the objective is reported', () => {
    const r = efa(h74.data, { correlation: true, nfactors: 2 });
    expect(r.n).toBeNull();
    expect(r.fit.chiSquare).toBeNull();
    expect(r.fit.p).toBeNull();
    expect(r.fit.rmsea).toBeNull();
    expect(r.fit.tli).toBeNull();
    expect(Number.isFinite(r.fit.objective)).toBe(true);
  });

  it('listwise deletion reports n = complete cases; pairwise keeps all rows (psych)', () => {
    const bfi = reference.sets.find((s) => s.name === 'bfi400x10_listwise') as FaSet;
    const lw = efa(bfi.data, { nfactors: 2, missing: 'listwise' });
    const pw = efa(bfi.data, { nfactors: 2 });
    expect(lw.n).toBe(bfi.data.length - (bfi.dropped as number));
    expect(pw.n).toBe(bfi.data.length);
  });

  it('does not mutate its inputs', () => {
    const data = pilotData.map((r) => r.slice());
    data[3][4] = null as unknown as number;
    const names = pilotData[0].map((_, j) => `q${j + 1}`);
    const opts: EfaOptions = { nfactors: 3, method: 'ml', rotate: 'promax', names, missing: 'pairwise' };
    const before = JSON.stringify({ data, opts });
    efa(Object.freeze(data.map((r) => Object.freeze(r))) as unknown as number[][], Object.freeze(opts));
    efa(data, { ...opts, method: 'pa', initialCommunalities: Object.freeze(new Array(12).fill(0.5)) });
    expect(JSON.stringify({ data, opts })).toBe(before);
  });

  it('returns no NaN or Infinity anywhere in a regular result', () => {
    const r = efa(pilotData, { nfactors: 3, method: 'ml', rotate: 'oblimin' });
    const walk = (x: unknown): void => {
      if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
      else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') Object.values(x).forEach(walk);
    };
    walk(r);
    expect(r.warnings).toEqual([]);
  });
});

describe('efa bad input: UserInputError with a fix', () => {
  const rng = createRandom('efa-bad-input');
  const make = (n: number, p: number) => Array.from({ length: n }, () => Array.from({ length: p }, () => rng.normal()));
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  const err = (f: () => unknown): UserInputError => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(UserInputError);
      return e as UserInputError;
    }
    throw new Error('expected a UserInputError');
  };

  it('fewer cases than items', () => {
    const e = err(() => efa(make(5, 8), { nfactors: 1 }));
    expect(e.message).toMatch(/5 cases .* 8 items/);
    expect(e.message).toMatch(/at least 9/);
  });

  it('listwise deletion leaving too few cases', () => {
    const d: (number | null)[][] = make(10, 6);
    for (let i = 0; i < 6; i++) d[i][i] = null;
    const e = err(() => efa(d, { missing: 'listwise' }));
    expect(e.message).toMatch(/after dropping 6 incomplete cases/);
  });

  it('an item with zero variance is named', () => {
    const d = make(40, 6);
    d.forEach((row) => (row[3] = 4));
    const e = err(() => efa(d, { names }));
    expect(e.message).toContain('"d"');
    expect(e.message).toMatch(/zero variance/);
    expect(e.message).toMatch(/Drop this item/);
  });

  it('perfectly correlated items are named', () => {
    const d = make(40, 6);
    d.forEach((row) => (row[4] = 2 * row[1] + 1));
    const e = err(() => efa(d, { names }));
    expect(e.message).toMatch(/singular/);
    expect(e.message).toContain('"b"');
    expect(e.message).toContain('"e"');
    expect(e.message).toMatch(/Drop one item/);
  });

  it('a linear dependency among several items is named', () => {
    const d = make(40, 6);
    d.forEach((row) => (row[5] = row[0] + row[2]));
    const e = err(() => efa(d, { names }));
    expect(e.message).toMatch(/linearly dependent/);
    for (const n of ['"a"', '"c"', '"f"']) expect(e.message).toContain(n);
    expect(e.message).not.toContain('"b"');
  });

  it('a correlation matrix that is not positive definite', () => {
    const R = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    const e = err(() => efa(R, { correlation: true, names: ['x', 'y', 'z'] }));
    expect(e.message).toMatch(/not positive definite/);
    expect(e.message).toContain('"x"');
  });

  it('too many factors for the degrees of freedom', () => {
    const e = err(() => efa(make(100, 6), { nfactors: 4 }));
    expect(e.message).toMatch(/4 factors for 6 items leave -3 degrees of freedom/);
    expect(e.message).toMatch(/at most 3 factors/);
    expect(() => efa(make(100, 6), { nfactors: 3 })).not.toThrow();
  });

  it('options are checked', () => {
    const d = make(50, 6);
    expect(err(() => efa(d, { method: 'uls' as never })).message).toMatch(/options.method/);
    expect(err(() => efa(d, { rotate: 'geomin' as never })).message).toMatch(/options.rotate/);
    expect(err(() => efa(d, { nfactors: 1.5 })).message).toMatch(/nfactors/);
    expect(err(() => efa(d, { n: 50 })).message).toMatch(/options.n is only used with a correlation matrix/);
    expect(err(() => efa(d, { maxIter: 1 })).message).toMatch(/method 'pa'/);
    expect(err(() => efa(d, { method: 'pa', initialCommunalities: [0.5] })).message).toMatch(/one value per item/);
    expect(err(() => efa(d, { names: ['a'] })).message).toMatch(/names/);
    expect(err(() => efa([[1, 2], [3]] as number[][])).message).toMatch(/ragged/);
    expect(err(() => efa([[1, 0.5], [0.4, 1]], { correlation: true })).message).toMatch(/not symmetric/);
  });
});

describe('efa properties', () => {
  const pilot = reference.sets.find((s) => s.name === 'pilot81x12') as FaSet;
  const pilotData = pilot.data as number[][];
  const base = {
    minres: efa(pilotData, { nfactors: 3, method: 'minres' }),
    ml: efa(pilotData, { nfactors: 3, method: 'ml', rotate: 'promax' }),
    pa: efa(pilotData, { nfactors: 3, method: 'pa', rotate: 'varimax' }),
  };

  it('loadings do not depend on the order of the cases', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom('minres', 'ml', 'pa') as fc.Arbitrary<'minres' | 'ml' | 'pa'>, (seed, method) => {
        const shuffled = createRandom(`shuffle/${seed}`).shuffle(pilotData);
        const rotate = method === 'minres' ? 'oblimin' : method === 'ml' ? 'promax' : 'varimax';
        const r = efa(shuffled, { nfactors: 3, method, rotate });
        const ref = base[method];
        expect(r.factors).toEqual(ref.factors);
        r.loadings.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - ref.loadings[i][j])).toBeLessThan(1e-8)));
      }),
      { numRuns: 25 },
    );
  });

  it('ML communalities lie in [0, 1] and uniquenesses are at least psych\'s bound', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 4, max: 10 }), fc.integer({ min: 20, max: 150 }), (seed, p, n) => {
        const rng = createRandom(`ml/${seed}`);
        const k = 1 + rng.int(Math.min(3, Math.floor(p / 3)));
        // strong loadings and little noise provoke Heywood cases (uniqueness at psych's bound 0.005)
        const lambda = Array.from({ length: p }, () => Array.from({ length: k }, () => (rng.uniform() * 2 - 1) * 0.99));
        const noise = 0.1 + 0.8 * rng.uniform();
        const data = Array.from({ length: n }, () => {
          const f = Array.from({ length: k }, () => rng.normal());
          return lambda.map((l) => l.reduce((s, v, j) => s + v * f[j], 0) + noise * rng.normal());
        });
        const r = efa(data, { nfactors: k, method: 'ml', rotate: 'none' });
        r.communalities.forEach((h) => {
          expect(h).toBeGreaterThanOrEqual(0);
          expect(h).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('sums of squared loadings equal the communalities for orthogonal solutions', () => {
    for (const r of [base.minres, base.pa]) {
      if (r.phi) continue;
      r.loadings.forEach((row, i) => expect(row.reduce((s, v) => s + v * v, 0)).toBeCloseTo(r.communalities[i], 12));
    }
    // oblique: diag(L Phi L') = h2
    const { loadings: L, phi } = base.ml;
    L.forEach((row, i) => {
      let h = 0;
      for (let a = 0; a < row.length; a++) for (let b = 0; b < row.length; b++) h += row[a] * (phi as number[][])[a][b] * row[b];
      expect(h).toBeCloseTo(base.ml.communalities[i], 10);
    });
  });
});

/** Pearson correlation matrix of complete rows (test helper). */
function correlationOf(X: number[][]): number[][] {
  const n = X.length;
  const p = X[0].length;
  const m = Array.from({ length: p }, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
  const c = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (_, b) => X.reduce((s, r) => s + (r[a] - m[a]) * (r[b] - m[b]), 0)),
  );
  return c.map((row, a) => row.map((v, b) => (a === b ? 1 : v / Math.sqrt(c[a][a] * c[b][b]))));
}
