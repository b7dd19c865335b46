/**
 * Shared inputs of the figure tests: the shipped default data loaded through
 * the validating loaders, the analysis tables, and small hand-made inputs for
 * the method figures.
 */
import * as path from 'node:path';
import { readInstrument } from '../../lib/io/instrument';
import { readSurveyCsv } from '../../lib/io/readSurveyCsv';
import { readNetworksCsv } from '../../lib/io/readNetworksCsv';
import { isSyntheticOrigin } from '../../lib/io/synthetic';
import { networkSummary } from '../../lib/analysis/networkSummary';
import { networkTable } from '../../lib/analysis/networkTable';
import { correlate } from '../../lib/stats/correlation/correlate';
import type { NamedFigure } from '../../lib/figures/types';
import { screeFigure } from '../../lib/figures/scree';
import { loadingsFigure } from '../../lib/figures/loadings';
import { itemRestFigure } from '../../lib/figures/itemRest';
import { iccForestFigure } from '../../lib/figures/iccForest';
import { correlationMatrixFigure } from '../../lib/figures/correlationMatrix';
import { dendrogramFigure } from '../../lib/figures/dendrogram';
import { looScatterFigure } from '../../lib/figures/looScatter';

const DATA = path.resolve(__dirname, '..', '..', 'data');

export function loadDefault() {
  const instrument = readInstrument();
  const networks = readNetworksCsv(path.join(DATA, 'networks.csv'));
  const survey = readSurveyCsv(path.join(DATA, 'survey.csv'), { instrument, networks: networks.table.array('network') as string[] });
  const rows = survey.table.objects() as Record<string, unknown>[];
  const networkRows = networks.table.objects() as Record<string, unknown>[];
  const synthetic = isSyntheticOrigin(survey.table.array('data_origin') as unknown[]);
  const summary = networkSummary(rows, instrument, { networks: networkRows });
  const table = networkTable(rows, instrument, { networks: networkRows });
  return { instrument, rows, networkRows, synthetic, summary, table, names: networkRows.map((n) => String(n.network)) };
}

export type DefaultData = ReturnType<typeof loadDefault>;

/** The method figures on small inputs (the real ones come from lib/stats when it has factor analysis). */
export function methodFigures(d: DefaultData, lang: 'nl' | 'en' = 'nl'): NamedFigure[] {
  const impact = d.table.map((r) => r.means.impact as number);
  const monitoring = d.table.map((r) => r.means.monitoring as number);
  const rWithout = d.names.map((_, k) => {
    const keep = d.names.map((_, j) => j).filter((j) => j !== k);
    return correlate(keep.map((j) => impact[j]), keep.map((j) => monitoring[j])).r;
  });
  const vars = ['impact', 'shared_vision', 'affectivity', 'trust', 'monitoring', 'decision_making'];
  const matrix = vars.map((a) => vars.map((b) => correlate(d.table.map((r) => r.means[a] as number), d.table.map((r) => r.means[b] as number)).r));
  const common = { lang, synthetic: d.synthetic };
  return [
    { name: 'method-scree', spec: screeFigure({ observed: [3.42, 0.71, 0.45, 0.3, 0.12], simulated: [1.38, 1.16, 0.99, 0.84, 0.63] }, { ...common, title: 'Onderling vertrouwen' }) },
    {
      name: 'method-loadings',
      spec: loadingsFigure(
        { loadings: [[0.86, 0.05], [0.82, 0.11], [0.79, -0.02], [0.55, 0.5], [0.08, 0.84], [0.12, 0.8]], items: ['trust_1', 'trust_2', 'trust_3', 'trust_5', 'shared_vision_1', 'shared_vision_2'], factors: ['F1', 'F2'] },
        common,
      ),
    },
    { name: 'method-item-rest', spec: itemRestFigure({ items: ['trust_1', 'trust_2', 'trust_3', 'trust_4', 'trust_5', 'trust_6'], r: [0.78, 0.74, 0.7, 0.69, 0.41, 0.18] }, common) },
    { name: 'method-icc', spec: iccForestFigure(d.names.map((network, k) => ({ network, icc: 0.93 + 0.005 * k, lower: 0.9 + 0.004 * k, upper: 0.96 + 0.003 * k })), common) },
    { name: 'method-correlations', spec: correlationMatrixFigure({ names: vars, matrix, n: d.table.length }, common) },
    {
      name: 'method-dendrogram',
      spec: dendrogramFigure(
        {
          merge: [[-2, -10], [-3, -9], [-6, -8], [-4, -7], [-1, 4], [-5, 1], [2, 3], [5, 6], [7, 8]],
          height: [0.8, 0.9, 1.1, 1.3, 1.6, 1.9, 2.2, 2.6, 3.4],
          order: [3, 9, 6, 8, 1, 4, 7, 5, 2, 10],
          labels: d.names,
        },
        { ...common, cut: 2.4 },
      ),
    },
    { name: 'method-loo-scatter', spec: looScatterFigure({ x: impact, y: monitoring, labels: d.names, rWithout }, { ...common, xLabel: 'Ingeschatte impact', yLabel: 'Naleving besluiten bewaken' }) },
  ];
}
