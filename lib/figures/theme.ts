/**
 * The house theme of the figures: one font, a small palette, and the pieces
 * every figure shares (title "Figuur N: ...", the synthetic-data mark, axes).
 *
 * Colours follow the report's captions: the band of Figures 1-10 is a dark
 * block ("het donkere blokje"), network size in Figures 15-17 a purple scale
 * (darker = more members, "hoe donkerderpaars, hoe meer leden"), the patterns
 * light-blue lines ("lichtblauwe lijnen").
 */
import type { Language } from '../io/instrument';
import type { PlotlyLayout } from './types';
import { formatDecimal } from '../util/formatNumber';
import { plotlyText } from './plotlyText';

export const THEME = {
  /** Liberation Sans is metric-compatible with Arial (Debian: fonts-liberation), so exports look the same everywhere. */
  fontFamily: '"Liberation Sans", Arial, Helvetica, sans-serif',
  fontSize: 13,
  titleSize: 17,
  colors: {
    text: '#1f2328',
    muted: '#5b6270',
    grid: '#e4e6eb',
    axis: '#9aa0aa',
    background: '#ffffff',
    /** The band of Figures 1-10 (mean +/- 2 SE). */
    band: '#1d2b53',
    /** The mean inside the band. */
    mean: '#ffffff',
    meanOutline: '#1d2b53',
    /** Plain bars (years, response, motivation). */
    bar: '#34426b',
    /** Lines marking how networks score (Figures 15-17) and reference lines. */
    lightBlue: '#5fa8e0',
    lightBlueFaint: '#b9dbf5',
    /** A criterion line (.30 item-rest, .90 ICC) and highlighted points. */
    accent: '#c8553d',
    /** The synthetic-data mark. */
    synthetic: '#b03a2e',
  },
  /** Network size (members): light to dark purple. */
  purples: [
    [0, '#dcd3ee'],
    [0.25, '#bfaedd'],
    [0.5, '#8f6fc4'],
    [0.75, '#603a9f'],
    [1, '#3a0c6e'],
  ] as Array<[number, string]>,
  /** Four categories (the boundary dimensions, or two overlap measures). */
  categorical: ['#1d2b53', '#8f6fc4', '#5fa8e0', '#a3a86b'],
  /** Correlations and loadings: blue (negative) - white - red (positive). */
  diverging: [
    [0, '#2166ac'],
    [0.25, '#92c5de'],
    [0.5, '#f7f7f7'],
    [0.75, '#f4a582'],
    [1, '#b2182b'],
  ] as Array<[number, string]>,
} as const;

/** The font object plotly takes. */
export function font(size: number = THEME.fontSize, color: string = THEME.colors.text) {
  return { family: THEME.fontFamily, size, color };
}

/** A number as the language writes it: 3,85 in Dutch, 3.85 in English. */
export function formatNumber(x: number | null | undefined, digits: number, lang: Language): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return lang === 'nl' ? 'onbekend' : 'unknown';
  return formatDecimal(x, digits, lang);
}

/** A text from data escaped for plotly (the one helper: lib/figures/plotlyText.ts); kept under this name for the figures outside this folder. */
export const escapeLabel = plotlyText;

/** Breaks a long text from data into lines of at most `width` characters for plotly (<br>), escaped with plotlyText. */
export function wrapLabel(s: string, width = 40): string {
  return wrapText(plotlyText(s), width);
}

/** Breaks a text that is already plotly text (escaped) into lines of at most `width` characters (<br>). */
export function wrapText(s: string, width = 40): string {
  const words = s.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('<br>');
}

/** The axis style shared by all figures. */
export function axis(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    showgrid: true,
    gridcolor: THEME.colors.grid,
    zeroline: false,
    showline: true,
    linecolor: THEME.colors.axis,
    ticks: 'outside',
    tickcolor: THEME.colors.axis,
    tickfont: font(12),
    automargin: true,
    ...extra,
  };
}

/** An axis title object. */
export function axisTitle(text: string, standoff = 10) {
  return { text, font: font(13, THEME.colors.muted), standoff };
}

export interface BaseLayoutInput {
  lang: Language;
  /** "Figuur 16: Patronen in impact", built by `figureTitle`. */
  title: string;
  subtitle?: string;
  synthetic: boolean;
  width: number;
  height: number;
  margin?: { l?: number; r?: number; t?: number; b?: number };
}

/** The layout every figure starts from. */
export function baseLayout(input: BaseLayoutInput): PlotlyLayout {
  const margin = { l: 80, r: 50, t: input.subtitle ? 110 : 84, b: 70, ...input.margin };
  const layout: PlotlyLayout = {
    width: input.width,
    height: input.height,
    autosize: false,
    font: font(),
    paper_bgcolor: THEME.colors.background,
    plot_bgcolor: THEME.colors.background,
    separators: input.lang === 'nl' ? ',.' : '.,',
    margin: { ...margin, pad: 0 },
    title: {
      text: input.title,
      font: font(THEME.titleSize),
      x: 0,
      xref: 'container',
      xanchor: 'left',
      y: 1,
      yref: 'container',
      yanchor: 'top',
      pad: { l: 16, t: 16 },
      ...(input.subtitle ? { subtitle: { text: input.subtitle, font: font(12, THEME.colors.muted) } } : {}),
    },
    hoverlabel: { font: font(12) },
    annotations: [],
    shapes: [],
  };
  if (input.synthetic) (layout.annotations as unknown[]).push(syntheticMark(input.lang, { height: input.height, top: margin.t, bottom: margin.b }));
  return layout;
}

/** The name of the synthetic-data annotation, so tests and readers can find it. */
export const SYNTHETIC_ANNOTATION = 'synthetic-data-mark';

/**
 * The "synthetische data" / "synthetic data" mark: top right of the figure,
 * just below the title line (so a long title never runs into it). Annotations cannot be placed in container coordinates,
 * so the top of the figure is converted to paper coordinates from the height
 * and margins.
 */
export function syntheticMark(lang: Language, frame: { height: number; top: number; bottom: number }): Record<string, unknown> {
  const plotHeight = Math.max(1, frame.height - frame.top - frame.bottom);
  const y = (frame.height - 42 - frame.bottom) / plotHeight;
  return {
    name: SYNTHETIC_ANNOTATION,
    text: lang === 'nl' ? 'synthetische data' : 'synthetic data',
    xref: 'paper',
    yref: 'paper',
    x: 1,
    y: Number(y.toFixed(4)),
    xanchor: 'right',
    yanchor: 'top',
    showarrow: false,
    font: font(12, THEME.colors.synthetic),
    bordercolor: THEME.colors.synthetic,
    borderwidth: 1,
    borderpad: 3,
  };
}
