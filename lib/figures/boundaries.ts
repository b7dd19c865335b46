/**
 * Figure 12: the four boundary dimensions per network - how much
 * administrative divisions, the reputation of members, socio-cultural lines
 * and natural borders decide who can join (1 = plays no role ... 5 = a very
 * large role). Bars per network, one colour per dimension, the band as a thin
 * error bar.
 */
import type { BoundaryRow } from '../analysis/boundaryProfile';
import type { Instrument, Language } from '../io/instrument';
import { compactTitle, requireInstrument, resolveOptions, titleOf } from './common';
import { categoryTicks, groupScale, ROW_PX, rowsLength, rowsRange, stripTrace, templateText } from './groups';
import { CAPTIONS, figureLabel, scaleTicks, WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME, wrapText } from './theme';
import type { FigureSpec, InstrumentFigureOptions } from './types';
import { checkNonEmpty, checkScaleValue } from './validate';

export interface BoundariesFigureOptions extends InstrumentFigureOptions {
  /** Draw the band (mean +/- 2 SE) as error bars (default true). */
  bands?: boolean;
}

const FIGURE = 'boundariesFigure';

/**
 * @example
 *   const spec = boundariesFigure(boundaryProfile(rows, instrument, { networks }), { instrument });
 */
export function boundariesFigure(rows: readonly BoundaryRow[], options: BoundariesFigureOptions): FigureSpec {
  checkNonEmpty(rows, 'the boundary profile', FIGURE);
  const instrument = requireInstrument(options, FIGURE);
  for (const r of rows) checkScaleValue(r.mean, `the mean of ${r.network} on "${r.dimension}"`, FIGURE);
  const networks = [...new Set(rows.map((r) => r.network))];
  const dimensions = [...new Set(rows.map((r) => r.dimension))];
  const scale = groupScale(networks.length);
  if (scale === 'rows') return boundaryRows(rows, networks, dimensions, instrument, options);
  if (scale === 'compact') return boundaryStrips(rows, networks, dimensions, instrument, options);
  const o = resolveOptions(options, FIGURE, { width: 1100, height: 560 }, 12);
  const w = WORDS[o.lang];
  const bands = options.bands ?? true;
  const shown = networks.map(plotlyText);
  const ticks = scaleTicks(instrument, instrument.constructs.find((c) => c.id === dimensions[0])?.responseScale ?? 'role5', o.lang);

  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTIONS.boundaries[o.lang]), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 150, b: 90, t: 100 } });
  layout.xaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: shown, showgrid: false, tickfont: { family: THEME.fontFamily, size: 13, color: THEME.colors.text }, title: axisTitle(w.network) });
  layout.yaxis = axis({ range: [1, 5], autorange: false, fixedrange: true, tickmode: 'array', tickvals: ticks.tickvals, ticktext: ticks.ticktext.map((t) => wrapText(t.replace('<br>', ' '), 18)), title: axisTitle(w.role) });
  layout.barmode = 'group';
  layout.bargap = 0.25;
  layout.bargroupgap = 0.06;
  layout.showlegend = true;
  layout.legend = { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom', font: { family: THEME.fontFamily, size: 12, color: THEME.colors.text } };

  const data: FigureSpec['data'] = dimensions.map((d, k) => {
    const own = networks.map((nw) => rows.find((r) => r.network === nw && r.dimension === d) ?? null);
    const label = figureLabel(instrument, d, o.lang);
    return {
      type: 'bar',
      name: label,
      x: shown,
      y: own.map((r) => r?.mean ?? null),
      marker: { color: THEME.categorical[k % THEME.categorical.length] },
      ...(bands ? { error_y: { type: 'data', symmetric: false, ...bandArrays(own), color: THEME.colors.muted, thickness: 1, width: 2 } } : {}),
      hovertext: own.map((r, j) => hoverText(r, shown[j], label, o.lang)),
      hoverinfo: 'text',
    };
  });
  return { data, layout };
}

type Row = BoundaryRow | null;

/** The band (mean +/- 2 SE, clipped to 1-5) as error-bar lengths. */
function bandArrays(own: readonly Row[]): { array: Array<number | null>; arrayminus: Array<number | null> } {
  return {
    array: own.map((r) => (r && r.mean !== null && r.upper !== null ? Math.max(0, Math.min(5, r.upper) - r.mean) : null)),
    arrayminus: own.map((r) => (r && r.mean !== null && r.lower !== null ? Math.max(0, r.mean - Math.max(1, r.lower)) : null)),
  };
}

/** `network` and `label` are plotly text. */
function hoverText(r: Row, network: string, label: string, lang: Language): string {
  const w = WORDS[lang];
  return r === null
    ? `${network}: ${w.unknown}`
    : `<b>${network}</b><br>${label}<br>${w.mean} ${formatNumber(r.mean, 2, lang)}` +
        (r.lower !== null && r.upper !== null ? `<br>${w.band}: ${formatNumber(r.lower, 2, lang)} – ${formatNumber(r.upper, 2, lang)}` : '') +
        `<br>${w.n} = ${r.n}`;
}

/** One row per dimension and group: rows indexed once, not searched per cell. */
function cells(rows: readonly BoundaryRow[], networks: readonly string[], dimensions: readonly string[]): Row[][] {
  const at = new Map(rows.map((r) => [`${r.dimension}\u0000${r.network}`, r]));
  return dimensions.map((d) => networks.map((nw) => at.get(`${d}\u0000${nw}`) ?? null));
}

/** The reading of the role scale in one line: "1 speelt geen rol · 2 ... · 5 ...". */
function roleReading(instrument: Instrument, dimension: string, lang: Language): string {
  const ticks = scaleTicks(instrument, instrument.constructs.find((c) => c.id === dimension)?.responseScale ?? 'role5', lang);
  return ticks.ticktext.map((t) => t.replace('<br>', ' ')).join(' · ');
}

/** The x-axis ticks of the role scale, shortened to the number and a wrapped reading. */
function roleTicks(instrument: Instrument, dimension: string, lang: Language, width: number) {
  const ticks = scaleTicks(instrument, instrument.constructs.find((c) => c.id === dimension)?.responseScale ?? 'role5', lang);
  return { tickmode: 'array', tickvals: ticks.tickvals, ticktext: ticks.ticktext.map((t) => wrapText(t.replace('<br>', ' '), width)) };
}

/** 11-100 groups: one panel per dimension, side by side, groups as rows (every name labelled once, on the left). */
function boundaryRows(rows: readonly BoundaryRow[], networks: string[], dimensions: string[], instrument: Instrument, options: BoundariesFigureOptions): FigureSpec {
  const n = networks.length;
  const fixed = 130 + 70;
  const o = resolveOptions(options, FIGURE, { width: 1100, height: rowsLength(n, ROW_PX, fixed, 560) }, 12);
  const w = WORDS[o.lang];
  const bands = options.bands ?? true;
  const grid = cells(rows, networks, dimensions);
  const shown = networks.map(plotlyText);
  const layout = baseLayout({ lang: o.lang, title: titleOf(o, CAPTIONS.boundaries[o.lang]), subtitle: `${w.role}: ${roleReading(instrument, dimensions[0], o.lang)}`, synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 150, r: 30, t: 130, b: 70 } });
  const panels = dimensions.length;
  const gap = 0.03;
  const span = (1 - gap * (panels - 1)) / panels;
  const yaxis = { type: 'category', categoryorder: 'array', categoryarray: shown, ...rowsRange(n), showgrid: false, ticks: '', tickfont: font(12), ...categoryTicks(shown, o.height - fixed, 12) };
  const data: FigureSpec['data'] = [];
  dimensions.forEach((d, k) => {
    const xa = k === 0 ? 'x' : `x${k + 1}`;
    const ya = k === 0 ? 'y' : `y${k + 1}`;
    const domain = [Number((k * (span + gap)).toFixed(4)), Number((k * (span + gap) + span).toFixed(4))];
    const label = figureLabel(instrument, d, o.lang);
    layout[k === 0 ? 'xaxis' : `xaxis${k + 1}`] = axis({ domain, anchor: ya, range: [1, 5], autorange: false, fixedrange: true, dtick: 1, tickfont: font(11), title: axisTitle(w.roleShort, 4) });
    layout[k === 0 ? 'yaxis' : `yaxis${k + 1}`] = axis({ ...yaxis, anchor: xa, ...(k === 0 ? {} : { showticklabels: false }) });
    (layout.annotations as unknown[]).push(panelTitle(label, xa, k));
    const own = grid[k];
    data.push({
      type: 'bar',
      name: label,
      orientation: 'h',
      y: shown,
      x: own.map((r) => r?.mean ?? null),
      xaxis: xa,
      yaxis: ya,
      marker: { color: THEME.categorical[k % THEME.categorical.length] },
      ...(bands ? { error_x: { type: 'data', symmetric: false, ...bandArrays(own), color: THEME.colors.muted, thickness: 1, width: 1.5 } } : {}),
      hovertext: own.map((r, j) => hoverText(r, shown[j], label, o.lang)),
      hoverinfo: 'text',
      showlegend: false,
    });
  });
  layout.bargap = 0.25;
  layout.showlegend = false;
  return { data, layout };
}

function panelTitle(label: string, xa: string, k: number): Record<string, unknown> {
  return { text: `<b>${label}</b>`, xref: `${xa} domain`, yref: 'paper', x: 0.5, y: 1, yshift: 6, xanchor: 'center', yanchor: 'bottom', showarrow: false, font: font(13, THEME.categorical[k % THEME.categorical.length]) };
}

/** Above 100 groups: one row per dimension, every group a dot over a box of their spread; hover names the group. */
function boundaryStrips(rows: readonly BoundaryRow[], networks: string[], dimensions: string[], instrument: Instrument, options: BoundariesFigureOptions): FigureSpec {
  const o = resolveOptions(options, FIGURE, { width: 1100, height: Math.max(460, 220 + 90 * dimensions.length) }, 12);
  const w = WORDS[o.lang];
  const grid = cells(rows, networks, dimensions);
  const labels = dimensions.map((d) => figureLabel(instrument, d, o.lang));
  const layout = baseLayout({ lang: o.lang, title: compactTitle(o, CAPTIONS.boundaries[o.lang], networks.length), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 200, r: 90, t: 90, b: 110 } });
  layout.xaxis = axis({ range: [1, 5], autorange: false, ...roleTicks(instrument, dimensions[0], o.lang, 18), title: axisTitle(w.role, 6) });
  layout.yaxis = axis({ type: 'category', categoryorder: 'array', categoryarray: labels, autorange: 'reversed', showgrid: false, ticks: '', tickfont: font(13) });
  layout.showlegend = false;
  const shown = networks.map(plotlyText);
  const data = dimensions.map((d, k) =>
    stripTrace({
      name: labels[k],
      values: grid[k].map((r) => r?.mean ?? null),
      groups: shown,
      customdata: grid[k].map((r) => r?.n ?? 0),
      hovertemplate: `<b>%{text}</b><br>${templateText(labels[k])}<br>${w.mean} %{x:.2f}<br>${w.n} = %{customdata}<extra></extra>`,
      color: THEME.categorical[k % THEME.categorical.length],
    }),
  );
  return { data, layout };
}
