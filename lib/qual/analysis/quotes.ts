/**
 * Quotes per theme and network: the coded text itself, which the report uses
 * to illustrate each theme ("quotes" between the paragraphs of chapter 3).
 */
import type { Language } from '../../io/instrument';
import { UserInputError } from '../../util/errors';
import { codeLabel } from '../codebook';
import { codePath, descendantIds, findCode, themeOf, themes, type QualProject } from '../model';
import { networkOf, orderNetworks, selectDocuments } from './codeMatrix';

export interface QuoteOptions {
  /** A theme or code (id, name or path); its subcodes count too. Default: every code. */
  code?: string;
  /** Only this network. */
  network?: string;
  /** Document groups (default: all but the copy groups). */
  groups?: readonly string[];
  /** At most this many quotes per network (the first ones in document order). */
  perNetwork?: number;
  lang?: Language;
}

export interface Quote {
  network: string;
  document: string;
  group: string;
  coder: string;
  codeId: string;
  /** "Theme > Subcode". */
  path: string;
  /** Label of the code in the language. */
  label: string;
  /** Label of its theme. */
  theme: string;
  start: number;
  end: number;
  text: string;
}

/**
 * @example
 *   quotes(loadInterviews(), { code: 'Vertrouwen als bindmiddel > Wat hindert' })
 *     .map((q) => `${q.network}: ${q.text}`);
 */
export function quotes(project: QualProject, options: QuoteOptions = {}): Quote[] {
  const lang = options.lang ?? 'nl';
  let allowed: Set<string> | null = null;
  if (options.code !== undefined) {
    const c = findCode(project.codes, options.code);
    if (!c) throw new UserInputError(`quotes: no code ${JSON.stringify(options.code)}; give an id, a unique name or a path "Theme > Subcode". Themes: ${themes(project.codes).map((t) => `"${t.name}"`).join(', ')}.`);
    allowed = descendantIds(project.codes, c.id);
  }
  const docs = selectDocuments(project, options.groups, 'quotes');
  if (options.network !== undefined && !docs.some((d) => networkOf(d) === options.network)) {
    throw new UserInputError(`quotes: no interview of network ${JSON.stringify(options.network)}; networks: ${orderNetworks(docs.map(networkOf)).join(', ')}.`);
  }
  const order = orderNetworks(docs.map(networkOf));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const rows: Quote[] = [];
  for (const s of project.segments) {
    const d = byId.get(s.documentId);
    if (!d || (allowed && !allowed.has(s.codeId))) continue;
    const network = networkOf(d);
    if (options.network !== undefined && network !== options.network) continue;
    const code = project.codes.find((c) => c.id === s.codeId)!;
    rows.push({ network, document: d.name, group: d.group, coder: s.coder, codeId: s.codeId, path: codePath(project.codes, s.codeId), label: codeLabel(code, lang), theme: codeLabel(themeOf(project.codes, s.codeId), lang), start: s.start, end: s.end, text: s.text });
  }
  const codeOrder = new Map(project.codes.map((c, i) => [c.id, i]));
  rows.sort((a, b) => order.indexOf(a.network) - order.indexOf(b.network) || a.start - b.start || codeOrder.get(a.codeId)! - codeOrder.get(b.codeId)!);
  if (options.perNetwork === undefined) return rows;
  if (!Number.isInteger(options.perNetwork) || options.perNetwork < 1) throw new UserInputError(`quotes: option perNetwork is ${options.perNetwork}; expected a whole number >= 1.`);
  const seen = new Map<string, number>();
  return rows.filter((r) => {
    const k = seen.get(r.network) ?? 0;
    seen.set(r.network, k + 1);
    return k < options.perNetwork!;
  });
}

/** Quotes of one theme grouped by network, every network listed (empty when the theme does not occur there). */
export function quotesByNetwork(project: QualProject, code: string, options: Omit<QuoteOptions, 'code' | 'network'> = {}): Array<{ network: string; quotes: Quote[] }> {
  const rows = quotes(project, { ...options, code });
  const docs = selectDocuments(project, options.groups, 'quotesByNetwork');
  return orderNetworks(docs.map(networkOf)).map((network) => ({ network, quotes: rows.filter((r) => r.network === network) }));
}
