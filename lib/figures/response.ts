/**
 * Figure 18: response to the online questionnaire per network. The report
 * shows each network by a letter only (A-J, networks.csv `fig18_letter`; the
 * letter-to-name mapping is this project's assumption, PROVENANCE.md 2), so
 * by letter is the default; `by: 'network'` names the networks instead.
 */
import type { NetworkTableRow } from '../analysis/networkTable';
import { UserInputError } from '../util/errors';
import { resolveOptions, titleOf } from './common';
import { CAPTIONS, WORDS } from './i18n';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME } from './theme';
import type { FigureOptions, FigureSpec } from './types';
import { checkNonEmpty, checkOption } from './validate';

export interface ResponseFigureOptions extends FigureOptions {
  /** 'letter' (default, as in the report) or 'network'. */
  by?: 'letter' | 'network';
}

export type ResponseRow = Pick<NetworkTableRow, 'network' | 'approached' | 'responded' | 'letter'>;

const FIGURE = 'responseFigure';

/**
 * @example
 *   const spec = responseFigure(networkTable(rows, instrument, { networks }), { synthetic: true });
 *   // bars A..J: 89, 80, 81, 45, 64, 77, 67, 84, 100, 89 (%)
 */
export function responseFigure(rows: readonly ResponseRow[], options: ResponseFigureOptions = {}): FigureSpec {
  checkNonEmpty(rows, 'the network table', FIGURE);
  const o = resolveOptions(options, FIGURE, { width: 820, height: 500 }, 18);
  const w = WORDS[o.lang];
  const by = checkOption(options.by ?? 'letter', ['letter', 'network'] as const, 'by', FIGURE);
  for (const r of rows) {
    if (!Number.isInteger(r.approached) || r.approached < 0 || !Number.isInteger(r.responded) || r.responded < 0 || r.responded > r.approached) {
      throw new UserInputError(`${FIGURE}: ${r.network} has ${JSON.stringify(r.responded)} responses of ${JSON.stringify(r.approached)} members approached; expected whole numbers with responses <= members.`);
    }
  }
  const used = rows.filter((r) => r.approached > 0);
  if (used.length === 0) throw new UserInputError(`${FIGURE}: no network has members in the survey; nothing to draw.`);
  if (by === 'letter') {
    const missing = used.filter((r) => !r.letter).map((r) => r.network);
    if (missing.length > 0) {
      throw new UserInputError(`${FIGURE}: no Figure 18 letter for ${missing.join(', ')}; add a "fig18_letter" column to networks.csv or use { by: 'network' }.`);
    }
    const letters = used.map((r) => r.letter as string);
    const twice = letters.find((l, k) => letters.indexOf(l) !== k);
    if (twice) throw new UserInputError(`${FIGURE}: the letter "${twice}" is given to more than one network; each network needs its own letter.`);
  }
  const ordered = by === 'letter' ? [...used].sort((a, b) => (a.letter as string).localeCompare(b.letter as string)) : used;
  const keys = ordered.map((r) => (by === 'letter' ? (r.letter as string) : r.network));
  const pct = ordered.map((r) => (100 * r.responded) / r.approached);
  const totalResp = used.reduce((s, r) => s + r.responded, 0);
  const totalAppr = used.reduce((s, r) => s + r.approached, 0);
  const overall = (100 * totalResp) / totalAppr;

  const layout = baseLayout({ lang: o.lang, title: titleOf(o, (by === 'letter' ? CAPTIONS.response : CAPTIONS.responseByNetwork)[o.lang]), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 80, r: 110, b: by === 'network' ? 100 : 70 } });
  layout.xaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: keys, showgrid: false, tickfont: font(13), title: axisTitle(by === 'letter' ? w.letter : w.network), ...(by === 'network' ? { tickangle: -35 } : {}) });
  layout.yaxis = axis({ range: [0, 110], autorange: false, fixedrange: true, tickvals: [0, 20, 40, 60, 80, 100], title: axisTitle(w.responsePercent) });
  layout.bargap = 0.35;
  layout.showlegend = false;
  (layout.shapes as unknown[]).push({ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: overall, y1: overall, line: { color: THEME.colors.lightBlue, width: 2, dash: 'dash' } });
  (layout.annotations as unknown[]).push({
    text: `${w.responseOverall}<br>${formatNumber(overall, 0, o.lang)}%<br>(${totalResp} ${w.of} ${totalAppr})`,
    xref: 'paper',
    yref: 'y',
    x: 1.01,
    y: overall,
    xanchor: 'left',
    yanchor: 'middle',
    align: 'left',
    showarrow: false,
    font: font(12, '#2f7fc1'),
  });
  return {
    data: [
      {
        type: 'bar',
        name: w.responsePercent,
        x: keys,
        y: pct,
        marker: { color: THEME.colors.bar },
        text: pct.map((p) => `${formatNumber(p, 0, o.lang)}%`),
        textposition: 'outside',
        cliponaxis: false,
        textfont: font(12),
        hovertext: ordered.map((r, k) => `<b>${keys[k]}</b>${by === 'network' && r.letter ? ` (${r.letter})` : ''}<br>${r.responded} ${w.of} ${r.approached} (${formatNumber(pct[k], 0, o.lang)}%)`),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}
