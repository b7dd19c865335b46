/**
 * Intercoder agreement at the level of coded segments, as MAXQDA's "segment
 * agreement": every segment of one coder is checked against the other coder's
 * segments with the same code in the same document; it agrees when one of
 * them overlaps it by at least `minOverlap` percent (default 90, MAXQDA's
 * default). Overlap is measured as MAXQDA does it, relative to the stretch
 * both segments cover together: |A and B| / |A or B| in characters.
 *
 * Per code and overall: segments of each coder, agreeing segments, percent
 * agreement = agreeing / all segments (both coders' segments counted), and the
 * kappa MAXQDA reports, Brennan & Prediger's with chance agreement 1/q where q
 * is the number of codes compared, with a binomial standard error over the
 * segments. Cohen's kappa and Krippendorff's alpha are not defined here: no
 * unit is "left uncoded by both" at segment level (there is no d cell), so they
 * are given at unit level by presenceAgreement (use { unit: 'paragraph' }).
 *
 * With more than two coders every pair is compared, and the pairs are pooled.
 */
import { UserInputError } from '../../util/errors';
import { brennanPredigerFromCounts, type BrennanPredigerCounts } from '../../stats/agreement/brennanPredigerKappa';
import { codeLabel } from '../codebook';
import { codePath, type QualProject } from '../model';
import { buildComparison, type ComparisonOptions } from './comparison';

export interface SegmentAgreementOptions extends ComparisonOptions {
  /** Minimum overlap in percent (1-100) for two segments to agree; default 90. */
  minOverlap?: number;
  /** Confidence level; default 0.95. */
  confidence?: number;
}

export interface SegmentCheck {
  document: string;
  codeId: string;
  path: string;
  /** Whose segment is checked. */
  coder: string;
  /** Against whom. */
  other: string;
  start: number;
  end: number;
  text: string;
  /** Best overlap with the other coder's segments with the same code (0-100). */
  overlap: number;
  agree: boolean;
}

export interface SegmentCounts {
  /** Segments of the first and of the second coder. */
  segments: [number, number];
  /** Agreeing segments of the first and of the second coder. */
  agreeing: [number, number];
  /** (agreeing) / (all segments); null without segments. */
  percent: number | null;
}

export interface SegmentCodeResult extends SegmentCounts {
  codeId: string;
  path: string;
  label: string;
}

/** Brennan & Prediger's kappa over the segments (brennanPredigerFromCounts). */
export type SegmentKappa = BrennanPredigerCounts;

export interface SegmentPairResult {
  coders: [string, string];
  documents: string[];
  perCode: SegmentCodeResult[];
  overall: SegmentCounts & { brennanPrediger: SegmentKappa };
  checks: SegmentCheck[];
}

export interface SegmentAgreementResult {
  minOverlap: number;
  level: 'code' | 'theme';
  groups: string[];
  /** Codes compared (q of the kappa). */
  codes: number;
  pairs: SegmentPairResult[];
  /** All pairs together. */
  overall: SegmentCounts & { brennanPrediger: SegmentKappa };
  notes: string[];
}

/** Overlap of two character ranges relative to their union, in percent. */
export function overlapPercent(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? (100 * inter) / union : 0;
}

/**
 * @example
 *   const r = segmentAgreement(loadInterviews(), { minOverlap: 90 });
 *   r.pairs.map((p) => [p.coders.join('-'), p.overall.percent, p.overall.brennanPrediger.kappa]);
 */
export function segmentAgreement(project: QualProject, options: SegmentAgreementOptions = {}): SegmentAgreementResult {
  const fn = 'segmentAgreement';
  const minOverlap = options.minOverlap ?? 90;
  if (typeof minOverlap !== 'number' || !(minOverlap > 0 && minOverlap <= 100)) {
    throw new UserInputError(`${fn}: option minOverlap is ${JSON.stringify(minOverlap)}; expected a percentage above 0 and at most 100 (MAXQDA's default is 90).`);
  }
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new UserInputError(`${fn}: option confidence is ${confidence}; expected a level between 0 and 1.`);
  const cmp = buildComparison(project, options, fn);
  const q = cmp.codes.length;
  const notes = [...cmp.notes];
  if (q < 2) notes.push('Fewer than two codes compared: the kappa (chance agreement 1/q) is not defined.');
  notes.push("Cohen's kappa and Krippendorff's alpha are not defined at segment level (no 'not coded by either' cell); see presenceAgreement with { unit: 'paragraph' }.");
  const pairs: SegmentPairResult[] = [];
  for (let i = 0; i < cmp.coders.length; i++) {
    for (let j = i + 1; j < cmp.coders.length; j++) {
      const a = cmp.coders[i];
      const b = cmp.coders[j];
      const units = cmp.units.filter((u) => u.documents.has(a) && u.documents.has(b));
      if (units.length === 0) continue;
      const checks: SegmentCheck[] = [];
      for (const u of units) {
        const sa = cmp.segments(u, a);
        const sb = cmp.segments(u, b);
        for (const [mine, theirs, coder, other] of [[sa, sb, a, b], [sb, sa, b, a]] as const) {
          for (const { segment, code } of mine) {
            let best = 0;
            for (const t of theirs) if (t.code === code) best = Math.max(best, overlapPercent(segment, t.segment));
            checks.push({ document: u.name, codeId: code, path: codePath(project.codes, code), coder, other, start: segment.start, end: segment.end, text: segment.text, overlap: best, agree: best >= minOverlap - 1e-9 });
          }
        }
      }
      const count = (rows: SegmentCheck[]): SegmentCounts => {
        const seg: [number, number] = [rows.filter((r) => r.coder === a).length, rows.filter((r) => r.coder === b).length];
        const agr: [number, number] = [rows.filter((r) => r.coder === a && r.agree).length, rows.filter((r) => r.coder === b && r.agree).length];
        const total = seg[0] + seg[1];
        return { segments: seg, agreeing: agr, percent: total > 0 ? (agr[0] + agr[1]) / total : null };
      };
      const perCode = cmp.codes.map((c) => ({ codeId: c.id, path: codePath(project.codes, c.id), label: codeLabel(c, 'nl'), ...count(checks.filter((r) => r.codeId === c.id)) }));
      const all = count(checks);
      pairs.push({ coders: [a, b], documents: units.map((u) => u.name), perCode, overall: { ...all, brennanPrediger: brennanPredigerFromCounts(all.agreeing[0] + all.agreeing[1], all.segments[0] + all.segments[1], q, confidence) }, checks });
    }
  }
  if (pairs.length === 0) throw new UserInputError(`${fn}: no pair of coders shares a document.`);
  const seg: [number, number] = [0, 0];
  const agr: [number, number] = [0, 0];
  for (const p of pairs) {
    seg[0] += p.overall.segments[0];
    seg[1] += p.overall.segments[1];
    agr[0] += p.overall.agreeing[0];
    agr[1] += p.overall.agreeing[1];
  }
  const total = seg[0] + seg[1];
  const agreeing = agr[0] + agr[1];
  return {
    minOverlap,
    level: cmp.level,
    groups: cmp.groups,
    codes: q,
    pairs,
    overall: { segments: seg, agreeing: agr, percent: total > 0 ? agreeing / total : null, brennanPrediger: brennanPredigerFromCounts(agreeing, total, q, confidence) },
    notes,
  };
}
