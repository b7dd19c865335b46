/**
 * Figure 13: how many years each network exists (networks.csv `years`, the
 * number the portrait of chapter 2 gives). Where the prose of Figure 13 puts
 * a network in another class (`years_fig13`, conflicts 1-2 of PROVENANCE.md),
 * the hover label says so.
 */
import type { NetworkTableRow } from '../analysis/networkTable';
import { UserInputError } from '../util/errors';
import { compactTitle, resolveOptions, titleOf, type ResolvedOptions } from './common';
import { categoryTicks, groupScale, ROW_PX, rowsLength, rowsRange, stripTrace } from './groups';
import { CAPTIONS, WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, axisTitle, baseLayout, THEME } from './theme';
import type { FigureOptions, FigureSpec } from './types';
import { checkNonEmpty, checkNumber, checkOption } from './validate';

export interface YearsFigureOptions extends FigureOptions {
  /** 'years' (default): longest-existing network at the top; 'table': the table's order. */
  sort?: 'years' | 'table';
}

/** The columns Figure 13 needs; `networkTable` rows have them. */
export type YearsRow = Pick<NetworkTableRow, 'network' | 'years'> & Partial<Pick<NetworkTableRow, 'yearsFig13'>>;

const FIGURE = 'yearsFigure';
/** Top and bottom margins (the plot's height is the rest). */
const FIXED_PX = 84 + 70;

/**
 * @example
 *   const spec = yearsFigure(networkTable(rows, instrument, { networks }), { synthetic: true });
 */
export function yearsFigure(rows: readonly YearsRow[], options: YearsFigureOptions = {}): FigureSpec {
  checkNonEmpty(rows, 'the network table', FIGURE);
  const scale = groupScale(rows.length);
  const o = resolveOptions(options, FIGURE, { width: 820, height: scale === 'rows' ? rowsLength(rows.length, ROW_PX, FIXED_PX, 520) : 520 }, 13);
  const w = WORDS[o.lang];
  const sort = checkOption(options.sort ?? 'years', ['years', 'table'] as const, 'sort', FIGURE);
  for (const r of rows) {
    const y = checkNumber(r.years, `the years of ${r.network}`, FIGURE, true);
    if (y !== null && y < 0) throw new UserInputError(`${FIGURE}: the years of ${r.network} are ${y}; expected a number >= 0.`);
  }
  if (rows.every((r) => r.years === null || r.years === undefined)) {
    throw new UserInputError(`${FIGURE}: no network has a number of years; add a "years" column to networks.csv.`);
  }
  const ordered = sort === 'years' ? [...rows].sort((a, b) => (b.years ?? -1) - (a.years ?? -1) || a.network.localeCompare(b.network)) : [...rows];
  const names = ordered.map((r) => plotlyText(r.network));
  const max = Math.max(...ordered.map((r) => r.years ?? 0));
  if (scale === 'compact') return yearsStrip(ordered, names, o, max);

  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTIONS.years[o.lang]), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 110, b: 70 } });
  layout.xaxis = axis({ range: [0, Math.ceil((max * 1.12) / 5) * 5], autorange: false, dtick: 5, title: axisTitle(w.years) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: names, autorange: 'reversed', showgrid: false, ticks: '', tickfont: { family: THEME.fontFamily, size: 13, color: THEME.colors.text }, ...categoryTicks(names, o.height - FIXED_PX, 13), ...(scale === 'rows' ? rowsRange(names.length) : {}) });
  layout.bargap = 0.35;
  layout.showlegend = false;

  return {
    data: [
      {
        type: 'bar',
        name: w.yearsShort,
        orientation: 'h',
        y: names,
        x: ordered.map((r) => r.years ?? null),
        marker: { color: THEME.colors.bar },
        text: ordered.map((r) => (r.years === null || r.years === undefined ? w.unknown : String(r.years))),
        textposition: 'outside',
        cliponaxis: false,
        textfont: { family: THEME.fontFamily, size: 12, color: THEME.colors.text },
        hovertext: ordered.map(
          (r, k) =>
            `<b>${names[k]}</b><br>${w.yearsPortrait}: ${r.years ?? w.unknown}` + (r.yearsFig13 ? `<br>${w.yearsFig13} (years_fig13): ${plotlyText(r.yearsFig13)}` : ''),
        ),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}

/** Above 100 networks: every network a dot on the years axis over a box of their spread; hover names it. */
function yearsStrip(ordered: readonly YearsRow[], names: readonly string[], o: ResolvedOptions, max: number): FigureSpec {
  const w = WORDS[o.lang];
  const layout = baseLayout({ lang: o.lang, title: compactTitle(o, CAPTIONS.years[o.lang], ordered.length), synthetic: o.synthetic, width: o.width, height: Math.min(o.height, 320), margin: { l: 40, b: 70 } });
  layout.xaxis = axis({ range: [0, Math.ceil((max * 1.12) / 5) * 5], autorange: false, dtick: 5, title: axisTitle(w.years) });
  layout.yaxis = axis({ type: 'category', showgrid: false, ticks: '', showticklabels: false });
  layout.showlegend = false;
  return { data: [stripTrace({ name: w.yearsShort, values: ordered.map((r) => r.years ?? null), groups: names, hovertemplate: `<b>%{text}</b><br>${w.yearsShort}: %{x}<extra></extra>`, color: THEME.colors.bar })], layout };
}
