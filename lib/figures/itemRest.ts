/**
 * Method figure: item-rest correlations of a scale's items (each item with
 * the sum of the others), with the report's criterion line at .30 (5.3:
 * inter-item correlation > .30). Items under the line are drawn in the accent
 * colour.
 */
import type { ReliabilityResult } from '../stats/reliability/reliability';
import { resolveOptions, titleOf } from './common';
import { WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME } from './theme';
import type { FigureOptions, FigureSpec } from './types';
import { checkNonEmpty, checkRange, checkSameLength } from './validate';

export interface ItemRestInput {
  items: readonly string[];
  /** One r per item; null where it is undefined (the rest has no variance): no bar. */
  r: ReadonlyArray<number | null>;
}

export interface ItemRestOptions extends FigureOptions {
  /** The criterion (default .30). */
  criterion?: number;
}

const FIGURE = 'itemRestFigure';

/** The items of a `reliability()` result as the figure takes them: name (V1, V2, ... where none was given) and item-rest r. */
function itemRestInput(input: ItemRestInput | ReliabilityResult): ItemRestInput {
  if (!input || !Array.isArray(input.items) || 'r' in input) return input as ItemRestInput;
  return { items: input.items.map((i) => i.name ?? `V${i.index + 1}`), r: input.items.map((i) => i.itemRestR) };
}

/**
 * @example
 *   itemRestFigure(reliability(data, { names }), { title: 'Onderling vertrouwen' });
 *   itemRestFigure({ items: ['trust_1', 'trust_2', 'trust_6'], r: [.72, .65, .18] }, { title: 'Onderling vertrouwen' });
 */
export function itemRestFigure(result: ItemRestInput | ReliabilityResult, options: ItemRestOptions = {}): FigureSpec {
  const input = itemRestInput(result);
  checkNonEmpty(input?.items, 'items', FIGURE);
  checkSameLength(input.items, input.r, ['items', 'r'], FIGURE);
  input.r.forEach((v, k) => (v === null ? null : checkRange(v, `r of ${input.items[k]}`, FIGURE, -1, 1)));
  const criterion = checkRange(options.criterion ?? 0.3, 'option criterion', FIGURE, -1, 1);
  const o = resolveOptions(options, FIGURE, { width: 760, height: Math.max(340, 150 + 34 * input.items.length) });
  const w = WORDS[o.lang];
  const items = input.items.map(plotlyText);
  const layout = baseLayout({ lang: o.lang, title: titleOf({ ...o, title: undefined }, o.title ? `${w.itemRestTitle}: ${o.title}` : w.itemRestTitle), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 160 } });
  const lo = Math.min(0, ...input.r.map((v) => v ?? 0));
  layout.xaxis = axis({ range: [lo < 0 ? -1 : 0, 1], autorange: false, dtick: 0.1, title: axisTitle(w.itemRest) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: items, autorange: 'reversed', showgrid: false, ticks: '', tickfont: font(12) });
  layout.bargap = 0.35;
  layout.showlegend = false;
  (layout.shapes as unknown[]).push({ type: 'line', xref: 'x', yref: 'paper', x0: criterion, x1: criterion, y0: 0, y1: 1, line: { color: THEME.colors.accent, width: 2, dash: 'dash' } });
  (layout.annotations as unknown[]).push({ text: `${w.criterion} ${formatNumber(criterion, 2, o.lang)}`, xref: 'x', yref: 'paper', x: criterion, y: 1, xanchor: 'left', yanchor: 'bottom', showarrow: false, font: font(12, THEME.colors.accent) });
  return {
    data: [
      {
        type: 'bar',
        name: w.itemRest,
        orientation: 'h',
        y: items,
        x: [...input.r],
        marker: { color: input.r.map((v) => (v !== null && v < criterion ? THEME.colors.accent : THEME.colors.bar)) },
        text: input.r.map((v) => formatNumber(v, 2, o.lang)),
        textposition: 'outside',
        cliponaxis: false,
        textfont: font(11),
        hovertext: input.r.map((v, k) => `${items[k]}: r = ${formatNumber(v, 2, o.lang)}`),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}
