/**
 * Reading the plain-text documents a MAXQDA table refers to: a folder with one
 * .txt file per document, named after the document ("Notos.txt" for the
 * document "Notos"). UTF-8 with or without byte-order mark; Windows-1252 is
 * accepted with a warning. The files are only read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeCsvBytes } from '../../io/csv';
import { UserInputError } from '../../util/errors';

/**
 * Document name -> text for every .txt file in a folder (not recursive).
 *
 * @example
 *   const texts = readTextFolder('data/interviews/texts');
 *   texts.Notos.slice(0, 40);
 */
export function readTextFolder(dir: string): Record<string, string> {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserInputError(`${dir}: ${code === 'ENOENT' ? 'the folder does not exist' : code === 'ENOTDIR' ? 'this is a file, not a folder' : `cannot read it (${code})`}; expected a folder with one .txt file per document.`);
  }
  if (names.length === 0) throw new UserInputError(`${dir}: the folder has no .txt files; expected one text file per document, named after the document.`);
  const out: Record<string, string> = {};
  for (const n of names) out[n.replace(/\.txt$/i, '')] = decodeCsvBytes(fs.readFileSync(path.join(dir, n))).text;
  return out;
}
