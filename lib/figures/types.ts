/**
 * The figure spec every builder returns: a plain, JSON-serialisable plotly.js
 * figure `{ data, layout }`. Nothing in it is a function or a class instance,
 * so a spec can be saved, compared in a test, sent to a browser or rendered to
 * SVG/PNG by `exportFigures`.
 */
import type { Instrument, Language } from '../io/instrument';

/** One plotly trace (`type` is required so a spec says what it draws). */
export interface PlotlyTrace {
  type: string;
  [attribute: string]: unknown;
}

/** A plotly layout; builders always set `width`, `height` and `title`. */
export interface PlotlyLayout {
  [attribute: string]: unknown;
}

export interface FigureSpec {
  data: PlotlyTrace[];
  layout: PlotlyLayout;
}

/** A spec with the file name it is exported under (without extension). */
export interface NamedFigure {
  name: string;
  spec: FigureSpec;
}

/** Options every builder accepts. */
export interface FigureOptions {
  /** Language of every label: 'nl' (default, as in the report) or 'en'. */
  lang?: Language | string;
  /**
   * Mark the figure "synthetische data" / "synthetic data". The caller decides,
   * from the data's `data_origin` column (`isSyntheticOrigin`).
   */
  synthetic?: boolean;
  /** Figure number in the title ("Figuur 16: ..."); builders of report figures know their own. */
  number?: number;
  /** Replaces the title text after "Figuur N: ". */
  title?: string;
  /** Size in CSS pixels (exports use it, so output is the same everywhere). */
  width?: number;
  height?: number;
}

/** Options of builders that name constructs: the codebook gives the Dutch and English names. */
export interface InstrumentFigureOptions extends FigureOptions {
  instrument: Instrument;
}
