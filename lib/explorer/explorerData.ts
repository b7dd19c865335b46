/**
 * The explorer's data: every group-level variable of a study as one compact
 * JSON object that the page draws from without a kernel: construct means
 * (scales, boundary dimensions, counts), size, years, response, the mean of
 * each motivation reason, the numeric columns of networks.csv, its
 * categorical columns (to colour by), the portraits' bands, the portraits
 * split by a background variable (organisation type, role) with the privacy
 * minimum applied, the study's patterns as saved views, and the small-N rules
 * of the findings table.
 *
 * Values are rounded to 6 decimals: the page shows 2, and its statistics are
 * computed on exactly these numbers (tests/explorer compare them with
 * lib/stats on the same numbers).
 */
import { ASYMPTOTIC_ABOVE, criticalR, findingRules } from '../analysis/evaluateFindings';
import { motivationSummary } from '../analysis/motivationSummary';
import { networkSummary } from '../analysis/networkSummary';
import { networkTable, type NetworkTableRow } from '../analysis/networkTable';
import { completeCount, resolvePrivacy, type PrivacyOptions } from '../analysis/privacy';
import type { SurveyRow } from '../analysis/scaleScores';
import type { Bilingual, Instrument } from '../io/instrument';
import type { StudyDefinition } from '../io/studyDefinition';
import { isScaleVariable } from '../figures/common';
import { WORDS } from '../figures/i18n';
import { UserInputError } from '../util/errors';
import type { ExplorerCategory, ExplorerData, ExplorerSplit, ExplorerVariable, PortraitCell, VariableSource } from './types';
import { savedViews } from './savedViews';

export interface ExplorerInput {
  /** The survey, one row per approached member (`survey.table.objects()`). */
  survey: readonly SurveyRow[];
  /** networks.csv rows (`networks.table.objects()`), when the study has them. */
  networks?: readonly SurveyRow[] | null;
  instrument: Instrument;
  /** The study definition (`study.definition` of loadStudyData): portrait, boundaries, motivation, patterns. */
  definition: StudyDefinition;
  /** The data are the project's synthetic data (the page says so). */
  synthetic?: boolean;
}

export interface ExplorerDataOptions {
  /**
   * The least number of complete questionnaires of a subgroup cell (default
   * 5, lib/analysis/privacy.ts); with `action: 'suppress'` also groups below
   * it are left out, as in the report.
   */
  privacy?: PrivacyOptions;
  /** Monte Carlo permutations above 10 groups (default 9,999, as the findings). */
  permutations?: number;
  /** Seed of the Monte Carlo permutations (default 'delicate-verbanden/explorer'). */
  seed?: string;
}

/** Bookkeeping columns of networks.csv: neither a variable nor a colour. */
const NOT_VARIABLES = new Set(['network', 'years', 'members', 'years_fig13', 'fig18_letter', 'report_section', 'data_origin', 'notes', 'website']);
/** A categorical column colours the groups when it has 2 to this many distinct values. */
const MAX_LEVELS = 12;
/**
 * Above this many groups a panel draws the density of its dots (one image)
 * instead of each dot: plotly draws every dot as an SVG element, and at 2,000
 * groups in four panels that took seconds (docs/benchmarks.md, "Explorer").
 */
export const DENSE_ABOVE = 500;
const NUMBER = /^-?\d+([.,]\d+)?$/;

/** Bands are only drawn (never computed with in the page): three decimals are more than a pixel. */
const round3 = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 1e3) / 1e3);
/**
 * Values that six decimals make equal but are not keep every digit, so that
 * the page orders the groups as the report's figures do (on the default data,
 * Apeliotes and Thrascias on administrative divisions differ in the seventh
 * decimal; equal means can differ in the last bit, and the figures sort on that).
 */
function keepOrder(values: ReadonlyArray<number | null>, rounded: Array<number | null>): Array<number | null> {
  const byRounded = new Map<number, number[]>();
  rounded.forEach((v, i) => {
    if (v !== null) byRounded.set(v, [...(byRounded.get(v) ?? []), i]);
  });
  for (const same of byRounded.values()) {
    if (same.length > 1 && new Set(same.map((i) => values[i])).size > 1) for (const i of same) rounded[i] = values[i];
  }
  return rounded;
}
const round6 = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 1e6) / 1e6);

/** A round upper end for a count axis (as the pattern figures' niceMax). */
function niceMax(values: ReadonlyArray<number | null>): number {
  const x = Math.max(0, ...values.map((v) => v ?? 0));
  if (x <= 0) return 1;
  const step = x > 50 ? 10 : x > 5 ? 5 : 1;
  return Math.ceil((x * 1.08) / step) * step;
}

const both = (nl: string, en: string): Bilingual => ({ nl, en });

/**
 * @example
 *   const study = loadStudyData();
 *   const data = explorerData({ survey: study.survey.table.objects(), networks: study.networks?.table.objects(),
 *     instrument: study.instrument, definition: study.study.definition, synthetic: study.synthetic });
 *   data.variables.find((v) => v.id === 'impact')!.values; // one mean per network
 */
export function explorerData(input: ExplorerInput, options: ExplorerDataOptions = {}): ExplorerData {
  if (!input || typeof input !== 'object') throw new UserInputError('explorerData: expected { survey, networks, instrument, definition } (loadStudyData gives them all: see explorerDataOf).');
  const { survey, instrument, definition } = input;
  if (!Array.isArray(survey) || survey.length === 0) throw new UserInputError('explorerData: the survey is empty; pass survey.table.objects() of readSurveyCsv or loadStudyData.');
  if (!instrument || !Array.isArray(instrument.constructs)) throw new UserInputError('explorerData: instrument (the codebook, readInstrument()) is required.');
  if (!definition || !Array.isArray(definition.patterns)) throw new UserInputError('explorerData: definition (the study definition, study.definition of loadStudyData) is required.');
  const privacy = resolvePrivacy(options.privacy ?? {});
  const permutations = options.permutations ?? 9999;
  if (!Number.isInteger(permutations) || permutations < 99) throw new UserInputError(`explorerData: permutations must be a whole number >= 99; got ${JSON.stringify(options.permutations)}.`);
  const networks = input.networks ?? [];
  const tableOptions = { networks, ...(options.privacy?.action === 'suppress' ? { privacy: privacy } : {}) };
  const table: NetworkTableRow[] = networkTable(survey, instrument, tableOptions);
  const groups = table.map((r) => r.network);
  const index = new Map(groups.map((g, k) => [g, k]));
  const rowsOfKept = survey.filter((r) => index.has(String(r.network)));

  const variables: ExplorerVariable[] = [];
  const add = (id: string, label: Bilingual, source: VariableSource, values: Array<number | null>, scale: boolean) => {
    const rounded = keepOrder(values, values.map(round6));
    if (rounded.every((v) => v === null)) return;
    variables.push({ id, label, source, range: scale ? [1, 5] : [0, niceMax(rounded)], values: rounded });
  };
  const boundary = new Set(definition.boundaries);
  for (const c of instrument.constructs) {
    if (c.kind !== 'scale' && c.kind !== 'count') continue;
    const source: VariableSource = c.kind === 'count' ? 'count' : boundary.has(c.id) || c.group === 'boundary' ? 'boundary' : 'construct';
    add(c.id, both(c.nl, c.en), source, table.map((r) => r.means[c.id] ?? null), isScaleVariable(c.id, instrument));
  }
  add('members', both(WORDS.nl.members, WORDS.en.members), 'group', table.map((r) => r.members), false);
  add('years', both(WORDS.nl.years, WORDS.en.years), 'group', table.map((r) => r.years), false);
  add('response_rate', both('Respons (%)', 'Response (%)'), 'response', table.map((r) => r.responseRate), false);
  add('responded', both('Respondenten', 'Respondents'), 'response', table.map((r) => r.responded), false);

  if (definition.motivation) {
    const set = instrument.constructs.find((c) => c.id === definition.motivation && c.kind === 'itemset');
    if (set) {
      const rows = motivationSummary(rowsOfKept, instrument, { byNetwork: true, construct: set.id, networkOrder: groups });
      const byItem = new Map<string, Array<number | null>>();
      for (const r of rows) {
        if (r.network === null || !index.has(r.network)) continue;
        const list = byItem.get(r.item) ?? groups.map(() => null);
        list[index.get(r.network)!] = r.mean;
        byItem.set(r.item, list);
      }
      set.items.filter((i) => i.final).forEach((item, k) => {
        const values = byItem.get(item.id);
        if (values) add(item.id, both(`${set.nl} ${k + 1}: ${item.nl}`, `${set.en} ${k + 1}: ${item.en}`), 'motivation', values, isScaleVariable(set.id, instrument));
      });
    }
  }

  // networks.csv: numeric columns are variables, categorical ones colours
  const categories: ExplorerCategory[] = [];
  const byName = new Map(networks.map((n) => [String(n.network), n]));
  const columns = networks.length > 0 ? Object.keys(networks[0]) : [];
  const taken = new Set(variables.map((v) => v.id));
  for (const col of columns) {
    if (NOT_VARIABLES.has(col)) continue;
    const raw = groups.map((g) => {
      const v = byName.get(g)?.[col];
      return v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim();
    });
    const present = raw.filter((v): v is string => v !== null);
    if (present.length === 0) continue;
    if (present.every((v) => NUMBER.test(v))) {
      const id = taken.has(col) ? `networks_${col}` : col;
      add(id, both(col, col), 'networks', raw.map((v) => (v === null ? null : Number(v.replace(',', '.')))), false);
      taken.add(id);
      continue;
    }
    const levels = [...new Set(present)].sort((a, b) => a.localeCompare(b));
    if (levels.length < 2 || levels.length > MAX_LEVELS || levels.length >= groups.length) continue;
    categories.push({ id: col, label: both(col, col), levels, codes: raw.map((v) => (v === null ? -1 : levels.indexOf(v))) });
  }

  // portraits: the study's portrait constructs with their bands
  const portraitIds = definition.portrait.filter((id) => instrument.constructs.some((c) => c.id === id && c.kind === 'scale'));
  const cellsOf = (rows: readonly SurveyRow[]): Map<string, PortraitCell[]> => {
    const out = new Map<string, PortraitCell[]>();
    if (rows.length === 0 || portraitIds.length === 0) return out;
    for (const s of networkSummary(rows, instrument, { constructs: portraitIds })) {
      out.set(
        s.network,
        s.scores.map((x): PortraitCell => (x.mean === null ? null : [round3(x.mean) as number, round3(x.lower), round3(x.upper), x.n])),
      );
    }
    return out;
  };
  const all = cellsOf(rowsOfKept);
  const bands = groups.map((g) => all.get(g) ?? portraitIds.map(() => null));

  // subgroups: a group's portrait per level of a background variable; cells below the privacy minimum are left out
  const splits: ExplorerSplit[] = [];
  for (const b of instrument.background ?? []) {
    if (!rowsOfKept.some((r) => r[b.id] !== undefined && r[b.id] !== null && r[b.id] !== '')) continue;
    const cells: ExplorerSplit['cells'] = groups.map(() => b.levels.map(() => null));
    b.levels.forEach((level, li) => {
      const rows = rowsOfKept.filter((r) => String(r[b.id]) === level.code);
      const byGroup = new Map<string, SurveyRow[]>();
      for (const r of rows) {
        const g = String(r.network);
        const list = byGroup.get(g) ?? [];
        list.push(r);
        byGroup.set(g, list);
      }
      const allowed = rows.filter((r) => completeCount(byGroup.get(String(r.network)) ?? []) >= privacy.minComplete);
      const described = cellsOf(allowed);
      for (const [g, c] of described) cells[index.get(g)!][li] = c;
    });
    splits.push({ id: b.id, label: both(b.nl, b.en), levels: b.levels.map((l) => ({ code: l.code, label: both(l.nl, l.en) })), cells });
  }

  const n = groups.length;
  const oneSided = [0, 0, 0];
  const twoSided = [0, 0, 0];
  for (let k = 3; k <= n; k++) {
    oneSided.push(Math.round(criticalR(k, false) * 1e4) / 1e4);
    twoSided.push(Math.round(criticalR(k, true) * 1e4) / 1e4);
  }
  const rule = (k: number): Bilingual => ({ nl: findingRules(k, 'nl')[1], en: findingRules(k, 'en')[1] });
  const known = new Set(variables.map((v) => v.id));
  return {
    version: 1,
    title: definition.title,
    synthetic: input.synthetic ?? false,
    groups,
    variables,
    categories,
    portrait: { constructs: portraitIds, labels: portraitIds.map((id) => { const c = instrument.constructs.find((k) => k.id === id)!; return both(c.nl, c.en); }), bands },
    splits,
    minComplete: privacy.minComplete,
    savedViews: savedViews(definition, known),
    critical: { oneSided, twoSided },
    methodRules: { exact: rule(10), 'monte-carlo': rule(11), t: rule(ASYMPTOTIC_ABOVE + 1) },
    asymptoticAbove: ASYMPTOTIC_ABOVE,
    permutations,
    denseAbove: DENSE_ABOVE,
    seed: options.seed ?? 'delicate-verbanden/explorer',
  };
}

/**
 * The explorer's data of a loaded study folder.
 *
 * @example
 *   const data = explorerDataOf(loadStudyData('my-study'));
 */
export function explorerDataOf(study: { survey: { table: { objects(): unknown[] } }; networks: { table: { objects(): unknown[] } } | null; instrument: Instrument; study: { definition: StudyDefinition }; synthetic: boolean }, options: ExplorerDataOptions = {}): ExplorerData {
  if (!study || typeof study !== 'object' || !study.survey || !study.study) throw new UserInputError('explorerDataOf: expected the result of loadStudyData(dir).');
  return explorerData(
    {
      survey: study.survey.table.objects() as SurveyRow[],
      networks: (study.networks?.table.objects() as SurveyRow[] | undefined) ?? null,
      instrument: study.instrument,
      definition: study.study.definition,
      synthetic: study.synthetic,
    },
    options,
  );
}
