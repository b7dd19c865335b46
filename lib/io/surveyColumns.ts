/**
 * What the SPSS and Excel survey readers share: apply the variable mapping,
 * report variables that are neither in the codebook nor in the mapping, turn
 * value labels into the codebook's codes where the codebook expects text,
 * and hand the cells to the CSV loader's checks (`checkSurveyRows`), so that
 * every format is validated by the same rules and reports problems in the
 * same style, by case or row and by the researcher's own variable name.
 */
import * as aq from 'arquero';
import { listNames, ProblemList, showValue, suggestName } from '../util/problems';
import { finalItems, Instrument, pilotItems, readInstrument } from './instrument';
import { checkSurveyRows, PILOT_SECTOR_CODES, ReadSurveyCsvOptions, RESPONSE_STATUS_CODES } from './readSurveyCsv';
import { readMapping, validateMapping, VariableMapping } from './mapping';

/** Options of `readSurveySav` and `readSurveyXlsx` besides their own. */
export interface SurveyMappingOptions extends Omit<ReadSurveyCsvOptions, 'delimiter'> {
  /**
   * Which of your variables is which codebook column, when names differ:
   * an object `{ "vertrouwen_1": "trust_1" }` or the path of a JSON file with
   * that object. A variable mapped to null is left out.
   */
  mapping?: VariableMapping | string;
  /** Leave out variables that are neither in the codebook nor in the mapping, with a warning (default false: an error). */
  ignoreUnmapped?: boolean;
}

/** One variable (SPSS) or column (Excel) of the researcher's file, as text cells. */
export interface SourceColumn {
  /** The researcher's name for it. */
  name: string;
  /** One text per row; '' is an empty cell (missing). */
  cells: string[];
  /** Value labels by cell text (`'1'` -> `'Zeeuwse éénpitters'`), if the file has them. */
  valueLabels?: Map<string, string>;
  /** Cells that hold no value to check (an Excel error such as #N/A): their row and what is wrong; reported when the column is read. */
  invalid?: Array<{ row: number; problem: string }>;
}

export interface SurveySource {
  file: string;
  format: 'sav' | 'xlsx';
  columns: SourceColumn[];
  /** The number messages show for each row: the SPSS case number or the spreadsheet row. */
  rowNumbers: number[];
  /** The spreadsheet row of the header (Excel). */
  headerRow?: number;
  /** Problems already found (e.g. an unnamed column). */
  problems?: string[];
  warnings: string[];
}

export interface SurveyFromColumns {
  table: aq.ColumnTable;
  warnings: string[];
  /** Table column -> the researcher's variable or column it came from. */
  sources: Record<string, string>;
  /** Table columns whose codes were replaced by value labels or codebook codes. */
  converted: string[];
}

type Role = { kind: 'id' | 'network' | 'text' | 'item' } | { kind: 'code'; codes: Array<{ code: string; alt: string[] }> };

/** Every codebook column with how its cells are prepared (the checks themselves are `checkSurveyRows`'). */
function knownRoles(instrument: Instrument, pilot: boolean): Map<string, Role> {
  const roles = new Map<string, Role>();
  roles.set('respondent_id', { kind: 'id' });
  if (pilot) {
    roles.set('sector', { kind: 'code', codes: PILOT_SECTOR_CODES.map((code) => ({ code, alt: [] })) });
    roles.set('data_origin', { kind: 'text' });
    for (const it of pilotItems(instrument)) roles.set(it.id, { kind: 'item' });
    return roles;
  }
  roles.set('network', { kind: 'network' });
  roles.set('response_status', { kind: 'code', codes: RESPONSE_STATUS_CODES.map((code) => ({ code, alt: [] })) });
  roles.set('data_origin', { kind: 'text' });
  for (const b of instrument.background) roles.set(b.id, { kind: 'code', codes: b.levels.map((l) => ({ code: l.code, alt: [l.nl, l.en] })) });
  for (const it of finalItems(instrument)) roles.set(it.id, { kind: 'item' });
  return roles;
}

/** Cell problems worded for the format: `case 3 (R003), variable "vertrouwen_1" (trust_1): found "6" ...`. */
class SourceProblems extends ProblemList {
  constructor(
    private readonly where: (row: number, column: string) => string,
    private readonly rowWord: string,
  ) {
    super();
  }

  override cell(row: number, column: string, found: string, expected: string, note?: string): void {
    const exp = this.rowWord === 'row' ? expected : expected.replace(/\bused in row (\d+)/, `used in ${this.rowWord} $1`);
    this.add(`${this.where(row, column)}: found ${showValue(found)}${note ? ` (${note})` : ''}, expected ${exp}`);
  }
}

/** Resolves `options.mapping` (object or JSON path) to a checked mapping. */
export function resolveMapping(mapping: VariableMapping | string | undefined): VariableMapping {
  if (mapping === undefined) return {};
  return typeof mapping === 'string' ? readMapping(mapping) : validateMapping(mapping);
}

/**
 * Maps, converts and checks the columns of a researcher's file. Throws one
 * UserInputError listing every problem, with the file's own names.
 */
export function surveyFromColumns(source: SurveySource, options: SurveyMappingOptions): SurveyFromColumns {
  const instrument = options.instrument ?? readInstrument();
  const pilot = options.pilot ?? false;
  const roles = knownRoles(instrument, pilot);
  const mapping = resolveMapping(options.mapping);
  const extras = (options.extraColumns ?? []).filter((e) => !roles.has(e));
  const targets = [...roles.keys(), ...extras];
  const pilotOnly = new Set(pilot ? [] : pilotItems(instrument).filter((it) => !it.final).map((it) => it.id));
  const sav = source.format === 'sav';
  const noun = sav ? 'variable' : 'column';
  const rowWord = sav ? 'case' : 'row';
  const headerLabel = sav ? "the file's variables" : `row ${source.headerRow ?? 1} (header)`;
  const warnings = source.warnings;

  // Their name -> codebook column. SPSS names ignore case; Excel headers are matched exactly, as CSV headers are.
  const key = (name: string) => (sav ? name.toUpperCase() : name);
  const byKey = new Map(source.columns.map((c) => [key(c.name), c]));
  const mappingByKey = new Map(Object.entries(mapping).map(([k, v]) => [key(k), { name: k, target: v }]));
  const headerProblems: string[] = [...(source.problems ?? [])];

  for (const { name, target } of mappingByKey.values()) {
    if (!byKey.has(key(name)) && target === null) {
      warnings.push(`The mapping leaves out the ${noun} "${name}", which is not in the file.`);
    } else if (!byKey.has(key(name))) {
      const near = suggestName(name, source.columns.map((c) => c.name));
      headerProblems.push(
        `the mapping names the ${noun} "${name}", which is not in the file${near !== undefined ? `; did you mean "${near}"?` : ''}` +
          (near === undefined && source.columns.length <= 40 ? ` (the file has ${listNames(source.columns.map((c) => c.name), 'and')})` : ''),
      );
    }
    if (target !== null && !targets.includes(target)) {
      const near = suggestName(target, targets);
      headerProblems.push(
        pilotOnly.has(target)
          ? `the mapping maps "${name}" to "${target}", an item of the pilot's long item pool, not of the final questionnaire`
          : `the mapping maps "${name}" to "${target}", which is not a column of the codebook${near !== undefined ? `; did you mean "${near}"?` : ''} ` +
              '(columns are respondent_id, network, response_status, the background variables and the item ids such as trust_1; list other names in extraColumns)',
      );
    }
  }

  const kept: Array<{ column: SourceColumn; target: string }> = [];
  const ignored: string[] = [];
  const unknown: Array<{ name: string; near: string | undefined }> = [];
  const conflicts = new Set<string>();
  for (const column of source.columns) {
    const mapped = mappingByKey.get(key(column.name));
    if (mapped && (mapped.target === null || !targets.includes(mapped.target))) continue; // left out on purpose, or a bad target (reported above)
    const target = mapped ? mapped.target! : targets.find((t) => key(t) === key(column.name));
    if (target === undefined) {
      if (options.ignoreUnmapped) {
        ignored.push(column.name);
        continue;
      }
      if (pilotOnly.has(column.name.toLowerCase())) {
        headerProblems.push(
          `${noun} "${column.name}" is an item of the pilot's long item pool, not of the final questionnaire; map it to null to leave it out, or list it in extraColumns`,
        );
      } else unknown.push({ name: column.name, near: suggestName(column.name, targets) });
      continue;
    }
    const twin = kept.find((k) => k.target === target);
    if (twin) {
      headerProblems.push(`${noun}s "${twin.column.name}" and "${column.name}" both become the column "${target}"; map one of them to another column or to null`);
      conflicts.add(target);
      continue;
    }
    kept.push({ column, target });
  }
  // Cells of a column claimed twice are not checked: which variable was meant is unknown.
  kept.splice(0, kept.length, ...kept.filter((k) => !conflicts.has(k.target)));
  const advice = (it: string) => `map ${it} to null to leave it out, or list it in extraColumns to keep it as text`;
  if (unknown.length > 0 && unknown.length <= 3) {
    for (const { name, near } of unknown) {
      const add = near !== undefined ? `Did you mean "${near}"? Add {"${name}": "${near}"} to the mapping` : `Add {"${name}": "<codebook column>"} to the mapping`;
      headerProblems.push(`${noun} "${name}" is not a column of the codebook and not in the mapping. ${add}, ${advice('it')}`);
    }
  } else if (unknown.length > 3) {
    const names = unknown.map(({ name, near }) => (near !== undefined ? `"${name}" (${near}?)` : `"${name}"`));
    headerProblems.push(
      `${unknown.length} ${noun}s are neither columns of the codebook nor in the mapping: ${names.join(', ')}. ` +
        `Give a mapping from your names to the codebook's columns, e.g. {"${unknown[0].name}": "${unknown[0].near ?? 'respondent_id'}"}; ${advice(`a ${noun}`)}`,
    );
  }
  if (ignored.length > 0) {
    warnings.push(`Left out ${ignored.length} ${noun}${ignored.length === 1 ? '' : 's'} that ${ignored.length === 1 ? 'is' : 'are'} neither in the codebook nor in the mapping: ${ignored.join(', ')}.`);
  }

  // Cells, with value labels turned into what the codebook expects where it expects text.
  const converted: string[] = [];
  const cellsOf = kept.map(({ column, target }) => {
    const role = roles.get(target) ?? { kind: 'text' as const };
    const labels = column.valueLabels ?? new Map<string, string>();
    if (role.kind === 'item' || role.kind === 'id' || (role.kind !== 'code' && labels.size === 0)) return column.cells;
    let changed = 0;
    const out = column.cells.map((cell) => {
      let value = cell;
      if (role.kind === 'code') {
        const direct = role.codes.find((c) => c.code === cell);
        if (direct) return cell;
        value = labels.get(cell) ?? cell;
        const match = role.codes.find((c) => [c.code, ...c.alt].some((a) => a.toLowerCase() === value.trim().toLowerCase()));
        value = match ? match.code : cell;
      } else value = labels.get(cell) ?? cell;
      if (value !== cell) changed++;
      return value;
    });
    if (changed > 0) {
      converted.push(target);
      if (labels.size > 0) {
        const examples = [...labels.entries()].slice(0, 3).map(([v, l]) => `${v} = ${l}`).join(', ');
        warnings.push(
          `Column ${target}: the codes of ${noun} ${column.name} were replaced by ${role.kind === 'code' ? "the codebook's codes for their value labels" : 'their value labels'} (${examples}${labels.size > 3 ? ', ...' : ''}).`,
        );
      } else {
        warnings.push(`Column ${target}: the labels in ${noun} ${column.name} were replaced by the codebook's codes (e.g. "${column.cells.find((c, i) => c !== out[i])}" -> "${out.find((c, i) => c !== column.cells[i])}").`);
      }
    }
    return out;
  });

  // The respondent id of each row, for messages.
  const idIndex = kept.findIndex((k) => k.target === 'respondent_id');
  const idOfRow = new Map(source.rowNumbers.map((row, i) => [row, idIndex >= 0 ? cellsOf[idIndex][i].trim() : '']));
  const sourceOf = new Map(kept.map((k) => [k.target, k.column.name]));
  const where = (row: number, column: string) => {
    const theirs = sourceOf.get(column) ?? column;
    const id = sav ? idOfRow.get(row) : '';
    return `${rowWord} ${row}${id ? ` (${id})` : ''}, ${noun} "${theirs}"${theirs !== column ? ` (${column})` : ''}`;
  };
  const problems = new SourceProblems(where, rowWord);
  for (const p of headerProblems) problems.add(`${headerLabel}: ${p}`);
  for (const { column, target } of kept) {
    for (const bad of column.invalid ?? []) problems.add(`${rowWord} ${bad.row}, ${noun} "${column.name}"${column.name !== target ? ` (${target})` : ''}: ${bad.problem}`);
  }

  const rows = source.rowNumbers.map((row, i) => ({ row, cells: cellsOf.map((cells) => cells[i]) }));
  const { table } = checkSurveyRows(
    kept.map((k) => k.target),
    rows,
    { ...options, instrument, file: source.file, headerRow: source.headerRow, headerLabel, problems, warnings, rowWord, extraColumns: extras },
  );
  return { table, warnings, sources: Object.fromEntries(kept.map((k) => [k.target, k.column.name])), converted };
}
