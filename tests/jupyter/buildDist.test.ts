/**
 * reproduce and npm start skip the build when dist/ is newer than every file
 * of lib/ and the tsconfig (distUpToDate), and build otherwise.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distUpToDate } from '../../scripts/jupyter/buildDist';
import { tempDir } from '../tempDirs';

function project(): string {
  const root = tempDir('dv-build-');
  fs.mkdirSync(path.join(root, 'lib', 'stats'), { recursive: true });
  fs.mkdirSync(path.join(root, 'dist'));
  fs.writeFileSync(path.join(root, 'tsconfig.json'), '{}');
  fs.writeFileSync(path.join(root, 'lib', 'stats', 'mean.ts'), 'export const mean = 1;');
  return root;
}
const setTime = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);

describe('distUpToDate', () => {
  it('is false without dist/index.js or the build info', () => {
    const root = project();
    expect(distUpToDate(root)).toBe(false);
    fs.writeFileSync(path.join(root, 'dist', 'index.js'), '');
    expect(distUpToDate(root)).toBe(false);
    fs.rmSync(root, { recursive: true });
  });
  it('is true when the build info is newer than every file of lib/ and the tsconfig, false after a change to either', () => {
    const root = project();
    const info = path.join(root, 'dist', '.tsbuildinfo');
    fs.writeFileSync(path.join(root, 'dist', 'index.js'), '');
    fs.writeFileSync(info, '{}');
    setTime(path.join(root, 'tsconfig.json'), 1000);
    setTime(path.join(root, 'lib', 'stats', 'mean.ts'), 1000);
    setTime(info, 2000);
    expect(distUpToDate(root)).toBe(true);
    setTime(path.join(root, 'lib', 'stats', 'mean.ts'), 3000); // a file deep in lib/ changed
    expect(distUpToDate(root)).toBe(false);
    setTime(path.join(root, 'lib', 'stats', 'mean.ts'), 1000);
    setTime(path.join(root, 'tsconfig.json'), 3000);
    expect(distUpToDate(root)).toBe(false);
    fs.rmSync(root, { recursive: true });
  });
});
