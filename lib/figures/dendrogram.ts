/**
 * Method figure: a dendrogram of a hierarchical cluster analysis (report 5.4:
 * "no clearly separable clusters; variation is gradual"). Input is R's
 * `hclust` result: `merge` (n - 1 rows of two; negative = a single network,
 * positive = the cluster formed at that step), `height`, `order` (1-based leaf
 * order) and `labels`.
 */
import { UserInputError } from '../util/errors';
import { resolveOptions, titleOf } from './common';
import { WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME } from './theme';
import type { FigureOptions, FigureSpec } from './types';
import { checkNumber } from './validate';

export interface HclustResult {
  merge: readonly (readonly number[])[];
  height: readonly number[];
  order: readonly number[];
  labels: readonly string[];
}

export interface DendrogramOptions extends FigureOptions {
  /** Draw a dashed line at this height (where a tree would be cut into clusters). */
  cut?: number;
}

const FIGURE = 'dendrogramFigure';

/** Checks an hclust result and returns the x position of every leaf (1-based, in `order`). */
function checkHclust(h: HclustResult): void {
  if (!h || !Array.isArray(h.labels) || h.labels.length < 2) throw new UserInputError(`${FIGURE}: expected an hclust result with at least two labels.`);
  const n = h.labels.length;
  if (!Array.isArray(h.merge) || h.merge.length !== n - 1) throw new UserInputError(`${FIGURE}: merge must have ${n - 1} rows (n - 1 for ${n} labels), found ${Array.isArray(h.merge) ? h.merge.length : 'none'}.`);
  if (!Array.isArray(h.height) || h.height.length !== n - 1) throw new UserInputError(`${FIGURE}: height must have ${n - 1} values, found ${Array.isArray(h.height) ? h.height.length : 'none'}.`);
  h.height.forEach((v, k) => checkNumber(v, `height[${k}]`, FIGURE));
  const sortedOrder = Array.isArray(h.order) ? [...h.order].sort((a, b) => a - b) : [];
  if (sortedOrder.length !== n || sortedOrder.some((v, k) => v !== k + 1)) throw new UserInputError(`${FIGURE}: order must be a permutation of 1..${n} (R's 1-based leaf order).`);
  const usedLeaf = new Set<number>();
  const usedCluster = new Set<number>();
  h.merge.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2) throw new UserInputError(`${FIGURE}: merge row ${i + 1} must hold two numbers.`);
    for (const v of row) {
      if (!Number.isInteger(v) || v === 0) throw new UserInputError(`${FIGURE}: merge row ${i + 1} holds ${JSON.stringify(v)}; expected -1..-${n} (a label) or 1..${i} (an earlier step).`);
      if (v < 0) {
        if (-v > n || usedLeaf.has(-v)) throw new UserInputError(`${FIGURE}: merge row ${i + 1}: label ${-v} is out of range or merged twice.`);
        usedLeaf.add(-v);
      } else {
        if (v > i || usedCluster.has(v)) throw new UserInputError(`${FIGURE}: merge row ${i + 1}: step ${v} is not an earlier step or is merged twice.`);
        usedCluster.add(v);
      }
    }
  });
}

/**
 * @example
 *   // R: h <- hclust(dist(scale(X)), 'ward.D2'); list(merge = h$merge, height = h$height, order = h$order, labels = h$labels)
 *   dendrogramFigure(hclust(distanceMatrix(rows), { method: 'ward.D2' }));
 *   dendrogramFigure({ merge: [[-1, -2], [-3, 1]], height: [0.5, 1.2], order: [3, 1, 2], labels: ['Erus', 'Lips', 'Notos'] });
 */
export function dendrogramFigure(h: HclustResult, options: DendrogramOptions = {}): FigureSpec {
  checkHclust(h);
  const o = resolveOptions(options, FIGURE, { width: 820, height: 500 });
  const w = WORDS[o.lang];
  const n = h.labels.length;
  const leafX = new Map<number, number>(h.order.map((leaf, k) => [leaf, k + 1]));
  const nodeX: number[] = [];
  const nodeY: number[] = [];
  const xs: Array<number | null> = [];
  const ys: Array<number | null> = [];
  const pos = (v: number): [number, number] => (v < 0 ? [leafX.get(-v)!, 0] : [nodeX[v - 1], nodeY[v - 1]]);
  h.merge.forEach(([a, b], i) => {
    const [xa, ya] = pos(a);
    const [xb, yb] = pos(b);
    const y = h.height[i];
    xs.push(xa, xa, xb, xb, null);
    ys.push(ya, y, y, yb, null);
    nodeX.push((xa + xb) / 2);
    nodeY.push(y);
  });
  const maxH = Math.max(...h.height, 0);
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, w.dendrogramTitle), synthetic: o.synthetic, width: o.width, height: o.height, margin: { b: 110 } });
  layout.xaxis = axis({
    range: [0.4, n + 0.6],
    autorange: false,
    tickmode: 'array',
    tickvals: h.order.map((_, k) => k + 1),
    ticktext: h.order.map((leaf) => plotlyText(h.labels[leaf - 1])),
    tickangle: -45,
    showgrid: false,
    tickfont: font(13),
  });
  layout.yaxis = axis({ range: [0, maxH > 0 ? maxH * 1.08 : 1], autorange: false, title: axisTitle(w.height) });
  layout.showlegend = false;
  if (options.cut !== undefined) {
    const cut = checkNumber(options.cut, 'option cut', FIGURE) as number;
    (layout.shapes as unknown[]).push({ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: cut, y1: cut, line: { color: THEME.colors.accent, width: 1.5, dash: 'dash' } });
  }
  return {
    data: [
      { type: 'scatter', name: 'tree', mode: 'lines', x: xs, y: ys, line: { color: THEME.colors.band, width: 2 }, hoverinfo: 'skip', connectgaps: false },
      {
        type: 'scatter',
        name: 'merges',
        mode: 'markers',
        x: nodeX,
        y: nodeY,
        marker: { size: 6, color: THEME.colors.lightBlue },
        hovertext: nodeY.map((y, i) => `${o.lang === 'nl' ? 'stap' : 'step'} ${i + 1}: ${formatNumber(y, 2, o.lang)}`),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}
