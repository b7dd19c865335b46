/**
 * Which codings are compared (internal to lib/qual/agreement): the units
 * (documents coded by at least two of the coders), the coders, and the codes.
 *
 * MAXQDA's intercoder check compares copies of one document that carry the
 * same name and lie in different document groups, each coded by one coder.
 * Without the option `groups`, the copy groups are used when the project has
 * them (groups whose every document also lies in another group, here
 * "Kalibratie A/B/C"); otherwise all documents. A document coded directly by
 * two coders is compared too.
 */
import { ProblemList } from '../../util/problems';
import { UserInputError } from '../../util/errors';
import { copyGroups, findCode, themeOf, themes, type CodedSegment, type QualCode, type QualProject } from '../model';

export interface ComparisonOptions {
  /** Coders to compare (default: every coder who shares a document with another). */
  coders?: readonly string[];
  /** Document groups to take the documents from (default: the copy groups if any, else all). */
  groups?: readonly string[];
  /**
   * 'code' (default): compare the codes as given; 'theme': a segment counts for
   * its top-level theme (two coders agree on the theme even with different subcodes).
   */
  level?: 'code' | 'theme';
  /** Codes (or themes) to compare, by id, name or path; default: every code either coder used. */
  codes?: readonly string[];
}

export interface ComparisonUnit {
  /** Document name shared by the copies. */
  name: string;
  text: string;
  network: string | null;
  /** Coder -> the document id holding that coder's codings. */
  documents: Map<string, string>;
}

export interface Comparison {
  coders: string[];
  units: ComparisonUnit[];
  /** The compared codes (categories), in code-system order. */
  codes: QualCode[];
  /** Segments of a coder in a unit, with the compared code id each counts for (null: not compared). */
  segments(unit: ComparisonUnit, coder: string): Array<{ segment: CodedSegment; code: string }>;
  level: 'code' | 'theme';
  /** The document groups used. */
  groups: string[];
  notes: string[];
}

export function buildComparison(project: QualProject, options: ComparisonOptions, fn: string): Comparison {
  const level = options.level ?? 'code';
  if (level !== 'code' && level !== 'theme') throw new UserInputError(`${fn}: option level is ${JSON.stringify(level)}; expected "code" or "theme".`);
  const allGroups = [...new Set(project.documents.map((d) => d.group))];
  const problems = new ProblemList();
  let groups: string[];
  const notes: string[] = [];
  if (options.groups) {
    groups = [...options.groups];
    for (const g of groups) if (!allGroups.includes(g)) problems.add(`option groups: no document group ${JSON.stringify(g)}; the groups are ${allGroups.map((x) => JSON.stringify(x)).join(', ')}`);
  } else {
    const copies = copyGroups(project.documents);
    groups = copies.length > 0 ? copies : allGroups;
    if (copies.length > 0 && copies.length < allGroups.length) notes.push(`Compared the copies in the groups ${copies.map((g) => `"${g}"`).join(', ')} (MAXQDA's intercoder set-up); pass the option groups to choose others.`);
  }
  problems.throwIfAny(fn, 'options');
  const docs = project.documents.filter((d) => groups.includes(d.group));
  const segsByDoc = new Map<string, CodedSegment[]>();
  for (const s of project.segments) {
    if (!segsByDoc.has(s.documentId)) segsByDoc.set(s.documentId, []);
    segsByDoc.get(s.documentId)!.push(s);
  }
  // name -> coder -> document ids
  const byName = new Map<string, Map<string, string[]>>();
  for (const d of docs) {
    if (!byName.has(d.name)) byName.set(d.name, new Map());
    const m = byName.get(d.name)!;
    for (const coder of new Set((segsByDoc.get(d.id) ?? []).map((s) => s.coder))) {
      if (!m.has(coder)) m.set(coder, []);
      m.get(coder)!.push(d.id);
    }
  }
  const shared = [...byName.values()].filter((m) => m.size >= 2);
  const known = project.coders.filter((c) => shared.some((m) => m.has(c)));
  for (const m of shared) for (const c of m.keys()) if (!known.includes(c)) known.push(c);
  const coders = options.coders ? [...options.coders] : known;
  for (const c of coders) {
    if (!project.segments.some((s) => s.coder === c)) problems.add(`option coders: ${JSON.stringify(c)} coded nothing in this project; the coders are ${project.coders.map((x) => JSON.stringify(x)).join(', ')}`);
  }
  if (new Set(coders).size !== coders.length) problems.add('option coders: a coder is listed twice');
  problems.throwIfAny(fn, 'options');
  if (coders.length < 2) {
    throw new UserInputError(`${fn}: found ${coders.length} coder(s) who coded a document another coder also coded; agreement needs at least two coders on the same documents. Check the document groups (${allGroups.map((g) => `"${g}"`).join(', ')}) and the option coders.`);
  }
  const docById = new Map(project.documents.map((d) => [d.id, d]));
  const units: ComparisonUnit[] = [];
  for (const [name, m] of byName) {
    const present = coders.filter((c) => m.has(c));
    if (present.length < 2) continue;
    const documents = new Map<string, string>();
    for (const c of present) {
      const ids = m.get(c)!;
      if (ids.length > 1) {
        problems.add(
          `coder ${JSON.stringify(c)} coded ${ids.length} documents named "${name}" (groups ${ids.map((i) => `"${docById.get(i)!.group}"`).join(', ')}); choose the groups to compare with the option groups, e.g. { groups: [${[...new Set(docs.filter((d) => d.name === name).map((d) => JSON.stringify(d.group)))].join(', ')}] }`,
        );
        continue;
      }
      documents.set(c, ids[0]);
    }
    const texts = new Set([...documents.values()].map((id) => docById.get(id)!.text));
    if (texts.size > 1) {
      problems.add(`the copies of "${name}" have different texts; intercoder agreement needs the identical document for every coder`);
      continue;
    }
    const first = docById.get([...documents.values()][0])!;
    units.push({ name, text: first.text, network: first.network, documents });
  }
  problems.throwIfAny(fn, 'comparison');
  if (units.length === 0) throw new UserInputError(`${fn}: no document was coded by at least two of the coders ${coders.map((c) => JSON.stringify(c)).join(', ')} in the groups ${groups.map((g) => JSON.stringify(g)).join(', ')}.`);

  const mapCode = (codeId: string): string => (level === 'theme' ? themeOf(project.codes, codeId).id : codeId);
  let codes: QualCode[];
  if (options.codes) {
    const wanted = new Set<string>();
    for (const ref of options.codes) {
      const c = findCode(project.codes, String(ref));
      if (!c) problems.add(`option codes: no code ${JSON.stringify(ref)}; themes: ${themes(project.codes).map((t) => `"${t.name}"`).join(', ')}`);
      else wanted.add(mapCode(c.id));
    }
    problems.throwIfAny(fn, 'options');
    codes = project.codes.filter((c) => wanted.has(c.id));
  } else {
    const used = new Set<string>();
    for (const u of units) for (const [c, id] of u.documents) for (const s of segsByDoc.get(id) ?? []) if (s.coder === c) used.add(mapCode(s.codeId));
    codes = project.codes.filter((c) => used.has(c.id));
  }
  const compared = new Set(codes.map((c) => c.id));
  return {
    coders,
    units,
    codes,
    level,
    groups,
    notes,
    segments(unit, coder) {
      const id = unit.documents.get(coder);
      if (!id) return [];
      return (segsByDoc.get(id) ?? []).filter((s) => s.coder === coder).map((segment) => ({ segment, code: mapCode(segment.codeId) })).filter((x) => compared.has(x.code));
    },
  };
}
