/**
 * Figures 15-17: patterns across the networks (chapter 4). The networks are
 * ordered by one variable (the outlined panel on the left); each further panel
 * shows another variable for the networks in that same order, so a pattern
 * shows as a line that falls (or rises) in step with the left panel. Bars are
 * coloured by network size (members; darker purple = more members), and a
 * light-blue line marks how each network scores.
 *
 * - Figure 15: ordered by administrative divisions; the four boundary dimensions.
 * - Figure 16: ordered by estimated impact; impact, shared vision, affectivity, trust.
 * - Figure 17: ordered by estimated impact; impact, monitoring of compliance, decision making, years.
 */
import type { NetworkTableRow } from '../analysis/networkTable';
import { reportStudyDefinition, type PatternDefinition } from '../io/studyDefinition';
import { leastSquares } from '../stats/internal/moments';
import { UserInputError } from '../util/errors';
import type { Instrument, Language } from '../io/instrument';
import { checkVariable, compactTitle, isScaleVariable, requireInstrument, resolveOptions, titleOf, valueOf, type ResolvedOptions } from './common';
import { categoryTicks, groupScale, round3, ROW_PX, rowsLength, rowsRange, templateText } from './groups';
import { constructLabel, figureLabel, WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import { axis, axisTitle, baseLayout, font, formatNumber, THEME } from './theme';
import type { FigureSpec, InstrumentFigureOptions, PlotlyTrace } from './types';
import { checkNonEmpty, checkNumber, checkScaleValue } from './validate';

export interface PatternPreset extends PatternDefinition {
  number?: number;
}

/** The report's pattern figures by number (15, 16, 17): the patterns of the report's study (data/study.json), in order. */
export function reportPattern(figure: number): PatternPreset | undefined {
  const k = figure - 15;
  const p = Number.isInteger(k) && k >= 0 ? reportStudyDefinition().patterns[k] : undefined;
  return p ? { ...p, number: figure } : undefined;
}

export interface PatternsFigureOptions extends InstrumentFigureOptions {
  /** One of the report's figures (15, 16, 17); sets orderBy, variables, number and caption. */
  figure?: 15 | 16 | 17;
  /** A pattern of a study definition (`study.patterns[k]`); sets orderBy, variables and caption. */
  pattern?: PatternDefinition;
  /** The variable that orders the networks (highest left); drawn as the first, outlined panel. */
  orderBy?: string;
  /** The variables, one panel each (construct ids, 'years' or 'members'). */
  variables?: string[];
  /** Also draw a least-squares trend line over the order in each panel (default false). */
  trend?: boolean;
}

const FIGURE = 'patternsFigure';
/** Top and bottom margins of the rows layout. */
const ROWS_FIXED_PX = 150 + 80;

/** The order of the pattern figures, for sort(): the higher value first, missing last, ties by name. */
export function compareForPattern(va: number | null, vb: number | null, nameA: string, nameB: string): number {
  if (va === null && vb === null) return nameA.localeCompare(nameB);
  if (va === null) return 1;
  if (vb === null) return -1;
  return vb - va || nameA.localeCompare(nameB);
}

/** Order of the networks: highest on `orderBy` first, missing last, ties by name. */
export function patternOrder(table: readonly NetworkTableRow[], orderBy: string): NetworkTableRow[] {
  return [...table].sort((a, b) => compareForPattern(valueOf(a, orderBy), valueOf(b, orderBy), a.network, b.network));
}

/**
 * @example
 *   const table = networkTable(rows, instrument, { networks });
 *   const spec = patternsFigure(table, { instrument, figure: 16, synthetic: true });
 *   // spec.layout.xaxis.categoryarray: the networks from highest to lowest impact
 */
export function patternsFigure(table: readonly NetworkTableRow[], options: PatternsFigureOptions): FigureSpec {
  checkNonEmpty(table, 'the network table', FIGURE);
  const instrument = requireInstrument(options, FIGURE);
  const preset: PatternPreset | undefined = options.pattern ?? (options.figure === undefined ? undefined : reportPattern(options.figure));
  if (options.figure !== undefined && !preset) throw new UserInputError(`${FIGURE}: option figure is ${JSON.stringify(options.figure)}; the report's pattern figures are 15, 16 and 17.`);
  const variables0 = options.variables ?? preset?.variables;
  if (!Array.isArray(variables0) || variables0.length === 0) throw new UserInputError(`${FIGURE}: give figure (15, 16 or 17) or a non-empty list of variables.`);
  const orderBy = checkVariable(table, options.orderBy ?? preset?.orderBy ?? variables0[0], FIGURE, instrument);
  const variables = [orderBy, ...variables0.filter((v) => v !== orderBy)].map((v) => checkVariable(table, v, FIGURE, instrument));
  const o = resolveOptions(options, FIGURE, { width: 1400, height: groupScale(table.length) === 'rows' ? rowsLength(table.length, ROW_PX, ROWS_FIXED_PX, 600) : 600 }, preset?.number);
  const w = WORDS[o.lang];
  const lang = o.lang;

  for (const r of table) {
    for (const v of variables) {
      if (isScaleVariable(v, instrument)) checkScaleValue(valueOf(r, v), `the mean of ${r.network} on "${v}"`, FIGURE);
      else {
        const x = checkNumber(valueOf(r, v), `${r.network}'s "${v}"`, FIGURE, true);
        if (x !== null && x < 0) throw new UserInputError(`${FIGURE}: ${r.network}'s "${v}" is ${x}; expected a number >= 0.`);
      }
    }
  }
  const ordered = patternOrder(table, orderBy);
  const names = ordered.map((r) => plotlyText(r.network));
  const members = ordered.map((r) => r.members);
  const known = members.filter((m): m is number => m !== null);
  const cmin = known.length > 0 ? Math.min(...known) : 0;
  const cmax = known.length > 0 ? Math.max(...known) : 1;

  const caption = preset ? preset.caption[lang] : variables.map((v) => constructLabel(instrument, v, lang)).join(', ');
  const scale = groupScale(ordered.length);
  if (scale !== 'report') {
    const input: Shape = { ordered, names, members, cmin, cmax, variables, orderBy, instrument, o, caption, trend: options.trend ?? false };
    return scale === 'rows' ? patternRows(input) : patternDots(input);
  }
  const layout = baseLayout({
    lang,
    title: titleOf(o, caption),
    subtitle: w.orderedBy(figureLabel(instrument, orderBy, lang)),
    synthetic: o.synthetic,
    width: o.width,
    height: o.height,
    margin: { l: 80, r: 110, t: 140, b: 120 },
  });
  const n = variables.length;
  const gap = 0.045;
  const span = (1 - gap * (n - 1)) / n;
  const annotations = layout.annotations as unknown[];
  const shapes = layout.shapes as unknown[];
  const data: PlotlyTrace[] = [];

  variables.forEach((v, k) => {
    const xa = k === 0 ? 'x' : `x${k + 1}`;
    const ya = k === 0 ? 'y' : `y${k + 1}`;
    const domain = [Number((k * (span + gap)).toFixed(4)), Number((k * (span + gap) + span).toFixed(4))];
    const label = figureLabel(instrument, v, lang);
    const values = ordered.map((r) => valueOf(r, v));
    const scale = isScaleVariable(v, instrument);
    const max = Math.max(0, ...values.map((x) => x ?? 0));
    layout[k === 0 ? 'xaxis' : `xaxis${k + 1}`] = axis({
      domain,
      anchor: ya,
      type: 'category',
      categoryorder: 'array',
      categoryarray: names,
      tickangle: -60,
      showgrid: false,
      tickfont: font(11),
    });
    layout[k === 0 ? 'yaxis' : `yaxis${k + 1}`] = axis({
      anchor: xa,
      range: scale ? [1, 5] : [0, niceMax(max)],
      autorange: false,
      fixedrange: true,
      ...(scale ? { dtick: 1 } : {}),
      title: k === 0 ? axisTitle(scale ? w.score : label, 4) : undefined,
      tickfont: font(11),
    });
    annotations.push({
      text: `<b>${label}</b>`,
      xref: `${xa} domain`,
      yref: 'paper',
      x: 0.5,
      y: 1.02,
      xanchor: 'center',
      yanchor: 'bottom',
      showarrow: false,
      font: font(13),
    });
    const hover = ordered.map(
      (r, j) =>
        `<b>${names[j]}</b><br>${label}: ${scale ? formatNumber(values[j], 2, lang) : values[j] ?? w.unknown}` +
        (v === 'years' && r.yearsFig13 ? `<br>${w.yearsFig13}: ${plotlyText(r.yearsFig13)}` : '') +
        `<br>${w.members}: ${r.members ?? w.unknown}<br>${w.rank} ${j + 1}/${ordered.length} (${figureLabel(instrument, orderBy, lang)})`,
    );
    data.push({
      type: 'bar',
      name: label,
      x: names,
      y: values,
      xaxis: xa,
      yaxis: ya,
      marker: { color: members.map((m) => m ?? cmin), coloraxis: 'coloraxis', line: { color: '#ffffff', width: 0.5 } },
      hovertext: hover,
      hoverinfo: 'text',
      showlegend: false,
    });
    data.push({
      type: 'scatter',
      name: label,
      mode: 'lines+markers',
      x: names,
      y: values,
      xaxis: xa,
      yaxis: ya,
      line: { color: THEME.colors.lightBlue, width: 2.5 },
      marker: { color: THEME.colors.lightBlue, size: 6 },
      connectgaps: false,
      cliponaxis: false,
      hoverinfo: 'skip',
      showlegend: false,
    });
    if (options.trend) {
      const fit = trendLine(values);
      if (fit) {
        data.push({
          type: 'scatter',
          name: `${label} (trend)`,
          mode: 'lines',
          x: [names[0], names[names.length - 1]],
          y: [fit.a, fit.a + fit.b * (names.length - 1)],
          xaxis: xa,
          yaxis: ya,
          line: { color: THEME.colors.lightBlueFaint, width: 2, dash: 'dash' },
          hoverinfo: 'skip',
          showlegend: false,
        });
      }
    }
    if (k === 0) {
      // The outlined left part: the variable that orders the networks.
      shapes.push({
        type: 'rect',
        xref: 'paper',
        yref: 'paper',
        x0: Number((domain[0] - 0.045).toFixed(4)),
        x1: Number((domain[1] + 0.012).toFixed(4)),
        y0: -0.3,
        y1: 1.09,
        line: { color: THEME.colors.muted, width: 1.2 },
        fillcolor: 'rgba(0,0,0,0)',
        layer: 'below',
      });
    }
  });

  layout.coloraxis = colorAxis(cmin, cmax, lang);
  layout.bargap = 0.2;
  layout.showlegend = false;
  return { data, layout };
}

/** Network size (members) as the purple colour axis. */
function colorAxis(cmin: number, cmax: number, lang: Language): Record<string, unknown> {
  return {
    colorscale: THEME.purples,
    cmin,
    cmax: cmax > cmin ? cmax : cmin + 1,
    colorbar: { title: { text: WORDS[lang].members, font: font(12) }, thickness: 14, len: 0.8, x: 1.01, xanchor: 'left', y: 0.5, tickfont: font(11) },
  };
}

interface Shape {
  ordered: NetworkTableRow[];
  names: string[];
  members: Array<number | null>;
  cmin: number;
  cmax: number;
  variables: string[];
  orderBy: string;
  instrument: Instrument;
  o: ResolvedOptions;
  caption: string;
  trend: boolean;
}

/** The panels' value axis: 1-5 for a scale, 0 to a round maximum for a count. */
function valueAxis(s: Shape, v: string, values: ReadonlyArray<number | null>): Record<string, unknown> {
  const scale = isScaleVariable(v, s.instrument);
  const max = Math.max(0, ...values.map((x) => x ?? 0));
  return { range: scale ? [1, 5] : [0, niceMax(max)], autorange: false, fixedrange: true, ...(scale ? { dtick: 1 } : {}), tickfont: font(11) };
}

function panelDomain(k: number, n: number, gap: number): number[] {
  const span = (1 - gap * (n - 1)) / n;
  return [Number((k * (span + gap)).toFixed(4)), Number((k * (span + gap) + span).toFixed(4))];
}

function panelLabel(label: string, xa: string): Record<string, unknown> {
  return { text: `<b>${label}</b>`, xref: `${xa} domain`, yref: 'paper', x: 0.5, y: 1.02, xanchor: 'center', yanchor: 'bottom', showarrow: false, font: font(13) };
}

/** The outline of the left panel (the variable that orders the networks), in paper coordinates. */
function outline(x0: number, x1: number, y0: number, y1: number): Record<string, unknown> {
  return { type: 'rect', xref: 'paper', yref: 'paper', x0: Number(x0.toFixed(4)), x1: Number(x1.toFixed(4)), y0: Number(y0.toFixed(4)), y1: Number(y1.toFixed(4)), line: { color: THEME.colors.muted, width: 1.2 }, fillcolor: 'rgba(0,0,0,0)', layer: 'below' };
}

/**
 * 11-100 networks: the same panels side by side, but the networks as rows
 * (highest on the ordering variable at the top), so every name is written
 * once, level, on the left; the light-blue line runs down each panel.
 */
function patternRows(s: Shape): FigureSpec {
  const { o, names, ordered, instrument, variables, orderBy } = s;
  const lang = o.lang;
  const w = WORDS[lang];
  const fixed = ROWS_FIXED_PX;
  const height = o.height;
  const layout = baseLayout({ lang, title: titleOf(o, s.caption), subtitle: w.orderedBy(figureLabel(instrument, orderBy, lang)), synthetic: o.synthetic, width: o.width, height, margin: { l: 150, r: 110, t: 150, b: 80 } });
  const plotPx = height - fixed;
  const annotations = layout.annotations as unknown[];
  const data: PlotlyTrace[] = [];
  const n = variables.length;
  const yaxis = { type: 'category', categoryorder: 'array', categoryarray: names, ...rowsRange(names.length), showgrid: false, ticks: '', tickfont: font(12), ...categoryTicks(names, plotPx, 12) };
  variables.forEach((v, k) => {
    const xa = k === 0 ? 'x' : `x${k + 1}`;
    const ya = k === 0 ? 'y' : `y${k + 1}`;
    const domain = panelDomain(k, n, 0.04);
    const label = figureLabel(instrument, v, lang);
    const values = ordered.map((r) => valueOf(r, v));
    const scale = isScaleVariable(v, instrument);
    layout[k === 0 ? 'xaxis' : `xaxis${k + 1}`] = axis({ domain, anchor: ya, ...valueAxis(s, v, values), title: axisTitle(scale ? w.score : label, 4) });
    layout[k === 0 ? 'yaxis' : `yaxis${k + 1}`] = axis({ ...yaxis, anchor: xa, ...(k === 0 ? {} : { showticklabels: false }) });
    annotations.push(panelLabel(label, xa));
    data.push({
      type: 'bar',
      name: label,
      orientation: 'h',
      y: names,
      x: values,
      xaxis: xa,
      yaxis: ya,
      marker: { color: s.members.map((m) => m ?? s.cmin), coloraxis: 'coloraxis', line: { color: '#ffffff', width: 0.5 } },
      hovertext: ordered.map((r, j) => hoverLine(s, r, j, v, values[j])),
      hoverinfo: 'text',
      showlegend: false,
    });
    data.push({ type: 'scatter', name: label, mode: 'lines+markers', y: names, x: values, xaxis: xa, yaxis: ya, line: { color: THEME.colors.lightBlue, width: 2 }, marker: { color: THEME.colors.lightBlue, size: 4 }, connectgaps: false, cliponaxis: false, hoverinfo: 'skip', showlegend: false });
    if (k === 0) (layout.shapes as unknown[]).push(outline(domain[0] - 150 / o.width, domain[1] + 0.012, -60 / plotPx, 1 + 40 / plotPx));
  });
  layout.coloraxis = colorAxis(s.cmin, s.cmax, lang);
  layout.bargap = 0.2;
  layout.showlegend = false;
  return { data, layout };
}

function hoverLine(s: Shape, r: NetworkTableRow, j: number, v: string, value: number | null): string {
  const { lang } = s.o;
  const w = WORDS[lang];
  const label = figureLabel(s.instrument, v, lang);
  const scale = isScaleVariable(v, s.instrument);
  return (
    `<b>${s.names[j]}</b><br>${label}: ${scale ? formatNumber(value, 2, lang) : value ?? w.unknown}` +
    (v === 'years' && r.yearsFig13 ? `<br>${w.yearsFig13}: ${plotlyText(r.yearsFig13)}` : '') +
    `<br>${w.members}: ${r.members ?? w.unknown}<br>${w.rank} ${j + 1}/${s.ordered.length} (${figureLabel(s.instrument, s.orderBy, lang)})`
  );
}

/**
 * Above 100 networks: each panel shows every network as a dot at its rank on
 * the ordering variable (x: 1 = highest, left) and its value (y), coloured by
 * size, with a light-blue running mean over ranks: a pattern shows as a
 * running mean that falls or rises with the left panel's. No per-point x
 * values (x0/dx) and one hovertemplate per panel keep it small.
 */
function patternDots(s: Shape): FigureSpec {
  const { o, names, ordered, instrument, variables, orderBy } = s;
  const lang = o.lang;
  const w = WORDS[lang];
  const count = names.length;
  const layout = baseLayout({ lang, title: compactTitle(o, s.caption, count), subtitle: w.orderedBy(figureLabel(instrument, orderBy, lang)), synthetic: o.synthetic, width: o.width, height: o.height, margin: { l: 80, r: 110, t: 140, b: 90 } });
  const annotations = layout.annotations as unknown[];
  const data: PlotlyTrace[] = [];
  const n = variables.length;
  const plotPx = o.height - 140 - 90;
  const allMembers = s.members.every((m) => m !== null);
  const orderLabel = figureLabel(instrument, orderBy, lang);
  variables.forEach((v, k) => {
    const xa = k === 0 ? 'x' : `x${k + 1}`;
    const ya = k === 0 ? 'y' : `y${k + 1}`;
    const domain = panelDomain(k, n, 0.045);
    const label = figureLabel(instrument, v, lang);
    const values = ordered.map((r) => valueOf(r, v));
    const scale = isScaleVariable(v, instrument);
    layout[k === 0 ? 'xaxis' : `xaxis${k + 1}`] = axis({ domain, anchor: ya, range: [0, count + 1], autorange: false, showgrid: false, zeroline: false, tickfont: font(11), title: k === 0 ? axisTitle(w.rankBy(orderLabel), 4) : axisTitle(w.rank, 4) });
    layout[k === 0 ? 'yaxis' : `yaxis${k + 1}`] = axis({ anchor: xa, ...valueAxis(s, v, values), title: k === 0 ? axisTitle(scale ? w.score : label, 4) : undefined });
    annotations.push(panelLabel(label, xa));
    const template =
      `<b>%{text}</b><br>${templateText(label)}: %{y${scale ? ':.2f' : ''}}` +
      (allMembers ? `<br>${w.members}: %{marker.color}` : '') +
      `<br>${w.rank} %{x}/${count} (${templateText(orderLabel)})<extra></extra>`;
    data.push({
      type: 'scatter',
      name: label,
      mode: 'markers',
      x0: 1,
      dx: 1,
      y: values.map(round3),
      text: names,
      xaxis: xa,
      yaxis: ya,
      marker: { color: s.members.map((m) => m ?? s.cmin), coloraxis: 'coloraxis', size: count > 500 ? 3 : 4.5, opacity: 0.7 },
      hovertemplate: template,
      cliponaxis: false,
      showlegend: false,
    });
    const run = runningMean(values);
    data.push({ type: 'scatter', name: `${label} (${w.runningMean})`, mode: 'lines', x: run.x, y: run.y, xaxis: xa, yaxis: ya, line: { color: THEME.colors.lightBlue, width: 3 }, connectgaps: false, hoverinfo: 'skip', showlegend: false });
    if (s.trend) {
      const fit = trendLine(values);
      if (fit) data.push({ type: 'scatter', name: `${label} (trend)`, mode: 'lines', x: [1, count], y: [round3(fit.a), round3(fit.a + fit.b * (count - 1))], xaxis: xa, yaxis: ya, line: { color: THEME.colors.accent, width: 1.5, dash: 'dash' }, hoverinfo: 'skip', showlegend: false });
    }
    if (k === 0) (layout.shapes as unknown[]).push(outline(domain[0] - 0.045, domain[1] + 0.012, -70 / plotPx, 1 + 40 / plotPx));
  });
  layout.coloraxis = colorAxis(s.cmin, s.cmax, lang);
  layout.showlegend = false;
  return { data, layout };
}

/** The mean over consecutive ranks in about 40 bins, at each bin's middle rank (1-based), 3 decimals. */
function runningMean(values: ReadonlyArray<number | null>): { x: number[]; y: Array<number | null> } {
  const size = Math.max(1, Math.round(values.length / 40));
  const x: number[] = [];
  const y: Array<number | null> = [];
  for (let start = 0; start < values.length; start += size) {
    const part = values.slice(start, start + size).filter((v): v is number => v !== null);
    x.push(Math.round((start + 1 + Math.min(values.length, start + size)) / 2));
    y.push(part.length > 0 ? round3(part.reduce((a, b) => a + b, 0) / part.length) : null);
  }
  return { x, y };
}

/** A round upper end for a count axis (years, members). */
function niceMax(x: number): number {
  if (x <= 0) return 1;
  const step = x > 50 ? 10 : 5;
  return Math.ceil((x * 1.08) / step) * step;
}

/** y = a + b * position over the non-missing values (position 0 = left); null with fewer than two. */
function trendLine(values: ReadonlyArray<number | null>): { a: number; b: number } | null {
  const xs: number[] = [];
  const ys: number[] = [];
  values.forEach((y, x) => {
    if (y !== null) {
      xs.push(x);
      ys.push(y);
    }
  });
  return xs.length < 2 ? null : leastSquares(xs, ys);
}
