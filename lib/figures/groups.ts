/**
 * How the figures grow with the number of groups (networks, schools, teams):
 * the one rule every category axis of groups follows.
 *
 * - Up to REPORT_GROUPS (10, the report's networks) a figure keeps the
 *   report's layout, byte for byte.
 * - Up to COMPACT_ABOVE (100) every group keeps its bar and its label:
 *   groups become rows (a horizontal layout, so names read without
 *   rotation), the figure grows by a row height per group
 *   (`rowsLength`), and each group axis lists every group as a tick
 *   (`categoryTicks`), so plotly never skips one.
 * - Above COMPACT_ABOVE one bar per group no longer reads: the figures show
 *   one dot per group over a box of their spread (`stripTrace`), or, for the
 *   patterns, a dot per group by rank with a running mean. Hover names the
 *   group; numbers are rounded to 3 decimals (`round3`); hover texts are one
 *   `hovertemplate` per trace over per-point `text` (the group's name)
 *   instead of one long string per point, so a figure of 2,000 groups stays
 *   a few hundred kB.
 */
import { THEME } from './theme';
import type { PlotlyTrace } from './types';

/** The report's ten networks: up to this many groups nothing changes. */
export const REPORT_GROUPS = 10;
/** Above this many groups the per-group figures switch to their compact forms. */
export const COMPACT_ABOVE = 100;

export type GroupScale = 'report' | 'rows' | 'compact';

/** Which layout a figure of `n` groups takes (see the file comment). */
export function groupScale(n: number): GroupScale {
  if (n <= REPORT_GROUPS) return 'report';
  return n <= COMPACT_ABOVE ? 'rows' : 'compact';
}

/** Pixels per group row in the rows layout (a 12 px label with room to spare). */
export const ROW_PX = 18;

/** Pixels of axis per category below which plotly starts skipping category labels: 1.2 x the tick font size (its own rule). */
export const CATEGORY_PX_PER_FONT = 1.2;

/**
 * The ticks of a category axis so that every category is labelled: the
 * categories as an explicit tick list once there are more than the report's
 * ten, or whenever the axis is too short for plotly to label them all
 * (then the figure must also grow: `rowsLength`). Otherwise nothing is added,
 * so the report's figures stay as they were.
 */
export function categoryTicks(names: readonly string[], axisPx: number, fontSize: number): Record<string, unknown> {
  const fits = axisPx >= names.length * fontSize * CATEGORY_PX_PER_FONT;
  if (names.length <= REPORT_GROUPS && fits) return {};
  return { tickmode: 'array', tickvals: [...names] };
}

/** A reversed category axis of `n` rows (first at the top) without the padding plotly's autorange adds. */
export function rowsRange(n: number): Record<string, unknown> {
  return { range: [n - 0.5, -0.5], autorange: false };
}

/** A figure length (px) with `rowPx` per category plus `fixedPx` of margins, never below the figure's usual length. */
export function rowsLength(n: number, rowPx: number, fixedPx: number, usual: number): number {
  return Math.max(usual, Math.ceil(fixedPx + n * rowPx));
}

/** A value rounded to 3 decimals (compact figures carry no more than they show). */
export function round3(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 1000) / 1000;
}

/** Plotly text (escaped with plotlyText) for the fixed part of a hovertemplate: plotly's own markers (%{...}) taken out too. */
export function templateText(s: string): string {
  return s.replace(/%\{/g, '%&#123;');
}

export interface StripInput {
  /** The row label as plotly text (the box sits at this category of the y axis). */
  name: string;
  /** One value per group (null: the group has none and is left out). */
  values: ReadonlyArray<number | null>;
  /** The groups' names as plotly text (escaped with plotlyText), in the order of `values`. */
  groups: readonly string[];
  /** Per-trace hover: `%{text}` is the group, `%{x}` the value. */
  hovertemplate: string;
  color?: string;
  xaxis?: string;
  yaxis?: string;
  /** Extra per-point data for the hovertemplate (`%{customdata[0]}`), in the order of `values`. */
  customdata?: ReadonlyArray<unknown>;
}

/**
 * One row of a compact figure: every group as a dot (jittered) over a box of
 * their spread, horizontal. The row's position is its `name`, so no per-point
 * y values are written.
 */
export function stripTrace(input: StripInput): PlotlyTrace {
  const keep = input.values.map((v, k) => (v === null || !Number.isFinite(v) ? -1 : k)).filter((k) => k >= 0);
  const many = keep.length > 500;
  return {
    type: 'box',
    orientation: 'h',
    name: input.name,
    x: keep.map((k) => round3(input.values[k])),
    text: keep.map((k) => input.groups[k]),
    ...(input.customdata ? { customdata: keep.map((k) => input.customdata![k]) } : {}),
    hovertemplate: input.hovertemplate,
    hoveron: 'points',
    boxpoints: 'all',
    jitter: 0.7,
    pointpos: 0,
    fillcolor: 'rgba(0,0,0,0)',
    line: { color: THEME.colors.muted, width: 1 },
    marker: { color: input.color ?? THEME.colors.band, size: many ? 3.5 : 5, opacity: many ? 0.45 : 0.7 },
    ...(input.xaxis ? { xaxis: input.xaxis } : {}),
    ...(input.yaxis ? { yaxis: input.yaxis } : {}),
    showlegend: false,
  };
}
