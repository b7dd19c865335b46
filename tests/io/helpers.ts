/**
 * Test helpers for lib/io (and the interview readers' tests): the PSPP-written
 * fixtures, file hashes (inputs are never written to), a temporary folder, the
 * user-error checks of the hostile-input and fuzz tests, and GNU PSPP when it is installed
 * (the round-trip tests run it on the files we write; they are skipped when
 * `pspp` is not on the machine, and the fixtures are committed .sav files, so
 * nothing else needs PSPP).
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';
import { UserInputError } from '../../lib/util/errors';
import { tempDir } from '../tempDirs';

export const SAV_DIR = path.resolve(__dirname, '..', 'fixtures', 'sav');

export function savFixture(name: string): string {
  return path.join(SAV_DIR, name);
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A fresh temporary folder, removed when the test file ends (tests/tempDirs.ts). */
export function tmpDir(): string {
  return tempDir('delicate-io-');
}

/** True when GNU PSPP is installed (`pspp --version` runs). */
export const HAS_PSPP = (() => {
  try {
    return spawnSync('pspp', ['--version'], { encoding: 'utf8' }).status === 0;
  } catch {
    return false;
  }
})();

/** Runs PSPP syntax in `dir` and returns its text output (UTF-8), failing the test if PSPP reports an error. */
export function runPspp(dir: string, syntax: string): string {
  const file = path.join(dir, `run-${crypto.randomBytes(4).toString('hex')}.sps`);
  fs.writeFileSync(file, syntax);
  const r = spawnSync('pspp', [path.basename(file), '-O', 'format=txt', '-O', 'box=ascii', '-O', 'width=1000'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  expect(r.status, out).toBe(0);
  expect(out, out).not.toMatch(/\b(error|warning):/i);
  return out;
}

/** The UserInputError `fn` throws (failing the test if it throws nothing or something else). */
export function userErrorOf(fn: () => unknown): UserInputError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a UserInputError').toBeInstanceOf(UserInputError);
  const e = caught as UserInputError;
  expect(e.message).not.toMatch(/\n\s+at /);
  return e;
}

/** Runs `fn` (a fuzz case): it may return anything or throw a UserInputError without a stack in its message, nothing else. */
export function resultOrUserError(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof UserInputError)) throw e;
    expect(e.message).not.toMatch(/\n\s+at /);
  }
}

/** The same for a promise. */
export async function userErrorOfAsync(fn: () => Promise<unknown>): Promise<UserInputError> {
  let caught: unknown;
  try {
    await fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a UserInputError').toBeInstanceOf(UserInputError);
  return caught as UserInputError;
}

/** The text of case R001's long remark in labels.sps, read from the syntax itself. */
export function longRemarkFromSyntax(): string {
  const sps = fs.readFileSync(savFixture('labels.sps'), 'utf8');
  const m = /^'R001' .* '([^']{250,})'$/m.exec(sps);
  if (!m) throw new Error('labels.sps: the long remark of R001 was not found');
  return m[1];
}
