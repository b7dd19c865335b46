/**
 * The data model of the qualitative half of the study (report 5.4): interview
 * reports (documents), a hierarchical code system, and coded segments. It is
 * the common ground of the importers (REFI-QDA .qdpx/.qdc, MAXQDA's
 * coded-segments table), the agreement statistics and the analyses.
 *
 * - A document is one text: the written report of an interview with the
 *   coordinator(s) of one network. `group` is its document group; MAXQDA's
 *   intercoder check needs a copy of the same document per coder, in
 *   different groups and with the same name (here "Interviews" for the
 *   analysis and "Kalibratie A/B/C" for the calibration round).
 * - A code has a parent (null for a top-level theme), so the code system is
 *   a tree: themes with subcodes.
 * - A coded segment is one code given by one coder to the characters
 *   [start, end) of one document. Positions count Unicode code points from 0,
 *   the end is exclusive (REFI-QDA's startPosition/endPosition); `text` is
 *   exactly those characters.
 */
import { ProblemList } from '../util/problems';
import { sliceCodePoints, textIndex } from './text';

export interface QualCode {
  /** Unique id (the GUID in REFI-QDA files). */
  id: string;
  /** The name shown to coders, e.g. "Wat hindert". Unique among siblings. */
  name: string;
  /** Id of the parent code; null for a top-level theme. */
  parentId: string | null;
  /** Definition, when to use it, an example (the codebook's text). */
  description: string;
  /** '#rrggbb' or null. */
  color: string | null;
  /** Whether segments may carry this code (REFI-QDA isCodable). */
  codable: boolean;
}

export interface QualDocument {
  id: string;
  /** Document name; copies of one interview for different coders share it. */
  name: string;
  /** Document group (MAXQDA) or set (REFI-QDA); '' when none. */
  group: string;
  /** The network the interview is about, or null when unknown. */
  network: string | null;
  /** The full text; positions of segments refer to it. */
  text: string;
  description: string;
  /** Document variables (REFI-QDA VariableValue, text form), e.g. data_origin. */
  variables: Record<string, string>;
}

export interface CodedSegment {
  id: string;
  documentId: string;
  codeId: string;
  /** Who coded it (user name in REFI-QDA, "Created by" in MAXQDA). */
  coder: string;
  /** First character (code point, 0-based). */
  start: number;
  /** One past the last character (exclusive). */
  end: number;
  /** The coded characters: document text from start to end. */
  text: string;
  /** ISO date-time of coding, or null. */
  created: string | null;
}

export interface QualProject {
  name: string;
  description: string;
  /** The program or code that made the project (REFI-QDA origin). */
  origin: string;
  /** Marks synthetic data (starts with "synthetic"), as the data_origin column of the survey files; null for real data. */
  dataOrigin: string | null;
  codes: QualCode[];
  documents: QualDocument[];
  segments: CodedSegment[];
  /** Coders in a fixed order (users of the project). */
  coders: string[];
}

/** The separator of code paths, as MAXQDA writes them: "Vertrouwen als bindmiddel > Wat hindert". */
export const PATH_SEPARATOR = ' > ';

/** The code with this id (throws a plain Error when missing: a bug, not user input). */
export function codeById(codes: readonly QualCode[], id: string): QualCode {
  const c = codes.find((k) => k.id === id);
  if (!c) throw new Error(`unknown code id ${id}`);
  return c;
}

/** Names from the top-level theme down to the code. */
export function codeNames(codes: readonly QualCode[], id: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let c: QualCode | undefined = codeById(codes, id);
  while (c) {
    if (seen.has(c.id)) throw new Error(`the code system has a cycle at ${c.name}`);
    seen.add(c.id);
    names.unshift(c.name);
    c = c.parentId === null ? undefined : codes.find((k) => k.id === c!.parentId);
  }
  return names;
}

/** "Theme > Subcode". */
export function codePath(codes: readonly QualCode[], id: string, separator = PATH_SEPARATOR): string {
  return codeNames(codes, id).join(separator);
}

/** The top-level ancestor (the theme) of a code; the code itself when it is top-level. */
export function themeOf(codes: readonly QualCode[], id: string): QualCode {
  let c = codeById(codes, id);
  const seen = new Set<string>();
  while (c.parentId !== null && !seen.has(c.id)) {
    seen.add(c.id);
    c = codeById(codes, c.parentId);
  }
  return c;
}

/** Top-level codes in code-system order. */
export function themes(codes: readonly QualCode[]): QualCode[] {
  return codes.filter((c) => c.parentId === null);
}

/** The code and all codes below it. */
export function descendantIds(codes: readonly QualCode[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes) {
      if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Finds a code by id, by path ("Vertrouwen als bindmiddel > Wat hindert", also
 * with "\" between levels, as older MAXQDA versions write it) or by a name that is unique in the code
 * system. Case and surrounding spaces are ignored. Undefined when not found or
 * ambiguous.
 */
export function findCode(codes: readonly QualCode[], ref: string): QualCode | undefined {
  const byId = codes.find((c) => c.id === ref);
  if (byId) return byId;
  const key = (s: string) => s.trim().toLowerCase();
  const parts = splitCodePath(ref).map(key);
  if (parts.length === 0) return undefined;
  const matches = codes.filter((c) => {
    const names = codeNames(codes, c.id).map(key);
    return parts.length === 1 ? names[names.length - 1] === parts[0] : names.length === parts.length && names.every((n, i) => n === parts[i]);
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** The names in a code path: "A > B" or "A\\B" (MAXQDA), empty parts dropped. */
export function splitCodePath(path: string): string[] {
  return path.split(/\s*(?:>|\\)\s*/).map((p) => p.trim()).filter((p) => p !== '');
}

/** Resolves code references (ids, paths, names) or throws a UserInputError-style list via `problems`. */
export function resolveCodes(codes: readonly QualCode[], refs: readonly string[], problems: ProblemList, where: string): QualCode[] {
  const out: QualCode[] = [];
  for (const ref of refs) {
    const c = findCode(codes, String(ref));
    if (c) out.push(c);
    else {
      const known = themes(codes).map((t) => `"${t.name}"`).join(', ');
      problems.add(`${where}: no code ${JSON.stringify(ref)} in the code system (give an id, a unique name or a path "Theme > Subcode"; themes: ${known})`);
    }
  }
  return out;
}

/**
 * Document groups that only hold copies: every document name in the group also
 * occurs in another group. In MAXQDA's intercoder workflow these are the
 * per-coder copies ("Kalibratie A", "Kalibratie B", ...).
 */
export function copyGroups(documents: readonly QualDocument[]): string[] {
  const groupsOf = new Map<string, Set<string>>();
  for (const d of documents) {
    if (!groupsOf.has(d.name)) groupsOf.set(d.name, new Set());
    groupsOf.get(d.name)!.add(d.group);
  }
  const groups = [...new Set(documents.map((d) => d.group))];
  return groups.filter((g) => documents.filter((d) => d.group === g).every((d) => groupsOf.get(d.name)!.size > 1));
}

/**
 * The documents an analysis across networks uses: all documents outside the
 * copy groups (so that a calibration copy is not counted twice); all documents
 * when every group is a copy group.
 */
export function analysisDocuments(project: QualProject): QualDocument[] {
  const copies = new Set(copyGroups(project.documents));
  const main = project.documents.filter((d) => !copies.has(d.group));
  return main.length > 0 ? main : project.documents.slice();
}

/**
 * Checks a project for consistency and adds every problem to `problems`:
 * unique ids, segments pointing at existing documents and codes, positions
 * inside the text, segment text equal to the document's characters, codes that
 * may be coded, parents that exist and no cycles.
 */
export function checkProject(project: QualProject, problems: ProblemList): void {
  const ids = new Map<string, string>();
  const unique = (id: string, what: string) => {
    if (typeof id !== 'string' || id === '') problems.add(`${what}: missing id`);
    else if (ids.has(id)) problems.add(`${what}: id ${id} is also used by ${ids.get(id)}`);
    else ids.set(id, what);
  };
  const codes = new Map(project.codes.map((c) => [c.id, c]));
  for (const c of project.codes) {
    unique(c.id, `code "${c.name}"`);
    if (typeof c.name !== 'string' || c.name.trim() === '') problems.add(`code ${c.id}: the name is empty; expected a code name`);
    if (c.parentId !== null && !codes.has(c.parentId)) problems.add(`code "${c.name}": parent ${c.parentId} does not exist`);
  }
  for (const c of project.codes) {
    const seen = new Set<string>();
    let k: QualCode | undefined = c;
    while (k && k.parentId !== null) {
      if (seen.has(k.id)) {
        problems.add(`code "${c.name}": the parents form a cycle; expected a tree`);
        break;
      }
      seen.add(k.id);
      k = codes.get(k.parentId);
    }
  }
  const siblings = new Map<string, string>();
  for (const c of project.codes) {
    const key = `${c.parentId ?? ''}\u0000${c.name.trim().toLowerCase()}`;
    if (siblings.has(key)) problems.add(`code "${c.name}": another code with this name has the same parent; names must differ among siblings`);
    siblings.set(key, c.id);
  }
  const docs = new Map(project.documents.map((d) => [d.id, d]));
  const docKey = new Map<string, string>();
  for (const d of project.documents) {
    unique(d.id, `document "${d.name}"`);
    if (typeof d.text !== 'string') problems.add(`document "${d.name}": no text`);
    const key = `${d.group}\u0000${d.name}`;
    if (docKey.has(key)) problems.add(`document "${d.name}"${d.group ? ` in group "${d.group}"` : ''}: two documents have this name in the same group`);
    docKey.set(key, d.id);
  }
  const indexes = new Map(project.documents.map((d) => [d.id, textIndex(d.text ?? '')]));
  for (const s of project.segments) {
    const what = `segment ${s.id}`;
    unique(s.id, what);
    const d = docs.get(s.documentId);
    const c = codes.get(s.codeId);
    if (!d) problems.add(`${what}: document ${s.documentId} does not exist`);
    if (!c) problems.add(`${what}: code ${s.codeId} does not exist`);
    else if (!c.codable) problems.add(`${what}: code "${c.name}" is not codable (isCodable="false")`);
    if (typeof s.coder !== 'string' || s.coder.trim() === '') problems.add(`${what}: no coder; expected the name of the person who coded it`);
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start) {
      problems.add(`${what}: positions ${s.start}-${s.end}; expected whole numbers with 0 <= start < end`);
      continue;
    }
    if (d) {
      const index = indexes.get(d.id)!;
      if (s.end > index.length) problems.add(`${what} in "${d.name}": ends at ${s.end}, after the end of the text (${index.length} characters)`);
      else if (sliceCodePoints(d.text, s.start, s.end, index) !== s.text) problems.add(`${what} in "${d.name}": its text differs from the document's characters ${s.start}-${s.end}`);
    }
  }
}

/** Checks a project and throws one UserInputError listing every problem. */
export function validateProject(project: QualProject, source = 'project'): QualProject {
  const problems = new ProblemList();
  checkProject(project, problems);
  problems.throwIfAny(source, 'qualitative project');
  return project;
}
