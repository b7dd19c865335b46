/**
 * Reads a survey kept in SPSS (.sav) into the same table `readSurveyCsv`
 * gives, with the same checks: variables are matched to the codebook by name
 * (ignoring case, as SPSS does) or through a mapping, user-missing values
 * (e.g. 9 = "weet niet") become missing, networks and background variables
 * stored as labelled codes are read by their value labels, and every problem
 * is listed at once by case number and SPSS variable name.
 */
import * as aq from 'arquero';
import { SavVariable } from './sav/format';
import { labelKey, readSavBytes } from './readSav';
import { readInputBytes } from './files';
import { SourceColumn, surveyFromColumns, SurveyMappingOptions } from './surveyColumns';

export interface ReadSurveySavOptions extends SurveyMappingOptions {
  /** Read strings in this character encoding instead of the one the file declares. */
  encoding?: string;
}

/** A survey read from SPSS: the checked table (as `readSurveyCsv`'s) and what the SPSS file says about it. */
export interface SurveySav {
  /** One row per respondent, columns as `readSurveyCsv` gives them (codebook names and order, then extras). */
  table: aq.ColumnTable;
  file: string;
  rows: number;
  /** The character encoding of the file's text (`utf-8`, `windows-1252`). */
  encoding: string;
  warnings: string[];
  /** Table column -> the SPSS variable it came from. */
  sources: Record<string, string>;
  /** Variable labels from the SPSS file, by table column. */
  variableLabels: Record<string, string>;
  /** Value labels from the SPSS file, by table column then value, for columns that still hold the SPSS codes (items). */
  valueLabels: Record<string, Record<string, string>>;
  /** Every variable of the SPSS file, with its dictionary information. */
  variables: SavVariable[];
}

/**
 * @example
 *   const survey = readSurveySav('data/enquete.sav', {
 *     mapping: 'data/mapping.json',          // or { vertrouwen_1: 'trust_1', ... }
 *     networks: ['Zeeuwse éénpitters', 'Noordelijk netwerk'],
 *   });
 *   networkSummary(survey.table.objects(), instrument);
 *   // An error reads like:
 *   //   enquete.sav: 2 problems in the survey file:
 *   //     - the file's variables: variable "leeftijd" is not a column of the codebook and not in the mapping ...
 *   //     - case 3 (R003), variable "vertrouwen_1" (trust_1): found "6" (outside 1-5), expected a whole number from 1 to 5, ...
 */
export function readSurveySav(file: string, options: ReadSurveySavOptions = {}): SurveySav {
  const bytes = readInputBytes(file);
  const sav = readSavBytes(bytes, file, { encoding: options.encoding, userMissing: 'missing', dates: 'iso' });
  const columns: SourceColumn[] = sav.variables.map((v) => ({
    name: v.name,
    cells: Array.from(sav.table.array(v.name) as ArrayLike<unknown>, (x) => (x === null || x === undefined ? '' : String(x))),
    valueLabels: new Map(v.valueLabels.map((l) => [labelKey(l.value), l.label])),
  }));
  const warnings = [...sav.warnings];
  const result = surveyFromColumns(
    { file, format: 'sav', columns, rowNumbers: Array.from({ length: sav.rows }, (_, i) => i + 1), warnings },
    options,
  );
  const variableLabels: Record<string, string> = {};
  const valueLabels: Record<string, Record<string, string>> = {};
  for (const [column, source] of Object.entries(result.sources)) {
    if (sav.variableLabels[source] !== undefined) variableLabels[column] = sav.variableLabels[source];
    if (sav.valueLabels[source] !== undefined && !result.converted.includes(column)) valueLabels[column] = sav.valueLabels[source];
  }
  return {
    table: result.table,
    file,
    rows: sav.rows,
    encoding: sav.encoding,
    warnings: result.warnings,
    sources: result.sources,
    variableLabels,
    valueLabels,
    variables: sav.variables,
  };
}
