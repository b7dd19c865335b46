/**
 * Method figure: scree plot with parallel analysis (report 5.3: a factor
 * analysis per variable fixed the number of factors). The observed
 * eigenvalues against those of random data of the same size; factors whose
 * observed eigenvalue lies above the simulated line are retained.
 */
import type { ParallelAnalysisResult } from '../stats/factor/parallelAnalysis';
import { resolveOptions, titleOf } from './common';
import { WORDS } from './i18n';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME } from './theme';
import type { FigureOptions, FigureSpec } from './types';
import { checkNonEmpty, checkNumber, checkSameLength } from './validate';

export interface ScreeInput {
  /** Observed eigenvalues, largest first. */
  observed: readonly number[];
  /** Eigenvalues of simulated random data (mean or 95th percentile), same length. */
  simulated: readonly number[];
}

const FIGURE = 'screeFigure';

/** Factors to retain: observed above simulated, counted from the first until the first that is not. */
export function factorsRetained(input: ScreeInput | ParallelAnalysisResult): number {
  input = screeInput(input);
  let k = 0;
  while (k < input.observed.length && input.observed[k] > input.simulated[k]) k++;
  return k;
}

/** A parallel analysis as the scree takes it: the common-factor eigenvalues, observed against simulated (the quantile, or the mean with criterion 'mean'), as psych's fa.parallel draws them. */
function isParallelAnalysis(input: unknown): input is ParallelAnalysisResult {
  const p = input as ParallelAnalysisResult | null;
  return typeof p === 'object' && p !== null && !Array.isArray(p.observed) && typeof p.observed === 'object' && p.observed !== null && typeof p.simulated === 'object' && p.simulated !== null && !Array.isArray(p.simulated);
}

function screeInput(input: ScreeInput | ParallelAnalysisResult): ScreeInput {
  if (!isParallelAnalysis(input)) return input;
  return { observed: input.observed.factors, simulated: input.criterion === 'mean' ? input.simulated.factorMean : input.simulated.factorQuantile };
}

/**
 * @example
 *   screeFigure(parallelAnalysis(data, { seed: 'scree' }), { title: 'Onderling vertrouwen' });
 *   screeFigure({ observed: [3.1, 0.6, 0.2, 0.1], simulated: [1.3, 1.1, 0.9, 0.7] }, { title: 'Onderling vertrouwen' });
 */
export function screeFigure(result: ScreeInput | ParallelAnalysisResult, options: FigureOptions = {}): FigureSpec {
  const input = result ? screeInput(result) : result;
  checkNonEmpty(input?.observed, 'observed', FIGURE);
  checkSameLength(input.observed, input.simulated, ['observed', 'simulated'], FIGURE);
  input.observed.forEach((v, k) => checkNumber(v, `observed[${k}]`, FIGURE));
  input.simulated.forEach((v, k) => checkNumber(v, `simulated[${k}]`, FIGURE));
  const o = resolveOptions(options, FIGURE, { width: 760, height: 480 });
  const w = WORDS[o.lang];
  const x = input.observed.map((_, k) => k + 1);
  const keep = factorsRetained(input);
  const layout = baseLayout({ lang: o.lang, title: titleOf({ ...o, title: undefined }, o.title ? `${w.screeTitle}: ${o.title}` : w.screeTitle), synthetic: o.synthetic, width: o.width, height: o.height });
  const ymax = Math.max(...input.observed, ...input.simulated, 1);
  layout.xaxis = axis({ title: axisTitle(w.factor), dtick: 1, range: [0.5, x.length + 0.5], autorange: false });
  layout.yaxis = axis({ title: axisTitle(w.eigenvalue), range: [0, Math.ceil(ymax * 1.1 * 2) / 2], autorange: false });
  layout.legend = { x: 1, xanchor: 'right', y: 1, yanchor: 'top', font: font(12), bgcolor: 'rgba(255,255,255,0.85)' };
  (layout.annotations as unknown[]).push({
    text: o.lang === 'nl' ? `${keep} factor${keep === 1 ? '' : 'en'} boven de parallelle analyse` : `${keep} factor${keep === 1 ? '' : 's'} above parallel analysis`,
    xref: 'paper',
    yref: 'paper',
    x: 1,
    y: 0.72,
    xanchor: 'right',
    showarrow: false,
    font: font(12, THEME.colors.muted),
  });
  return {
    data: [
      {
        type: 'scatter',
        name: w.observed,
        mode: 'lines+markers',
        x,
        y: [...input.observed],
        line: { color: THEME.colors.band, width: 2.5 },
        marker: { size: 8, color: THEME.colors.band },
        hovertext: input.observed.map((v, k) => `${w.factor} ${k + 1}: ${formatNumber(v, 2, o.lang)}`),
        hoverinfo: 'text',
      },
      {
        type: 'scatter',
        name: w.simulated,
        mode: 'lines',
        x,
        y: [...input.simulated],
        line: { color: THEME.colors.lightBlue, width: 2.5, dash: 'dash' },
        hovertext: input.simulated.map((v, k) => `${w.factor} ${k + 1}: ${formatNumber(v, 2, o.lang)}`),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}
