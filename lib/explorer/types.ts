/**
 * The shapes the explorer passes around: its data (every group-level
 * variable of a study, compact JSON the page draws from) and a view (what a
 * researcher looks at: a small JSON object a study definition, a notebook
 * cell or a URL fragment can hold).
 */
import type { Bilingual, Language } from '../io/instrument';

/** Where a group-level variable comes from (the control groups them by it). */
export type VariableSource = 'construct' | 'boundary' | 'count' | 'group' | 'response' | 'motivation' | 'networks';

export interface ExplorerVariable {
  id: string;
  label: Bilingual;
  source: VariableSource;
  /** The axis range: [1, 5] for a 1-5 scale, [0, a round maximum] otherwise. */
  range: [number, number];
  /** One value per group (in `groups` order), rounded to 6 decimals; null when the group has none. */
  values: Array<number | null>;
}

/** A categorical column of networks.csv the groups can be coloured by. */
export interface ExplorerCategory {
  id: string;
  label: Bilingual;
  /** The distinct values, sorted. */
  levels: string[];
  /** Per group: index into levels, or -1 when empty. */
  codes: number[];
}

/** One construct of a portrait cell: [mean, lower, upper, n] (band = mean +/- 2 SE), or null. */
export type PortraitCell = [number, number | null, number | null, number] | null;

export interface ExplorerSplit {
  /** The background variable (codebook `background`), e.g. 'org_type'. */
  id: string;
  label: Bilingual;
  levels: Array<{ code: string; label: Bilingual }>;
  /** cells[group][level][construct]; a level of a group with fewer complete questionnaires than the minimum is null (not in the page at all). */
  cells: Array<Array<PortraitCell[] | null>>;
}

export interface ExplorerData {
  /** Format version of this object. */
  version: 1;
  title: Bilingual;
  synthetic: boolean;
  /** The groups (networks), in the table's order. */
  groups: string[];
  variables: ExplorerVariable[];
  categories: ExplorerCategory[];
  portrait: {
    constructs: string[];
    labels: Bilingual[];
    /** bands[group][construct]. */
    bands: PortraitCell[][];
  };
  /** Splits of the portraits by a background variable, with the privacy minimum applied. */
  splits: ExplorerSplit[];
  /** Least number of complete questionnaires of a subgroup cell shown (lib/analysis/privacy.ts). */
  minComplete: number;
  /** The study's patterns, as saved views. */
  savedViews: SavedView[];
  /** The small-N caution of the findings table (findingRules): critical r per N, index N (0 below 3). */
  critical: { oneSided: number[]; twoSided: number[] };
  /** How p is obtained at each N: the findings table's rules, in both languages. */
  methodRules: Record<'exact' | 'monte-carlo' | 't', Bilingual>;
  /** Above this many groups p comes from the t distribution (ASYMPTOTIC_ABOVE of the findings). */
  asymptoticAbove: number;
  /** Monte Carlo permutations between 10 and asymptoticAbove groups. */
  permutations: number;
  /** Above this many groups the panels show the density of the groups' dots instead of each dot. */
  denseAbove: number;
  /** The seed of the Monte Carlo permutations (with the two variables' ids appended). */
  seed: string;
}

export type ExplorerMode = 'patterns' | 'portrait' | 'compare';

/**
 * What the explorer shows. In `patterns` mode: the groups ordered by
 * `orderBy` (highest first), one panel per variable of `panels` beside it,
 * coloured by `colour`, with `focus` highlighted and `dropped` left out of
 * the panels and the statistics. In `portrait` mode: the portrait of `focus`
 * (split by `split` when given); in `compare` mode: the portraits of
 * `compare` overlaid.
 */
export interface View {
  mode: ExplorerMode;
  orderBy: string;
  panels: string[];
  colour?: string;
  focus?: string;
  dropped?: string[];
  compare?: string[];
  split?: string;
}

export interface SavedView {
  id: string;
  label: Bilingual;
  view: View;
}

export interface ExplorerHtmlOptions {
  lang?: Language;
  /** The view shown first (default: the first saved view, else the first variables). */
  view?: View;
  /** The plotly.js bundle text to inline (default: the cartesian bundle from node_modules). null: the page (a report section, a later notebook output) already has window.Plotly. */
  plotly?: string | null;
  /** A whole page (default) or a fragment to put in another page (a report section, a notebook output). */
  page?: boolean;
  /** The id of the explorer's element (default 'dv-explorer'); unique in its page. */
  id?: string;
  /**
   * An image of the first view for where scripts do not run (a notebook on
   * GitHub or nbviewer): its SVG, or 'spec' to carry the figure's spec for the
   * notebooks' static-figure step to render (scripts/jupyter/staticFigures.ts).
   * Default none (the report and the page run their scripts).
   */
  staticFigure?: { svg: string } | 'spec';
}
