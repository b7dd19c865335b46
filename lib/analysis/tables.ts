/**
 * Tables in, tables out: the report's analyses as Arquero tables, so that a
 * notebook cell reads as a pipeline of Arquero verbs
 * (`scores.groupby('network').rollup({ m: op.mean('trust') })`, `derive`,
 * `orderby`, `join`, `fold`, `pivot`).
 *
 * Each function takes what the analysis takes (a survey as an Arquero table
 * or as row objects) or what it returns (networkSummary's rows,
 * evaluateFindings' results), and returns an `aq.ColumnTable` with the same
 * numbers: nothing is recomputed differently and nothing is rounded.
 */
import * as aq from 'arquero';
import type { Instrument } from '../io/instrument';
import { UserInputError } from '../util/errors';
import { scaleScoreColumns, ScaleScoreOptions, SurveyRow } from './scaleScores';
import type { NetworkSummaryRow } from './networkSummary';
import type { FindingResult } from './evaluateFindings';

/** Something with rows: an Arquero table (anything with `objects()`). */
interface RowTable {
  objects(): object[];
  columnNames(): string[];
}

function isRowTable(x: unknown): x is RowTable {
  return typeof x === 'object' && x !== null && typeof (x as RowTable).objects === 'function' && typeof (x as RowTable).columnNames === 'function';
}

function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (typeof x === 'object') return 'an object that is neither an Arquero table nor an array';
  return `${typeof x} ${JSON.stringify(x)}`;
}

/** The rows of an Arquero table or an array of row objects; anything else is a UserInputError saying what `fn` expected. */
function rowsOf(input: unknown, fn: string, expected: string): SurveyRow[] {
  const rows = isRowTable(input) ? (input.objects() as SurveyRow[]) : Array.isArray(input) ? (input as SurveyRow[]) : null;
  if (rows === null) throw new UserInputError(`${fn}: expected ${expected}; got ${describeValue(input)}.`);
  const bad = rows.findIndex((r) => typeof r !== 'object' || r === null || Array.isArray(r));
  if (bad >= 0) throw new UserInputError(`${fn}: row ${bad + 1} is ${describeValue(rows[bad])}; expected ${expected}.`);
  return rows;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export interface ScoreTableOptions extends ScaleScoreOptions {
  /** The survey's column with the group (default 'network'); the table keeps its name. */
  group?: string;
}

/**
 * Scale scores as a table: one row per respondent with `respondent_id` (text;
 * null when the survey has none), the group (`network`; null where missing)
 * and one column per scale construct, the scores of {@link scaleScores}
 * (mean of the final items, reverse-keyed items turned; null where the
 * respondent answered too few items). Options as scaleScores, plus `group`.
 *
 * @example
 *   const scores = scoreTableOf(survey.table, instrument);
 *   scores.columnNames().slice(0, 3);   // ['respondent_id', 'network', 'persons_turnover']
 *   scores.groupby('network').rollup({ m: op.mean('trust') }).orderby(aq.desc('m'));
 *   // the network means of trust, highest first: networkSummary's means
 */
export function scoreTableOf(survey: aq.ColumnTable | readonly SurveyRow[], instrument: Instrument, options: ScoreTableOptions = {}): aq.ColumnTable {
  const rows = rowsOf(survey, 'scoreTableOf(survey, instrument)', 'the survey as an Arquero table (survey.table) or an array of row objects');
  if (typeof instrument !== 'object' || instrument === null || !Array.isArray((instrument as Instrument).constructs)) {
    throw new UserInputError(`scoreTableOf(survey, instrument): expected the codebook (readInstrument()) as the second argument; got ${describeValue(instrument)}.`);
  }
  const group = options.group ?? 'network';
  if (group === 'respondent_id') throw new UserInputError(`scoreTableOf: option group names "respondent_id"; expected the column with the group, such as 'network'.`);
  if (rows.length > 0 && !rows.some((r) => r[group] !== undefined)) {
    const names = isRowTable(survey) ? survey.columnNames() : Object.keys(rows[0]);
    throw new UserInputError(`scoreTableOf: the survey has no column "${group}" (the group); expected one of its columns, such as 'network', as option group. Columns: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', ...' : ''}.`);
  }
  const { ids, columns } = scaleScoreColumns(rows, instrument, options);
  const clash = ids.find((id) => id === group || id === 'respondent_id');
  if (clash) throw new UserInputError(`scoreTableOf: the construct "${clash}" has the name of the ${clash === group ? 'group' : 'respondent'} column; expected distinct names.`);
  const data: Record<string, unknown[]> = {
    respondent_id: rows.map((r) => text(r.respondent_id)),
    [group]: rows.map((r) => text(r[group])),
  };
  ids.forEach((id, k) => {
    data[id] = Array.from(columns[k], (v) => (Number.isNaN(v) ? null : v));
  });
  return aq.table(data);
}

/**
 * networkSummary as a tidy table: one row per network x construct with
 * `network`, `construct`, `n`, `mean`, `sd`, `se`, `lower`, `upper` (the band,
 * mean +/- 2 SE by default), in networkSummary's order. networkSummary
 * carries the standard error; `sd` is se x sqrt(n) (se = sd / sqrt(n), as in
 * describe), equal to describe's sd to rounding in the last digit. Statistics
 * that need n >= 2 are null below it.
 *
 * @example
 *   const summary = groupSummaryTable(networkSummary(survey.table.objects(), instrument));
 *   summary.filter((d) => d.construct === 'trust').orderby(aq.desc('mean'));
 *   summary.groupby('network').pivot('construct', 'mean');   // one row per network, one column per construct
 */
export function groupSummaryTable(summary: readonly NetworkSummaryRow[] | aq.ColumnTable): aq.ColumnTable {
  const expected = 'the result of networkSummary(rows, instrument): rows of { network, scores: [{ construct, n, mean, se, lower, upper }] }';
  const rows = rowsOf(summary, 'groupSummaryTable(summary)', expected) as unknown as NetworkSummaryRow[];
  const bad = rows.findIndex((r) => typeof r.network !== 'string' || !Array.isArray(r.scores));
  if (bad >= 0) {
    const keys = Object.keys(rows[bad]).slice(0, 8).join(', ');
    throw new UserInputError(`groupSummaryTable(summary): row ${bad + 1} has ${keys ? `the keys ${keys}` : 'no keys'}; expected ${expected}.`);
  }
  const cols: Record<'network' | 'construct' | 'n' | 'mean' | 'sd' | 'se' | 'lower' | 'upper', unknown[]> = { network: [], construct: [], n: [], mean: [], sd: [], se: [], lower: [], upper: [] };
  for (const r of rows) {
    for (const s of r.scores) {
      cols.network.push(r.network);
      cols.construct.push(s.construct);
      cols.n.push(s.n);
      cols.mean.push(s.mean);
      cols.sd.push(s.se === null ? null : s.se * Math.sqrt(s.n));
      cols.se.push(s.se);
      cols.lower.push(s.lower);
      cols.upper.push(s.upper);
    }
  }
  return aq.table(cols);
}

/**
 * evaluateFindings' results as a table: one row per claim with `id`, `x`, `y`,
 * `method` (the coefficient p and the interval are for), `n` (networks),
 * `r`, `rho`, `p` (two-sided), `pMethod`, `ci_lower`, `ci_upper` (95%) and
 * `verdict`; null where a claim was not evaluated. The words (claim, reason,
 * remarks) stay in the results.
 *
 * @example
 *   const findings = findingsTable(evaluateFindings(networkTable(rows, instrument)));
 *   findings.filter((d) => d.verdict !== 'holds').select('id', 'r', 'p', 'verdict');
 *   findings.groupby('verdict').count();
 */
export function findingsTable(results: readonly FindingResult[] | aq.ColumnTable): aq.ColumnTable {
  const expected = 'the result of evaluateFindings(table): rows of { id, x, y, n, r, rho, p, pMethod, ci, verdict }';
  const rows = rowsOf(results, 'findingsTable(results)', expected) as unknown as FindingResult[];
  const bad = rows.findIndex((r) => typeof r.id !== 'string' || typeof r.verdict !== 'string' || !('ci' in r));
  if (bad >= 0) {
    const keys = Object.keys(rows[bad]).slice(0, 8).join(', ');
    throw new UserInputError(`findingsTable(results): row ${bad + 1} has ${keys ? `the keys ${keys}` : 'no keys'}; expected ${expected}.`);
  }
  return aq.table({
    id: rows.map((f) => f.id),
    x: rows.map((f) => f.x),
    y: rows.map((f) => f.y),
    method: rows.map((f) => f.method),
    n: rows.map((f) => f.n),
    r: rows.map((f) => f.r),
    rho: rows.map((f) => f.rho),
    p: rows.map((f) => f.p),
    pMethod: rows.map((f) => f.pMethod),
    ci_lower: rows.map((f) => f.ci?.lower ?? null),
    ci_upper: rows.map((f) => f.ci?.upper ?? null),
    verdict: rows.map((f) => f.verdict),
  });
}
