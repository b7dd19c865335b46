/**
 * What the exercises share: reading a network or construct name from an
 * answer (with a message that lists the valid ones), and small statistics.
 */
import { networkValue } from '../../analysis/networkLevel';
import type { NetworkTableRow } from '../../analysis/networkTable';
import { bi } from '../answers';
import { AnswerFormError, type TeachingContext } from '../types';

/** The folder the own-data exercises use (relative to the notebook). */
export const OWN_DATA_DIR = 'my-study';

export const networkNames = (ctx: TeachingContext): string[] => ctx.study.networkRows.map((r) => r.network);

/** The network named by the answer (case-insensitive), or a message listing the study's networks. */
export function networkOf(answer: unknown, ctx: TeachingContext): string {
  const names = networkNames(ctx);
  const hit = typeof answer === 'string' ? names.find((n) => n.toLowerCase() === answer.trim().toLowerCase()) : undefined;
  if (hit === undefined) {
    const list = names.join(', ');
    throw new AnswerFormError(bi(`"${String(answer)}" is geen netwerk van deze studie; netwerken: ${list}.`, `"${String(answer)}" is not a network of this study; networks: ${list}.`));
  }
  return hit;
}

/** The construct (or item) id named by the answer: its id or its name in either language. */
export function constructOf(answer: unknown, ctx: TeachingContext, ids: readonly string[]): string {
  const text = typeof answer === 'string' ? answer.trim().toLowerCase() : '';
  const labels = (id: string): string[] => {
    const c = ctx.study.instrument.constructs.find((k) => k.id === id);
    const item = ctx.study.instrument.constructs.flatMap((k) => k.items).find((i) => i.id === id);
    const named = c ?? item;
    return [id, ...(named ? [named.nl, named.en] : [])].map((s) => s.toLowerCase());
  };
  const hit = ids.find((id) => labels(id).includes(text));
  if (hit === undefined) {
    throw new AnswerFormError(bi(`"${String(answer)}" is geen van ${ids.join(', ')}.`, `"${String(answer)}" is none of ${ids.join(', ')}.`));
  }
  return hit;
}

/** A construct's name in the study's language. */
export function nameOf(ctx: TeachingContext, id: string): string {
  const c = ctx.study.instrument.constructs.find((k) => k.id === id);
  if (c) return c[ctx.study.lang];
  const item = ctx.study.instrument.constructs.flatMap((k) => k.items).find((i) => i.id === id);
  return item ? item[ctx.study.lang] : id;
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
export function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

/** The networks with a value on a network-level variable, with that value. */
export function valuesOf(rows: readonly NetworkTableRow[], variable: string): Array<{ network: string; value: number }> {
  return rows.flatMap((r) => {
    const v = networkValue(r, variable);
    return v === null ? [] : [{ network: r.network, value: v }];
  });
}

/** The element with the largest key (first on ties). */
export function argmax<T>(xs: readonly T[], key: (x: T) => number): T {
  return xs.reduce((a, b) => (key(b) > key(a) ? b : a));
}
export function argmin<T>(xs: readonly T[], key: (x: T) => number): T {
  return xs.reduce((a, b) => (key(b) < key(a) ? b : a));
}

/** The study is the shipped default data: an own-data exercise says to pass the student's folder. */
export function requireOwnStudy(ctx: TeachingContext): void {
  if (ctx.study.isDefault) {
    throw new AnswerFormError(
      bi(
        `Deze opdracht gaat over je eigen data: maak ze met \`writeStudentStudy('je-studentnummer', '${OWN_DATA_DIR}')\` en check met \`check(id, antwoord, { dataDir: '${OWN_DATA_DIR}' })\`.`,
        `This exercise is about your own data: make them with \`writeStudentStudy('your-student-number', '${OWN_DATA_DIR}')\` and check with \`check(id, answer, { dataDir: '${OWN_DATA_DIR}' })\`.`,
      ),
    );
  }
}
