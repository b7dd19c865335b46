/**
 * Small pieces the builders share: option checks, the network-level value
 * getter, and the title.
 */
import type { Instrument, Language } from '../io/instrument';
import type { NetworkTableRow } from '../analysis/networkTable';
import { UserInputError } from '../util/errors';
import { checkLang, constructLabel, figureTitle, WORDS } from './i18n';
import { plotlyText } from './plotlyText';
import type { FigureOptions } from './types';
import { checkSize } from './validate';

export interface ResolvedOptions {
  lang: Language;
  synthetic: boolean;
  width: number;
  height: number;
  number: number | undefined;
  title: string | undefined;
}

/** Checks the options every builder takes. */
export function resolveOptions(options: FigureOptions | undefined, figure: string, size: { width: number; height: number }, number?: number): ResolvedOptions {
  const o = options ?? {};
  if (typeof o !== 'object') throw new UserInputError(`${figure}: options must be an object such as { lang: 'en' }, found ${JSON.stringify(o)}.`);
  const lang = checkLang(o.lang);
  if (o.synthetic !== undefined && typeof o.synthetic !== 'boolean') {
    throw new UserInputError(`${figure}: option synthetic is ${JSON.stringify(o.synthetic)}; expected true or false (decide it with isSyntheticOrigin on the data_origin column).`);
  }
  if (o.number !== undefined && (!Number.isInteger(o.number) || o.number < 1)) {
    throw new UserInputError(`${figure}: option number is ${JSON.stringify(o.number)}; expected a whole figure number >= 1.`);
  }
  if (o.title !== undefined && typeof o.title !== 'string') throw new UserInputError(`${figure}: option title must be a text.`);
  return {
    lang,
    synthetic: o.synthetic ?? false,
    width: checkSize(o.width, 'width', figure, size.width),
    height: checkSize(o.height, 'height', figure, size.height),
    number: o.number ?? number,
    title: o.title,
  };
}

/** The title text: "Figuur N: caption" (or the caller's title after "Figuur N: "); caption and title are texts as written (escaped here for plotly). */
export function titleOf(o: ResolvedOptions, caption: string): string {
  return figureTitle(o.lang, o.number, plotlyText(o.title ?? caption));
}

/** The title of a compact figure (above 100 groups): the caption, or the caller's title, and how many groups one dot each stands for. */
export function compactTitle(o: ResolvedOptions, caption: string, groups: number): string {
  return figureTitle(o.lang, o.number, plotlyText(`${o.title ?? caption} (${WORDS[o.lang].dotPerGroup(groups)})`));
}

/** Requires an instrument (codebook) in the options, for construct names. */
export function requireInstrument(options: { instrument?: Instrument } | undefined, figure: string): Instrument {
  const i = options?.instrument;
  if (!i || typeof i !== 'object' || !Array.isArray(i.constructs)) {
    throw new UserInputError(`${figure}: options.instrument is required (the codebook gives the construct names in Dutch and English); pass readInstrument().`);
  }
  return i;
}

/** The variables a network-level figure can show: every construct mean, plus years and members. */
export function knownVariables(table: readonly NetworkTableRow[]): string[] {
  const ids = new Set<string>(['years', 'members']);
  for (const r of table) for (const k of Object.keys(r.means ?? {})) ids.add(k);
  return [...ids];
}

/** A network-level value: `years`, `members`, or a construct mean. */
export function valueOf(row: NetworkTableRow, id: string): number | null {
  if (id === 'years') return row.years;
  if (id === 'members') return row.members;
  const v = row.means?.[id];
  return v === undefined ? null : v;
}

/** Checks that a variable exists in the network table. */
export function checkVariable(table: readonly NetworkTableRow[], id: unknown, figure: string, instrument?: Instrument): string {
  const known = knownVariables(table);
  if (typeof id !== 'string' || !known.includes(id)) {
    const names = instrument ? known.map((k) => `${k} (${constructLabel(instrument, k, 'en')})`) : known;
    throw new UserInputError(`${figure}: unknown variable ${JSON.stringify(id)}. Known variables: ${names.join(', ')}.`);
  }
  return id;
}

/** Variables on the 1-5 scale (everything except years, members and counts). */
export function isScaleVariable(id: string, instrument: Instrument): boolean {
  if (id === 'years' || id === 'members') return false;
  const c = instrument.constructs.find((k) => k.id === id);
  if (!c) return false;
  const s = instrument.responseScales[c.responseScale];
  return s?.type === 'ordinal' && s.min === 1 && s.max === 5;
}

/** File-name slug of a network: lower case, ascii letters and digits, '-' between. */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'network';
}
