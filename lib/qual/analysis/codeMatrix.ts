/**
 * The code-by-network matrix (report 5.4: "the third researcher made the
 * overarching analysis per theme"): how often each theme (or code) was coded
 * in the interview of each network, and whether it occurs at all. Uses the
 * analysis documents (the calibration copies are left out, see
 * analysisDocuments) unless `groups` says otherwise.
 */
import type { Language } from '../../io/instrument';
import { UserInputError } from '../../util/errors';
import { codeLabel } from '../codebook';
import { analysisDocuments, codePath, themeOf, type QualDocument, type QualProject } from '../model';
import { NETWORKS } from '../io/maxqda';

export interface CodeMatrixOptions {
  /** 'theme' (default): subcodes count for their theme; 'code': every code its own row. */
  level?: 'theme' | 'code';
  /** Document groups to use (default: all but the copy groups). */
  groups?: readonly string[];
  /** Label language of the rows; default 'nl'. */
  lang?: Language;
}

export interface CodeMatrix {
  level: 'theme' | 'code';
  /** Columns: networks (the report's order first, then others; a document without network counts under its name). */
  networks: string[];
  /** Rows: codes in code-system order, labelled in the language asked for and in both languages. */
  codes: Array<{ id: string; path: string; label: string; nl: string; en: string }>;
  /** counts[row][column]: coded segments. */
  counts: number[][];
  /** presence[row][column]: 1 when the code occurs in the network's interview(s). */
  presence: Array<Array<0 | 1>>;
  /** Per network: documents used and their coders. */
  documents: Array<{ network: string; documents: number; coders: string[] }>;
  /** Row totals and number of networks where the code occurs. */
  totals: Array<{ segments: number; networks: number }>;
  synthetic: boolean;
}

export const networkOf = (d: QualDocument): string => d.network ?? d.name;

/** The documents an analysis across networks uses (groups given or the default). */
export function selectDocuments(project: QualProject, groups: readonly string[] | undefined, fn: string): QualDocument[] {
  if (!groups) return analysisDocuments(project);
  const known = [...new Set(project.documents.map((d) => d.group))];
  const bad = groups.filter((g) => !known.includes(g));
  if (bad.length) throw new UserInputError(`${fn}: no document group ${bad.map((g) => JSON.stringify(g)).join(', ')}; the groups are ${known.map((g) => JSON.stringify(g)).join(', ')}.`);
  return project.documents.filter((d) => groups.includes(d.group));
}

/** Networks in the report's order, then any others in order of appearance. */
export function orderNetworks(names: Iterable<string>): string[] {
  const set = [...new Set(names)];
  return [...NETWORKS.filter((n) => set.includes(n)), ...set.filter((n) => !(NETWORKS as readonly string[]).includes(n))];
}

/**
 * @example
 *   const m = codeMatrix(loadInterviews());
 *   m.counts[m.codes.findIndex((c) => c.label === 'Vertrouwen als bindmiddel')]; // segments per network
 */
export function codeMatrix(project: QualProject, options: CodeMatrixOptions = {}): CodeMatrix {
  const level = options.level ?? 'theme';
  if (level !== 'theme' && level !== 'code') throw new UserInputError(`codeMatrix: option level is ${JSON.stringify(level)}; expected "theme" or "code".`);
  const lang = options.lang ?? 'nl';
  const docs = selectDocuments(project, options.groups, 'codeMatrix');
  const networks = orderNetworks(docs.map(networkOf));
  const rows = level === 'theme' ? project.codes.filter((c) => c.parentId === null) : project.codes.slice();
  const rowIndex = new Map(rows.map((c, i) => [c.id, i]));
  const counts = rows.map(() => networks.map(() => 0));
  const docIds = new Map(docs.map((d) => [d.id, networks.indexOf(networkOf(d))]));
  for (const s of project.segments) {
    const col = docIds.get(s.documentId);
    if (col === undefined) continue;
    const row = rowIndex.get(level === 'theme' ? themeOf(project.codes, s.codeId).id : s.codeId);
    if (row !== undefined) counts[row][col]++;
  }
  const presence = counts.map((r) => r.map((v) => (v > 0 ? 1 : 0) as 0 | 1));
  return {
    level,
    networks,
    codes: rows.map((c) => ({ id: c.id, path: codePath(project.codes, c.id), label: codeLabel(c, lang), nl: codeLabel(c, 'nl'), en: codeLabel(c, 'en') })),
    counts,
    presence,
    documents: networks.map((n) => {
      const own = docs.filter((d) => networkOf(d) === n);
      const ids = new Set(own.map((d) => d.id));
      return { network: n, documents: own.length, coders: [...new Set(project.segments.filter((s) => ids.has(s.documentId)).map((s) => s.coder))] };
    }),
    totals: counts.map((r) => ({ segments: r.reduce((a, b) => a + b, 0), networks: r.filter((v) => v > 0).length })),
    synthetic: project.dataOrigin?.startsWith('synthetic') ?? false,
  };
}
