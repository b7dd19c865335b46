/**
 * Figure 13: how many years each network exists (networks.csv `years`, the
 * number the portrait of chapter 2 gives). Where the prose of Figure 13 puts
 * a network in another class (`years_fig13`, conflicts 1-2 of PROVENANCE.md),
 * the hover label says so.
 */
import type { NetworkTableRow } from '../analysis/networkTable';
import { UserInputError } from '../util/errors';
import { resolveOptions, titleOf } from './common';
import { CAPTIONS, WORDS } from './i18n';
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

/**
 * @example
 *   const spec = yearsFigure(networkTable(rows, instrument, { networks }), { synthetic: true });
 */
export function yearsFigure(rows: readonly YearsRow[], options: YearsFigureOptions = {}): FigureSpec {
  checkNonEmpty(rows, 'the network table', FIGURE);
  const o = resolveOptions(options, FIGURE, { width: 820, height: 520 }, 13);
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
  const names = ordered.map((r) => r.network);
  const max = Math.max(...ordered.map((r) => r.years ?? 0));

  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTIONS.years[o.lang]), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 110, b: 70 } });
  layout.xaxis = axis({ range: [0, Math.ceil((max * 1.12) / 5) * 5], autorange: false, dtick: 5, title: axisTitle(w.years) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: names, autorange: 'reversed', showgrid: false, ticks: '', tickfont: { family: THEME.fontFamily, size: 13, color: THEME.colors.text } });
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
          (r) =>
            `<b>${r.network}</b><br>${w.yearsPortrait}: ${r.years ?? w.unknown}` + (r.yearsFig13 ? `<br>${w.yearsFig13} (years_fig13): ${r.yearsFig13.replace(/</g, '&lt;').replace(/>/g, '&gt;')}` : ''),
        ),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}
