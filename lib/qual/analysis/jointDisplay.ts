/**
 * A joint display (mixed methods): for one theme, each network's survey score
 * beside what its coordinators said. E.g. the trust band of networkSummary
 * (mean +/- 2 SE, Figures 1-10) next to the segments coded "Vertrouwen als
 * bindmiddel", split into "Wat helpt" and "Wat hindert", with a quote or two.
 * Reading it is the point: does a network with a high trust band also talk
 * about what helps trust, and does a lower band come with what hinders it?
 * With N = 10 networks and one interview each it is an illustration, not a test.
 */
import type { Language } from '../../io/instrument';
import type { NetworkSummaryRow } from '../../analysis/networkSummary';
import type { NetworkTableRow } from '../../analysis/networkTable';
import { UserInputError } from '../../util/errors';
import { codeLabel, themeConstructs } from '../codebook';
import { codePath, descendantIds, findCode, themes, type QualProject } from '../model';
import { networkOf, orderNetworks, selectDocuments } from './codeMatrix';
import { quotes } from './quotes';

export interface JointDisplayOptions {
  /** The theme or code (id, name or path), e.g. 'Vertrouwen als bindmiddel'. */
  code: string;
  /**
   * The survey construct to set beside it (e.g. 'trust'); default: the first
   * construct the default codebook links to the theme.
   */
  construct?: string;
  /** Quotes per network; default 2. */
  quotes?: number;
  /** Order of the rows: 'score' (default, highest mean first) or 'network' (the report's order). */
  order?: 'score' | 'network';
  groups?: readonly string[];
  lang?: Language;
}

export interface JointDisplayRow {
  network: string;
  /** Survey: network mean and band (lower/upper null when the input has means only). */
  mean: number | null;
  lower: number | null;
  upper: number | null;
  /** Respondents behind the mean (null when unknown). */
  n: number | null;
  /** Coded segments of the theme in the network's interview. */
  segments: number;
  /** Segments per direct subcode (keyed by the subcode's name, see JointDisplay.subcodes); segments coded with the theme itself count under the theme's name. */
  bySubcode: Record<string, number>;
  quotes: string[];
  /** Whether the network has an interview in the project. */
  interviewed: boolean;
}

export interface JointDisplay {
  /** The theme: label in the language asked for, and both labels for figures. */
  code: { id: string; path: string; label: string; nl: string; en: string };
  construct: string;
  /** Subcodes in code-system order: `key` (the code's name) keys bySubcode; labels in both languages. */
  subcodes: Array<{ key: string; label: string; nl: string; en: string }>;
  rows: JointDisplayRow[];
  synthetic: boolean;
}

type SurveyRows = readonly NetworkSummaryRow[] | readonly NetworkTableRow[];

function scoreOf(row: NetworkSummaryRow | NetworkTableRow, construct: string): { mean: number | null; lower: number | null; upper: number | null; n: number | null } | undefined {
  if ('scores' in row && Array.isArray(row.scores)) {
    const s = row.scores.find((x) => x.construct === construct);
    return s ? { mean: s.mean, lower: s.lower, upper: s.upper, n: s.n } : undefined;
  }
  const t = row as NetworkTableRow;
  if (construct === 'years') return { mean: t.years, lower: null, upper: null, n: null };
  if (construct === 'members') return { mean: t.members, lower: null, upper: null, n: null };
  if (t.means && construct in t.means) return { mean: t.means[construct], lower: null, upper: null, n: t.complete ?? null };
  return undefined;
}

/**
 * @example
 *   const summary = networkSummary(survey.table.objects(), instrument, { constructs: ['trust'] });
 *   const jd = jointDisplay(loadInterviews(), summary, { code: 'Vertrouwen als bindmiddel', construct: 'trust' });
 *   jd.rows[0]; // { network: 'Apeliotes', mean: 4.5, lower: 4.3, upper: 4.7, segments: 2, bySubcode: { 'Wat helpt': 2, ... }, quotes: [...] }
 */
export function jointDisplay(project: QualProject, survey: SurveyRows, options: JointDisplayOptions): JointDisplay {
  const fn = 'jointDisplay';
  if (!options || typeof options.code !== 'string') throw new UserInputError(`${fn}: options.code is required: the theme or code to show, e.g. { code: 'Vertrouwen als bindmiddel', construct: 'trust' }.`);
  if (!Array.isArray(survey) || survey.length === 0) throw new UserInputError(`${fn}: the survey rows are empty; pass networkSummary(...) or networkTable(...) of the survey.`);
  const lang = options.lang ?? 'nl';
  const code = findCode(project.codes, options.code);
  if (!code) throw new UserInputError(`${fn}: no code ${JSON.stringify(options.code)}; themes: ${themes(project.codes).map((t) => `"${t.name}"`).join(', ')}.`);
  const construct = options.construct ?? themeConstructs(code)[0];
  if (!construct) throw new UserInputError(`${fn}: no survey construct is linked to "${code.name}"; pass options.construct (e.g. 'trust').`);
  const available = new Set<string>();
  for (const r of survey as ReadonlyArray<NetworkSummaryRow | NetworkTableRow>) {
    if ('scores' in r) r.scores.forEach((s) => available.add(s.construct));
    else {
      Object.keys((r as NetworkTableRow).means ?? {}).forEach((k) => available.add(k));
      available.add('years').add('members');
    }
  }
  if (!available.has(construct)) throw new UserInputError(`${fn}: the survey rows have no construct ${JSON.stringify(construct)}; available: ${[...available].join(', ')}. With networkSummary, ask for it in options.constructs.`);
  const maxQuotes = options.quotes ?? 2;
  if (!Number.isInteger(maxQuotes) || maxQuotes < 0) throw new UserInputError(`${fn}: option quotes is ${maxQuotes}; expected a whole number >= 0.`);
  const docs = selectDocuments(project, options.groups, fn);
  const docNetwork = new Map(docs.map((d) => [d.id, networkOf(d)]));
  const allowed = descendantIds(project.codes, code.id);
  const children = project.codes.filter((c) => c.parentId === code.id);
  const subOf = (codeId: string): string => children.find((c) => descendantIds(project.codes, c.id).has(codeId))?.name ?? code.name;
  const entry = (c: typeof code) => ({ key: c.name, label: codeLabel(c, lang), nl: codeLabel(c, 'nl'), en: codeLabel(c, 'en') });
  const subcodes = children.map(entry);
  if (project.segments.some((s) => s.codeId === code.id && docNetwork.has(s.documentId))) subcodes.push(entry(code));
  const surveyNetworks = (survey as ReadonlyArray<{ network: string }>).map((r) => String(r.network));
  const networks = orderNetworks([...surveyNetworks, ...docNetwork.values()]);
  const allQuotes = quotes(project, { code: code.id, groups: options.groups, lang });
  let rows: JointDisplayRow[] = networks.map((network) => {
    const sr = (survey as ReadonlyArray<NetworkSummaryRow | NetworkTableRow>).find((r) => String(r.network) === network);
    const score = sr ? scoreOf(sr, construct) : undefined;
    const segs = project.segments.filter((s) => docNetwork.get(s.documentId) === network && allowed.has(s.codeId));
    const bySubcode: Record<string, number> = Object.fromEntries(subcodes.map((l) => [l.key, 0]));
    for (const s of segs) bySubcode[subOf(s.codeId)] = (bySubcode[subOf(s.codeId)] ?? 0) + 1;
    return {
      network,
      mean: score?.mean ?? null,
      lower: score?.lower ?? null,
      upper: score?.upper ?? null,
      n: score?.n ?? null,
      segments: segs.length,
      bySubcode,
      quotes: allQuotes.filter((q) => q.network === network).slice(0, maxQuotes).map((q) => q.text),
      interviewed: [...docNetwork.values()].includes(network),
    };
  });
  if ((options.order ?? 'score') === 'score') rows = rows.slice().sort((a, b) => (b.mean ?? -Infinity) - (a.mean ?? -Infinity) || networks.indexOf(a.network) - networks.indexOf(b.network));
  return { code: { id: code.id, path: codePath(project.codes, code.id), ...entry(code) }, construct, subcodes, rows, synthetic: project.dataOrigin?.startsWith('synthetic') ?? false };
}

/** A plain-text rendering of a joint display (for the terminal and notebooks). */
export function formatJointDisplay(display: JointDisplay, lang: Language = 'nl'): string {
  const f = (x: number | null) => (x === null ? '  -  ' : lang === 'nl' ? x.toFixed(2).replace('.', ',') : x.toFixed(2));
  const head = lang === 'nl' ? ['netwerk', 'gem.', 'band', 'segm.'] : ['network', 'mean', 'band', 'segm.'];
  const width = Math.max(...display.rows.map((r) => r.network.length), head[0].length);
  const lines = [`${display.code[lang]}  <->  ${display.construct}`, `${head[0].padEnd(width)}  ${head[1]}   ${head[2].padEnd(14)}  ${head[3]}  ${display.subcodes.map((s) => s[lang]).join(' / ')}`];
  for (const r of display.rows) {
    const band = r.lower === null ? ''.padEnd(14) : `[${f(r.lower)}, ${f(r.upper)}]`;
    lines.push(`${r.network.padEnd(width)}  ${f(r.mean)}  ${band}  ${String(r.segments).padStart(5)}  ${display.subcodes.map((s) => r.bySubcode[s.key] ?? 0).join(' / ')}`);
    for (const q of r.quotes) lines.push(`${''.padEnd(width)}  \u201c${q}\u201d`);
  }
  return lines.join('\n');
}
