/**
 * The tests' temporary folders (tests/tempDirs.ts, tests/setup.ts): each test
 * file works in a folder of its own, tempDir() folders go when the file ends,
 * and a file that leaves anything behind fails.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftIn, removeTempDirs, tempDir } from './tempDirs';

const ROOT = path.resolve(__dirname, '..');

describe('temporary folders in tests', () => {
  it("os.tmpdir() is this file's own folder, and tempDir() makes folders in it that removeTempDirs() removes", () => {
    expect(path.basename(os.tmpdir())).toMatch(new RegExp(`^dv-test-${process.pid}-`));
    const a = tempDir('dv-a-');
    const b = tempDir('dv-b-');
    fs.writeFileSync(path.join(a, 'file.txt'), 'x');
    expect(path.dirname(a)).toBe(os.tmpdir());
    expect(leftIn(os.tmpdir())).toEqual(expect.arrayContaining([path.basename(a), path.basename(b)]));
    removeTempDirs();
    expect(fs.existsSync(a) || fs.existsSync(b)).toBe(false);
  });

  it("tsx's compile cache does not count as left behind", () => {
    const dir = tempDir('dv-left-');
    fs.mkdirSync(path.join(dir, 'tsx-0'));
    fs.mkdirSync(path.join(dir, 'left-1'));
    expect(leftIn(dir)).toEqual(['left-1']);
    expect(leftIn(path.join(dir, 'no-such-folder'))).toEqual([]);
  });

  it('a test file that leaves a folder behind fails, naming it; one that uses tempDir() passes; nothing is left either way', { timeout: 120_000 }, () => {
    const tmp = tempDir('dv-guard-');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', path.join(__dirname, 'fixtures', 'tmp-guard', 'vitest.config.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 110_000,
    });
    const out = `${r.stdout}${r.stderr}`;
    expect(r.status, out).toBe(1);
    expect(out).toMatch(/FAIL\s+leaves\.fixture\.ts/);
    expect(out).toMatch(/this test file left 1 entry in the temporary folder: left-behind-\w{6}\./);
    expect(out).toMatch(/✓ cleans\.fixture\.ts/);
    expect(out).toMatch(/Test Files\s+1 failed \| 1 passed \(2\)/);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
