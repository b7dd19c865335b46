/**
 * data/interviews is generated: the shipped files must equal the generator's
 * output byte for byte (regenerate with
 * `npx tsx lib/qual/defaultData/writeInterviewData.ts`), and every file is
 * marked as synthetic.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateInterviewFiles, generateInterviewProject, QUAL_SYNTHETIC_MARK } from '../../lib/qual/defaultData/generate';
import { REPORTS } from '../../lib/qual/defaultData/reports';
import { isSyntheticOrigin } from '../../lib/io/synthetic';

const DIR = path.resolve(__dirname, '..', '..', 'data', 'interviews');
const files = generateInterviewFiles();

describe('data/interviews regenerates byte for byte', () => {
  it('every generated file equals the shipped one', () => {
    for (const [name, content] of Object.entries(files)) {
      const shipped = fs.readFileSync(path.join(DIR, name));
      const expected = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      expect(shipped.equals(expected), `data/interviews/${name} differs from the generator: run npx tsx lib/qual/defaultData/writeInterviewData.ts`).toBe(true);
    }
  });

  it('nothing else is shipped besides the README', () => {
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)).map((x) => `${e.name}/${x}`) : [e.name]));
    expect(walk(DIR).sort()).toEqual([...Object.keys(files), 'README.md'].sort());
  });

  it('a second run gives identical output; another seed gives other codings but the same texts', () => {
    const again = generateInterviewFiles();
    for (const [name, content] of Object.entries(files)) expect(Buffer.from(again[name] as Uint8Array).equals(Buffer.from(content as Uint8Array)), name).toBe(true);
    const other = generateInterviewFiles('another-seed');
    expect(other['coded-segments.csv']).not.toBe(files['coded-segments.csv']);
    expect(other['texts/Notos.txt']).toBe(files['texts/Notos.txt']);
  });
});

describe('the default interview data are marked as synthetic', () => {
  const project = generateInterviewProject();

  it('the project, every document and every CSV row carry the mark', () => {
    expect(isSyntheticOrigin([QUAL_SYNTHETIC_MARK])).toBe(true);
    expect(project.dataOrigin).toBe(QUAL_SYNTHETIC_MARK);
    for (const d of project.documents) expect(d.variables.data_origin).toBe(QUAL_SYNTHETIC_MARK);
    const lines = (files['coded-segments.csv'] as string).trimEnd().split('\n');
    expect(lines[0].split(',').at(-1)).toBe('data_origin');
    for (const l of lines.slice(1)) expect(l.endsWith(QUAL_SYNTHETIC_MARK)).toBe(true);
    expect(project.description).toMatch(/not real interviews/);
  });

  it('every text says in its second line that it is not a real interview', () => {
    for (const d of project.documents) expect(d.text.split('\n')[1]).toMatch(/^Synthetische tekst.*geen verslag van een echt interview/);
  });

  it('the README of data/interviews says the data are synthetic and how to regenerate them', () => {
    const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');
    expect(readme).toMatch(/synthetic/i);
    expect(readme).toMatch(/writeInterviewData/);
  });
});

describe('the design of report 5.3-5.4', () => {
  const project = generateInterviewProject();

  it('ten networks, fifteen coordinators, one analysis document per network', () => {
    expect(REPORTS.map((r) => r.network)).toEqual(['Aparctias', 'Apeliotes', 'Argestes', 'Caecias', 'Erus', 'Lips', 'Meses', 'Notos', 'Thrascias', 'Zephyrus']);
    expect(REPORTS.reduce((s, r) => s + r.coordinators, 0)).toBe(15);
    const analysis = project.documents.filter((d) => d.group === 'Interviews');
    expect(analysis.map((d) => d.network)).toEqual(REPORTS.map((r) => r.network));
  });

  it('calibration: A, B and C code the same two interviews; analysis: A and B five each', () => {
    for (const c of ['A', 'B', 'C']) {
      const docs = project.documents.filter((d) => d.group === `Kalibratie ${c}`);
      expect(docs.map((d) => d.name)).toEqual(['Erus', 'Lips']);
      for (const d of docs) expect(new Set(project.segments.filter((s) => s.documentId === d.id).map((s) => s.coder))).toEqual(new Set([c]));
    }
    const coderOf = (d: { id: string }) => [...new Set(project.segments.filter((s) => s.documentId === d.id).map((s) => s.coder))];
    const analysis = project.documents.filter((d) => d.group === 'Interviews');
    expect(analysis.filter((d) => coderOf(d).join() === 'A')).toHaveLength(5);
    expect(analysis.filter((d) => coderOf(d).join() === 'B')).toHaveLength(5);
  });
});
