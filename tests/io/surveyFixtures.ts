/**
 * Test helpers: valid survey rows built from the instrument (so fixtures stay
 * correct when the codebook changes), a small CSV writer, and a temporary
 * folder to write fixture files into.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { finalItems, Instrument } from '../../lib/io/instrument';
import { tempDir } from '../tempDirs';

export const NETWORKS = ['Noordelijk netwerk', 'Zeeuwse éénpitters', 'Randstad-Oost'];

/** The full header of a survey file: id columns, background, every final item. */
export function surveyHeader(instrument: Instrument): string[] {
  return ['respondent_id', 'network', 'response_status', 'data_origin', ...instrument.background.map((b) => b.id), ...finalItems(instrument).map((it) => it.id)];
}

/**
 * `n` valid rows as objects keyed by column. Answers cycle through each
 * scale's valid range, so every row is different but always in range.
 */
export function validSurveyRows(instrument: Instrument, n: number): Array<Record<string, string>> {
  const items = finalItems(instrument);
  return Array.from({ length: n }, (_, r) => {
    const row: Record<string, string> = {
      respondent_id: `R${String(r + 1).padStart(3, '0')}`,
      network: NETWORKS[r % NETWORKS.length],
      response_status: 'complete',
      data_origin: 'synthetic',
    };
    for (const b of instrument.background) row[b.id] = b.levels[r % b.levels.length].code;
    items.forEach((it, j) => {
      const span = it.scale.max - it.scale.min + 1;
      row[it.id] = String(it.scale.min + ((r + j) % span));
    });
    return row;
  });
}

/** Quotes a field when it holds the delimiter, a quote or a line break (RFC 4180). */
export function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows (objects, or arrays of cells) as CSV text with the header first. */
export function toCsvText(header: string[], rows: Array<Record<string, string> | string[]>, delimiter = ',', eol = '\n'): string {
  const line = (cells: string[]) => cells.map((c) => csvField(c, delimiter)).join(delimiter);
  const body = rows.map((r) => line(Array.isArray(r) ? r : header.map((h) => r[h] ?? '')));
  return [line(header), ...body].join(eol) + eol;
}

/** A fresh temporary folder for fixture files, removed when the test file ends (tests/tempDirs.ts). */
export function tmpDir(): string {
  return tempDir('delicate-csv-');
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The message of the error `fn` throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but none was thrown');
}
