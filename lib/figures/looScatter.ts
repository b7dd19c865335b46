/**
 * Method figure: a scatter of two network-level variables (the report's N = 10) with
 * leave-one-out highlighting. With ten points one network can make or break a
 * correlation (4.1: monitoring goes with impact "for all networks except
 * Meses"); the hover of each point gives r without it, and the most
 * influential point(s) are highlighted with the fitted line without them.
 */
import { leastSquares, pearson } from '../stats/internal/moments';
import { UserInputError } from '../util/errors';
import { resolveOptions, titleOf } from './common';
import { WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME } from './theme';
import type { FigureOptions, FigureSpec, PlotlyTrace } from './types';
import { checkNetworks, checkNonEmpty, checkNumber, checkRange, checkSameLength } from './validate';

export interface LooScatterInput {
  x: readonly number[];
  y: readonly number[];
  labels: readonly string[];
  /** rWithout[i]: the correlation with point i left out. */
  rWithout: readonly number[];
}

export interface LooScatterOptions extends FigureOptions {
  xLabel?: string;
  yLabel?: string;
  /** Points to highlight (labels); default the one whose removal changes r most. */
  highlight?: string[];
}

const FIGURE = 'looScatterFigure';

/** The least-squares line and Pearson r of at least 3 points; null when x or y does not vary (r undefined). */
function fit(x: readonly number[], y: readonly number[]): { a: number; b: number; r: number } | null {
  if (x.length < 3) return null;
  const r = pearson(x, y);
  if (!Number.isFinite(r)) return null;
  return { ...leastSquares(x, y), r };
}

/**
 * @example
 *   looScatterFigure({ x: impact, y: monitoring, labels: names, rWithout }, { xLabel: 'Ingeschatte impact', yLabel: 'Naleving besluiten bewaken' });
 */
export function looScatterFigure(input: LooScatterInput, options: LooScatterOptions = {}): FigureSpec {
  checkNonEmpty(input?.labels, 'labels', FIGURE);
  checkSameLength(input.x, input.labels, ['x', 'labels'], FIGURE);
  checkSameLength(input.y, input.labels, ['y', 'labels'], FIGURE);
  checkSameLength(input.rWithout, input.labels, ['rWithout', 'labels'], FIGURE);
  if (input.labels.length < 3) throw new UserInputError(`${FIGURE}: a correlation needs at least 3 points, found ${input.labels.length}.`);
  input.x.forEach((v, k) => checkNumber(v, `x of ${input.labels[k]}`, FIGURE));
  input.y.forEach((v, k) => checkNumber(v, `y of ${input.labels[k]}`, FIGURE));
  input.rWithout.forEach((v, k) => checkRange(v, `r without ${input.labels[k]}`, FIGURE, -1, 1));
  const labels = [...input.labels];
  const o = resolveOptions(options, FIGURE, { width: 760, height: 560 });
  const w = WORDS[o.lang];
  const all = fit(input.x, input.y);
  const rAll = all?.r ?? NaN;
  const highlight = options.highlight
    ? checkNetworks(options.highlight, labels, FIGURE)
    : [labels[input.rWithout.map((r) => Math.abs(r - rAll)).reduce((best, d, k, arr) => (d > arr[best] ? k : best), 0)]];
  const isHi = labels.map((l) => highlight.includes(l));

  const xl = plotlyText(options.xLabel ?? 'x');
  const yl = plotlyText(options.yLabel ?? 'y');
  const shown = labels.map(plotlyText);
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, w.looTitle), synthetic: o.synthetic, width: o.width, height: o.height });
  const pad = (v: readonly number[]) => {
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const d = (hi - lo || 1) * 0.12;
    return [lo - d, hi + d];
  };
  const xr = pad(input.x);
  layout.xaxis = axis({ range: xr, autorange: false, title: axisTitle(xl) });
  layout.yaxis = axis({ range: pad(input.y), autorange: false, title: axisTitle(yl) });
  layout.legend = { orientation: 'h', x: 0, y: -0.15, yanchor: 'top', font: font(12) };

  const data: PlotlyTrace[] = [];
  if (all) data.push({ type: 'scatter', name: `${w.fitAll} (r = ${formatNumber(all.r, 2, o.lang)})`, mode: 'lines', x: xr, y: xr.map((v) => all.a + all.b * v), line: { color: THEME.colors.lightBlue, width: 2 }, hoverinfo: 'skip' });
  const keep = labels.map((_, k) => k).filter((k) => !isHi[k]);
  const without = fit(keep.map((k) => input.x[k]), keep.map((k) => input.y[k]));
  if (without && highlight.length > 0) {
    data.push({ type: 'scatter', name: `${w.fitWithout(plotlyText(highlight.join(', ')))} (r = ${formatNumber(without.r, 2, o.lang)})`, mode: 'lines', x: xr, y: xr.map((v) => without.a + without.b * v), line: { color: THEME.colors.accent, width: 2, dash: 'dash' }, hoverinfo: 'skip' });
  }
  const hover = shown.map((l, k) => `<b>${l}</b><br>${xl}: ${formatNumber(input.x[k], 2, o.lang)}<br>${yl}: ${formatNumber(input.y[k], 2, o.lang)}<br>${w.rWithout}: ${formatNumber(input.rWithout[k], 2, o.lang)} (${w.rAll} ${formatNumber(rAll, 2, o.lang)})`);
  for (const hi of [false, true]) {
    const idx = labels.map((_, k) => k).filter((k) => isHi[k] === hi);
    if (idx.length === 0) continue;
    data.push({
      type: 'scatter',
      name: hi ? w.highlighted : w.networks,
      mode: 'text+markers',
      x: idx.map((k) => input.x[k]),
      y: idx.map((k) => input.y[k]),
      text: idx.map((k) => shown[k]),
      textposition: 'top center',
      textfont: font(12, hi ? THEME.colors.accent : THEME.colors.text),
      marker: { size: hi ? 13 : 10, color: hi ? THEME.colors.accent : THEME.colors.band, line: { color: '#ffffff', width: 1 } },
      cliponaxis: false,
      hovertext: idx.map((k) => hover[k]),
      hoverinfo: 'text',
    });
  }
  return { data, layout };
}
