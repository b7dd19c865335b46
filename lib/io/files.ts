/**
 * Reading a researcher's file without touching it, and writing results: the
 * messages say what went wrong in words, as the CSV loader's do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserInputError } from '../util/errors';

/** The bytes of a file, read with `fs.readFileSync` only: the file is never written to. */
export function readInputBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the file does not exist (looked from the folder ${process.cwd()})`
        : code === 'EISDIR'
          ? 'this is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'no permission to read it'
            : `cannot read it (${code ?? String(e)})`;
    throw new UserInputError(`${file}: ${why}. Check the path.`);
  }
}

/** Writes bytes to a file, creating its folder; a clear message when that is not possible. */
export function writeOutputBytes(file: string, bytes: Uint8Array | string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR'
        ? 'this is a folder; give a file name'
        : code === 'EACCES' || code === 'EPERM'
          ? 'no permission to write there'
          : code === 'EBUSY'
            ? 'the file is open in another program (Excel, SPSS); close it and try again'
            : `cannot write it (${code ?? String(e)})`;
    throw new UserInputError(`${file}: ${why}.`);
  }
}
