/**
 * The study definition: what is specific to one study beside its codebook.
 * Which constructs make a group's portrait, which boundary dimensions and
 * motivation reasons it asks, which variables order each pattern figure and
 * which panels sit beside it, and the claims (hypotheses) to check across
 * groups. The report's study is the shipped default (`data/study.json`); a
 * data folder may hold its own `study.json` beside its codebook.
 *
 * `validateStudyDefinition` is the schema: it lists every problem with its
 * JSON path, as `validateInstrument` does for the codebook.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserInputError } from '../util/errors';
import { DEFAULT_MAX_PROBLEMS, suggestName } from '../util/problems';
import { readInstrument, DEFAULT_INSTRUMENT_PATH, type Bilingual, type Instrument } from './instrument';

/** +1: positive relation; -1: negative relation; 0: "no (direct) relation". */
export type FindingDirection = 1 | -1 | 0;

/**
 * A claim (hypothesis) about two group-level variables: the direction the
 * study states, its words, and any exception or comparison it adds.
 * Variables are group-level: `members`, `years` (networks.csv), or a
 * construct id (the group mean).
 */
export interface Finding {
  /** Stable id, e.g. 'vision_impact'. */
  id: string;
  /** Section of the report or paper the claim comes from ('4.1'); may be empty. */
  section: string;
  /** Id of the pattern figure the claim is read from ('impact' for Figure 16), or null. */
  pattern: string | null;
  /** The claim in words, Dutch. */
  nl: string;
  /** The same in English. */
  en: string;
  x: string;
  y: string;
  /** The direction the claim states. */
  direction: FindingDirection;
  /** The claim's own qualifier of strength, where it gives one. */
  strength?: 'weak' | 'very weak';
  /** Groups the claim names as exceptions to the pattern. */
  except?: readonly string[];
  /** Id of a claim whose relation this one calls stronger ("more than", "more clearly"). */
  weakerThan?: string;
  /** The shipped synthetic data were calibrated to show this claim (PROVENANCE.md, section 5). */
  calibrated: boolean;
  /** A caveat of the source itself (a conflict, a qualifier), in both languages. */
  caveat?: Bilingual;
}

/** A pattern figure: the groups ordered by one variable, the others beside it in that order. */
export interface PatternDefinition {
  /** Short id; the figure's file name is `figNN-patterns-<id>`. */
  id: string;
  /** The variable that orders the groups (the first, outlined panel). */
  orderBy: string;
  /** The panels, the ordering variable first. */
  variables: string[];
  caption: Bilingual;
}

export interface StudyDefinition {
  id: string;
  title: Bilingual;
  /** Scale constructs of each group's portrait, in order. */
  portrait: string[];
  /** Scale constructs of the boundary figure (may be empty: no boundary figure). */
  boundaries: string[];
  /** The item set of motivation reasons, or null (no motivation figure). */
  motivation: string | null;
  /** Two scale constructs and an optional count construct for the overlap figure, or null. */
  overlap: { constructs: [string, string]; count: string | null } | null;
  patterns: PatternDefinition[];
  /** The claims checked across groups (may be empty). */
  claims: Finding[];
  /** Titles of the figures drawn from this study (the builders' own when absent). */
  captions: Partial<Record<'motivation' | 'boundaries' | 'overlap' | 'response', Bilingual>>;
}

/** Where a study definition came from, and the line that says so. */
export interface ResolvedStudy {
  definition: StudyDefinition;
  source: 'file' | 'report' | 'derived';
  file: string | null;
  /** One line for the console and the notebook (English). */
  line: string;
  /** The same line in Dutch and English, for the report. */
  text: { nl: string; en: string };
}

export const STUDY_FILE = 'study.json';
export const DEFAULT_STUDY_PATH = path.resolve(__dirname, '..', '..', 'data', STUDY_FILE);

/** Group-level variables that are not constructs (networks.csv). */
export const GROUP_VARIABLES = ['members', 'years'] as const;

const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;
const CAPTION_KEYS = ['motivation', 'boundaries', 'overlap', 'response'] as const;
const TOP_KEYS = ['id', 'title', 'portrait', 'boundaries', 'motivation', 'overlap', 'patterns', 'claims', 'captions', '$comment'];
const CLAIM_KEYS = ['id', 'section', 'pattern', 'nl', 'en', 'x', 'y', 'direction', 'strength', 'except', 'weakerThan', 'calibrated', 'caveat'];

export interface ValidateStudyOptions {
  /**
   * 'strict' (a study file of the researcher): a construct the codebook does
   * not have is a problem. 'lenient' (the report's study applied to a
   * shortened codebook): such references stay, and the steps that need them
   * are skipped with a line that says so (`missingInStudy`).
   */
  constructs?: 'strict' | 'lenient';
}

/**
 * Checks a parsed study definition against its codebook and returns it typed.
 * Every problem is listed with its JSON path; nothing is thrown for the first
 * one alone.
 *
 * @example
 *   const study = validateStudyDefinition(JSON.parse(text), instrument, 'my-study/study.json');
 */
export function validateStudyDefinition(value: unknown, instrument: Instrument, file = STUDY_FILE, options: ValidateStudyOptions = {}): StudyDefinition {
  const strict = (options.constructs ?? 'strict') === 'strict';
  const problems: string[] = [];
  const at = (p: string, msg: string) => {
    if (problems.length < DEFAULT_MAX_PROBLEMS) problems.push(`${p}: ${msg}`);
  };
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const text = (v: unknown, p: string): string => {
    if (typeof v !== 'string' || v.trim() === '') {
      at(p, `expected a non-empty text, found ${JSON.stringify(v)}`);
      return '';
    }
    return v;
  };
  const bilingual = (v: unknown, p: string): Bilingual => {
    if (!isObj(v)) {
      at(p, 'expected an object with "nl" and "en" texts, e.g. { "nl": "Impact", "en": "Impact" }');
      return { nl: '', en: '' };
    }
    return { nl: text(v.nl, `${p}.nl`), en: text(v.en, `${p}.en`) };
  };
  const kindOf = new Map(instrument.constructs.map((c) => [c.id, c.kind]));
  const constructIds = instrument.constructs.map((c) => c.id);
  const unknown = (id: string, known: readonly string[]) => {
    const near = suggestName(id, known);
    return `"${id}" is not a construct of the codebook${near ? `; did you mean "${near}"?` : ''} (known: ${known.join(', ') || 'none'})`;
  };
  /** A construct of one of the kinds; an unknown id is a problem only when strict. */
  const construct = (v: unknown, p: string, kinds: readonly string[], extra: readonly string[] = []): string => {
    if (typeof v !== 'string' || v === '') {
      at(p, `expected a construct id, found ${JSON.stringify(v)}`);
      return '';
    }
    if (extra.includes(v)) return v;
    const kind = kindOf.get(v);
    if (kind === undefined) {
      if (strict) at(p, unknown(v, [...extra, ...constructIds.filter((c) => kinds.includes(kindOf.get(c)!))]));
      return v;
    }
    if (!kinds.includes(kind)) at(p, `"${v}" is ${kind === 'itemset' ? 'an item set' : `a ${kind}`}; expected ${kinds.map((k) => (k === 'itemset' ? 'an item set' : `a ${k}`)).join(' or ')}`);
    return v;
  };
  const list = (v: unknown, p: string, each: (x: unknown, q: string) => string, allowEmpty: boolean): string[] => {
    if (!Array.isArray(v) || (!allowEmpty && v.length === 0)) {
      at(p, `expected a ${allowEmpty ? '' : 'non-empty '}list of construct ids`);
      return [];
    }
    const out = v.map((x, i) => each(x, `${p}[${i}]`));
    const seen = new Set<string>();
    out.forEach((x, i) => {
      if (seen.has(x)) at(`${p}[${i}]`, `"${x}" is listed twice`);
      seen.add(x);
    });
    return out;
  };

  if (!isObj(value)) throw new UserInputError(`${file}: expected a JSON object at the top level (see data/study.json for the report's study).`);
  const v = value;
  for (const k of Object.keys(v)) if (!TOP_KEYS.includes(k)) at(k, `unknown key${suggestName(k, TOP_KEYS) ? `; did you mean "${suggestName(k, TOP_KEYS)}"?` : ''} (known: ${TOP_KEYS.filter((x) => x !== '$comment').join(', ')})`);
  const id = text(v.id, 'id');
  const title = bilingual(v.title, 'title');
  const scale = ['scale'];
  const variable = ['scale', 'count'];
  const portrait = list(v.portrait, 'portrait', (x, q) => construct(x, q, scale), false);
  const boundaries = v.boundaries === undefined ? [] : list(v.boundaries, 'boundaries', (x, q) => construct(x, q, scale), true);
  const motivation = v.motivation === undefined || v.motivation === null ? null : construct(v.motivation, 'motivation', ['itemset']);
  let overlap: StudyDefinition['overlap'] = null;
  if (v.overlap !== undefined && v.overlap !== null) {
    if (!isObj(v.overlap) || !Array.isArray(v.overlap.constructs) || v.overlap.constructs.length !== 2) {
      at('overlap', 'expected { "constructs": [two scale ids], "count": a count id or null } or null');
    } else {
      const [a, b] = v.overlap.constructs.map((x, i) => construct(x, `overlap.constructs[${i}]`, scale));
      const count = v.overlap.count === undefined || v.overlap.count === null ? null : construct(v.overlap.count, 'overlap.count', ['count']);
      overlap = { constructs: [a, b], count };
    }
  }

  const patterns: PatternDefinition[] = [];
  if (v.patterns !== undefined && !Array.isArray(v.patterns)) at('patterns', 'expected a list of pattern figures (may be empty)');
  const patternIds = new Set<string>();
  (Array.isArray(v.patterns) ? v.patterns : []).forEach((pt: unknown, i: number) => {
    const p = `patterns[${i}]`;
    if (!isObj(pt)) return at(p, 'expected { "id", "orderBy", "variables", "caption" }');
    const pid = text(pt.id, `${p}.id`);
    if (pid && !ID_PATTERN.test(pid)) at(`${p}.id`, `expected a lower-case id (a-z, 0-9, _ and -), found ${JSON.stringify(pid)}`);
    if (patternIds.has(pid)) at(`${p}.id`, `pattern "${pid}" is defined twice`);
    patternIds.add(pid);
    const orderBy = construct(pt.orderBy, `${p}.orderBy`, variable, GROUP_VARIABLES);
    const variables = list(pt.variables, `${p}.variables`, (x, q) => construct(x, q, variable, GROUP_VARIABLES), false);
    patterns.push({ id: pid, orderBy, variables: [orderBy, ...variables.filter((x) => x !== orderBy)], caption: bilingual(pt.caption, `${p}.caption`) });
  });

  const claims: Finding[] = [];
  if (v.claims !== undefined && !Array.isArray(v.claims)) at('claims', 'expected a list of claims (may be empty)');
  const claimIds = new Set<string>();
  const rawClaims = Array.isArray(v.claims) ? v.claims : [];
  rawClaims.forEach((c: unknown, i: number) => {
    const p = `claims[${i}]`;
    if (!isObj(c)) return at(p, 'expected { "id", "x", "y", "direction", "nl", "en" }');
    const cp = typeof c.id === 'string' ? `claims[${i}] (${c.id})` : p;
    for (const k of Object.keys(c)) if (!CLAIM_KEYS.includes(k)) at(`${cp}.${k}`, `unknown key${suggestName(k, CLAIM_KEYS) ? `; did you mean "${suggestName(k, CLAIM_KEYS)}"?` : ''}`);
    const cid = text(c.id, `${cp}.id`);
    if (claimIds.has(cid)) at(`${cp}.id`, `claim "${cid}" is defined twice`);
    claimIds.add(cid);
    const direction = c.direction;
    if (direction !== 1 && direction !== -1 && direction !== 0) at(`${cp}.direction`, `expected 1 (positive), -1 (negative) or 0 (no relation), found ${JSON.stringify(direction)}`);
    const claim: Finding = {
      id: cid,
      section: c.section === undefined ? '' : typeof c.section === 'string' ? c.section : (at(`${cp}.section`, 'expected a text'), ''),
      pattern: c.pattern === undefined || c.pattern === null ? null : text(c.pattern, `${cp}.pattern`),
      nl: text(c.nl, `${cp}.nl`),
      en: text(c.en, `${cp}.en`),
      x: construct(c.x, `${cp}.x`, variable, GROUP_VARIABLES),
      y: construct(c.y, `${cp}.y`, variable, GROUP_VARIABLES),
      direction: direction as FindingDirection,
      calibrated: c.calibrated === undefined ? false : c.calibrated === true,
    };
    if (c.calibrated !== undefined && typeof c.calibrated !== 'boolean') at(`${cp}.calibrated`, 'expected true or false');
    if (claim.x !== '' && claim.x === claim.y) at(`${cp}.y`, `x and y are both "${claim.x}"; a claim relates two different variables`);
    if (c.strength !== undefined) {
      if (c.strength !== 'weak' && c.strength !== 'very weak') at(`${cp}.strength`, `expected "weak" or "very weak", found ${JSON.stringify(c.strength)}`);
      else claim.strength = c.strength;
    }
    if (c.except !== undefined) {
      if (!Array.isArray(c.except) || c.except.some((e) => typeof e !== 'string' || e === '')) at(`${cp}.except`, 'expected a list of group names, e.g. ["Meses"]');
      else claim.except = c.except as string[];
    }
    if (c.weakerThan !== undefined) claim.weakerThan = text(c.weakerThan, `${cp}.weakerThan`);
    if (c.caveat !== undefined) claim.caveat = bilingual(c.caveat, `${cp}.caveat`);
    claims.push(claim);
  });
  claims.forEach((c, i) => {
    const cp = `claims[${i}] (${c.id})`;
    if (c.pattern !== null && c.pattern !== '' && !patternIds.has(c.pattern)) at(`${cp}.pattern`, `"${c.pattern}" is not the id of a pattern figure (patterns: ${[...patternIds].join(', ') || 'none'})`);
    if (c.weakerThan !== undefined && c.weakerThan !== '' && !claimIds.has(c.weakerThan)) at(`${cp}.weakerThan`, `"${c.weakerThan}" is not the id of a claim`);
  });

  const captions: StudyDefinition['captions'] = {};
  if (v.captions !== undefined) {
    if (!isObj(v.captions)) at('captions', `expected an object with any of ${CAPTION_KEYS.join(', ')}`);
    else
      for (const [k, c] of Object.entries(v.captions)) {
        if (!(CAPTION_KEYS as readonly string[]).includes(k)) at(`captions.${k}`, `unknown figure; expected one of ${CAPTION_KEYS.join(', ')}`);
        else captions[k as (typeof CAPTION_KEYS)[number]] = bilingual(c, `captions.${k}`);
      }
  }

  if (problems.length > 0) {
    const more = problems.length >= DEFAULT_MAX_PROBLEMS ? `\n  (only the first ${DEFAULT_MAX_PROBLEMS} problems are listed)` : '';
    throw new UserInputError(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the study definition:\n  ${problems.join('\n  ')}${more}`);
  }
  return { id, title, portrait, boundaries, motivation, overlap, patterns, claims, captions };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserInputError(`${file}: cannot read the study definition (${(e as NodeJS.ErrnoException).code ?? String(e)}). Check the path.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserInputError(`${file}: not valid JSON (${(e as Error).message}).`);
  }
}

/**
 * @example
 *   const study = readStudyDefinition('my-study/study.json', instrument);
 */
export function readStudyDefinition(file: string, instrument: Instrument, options: ValidateStudyOptions = {}): StudyDefinition {
  return validateStudyDefinition(readJson(file), instrument, file, options);
}

let reportStudy: StudyDefinition | null = null;

/** The report's study (`data/study.json`), validated against the shipped codebook. */
export function reportStudyDefinition(): StudyDefinition {
  reportStudy ??= readStudyDefinition(DEFAULT_STUDY_PATH, readInstrument(DEFAULT_INSTRUMENT_PATH));
  return reportStudy;
}

/**
 * A study definition for a codebook that comes without one: every scale a
 * portrait characteristic, the scales of the codebook's "boundary" group as
 * boundary dimensions, the first item set as the motivation reasons, one
 * pattern figure per six scales ordered by the first scale, and no claims.
 */
export function deriveStudyDefinition(instrument: Instrument): StudyDefinition {
  const scales = instrument.constructs.filter((c) => c.kind === 'scale');
  const itemset = instrument.constructs.find((c) => c.kind === 'itemset');
  const first = scales[0]?.id;
  const patterns: PatternDefinition[] = [];
  if (first !== undefined && scales.length > 1) {
    const rest = scales.slice(1).map((c) => c.id);
    const per = 5;
    for (let k = 0; k < rest.length; k += per) {
      const n = patterns.length + 1;
      const label = scales[0];
      patterns.push({
        id: `by-${first.replace(/_/g, '-')}${rest.length > per ? `-${n}` : ''}`,
        orderBy: first,
        variables: [first, ...rest.slice(k, k + per)],
        caption: { nl: `Patronen, geordend naar ${label.nl.toLowerCase()}`, en: `Patterns, ordered by ${label.en.toLowerCase()}` },
      });
    }
  }
  return {
    id: `${instrument.id}-derived`,
    title: instrument.title,
    portrait: scales.map((c) => c.id),
    boundaries: scales.filter((c) => c.group === 'boundary').map((c) => c.id),
    motivation: itemset?.id ?? null,
    overlap: null,
    patterns,
    claims: [],
    captions: {},
  };
}

/**
 * The study definition of a data folder: its own `study.json` (checked
 * strictly against its codebook); else the report's study when the codebook
 * is the report's (same id), with any construct the codebook lacks skipped
 * where it is used; else one derived from the codebook.
 */
export function resolveStudyDefinition(dataDir: string, instrument: Instrument): ResolvedStudy {
  const own = path.join(dataDir, STUDY_FILE);
  if (fs.existsSync(own)) {
    const definition = readStudyDefinition(own, instrument);
    const isDefault = path.resolve(own) === DEFAULT_STUDY_PATH;
    const text = isDefault
      ? { nl: `studie: de studie van het rapport (${STUDY_FILE})`, en: `study: the report's study (${STUDY_FILE})` }
      : { nl: `studie: ${definition.id} (${STUDY_FILE} in de datamap)`, en: `study: ${definition.id} (${STUDY_FILE} in the data folder)` };
    // the console line names the file in full; the report's text does not (no home-directory paths in a page that gets shared)
    return { definition, source: isDefault ? 'report' : 'file', file: own, line: isDefault ? text.en : `study: ${definition.id} (${own})`, text };
  }
  if (instrument.id === readInstrument(DEFAULT_INSTRUMENT_PATH).id) {
    const definition = validateStudyDefinition(readJson(DEFAULT_STUDY_PATH), instrument, DEFAULT_STUDY_PATH, { constructs: 'lenient' });
    const missing = missingInStudy(definition, instrument);
    const text = {
      nl: `studie: geen ${STUDY_FILE} in de datamap; het codeboek is dat van het rapport, dus de studie van het rapport wordt gebruikt${missing.length > 0 ? ` (zonder ${missing.join(', ')}, die het codeboek niet heeft)` : ''}`,
      en: `study: no ${STUDY_FILE} in the data folder; the codebook is the report's, so the report's study is used${missing.length > 0 ? ` (without ${missing.join(', ')}, which the codebook lacks)` : ''}`,
    };
    return { definition, source: 'report', file: null, line: text.en, text };
  }
  const definition = deriveStudyDefinition(instrument);
  const n = definition.patterns.length;
  const text = {
    nl: `studie: geen ${STUDY_FILE} in de datamap; afgeleid van het codeboek "${instrument.id}": ${definition.portrait.length} schalen als portretkenmerken, ${n} patroonfiguur${n === 1 ? '' : 'en'} geordend op ${definition.portrait[0] ?? '-'}, geen beweringen`,
    en: `study: no ${STUDY_FILE} in the data folder; derived from the codebook "${instrument.id}": ${definition.portrait.length} scales as portrait characteristics, ${n} pattern figure${n === 1 ? '' : 's'} ordered by ${definition.portrait[0] ?? '-'}, no claims`,
  };
  return { definition, source: 'derived', file: null, line: text.en, text };
}

/** Constructs the study names that the codebook does not have (in the study's order). */
export function missingInStudy(study: StudyDefinition, instrument: Instrument): string[] {
  const known = new Set<string>([...instrument.constructs.map((c) => c.id), ...GROUP_VARIABLES]);
  const named = [
    ...study.portrait,
    ...study.boundaries,
    ...(study.motivation ? [study.motivation] : []),
    ...(study.overlap ? [...study.overlap.constructs, ...(study.overlap.count ? [study.overlap.count] : [])] : []),
    ...study.patterns.flatMap((p) => p.variables),
    ...study.claims.flatMap((c) => [c.x, c.y]),
  ];
  return [...new Set(named.filter((id) => !known.has(id)))];
}
