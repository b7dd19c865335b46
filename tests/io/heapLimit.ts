/**
 * Runs a piece of TypeScript in a child Node process with a small heap
 * (`--max-old-space-size`), for the tests that memory stays proportional to
 * the input: a reader that builds a string a character at a time, or an
 * object per value, runs out of heap there and the child fails. The script
 * gets the repository root as ROOT (import lib files from it) and a fresh
 * temporary folder as DIR; it prints what the test checks.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../tempDirs';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * @example
 *   const run = runWithHeapLimit(`import { parseCsv } from ROOT + '/lib/io/csv'; ...`, 64);
 */
export function runWithHeapLimit(body: string, heapMb: number, timeoutMs = 60_000): ChildRun {
  const dir = tempDir('delicate-heap-');
  const script = path.join(dir, 'run.ts');
  fs.writeFileSync(
    script,
    `const ROOT = ${JSON.stringify(ROOT)};\nconst DIR = ${JSON.stringify(dir)};\nasync function main(): Promise<void> {\n${body}\n}\n` +
      'main().catch((e) => { process.stdout.write(`ERROR ${e?.name}: ${e?.message}\\n`); process.exitCode = 3; });\n',
  );
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
