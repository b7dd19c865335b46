/**
 * Figure 18: response to the online questionnaire per network. The report
 * shows each network by a letter only (A-J, networks.csv `fig18_letter`; the
 * letter-to-name mapping is this project's assumption, PROVENANCE.md 2), so
 * by letter is the default; `by: 'network'` names the networks instead.
 */
import type { NetworkTableRow } from '../analysis/networkTable';
import { UserInputError } from '../util/errors';
import { compactTitle, resolveOptions, titleOf } from './common';
import { categoryTicks, groupScale, ROW_PX, rowsLength, rowsRange, stripTrace } from './groups';
import { CAPTIONS, WORDS } from './i18n';
import { plotlyText } from './plotlyText';
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
  const keys = ordered.map((r) => plotlyText(by === 'letter' ? (r.letter as string) : r.network));
  const pct = ordered.map((r) => (100 * r.responded) / r.approached);
  const totalResp = used.reduce((s, r) => s + r.responded, 0);
  const totalAppr = used.reduce((s, r) => s + r.approached, 0);
  const overall = (100 * totalResp) / totalAppr;

  const caption = (by === 'letter' ? CAPTIONS.response : CAPTIONS.responseByNetwork)[o.lang];
  const scale = groupScale(ordered.length);
  const totalText = `${w.responseOverall}<br>${formatNumber(overall, 0, o.lang)}%<br>(${totalResp} ${w.of} ${totalAppr})`;
  const hover = ordered.map((r, k) => `<b>${keys[k]}</b>${by === 'network' && r.letter ? ` (${plotlyText(r.letter)})` : ''}<br>${r.responded} ${w.of} ${r.approached} (${formatNumber(pct[k], 0, o.lang)}%)`);
  const line = { color: THEME.colors.lightBlue, width: 2, dash: 'dash' };
  if (scale === 'compact') {
    const layout = baseLayout({ lang: o.lang, title: compactTitle(o, caption, ordered.length), synthetic: o.synthetic, width: o.width, height: Math.min(o.height, 360), margin: { l: 40, r: 40, t: 110, b: 70 } });
    layout.xaxis = axis({ range: [0, 105], autorange: false, tickvals: [0, 20, 40, 60, 80, 100], title: axisTitle(w.responsePercent) });
    layout.yaxis = axis({ type: 'category', showgrid: false, ticks: '', showticklabels: false });
    layout.showlegend = false;
    (layout.shapes as unknown[]).push({ type: 'line', xref: 'x', yref: 'paper', x0: overall, x1: overall, y0: 0, y1: 1, line, layer: 'below' });
    (layout.annotations as unknown[]).push({ text: totalText.replace(/<br>/g, ' '), xref: 'x', yref: 'paper', x: overall, y: 1, xanchor: overall > 60 ? 'right' : 'left', yanchor: 'bottom', showarrow: false, font: font(12, '#2f7fc1') });
    const trace = stripTrace({
      name: w.responsePercent,
      values: pct,
      groups: keys,
      customdata: ordered.map((r) => [r.responded, r.approached]),
      hovertemplate: `<b>%{text}</b><br>%{customdata[0]} ${w.of} %{customdata[1]} (%{x:.0f}%)<extra></extra>`,
      color: THEME.colors.bar,
    });
    return { data: [trace], layout };
  }
  if (scale === 'rows') {
    // Networks as rows; the total a vertical dashed line, named above the plot.
    const fixed = 110 + 70;
    const height = options.height === undefined ? rowsLength(ordered.length, ROW_PX, fixed, o.height) : o.height;
    const margin = { l: 80, r: 40, t: 110, b: 70 };
    const layout = baseLayout({ lang: o.lang, title: titleOf(o, caption), synthetic: o.synthetic, width: o.width, height, margin });
    layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: keys, ...rowsRange(keys.length), showgrid: false, ticks: '', tickfont: font(12), title: axisTitle(by === 'letter' ? w.letter : w.network), ...categoryTicks(keys, height - fixed, 12) });
    layout.xaxis = axis({ range: [0, 113], autorange: false, fixedrange: true, tickvals: [0, 20, 40, 60, 80, 100], title: axisTitle(w.responsePercent) });
    layout.bargap = 0.3;
    layout.showlegend = false;
    (layout.shapes as unknown[]).push({ type: 'line', xref: 'x', yref: 'paper', x0: overall, x1: overall, y0: 0, y1: 1, line });
    (layout.annotations as unknown[]).push({ text: totalText.replace(/<br>/g, ' '), xref: 'x', yref: 'paper', x: overall, y: 1, yshift: 4, xanchor: overall > 60 ? 'right' : 'left', yanchor: 'bottom', showarrow: false, font: font(12, '#2f7fc1') });
    // The labels in a column right of 100%, where the total line never runs.
    const labels = { type: 'scatter', mode: 'text', name: w.responsePercent, y: keys, x: keys.map(() => 112), text: pct.map((p) => `${formatNumber(p, 0, o.lang)}%`), textposition: 'middle left', textfont: font(11), cliponaxis: false, hoverinfo: 'skip', showlegend: false };
    return { data: [bars({ orientation: 'h', y: keys, x: pct, inside: null, fontSize: 11 }), labels], layout };
  }
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, caption), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 80, r: 110, b: by === 'network' ? 100 : 70 } });
  layout.xaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: keys, showgrid: false, tickfont: font(13), title: axisTitle(by === 'letter' ? w.letter : w.network), ...(by === 'network' ? { tickangle: -35 } : {}) });
  layout.yaxis = axis({ range: [0, 110], autorange: false, fixedrange: true, tickvals: [0, 20, 40, 60, 80, 100], title: axisTitle(w.responsePercent) });
  layout.bargap = 0.35;
  layout.showlegend = false;
  (layout.shapes as unknown[]).push({ type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: overall, y1: overall, line });
  (layout.annotations as unknown[]).push({
    text: totalText,
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
  // A label above its bar, unless the total line would run through it: then inside the bar's top.
  const pxPerUnit = (o.height - 84 - (by === 'network' ? 100 : 70)) / 110;
  const inside = labelsInside(pct, overall, 18 / pxPerUnit);
  return { data: [bars({ x: keys, y: pct, inside, fontSize: 12 })], layout };

  /** The bars; `inside` says per bar whether its label goes inside (null: no labels on the bars). */
  function bars(b: { orientation?: 'h'; x: Array<string | number>; y: Array<string | number>; inside: boolean[] | null; fontSize: number }) {
    const inside = b.inside;
    return {
      type: 'bar',
      name: w.responsePercent,
      ...(b.orientation ? { orientation: b.orientation } : {}),
      x: b.x,
      y: b.y,
      marker: { color: THEME.colors.bar },
      ...(inside === null
        ? {}
        : {
            text: pct.map((p) => `${formatNumber(p, 0, o.lang)}%`),
            textposition: inside.some(Boolean) ? inside.map((i) => (i ? 'inside' : 'outside')) : 'outside',
            ...(inside.some(Boolean) ? { insidetextanchor: 'end', insidetextfont: font(b.fontSize, '#ffffff') } : {}),
            cliponaxis: false,
            textfont: font(b.fontSize),
          }),
      hovertext: hover,
      hoverinfo: 'text',
    };
  }
}

/**
 * Which bars get their label inside: those whose label, just beyond the
 * bar's end (`labelUnits` long in axis units), would cross the total line.
 */
function labelsInside(pct: readonly number[], overall: number, labelUnits: number): boolean[] {
  return pct.map((p) => overall - p >= -0.5 && overall - p <= labelUnits + 0.5);
}
