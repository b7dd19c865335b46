/**
 * Checks every pattern claim of the report (FINDINGS) on whatever data are
 * loaded: one row per claim with Pearson r and Spearman rho across the
 * networks, an exact permutation p, a bootstrap confidence interval, the
 * leave-one-network-out stability and a verdict by fixed rules.
 *
 * Rules (also in `FINDING_RULES`, to print in a notebook):
 *
 * Statistics, each on the network means (one case per network, N cases), with
 * the coefficient of `options.method` (default Pearson r; Spearman rho is
 * always shown beside it):
 * - p: permutation test, exact (all N! orderings) for N <= 10, seeded Monte
 *   Carlo up to `asymptoticAbove` networks (default 200), and above that the
 *   t distribution of the coefficient on N - 2 df (internal/asymptotic.ts);
 *   two-sided, and for a directional claim also one-sided in the expected
 *   direction; `pMethod` says which;
 * - CI: 95% BCa bootstrap over networks (seeded; default 10,000 resamples;
 *   the percentile interval when BCa is undefined); above `asymptoticAbove`
 *   networks Fisher's z with the jackknife SE of the leave-one-out
 *   coefficients; `ci.type` says which;
 * Above the threshold a claim costs O(N) (the leave-one-out of Pearson r from
 * running sums) instead of some 30,000 N for the resampling, and gives the
 * resampling's result within its Monte Carlo error (docs/methods.md, "Many
 * groups", with the measurements that chose 200);
 * - stability: leave one network out; a directional claim counts the subsets
 *   whose coefficient has the expected sign, a "no relation" claim the subsets
 *   with |r| < .30.
 *
 * Verdict: by the rules of verdict.ts (in words: FINDING_RULES).
 * not evaluated: fewer than 5 networks with a value on both variables, or a
 * variable without variance.
 * Exceptions the report names ("except Meses") and comparisons ("weaker than
 * shared vision") are reported beside the verdict, not in it.
 *
 * With N = 10 a test has little power: r must exceed about .55 to reach
 * one-sided p < .05. "weak" often means "too few networks to tell", not
 * "no relation"; each row's `note` says so with its own N.
 */
import { checkLanguage, type Language } from '../io/instrument';
import { bootstrap, leaveOneOut, permutationTest } from '../stats';
import type { BootstrapResult, LeaveOneOutResult } from '../stats';
import { tQuantile } from '../stats/internal/distributions';
import { pearson } from '../stats/internal/moments';
import { formatDecimal } from '../util/formatNumber';
import { correlation } from '../stats/resampling/internal/coefficients';
import { UserInputError } from '../util/errors';
import { FINDINGS, type Finding, type FindingDirection } from './findings';
import { fisherZInterval, jackknifeZInterval, tPValues } from './internal/asymptotic';
import { exactPermutationPValues } from './internal/exactPermutation';
import type { NetworkTableRow } from './networkTable';
import { FINDING_ALPHA, NO_RELATION_BELOW, verdict, verdictSentence, VERDICT_LABELS, type FindingVerdict, type VerdictRule } from './verdict';

export type { FindingVerdict };
export { VERDICT_LABELS };


/** The least number of networks a finding is evaluated on. */
export const MIN_FINDING_NETWORKS = 5;

/**
 * Above this many networks p comes from the t distribution of the coefficient
 * and the CI from Fisher's z instead of the permutation test and the
 * bootstrap (docs/methods.md, "Many groups"): at that N they give the
 * resampling's result within its own Monte Carlo error, at O(N) per claim.
 */
export const ASYMPTOTIC_ABOVE = 200;

/** The defaults of EvaluateFindingsOptions' seed, bootstrap resamples and Monte Carlo permutations. */
export const FINDING_DEFAULTS = { seed: 'delicate-verbanden/findings', iterations: 10_000, permutations: 9999 } as const;

export interface EvaluateFindingsOptions {
  /** The claims to check (default FINDINGS). */
  findings?: readonly Finding[];
  /** Networks to leave out, e.g. ['Meses'] (names must occur in the table). */
  exclude?: readonly string[];
  /** Coefficient of the tests, interval, stability and verdict: 'pearson' (default) or 'spearman'. */
  method?: 'pearson' | 'spearman';
  /** Seed of the bootstrap (and of Monte Carlo permutations when N > 10); default 'delicate-verbanden/findings'. */
  seed?: string;
  /** Bootstrap resamples (default 10,000). */
  iterations?: number;
  /** Monte Carlo permutations when 10 < N <= asymptoticAbove (default 9,999); N <= 10 is always exact. */
  permutations?: number;
  /**
   * Above this many networks, p from the t distribution and the CI from
   * Fisher's z (default ASYMPTOTIC_ABOVE = 200; at least 10). Infinity keeps
   * the permutation test and the bootstrap at any N (slow for thousands).
   */
  asymptoticAbove?: number;
  /** Language of `claim`, `reason` and `note`: 'nl' (default) or 'en'. */
  lang?: Language;
}

export interface FindingResult {
  id: string;
  section: string;
  /** Id of the study's pattern figure the claim is read from ('impact' for Figure 16), or null. */
  pattern: string | null;
  /** The report's words in the chosen language. */
  claim: string;
  x: string;
  y: string;
  direction: FindingDirection;
  /** The default data were calibrated to show this claim (so on them it is no discovery). */
  calibrated: boolean;
  method: 'pearson' | 'spearman';
  /** Networks with a value on both variables. */
  n: number;
  networks: string[];
  /** Pearson r and Spearman rho (null when not evaluated). */
  r: number | null;
  rho: number | null;
  /** Permutation p, two-sided, for the coefficient of `method`. */
  p: number | null;
  /** Permutation p, one-sided in the expected direction (null for a "no relation" claim). */
  pOneSided: number | null;
  /** True when p comes from all N! orderings. */
  exact: boolean;
  /**
   * How p was obtained: 'exact' (all N! orderings, N <= 10), 'monte-carlo'
   * (seeded random permutations) or 't' (t distribution on N - 2 df, above
   * `asymptoticAbove` networks); null when not evaluated.
   */
  pMethod: 'exact' | 'monte-carlo' | 't' | null;
  /**
   * 95% interval of the coefficient of `method`: bootstrap 'bca' (or
   * 'percentile' when BCa is undefined); above `asymptoticAbove` networks
   * 'jackknife-z', Fisher's z with the jackknife SE (or 'fisher-z', the
   * normal-theory SE, when a leave-one-out coefficient is +/-1 or undefined).
   */
  ci: { lower: number; upper: number; type: 'bca' | 'percentile' | 'jackknife-z' | 'fisher-z' } | null;
  /** Leave-one-network-out: subsets that keep the claim (expected sign, or |r| < .30 for 0) out of `of`. */
  stable: number | null;
  of: number | null;
  /** The network whose removal moves the coefficient most. */
  mostInfluential: { network: string; r: number | null; change: number | null } | null;
  /** The report's exception ("except Meses"): the coefficient without those networks, and whether they are the strongest outliers. */
  exception: { networks: string[]; n: number; r: number | null; largestOutlier: boolean } | null;
  /** The report's comparison ("weaker than"): this coefficient against the other claim's, and whether it is weaker in the expected direction. */
  weaker: { than: string; r: number | null; thanR: number | null; holds: boolean | null } | null;
  verdict: FindingVerdict;
  /** Which rule gave the verdict. */
  reason: string;
  /** What N allows: "With N = 10, r must exceed .55 (one-sided) or .63 (two-sided) to reach p < .05." */
  note: string;
  /** The most influential network, the exception and comparison results, the report's own caveat. */
  remarks: string;
}

/**
 * ' ("except Meses")', Dutch ' ("behalve Meses")': the first exception the
 * claims name, as the example in the rule on exceptions; '' when no claim
 * names one (so another study's rules never quote the report's networks).
 */
function exceptionExample(findings: readonly Finding[], lang: Language): string {
  const f = findings.find((c) => Array.isArray(c.except) && c.except.length > 0);
  return f ? ` ("${lang === 'nl' ? 'behalve' : 'except'} ${f.except![0]}")` : '';
}

/**
 * The rules in words for these claims: the verdict sentences from verdict.ts
 * (VERDICT_WORDS, with its thresholds), the rest from this module's constants.
 */
function rulesInWords(lang: Language, findings: readonly Finding[]): string[] {
  const below = formatR(NO_RELATION_BELOW, lang);
  const example = exceptionExample(findings, lang);
  const notEvaluated = VERDICT_LABELS[lang]['not evaluated'];
  return lang === 'en'
    ? [
        'Each claim is tested on the network means (one case per network, N cases) with Pearson r (Spearman rho is shown beside it).',
        'p: exact permutation test (all N! orderings) for N <= 10, Monte Carlo permutation test (9,999 random orderings, seeded) for N up to 200, and above 200 networks the t distribution of r on N - 2 degrees of freedom (for Spearman rho the same t approximation), which gives the permutation p at that N; two-sided, and for a claim with a direction also one-sided in that direction.',
        "CI: 95% BCa bootstrap interval over networks, seeded, 10,000 resamples; above 200 networks the interval on Fisher's z scale with the jackknife standard error of the leave-one-out coefficients, which gives the bootstrap interval at that N.",
        `Stability: each network left out in turn; for a claim with a direction, the subsets whose r has the expected sign; for "no relation", the subsets with |r| < ${below}.`,
        verdictSentence('direction', lang),
        verdictSentence('none', lang),
        `${notEvaluated}: fewer than ${MIN_FINDING_NETWORKS} networks with values on both variables, or a variable without variance.`,
        `Exceptions the report names${example} and comparisons ("weaker than") are shown beside the verdict, not in it.`,
        'With few networks a test has little power: r must exceed the critical value for N to reach one-sided p < .05 (about .55 for N = 10). "weak" often means "too few networks to tell", not "no relation".',
      ]
    : [
        'Elke bewering wordt getoetst op de netwerkgemiddelden (één geval per netwerk, N gevallen) met Pearsons r (Spearmans rho staat ernaast).',
        'p: exacte permutatietoets (alle N! volgordes) bij N <= 10, Monte-Carlo-permutatietoets (9.999 willekeurige volgordes, met vaste seed) bij N tot en met 200, en boven 200 netwerken de t-verdeling van r met N - 2 vrijheidsgraden (voor Spearmans rho dezelfde t-benadering), die bij die N de p van de permutatietoets geeft; tweezijdig, en bij een bewering met een richting ook eenzijdig in die richting.',
        'BI: 95%-BCa-bootstrapinterval over netwerken, met vaste seed, 10.000 trekkingen; boven 200 netwerken het interval op de Fisher-z-schaal met de jackknife-standaardfout van de coëfficiënten zonder telkens één netwerk, dat bij die N het bootstrapinterval geeft.',
        `Stabiliteit: steeds één netwerk weggelaten; bij een bewering met een richting de deelverzamelingen waarin r het verwachte teken heeft; bij "geen samenhang" die met |r| < ${below}.`,
        verdictSentence('direction', lang),
        verdictSentence('none', lang),
        `${notEvaluated}: minder dan ${MIN_FINDING_NETWORKS} netwerken met waarden op beide variabelen, of een variabele zonder spreiding.`,
        `Uitzonderingen die het rapport noemt${example} en vergelijkingen ("zwakker dan") staan naast het oordeel, niet erin.`,
        'Met weinig netwerken heeft een toets weinig onderscheidend vermogen: r moet boven de kritieke waarde voor N liggen voor een eenzijdige p < ,05 (ongeveer ,55 bij N = 10). "zwak" betekent vaak "te weinig netwerken om het te zeggen", niet "geen samenhang".',
      ];
}

/**
 * The verdict rules in words for the report's claims (FINDINGS), for
 * notebooks and the report; findingRules gives them for N networks and any
 * study's claims.
 */
export const FINDING_RULES: Record<Language, readonly string[]> = { en: rulesInWords('en', FINDINGS), nl: rulesInWords('nl', FINDINGS) };

/** The rules for p and the CI (FINDING_RULES[1] and [2]) as they apply to one N: exact, Monte Carlo or t. */
const METHOD_RULES: Record<Language, Record<'exact' | 'monte-carlo' | 't', (above: number) => [string, string]>> = {
  en: {
    exact: () => [
      'p: exact permutation test (all N! orderings for N <= 10), two-sided; for a claim with a direction also one-sided in that direction.',
      'CI: 95% BCa bootstrap interval over networks, seeded, 10,000 resamples.',
    ],
    'monte-carlo': (above) => [
      `p: Monte Carlo permutation test (9,999 random orderings, seeded; exact only for N <= 10, the t distribution above ${above} networks), two-sided; for a claim with a direction also one-sided in that direction.`,
      'CI: 95% BCa bootstrap interval over networks, seeded, 10,000 resamples.',
    ],
    t: (above) => [
      `p: t distribution of r on N - 2 degrees of freedom (for Spearman rho the same t approximation): with more than ${above} networks it gives the permutation test's p, at a fraction of its cost; two-sided; for a claim with a direction also one-sided in that direction.`,
      `CI: 95% interval on Fisher's z scale, atanh(r) +/- 1.96 SE, with SE the jackknife standard error of the leave-one-out coefficients: with more than ${above} networks it gives the BCa bootstrap interval.`,
    ],
  },
  nl: {
    exact: () => [
      'p: exacte permutatietoets (alle N! volgordes bij N <= 10), tweezijdig; bij een bewering met een richting ook eenzijdig in die richting.',
      'BI: 95%-BCa-bootstrapinterval over netwerken, met vaste seed, 10.000 trekkingen.',
    ],
    'monte-carlo': (above) => [
      `p: Monte-Carlo-permutatietoets (9.999 willekeurige volgordes, met vaste seed; exact alleen bij N <= 10, de t-verdeling boven ${above} netwerken), tweezijdig; bij een bewering met een richting ook eenzijdig in die richting.`,
      'BI: 95%-BCa-bootstrapinterval over netwerken, met vaste seed, 10.000 trekkingen.',
    ],
    t: (above) => [
      `p: t-verdeling van r met N - 2 vrijheidsgraden (voor Spearmans rho dezelfde t-benadering): bij meer dan ${above} netwerken geeft die de p van de permutatietoets, voor een fractie van de rekentijd; tweezijdig; bij een bewering met een richting ook eenzijdig in die richting.`,
      `BI: 95%-interval op de Fisher-z-schaal, atanh(r) +/- 1,96 SE, met als SE de jackknife-standaardfout van de coëfficiënten zonder telkens één netwerk: bij meer dan ${above} netwerken geeft dat het BCa-bootstrapinterval.`,
    ],
  },
};

/**
 * The rules in words for N networks: FINDING_RULES with the method of p and
 * the CI that this N gets (exact, Monte Carlo or t; `asymptoticAbove` as
 * passed to evaluateFindings), the critical r and "N - 1 of N" worked out.
 * `findings` are the claims the rules are printed for (as passed to
 * evaluateFindings): the rule on exceptions quotes the first exception they
 * name ("except Meses" on the report's claims), and none when they name none
 * or are not given.
 *
 * @example
 *   findingRules(8, 'en').at(-1); // "With N = 8, r must exceed .62 (one-sided) or .71 (two-sided) to reach p < .05. ..."
 *   findingRules(2000, 'en')[1];  // "p: t distribution of r on N - 2 degrees of freedom ..."
 *   findingRules(10, 'en', { findings: FINDINGS })[7]; // 'Exceptions the report names ("except Meses") and ...'
 */
export function findingRules(n: number, lang: Language = 'nl', options: { asymptoticAbove?: number; findings?: readonly Finding[] } = {}): string[] {
  if (!Number.isInteger(n) || n < 0) throw new UserInputError(`findingRules: n must be a whole number of networks, found ${JSON.stringify(n)}.`);
  checkLanguage(lang, 'findingRules: lang');
  const findings = options.findings ?? [];
  if (!Array.isArray(findings)) throw new UserInputError('findingRules: options.findings must be a list of claims (see FINDINGS, or the claims of a study definition).');
  const above = options.asymptoticAbove ?? ASYMPTOTIC_ABOVE;
  const rules = rulesInWords(lang, findings).slice(0, -1);
  [rules[1], rules[2]] = METHOD_RULES[lang][n <= 10 ? 'exact' : n > above ? 't' : 'monte-carlo'](above);
  const stable = n >= 2 ? (lang === 'nl' ? ` (hier ${n - 1} van ${n})` : ` (here ${n - 1} of ${n})`) : '';
  const withN = rules.map((r) => r.replace(/(N - 1 (of|van) N (subsets|deelverzamelingen))/, `$1${stable}`));
  if (n < MIN_FINDING_NETWORKS) {
    withN.push(lang === 'nl' ? `Met N = ${n} wordt geen bewering getoetst: daarvoor zijn minstens ${MIN_FINDING_NETWORKS} netwerken nodig.` : `With N = ${n} no claim is evaluated: that needs at least ${MIN_FINDING_NETWORKS} networks.`);
  } else {
    const one = formatR(criticalR(n, false), lang);
    const two = formatR(criticalR(n, true), lang);
    withN.push(
      lang === 'nl'
        ? `Met N = ${n} moet r boven ${one} (eenzijdig) of ${two} (tweezijdig) liggen voor p < ,05. "zwak" betekent vaak "te weinig netwerken om het te zeggen", niet "geen samenhang".`
        : `With N = ${n}, r must exceed ${one} (one-sided) or ${two} (two-sided) to reach p < .05. "weak" often means "too few networks to tell", not "no relation".`,
    );
  }
  return withN;
}

/**
 * ".55", "-.21" (English), ",55", "-,21" (Dutch): correlations without the
 * leading zero, as in APA style, with the language's decimal separator.
 */
export function formatR(v: number | null, lang: Language = 'en', digits = 2): string {
  if (v === null || !Number.isFinite(v)) return '-';
  const zero = Number(Math.abs(v).toFixed(digits)) === 0;
  return (v < 0 && !zero ? '-' : '') + formatDecimal(Math.abs(v), digits, lang, { leadingZero: false });
}

/** p to 3 decimals, "< .001" below (Dutch: ",012", "< ,001"). */
export function formatP(p: number | null, lang: Language = 'en'): string {
  if (p === null || !Number.isFinite(p)) return '-';
  return p < 0.001 ? `< ${formatDecimal(0.001, 3, lang, { leadingZero: false })}` : formatDecimal(p, 3, lang, { leadingZero: false });
}

/** "= .012" or "< .001" (Dutch "= ,012", "< ,001"), for sentences. */
const pIs = (p: number | null, lang: Language) => (p !== null && p < 0.001 ? formatP(p, lang) : `= ${formatP(p, lang)}`);

/** The smallest |r| with p < alpha for N cases (t approximation; the exact permutation test needs about the same). */
export function criticalR(n: number, twoSided: boolean, alpha = FINDING_ALPHA): number {
  const df = n - 2;
  const t = tQuantile(1 - (twoSided ? alpha / 2 : alpha), df);
  return t / Math.sqrt(df + t * t);
}

function variableValue(row: NetworkTableRow, v: string): number | null {
  const raw = v === 'members' ? row.members : v === 'years' ? row.years : row.means?.[v];
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
}

function checkRows(rows: unknown): asserts rows is NetworkTableRow[] {
  if (!Array.isArray(rows)) {
    throw new UserInputError('evaluateFindings: expected the network table, one row per network (networkTable(survey, instrument, { networks })).');
  }
  rows.forEach((r, k) => {
    if (!r || typeof r !== 'object' || typeof (r as NetworkTableRow).network !== 'string' || typeof (r as NetworkTableRow).means !== 'object' || (r as NetworkTableRow).means === null) {
      throw new UserInputError(`evaluateFindings: row ${k + 1} is not a network table row { network, members, years, means }; pass the result of networkTable(...).`);
    }
  });
}

function checkFindings(findings: unknown): asserts findings is Finding[] {
  if (!Array.isArray(findings)) throw new UserInputError('evaluateFindings: options.findings must be a list of findings (see FINDINGS, or the claims of a study definition).');
  const ids = new Set<string>();
  for (const f of findings as Finding[]) {
    if (!f || typeof f.id !== 'string' || typeof f.x !== 'string' || typeof f.y !== 'string' || ![1, -1, 0].includes(f.direction)) {
      throw new UserInputError(`evaluateFindings: finding ${JSON.stringify(f?.id ?? f)} needs an id, x, y and a direction of 1, -1 or 0.`);
    }
    if (ids.has(f.id)) throw new UserInputError(`evaluateFindings: the finding id "${f.id}" is used twice.`);
    ids.add(f.id);
  }
}

interface Pairs {
  x: number[];
  y: number[];
  networks: string[];
}

function pairsOf(rows: readonly NetworkTableRow[], xv: string, yv: string, skip: readonly string[] = []): Pairs {
  const out: Pairs = { x: [], y: [], networks: [] };
  for (const row of rows) {
    if (skip.includes(row.network)) continue;
    const a = variableValue(row, xv);
    const b = variableValue(row, yv);
    if (a === null || b === null) continue;
    out.x.push(a);
    out.y.push(b);
    out.networks.push(row.network);
  }
  return out;
}

const isConstant = (v: readonly number[]) => v.every((x) => x === v[0]);

/** Each finding has its own random stream, so its interval does not depend on the other findings in the list. */
function seedFor(seed: string, id: string): string {
  return `${seed}/${id}`;
}

function bootstrapCi(p: Pairs, method: 'pearson' | 'spearman', seed: string, iterations: number): FindingResult['ci'] {
  const idx = p.x.map((_, i) => i);
  // Pearson r of a resample of case indices (moments' pearson on two reused
  // buffers; NaN when a variable is constant in the resample, where r is undefined).
  const bx = new Float64Array(idx.length);
  const by = new Float64Array(idx.length);
  const pearsonOf = (s: readonly number[]) => {
    let variesX = false;
    let variesY = false;
    for (let k = 0; k < s.length; k++) {
      bx[k] = p.x[s[k]];
      by[k] = p.y[s[k]];
      if (bx[k] !== bx[0]) variesX = true;
      if (by[k] !== by[0]) variesY = true;
    }
    return variesX && variesY ? pearson(bx.subarray(0, s.length), by.subarray(0, s.length)) : NaN;
  };
  const stat =
    method === 'pearson'
      ? pearsonOf
      : (s: readonly number[]) =>
          correlation(
            s.map((i) => p.x[i]),
            s.map((i) => p.y[i]),
            method,
          ) ?? NaN;
  let b: BootstrapResult;
  try {
    b = bootstrap(idx, stat, { seed, iterations, ci: 'bca' });
    if (b.bca) return { lower: b.bca.lower, upper: b.bca.upper, type: 'bca' };
  } catch (e) {
    if (!(e instanceof UserInputError)) throw e;
  }
  try {
    b = bootstrap(idx, stat, { seed, iterations, ci: 'percentile' });
    return b.percentile ? { lower: b.percentile.lower, upper: b.percentile.upper, type: 'percentile' } : null;
  } catch (e) {
    if (!(e instanceof UserInputError)) throw e;
    return null;
  }
}

/**
 * Two-sided and one-sided (expected direction) permutation p: exact for N <= 10
 * (one walk over the N! orderings), seeded Monte Carlo with permutationTest above.
 */
function permutationPValues(p: Pairs, method: 'pearson' | 'spearman', direction: FindingDirection, seed: string, iterations: number): PValues {
  if (p.x.length <= 10) {
    const e = exactPermutationPValues(p.x, p.y, method);
    return { two: e.twoSided, one: direction === 0 ? null : direction > 0 ? e.greater : e.less, exact: true, method: 'exact' };
  }
  const common = { statistic: method, seed, iterations, exact: false } as const;
  const two = permutationTest(p.x, p.y, { ...common, alternative: 'two.sided' }).p;
  const one = direction === 0 ? null : permutationTest(p.x, p.y, { ...common, alternative: direction > 0 ? 'greater' : 'less' }).p;
  return { two, one, exact: false, method: 'monte-carlo' };
}

/** The interval above asymptoticAbove networks: Fisher's z with the jackknife SE of the leave-one-out coefficients, else with the normal-theory SE. */
function asymptoticCi(stat: number, n: number, method: 'pearson' | 'spearman', loo: LeaveOneOutResult): FindingResult['ci'] {
  const jk = jackknifeZInterval(stat, loo.rows.map((row) => row.r));
  return jk ? { ...jk, type: 'jackknife-z' } : { ...fisherZInterval(stat, n, method), type: 'fisher-z' };
}

/** Two-sided and one-sided p from the t distribution of the coefficient (above asymptoticAbove networks). */
function tPValuesFor(stat: number, n: number, direction: FindingDirection): PValues {
  const t = tPValues(stat, n);
  return { two: t.twoSided, one: direction === 0 ? null : direction > 0 ? t.greater : t.less, exact: false, method: 't' };
}

interface PValues {
  two: number;
  one: number | null;
  exact: boolean;
  method: 'exact' | 'monte-carlo' | 't';
}

const TEXT = {
  nl: {
    absent: (v: readonly string[]) => `${v.join(' en ')} ${v.length === 1 ? 'komt' : 'komen'} niet voor in de data`,
    tooFew: (n: number) => `slechts ${n} netwerken met een waarde op beide variabelen (minstens ${MIN_FINDING_NETWORKS} nodig)`,
    constant: (v: string) => `${v} heeft geen spreiding tussen de netwerken`,
    opposite: (r: string) => `r = ${r} heeft het omgekeerde teken`,
    zero: 'r = 0',
    holds: (p: string, s: number, of: number) => `verwacht teken, eenzijdige p ${p}, stabiel in ${s} van ${of}`,
    weakP: (p: string) => `verwacht teken, maar eenzijdige p ${p} (niet < ,05)`,
    weakStable: (s: number, of: number) => `verwacht teken, maar stabiel in slechts ${s} van ${of}`,
    relation: (p: string, ci: string) => `de data tonen een samenhang: tweezijdige p ${p}, BI ${ci}`,
    none: (r: string, s: number, of: number) => `|r| = ${r} < ,30, BI bevat 0, |r| < ,30 in ${s} van ${of}`,
    noneLarge: (r: string) => `geen significante samenhang, maar |r| = ${r} is niet < ,30`,
    noneUnstable: (s: number, of: number) => `|r| < ,30, maar slechts in ${s} van ${of} deelverzamelingen`,
    power: (n: number, c1: string, c2: string) => `Met N = ${n} moet r boven ${c1} (eenzijdig) of ${c2} (tweezijdig) liggen voor p < ,05.`,
    influence: (nw: string, ch: string) => `Weglaten van ${nw} verandert r het meest (${ch}).`,
    exception: (nw: string, r: string, yes: boolean) => `Zonder ${nw}: r = ${r}; ${nw} is ${yes ? '' : 'niet '}de grootste uitschieter.`,
    exceptionGone: (nw: string) => `De uitzondering ${nw} is weggelaten of ontbreekt.`,
    weaker: (than: string, r: string, t: string, yes: boolean) => `Zwakker dan ${than}? r = ${r} tegen ${t}: ${yes ? 'ja' : 'nee'}.`,
  },
  en: {
    absent: (v: readonly string[]) => `${v.join(' and ')} ${v.length === 1 ? 'is' : 'are'} not in the data`,
    tooFew: (n: number) => `only ${n} networks with a value on both variables (at least ${MIN_FINDING_NETWORKS} needed)`,
    constant: (v: string) => `${v} does not vary between the networks`,
    opposite: (r: string) => `r = ${r} has the opposite sign`,
    zero: 'r = 0',
    holds: (p: string, s: number, of: number) => `expected sign, one-sided p ${p}, stable in ${s} of ${of}`,
    weakP: (p: string) => `expected sign, but one-sided p ${p} (not < .05)`,
    weakStable: (s: number, of: number) => `expected sign, but stable in only ${s} of ${of}`,
    relation: (p: string, ci: string) => `the data show a relation: two-sided p ${p}, CI ${ci}`,
    none: (r: string, s: number, of: number) => `|r| = ${r} < .30, CI includes 0, |r| < .30 in ${s} of ${of}`,
    noneLarge: (r: string) => `no significant relation, but |r| = ${r} is not < .30`,
    noneUnstable: (s: number, of: number) => `|r| < .30, but in only ${s} of ${of} subsets`,
    power: (n: number, c1: string, c2: string) => `With N = ${n}, r must exceed ${c1} (one-sided) or ${c2} (two-sided) to reach p < .05.`,
    influence: (nw: string, ch: string) => `Leaving out ${nw} moves r most (${ch}).`,
    exception: (nw: string, r: string, yes: boolean) => `Without ${nw}: r = ${r}; ${nw} is ${yes ? '' : 'not '}the largest outlier.`,
    exceptionGone: (nw: string) => `The exception ${nw} is left out or missing.`,
    weaker: (than: string, r: string, t: string, yes: boolean) => `Weaker than ${than}? r = ${r} against ${t}: ${yes ? 'yes' : 'no'}.`,
  },
} as const;

/** "[.48, .98]", Dutch "[,48; ,98]": with a decimal comma the bounds are separated by a semicolon. */
export const formatCi = (ci: { lower: number; upper: number } | null, lang: Language = 'en') =>
  ci ? `[${formatR(ci.lower, lang)}${lang === 'nl' ? ';' : ','} ${formatR(ci.upper, lang)}]` : '-';

/**
 * @example
 *   const table = networkTable(survey.table.objects(), instrument, { networks: networks.table.objects() });
 *   const results = evaluateFindings(table);                      // one row per finding, verdicts by FINDING_RULES
 *   evaluateFindings(table, { exclude: ['Meses'], lang: 'en' });  // the students' exercise
 *   console.log(formatFindings(results));
 */
export function evaluateFindings(networkRows: readonly NetworkTableRow[], options: EvaluateFindingsOptions = {}): FindingResult[] {
  checkRows(networkRows);
  const findings = options.findings ?? FINDINGS;
  checkFindings(findings);
  const lang = checkLanguage(options.lang ?? 'nl', 'evaluateFindings: option lang');
  const method = options.method ?? 'pearson';
  if (method !== 'pearson' && method !== 'spearman') throw new UserInputError(`evaluateFindings: method ${JSON.stringify(method)}; expected "pearson" or "spearman".`);
  const seed = options.seed ?? FINDING_DEFAULTS.seed;
  if (typeof seed !== 'string') throw new UserInputError('evaluateFindings: options.seed must be a string.');
  const iterations = options.iterations ?? FINDING_DEFAULTS.iterations;
  if (!Number.isInteger(iterations) || iterations < 100) throw new UserInputError(`evaluateFindings: iterations must be a whole number >= 100; got ${JSON.stringify(iterations)}.`);
  const permutations = options.permutations ?? FINDING_DEFAULTS.permutations;
  if (!Number.isInteger(permutations) || permutations < 99) throw new UserInputError(`evaluateFindings: permutations must be a whole number >= 99; got ${JSON.stringify(permutations)}.`);
  const asymptoticAbove = options.asymptoticAbove ?? ASYMPTOTIC_ABOVE;
  if (typeof asymptoticAbove !== 'number' || !(asymptoticAbove >= 10) || (Number.isFinite(asymptoticAbove) && !Number.isInteger(asymptoticAbove))) {
    throw new UserInputError(`evaluateFindings: asymptoticAbove must be a whole number >= 10 or Infinity; got ${JSON.stringify(asymptoticAbove)}.`);
  }
  const exclude = options.exclude ?? [];
  if (!Array.isArray(exclude) || exclude.some((e) => typeof e !== 'string')) throw new UserInputError('evaluateFindings: exclude must be a list of network names, e.g. ["Meses"].');
  const names = networkRows.map((r) => r.network);
  const unknown = exclude.filter((e) => !names.includes(e));
  if (unknown.length > 0) {
    throw new UserInputError(`evaluateFindings: exclude names ${unknown.map((u) => JSON.stringify(u)).join(', ')}, not a network in the table; the networks are ${names.join(', ')}.`);
  }
  // Fewer than MIN_FINDING_NETWORKS networks: every claim comes back "not evaluated" with the reason.
  const rows = networkRows.filter((r) => !exclude.includes(r.network));
  const t = TEXT[lang];
  const present = new Set<string>(['members', 'years'].filter((v) => rows.some((r) => variableValue(r, v) !== null)));
  for (const r of rows) for (const k of Object.keys(r.means)) present.add(k);
  const byId = new Map<string, Finding>([...FINDINGS, ...findings].map((f) => [f.id, f]));

  return findings.map((f): FindingResult => {
    const p = pairsOf(rows, f.x, f.y);
    const base: FindingResult = {
      id: f.id,
      section: f.section,
      pattern: f.pattern,
      claim: f[lang],
      x: f.x,
      y: f.y,
      direction: f.direction,
      calibrated: f.calibrated,
      method,
      n: p.x.length,
      networks: p.networks,
      r: null,
      rho: null,
      p: null,
      pOneSided: null,
      exact: false,
      pMethod: null,
      ci: null,
      stable: null,
      of: null,
      mostInfluential: null,
      exception: null,
      weaker: null,
      verdict: 'not evaluated',
      reason: '',
      note: '',
      remarks: f.caveat ? f.caveat[lang] : '',
    };
    const n = p.x.length;
    const absent = rows.length === 0 ? [] : [f.x, f.y].filter((v) => !present.has(v));
    if (absent.length > 0) return { ...base, reason: t.absent(absent) };
    if (n < MIN_FINDING_NETWORKS) return { ...base, reason: t.tooFew(n), note: n >= 3 ? t.power(n, formatR(criticalR(n, false), lang), formatR(criticalR(n, true), lang)) : '' };
    if (isConstant(p.x) || isConstant(p.y)) return { ...base, reason: t.constant(isConstant(p.x) ? f.x : f.y) };

    const r = correlation(p.x, p.y, 'pearson') as number;
    const rho = correlation(p.x, p.y, 'spearman') as number;
    const stat = method === 'pearson' ? r : rho;
    const asymptotic = n > asymptoticAbove;
    const perm = asymptotic ? tPValuesFor(stat, n, f.direction) : permutationPValues(p, method, f.direction, seedFor(seed, `${f.id}/permutation`), permutations);
    const two = { p: perm.two, exact: perm.exact };
    const one = perm.one === null ? null : { p: perm.one };
    const loo: LeaveOneOutResult = leaveOneOut(p.x, p.y, { method, labels: p.networks, ...(f.direction !== 0 ? { expectedSign: f.direction } : {}) });
    const ci = asymptotic ? asymptoticCi(stat, n, method, loo) : bootstrapCi(p, method, seedFor(seed, `${f.id}/bootstrap`), iterations);
    const stable = f.direction === 0 ? loo.rows.filter((row) => row.r !== null && Math.abs(row.r) < NO_RELATION_BELOW).length : loo.holds;
    const most = loo.mostInfluential;

    // exception ("except Meses")
    let exception: FindingResult['exception'] = null;
    const notes: string[] = [];
    if (f.except && f.except.length > 0) {
      const present = f.except.filter((e) => p.networks.includes(e));
      if (present.length === 0) notes.push(t.exceptionGone(f.except.join(', ')));
      else {
        const without = pairsOf(rows, f.x, f.y, present);
        const rw = without.x.length >= 3 ? correlation(without.x, without.y, method) : null;
        const sign = f.direction === 0 ? 1 : f.direction;
        const ranked = loo.rows.filter((row) => row.r !== null).sort((a, b) => sign * (b.r as number) - sign * (a.r as number));
        const top = ranked.slice(0, present.length).map((row) => row.dropped);
        const largestOutlier = present.every((e) => top.includes(e));
        exception = { networks: present, n: without.x.length, r: rw, largestOutlier };
        notes.push(t.exception(present.join(', '), formatR(rw, lang), largestOutlier));
      }
    }
    // comparison ("weaker than")
    let weaker: FindingResult['weaker'] = null;
    if (f.weakerThan) {
      const other = byId.get(f.weakerThan);
      let thanR: number | null = null;
      if (other) {
        const q = pairsOf(rows, other.x, other.y);
        thanR = q.x.length >= 3 ? correlation(q.x, q.y, method) : null;
      }
      const sign = f.direction === 0 ? 1 : f.direction;
      const holds = thanR === null ? null : sign * stat < sign * thanR;
      weaker = { than: f.weakerThan, r: stat, thanR, holds };
      if (holds !== null) notes.push(t.weaker(f.weakerThan, formatR(stat, lang), formatR(thanR, lang), holds));
    }

    // verdict (verdict.ts: the rules), and the rule's reason in words
    const v = verdict({ direction: f.direction, stat, pOneSided: one ? one.p : null, pTwoSided: two.p, ci, stable, n });
    const reasons: Record<VerdictRule, () => string> = {
      zero: () => t.zero,
      opposite: () => t.opposite(formatR(stat, lang)),
      holds: () => t.holds(pIs(one!.p, lang), stable, n),
      weakP: () => t.weakP(pIs(one!.p, lang)),
      weakStable: () => t.weakStable(stable, n),
      relation: () => t.relation(pIs(two.p, lang), formatCi(ci, lang)),
      none: () => t.none(formatR(Math.abs(stat), lang), stable, n),
      noneLarge: () => t.noneLarge(formatR(Math.abs(stat), lang)),
      noneUnstable: () => t.noneUnstable(stable, n),
    };
    const reason = reasons[v.rule]();

    const note = t.power(n, formatR(criticalR(n, false), lang), formatR(criticalR(n, true), lang));
    const remarks = [
      most.change !== null ? t.influence(most.dropped, `${most.change > 0 ? '+' : ''}${formatR(most.change, lang)}`) : '',
      ...notes,
      f.caveat ? f.caveat[lang] : '',
    ]
      .filter((s) => s !== '')
      .join(' ');

    return {
      ...base,
      r,
      rho,
      p: two.p,
      pOneSided: one ? one.p : null,
      exact: two.exact,
      pMethod: perm.method,
      ci,
      stable,
      of: n,
      mostInfluential: { network: most.dropped, r: most.r, change: most.change },
      exception,
      weaker,
      verdict: v.verdict,
      reason,
      note,
      remarks,
    };
  });
}

/**
 * Plain-text table of evaluateFindings' rows (terminal, notebook), with the
 * verdict words in the language.
 */
export function formatFindings(results: readonly FindingResult[], lang: Language = 'nl'): string {
  const dir = (d: FindingDirection) => (d > 0 ? '+' : d < 0 ? '-' : '0');
  const head = lang === 'nl'
    ? ['bevinding', 'richting', 'N', 'r', 'rho', 'p', 'p (1z)', '95%-BI', 'stabiel', 'oordeel']
    : ['finding', 'direction', 'N', 'r', 'rho', 'p', 'p (1s)', '95% CI', 'stable', 'verdict'];
  const body = results.map((x) => [
    x.id,
    dir(x.direction),
    String(x.n),
    formatR(x.r, lang),
    formatR(x.rho, lang),
    formatP(x.p, lang),
    formatP(x.pOneSided, lang),
    formatCi(x.ci, lang),
    x.stable === null ? '-' : `${x.stable}/${x.of}`,
    VERDICT_LABELS[lang][x.verdict],
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((row) => row[k].length)));
  const line = (row: string[]) => row.map((c, k) => (k === 0 || k === row.length - 1 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}
