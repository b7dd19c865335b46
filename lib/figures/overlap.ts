/**
 * Figure 14: overlap per network. Left: topic overlap (working on more issues
 * than the network was founded for) and overlap with other networks, on the
 * 1-5 scale. Right: the mean number of other networks in which members meet
 * each other (3.6: most about 7, Notos about 8, Zephyrus and Argestes about 5).
 */
import type { NetworkTableRow } from '../analysis/networkTable';
import { UserInputError } from '../util/errors';
import type { Instrument } from '../io/instrument';
import { compactTitle, requireInstrument, resolveOptions, titleOf, valueOf, type ResolvedOptions } from './common';
import { categoryTicks, groupScale, rowsLength, rowsRange, stripTrace, templateText } from './groups';
import { CAPTIONS, figureLabel, WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME } from './theme';
import type { FigureSpec, InstrumentFigureOptions } from './types';
import { checkNonEmpty, checkNumber, checkScaleValue } from './validate';

export interface OverlapFigureOptions extends InstrumentFigureOptions {
  /** The two 1-5 constructs (default topic_overlap, network_overlap). */
  constructs?: [string, string];
  /** The count construct (default other_networks); null: no right panel. */
  count?: string | null;
}

const FIGURE = 'overlapFigure';
/** Top and bottom margins (the plot's height is the rest). */
const FIXED_PX = 110 + 80;
/** Two bars per network: a row a little higher than ROW_PX. */
const OVERLAP_ROW_PX = 22;

/**
 * @example
 *   const spec = overlapFigure(networkTable(rows, instrument, { networks }), { instrument });
 */
export function overlapFigure(table: readonly NetworkTableRow[], options: OverlapFigureOptions): FigureSpec {
  checkNonEmpty(table, 'the network table', FIGURE);
  const instrument = requireInstrument(options, FIGURE);
  const scale = groupScale(table.length);
  const o = resolveOptions(options, FIGURE, { width: 1100, height: scale === 'rows' ? rowsLength(table.length, OVERLAP_ROW_PX, FIXED_PX, 580) : 580 }, 14);
  const w = WORDS[o.lang];
  const [c1, c2] = options.constructs ?? ['topic_overlap', 'network_overlap'];
  const count = options.count === undefined ? 'other_networks' : options.count;
  for (const id of count === null ? [c1, c2] : [c1, c2, count]) {
    if (!table.some((r) => r.means && id in r.means)) throw new UserInputError(`${FIGURE}: the network table has no "${id}"; build it with networkTable() on a survey with these items.`);
  }
  const names = table.map((r) => plotlyText(r.network));
  for (const r of table) {
    checkScaleValue(valueOf(r, c1), `the mean of ${r.network} on "${c1}"`, FIGURE);
    checkScaleValue(valueOf(r, c2), `the mean of ${r.network} on "${c2}"`, FIGURE);
    const n = count === null ? null : checkNumber(valueOf(r, count), `the mean of ${r.network} on "${count}"`, FIGURE, true);
    if (n !== null && n < 0) throw new UserInputError(`${FIGURE}: the mean of ${r.network} on "${count}" is ${n}; a count cannot be negative.`);
  }
  const counts = count === null ? [] : table.map((r) => valueOf(r, count));
  const maxCount = Math.max(10, ...counts.map((x) => x ?? 0));
  if (scale === 'compact') return overlapStrips(table, o, c1, c2, count, maxCount, instrument);

  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTIONS.overlap[o.lang]), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 110, b: 80, t: 110 } });
  const yaxis = { type: 'category', categoryorder: 'array', categoryarray: names, autorange: 'reversed', showgrid: false, ticks: '', tickfont: { family: THEME.fontFamily, size: 13, color: THEME.colors.text }, ...categoryTicks(names, o.height - FIXED_PX, 13), ...(scale === 'rows' ? rowsRange(names.length) : {}) };
  layout.xaxis = axis({ domain: [0, count === null ? 1 : 0.6], range: [1, 5], autorange: false, fixedrange: true, dtick: 1, title: axisTitle(w.score) });
  layout.yaxis = axis(yaxis);
  if (count !== null) {
    layout.xaxis2 = axis({ domain: [0.68, 1], anchor: 'y2', range: [0, Math.ceil(maxCount)], autorange: false, dtick: 2, title: axisTitle(w.otherNetworks) });
    layout.yaxis2 = axis({ ...yaxis, anchor: 'x2', showticklabels: false });
  }
  layout.barmode = 'group';
  layout.bargap = 0.3;
  layout.showlegend = true;
  layout.legend = { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom', font: { family: THEME.fontFamily, size: 12, color: THEME.colors.text } };

  const scaleTrace = (id: string, k: number) => {
    const label = figureLabel(instrument, id, o.lang);
    return {
      type: 'bar',
      name: label,
      orientation: 'h',
      y: names,
      x: table.map((r) => valueOf(r, id)),
      xaxis: 'x',
      yaxis: 'y',
      marker: { color: THEME.categorical[k] },
      hovertext: table.map((r, j) => `<b>${names[j]}</b><br>${label}: ${formatNumber(valueOf(r, id), 2, o.lang)}`),
      hoverinfo: 'text',
    };
  };
  if (count === null) return { data: [scaleTrace(c1, 0), scaleTrace(c2, 1)], layout };
  const countLabel = figureLabel(instrument, count, o.lang);
  return {
    data: [
      scaleTrace(c1, 0),
      scaleTrace(c2, 1),
      {
        type: 'bar',
        name: w.otherNetworks,
        orientation: 'h',
        y: names,
        x: counts,
        xaxis: 'x2',
        yaxis: 'y2',
        marker: { color: THEME.categorical[2] },
        text: counts.map((x) => formatNumber(x, 1, o.lang)),
        textposition: 'outside',
        cliponaxis: false,
        textfont: { family: THEME.fontFamily, size: 12, color: THEME.colors.text },
        hovertext: table.map((r, j) => `<b>${names[j]}</b><br>${countLabel}<br>${w.mean} ${formatNumber(valueOf(r, count), 1, o.lang)}`),
        hoverinfo: 'text',
      },
    ],
    layout,
  };
}

/** Above 100 networks: the two overlaps as rows of dots (one per network) on the 1-5 scale, the count as a row of its own on the right. */
function overlapStrips(table: readonly NetworkTableRow[], o: ResolvedOptions, c1: string, c2: string, count: string | null, maxCount: number, instrument: Instrument): FigureSpec {
  const w = WORDS[o.lang];
  const names = table.map((r) => plotlyText(r.network));
  const layout = baseLayout({ lang: o.lang, title: compactTitle(o, CAPTIONS.overlap[o.lang], names.length), synthetic: o.synthetic, width: o.width, height: Math.min(o.height, 440), margin: { l: 200, r: 40, t: 100, b: 80 } });
  const labels = [c1, c2].map((id) => figureLabel(instrument, id, o.lang));
  layout.xaxis = axis({ domain: [0, count === null ? 1 : 0.6], range: [1, 5], autorange: false, dtick: 1, title: axisTitle(w.score) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: labels, autorange: 'reversed', showgrid: false, ticks: '', tickfont: font(13) });
  const data = [c1, c2].map((id, k) =>
    stripTrace({ name: labels[k], values: table.map((r) => valueOf(r, id)), groups: names, hovertemplate: `<b>%{text}</b><br>${templateText(labels[k])}: %{x:.2f}<extra></extra>`, color: THEME.categorical[k] }),
  );
  if (count !== null) {
    const countLabel = figureLabel(instrument, count, o.lang);
    layout.xaxis2 = axis({ domain: [0.68, 1], anchor: 'y2', range: [0, Math.ceil(maxCount)], autorange: false, dtick: 2, title: axisTitle(w.otherNetworks) });
    layout.yaxis2 = axis({ type: 'category', categoryorder: 'array', categoryarray: [w.otherNetworksShort], anchor: 'x2', showgrid: false, ticks: '', showticklabels: false });
    data.push({
      ...stripTrace({ name: w.otherNetworksShort, values: table.map((r) => valueOf(r, count)), groups: names, hovertemplate: `<b>%{text}</b><br>${templateText(countLabel)}<br>${w.mean} %{x:.1f}<extra></extra>`, color: THEME.categorical[2], xaxis: 'x2', yaxis: 'y2' }),
    });
  }
  layout.showlegend = false;
  return { data, layout };
}
