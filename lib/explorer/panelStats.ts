/**
 * The statistics of a patterns view computed by the library (lib/stats): for
 * each panel beside the ordering variable, over the groups not dropped,
 * Pearson r and Spearman rho (correlate) and the two-sided permutation p of r
 * as the findings table gets it: exact for N <= 10, seeded Monte Carlo up to
 * `asymptoticAbove` groups, the t distribution above. The page computes the
 * same in the browser (pageStats.ts); this is its reference, and the static
 * fallback of the page.
 */
import { tPValues } from '../analysis/internal/asymptotic';
import { correlate } from '../stats/correlation/correlate';
import { permutationTest } from '../stats/resampling/permutationTest';
import type { ExplorerData, View } from './types';

export interface PanelStatsRow {
  variable: string;
  n: number;
  r: number | null;
  rho: number | null;
  p: number | null;
  pMethod: 'exact' | 'monte-carlo' | 't' | null;
}

/** The seed of one panel's Monte Carlo stream: the data's seed with the two variables. */
export function panelSeed(data: ExplorerData, x: string, y: string): string {
  return `${data.seed}/${x}/${y}`;
}

/**
 * @example
 *   panelStats(data, { mode: 'patterns', orderBy: 'impact', panels: ['trust'], dropped: ['Meses'] });
 *   // [{ variable: 'trust', n: 9, r: ..., rho: ..., p: ..., pMethod: 'exact' }]
 */
export function panelStats(data: ExplorerData, view: View): PanelStatsRow[] {
  const byId = new Map(data.variables.map((v) => [v.id, v]));
  const keep = data.groups.map((g) => !(view.dropped ?? []).includes(g));
  const x0 = byId.get(view.orderBy)!.values;
  return view.panels
    .filter((id) => id !== view.orderBy)
    .map((id): PanelStatsRow => {
      const y0 = byId.get(id)!.values;
      const x: number[] = [];
      const y: number[] = [];
      x0.forEach((a, k) => {
        const b = y0[k];
        if (keep[k] && a !== null && b !== null) {
          x.push(a);
          y.push(b);
        }
      });
      const n = x.length;
      const constant = (v: number[]) => v.every((u) => u === v[0]);
      if (n < 3 || constant(x) || constant(y)) return { variable: id, n, r: null, rho: null, p: null, pMethod: null };
      const r = correlate(x, y).r;
      const rho = correlate(x, y, { method: 'spearman' }).r;
      if (n > data.asymptoticAbove) return { variable: id, n, r, rho, p: tPValues(r, n).twoSided, pMethod: 't' };
      const exact = n <= 10;
      const p = permutationTest(x, y, { statistic: 'pearson', exact, ...(exact ? {} : { seed: panelSeed(data, view.orderBy, id), iterations: data.permutations }) }).p;
      return { variable: id, n, r, rho, p, pMethod: exact ? 'exact' : 'monte-carlo' };
    });
}
