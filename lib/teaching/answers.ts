/**
 * Reading a student's answer: the form checks that turn a wrong form into
 * a message (never a stack trace), and small helpers the checks share.
 */
import { AnswerFormError, type Bilingual, type FeedbackPart } from './types';

export const bi = (nl: string, en: string): Bilingual => ({ nl, en });
export const right = (nl: string, en: string): FeedbackPart => ({ ok: true, text: { nl, en } });
export const wrong = (nl: string, en: string): FeedbackPart => ({ ok: false, text: { nl, en } });
/** A part that is right or wrong depending on `ok`. */
export const part = (ok: boolean, yes: Bilingual, no: Bilingual): FeedbackPart => ({ ok, text: ok ? yes : no });

/** A number for feedback: `digits` decimals, '–' for null. */
export function fmt(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

const shown = (v: unknown): string => {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(v);
  }
};

/** The answer as a finite number (a numeric string like "0.83" or "0,83" is read too). */
export function asNumber(answer: unknown, what: Bilingual): number {
  if (typeof answer === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(answer)) return Number(answer.replace(',', '.'));
  if (typeof answer !== 'number' || !Number.isFinite(answer)) {
    throw new AnswerFormError(bi(`Verwacht: ${what.nl} (een getal); gevonden: ${shown(answer)}.`, `Expected ${what.en} (a number); found ${shown(answer)}.`));
  }
  return answer;
}

/** The answer as a non-empty string, trimmed. */
export function asText(answer: unknown, what: Bilingual): string {
  if (typeof answer !== 'string' || answer.trim() === '') {
    throw new AnswerFormError(bi(`Verwacht: ${what.nl} (tekst tussen aanhalingstekens); gevonden: ${shown(answer)}.`, `Expected ${what.en} (text in quotes); found ${shown(answer)}.`));
  }
  return answer.trim();
}

/** The answer as a list of strings (one string is read as a list of one). */
export function asTextList(answer: unknown, what: Bilingual): string[] {
  const list = typeof answer === 'string' ? [answer] : answer;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
    throw new AnswerFormError(bi(`Verwacht: ${what.nl} (een lijst met tekst, bijv. ['a', 'b']); gevonden: ${shown(answer)}.`, `Expected ${what.en} (a list of strings, e.g. ['a', 'b']); found ${shown(answer)}.`));
  }
  return (list as string[]).map((s) => s.trim());
}

/** The answer as an object with these keys (extra keys are allowed). */
export function asRecord(answer: unknown, keys: readonly string[], what: Bilingual): Record<string, unknown> {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer) || keys.some((k) => !(k in (answer as object)))) {
    const form = `{ ${keys.map((k) => `${k}: ...`).join(', ')} }`;
    throw new AnswerFormError(bi(`Verwacht: ${what.nl} als ${form}; gevonden: ${shown(answer)}.`, `Expected ${what.en} as ${form}; found ${shown(answer)}.`));
  }
  return answer as Record<string, unknown>;
}

/** The answer as one of the allowed choices (case-insensitive). */
export function asChoice<T extends string>(answer: unknown, choices: readonly T[], what: Bilingual): T {
  const s = typeof answer === 'string' ? answer.trim().toLowerCase() : null;
  const hit = choices.find((c) => c.toLowerCase() === s);
  if (hit === undefined) {
    const list = choices.map((c) => `'${c}'`).join(', ');
    throw new AnswerFormError(bi(`Verwacht: ${what.nl}, een van ${list}; gevonden: ${shown(answer)}.`, `Expected ${what.en}, one of ${list}; found ${shown(answer)}.`));
  }
  return hit;
}

/** |a - b| <= tolerance (answers read from a table with two or three decimals). */
export const near = (a: number, b: number, tolerance = 0.006): boolean => Math.abs(a - b) <= tolerance;

/** Same members, order ignored, case-insensitive. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map((s) => s.toLowerCase()));
  const y = new Set(b.map((s) => s.toLowerCase()));
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** The names in `given` that are not in `known` (case-insensitive), for "unknown network" feedback. */
export function unknownNames(given: readonly string[], known: readonly string[]): string[] {
  const k = new Set(known.map((s) => s.toLowerCase()));
  return given.filter((g) => !k.has(g.toLowerCase()));
}

/** The free-text reason of a defended decision: at least a few words, echoed in the feedback for the teacher. */
export function reasonPart(because: unknown): FeedbackPart {
  const text = typeof because === 'string' ? because.trim() : '';
  const words = text.split(/\s+/).filter(Boolean).length;
  return words >= 8
    ? right(`Je onderbouwing (${words} woorden) staat in je voortgang; je docent leest hem: "${text}"`, `Your defence (${words} words) is kept in your progress; your teacher reads it: "${text}"`)
    : wrong('Schrijf in `because` in minstens een paar zinnen (8 woorden of meer) waarom: een keuze verdedig je met argumenten.', 'Write in `because`, in a sentence or two (8 words or more), why: a decision is defended with arguments.');
}
