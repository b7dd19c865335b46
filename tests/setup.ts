/**
 * Property tests run with a fixed fast-check seed, so that a CI run is
 * repeatable: a failure found once is found again. Change the seed (or set
 * FC_SEED) to explore other inputs locally.
 *
 * Each test file gets a temporary folder of its own, and fails when it leaves
 * anything in it (see tests/tempDirs.ts).
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';
import { leftIn, removeTempDirs } from './tempDirs';
import { processAlive } from '../lib/util/processAlive';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20240401), numRuns: 200 });

/** The per-file folders' name in the system's temporary folder: dv-test-<pid>-XXXXXX. */
const FILE_TMP_PREFIX = 'dv-test-';

/**
 * Removes per-file folders of test processes that are gone (killed before
 * their afterAll and exit hooks ran), once they are an hour old.
 */
function sweepDeadFileFolders(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^dv-test-(\d+)-/.exec(name);
    if (!m || Number(m[1]) === process.pid) continue;
    const folder = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(folder).mtimeMs < 3_600_000) continue;
      if (processAlive(Number(m[1]))) continue; // another test run, maybe
      fs.rmSync(folder, { recursive: true, force: true });
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}

const outerTmpEnv = process.env.TMPDIR;
const systemTmp = os.tmpdir();
sweepDeadFileFolders(systemTmp);
const fileTmp = fs.mkdtempSync(path.join(systemTmp, `${FILE_TMP_PREFIX}${process.pid}-`));
process.env.TMPDIR = fileTmp;

function restore(): void {
  if (outerTmpEnv === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outerTmpEnv;
  fs.rmSync(fileTmp, { recursive: true, force: true, maxRetries: 3 });
}
// A file whose tests are all skipped runs no afterAll: its (empty) folder goes when the process ends.
process.once('exit', () => {
  try {
    restore();
  } catch {
    // the next run's sweep removes it
  }
});

// Registered first, so it runs after the test file's own afterAll hooks (vitest runs them as a stack).
afterAll(() => {
  removeTempDirs();
  const left = leftIn(fileTmp);
  restore();
  if (left.length > 0) {
    throw new Error(
      `this test file left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temporary folder: ${left.join(', ')}. ` +
        'Make temporary folders with tempDir() from tests/tempDirs.ts (removed when the file ends), or remove them in afterAll.',
    );
  }
});
