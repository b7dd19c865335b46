/**
 * The survey instrument (codebook): every construct the report uses, its items,
 * reverse-keyed items, Dutch wording with an English translation, answer labels
 * and missing-value codes. The shipped codebook is `data/instrument.json`;
 * `validateInstrument` is its schema, and says exactly where a hand-edited
 * codebook goes wrong.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserInputError } from '../util/errors';
import { DEFAULT_MAX_PROBLEMS, listNames, ProblemList } from '../util/problems';

export { LANGUAGES, isLanguage, checkLanguage } from '../util/language';
export type { Bilingual, Language } from '../util/language';
import type { Bilingual, Language } from '../util/language';

export interface MissingCode extends Bilingual {
  code: number;
}

export interface ResponseScale {
  /** `ordinal`: a rating scale with labels; `count`: a whole number of things. */
  type: 'ordinal' | 'count';
  min: number;
  max: number;
  /** Answer labels by code (ordinal scales); empty for counts. */
  labels: Record<string, Bilingual>;
  /** Codes that mean "no substantive answer" (e.g. 9 = "weet niet"); they become missing. */
  missing: MissingCode[];
}

/** Why an item of the pilot's long pool did not make the final questionnaire (report 5.3). */
export type RemovalReason = 'cross_loading' | 'negatively_worded' | 'low_inter_item_r' | 'alpha_if_deleted';

export interface Item extends Bilingual {
  id: string;
  /** In the final questionnaire (true) or only in the pilot's long item pool (false). */
  final: boolean;
  /** Negatively worded: scored as (min + max - answer). */
  reverse: boolean;
  /** Content group for face validity: the reduction keeps at least one item of each. */
  contentGroup?: string;
  removedBecause?: RemovalReason;
  /** For cross-loading items: the construct the item also loads on. */
  crossLoadsOn?: string;
}

export type ConstructKind = 'scale' | 'itemset' | 'count';
export type ConstructGroup = 'portrait' | 'functioning' | 'boundary' | 'motivation';

export interface Construct extends Bilingual {
  id: string;
  /** `scale`: items averaged into one score; `itemset`: each item read on its own; `count`: one number. */
  kind: ConstructKind;
  group: ConstructGroup;
  responseScale: string;
  reportSection: string;
  stem?: Bilingual;
  items: Item[];
}

export interface BackgroundVariable extends Bilingual {
  id: string;
  levels: Array<Bilingual & { code: string }>;
}

export interface Instrument {
  id: string;
  version: string;
  title: Bilingual;
  note: Bilingual;
  responseScales: Record<string, ResponseScale>;
  reading: { source: string; labels: Record<string, Bilingual> };
  constructs: Construct[];
  background: BackgroundVariable[];
}

/** The eight characteristics of the network portraits (Figures 1-10), in the report's order. */
export const PORTRAIT_CONSTRUCTS = [
  'persons_turnover',
  'org_turnover',
  'trust',
  'shared_vision',
  'topic_overlap',
  'network_overlap',
  'decision_making',
  'impact',
] as const;

/** The four boundary dimensions (Figures 12 and 15), in the report's order. */
export const BOUNDARY_CONSTRUCTS = ['bnd_administrative', 'bnd_reputation', 'bnd_sociocultural', 'bnd_natural'] as const;

export const DEFAULT_INSTRUMENT_PATH = path.resolve(__dirname, '..', '..', 'data', 'instrument.json');

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const MIN_SCALE_ITEMS = 3;
const MAX_SCALE_ITEMS = 6;
/** The most answers an ordinal scale may have (each has a label); larger ranges are counts. */
export const MAX_ORDINAL_POINTS = 101;

/**
 * Checks a parsed codebook and returns it typed. Every problem is listed with
 * its JSON path; nothing is thrown for the first one alone.
 *
 * @example
 *   const instrument = validateInstrument(JSON.parse(text), 'my-codebook.json');
 */
export function validateInstrument(value: unknown, file = 'instrument.json'): Instrument {
  const problems = new ProblemList();
  const at = (p: string, msg: string) => problems.add(`${p}: ${msg}`);
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const str = (v: unknown, p: string) => {
    if (typeof v !== 'string' || v.trim() === '') at(p, `expected a non-empty text, found ${JSON.stringify(v)}`);
  };
  const bilingual = (v: unknown, p: string) => {
    if (!isObj(v)) return at(p, 'expected an object with "nl" and "en" texts');
    str(v.nl, `${p}.nl`);
    str(v.en, `${p}.en`);
  };

  if (!isObj(value)) throw new UserInputError(`${file}: expected a JSON object at the top level.`);
  const v = value;
  str(v.id, 'id');
  str(v.version, 'version');
  bilingual(v.title, 'title');
  bilingual(v.note, 'note');

  const scales = isObj(v.responseScales) ? v.responseScales : {};
  if (!isObj(v.responseScales)) at('responseScales', 'expected an object of answer scales by name');
  for (const [name, s] of Object.entries(scales)) {
    const p = `responseScales.${name}`;
    if (!isObj(s)) {
      at(p, 'expected an object');
      continue;
    }
    if (s.type !== 'ordinal' && s.type !== 'count') at(`${p}.type`, `expected "ordinal" or "count", found ${JSON.stringify(s.type)}`);
    if (!Number.isInteger(s.min) || !Number.isInteger(s.max) || (s.min as number) >= (s.max as number)) {
      at(p, `expected whole numbers min < max, found min ${JSON.stringify(s.min)}, max ${JSON.stringify(s.max)}`);
    }
    if (!isObj(s.labels)) at(`${p}.labels`, 'expected an object of labels by code');
    else if (s.type === 'ordinal' && Number.isInteger(s.min) && Number.isInteger(s.max)) {
      const points = (s.max as number) - (s.min as number) + 1;
      if (points > MAX_ORDINAL_POINTS) {
        at(p, `an ordinal scale from ${s.min} to ${s.max} has ${points} answers; expected at most ${MAX_ORDINAL_POINTS} (each needs a label). Use "type": "count" for a number of things`);
      } else {
        for (let code = s.min as number; code <= (s.max as number); code++) {
          if (!Object.hasOwn(s.labels, String(code))) at(`${p}.labels`, `label for answer ${code} is missing`);
          else bilingual(s.labels[String(code)], `${p}.labels.${code}`);
        }
      }
    }
    if (!Array.isArray(s.missing)) at(`${p}.missing`, 'expected a list of missing-value codes (may be empty)');
    else
      s.missing.forEach((m: unknown, i: number) => {
        if (!isObj(m) || !Number.isInteger(m.code)) return at(`${p}.missing[${i}]`, 'expected {code, nl, en} with a whole-number code');
        if ((m.code as number) >= (s.min as number) && (m.code as number) <= (s.max as number)) {
          at(`${p}.missing[${i}].code`, `missing code ${m.code} lies inside the valid range ${s.min}-${s.max}; choose a code outside it`);
        }
        bilingual(m, `${p}.missing[${i}]`);
      });
  }

  const ids = new Set<string>();
  const constructIds = new Set<string>();
  if (!Array.isArray(v.constructs) || v.constructs.length === 0) at('constructs', 'expected a non-empty list');
  const constructs = Array.isArray(v.constructs) ? v.constructs : [];
  constructs.forEach((c: unknown, ci: number) => {
    const p = `constructs[${ci}]`;
    if (!isObj(c)) return at(p, 'expected an object');
    const cp = typeof c.id === 'string' ? `constructs[${ci}] (${c.id})` : p;
    if (typeof c.id !== 'string' || !ID_PATTERN.test(c.id)) at(`${cp}.id`, `expected a lower-case identifier (a-z, 0-9, _), found ${JSON.stringify(c.id)}`);
    else if (constructIds.has(c.id)) at(`${cp}.id`, `construct "${c.id}" is defined twice`);
    else constructIds.add(c.id);
    bilingual(c, cp);
    if (!['scale', 'itemset', 'count'].includes(c.kind as string)) at(`${cp}.kind`, `expected "scale", "itemset" or "count", found ${JSON.stringify(c.kind)}`);
    if (!['portrait', 'functioning', 'boundary', 'motivation'].includes(c.group as string)) {
      at(`${cp}.group`, `expected "portrait", "functioning", "boundary" or "motivation", found ${JSON.stringify(c.group)}`);
    }
    // Own properties only: "toString" or "__proto__" is not a scale of the codebook.
    if (typeof c.responseScale !== 'string' || !Object.hasOwn(scales, c.responseScale) || !isObj(scales[c.responseScale])) {
      at(`${cp}.responseScale`, `expected one of ${listNames(Object.keys(scales), 'or')}, found ${JSON.stringify(c.responseScale)}`);
    }
    str(c.reportSection, `${cp}.reportSection`);
    if (c.stem !== undefined) bilingual(c.stem, `${cp}.stem`);
    if (!Array.isArray(c.items) || c.items.length === 0) return at(`${cp}.items`, 'expected a non-empty list of items');
    c.items.forEach((it: unknown, ii: number) => {
      const ip = `${cp}.items[${ii}]`;
      if (!isObj(it)) return at(ip, 'expected an object');
      if (typeof it.id !== 'string' || !ID_PATTERN.test(it.id)) at(`${ip}.id`, `expected a lower-case identifier, found ${JSON.stringify(it.id)}`);
      else if (ids.has(it.id)) at(`${ip}.id`, `item id "${it.id}" is used twice`);
      else ids.add(it.id);
      if (typeof it.final !== 'boolean') at(`${ip}.final`, 'expected true or false');
      if (typeof it.reverse !== 'boolean') at(`${ip}.reverse`, 'expected true or false');
      bilingual(it, ip);
      if (it.final === false && it.removedBecause === undefined) at(`${ip}.removedBecause`, 'a pilot-only item (final: false) must say why it was removed');
      if (it.removedBecause !== undefined && !['cross_loading', 'negatively_worded', 'low_inter_item_r', 'alpha_if_deleted'].includes(it.removedBecause as string)) {
        at(`${ip}.removedBecause`, `expected cross_loading, negatively_worded, low_inter_item_r or alpha_if_deleted, found ${JSON.stringify(it.removedBecause)}`);
      }
      if (it.removedBecause === 'cross_loading' && typeof it.crossLoadsOn !== 'string') at(`${ip}.crossLoadsOn`, 'a cross-loading item must name the construct it also loads on');
    });
    if (c.kind === 'scale') {
      const nFinal = c.items.filter((it: any) => isObj(it) && it.final === true).length;
      if (nFinal < MIN_SCALE_ITEMS || nFinal > MAX_SCALE_ITEMS) {
        at(`${cp}.items`, `a scale needs ${MIN_SCALE_ITEMS}-${MAX_SCALE_ITEMS} final items (report 5.3: at least 3 per scale), found ${nFinal}`);
      }
    }
    if (c.kind === 'count' && c.items.length !== 1) at(`${cp}.items`, `a count has exactly one item, found ${c.items.length}`);
  });
  constructs.forEach((c: any, ci: number) => {
    for (const it of Array.isArray(c?.items) ? c.items : []) {
      if (typeof it?.crossLoadsOn === 'string' && !constructIds.has(it.crossLoadsOn)) {
        at(`constructs[${ci}] (${c.id}).items (${it.id}).crossLoadsOn`, `unknown construct "${it.crossLoadsOn}"`);
      }
    }
  });

  if (!Array.isArray(v.background)) at('background', 'expected a list of background variables');
  else
    v.background.forEach((b: unknown, bi: number) => {
      const p = `background[${bi}]`;
      if (!isObj(b)) return at(p, 'expected an object');
      if (typeof b.id !== 'string' || !ID_PATTERN.test(b.id)) at(`${p}.id`, `expected a lower-case identifier, found ${JSON.stringify(b.id)}`);
      else if (ids.has(b.id)) at(`${p}.id`, `id "${b.id}" is already used by an item`);
      bilingual(b, p);
      if (!Array.isArray(b.levels) || b.levels.length === 0) at(`${p}.levels`, 'expected a non-empty list of {code, nl, en}');
      else b.levels.forEach((l: any, li: number) => (typeof l?.code === 'string' ? bilingual(l, `${p}.levels[${li}]`) : at(`${p}.levels[${li}].code`, 'expected a text code')));
    });

  if (problems.length > 0) {
    const n = problems.length;
    throw new UserInputError(
      `${file}: the codebook has ${n} problem${n === 1 ? '' : 's'}${n > problems.items.slice(0, DEFAULT_MAX_PROBLEMS).length ? ` (the first ${DEFAULT_MAX_PROBLEMS} are listed)` : ''}:\n` +
        problems.items.slice(0, DEFAULT_MAX_PROBLEMS).map((p) => `  - ${p}`).join('\n') +
        (n > DEFAULT_MAX_PROBLEMS ? `\n  ... and ${n - DEFAULT_MAX_PROBLEMS} more problem${n - DEFAULT_MAX_PROBLEMS === 1 ? '' : 's'}` : ''),
    );
  }
  return v as unknown as Instrument;
}

/** Reads and validates a codebook file (default: the shipped `data/instrument.json`). */
export function readInstrument(file: string = DEFAULT_INSTRUMENT_PATH): Instrument {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserInputError(`${file}: cannot read the codebook (${(e as NodeJS.ErrnoException).code ?? String(e)}). Check the path.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserInputError(`${file}: not valid JSON (${(e as Error).message}).`);
  }
  return validateInstrument(parsed, file);
}

/** A construct by id, or a clear error listing the known ones. */
export function getConstruct(instrument: Instrument, id: string): Construct {
  const c = instrument.constructs.find((k) => k.id === id);
  if (!c) throw new UserInputError(`Unknown construct "${id}". Known constructs: ${instrument.constructs.map((k) => k.id).join(', ')}.`);
  return c;
}

/**
 * The codebook's name of a construct or an item in the language; the id when
 * the codebook has neither. The one lookup behind the figures' constructLabel,
 * the analyses' variableLabel and the notebooks' constructLabel.
 *
 * @example
 *   codebookLabel(instrument, 'trust', 'en');   // 'Mutual trust'
 *   codebookLabel(instrument, 'trust_1', 'nl'); // the item's Dutch wording
 */
export function codebookLabel(instrument: Instrument, id: string, lang: Language): string {
  const c = instrument.constructs.find((k) => k.id === id);
  if (c) return c[lang];
  for (const k of instrument.constructs) {
    const item = k.items.find((i) => i.id === id);
    if (item) return item[lang];
  }
  return id;
}

/** The items of the final questionnaire, in codebook order. */
export function finalItems(instrument: Instrument): Array<Item & { construct: string; scale: ResponseScale }> {
  return instrument.constructs.flatMap((c) =>
    c.items.filter((it) => it.final).map((it) => ({ ...it, construct: c.id, scale: instrument.responseScales[c.responseScale] })),
  );
}

/** Every item of the pilot's long pool (scales only), in codebook order. */
export function pilotItems(instrument: Instrument): Array<Item & { construct: string; scale: ResponseScale }> {
  return instrument.constructs
    .filter((c) => c.kind === 'scale')
    .flatMap((c) => c.items.map((it) => ({ ...it, construct: c.id, scale: instrument.responseScales[c.responseScale] })));
}
