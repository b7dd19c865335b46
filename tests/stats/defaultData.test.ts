/**
 * lib/stats on the project's SHIPPED DEFAULT DATA (data/pilot.csv, data/survey.csv,
 * data/instrument.json), against R psych: tests/r/default-data-reference.R ->
 * tests/fixtures/default-data-reference.json (see the script's header for the
 * conventions). The data are loaded here with the project's own loaders, and the
 * matrices are built in the same row/column order as in the R script:
 * - items in codebook order (instrument.constructs[].items[]);
 * - ICC: rows = final items on a 1-5 scale (agree5/role5/importance5), columns = the
 *   network's complete respondents in file order; rows with a missing value dropped;
 * - alpha / factor analysis: pilot rows in file order, listwise complete.
 * Missing codes (9 = "weet niet") are turned into null by the loaders; R does the same.
 *
 * Tolerance: 1e-6 absolute, or relative to |expected| when that is larger than 1
 * (tol * max(1, |expected|)); p-values far in the tail are compared relatively (1e-6 * p).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStudyData } from '../../lib/io/loadStudyData';
import { bartlett, efa, icc, kmo, parallelAnalysis, reliability } from '../../lib/stats';
import type { EfaMethod, EfaRotation } from '../../lib/stats';

const TOL = 1e-6;

type Vec = number | number[];
interface DefaultDataReference {
  R_version: string;
  psych_version: string;
  GPArotation_version: string;
  alpha: {
    construct: string;
    set: 'final' | 'pool';
    items: string | string[];
    reverse: boolean | boolean[];
    n_obs: number;
    raw_alpha: number;
    std_alpha: number;
    G6: number;
    average_r: number;
    r_drop: Vec;
    alpha_drop_raw: Vec;
  }[];
  icc: {
    network: string;
    raters: string | string[];
    targets: string[];
    n: number;
    k: number;
    dropped: number;
    results: { type: string; icc: number; F: number; df1: number; df2: number; p: number; lower: number; upper: number }[];
  }[];
  factor: {
    items: string[];
    reverse: boolean[];
    n_obs: number;
    nfactors: number;
    fa: { method: EfaMethod; rotate: EfaRotation; factors: string[]; loadings: number[][]; communality: number[]; phi: number[][] | null }[];
    kmo: { MSA: number; MSAi: number[] };
    bartlett: { chisq: number; df: number; p: number };
    parallel: { fa_values: number[]; pc_values: number[] };
  };
}

const ref: DefaultDataReference = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'default-data-reference.json'), 'utf8'),
);

/** jsonlite writes length-1 vectors as scalars. */
const arr = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

// Largest absolute difference per quantity, printed after the run.
const maxDiff = new Map<string, number>();
// Largest relative difference of the (far-tail) p-values of icc and bartlett.
let relP = 0;
function close(actual: unknown, expected: unknown, what: string, tol = TOL, key?: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${what}: not an array`).toBe(true);
    const a = actual as unknown[];
    expect(a.length, `${what}: length`).toBe(expected.length);
    expected.forEach((e, i) => close(a[i], e, `${what}[${i}]`, tol, key));
    return;
  }
  expect(typeof actual, `${what}: ${String(actual)}`).toBe('number');
  const a = actual as number;
  const e = expected as number;
  const d = Math.abs(a - e);
  key ??= what.replace(/\[\d+\]/g, '').replace(/^.*: /, '');
  maxDiff.set(key, Math.max(maxDiff.get(key) ?? 0, d));
  expect(d, `${what}: ${a} vs R ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
}

const study = loadStudyData();
const instrument = study.instrument;
const pilotRows = study.pilot!.table.objects() as Record<string, unknown>[];
const surveyRows = study.survey.table.objects() as Record<string, unknown>[];

const allItems = instrument.constructs.flatMap((c) =>
  c.items.map((it) => ({ id: it.id, construct: c.id, kind: c.kind, scale: c.responseScale, final: it.final !== false, reverse: it.reverse === true })),
);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const matrix = (rows: Record<string, unknown>[], ids: readonly string[]) => rows.map((r) => ids.map((id) => num(r[id])));
const reverseOf = (ids: readonly string[]) => ids.map((id) => allItems.find((i) => i.id === id)!.reverse);
const reversed = (m: (number | null)[][], rev: boolean[]) => m.map((row) => row.map((v, j) => (v !== null && rev[j] ? 6 - v : v)));

describe(`default data against psych ${ref.psych_version} / GPArotation ${ref.GPArotation_version} (${ref.R_version})`, () => {
  it('the codebook gives the same item sets as in R', () => {
    const scales = [...new Set(allItems.filter((i) => i.kind === 'scale').map((i) => i.construct))];
    expect(ref.alpha.map((a) => `${a.construct}/${a.set}`)).toEqual(scales.flatMap((s) => [`${s}/final`, `${s}/pool`]));
    const iccIds = allItems.filter((i) => i.final && ['agree5', 'role5', 'importance5'].includes(i.scale)).map((i) => i.id);
    for (const r of ref.icc) expect(arr(r.targets)).toEqual(iccIds);
    expect(ref.factor.items).toEqual(allItems.filter((i) => i.construct === 'trust' || i.construct === 'affectivity').map((i) => i.id));
  });

  describe('reliability (pilot, listwise) vs psych::alpha', () => {
    for (const a of ref.alpha) {
      it(`${a.construct} (${a.set} items)`, () => {
        const ids = arr(a.items);
        const rev = reverseOf(ids);
        expect(rev).toEqual(arr(a.reverse));
        const r = reliability(matrix(pilotRows, ids), { missing: 'listwise', reverse: rev, min: 1, max: 5, names: ids });
        const what = `${a.construct}/${a.set}: `;
        expect(r.nCases).toBe(a.n_obs);
        close(r.alpha, a.raw_alpha, `${what}raw_alpha`);
        close(r.stdAlpha, a.std_alpha, `${what}std.alpha`);
        close(r.lambda6, a.G6, `${what}G6(smc)`);
        close(r.averageR, a.average_r, `${what}average_r`);
        close(r.items.map((i) => i.itemRestR), arr(a.r_drop), `${what}r.drop`);
        close(r.items.map((i) => i.alphaIfDeleted), arr(a.alpha_drop_raw), `${what}alpha-if-deleted`);
      });
    }
  });

  describe('icc per network (survey, complete respondents) vs psych::ICC(lmer = FALSE)', () => {
    for (const n of ref.icc) {
      it(n.network, () => {
        const rows = surveyRows.filter((r) => r.network === n.network && r.response_status === 'complete');
        expect(rows.map((r) => r.respondent_id)).toEqual(arr(n.raters));
        const ids = arr(n.targets);
        // targets (items) x raters (respondents)
        const x = ids.map((id) => rows.map((r) => num(r[id])));
        const res = icc(x, { missing: 'listwise' });
        expect(res.anova.n).toBe(n.n);
        expect(res.anova.k).toBe(n.k);
        expect(res.nDropped).toBe(n.dropped);
        expect(res.table.map((t) => t.type)).toEqual(n.results.map((t) => t.type));
        n.results.forEach((e, i) => {
          const t = res.table[i];
          const what = `${n.network} ${e.type}: `;
          close(t.icc, e.icc, `${what}ICC`);
          close(t.F, e.F, `${what}F`);
          close(t.df1, e.df1, `${what}df1`);
          close(t.df2, e.df2, `${what}df2`);
          // p-values far in the tail (1e-100 and smaller): relative agreement
          expect(Math.abs(t.p - e.p), `${what}p ${t.p} vs R ${e.p}`).toBeLessThanOrEqual(TOL * Math.max(e.p, Number.MIN_VALUE));
          relP = Math.max(relP, e.p > 0 ? Math.abs(t.p - e.p) / e.p : Math.abs(t.p));
          close(t.lower, e.lower, `${what}lower`);
          close(t.upper, e.upper, `${what}upper`);
        });
      });
    }
  });

  describe('factor analysis of trust + affectivity (pilot, listwise)', () => {
    const f = ref.factor;
    const data = reversed(matrix(pilotRows, f.items), reverseOf(f.items));
    const opts = { names: f.items, missing: 'listwise' as const };

    for (const c of f.fa) {
      it(`efa ${c.method}/${c.rotate} vs psych::fa`, () => {
        const r = efa(data, { ...opts, nfactors: f.nfactors, method: c.method, rotate: c.rotate });
        expect(r.n).toBe(f.n_obs);
        expect(r.factors).toEqual(c.factors);
        const what = `${c.method}/${c.rotate}: `;
        close(r.loadings, c.loadings, `${what}loadings`, TOL, `loadings (${c.method})`);
        close(r.communalities, c.communality, `${what}communalities`, TOL, `communalities (${c.method})`);
        if (c.phi) close(r.phi, c.phi, `${what}phi`, TOL, `phi (${c.method})`);
        else expect(r.phi).toBeNull();
      });
    }

    it('kmo vs psych::KMO', () => {
      const r = kmo(data, opts);
      close(r.msa, f.kmo.MSA, 'KMO: MSA');
      close(r.itemMsa, f.kmo.MSAi, 'KMO: MSAi');
    });

    it('bartlett vs psych::cortest.bartlett', () => {
      const r = bartlett(data, opts);
      expect(r.n).toBe(f.n_obs);
      close(r.chiSquare, f.bartlett.chisq, 'Bartlett: chisq');
      expect(r.df).toBe(f.bartlett.df);
      expect(Math.abs(r.p - f.bartlett.p), `Bartlett p ${r.p} vs R ${f.bartlett.p}`).toBeLessThanOrEqual(TOL * f.bartlett.p);
      relP = Math.max(relP, Math.abs(r.p - f.bartlett.p) / f.bartlett.p);
    });

    it('parallelAnalysis observed eigenvalues vs psych::fa.parallel', () => {
      const r = parallelAnalysis(data, { ...opts, iterations: 1 });
      close(r.observed.components, f.parallel.pc_values, 'fa.parallel: pc.values');
      close(r.observed.factors, f.parallel.fa_values, 'fa.parallel: fa.values');
    });
  });
});

afterAll(() => {
  const lines = [...maxDiff.entries()].map(([k, v]) => `  ${k.padEnd(28)} ${v.toExponential(2)}`);
  lines.push(`  ${'p (relative)'.padEnd(28)} ${relP.toExponential(2)}`);
  console.log(`Largest |TS - R| on the default data (tolerance ${TOL}):\n${lines.join('\n')}`);
});
