/**
 * Results back out, for colleagues who continue in SPSS or Excel: the table
 * per network (`networkSummary`: members, response, and per characteristic
 * n, mean, SE and band) and the scale scores per respondent, as CSV (comma,
 * or the Dutch flavour: semicolons and decimal commas), Excel (.xlsx) or SPSS
 * (.sav, with variable labels in Dutch or English).
 */
import * as path from 'node:path';
import { Instrument, Language, readInstrument } from '../io/instrument';
import { writeCsv, CsvCell } from '../io/writeCsv';
import { NetworkSummaryRow } from './networkSummary';
import { scaleScores, ScaleScoreOptions, SurveyRow } from './scaleScores';
import { UserInputError } from '../util/errors';
import { writeOutputBytes } from '../io/files';
import { MeasurementLevel } from '../io/sav/format';
import { ColumnarTable, NamedColumn, TableInput, toColumns } from '../io/tableInput';
import { writeSav } from '../io/writeSav';
import { writeXlsx } from '../io/writeXlsx';

/** A table with what SPSS and Excel users want to see with it. */
export interface ResultTable {
  columns: NamedColumn[];
  /** Variable labels by column (written to .sav, and to a "labels" sheet in .xlsx). */
  variableLabels: Record<string, string>;
  /** Measurement levels for .sav. */
  measure?: Record<string, MeasurementLevel>;
  /** Decimals SPSS shows, by column. */
  decimals?: Record<string, number>;
}

export type ExportFormat = 'csv' | 'csv-nl' | 'xlsx' | 'sav';

export interface ExportResultsOptions {
  /** The file to write. */
  file: string;
  /** `csv` (comma, decimal point), `csv-nl` (semicolon, decimal comma, for Dutch Excel), `xlsx` or `sav`. Default: from the file's extension. */
  format?: ExportFormat;
  /** The codebook, for the labels of a network summary (default: the shipped one). */
  instrument?: Instrument;
  /** Language of the labels (default 'nl'). */
  lang?: Language;
  /** Round numbers to this many decimals in CSV and Excel (default: full precision); in .sav the decimals SPSS shows. */
  digits?: number;
  /** .sav compression (default bytecode). */
  compression?: 'none' | 'bytecode';
}

export interface ExportedResults {
  file: string;
  format: ExportFormat;
  rows: number;
  columns: string[];
  warnings: string[];
}

const TEXT = {
  nl: {
    network: 'Netwerk',
    members: 'Benaderde leden',
    responded: 'Respondenten',
    complete: 'Volledig ingevulde vragenlijsten',
    responseRate: 'Respons (%)',
    belowMinimum: 'Minder volledige vragenlijsten dan het minimum (1 = ja)',
    n: 'n',
    mean: 'gemiddelde',
    se: 'standaardfout',
    lower: 'ondergrens band',
    upper: 'bovengrens band',
    respondent: 'Respondentnummer',
    scoreOf: (k: number) => `gemiddelde van ${k} items`,
  },
  en: {
    network: 'Network',
    members: 'Members approached',
    responded: 'Respondents',
    complete: 'Complete questionnaires',
    responseRate: 'Response (%)',
    belowMinimum: 'Fewer complete questionnaires than the minimum (1 = yes)',
    n: 'n',
    mean: 'mean',
    se: 'standard error',
    lower: 'lower bound of band',
    upper: 'upper bound of band',
    respondent: 'Respondent id',
    scoreOf: (k: number) => `mean of ${k} items`,
  },
};

/**
 * The network summary as one row per network: network, members, responded,
 * complete, response_rate, then per characteristic `<construct>_n`,
 * `_mean`, `_se`, `_lower`, `_upper` (the band), with labels.
 *
 * @example
 *   summaryTable(networkSummary(rows, instrument), instrument).columns.map((c) => c.name);
 *   // ['network', 'members', 'responded', 'complete', 'response_rate', 'persons_turnover_n', 'persons_turnover_mean', ...]
 */
export function summaryTable(summary: readonly NetworkSummaryRow[], instrument: Instrument, lang: Language = 'nl'): ResultTable {
  const t = TEXT[lang];
  const constructs = summary[0]?.scores.map((s) => s.construct) ?? [];
  const label = (id: string) => instrument.constructs.find((c) => c.id === id)?.[lang] ?? id;
  const columns: NamedColumn[] = [
    { name: 'network', values: summary.map((s) => s.network) },
    { name: 'members', values: summary.map((s) => s.members) },
    { name: 'responded', values: summary.map((s) => s.responded) },
    { name: 'complete', values: summary.map((s) => s.complete) },
    { name: 'response_rate', values: summary.map((s) => s.responseRate) },
  ];
  const variableLabels: Record<string, string> = {
    network: t.network,
    members: t.members,
    responded: t.responded,
    complete: t.complete,
    response_rate: t.responseRate,
  };
  const decimals: Record<string, number> = { response_rate: 1 };
  const privacy = summary.map((s) => (s as { privacy?: { belowMinimum?: boolean } }).privacy);
  if (privacy.some((p) => p !== undefined)) {
    columns.push({ name: 'below_minimum', values: privacy.map((p) => (p === undefined ? null : p.belowMinimum ? 1 : 0)) });
    variableLabels.below_minimum = t.belowMinimum;
  }
  for (const c of constructs) {
    const scores = summary.map((s) => s.scores.find((x) => x.construct === c));
    for (const part of ['n', 'mean', 'se', 'lower', 'upper'] as const) {
      const name = `${c}_${part}`;
      columns.push({ name, values: scores.map((x) => (x ? x[part] : null)) });
      variableLabels[name] = `${label(c)}: ${t[part]}`;
      if (part !== 'n') decimals[name] = part === 'se' ? 3 : 2;
    }
  }
  return { columns, variableLabels, decimals, measure: { network: 'nominal' } };
}

/**
 * Scale scores per respondent (report 5.4: the mean of a scale's items,
 * reverse-keyed items turned first), with respondent_id and network in front.
 *
 * @example
 *   const scores = scoresTable(survey.table, instrument);
 *   await exportResults(scores, { format: 'sav', file: 'out/scores.sav' });
 */
export function scoresTable(
  survey: ColumnarTable | readonly SurveyRow[],
  instrument: Instrument,
  options: ScaleScoreOptions & { lang?: Language } = {},
): ResultTable {
  const lang = options.lang ?? 'nl';
  const t = TEXT[lang];
  const rows: SurveyRow[] = Array.isArray(survey)
    ? [...(survey as readonly SurveyRow[])]
    : (() => {
        const cols = toColumns(survey as ColumnarTable);
        const n = cols[0]?.values.length ?? 0;
        return Array.from({ length: n }, (_, i) => Object.fromEntries(cols.map((c) => [c.name, c.values[i]])));
      })();
  const scores = scaleScores(rows, instrument, options);
  const constructs = Object.keys(scores[0] ?? {});
  const ids = ['respondent_id', 'network'].filter((k) => rows.some((r) => r[k] !== undefined));
  const columns: NamedColumn[] = [
    ...ids.map((k) => ({ name: k, values: rows.map((r) => (r[k] === undefined ? null : r[k])) })),
    ...constructs.map((c) => ({ name: c, values: scores.map((s) => s[c]) })),
  ];
  const variableLabels: Record<string, string> = { respondent_id: t.respondent, network: t.network };
  const decimals: Record<string, number> = {};
  const measure: Record<string, MeasurementLevel> = {};
  for (const c of constructs) {
    const construct = instrument.constructs.find((k) => k.id === c)!;
    const k = construct.items.filter((it) => options.pool || it.final).length;
    variableLabels[c] = `${construct[lang]} (${t.scoreOf(k)})`;
    decimals[c] = 2;
    measure[c] = 'scale';
  }
  for (const k of Object.keys(variableLabels)) if (!columns.some((c) => c.name === k)) delete variableLabels[k];
  return { columns, variableLabels, decimals, measure };
}

function isSummary(x: unknown): x is NetworkSummaryRow[] {
  return Array.isArray(x) && x.length > 0 && x.every((r) => typeof r === 'object' && r !== null && 'network' in r && Array.isArray((r as NetworkSummaryRow).scores));
}

function isResultTable(x: unknown): x is ResultTable {
  return typeof x === 'object' && x !== null && Array.isArray((x as ResultTable).columns) && typeof (x as ResultTable).variableLabels === 'object';
}

function formatOf(file: string): ExportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.sav') return 'sav';
  throw new UserInputError(`${file}: cannot tell the format from the extension "${ext}"; pass the option format: 'csv', 'csv-nl', 'xlsx' or 'sav'.`);
}

function round(x: unknown, digits: number | undefined): unknown {
  if (digits === undefined || typeof x !== 'number' || !Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function csvCell(x: unknown): CsvCell {
  if (x === null || x === undefined) return null;
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? null : x.toISOString().replace(/T00:00:00\.000Z$/, '');
  return String(x);
}

/**
 * Writes a network summary, a `ResultTable` (from `summaryTable` or
 * `scoresTable`) or any table to CSV, Dutch CSV, Excel or SPSS.
 *
 * @example
 *   const summary = networkSummary(survey.table.objects(), instrument);
 *   await exportResults(summary, { format: 'sav', file: 'out/netwerken.sav' });
 *   await exportResults(summary, { format: 'csv-nl', file: 'out/netwerken.csv' });   // opens in Dutch Excel
 *   await exportResults(scoresTable(survey.table, instrument), { file: 'out/scores.xlsx' });
 */
export async function exportResults(
  results: readonly NetworkSummaryRow[] | ResultTable | TableInput,
  options: ExportResultsOptions,
): Promise<ExportedResults> {
  if (!options || typeof options.file !== 'string' || options.file.trim() === '') {
    throw new UserInputError("exportResults needs the option file, e.g. { format: 'sav', file: 'out/netwerken.sav' }.");
  }
  const format = options.format ?? formatOf(options.file);
  if (!['csv', 'csv-nl', 'xlsx', 'sav'].includes(format)) throw new UserInputError(`Unknown export format "${format}"; use 'csv', 'csv-nl', 'xlsx' or 'sav'.`);
  const lang = options.lang ?? 'nl';
  const result: ResultTable = isSummary(results)
    ? summaryTable(results, options.instrument ?? readInstrument(), lang)
    : isResultTable(results)
      ? results
      : { columns: toColumns(results as TableInput), variableLabels: {} };
  const columns = result.columns;
  if (columns.length === 0) throw new UserInputError('Nothing to export: the results have no columns.');
  const n = columns[0].values.length;
  const names = columns.map((c) => c.name);
  const warnings: string[] = [];
  const asObject = Object.fromEntries(columns.map((c) => [c.name, format === 'sav' ? c.values : c.values.map((v) => round(v, options.digits))]));

  if (format === 'csv' || format === 'csv-nl') {
    const rows = Array.from({ length: n }, (_, i) => columns.map((c) => csvCell(asObject[c.name][i])));
    const text = writeCsv(names, rows, format === 'csv-nl' ? { delimiter: ';', decimalComma: true } : { delimiter: ',' });
    // Dutch Excel reads UTF-8 (é, ë, ï) only with a byte-order mark; the project's own CSV reader accepts one.
    writeOutputBytes(options.file, format === 'csv-nl' ? `\uFEFF${text}` : text);
  } else if (format === 'xlsx') {
    await writeXlsx(options.file, asObject, { variableLabels: result.variableLabels });
  } else {
    const decimals = options.digits === undefined ? result.decimals : Object.fromEntries(names.map((k) => [k, options.digits!]));
    const written = writeSav(options.file, asObject, {
      variableLabels: result.variableLabels,
      measure: result.measure,
      decimals,
      compression: options.compression,
    });
    warnings.push(...written.warnings.filter((w) => !w.startsWith('The option')));
  }
  return { file: options.file, format, rows: n, columns: names, warnings };
}
