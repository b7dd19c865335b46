/**
 * What every notebook starts with: the study folder and the language, taken
 * from the environment so that `npm run reproduce -- --data DIR --lang en`
 * runs the same notebooks on your own data:
 *
 *   DV_DATA_DIR  folder with survey.csv (and networks.csv, pilot.csv,
 *                instrument.json); default the shipped synthetic data/
 *   DV_LANG      'nl' (default, as the report) or 'en'
 *
 * Loads the folder with loadStudyData (the validating loaders) and hands back
 * plain rows, typed for the analysis functions, and the study definition
 * (`study.definition`: the report's study, the folder's own study.json, or
 * one derived from its codebook), so that a notebook shows what the study
 * has and says in one line what it skips.
 */
import * as path from 'node:path';
import * as aq from 'arquero';
import { scoreTableOf } from '../analysis/tables';
import { DEFAULT_DATA_DIR, loadStudyData, type StudyData } from '../io/loadStudyData';
import { checkLanguage, codebookLabel, isLanguage, type Instrument, type Language } from '../io/instrument';
import type { SurveyRow } from '../analysis/scaleScores';
import { networkTable, type NetworkTableRow } from '../analysis/networkTable';
import { UserInputError } from '../util/errors';
import { SYNTHETIC_MARK } from '../io/synthetic';
import { GROUP_VARIABLES, reportStudyDefinition, type Finding, type PatternDefinition, type StudyDefinition } from '../io/studyDefinition';
import { DEFAULT_MAX_PORTRAITS, GENERIC_CAPTIONS } from '../figures/reportFigures';

export interface Study {
  /** The data folder (absolute). */
  dataDir: string;
  /** True when the folder is the shipped synthetic data. */
  isDefault: boolean;
  lang: Language;
  instrument: Instrument;
  /** True when every survey row is marked as this project's synthetic data. */
  synthetic: boolean;
  /** survey.csv as an Arquero table, and as rows. */
  surveyTable: aq.ColumnTable;
  survey: SurveyRow[];
  /** networks.csv (null when the folder has none). */
  networksTable: aq.ColumnTable | null;
  networks: SurveyRow[] | null;
  /** pilot.csv (null when the folder has none). */
  pilotTable: aq.ColumnTable | null;
  pilot: SurveyRow[] | null;
  /** One row per network with every construct mean: the network-level data (N = number of networks). */
  networkRows: NetworkTableRow[];
  /** Loader warnings. */
  warnings: string[];
  /** The study definition: portrait, boundaries, motivation, overlap, pattern figures, claims. */
  definition: StudyDefinition;
  /** Where the definition came from, in one line. */
  studyLine: string;
  /** Everything loadStudyData returned. */
  data: StudyData;
}

/** The language from DV_LANG (default 'nl'). */
export function studyLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const v = (env.DV_LANG ?? '').trim().toLowerCase();
  if (v === '') return 'nl';
  // checked as written, so the error quotes the variable's own value
  return isLanguage(v) ? v : checkLanguage(env.DV_LANG, 'DV_LANG');
}

/** The data folder from DV_DATA_DIR (default the shipped data/). */
export function studyDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const v = (env.DV_DATA_DIR ?? '').trim();
  return v === '' ? DEFAULT_DATA_DIR : path.resolve(v);
}

/**
 * Opens the study named by DV_DATA_DIR / DV_LANG (or the arguments).
 *
 * @example
 *   const study = openStudy();           // in a notebook
 *   study.surveyTable.groupby('network').count().print();
 */
export function openStudy(options: { dataDir?: string; lang?: Language } = {}): Study {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : studyDataDir();
  const lang = options.lang ?? studyLanguage();
  const data = loadStudyData(dataDir);
  const survey = data.survey.table.objects() as SurveyRow[];
  const networks = data.networks ? (data.networks.table.objects() as SurveyRow[]) : null;
  return {
    dataDir: data.dataDir,
    isDefault: path.resolve(data.dataDir) === path.resolve(DEFAULT_DATA_DIR),
    lang,
    instrument: data.instrument,
    synthetic: data.synthetic,
    surveyTable: data.survey.table,
    survey,
    networksTable: data.networks ? data.networks.table : null,
    networks,
    pilotTable: data.pilot ? data.pilot.table : null,
    pilot: data.pilot ? (data.pilot.table.objects() as SurveyRow[]) : null,
    networkRows: networkTable(survey, data.instrument, { networks: networks ?? undefined }),
    warnings: data.warnings,
    definition: data.study.definition,
    studyLine: data.study.line,
    data,
  };
}

/**
 * The group-level variables among `ids` that this study's data have: the
 * codebook's constructs, `members`, and `years` when networks.csv gives them.
 *
 * @example
 *   present(study, ['impact', 'shared_vision', 'years']); // ['impact', 'shared_vision'] on a folder without years
 */
export function present(study: Pick<Study, 'instrument' | 'networkRows'>, ids: readonly string[]): string[] {
  const constructs = new Set(study.instrument.constructs.map((c) => c.id));
  const hasYears = study.networkRows.some((r) => r.years !== null);
  return ids.filter((id) => (id === 'years' ? hasYears : id === 'members' ? true : constructs.has(id)));
}

/**
 * A pattern figure of the study: the one with this id, else the k-th
 * (0-based) of the study's patterns, else null. With `variables` limited
 * to those the data have.
 *
 * @example
 *   const pattern = studyPattern(study, 'impact', 1); // Figure 16 on the report's study
 */
export function studyPattern(study: Pick<Study, 'definition' | 'instrument' | 'networkRows'>, id: string, k: number): PatternDefinition | null {
  const p = study.definition.patterns.find((x) => x.id === id) ?? study.definition.patterns[k] ?? null;
  if (p === null || present(study, [p.orderBy]).length === 0) return null;
  const variables = present(study, p.variables);
  return variables.length >= 2 ? { ...p, variables } : null;
}

/**
 * Why a group-level variable is not in this study's data, in a few words, or
 * null when it is: `years` needs networks.csv with a "years" column, a
 * construct must be in the codebook.
 *
 * @example
 *   whyAbsent(study, 'years'); // 'no networks.csv in the data folder, which gives the years'
 */
export function whyAbsent(study: Pick<Study, 'instrument' | 'networkRows' | 'networks'>, variable: string): string | null {
  if (present(study, [variable]).length > 0) return null;
  if (variable === 'years') return study.networks ? 'no "years" column in networks.csv' : 'no networks.csv in the data folder, which gives the years';
  if ((GROUP_VARIABLES as readonly string[]).includes(variable)) return `no "${variable}" in the data`;
  return `the codebook has no "${variable}"`;
}

/**
 * One line for a notebook cell that cannot run on this study: what it skips
 * and why (the missing variables, or the reason given).
 *
 * @example
 *   skipLine(study, 'Figure 13 (years)', ['years']);
 *   // 'Skipped Figure 13 (years): no networks.csv in the data folder, which gives the years.'
 */
export function skipLine(study: Pick<Study, 'instrument' | 'networkRows' | 'networks'>, what: string, need: readonly string[] | string): string {
  const why = typeof need === 'string' ? need : need.map((v) => whyAbsent(study, v)).filter((x): x is string => x !== null).join('; ') || 'nothing is missing';
  return `Skipped ${what}: ${why}.`;
}

/**
 * Why `studyPattern(study, id, k)` gives no pattern, as one line for the
 * notebook (null when it gives one).
 */
export function patternSkipLine(study: Pick<Study, 'definition' | 'instrument' | 'networkRows' | 'networks'>, id: string, k: number): string | null {
  if (studyPattern(study, id, k) !== null) return null;
  const p = study.definition.patterns.find((x) => x.id === id) ?? study.definition.patterns[k] ?? null;
  const what = `the pattern figure "${p?.id ?? id}"`;
  if (p === null) return skipLine(study, what, `the study defines ${study.definition.patterns.length === 0 ? 'no pattern figures' : `${study.definition.patterns.length} pattern figure${study.definition.patterns.length === 1 ? '' : 's'} and none with id "${id}"`} (study.json "patterns")`);
  const order = whyAbsent(study, p.orderBy);
  if (order !== null) return skipLine(study, what, `it is ordered by "${p.orderBy}": ${order}`);
  return skipLine(study, what, `fewer than two of its variables are in the data (${p.variables.filter((v) => whyAbsent(study, v) !== null).map((v) => `${v}: ${whyAbsent(study, v)}`).join('; ')})`);
}

/**
 * The number a figure of this study has in its figure set (reportFigures,
 * `npm run figures`): one portrait per group (one overview above
 * DEFAULT_MAX_PORTRAITS groups), then motivation, boundaries, years,
 * overlap, the study's pattern figures in order, and response. On the
 * report's study: portraits 1-10, motivation 11, ..., patterns 15-17.
 *
 * @example
 *   figureNumber(study, 'patterns-impact'); // 16 on the report's study
 */
export function figureNumber(study: Pick<Study, 'definition' | 'survey' | 'networks'>, key: 'portrait' | 'motivation' | 'boundaries' | 'years' | 'overlap' | 'response' | `patterns-${string}`): number {
  const groups = study.networks ? study.networks.length : new Set(study.survey.map((r) => String(r.network))).size;
  const portraits = groups <= DEFAULT_MAX_PORTRAITS ? Math.max(1, groups) : 1;
  const keys = ['motivation', 'boundaries', 'years', 'overlap', ...study.definition.patterns.map((p) => `patterns-${p.id}`), 'response'];
  if (key === 'portrait') return 1;
  const k = keys.indexOf(key);
  if (k < 0) throw new UserInputError(`figureNumber: no figure "${key}" in this study; its figures: portrait, ${keys.join(', ')}.`);
  return portraits + 1 + k;
}

/**
 * The scale scores as an Arquero table: one row per respondent with
 * `respondent_id`, `network` and one column per scale (the mean of its final
 * items; null where the respondent has none), joined by row, so a cell can
 * go on with groupby/rollup/derive.
 *
 * @example
 *   scoreTable(study).groupby('network').rollup({ trust: op.mean('trust') });
 */
export function scoreTable(study: Pick<Study, 'survey' | 'instrument'>, constructs?: readonly string[]): aq.ColumnTable {
  return scoreTableOf(study.survey, study.instrument, { constructs: constructs ? [...constructs] : undefined });
}

/**
 * The title of a figure as `npm run figures` gives it: the study's caption
 * (study.json "captions") in the study's language; without one, the
 * builder's own title on the report's study (undefined) and a generic one on
 * another study.
 */
export function figureCaption(study: Pick<Study, 'definition' | 'lang'>, key: 'motivation' | 'boundaries' | 'overlap'): string | undefined {
  // as reportFigures: the builders' own titles name the report's networks, so another study gets a generic one
  const report = study.definition.id === reportStudyDefinition().id;
  return (study.definition.captions[key] ?? (report ? undefined : GENERIC_CAPTIONS[key]))?.[study.lang];
}

/** The claims of the study read from these pattern figures (null: the claims read from no figure). */
export function claimsOf(study: Pick<Study, 'definition'>, patterns: ReadonlyArray<string | null>): Finding[] {
  return study.definition.claims.filter((c) => patterns.includes(c.pattern));
}

/** A construct's (or an item's) name in the study's language: codebookLabel with the study's codebook and language. */
export function constructLabel(study: Pick<Study, 'instrument' | 'lang'>, id: string): string {
  return codebookLabel(study.instrument, id, study.lang);
}

/** One line saying which data a notebook runs on (for the top of each notebook). */
export function studyBanner(study: Study): string {
  const where = study.isDefault ? 'the shipped default data (data/)' : study.dataDir;
  const calibrated = study.survey.every((r) => r.data_origin === SYNTHETIC_MARK);
  const kind = study.synthetic ? (calibrated ? 'SYNTHETIC data calibrated to the report, not real answers' : 'SYNTHETIC data, generated, not real answers') : 'your own data';
  const counts = [`${study.survey.length} survey rows`, study.networks ? `${study.networks.length} networks` : null, study.pilot ? `${study.pilot.length} pilot rows` : null].filter(Boolean).join(', ');
  const warn = study.warnings.length > 0 ? `\n${study.warnings.map((w) => `warning: ${w}`).join('\n')}` : '';
  return `Data: ${where}: ${kind}; ${counts}; labels ${study.lang === 'nl' ? 'Dutch (nl)' : 'English (en)'}.\n${study.studyLine}.${warn}`;
}

/** The options every figure builder takes, for this study: codebook, language, and the synthetic mark. */
export function figureOptions(study: Pick<Study, 'instrument' | 'lang' | 'synthetic'>): { instrument: Instrument; lang: Language; synthetic: boolean } {
  return { instrument: study.instrument, lang: study.lang, synthetic: study.synthetic };
}

/** The pilot rows, or a clear error when the data folder has no pilot.csv. */
export function requirePilot(study: Pick<Study, 'pilot' | 'dataDir'>): SurveyRow[] {
  if (!study.pilot) throw new UserInputError(`${study.dataDir} has no pilot.csv: the scale construction (notebook 02) needs the pilot on the long item pool.`);
  return study.pilot;
}
