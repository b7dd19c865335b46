import { describe, expect, it } from 'vitest';
import { loadDefault, methodFigures } from './fixtures';
import { factorsRetained, screeFigure } from '../../lib/figures/scree';
import { dendrogramFigure } from '../../lib/figures/dendrogram';
import { looScatterFigure } from '../../lib/figures/looScatter';
import { itemRestFigure } from '../../lib/figures/itemRest';
import { iccForestFigure } from '../../lib/figures/iccForest';
import { correlationMatrixFigure } from '../../lib/figures/correlationMatrix';
import { loadingsFigure } from '../../lib/figures/loadings';
import type { FigureSpec } from '../../lib/figures/types';
import { efa } from '../../lib/stats/factor/efa';
import { parallelAnalysis } from '../../lib/stats/factor/parallelAnalysis';
import { reliability } from '../../lib/stats/reliability/reliability';
import { icc } from '../../lib/stats/agreement/icc';
import { hclust } from '../../lib/stats/cluster/hclust';

const d = loadDefault();
const title = (s: FigureSpec) => (s.layout.title as { text: string }).text;

describe('method figures', () => {
  it('scree plot: observed and parallel-analysis lines, and the number of factors above it', () => {
    const input = { observed: [3.4, 1.2, 0.5], simulated: [1.4, 1.1, 0.9] };
    expect(factorsRetained(input)).toBe(2);
    const s = screeFigure(input, { title: 'Onderling vertrouwen' });
    expect(title(s)).toBe('Screeplot met parallelle analyse: Onderling vertrouwen');
    expect(s.data.map((t) => t.name)).toEqual(['geobserveerd', 'parallelle analyse (gesimuleerd)']);
    expect((s.data[1] as Record<string, any>).line.dash).toBe('dash');
    expect((s.layout.annotations as Array<{ text: string }>).map((a) => a.text)).toContain('2 factoren boven de parallelle analyse');
    const en = screeFigure(input, { lang: 'en', number: 21 });
    expect(title(en)).toBe('Figure 21: Scree plot with parallel analysis');
  });

  it('loadings heatmap on a -1..1 diverging scale, values in the cells', () => {
    const s = loadingsFigure({ loadings: [[0.8, 0.1], [0.55, 0.5]], items: ['trust_1', 'trust_5'], factors: ['F1', 'F2'] }, { lang: 'en' });
    const h = s.data[0] as Record<string, any>;
    expect([h.type, h.zmin, h.zmid, h.zmax]).toEqual(['heatmap', -1, 0, 1]);
    expect(h.text).toEqual([['0.80', '0.10'], ['0.55', '0.50']]);
    expect(loadingsFigure({ loadings: [[0.8]], items: ['a'], factors: ['F1'] }).data[0].text).toEqual([['0,80']]);
  });

  it('item-rest correlations with the .30 line; items under it stand out', () => {
    const s = itemRestFigure({ items: ['a', 'b'], r: [0.6, 0.2] });
    const line = (s.layout.shapes as Array<Record<string, any>>)[0];
    expect([line.x0, line.x1]).toEqual([0.3, 0.3]);
    const colors = (s.data[0] as Record<string, any>).marker.color;
    expect(colors[0]).not.toBe(colors[1]);
  });

  it('ICC forest plot: intervals as error bars, .90 line', () => {
    const s = iccForestFigure([{ network: 'Lips', icc: 0.95, lower: 0.92, upper: 0.97 }]);
    const t = s.data[0] as Record<string, any>;
    expect(t.error_x.array[0]).toBeCloseTo(0.02, 12);
    expect(t.error_x.arrayminus[0]).toBeCloseTo(0.03, 12);
    expect((s.layout.shapes as Array<Record<string, any>>)[0].x0).toBe(0.9);
    expect(iccForestFigure([{ network: 'Lips', icc: 0.95, lower: 0.92, upper: 0.97 }], { reference: null }).layout.shapes).toEqual([]);
  });

  it('correlation matrix: lower triangle by default', () => {
    const s = correlationMatrixFigure({ names: ['a', 'b'], matrix: [[1, -0.4], [-0.4, 1]] });
    expect(s.data[0].z).toEqual([[1, null], [-0.4, 1]]);
    expect(correlationMatrixFigure({ names: ['a', 'b'], matrix: [[1, -0.4], [-0.4, 1]] }, { lowerOnly: false }).data[0].z).toEqual([[1, -0.4], [-0.4, 1]]);
    // r written as in the findings table: no leading zero, a decimal comma in Dutch
    expect((s.data[0] as unknown as { text: string[][] }).text).toEqual([['1,00', ''], ['-,40', '1,00']]);
    expect((correlationMatrixFigure({ names: ['a', 'b'], matrix: [[1, -0.4], [-0.4, 1]] }, { lang: 'en' }).data[0] as unknown as { text: string[][] }).text[1][0]).toBe('-.40');
  });

  it('dendrogram from an R hclust result: leaves in order, merges at their heights', () => {
    // R: hclust(dist(c(1, 2, 6)), 'single') -> merge [[-1,-2],[-3,1]], height [1, 4], order [3, 1, 2]
    const s = dendrogramFigure({ merge: [[-1, -2], [-3, 1]], height: [1, 4], order: [3, 1, 2], labels: ['a', 'b', 'c'] });
    expect((s.layout.xaxis as Record<string, any>).ticktext).toEqual(['c', 'a', 'b']);
    const tree = s.data[0] as Record<string, any>;
    // step 1 joins a (x 2) and b (x 3) at height 1; step 2 joins c (x 1) and that cluster (x 2.5) at height 4
    expect(tree.x).toEqual([2, 2, 3, 3, null, 1, 1, 2.5, 2.5, null]);
    expect(tree.y).toEqual([0, 1, 1, 0, null, 0, 4, 4, 1, null]);
  });

  it('leave-one-out scatter highlights the most influential network by default (Meses for monitoring and impact)', () => {
    const s = methodFigures(d).find((f) => f.name === 'method-loo-scatter')!.spec;
    const hi = s.data.find((t) => t.name === 'grootste invloed') as Record<string, any>;
    expect(hi.text).toEqual(['Meses']); // 4.1: "for all networks except Meses"
    expect(s.data.map((t) => t.name).some((n) => String(n).startsWith('lijn zonder Meses'))).toBe(true);
    const chosen = looScatterFigure({ x: [1, 2, 3, 4], y: [1, 2, 3, 1], labels: ['a', 'b', 'c', 'd'], rWithout: [0.1, 0.2, 0.3, 1] }, { highlight: ['a', 'b'], lang: 'en' });
    expect((chosen.data.find((t) => t.name === 'largest influence') as Record<string, any>).text).toEqual(['a', 'b']);
  });
});

describe('method figures take the results as the statistics return them', () => {
  // Six items of one factor and two noisy ones, 120 cases, seeded.
  const data = Array.from({ length: 120 }, (_, i) => {
    const f = Math.sin(i * 1.7) * 1.5;
    return Array.from({ length: 8 }, (_, j) => Math.round(3 + (j < 6 ? f : 0) + Math.cos(i * (j + 2.3)) * 0.9));
  });
  const names = ['trust_1', 'trust_2', 'trust_3', 'trust_4', 'trust_5', 'trust_6', 'noise_1', 'noise_2'];

  it('screeFigure(parallelAnalysis(...)): the factor eigenvalues against the simulated quantile (or mean)', () => {
    const pa = parallelAnalysis(data, { names, iterations: 20, seed: 'scree' });
    expect(screeFigure(pa)).toEqual(screeFigure({ observed: pa.observed.factors, simulated: pa.simulated.factorQuantile }));
    expect(factorsRetained(pa)).toBe(factorsRetained({ observed: pa.observed.factors, simulated: pa.simulated.factorQuantile }));
    const byMean = parallelAnalysis(data, { names, iterations: 20, seed: 'scree', criterion: 'mean' });
    expect((screeFigure(byMean).data[1] as Record<string, any>).y).toEqual(byMean.simulated.factorMean);
  });

  it('loadingsFigure(efa(...)) and dendrogramFigure(hclust(...))', () => {
    const e = efa(data, { nfactors: 2, names });
    expect(loadingsFigure(e)).toEqual(loadingsFigure({ loadings: e.loadings, items: e.items, factors: e.factors }));
    const tree = hclust([[1, 2], [1.2, 2.1], [5, 5], [5.5, 4.8]], { method: 'ward.D2' });
    const withLabels = { ...tree, labels: ['Erus', 'Lips', 'Notos', 'Meses'] };
    expect((dendrogramFigure(withLabels).layout.xaxis as Record<string, any>).ticktext).toEqual(tree.order.map((k) => withLabels.labels[k - 1]));
  });

  it('itemRestFigure(reliability(...)): the items by name and their item-rest r', () => {
    const rel = reliability(data, { names });
    const s = itemRestFigure(rel);
    expect(s).toEqual(itemRestFigure({ items: names, r: rel.items.map((i) => i.itemRestR) }));
    expect((s.data[0] as Record<string, any>).x).toEqual(rel.items.map((i) => i.itemRestR));
    // without names the items are V1, V2, ... as efa names them
    expect((itemRestFigure(reliability(data)).layout.yaxis as Record<string, any>).categoryarray).toEqual(names.map((_, k) => `V${k + 1}`));
  });

  it('iccForestFigure(icc(...)): the six forms with their intervals; rows per network as before', () => {
    const ratings = data.slice(0, 30).map((r) => r.slice(0, 4));
    const result = icc(ratings);
    const s = iccForestFigure(result);
    const t = s.data[0] as Record<string, any>;
    expect(t.y).toEqual(result.table.map((f) => f.shroutFleiss));
    expect(t.x).toEqual(result.table.map((f) => f.icc));
    expect(title(s)).toBe('De zes vormen van de ICC (Shrout &amp; Fleiss) met betrouwbaarheidsinterval'); // plotly text: drawn as &
    expect(title(iccForestFigure([{ network: 'Notos', icc: 0.95, lower: 0.92, upper: 0.97 }]))).toMatch(/^Overeenstemming binnen netwerken/);
  });
});
