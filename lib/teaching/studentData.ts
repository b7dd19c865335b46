/**
 * Data a student makes: a study of ten networks generated with a seed from
 * the student number, so that two students get different data and every
 * check still works (checks recompute their answer from the data).
 *
 *   writeStudentStudy('1234567', 'my-study');      // in a notebook cell
 *   npx tsx scripts/teaching/studentData.ts --student 1234567 --out my-study
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInstrument } from '../io/instrument';
import { generateStudy, GENERATED_STUDY_MARK } from '../data/generateStudy';
import { UserInputError } from '../util/errors';

/** Networks in a student's study. */
export const STUDENT_GROUPS = 10;

/** The seed of a student's data: 'student-' + the student number (letters and digits, as given, lower case). */
export function studentSeed(student: string | number): string {
  const s = String(student).trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9_-]{2,39}$/.test(s)) {
    throw new UserInputError(`studentSeed: a student number is 3 to 40 letters or digits (e.g. '1234567' or 's1234567'); found ${JSON.stringify(student)}.`);
  }
  return `student-${s}`;
}

/** The files of a student's study (survey.csv, networks.csv): ten networks 'Network A' .. 'Network J', 6 to 14 members answering. */
export function studentStudyFiles(student: string | number): Record<string, string> {
  return generateStudy(readInstrument(), {
    groups: STUDENT_GROUPS,
    respondents: [6, 14],
    seed: studentSeed(student),
    names: (k) => `Network ${String.fromCharCode(65 + k)}`,
  });
}

/**
 * Writes the student's study into `dir` (made if needed) and returns the
 * folder. Refuses to overwrite a survey.csv that this generator did not write.
 */
export function writeStudentStudy(student: string | number, dir: string): string {
  const out = path.resolve(dir);
  const survey = path.join(out, 'survey.csv');
  if (fs.existsSync(survey) && !fs.readFileSync(survey, 'utf8').includes(GENERATED_STUDY_MARK)) {
    throw new UserInputError(`${survey} exists and was not generated: choose an empty folder for your generated study (your own files are never overwritten).`);
  }
  fs.mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(studentStudyFiles(student))) fs.writeFileSync(path.join(out, name), text);
  return out;
}
