/**
 * Temporary folders for tests, and the check that a test file leaves none
 * behind.
 *
 * tempDir(prefix) makes a folder in the temporary folder and registers it;
 * tests/setup.ts removes every registered folder when the test file ends
 * (afterAll), whether its tests passed or failed. Use it instead of
 * fs.mkdtempSync(path.join(os.tmpdir(), ...)).
 *
 * The check: tests/setup.ts gives each test file a temporary folder of its
 * own (TMPDIR, which os.tmpdir(), Chromium, Jupyter, PSPP and tsx follow, in
 * the test process and in the processes it starts) and, after the file's own
 * afterAll hooks, fails the file if anything is left in it, naming what. It
 * then removes that folder, so even a failing run leaves nothing in the
 * system's temporary folder. Per file, because files run side by side (and
 * other runs may share /tmp): a folder of its own is the only reliable way to
 * tell what a file left.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made = new Set<string>();

/** A fresh folder `<tmp>/<prefix>XXXXXX`, removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes the folders tempDir() made (tests/setup.ts calls it after each test file). */
export function removeTempDirs(): void {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  made.clear();
}

/**
 * Entries a test file may leave in its temporary folder: caches that tools
 * keep there on purpose (tsx's compile cache, tsx-<uid>). They go with the
 * folder.
 */
export const TEMP_CACHES = /^tsx-\d+$/;

/** What a test file left in its temporary folder, caches aside. */
export function leftIn(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => !TEMP_CACHES.test(n)).sort();
}
