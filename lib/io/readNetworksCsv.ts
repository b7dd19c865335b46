/**
 * Reads the networks file (one row per network: its name, age, number of
 * members and descriptive text) into an Arquero table, with the same checks
 * and error style as `readSurveyCsv`.
 */
import * as aq from 'arquero';
import { CsvEncoding, stripBom } from './csv';
import { caseKey, CsvReadInfo, CsvReadOptions, groupedNote, parseWholeNumber, readCsvFile, toGrid } from './csvChecks';
import { DEFAULT_MAX_PROBLEMS, ProblemList, suggestName } from '../util/problems';

/** Columns holding whole numbers >= 0; empty cells become null. */
export const NETWORK_NUMBER_COLUMNS = ['years', 'members'] as const;

export interface NetworksCsv extends CsvReadInfo {
  /**
   * One row per network. Columns: network (text), then years and members
   * (whole numbers or null) when in the file, then every other column as text
   * (null when empty), in file order.
   */
  table: aq.ColumnTable;
}

/**
 * Reads and checks a networks CSV file. `network` is required and unique;
 * `years` and `members`, when present, must be whole numbers >= 0; any other
 * column (composition, lead, website, boundary_notes, data_origin, ...) is
 * kept as text. Throws one UserInputError listing every problem.
 *
 * @example
 *   const { table } = readNetworksCsv('data/networks.csv');
 *   const survey = readSurveyCsv('data/survey.csv', { networks: table.array('network') as string[] });
 *   // An error reads like:
 *   //   data/networks.csv: 1 problem in the networks file:
 *   //     - row 4, column "members": found "12,5" (not a whole number), expected a whole number >= 0 or an empty cell
 */
export function readNetworksCsv(file: string, options: CsvReadOptions = {}): NetworksCsv {
  const { text, encoding, warnings } = readCsvFile(file);
  return checkNetworks(text, encoding, file, options, warnings);
}

/**
 * The same as `readNetworksCsv`, for CSV text in memory; `file` names it in messages.
 *
 * @example
 *   readNetworksCsvText('network,years,members\nNoord,6,14\n').table.get('members', 0); // => 14
 */
export function readNetworksCsvText(text: string, options: CsvReadOptions & { file?: string } = {}): NetworksCsv {
  return checkNetworks(stripBom(text), 'utf-8', options.file ?? 'networks text', options, []);
}

const NUMBER_EXPECTED = 'a whole number >= 0 or an empty cell';

function checkNetworks(text: string, encoding: CsvEncoding, file: string, options: CsvReadOptions, warnings: string[]): NetworksCsv {
  const problems = new ProblemList();
  const grid = toGrid(text, { file, rowNoun: 'network', delimiter: options.delimiter, expectedColumns: 'network, years, members' }, problems);
  warnings.push(...grid.warnings);
  const { header, rows } = grid;
  const known: string[] = ['network', ...NETWORK_NUMBER_COLUMNS];

  // What each header column holds. Any column is allowed as text, so a
  // misspelt known column ("Members", "netwerk") would silently lose its checks:
  // it is reported, and its cells are checked as the column it was meant to be.
  const roleOf = new Map<string, string>(); // header name -> known column name, or '' for text
  for (const name of header) {
    if (name === '' || roleOf.has(name)) continue; // unnamed and repeated names are reported by toGrid
    if (known.includes(name)) {
      roleOf.set(name, name);
      continue;
    }
    const near = suggestName(name, known);
    if (near !== undefined && !header.includes(near)) {
      problems.add(`row ${grid.headerRow} (header): column "${name}" looks like "${near}"; rename it to "${near}" (other columns are kept as text, so it would lose its checks)`);
      roleOf.set(name, near);
    } else roleOf.set(name, '');
  }
  if (![...roleOf.values()].includes('network')) problems.add(`row ${grid.headerRow} (header): the required column "network" is missing`);

  // Column order: network, the number columns, then the rest as in the file.
  const names = [...known.filter((k) => roleOf.has(k)), ...[...roleOf.keys()].filter((h) => !known.includes(h))];
  const columns = new Map<string, Array<string | number | null>>(names.map((n) => [n, []]));
  const firstRowOf = new Map<string, number>();
  const spellingOf = new Map<string, { name: string; row: number }>(); // names that differ only in capitals are one network

  for (const { row, cells } of rows) {
    for (const name of names) {
      const raw = cells[header.indexOf(name)];
      const cell = raw.trim();
      const role = roleOf.get(name);
      const out = columns.get(name)!;
      if (role === 'network') {
        if (cell === '') problems.cell(row, name, raw, 'the name of the network (non-empty text, unique in the file)');
        else if (firstRowOf.has(cell)) problems.cell(row, name, raw, `a unique network name; "${cell}" is also used in row ${firstRowOf.get(cell)}`);
        else {
          firstRowOf.set(cell, row);
          const twin = spellingOf.get(caseKey(cell));
          if (twin) {
            problems.cell(row, name, raw, `a unique network name; "${twin.name}" in row ${twin.row} differs only in capital letters. Give them names that differ in more than capitals`);
          } else spellingOf.set(caseKey(cell), { name: cell, row });
        }
        out.push(cell === '' ? null : cell);
      } else if ((NETWORK_NUMBER_COLUMNS as readonly string[]).includes(role ?? '')) {
        const parsed = parseWholeNumber(raw);
        if (parsed.kind === 'whole' && parsed.value >= 0) out.push(parsed.value);
        else if (parsed.kind === 'empty') out.push(null);
        else {
          const why =
            parsed.kind === 'text' ? 'not a number' : parsed.kind === 'fraction' ? 'not a whole number' : parsed.kind === 'grouped' ? groupedNote(raw, parsed.thousands) : 'negative';
          problems.cell(row, name, raw, NUMBER_EXPECTED, why);
          out.push(null);
        }
      } else {
        out.push(cell === '' ? null : cell);
      }
    }
  }
  problems.throwIfAny(file, 'networks file', options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  return { table: aq.table(columns), file, encoding, delimiter: grid.delimiter, rows: rows.length, warnings };
}
