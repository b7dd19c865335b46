/**
 * Every exercise's check against its own solution (must be right) and
 * against a typical wrong answer (must not be right, with the feedback that
 * names the mistake), on the shipped data and, for the own-data exercises,
 * on a study generated for a student number. Also: the placeholder is
 * "open", a wrong form is "invalid", two students' data differ, the
 * feedback's marker survives the round trip into a progress summary.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStudy } from '../../lib/notebooks/context';
import { EXERCISES, allSolutions, notebookExercises, setSolutions } from '../../lib/teaching/catalog';
import { SOLUTIONS } from '../../lib/teaching/solutions';
import { teachingContext } from '../../lib/teaching/context';
import { evaluateAnswer } from '../../lib/teaching/evaluate';
import { feedbackHtml, exerciseHtml, solutionHtml } from '../../lib/teaching/render';
import { readProgress, progressMarkdown } from '../../lib/teaching/progress';
import { studentStudyFiles, writeStudentStudy, studentSeed } from '../../lib/teaching/studentData';
import { check, exercise, solution } from '../../lib/teaching';
import type { TeachingContext } from '../../lib/teaching/types';
import { tempDir } from '../tempDirs';
import { WRONG_ANSWERS } from './wrongAnswers';

let shipped: TeachingContext;
let own: TeachingContext;
let ownDir: string;

beforeAll(() => {
  setSolutions(SOLUTIONS); // vitest runs the sources: no require('./solutions') of compiled code
  shipped = teachingContext(openStudy({ lang: 'en' }));
  ownDir = writeStudentStudy('1234567', path.join(tempDir('dv-teaching-'), 'my-study'));
  own = teachingContext(openStudy({ dataDir: ownDir, lang: 'en' }));
});

const contextOf = (ownData?: boolean) => (ownData ? own : shipped);
const en = (parts: Array<{ text: { en: string } }>) => parts.map((p) => p.text.en).join(' | ');

describe('the course path', () => {
  it('has 4 to 6 exercises for every notebook 01-10, each with a solution and a typical wrong answer', () => {
    const solutions = allSolutions()!;
    for (let k = 1; k <= 10; k++) {
      const n = notebookExercises(String(k).padStart(2, '0')).length;
      expect(n, `notebook ${k}`).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(6);
    }
    for (const e of EXERCISES) {
      expect(solutions[e.id], e.id).toBeDefined();
      expect(WRONG_ANSWERS[e.id], e.id).toBeDefined();
      expect(solutions[e.id].code).toContain(`const answer_${e.id.replace('-', '_')} =`);
      for (const t of [e.title, e.prompt, e.hint, e.answerForm, solutions[e.id].reading]) expect(t.nl.length > 0 && t.en.length > 0 && t.nl !== t.en, e.id).toBe(true);
    }
  });
});

describe('each check', () => {
  for (const e of EXERCISES) {
    it(`${e.id}: its solution is right, a typical wrong answer is not, and says why`, () => {
      const ctx = contextOf(e.ownData);
      const solved = allSolutions()![e.id].solve(ctx);
      const good = evaluateAnswer(e.id, solved, ctx);
      expect(good.result, `${e.id}: ${en(good.parts)}`).toBe('right');
      const bad = WRONG_ANSWERS[e.id];
      const fb = evaluateAnswer(e.id, bad.answer(solved, ctx), ctx);
      expect(['wrong', 'partly'], `${e.id}: ${en(fb.parts)}`).toContain(fb.result);
      expect(en(fb.parts.filter((p) => !p.ok))).toContain(bad.says);
    });
  }
});

describe('answers that are not answers', () => {
  it('the placeholder null is open, a wrong form is invalid with the form expected', () => {
    expect(evaluateAnswer('02-1', null, shipped).result).toBe('open');
    const f = evaluateAnswer('02-1', 'trust_6', shipped);
    expect(f.result).toBe('invalid');
    expect(f.parts[0].text.en).toContain('{ item: ..., r: ... }');
    const n = evaluateAnswer('06-3', 'about .6', shipped);
    expect(n.result).toBe('invalid');
    expect(n.parts[0].text.en).toContain('(a number)');
    expect(evaluateAnswer('01-2', 'Nowhere', shipped).parts[0].text.en).toContain('is not a network of this study');
  });

  it('an own-data exercise checked on the shipped data says how to make your data', () => {
    const f = evaluateAnswer('01-5', { rows: 1, network: 'Notos' }, shipped);
    expect(f.result).toBe('invalid');
    expect(f.parts[0].text.en).toContain("writeStudentStudy('your-student-number', 'my-study')");
  });
});

describe('a study without the variables an exercise is written about', () => {
  it('gets one line instead of the prompt, and the check says the same (open, not wrong)', () => {
    // the shipped study without shared_vision: exercise 07-2 is about it
    const rows = shipped.study.networkRows.map((r) => ({ ...r, means: Object.fromEntries(Object.entries(r.means).filter(([k]) => k !== 'shared_vision')) }));
    const study = { ...shipped.study, networkRows: rows };
    const lacking = teachingContext(study);
    const shown: string[] = [];
    const display = { html: (s: string) => shown.push(s) };
    exercise('07-2', { study, lang: 'en', display });
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('Exercise 07-2 is written for the shipped study: this study lacks a variable it uses.');
    expect(shown[0]).not.toContain('shared_vision');
    const feedback = evaluateAnswer('07-2', { r: 0.5, rho: 0.5 }, lacking);
    expect(feedback.result).toBe('open');
    expect(en(feedback.parts)).toMatch(/^Exercise 07-2 is written for the shipped study/);
    // an exercise whose variables are all there is unchanged
    expect(evaluateAnswer('07-1', null, lacking).result).toBe('open');
    expect(en(evaluateAnswer('07-1', null, lacking).parts)).toMatch(/^No answer yet/);
  });
});

describe('data per student', () => {
  it("two student numbers give different data; one student's answer is not another's", () => {
    expect(studentSeed(' S1234567 ')).toBe('student-s1234567');
    expect(() => studentSeed('1')).toThrow(/3 to 40 letters or digits/);
    expect(studentStudyFiles('1234567')['survey.csv']).toBe(fs.readFileSync(path.join(ownDir, 'survey.csv'), 'utf8'));
    const otherDir = writeStudentStudy('7654321', path.join(tempDir('dv-teaching-'), 'my-study'));
    const other = teachingContext(openStudy({ dataDir: otherDir, lang: 'en' }));
    expect(other.study.survey.length === own.study.survey.length && other.study.networkRows.every((r, k) => r.responded === own.study.networkRows[k].responded)).toBe(false);
    const mine = allSolutions()!['01-5'].solve(own);
    expect(evaluateAnswer('01-5', mine, own).result).toBe('right');
    expect(evaluateAnswer('01-5', mine, other).result).not.toBe('right');
  });

  it('refuses to overwrite a survey.csv it did not write', () => {
    const dir = tempDir('dv-teaching-');
    fs.writeFileSync(path.join(dir, 'survey.csv'), 'respondent_id,network\n');
    expect(() => writeStudentStudy('1234567', dir)).toThrow(/was not generated/);
  });
});

describe('what a notebook shows, and what progress reads back', () => {
  it('prompt, feedback and solution as HTML; the feedback carries the marker', () => {
    const shown: string[] = [];
    const display = { html: (s: string) => shown.push(s) };
    exercise('02-3', { lang: 'nl', display });
    expect(shown[0]).toContain('Opdracht 02-3');
    check('02-3', { item: 'trust_1', r: 0.5, alphaDrop: 0.1 }, { study: shipped.study, display });
    expect(shown[1]).toContain('data-dv-check=');
    expect(shown[1]).toContain('<em>negative</em> item-rest r');
    solution('02-3', { lang: 'en', display });
    expect(shown[2]).toContain('const answer_02_3');
    expect(exerciseHtml(EXERCISES[0], 'en')).not.toContain('<script');
    expect(solutionHtml(EXERCISES[0], null, 'en')).toContain('student edition');
  });

  it('progress lists every exercise of the notebook with its last result', () => {
    const dir = tempDir('dv-progress-');
    const html = (id: string, answer: unknown) => feedbackHtml(evaluateAnswer(id, answer, shipped), 'en');
    const solved = allSolutions()!['01-2'].solve(shipped);
    const nb = { cells: [
      { cell_type: 'code', outputs: [{ output_type: 'display_data', data: { 'text/html': [html('01-2', 'Notos')] } }] },
      { cell_type: 'code', outputs: [{ output_type: 'display_data', data: { 'text/html': html('01-2', solved) } }] },
      { cell_type: 'code', outputs: [{ output_type: 'display_data', data: { 'text/html': html('01-1', { responded: 1, percent: 1 }) } }] },
    ] };
    const file = path.join(dir, '01-study-and-data.ipynb');
    fs.writeFileSync(file, JSON.stringify(nb));
    const rows = readProgress([file], 'en');
    expect(rows.map((r) => r.id)).toEqual(notebookExercises('01').map((e) => e.id));
    expect(rows.find((r) => r.id === '01-2')!.result).toBe('right');
    expect(rows.find((r) => r.id === '01-1')!.result).toBe('wrong');
    expect(rows.find((r) => r.id === '01-3')!.result).toBe('not checked');
    const md = progressMarkdown(rows, { student: 'Test' });
    expect(md).toContain('1 of 5 exercises right; 2 checked.');
    expect(md).toContain('| 01-study-and-data.ipynb | 01-1 | Reading the response | not right yet | 0/2 |');
  });
});
