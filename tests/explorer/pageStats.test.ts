/**
 * The page's statistics (lib/explorer/pageStats.ts, JavaScript text run in
 * the page) against the library on the same numbers: Pearson r and Spearman
 * rho as correlate gives them, p as permutationTest gives it (exact for
 * N <= 10, the same seeded Monte Carlo stream above), and the t p of the
 * findings above their threshold. The text is run here in a fresh V8
 * context, as a page runs it.
 */
import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PAGE_STATS_JS } from '../../lib/explorer/pageStats';
import { correlate } from '../../lib/stats/correlation/correlate';
import { permutationTest } from '../../lib/stats/resampling/permutationTest';
import { tPValues } from '../../lib/analysis/internal/asymptotic';
import { createRandom } from '../../lib/util/random';

interface PanelStats { n: number; r: number | null; rho: number | null; p: number | null; pMethod: string | null }
interface PageStats {
  panelStats(x: Array<number | null>, y: Array<number | null>, o: { seed: string; iterations: number; asymptoticAbove: number; reference?: boolean }): PanelStats;
  seeded(seed: string): () => number;
  tTwoSided(r: number, n: number): number;
}

function pageStats(): PageStats {
  const context: Record<string, unknown> = {};
  vm.createContext(context);
  vm.runInContext(`${PAGE_STATS_JS}\nthis.dvExplorerStats = dvExplorerStats;`, context);
  return context.dvExplorerStats as PageStats;
}

/** Group means on a 1-5 scale, rounded as the explorer's data are, with ties. */
function sample(n: number, seed: string, rho = 0.5): { x: number[]; y: number[] } {
  const rng = createRandom(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rho * a + Math.sqrt(1 - rho * rho) * rng.normal();
    x.push(Math.round((3 + 0.5 * a) * 100) / 100);
    y.push(Math.round((3 + 0.5 * b) * 10) / 10);
  }
  return { x, y };
}

describe('the page computes what lib/stats computes', () => {
  const s = pageStats();
  const options = { seed: 'delicate-verbanden/explorer/impact/trust', iterations: 9999, asymptoticAbove: 200 };

  it('draws the same seeded stream as createRandom (seedrandom ARC4)', () => {
    for (const seed of ['delicate-verbanden/explorer/impact/trust', '', 'x'.repeat(300), 'ëñ/ünïcode']) {
      const page = s.seeded(seed);
      const lib = createRandom(seed);
      for (let k = 0; k < 50; k++) expect(page()).toBe(lib.uniform());
    }
  });

  it.each([3, 5, 7, 9, 10])('N = %i: r, rho and the exact p equal correlate and permutationTest', (n) => {
    for (const rho of [0.8, 0, -0.4]) {
      const { x, y } = sample(n, `exact/${n}/${rho}`, rho);
      const got = s.panelStats(x, y, options);
      expect(got.n).toBe(n);
      expect(got.r).toBe(correlate(x, y).r);
      expect(got.rho).toBe(correlate(x, y, { method: 'spearman' }).r);
      const perm = permutationTest(x, y, { statistic: 'pearson' });
      expect(perm.exact).toBe(true);
      expect(got.p).toBe(perm.p);
      expect(got.pMethod).toBe('exact');
    }
  });

  it('N = 40: the Monte Carlo p equals permutationTest with the same seed and iterations, bit for bit', () => {
    const { x, y } = sample(40, 'mc/40', 0.3);
    const got = s.panelStats(x, y, options);
    const perm = permutationTest(x, y, { statistic: 'pearson', exact: false, seed: options.seed, iterations: 9999 });
    expect(got.pMethod).toBe('monte-carlo');
    expect(got.p).toBe(perm.p);
    expect(got.r).toBe(correlate(x, y).r);
  });

  it('11 <= N <= 200: the Monte Carlo loop with the ARC4 stream written out gives the p of the loop through seeded(), for any seed', () => {
    for (const [n, seed, rho] of [[11, 'a', 0.6], [17, '', -0.2], [40, 'x'.repeat(300), 0.1], [63, 'ëñ/ünïcode', 0.4], [200, 'delicate-verbanden/explorer/impact/trust', 0]] as const) {
      const { x, y } = sample(n, `mc/fast/${n}`, rho);
      const o = { ...options, seed, iterations: 999 };
      const fast = s.panelStats(x, y, o);
      expect(fast.pMethod).toBe('monte-carlo');
      expect(fast.p, `N = ${n}`).toBe(s.panelStats(x, y, { ...o, reference: true }).p);
      expect(fast.p, `N = ${n}`).toBe(permutationTest(x, y, { statistic: 'pearson', exact: false, seed, iterations: 999 }).p);
    }
  });

  it('N = 2,000: the t p equals the findings t p within 1e-12 (relative)', () => {
    for (const rho of [0.02, 0.05, -0.1]) {
      const { x, y } = sample(2000, `t/${rho}`, rho);
      const got = s.panelStats(x, y, options);
      const r = correlate(x, y).r;
      expect(got.pMethod).toBe('t');
      expect(got.r).toBe(r);
      const want = tPValues(r, 2000).twoSided;
      expect(Math.abs((got.p as number) - want) / want).toBeLessThan(1e-12);
    }
    for (const [r, n] of [[0.3, 201], [0.9, 250], [-0.05, 10000], [0.0001, 500]] as const) {
      const want = tPValues(r, n).twoSided;
      expect(Math.abs(s.tTwoSided(r, n) - want) / want).toBeLessThan(1e-12);
    }
  });

  it('drops incomplete pairs, and gives no coefficient for a constant variable or fewer than 3 pairs', () => {
    const got = s.panelStats([1, 2, null, 4, 5], [2, 1, 3, null, 4], options);
    expect(got.n).toBe(3);
    expect(got.r).toBe(correlate([1, 2, 5], [2, 1, 4]).r);
    expect(s.panelStats([1, 1, 1, 1], [1, 2, 3, 4], options)).toMatchObject({ n: 4, r: null, p: null });
    expect(s.panelStats([1, 2], [1, 2], options)).toMatchObject({ n: 2, r: null, p: null });
  });
});
