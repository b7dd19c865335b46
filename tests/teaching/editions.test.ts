/**
 * The editions for a class (scripts/teaching/edition.ts): the student
 * edition holds no outputs, no solution text (notebooks and dist/), no
 * "Reading it" answers, and says so when asked for a solution; the teacher
 * edition holds the worked solutions; the repository's notebooks carry the
 * exercise cells of the current exercise data (insertExercises is
 * idempotent). Headless, bounded: the student edition's notebooks 01 and 10
 * (the fastest two with exercises on both strands, about 20 s side by side)
 * run with their answer cells filled by the test with the solutions, and
 * every check in them must come out right.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXERCISES, setSolutions } from '../../lib/teaching/catalog';
import { SOLUTIONS } from '../../lib/teaching/solutions';
import { notebookMarkers } from '../../lib/teaching/progress';
import { writeEdition } from '../../scripts/teaching/edition';
import { answerName, sourceLines, sourceText, teachingRole, withExercises } from '../../scripts/teaching/exerciseCells';
import { findJupyter, PROJECT_ROOT } from '../../scripts/jupyter/jupyter';
import { formatFailure, listNotebooks, runNotebooks, type NotebookJson } from '../../scripts/jupyter/runner';
import { tempDir } from '../tempDirs';

const jupyter = findJupyter();
let student: string;
let teacher: string;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.name === 'node_modules' ? [] : e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const readNb = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as NotebookJson;

beforeAll(() => {
  setSolutions(SOLUTIONS);
  const tsc = require.resolve('typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', path.join(PROJECT_ROOT, 'tsconfig.json')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
  student = path.join(tempDir('dv-edition-'), 'class');
  teacher = path.join(tempDir('dv-edition-'), 'teacher');
  writeEdition(student, 'student');
  writeEdition(teacher, 'teacher');
  // the class runs npm install in the folder; here the repository's packages stand in
  for (const dir of [student, teacher]) fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
}, 180_000);

describe('the student edition', () => {
  it('has every notebook, no outputs, and the exercise cells of all ten', () => {
    const files = fs.readdirSync(path.join(student, 'notebooks')).sort();
    expect(files).toEqual(listNotebooks().map((f) => path.basename(f)));
    const ids = new Set<string>();
    for (const f of files) {
      for (const c of readNb(path.join(student, 'notebooks', f)).cells) {
        if (c.cell_type === 'code') {
          expect(c.outputs, `${f} ${c.id}`).toEqual([]);
          expect(c.execution_count).toBeNull();
        }
        const role = teachingRole(c);
        if (role?.role === 'answer') {
          ids.add(role.exercise!);
          expect(sourceText(c.source)).toContain(`const ${answerName(role.exercise!)} = null;`);
        }
      }
    }
    expect([...ids].sort()).toEqual(EXERCISES.map((e) => e.id).sort());
  });

  it('holds no solution text and no "Reading it" answers, in its notebooks or its dist/', () => {
    const texts = filesUnder(student).filter((f) => !f.includes(`${path.sep}data${path.sep}`)).map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }));
    expect(fs.existsSync(path.join(student, 'dist', 'teaching', 'solutions'))).toBe(false);
    for (const [id, s] of Object.entries(SOLUTIONS)) {
      const probes = [s.reading.nl.slice(0, 60), s.reading.en.slice(0, 60), ...s.code.split('\n').filter((l) => l.includes(answerName(id)))];
      for (const probe of probes) for (const { f, text } of texts) expect(text.includes(probe) || text.includes(JSON.stringify(probe).slice(1, -1)), `${id} in ${path.relative(student, f)}: ${probe}`).toBe(false);
    }
    for (const { f, text } of texts.filter((t) => t.f.endsWith('.ipynb'))) {
      expect(text, f).not.toContain('**Reading it');
      expect(text, f).toContain('**Your reading.**');
    }
  });

  it('says it is the student edition when asked for a solution', () => {
    const code = "const t = require('./dist/teaching'); t.solution('02-3', { lang: 'en' }); console.log(t.isStudentEdition());";
    const r = spawnSync(process.execPath, ['-e', code], { cwd: student, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('This is the student edition: it holds no solutions.');
    expect(r.stdout.trim().endsWith('true')).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(student, 'package.json'), 'utf8')).dependencies.tslab).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs its own commands as its README writes them: npm run student-data -- --student N, npm run progress -- --student NAME --out FILE', () => {
    const npm = (args: string[]) => spawnSync('npm', ['run', '--silent', ...args], { cwd: student, encoding: 'utf8' });
    const data = npm(['student-data', '--', '--student', '1234567']);
    expect(data.stderr, data.stderr).not.toMatch(/bad option|Error/);
    expect(data.status).toBe(0);
    expect(fs.existsSync(path.join(student, 'notebooks', 'my-study', 'survey.csv'))).toBe(true);
    const progress = npm(['progress', '--', '--student', 'Ann de Vries', '--out', 'progress.html']);
    expect(progress.status, progress.stderr).toBe(0);
    expect(progress.stdout).toMatch(/^progress\.html: 0 of \d+ exercises right/);
    expect(fs.readFileSync(path.join(student, 'progress.html'), 'utf8')).toContain('Ann de Vries');
    fs.rmSync(path.join(student, 'notebooks', 'my-study'), { recursive: true });
    fs.rmSync(path.join(student, 'progress.html'));
  });
});

describe('the teacher edition', () => {
  it('fills every answer cell with its solution and shows the solution after each check', () => {
    let answers = 0;
    for (const f of fs.readdirSync(path.join(teacher, 'notebooks'))) {
      for (const c of readNb(path.join(teacher, 'notebooks', f)).cells) {
        const role = teachingRole(c);
        if (role?.role === 'answer') {
          answers++;
          expect(sourceText(c.source)).toContain(SOLUTIONS[role.exercise!].code);
        }
        if (role?.role === 'check') expect(sourceText(c.source)).toContain(`solution('${role.exercise}');`);
      }
    }
    expect(answers).toBe(EXERCISES.length);
    expect(fs.existsSync(path.join(teacher, 'dist', 'teaching', 'solutions', 'index.js'))).toBe(true);
  });

  it('refuses to overwrite a folder that is not an edition', () => {
    const dir = tempDir('dv-edition-');
    fs.writeFileSync(path.join(dir, 'thesis.docx'), 'mine');
    expect(() => writeEdition(dir, 'student')).toThrow(/not empty and holds no edition.json/);
  });
});

describe('exercise cells in the notebooks', () => {
  it('are inserted idempotently, and every notebook holds those of the current exercise data', () => {
    for (const file of listNotebooks()) {
      const nb = readNb(file);
      const n = path.basename(file).slice(0, 2);
      const once = withExercises(nb, n);
      expect(withExercises(once, n), file).toEqual(once);
      expect(once, `${file}: run npx tsx scripts/teaching/insertExercises.ts ${path.relative(PROJECT_ROOT, file)}`).toEqual(nb);
    }
  });
});

/** Runs the notebooks of an edition headless; every exercise of them must have been checked, and be right. */
async function runEdition(dir: string, picked: string[]): Promise<void> {
  // runNotebooks registers the kernel and runs them two at a time
  const results = await runNotebooks({ notebooks: picked, outDir: path.join(dir, 'executed'), dataDir: path.join(dir, 'data'), lang: 'en', keepGoing: true, jupyter: jupyter! });
  for (const r of results) if (!r.ok) expect.fail(formatFailure(r.failure!));
  for (const file of picked) {
    const markers = notebookMarkers(path.join(dir, 'executed', path.basename(file)));
    const expected = EXERCISES.filter((e) => e.id.startsWith(path.basename(file).slice(0, 2))).map((e) => e.id);
    expect(markers.map((m) => m.id)).toEqual(expected);
    for (const m of markers) expect(m.result, `${m.id}: ${m.parts.map((p) => p.text).join(' | ')}`).toBe('right');
  }
}

describe.skipIf(!jupyter)('both editions run headless', () => {
  it('the student edition (notebooks 01 and 10), its answer cells filled with the solutions: every check right', async () => {
    const picked = ['01-study-and-data.ipynb', '10-interviews.ipynb'].map((f) => path.join(student, 'notebooks', f));
    for (const file of picked) {
      const nb = readNb(file);
      for (const c of nb.cells) {
        const role = teachingRole(c);
        if (role?.role === 'answer') c.source = sourceLines(SOLUTIONS[role.exercise!].code);
      }
      fs.writeFileSync(file, JSON.stringify(nb));
    }
    await runEdition(student, picked);
  }, 300_000);

  it('the teacher edition as written (every notebook, its solutions in the answer cells): every check right, every solution shown', async () => {
    const picked = listNotebooks().map((f) => path.join(teacher, 'notebooks', path.basename(f)));
    await runEdition(teacher, picked);
    const executed = fs.readdirSync(path.join(teacher, 'executed')).map((f) => fs.readFileSync(path.join(teacher, 'executed', f), 'utf8')).join('\n');
    // solution(id) after each check: every exercise's worked solution with its expected reading is in the outputs
    expect(executed.split('The expected reading').length - 1).toBe(EXERCISES.length);
  }, 600_000);
});
