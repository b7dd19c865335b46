/**
 * Intercoder agreement on the presence of codes: for each unit (a document, as
 * MAXQDA's "code existence in the document", or a paragraph) and each code,
 * did the coder give the code there (1) or not (0)? On these 0/1 ratings:
 * percent agreement, Cohen's kappa with its asymptotic standard error and
 * interval (two coders), Brennan & Prediger's kappa (q = 2), and
 * Krippendorff's alpha (nominal, any number of coders) with a seeded bootstrap
 * interval over units. Per code, and overall over all unit x code pairs (the
 * overall bootstrap resamples whole units, keeping a unit's codes together).
 *
 * With few shared documents (the report's design: two calibration interviews)
 * the document level has two units per code, too few for any coefficient; the
 * paragraph level gives more units from the same codings.
 */
import { UserInputError } from '../../util/errors';
import { bootstrap } from '../../stats/resampling/bootstrap';
import { codeLabel } from '../codebook';
import { codePath } from '../model';
import type { QualProject } from '../model';
import { brennanPredigerKappa, type BrennanPredigerResult } from '../../stats/agreement/brennanPredigerKappa';
import { cohenKappa, type CohenKappaResult } from '../../stats/agreement/cohenKappa';
import { alphaOfEncoded, encodeColumns, krippendorffAlpha, type KrippendorffAlphaResult } from '../../stats/agreement/krippendorffAlpha';
import { percentAgreement } from '../../stats/agreement/percentAgreement';
import { paragraphs } from '../text';
import { buildComparison, type ComparisonOptions } from './comparison';

export interface PresenceAgreementOptions extends ComparisonOptions {
  /** Unit of comparison: 'document' (default, MAXQDA's code existence) or 'paragraph' (each non-empty line). */
  unit?: 'document' | 'paragraph';
  /** Confidence level of the intervals; default 0.95. */
  confidence?: number;
  /** Bootstrap resamples for Krippendorff's alpha (0 = none); default 2000. */
  bootstrap?: number;
  /** Seed of the bootstrap; default 'presence-agreement'. */
  seed?: string;
}

export interface AgreementCoefficients {
  /** Pairable units (rated by at least two coders). */
  n: number;
  /** Two coders: units where both / only the first / only the second / neither coded it. */
  table: { both: number; first: number; second: number; neither: number } | null;
  /** Percent agreement (0-1). */
  percent: number | null;
  /** Share of agreement among the units at least one coder coded (MAXQDA's code-existence percentage leaves out "neither"). */
  percentWhereCoded: number | null;
  /** Two coders only (null with more). */
  cohen: CohenKappaResult | null;
  brennanPrediger: BrennanPredigerResult;
  alpha: KrippendorffAlphaResult;
}

export interface CodeAgreement extends AgreementCoefficients {
  codeId: string;
  /** "Theme > Subcode". */
  path: string;
  label: string;
}

export interface PresenceAgreementResult {
  unit: 'document' | 'paragraph';
  level: 'code' | 'theme';
  coders: string[];
  groups: string[];
  /** Compared documents (names). */
  documents: string[];
  /** Number of units (documents or paragraphs). */
  units: number;
  perCode: CodeAgreement[];
  overall: AgreementCoefficients;
  notes: string[];
  /** The project's data are synthetic (for the figure's mark). */
  synthetic: boolean;
}

function coefficients(ratings: Array<Array<0 | 1 | null>>, coders: number, opts: { level: number; iterations: number; seed: string }): AgreementCoefficients {
  const pa = percentAgreement(ratings);
  let table: AgreementCoefficients['table'] = null;
  let cohen: CohenKappaResult | null = null;
  let coded = 0;
  let codedAgree = 0;
  const units = ratings[0].length;
  for (let u = 0; u < units; u++) {
    const vs = ratings.map((r) => r[u]).filter((v): v is 0 | 1 => v !== null);
    if (vs.length < 2 || vs.every((v) => v === 0)) continue;
    coded++;
    if (vs.every((v) => v === 1)) codedAgree++;
  }
  if (coders === 2) {
    const t = { both: 0, first: 0, second: 0, neither: 0 };
    for (let u = 0; u < units; u++) {
      const a = ratings[0][u];
      const b = ratings[1][u];
      if (a === null || b === null) continue;
      if (a && b) t.both++;
      else if (a) t.first++;
      else if (b) t.second++;
      else t.neither++;
    }
    table = t;
    cohen = cohenKappa([[t.both, t.first], [t.second, t.neither]], { level: opts.level });
  }
  return {
    n: pa.units,
    table,
    percent: pa.agreement,
    percentWhereCoded: coded > 0 ? codedAgree / coded : null,
    cohen,
    brennanPrediger: brennanPredigerKappa(ratings, { categories: 2, level: opts.level }),
    alpha: krippendorffAlpha(ratings, { level: 'nominal', bootstrap: opts.iterations > 0 ? { iterations: opts.iterations, seed: opts.seed, level: opts.level } : undefined }),
  };
}

/**
 * @example
 *   const project = loadInterviews();
 *   const r = presenceAgreement(project, { unit: 'paragraph', level: 'theme' });
 *   r.overall.alpha.alpha;   // Krippendorff's alpha over all theme x paragraph pairs
 *   r.perCode[0].cohen;      // with 3 coders: null (Cohen is for two; see pairwise coders option)
 */
export function presenceAgreement(project: QualProject, options: PresenceAgreementOptions = {}): PresenceAgreementResult {
  const fn = 'presenceAgreement';
  const unitKind = options.unit ?? 'document';
  if (unitKind !== 'document' && unitKind !== 'paragraph') throw new UserInputError(`${fn}: option unit is ${JSON.stringify(unitKind)}; expected "document" or "paragraph".`);
  const level = options.confidence ?? 0.95;
  if (!(level > 0 && level < 1)) throw new UserInputError(`${fn}: option confidence is ${level}; expected a confidence level between 0 and 1.`);
  const iterations = options.bootstrap ?? 2000;
  if (!Number.isInteger(iterations) || iterations < 0) throw new UserInputError(`${fn}: option bootstrap is ${iterations}; expected a whole number of resamples (0 for none).`);
  const seed = options.seed ?? 'presence-agreement';
  const cmp = buildComparison(project, options, fn);
  const notes = [...cmp.notes];
  // Units: [comparison unit, span in code points or null for the whole document].
  const spans: Array<{ unit: number; start: number; end: number } | null> = [];
  cmp.units.forEach((u, i) => {
    if (unitKind === 'document') spans.push(null);
    else for (const p of paragraphs(u.text)) if (p.text.trim() !== '') spans.push({ unit: i, start: p.start, end: p.end });
  });
  const unitOf = (k: number) => (spans[k] === null ? k : spans[k]!.unit);
  // ratings[code][coder][unit]
  const ratings = cmp.codes.map(() => cmp.coders.map(() => spans.map((): 0 | 1 | null => null)));
  const codeIndex = new Map(cmp.codes.map((c, i) => [c.id, i]));
  cmp.units.forEach((u, ui) => {
    cmp.coders.forEach((coder, ci) => {
      if (!u.documents.has(coder)) return;
      const segs = cmp.segments(u, coder);
      spans.forEach((sp, k) => {
        if (unitOf(k) !== ui) return;
        for (let c = 0; c < cmp.codes.length; c++) ratings[c][ci][k] = 0;
        for (const { segment, code } of segs) {
          if (sp === null || (segment.start < sp.end && segment.end > sp.start)) ratings[codeIndex.get(code)!][ci][k] = 1;
        }
      });
    });
  });
  if (unitKind === 'document' && cmp.units.length < 3) notes.push(`Only ${cmp.units.length} shared document(s): per code that is ${cmp.units.length} unit(s), too few for kappa or alpha to mean much; use { unit: 'paragraph' }.`);
  if (cmp.coders.length > 2) notes.push(`${cmp.coders.length} coders: Cohen's kappa is for two coders and is left out; percent agreement and Brennan & Prediger use the mean agreement over coder pairs, Krippendorff's alpha all coders. Pass { coders: ['A', 'B'] } for one pair.`);
  const perCode: CodeAgreement[] = cmp.codes.map((c, i) => ({
    codeId: c.id,
    path: codePath(project.codes, c.id),
    label: codeLabel(c, 'nl'),
    ...coefficients(ratings[i], cmp.coders.length, { level, iterations, seed: `${seed}/${c.id}` }),
  }));
  // Overall: concatenate every code's ratings; bootstrap whole units.
  const pooled = cmp.coders.map((_, ci) => ratings.flatMap((r) => r[ci]));
  const overall = coefficients(pooled, cmp.coders.length, { level, iterations: 0, seed });
  const clusters = spans.map((_, k) => k);
  if (iterations > 0 && overall.alpha.alpha !== null && clusters.length >= 3) {
    // A resample of units is the columns (unit, code) of each unit drawn, in order: alpha of them as
    // krippendorffAlpha computes it, on values encoded once (alphaOfEncoded, bit for bit the same).
    const ids = new Map<string, number>();
    const byUnit = clusters.map((k) => encodeColumns(ratings.map((r) => cmp.coders.map((_, ci) => r[ci][k])), ids).columns);
    const stat = (sample: readonly number[]) => alphaOfEncoded(sample.flatMap((k) => byUnit[k]), 'nominal', null, ids.size) ?? NaN;
    try {
      const b = bootstrap(clusters, stat, { iterations, seed: `${seed}/overall`, level, ci: 'percentile' });
      if (b.percentile) overall.alpha = { ...overall.alpha, ci: { level, lower: b.percentile.lower, upper: b.percentile.upper, iterations, nonFinite: b.nonFinite, seed: b.seed } };
    } catch (e) {
      if (!(e instanceof UserInputError)) throw e;
      notes.push(`No bootstrap interval for the overall alpha: ${e.message}`);
    }
  }
  return { unit: unitKind, level: cmp.level, coders: cmp.coders, groups: cmp.groups, documents: cmp.units.map((u) => u.name), units: spans.length, perCode, overall, notes, synthetic: project.dataOrigin?.startsWith('synthetic') ?? false };
}
