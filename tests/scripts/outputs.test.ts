/**
 * No command writes into what it reads, or over a folder or file it did not
 * make (issue 16, "Markup and overwriting"; issue 13, point 4): npm run
 * reproduce, figures and report refuse such an --out with a clear error
 * before any work (nothing printed on stdout, nothing written). They accept a
 * data folder with survey.sav and no survey.csv (issue 16).
 *
 * Each case spawns the script, which stops in its argument checks, before
 * loading data, Jupyter or Chromium; the atomic replacement itself is tested
 * in tests/util/outputFolder.test.ts.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tempDirs';
import { OUTPUT_MARKER } from '../../lib/util/outputFolder';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(ROOT, 'data');

/** Runs a script (asynchronously: a blocked test worker misses vitest's heartbeat). */
const run = (script: 'reproduce' | 'figures' | 'report', args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });

/** Everything under a folder with its size, to see that nothing changed. */
const snapshot = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .map((f) => `${f}:${fs.statSync(path.join(dir, f)).size}`)
    .join('\n');

function setUp() {
  const root = tempDir('dv-outputs-');
  const data = path.join(root, 'data');
  fs.mkdirSync(data);
  fs.copyFileSync(path.join(DATA, 'survey.csv'), path.join(data, 'survey.csv'));
  const sav = path.join(root, 'sav-only');
  fs.mkdirSync(sav);
  fs.writeFileSync(path.join(sav, 'survey.sav'), 'not read: the --out check comes first');
  const home = path.join(root, 'home');
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, 'thesis.docx'), 'mine');
  const reproduced = path.join(root, 'reproduced');
  fs.mkdirSync(reproduced);
  fs.writeFileSync(path.join(reproduced, OUTPUT_MARKER), 'This folder is the output of "npm run reproduce" (Delicate verbanden).\n');
  fs.writeFileSync(path.join(root, 'notes.html'), '<html>my notes</html>');
  return { root, data, sav, home, reproduced };
}

/** Runs the cases, two at a time: each exits 1 with its message, prints nothing on stdout, and changes nothing. */
async function expectRefused(script: 'reproduce' | 'figures' | 'report', root: string, cases: Array<[string[], RegExp]>) {
  const shippedBefore = snapshot(DATA);
  const before = snapshot(root);
  const results: Array<Awaited<ReturnType<typeof run>>> = [];
  for (let k = 0; k < cases.length; k += 2) results.push(...(await Promise.all(cases.slice(k, k + 2).map(([args]) => run(script, args)))));
  for (const [k, [args, message]] of cases.entries()) {
    const r = results[k];
    expect(r.status, `${script} ${args.join(' ')}: ${r.stderr}`).toBe(1);
    expect(r.stderr).toMatch(/^error: --out: /);
    expect(r.stderr, args.join(' ')).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout, args.join(' ')).toBe('');
  }
  expect(snapshot(root)).toBe(before);
  expect(snapshot(DATA)).toBe(shippedBefore);
}

describe('--out that would write into what a command reads, or over what it did not make', () => {
  it('npm run reproduce refuses it before any work', { timeout: 120_000 }, async () => {
    const { root, data, home } = setUp();
    await expectRefused('reproduce', root, [
      [['--data', data, '--out', data], /data is the data folder; a command never writes to what it reads/],
      [['--out', path.join(DATA, 'results')], /lies inside the data folder/],
      [['--data', data, '--out', path.join(ROOT, 'notebooks')], /is the notebooks folder/],
      [['--data', data, '--out', home], /home is a folder that this tool did not make \(no \.delicate-verbanden-output in it\), and it holds other files: thesis\.docx\. "npm run reproduce" replaces its output folder as a whole/],
    ]);
  });

  it('npm run figures refuses it before any work, and accepts a folder with survey.sav only', { timeout: 120_000 }, async () => {
    const { root, data, sav, reproduced } = setUp();
    await expectRefused('figures', root, [
      // reproduce's whole output folder is not figures' to replace
      [['--data', data, '--out', reproduced], /holds the output of "npm run reproduce", not of "npm run figures"/],
      // survey.sav passes the data check (the next check is --out's)
      [['--data', sav, '--out', path.join(sav, 'figures')], /lies inside the data folder/],
    ]);
  });

  it('npm run report refuses it before any work, and accepts a folder with survey.sav only', { timeout: 120_000 }, async () => {
    const { root, data, sav } = setUp();
    await expectRefused('report', root, [
      [['--out', path.join(DATA, 'survey.csv')], /data\/survey\.csv is the data folder's survey\.csv, which this command reads; a command never writes to a file it reads/],
      [['--data', data, '--out', path.join(data, 'report.html')], /lies inside the data folder/],
      [['--data', data, '--out', path.join(root, 'notes.html')], /notes\.html exists and is not a report of this tool; it is never overwritten/],
      [['--data', sav, '--out', path.join(sav, 'survey.sav')], /is the data folder's survey\.sav/],
    ]);
  });

  it('a data folder with neither survey.csv nor survey.sav gets loadStudyData\'s message', { timeout: 60_000 }, async () => {
    const empty = tempDir('dv-outputs-empty-');
    const results = await Promise.all((['figures', 'report'] as const).map((script) => run(script, ['--data', empty])));
    for (const r of results) {
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`error: --data: ${empty} has no survey.csv or survey.sav. A study folder holds survey.csv (or survey.sav with an optional mapping.json) and optionally networks.csv, pilot.csv and instrument.json.\n`);
    }
  });
});
