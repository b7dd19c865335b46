/**
 * A variable mapping says which of the researcher's variables (SPSS) or
 * columns (Excel) is which column of the codebook, when the names differ:
 * `{ "vertrouwen_1": "trust_1", "respnr": "respondent_id" }`. A variable
 * mapped to null is left out (`{ "filter_$": null }`).
 */
import * as fs from 'node:fs';
import { UserInputError } from '../util/errors';
import { ProblemList } from '../util/problems';

/** Their name -> codebook column (or null: leave the variable out). */
export type VariableMapping = Record<string, string | null>;

/**
 * Checks a mapping object (from a JSON file or a notebook cell) and returns
 * it typed. Lists every problem at once.
 *
 * @example
 *   validateMapping({ vertrouwen_1: 'trust_1', filter_$: null }); // ok
 *   validateMapping({ vertrouwen_1: 1 });                          // throws: expected a column name
 */
export function validateMapping(value: unknown, file = 'the mapping'): VariableMapping {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserInputError(
      `${file}: expected an object that maps your variable names to the codebook's columns, ` + 'e.g. {"vertrouwen_1": "trust_1", "respnr": "respondent_id"}.',
    );
  }
  const problems = new ProblemList(); // capped: a mapping of a million bad entries gives a short message
  for (const [key, target] of Object.entries(value as Record<string, unknown>)) {
    if (key.trim() === '') problems.add('an empty variable name; every key names one of your variables');
    if (target !== null && (typeof target !== 'string' || target.trim() === '')) {
      problems.add(`${JSON.stringify(key)}: found ${JSON.stringify(target)}, expected the name of a codebook column (text, e.g. "trust_1") or null to leave the variable out`);
    }
  }
  problems.throwIfAny(file, 'mapping');
  return Object.fromEntries(Object.entries(value as Record<string, string | null>).map(([k, v]) => [k.trim(), v === null ? null : v.trim()]));
}

/**
 * Reads a mapping from a JSON file: one object, their name -> codebook column.
 *
 * @example
 *   // mapping.json: { "respnr": "respondent_id", "netwerk": "network", "vertrouwen_1": "trust_1" }
 *   const mapping = readMapping('mapping.json');
 */
export function readMapping(file: string): VariableMapping {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserInputError(`${file}: cannot read the mapping (${code === 'ENOENT' ? 'the file does not exist' : (code ?? String(e))}). Check the path.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserInputError(
      `${file}: the mapping is not valid JSON (${(e as Error).message}). Write it as {"their_name": "codebook_column", ...} with double quotes and commas between the pairs.`,
    );
  }
  return validateMapping(parsed, file);
}
