/**
 * Reads a researcher's survey file (one row per approached network member)
 * into an Arquero table, checked against the instrument (codebook). Every
 * problem in the file is collected and reported at once, by spreadsheet row
 * and column, so a researcher can fix the file in one pass.
 */
import * as aq from 'arquero';
import { CsvEncoding, stripBom } from './csv';
import { CsvReadInfo, CsvReadOptions, caseKey, GridRow, groupedNote, parseWholeNumber, readCsvFile, toGrid } from './csvChecks';
import { DEFAULT_MAX_PROBLEMS, listNames, ProblemList, suggestName } from '../util/problems';
import { finalItems, Instrument, pilotItems, readInstrument, ResponseScale } from './instrument';

/** The columns every survey file needs. */
export const SURVEY_REQUIRED_COLUMNS = ['respondent_id', 'network'] as const;

/** How many distinct unknown names get a "did you mean" suggestion; the rest are only reported. */
const MAX_SUGGESTED_NAMES = 100;

/** Codes of the optional `response_status` column. */
export const RESPONSE_STATUS_CODES = ['complete', 'partial', 'none'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUS_CODES)[number];

export interface ReadSurveyCsvOptions extends CsvReadOptions {
  /** The codebook to check against (default: the shipped `data/instrument.json`). */
  instrument?: Instrument;
  /** The known networks; a `network` value outside this list is an error. Default: any non-empty text. */
  networks?: readonly string[];
  /** Allow a file with only some of the item columns (default false: every final item needs a column). */
  allowMissingItemColumns?: boolean;
  /** Further columns to keep as text instead of reporting them as unknown. */
  extraColumns?: readonly string[];
  /**
   * Read a pilot file instead (report 5.3): the items are the long pool of
   * every scale (final and pilot-only), `network` is not required, and an
   * optional `sector` column (po, vo, po_vo) is known. See `readPilotCsv`.
   */
  pilot?: boolean;
}

/** Codes of the pilot's optional `sector` column: primary, secondary, or both. */
export const PILOT_SECTOR_CODES = ['po', 'vo', 'po_vo'] as const;

export interface SurveyCsv extends CsvReadInfo {
  /**
   * One row per respondent. Columns, in this order (optional ones only when in
   * the file): respondent_id, network, response_status, data_origin, the
   * background variables (org_type, role), the item columns in codebook order,
   * then the extra columns in file order. Items are numbers or null (empty cell
   * or a missing code such as 9 = "weet niet"); the other columns are text or null.
   */
  table: aq.ColumnTable;
}

/**
 * Reads and checks a survey CSV file. Throws one UserInputError listing every
 * problem (first `maxProblems`, then a count) when anything is wrong.
 *
 * @example
 *   const survey = readSurveyCsv('data/survey.csv', { networks: ['Noord', 'Zuid'] });
 *   survey.table.groupby('network').count().print();
 *   // An error reads like:
 *   //   data/survey.csv: 2 problems in the survey file:
 *   //     - row 1 (header): unknown column "Trust_1"; did you mean "trust_1"? Rename the column in the header
 *   //     - row 7, column "impact_2": found "6" (outside 1-5), expected a whole number from 1 to 5, 9 (weet niet) or an empty cell
 */
export function readSurveyCsv(file: string, options: ReadSurveyCsvOptions = {}): SurveyCsv {
  const { text, encoding, warnings } = readCsvFile(file);
  return checkSurvey(text, encoding, file, options, warnings);
}

/**
 * The same as `readSurveyCsv`, for CSV text already in memory (a notebook
 * cell, an upload). `file` names the text in messages.
 *
 * @example
 *   const { table } = readSurveyCsvText('respondent_id;network;trust_1\nR1;Noord;4\n', {
 *     file: 'pasted', allowMissingItemColumns: true,
 *   });
 *   table.array('trust_1'); // => [4]
 */
export function readSurveyCsvText(text: string, options: ReadSurveyCsvOptions & { file?: string } = {}): SurveyCsv {
  return checkSurvey(stripBom(text), 'utf-8', options.file ?? 'survey text', options, []);
}

/** How the cells of one column are checked and stored. */
type ColumnRule =
  | { kind: 'id' }
  | { kind: 'network' }
  | { kind: 'code'; codes: Array<{ code: string; label?: string; alt?: string[] }>; what: string }
  | { kind: 'text' }
  | { kind: 'item'; scale: ResponseScale };

interface ColumnSpec {
  name: string;
  rule: ColumnRule;
}

/** The shared code path of both entry points: text in, checked table out. */
function checkSurvey(
  text: string,
  encoding: CsvEncoding,
  file: string,
  options: ReadSurveyCsvOptions,
  warnings: string[],
): SurveyCsv {
  const instrument = options.instrument ?? readInstrument();
  const problems = new ProblemList();
  const pilot = options.pilot ?? false;
  const itemNames = (pilot ? pilotItems(instrument) : finalItems(instrument)).map((it) => it.id);
  const required = pilot ? ['respondent_id'] : [...SURVEY_REQUIRED_COLUMNS];

  const expectedColumns = `${required.join(', ')} and one per item (${itemNames.slice(0, 2).join(', ')}, ...)`;
  const grid = toGrid(text, { file, rowNoun: 'respondent', delimiter: options.delimiter, expectedColumns }, problems);
  warnings.push(...grid.warnings);
  const { table } = checkSurveyRows(grid.header, grid.rows, { ...options, instrument, file, headerRow: grid.headerRow, problems, warnings });
  return { table, file, encoding, delimiter: grid.delimiter, rows: grid.rows.length, warnings };
}

/** Where already-parsed cells come from, for readers of other formats (SPSS, Excel) that share the checks. */
export interface SurveyRowsSource {
  /** The path (or name) the messages use. */
  file: string;
  /** The row of the header, for messages (default 1). */
  headerRow?: number;
  /** How messages name the header (default `row <headerRow> (header)`), e.g. "the variables". */
  headerLabel?: string;
  /** Problems found before (they are reported first); a subclass may word cell problems its own way. */
  problems?: ProblemList;
  /** Warnings are added to this list. */
  warnings?: string[];
  /** What one data row is called in warnings: "row" (default) or "case". */
  rowWord?: string;
}

/**
 * The checks of `readSurveyCsv` on cells that are already split into a header
 * and rows (each `row` is the number messages show: a spreadsheet row, an SPSS
 * case). Throws one UserInputError listing every problem; returns the table.
 *
 * @example
 *   const { table } = checkSurveyRows(['respondent_id', 'network', 'trust_1'],
 *     [{ row: 2, cells: ['R1', 'Noord', '4'] }], { file: 'pasted', allowMissingItemColumns: true });
 */
export function checkSurveyRows(
  header: string[],
  rows: GridRow[],
  options: ReadSurveyCsvOptions & SurveyRowsSource,
): { table: aq.ColumnTable; warnings: string[] } {
  const instrument = options.instrument ?? readInstrument();
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const problems = options.problems ?? new ProblemList();
  const warnings = options.warnings ?? [];
  const pilot = options.pilot ?? false;
  const known = knownColumns(instrument, pilot);
  const required = pilot ? ['respondent_id'] : [...SURVEY_REQUIRED_COLUMNS];
  const at = options.headerLabel ?? `row ${options.headerRow ?? 1} (header)`;

  const extras = (options.extraColumns ?? []).filter((name) => !known.some((k) => k.name === name));
  const columns = checkHeader(header, at, known, extras, instrument, required, pilot, options.allowMissingItemColumns ?? false, problems, warnings);
  const values = checkCells(header, rows, columns, options.networks, problems);
  problems.throwIfAny(options.file, pilot ? 'pilot file' : 'survey file', maxProblems);

  addNoAnswerWarning(rows, columns, values, warnings, options.rowWord ?? 'row');

  // Known columns in their fixed order, then the extras as they appear in the file.
  const extrasInFile = [...columns.values()].filter((c) => c.rule.kind === 'text' && !known.some((k) => k.name === c.name));
  const ordered = [...known.filter((k) => columns.has(k.name)), ...extrasInFile];
  const table = aq.table(new Map(ordered.map((c) => [c.name, values.get(c.name)!])));
  return { table, warnings };
}

/** Every column the instrument allows, in table order (extras come after). */
function knownColumns(instrument: Instrument, pilot: boolean): ColumnSpec[] {
  if (pilot) {
    return [
      { name: 'respondent_id', rule: { kind: 'id' } },
      { name: 'sector', rule: { kind: 'code', what: 'sector codes', codes: PILOT_SECTOR_CODES.map((code) => ({ code })) } },
      { name: 'data_origin', rule: { kind: 'text' } },
      ...pilotItems(instrument).map((it): ColumnSpec => ({ name: it.id, rule: { kind: 'item', scale: it.scale } })),
    ];
  }
  return [
    { name: 'respondent_id', rule: { kind: 'id' } },
    { name: 'network', rule: { kind: 'network' } },
    {
      name: 'response_status',
      rule: { kind: 'code', what: 'response status codes', codes: RESPONSE_STATUS_CODES.map((code) => ({ code })) },
    },
    { name: 'data_origin', rule: { kind: 'text' } },
    ...instrument.background.map((b): ColumnSpec => ({
      name: b.id,
      rule: { kind: 'code', what: `${b.id} codes`, codes: b.levels.map((l) => ({ code: l.code, label: l.nl, alt: [l.nl, l.en] })) },
    })),
    ...finalItems(instrument).map((it): ColumnSpec => ({ name: it.id, rule: { kind: 'item', scale: it.scale } })),
  ];
}

/**
 * Matches the header against the known columns. Reports unknown columns (with
 * a suggestion), pilot-only items, and missing required and item columns; an
 * unknown column that is a misspelling of a missing one is reported once, and
 * its cells are checked as that column's. Returns the rule for each header
 * name whose cells will be read.
 */
function checkHeader(
  header: string[],
  at: string,
  known: ColumnSpec[],
  extras: readonly string[],
  instrument: Instrument,
  required: readonly string[],
  pilot: boolean,
  allowMissingItems: boolean,
  problems: ProblemList,
  warnings: string[],
): Map<string, ColumnSpec> {
  const byName = new Map(known.map((k) => [k.name, k]));
  const present = new Set(header);
  const pilotOnly = new Set(pilot ? [] : pilotItems(instrument).filter((it) => !it.final).map((it) => it.id));
  const columns = new Map<string, ColumnSpec>();
  const explained = new Set<string>(); // missing columns already named in an "unknown column" problem

  for (const name of header) {
    if (name === '' || columns.has(name)) continue; // reported by toGrid
    const spec = byName.get(name);
    if (spec) {
      columns.set(name, spec);
    } else if (extras.includes(name)) {
      columns.set(name, { name, rule: { kind: 'text' } });
    } else if (pilotOnly.has(name)) {
      problems.add(
        `${at}: column "${name}" is an item of the pilot's long item pool, not of the final questionnaire; ` +
          'remove the column, or list it in the option extraColumns to keep it as text',
      );
    } else {
      const suggestion = suggestName(name, [...byName.keys(), ...extras]);
      if (suggestion !== undefined && !present.has(suggestion)) {
        explained.add(suggestion);
        // Check its cells as the column it was meant to be, so a single pass reports those problems too.
        const meant = byName.get(suggestion);
        if (meant) columns.set(name, { name, rule: meant.rule });
        problems.add(`${at}: unknown column "${name}"; did you mean "${suggestion}"? Rename the column in the header`);
      } else if (suggestion !== undefined) {
        problems.add(`${at}: unknown column "${name}" (the file also has a column "${suggestion}"); remove one of them`);
      } else {
        problems.add(
          `${at}: unknown column "${name}"; it is not a column of the survey or an item of the questionnaire. ` +
            'Remove it, or list it in the option extraColumns to keep it as text',
        );
      }
    }
  }

  for (const name of required) {
    if (!present.has(name) && !explained.has(name)) problems.add(`${at}: the required column "${name}" is missing`);
  }
  const missingItems = known.filter((k) => k.rule.kind === 'item' && !present.has(k.name)).map((k) => k.name);
  if (missingItems.length > 0) {
    if (allowMissingItems) {
      warnings.push(`${missingItems.length} item column${missingItems.length === 1 ? ' is' : 's are'} not in the file: ${missingItems.join(', ')}.`);
    } else {
      const unexplained = missingItems.filter((n) => !explained.has(n));
      if (unexplained.length > 0) {
        problems.add(
          `${at}: ${unexplained.length} item column${unexplained.length === 1 ? ' is' : 's are'} missing: ${listNames(unexplained, 'and')}; ` +
            (pilot ? "every item of the pilot's item pool needs a column" : 'every item of the final questionnaire needs a column') + ' (empty cells are allowed), or pass the option allowMissingItemColumns',
        );
      }
    }
  }
  for (const name of extras) {
    if (!present.has(name)) warnings.push(`The extra column "${name}" (option extraColumns) is not in the file.`);
  }
  return columns;
}

/** Checks every cell of the columns being read; returns the converted column arrays by name. */
function checkCells(
  header: string[],
  rows: GridRow[],
  columns: Map<string, ColumnSpec>,
  networks: readonly string[] | undefined,
  problems: ProblemList,
): Map<string, Array<string | number | null>> {
  // A repeated column name is reported by toGrid; the first column of that name is read.
  const read = [...columns.values()].map((spec) => ({ spec, at: header.indexOf(spec.name), out: [] as Array<string | number | null> }));
  const firstRowOfId = new Map<string, number>();
  const networkSet = networks ? new Set(networks) : undefined;
  // Network names that differ only in capitals ("Noord", "noord") would become
  // two groups and change every finding without a word: they are refused.
  const spellingOf = new Map<string, { name: string; row: number }>();
  const reportedSpelling = new Set<string>();
  // The list of known networks and the suggestions are worked out once per
  // distinct name, and only for the first names (messages list 20 problems):
  // thousands of long unknown names then cost no more than a few.
  const networkList = networks ? [...networkSet!] : [];
  let networkListText: string | undefined;
  const knownNetworks = () => (networkListText ??= listNames(networkList));
  const suggestions = new Map<string, string | undefined>();
  const suggestNetwork = (cell: string): string | undefined => {
    if (!suggestions.has(cell)) suggestions.set(cell, suggestions.size < MAX_SUGGESTED_NAMES ? suggestName(cell, networkList) : undefined);
    return suggestions.get(cell);
  };

  for (const { row, cells } of rows) {
    for (const { spec, at, out } of read) {
      const raw = cells[at];
      const cell = raw.trim();
      const rule = spec.rule;
      switch (rule.kind) {
        case 'id': {
          if (cell === '') problems.cell(row, spec.name, raw, 'a respondent id (non-empty text, unique in the file)');
          else if (firstRowOfId.has(cell)) {
            problems.cell(row, spec.name, raw, `a unique respondent id; "${cell}" is also used in row ${firstRowOfId.get(cell)}`);
          } else firstRowOfId.set(cell, row);
          out.push(cell === '' ? null : cell);
          break;
        }
        case 'network': {
          const first = cell === '' ? undefined : spellingOf.get(caseKey(cell));
          if (cell === '') problems.cell(row, spec.name, raw, 'the name of a network (non-empty text)');
          else if (first === undefined) spellingOf.set(caseKey(cell), { name: cell, row });
          if (first !== undefined && first.name !== cell) {
            if (!reportedSpelling.has(cell)) {
              reportedSpelling.add(cell);
              problems.cell(
                row,
                spec.name,
                raw,
                `one spelling per network: write "${first.name}" as in row ${first.row}, or give the two networks names that differ in more than capitals`,
                `differs from "${first.name}" in row ${first.row} only in capital letters`,
              );
            }
          } else if (cell !== '' && networkSet && !networkSet.has(cell)) {
            const near = suggestNetwork(cell);
            problems.cell(row, spec.name, raw, `one of the known networks ${knownNetworks()}${near !== undefined ? `; did you mean "${near}"?` : ''}`, 'not a known network');
          }
          out.push(cell === '' ? null : cell);
          break;
        }
        case 'code': {
          if (cell !== '' && !rule.codes.some((c) => c.code === cell)) {
            const byLabel = rule.codes.find((c) => [c.code, ...(c.alt ?? [])].some((a) => a.toLowerCase() === cell.toLowerCase()));
            const allowed = rule.codes.map((c) => (c.label ? `"${c.code}" (${c.label})` : `"${c.code}"`));
            problems.cell(
              row,
              spec.name,
              raw,
              `one of the ${rule.what} ${allowed.join(', ')} or an empty cell${byLabel ? `; write "${byLabel.code}"` : ''}`,
              'not a known code',
            );
          }
          out.push(cell === '' ? null : cell);
          break;
        }
        case 'text':
          out.push(cell === '' ? null : cell);
          break;
        case 'item':
          out.push(readItemCell(row, spec.name, raw, rule.scale, problems));
          break;
      }
    }
  }
  return new Map(read.map((r) => [r.spec.name, r.out]));
}

/** What an item cell may hold, for messages: "a whole number from 1 to 5, 9 (weet niet) or an empty cell". */
export function describeScale(scale: ResponseScale): string {
  const missing = scale.missing.map((m) => `${m.code} (${m.nl})`);
  return `a whole number from ${scale.min} to ${scale.max}, ${missing.length > 0 ? `${missing.join(', ')} ` : ''}or an empty cell`;
}

/**
 * One item answer: a number within the scale, or null for an empty cell or a
 * declared missing code (never 0, never the code itself).
 */
function readItemCell(row: number, column: string, raw: string, scale: ResponseScale, problems: ProblemList): number | null {
  const parsed = parseWholeNumber(raw);
  switch (parsed.kind) {
    case 'empty':
      return null;
    case 'fraction':
      problems.cell(row, column, raw, describeScale(scale), 'not a whole number');
      return null;
    case 'grouped':
      problems.cell(row, column, raw, describeScale(scale), groupedNote(raw, parsed.thousands));
      return null;
    case 'text': {
      // An answer label typed instead of its code ("mee eens" for 4) gets a pointer to the code.
      const text = raw.trim().toLowerCase();
      const label = Object.entries(scale.labels).find(([, l]) => l.nl.toLowerCase() === text || l.en.toLowerCase() === text);
      const missing = scale.missing.find((m) => m.nl.toLowerCase() === text || m.en.toLowerCase() === text);
      const code = label ? label[0] : missing ? String(missing.code) : undefined;
      problems.cell(row, column, raw, describeScale(scale), code !== undefined ? `an answer label; write its code ${code}` : 'not a number');
      return null;
    }
    case 'whole': {
      if (scale.missing.some((m) => m.code === parsed.value)) return null;
      if (parsed.value < scale.min || parsed.value > scale.max) {
        problems.cell(row, column, raw, describeScale(scale), `outside ${scale.min}-${scale.max}`);
        return null;
      }
      return parsed.value;
    }
  }
}

/**
 * A warning for respondents who answered no item at all although their
 * response_status (if the file has one) does not say "none": often a sign
 * that a row was exported before it was filled in.
 */
function addNoAnswerWarning(
  rows: GridRow[],
  columns: Map<string, ColumnSpec>,
  values: Map<string, Array<string | number | null>>,
  warnings: string[],
  rowWord = 'row',
): void {
  const items = [...columns.values()].filter((c) => c.rule.kind === 'item').map((c) => values.get(c.name)!);
  if (items.length === 0) return;
  const status = values.get('response_status');
  const empty = rows.filter((_, i) => items.every((col) => col[i] === null) && status?.[i] !== 'none').map((r) => r.row);
  if (empty.length > 0) {
    const list = empty.length <= 5 ? empty.join(', ') : `${empty.slice(0, 5).join(', ')}, ...`;
    warnings.push(
      `${empty.length} respondent${empty.length === 1 ? ' has' : 's have'} no answer to any item (${rowWord}${empty.length === 1 ? '' : 's'} ${list})` +
        `${status ? ' although their response_status is not "none"' : ''}.`,
    );
  }
}
