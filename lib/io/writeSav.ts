/**
 * Writes a table to an SPSS data file (.sav) with variable labels, value
 * labels and user-missing values, so that a colleague can continue in SPSS.
 * Text is written in UTF-8 with the encoding record SPSS (16 and later) and
 * PSPP read.
 */
import { writeOutputBytes } from './files';
import { MeasurementLevel, SavMissing, SavValueLabel, SavVariable } from './sav/format';
import { buildSav, SavColumn } from './sav/writeSavBytes';
import { TableInput, toColumns } from './tableInput';

export interface WriteSavOptions {
  /** Variable labels by column name. */
  variableLabels?: Record<string, string>;
  /** Value labels by column name: `{ trust_1: { 1: 'helemaal mee oneens', ... } }`. */
  valueLabels?: Record<string, Record<string, string> | readonly SavValueLabel[]>;
  /** User-missing values by column name: `{ trust_1: { values: [9] } }`, `{ other_networks: { values: [], range: { low: 97, high: 99 } } }`. */
  missingValues?: Record<string, SavMissing>;
  /** Measurement level by column name (default: nominal for text, ordinal for labelled numbers, scale otherwise). */
  measure?: Record<string, MeasurementLevel>;
  /** Decimals SPSS shows, by column name (default 0 for whole numbers, else 2). The stored values keep full precision. */
  decimals?: Record<string, number>;
  /** `bytecode` (default; SPSS's usual compression) or `none`. */
  compression?: 'none' | 'bytecode';
  /** The file label SPSS shows. */
  fileLabel?: string;
  /** Time stamp in the file header (default now). */
  created?: Date;
}

export interface WrittenSav {
  file: string;
  /** The variables as written (names may have been adapted to SPSS rules; see warnings). */
  variables: SavVariable[];
  rows: number;
  warnings: string[];
}

/**
 * @example
 *   writeSav('out/scores.sav', scores, {
 *     variableLabels: { trust: 'Vertrouwen (gemiddelde van 4 items)' },
 *     valueLabels: { network_code: { 1: 'Zeeuwse éénpitters' } },
 *   });
 */
export function writeSav(file: string, table: TableInput, options: WriteSavOptions = {}): WrittenSav {
  const { bytes, variables, rows, warnings } = savBytes(table, options);
  writeOutputBytes(file, bytes);
  return { file, variables, rows, warnings };
}

/** The bytes `writeSav` writes, for a download or an upload instead of a file. */
export function savBytes(table: TableInput, options: WriteSavOptions = {}): { bytes: Buffer; variables: SavVariable[]; rows: number; warnings: string[] } {
  const columns: SavColumn[] = toColumns(table).map(({ name, values }) => ({
    name,
    values,
    label: options.variableLabels?.[name],
    valueLabels: options.valueLabels?.[name],
    missing: options.missingValues?.[name],
    measure: options.measure?.[name],
    decimals: options.decimals?.[name],
  }));
  const built = buildSav(columns, { compression: options.compression, fileLabel: options.fileLabel, created: options.created });
  const names = new Set(columns.map((c) => c.name));
  const stray = (['variableLabels', 'valueLabels', 'missingValues', 'measure', 'decimals'] as const).flatMap((option) =>
    Object.keys(options[option] ?? {})
      .filter((name) => !names.has(name))
      .map((name) => `The option ${option} names "${name}", which is not a column of the table; it was not used.`),
  );
  return { bytes: built.bytes, variables: built.variables, rows: columns[0]?.values.length ?? 0, warnings: [...built.warnings, ...stray] };
}
