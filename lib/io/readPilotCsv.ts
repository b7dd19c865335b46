/**
 * Reads the pilot file (report 5.3: 81 school board members on the long item
 * pool) with the same checks and messages as the survey loader: columns
 * `respondent_id`, optional `sector` (po, vo, po_vo) and `data_origin`, and
 * one column per item of every scale's pool, final and pilot-only.
 */
import { readSurveyCsv, ReadSurveyCsvOptions, SurveyCsv } from './readSurveyCsv';

/**
 * @example
 *   const pilot = readPilotCsv('data/pilot.csv');
 *   pilot.table.numRows(); // 81
 */
export function readPilotCsv(file: string, options: Omit<ReadSurveyCsvOptions, 'pilot' | 'networks'> = {}): SurveyCsv {
  return readSurveyCsv(file, { ...options, pilot: true });
}
