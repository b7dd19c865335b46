/**
 * Intercoder agreement from coded segments: hand-counted small projects for
 * the presence (document, paragraph) and segment (MAXQDA) levels, the choice
 * of the compared copies, and the default data.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { presenceAgreement } from '../../lib/qual/agreement/presenceAgreement';
import { overlapPercent, segmentAgreement } from '../../lib/qual/agreement/segmentAgreement';
import { agreementRows } from '../../lib/qual/agreement/agreementRows';
import { generateInterviewProject } from '../../lib/qual/defaultData/generate';
import type { CodedSegment, QualCode, QualProject } from '../../lib/qual/model';

const TEXT = 'P1 text.\nP2 text.\nP3 text.\nP4 text.\n';
const code = (id: string, parentId: string | null): QualCode => ({ id, name: id.toUpperCase(), parentId, description: '', color: null, codable: true });
const CODES = [code('t', null), code('a', 't'), code('b', 't'), code('u', null), code('c', 'u')];
const para = (k: number) => ({ start: 9 * (k - 1), end: 9 * (k - 1) + 8 });

function project(codings: Record<string, Array<[string, number, number?]>>, extra: Partial<QualProject> = {}): QualProject {
  const coders = Object.keys(codings);
  const documents = coders.map((c) => ({ id: `doc-${c}`, name: 'Doc', group: `G ${c}`, network: 'Notos', text: TEXT, description: '', variables: {} }));
  const segments: CodedSegment[] = [];
  for (const c of coders) {
    codings[c].forEach(([codeId, p, end], i) => {
      const { start, end: e } = para(p);
      const stop = end ?? e;
      segments.push({ id: `${c}-${i}`, documentId: `doc-${c}`, codeId, coder: c, start, end: stop, text: TEXT.slice(start, stop), created: null });
    });
  }
  return { name: 't', description: '', origin: 'test', dataOrigin: null, codes: CODES, documents, segments, coders, ...extra };
}

// A: a on P1, c on P2.  B: a on P1, b on P3.
const AB = project({ A: [['a', 1], ['c', 2]], B: [['a', 1], ['b', 3]] });

describe('presenceAgreement: hand-counted', () => {
  it('paragraph units, codes: per-code tables and the pooled kappa 0.4', () => {
    const r = presenceAgreement(AB, { unit: 'paragraph', bootstrap: 0 });
    expect(r.units).toBe(4);
    expect(r.coders).toEqual(['A', 'B']);
    expect(r.perCode.map((c) => c.codeId)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = r.perCode;
    expect(a.table).toEqual({ both: 1, first: 0, second: 0, neither: 3 });
    expect(a.percent).toBe(1);
    expect(a.cohen!.kappa).toBe(1);
    expect(b.table).toEqual({ both: 0, first: 0, second: 1, neither: 3 });
    expect(b.percent).toBe(0.75);
    expect(b.cohen!.kappa).toBeCloseTo(0, 12);
    expect(c.percentWhereCoded).toBe(0);
    // pooled over 12 code x paragraph pairs: both 1, first 1, second 1, neither 9
    expect(r.overall.table).toEqual({ both: 1, first: 1, second: 1, neither: 9 });
    expect(r.overall.percent).toBeCloseTo(10 / 12, 12);
    expect(r.overall.cohen!.kappa).toBeCloseTo(0.4, 12);
    expect(r.overall.brennanPrediger.kappa).toBeCloseTo(2 * (10 / 12) - 1, 12);
    // Krippendorff, nominal, 2 coders, binary: 1 - (n - 1)(b + c) / (n1 n0) with n = 24, n1 = 4, n0 = 20
    expect(r.overall.alpha.alpha!).toBeCloseTo(1 - (23 * 2) / (4 * 20), 12);
  });

  it('theme level: a and b both count for theme T', () => {
    const r = presenceAgreement(AB, { unit: 'paragraph', level: 'theme', bootstrap: 0 });
    expect(r.perCode.map((c) => c.codeId)).toEqual(['t', 'u']);
    expect(r.perCode[0].table).toEqual({ both: 1, first: 0, second: 1, neither: 2 });
    expect(r.perCode[1].table).toEqual({ both: 0, first: 1, second: 0, neither: 3 });
  });

  it('document units: one shared document is one unit, with a note', () => {
    const r = presenceAgreement(AB, { bootstrap: 0 });
    expect(r.units).toBe(1);
    expect(r.perCode.find((c) => c.codeId === 'a')!.table).toEqual({ both: 1, first: 0, second: 0, neither: 0 });
    expect(r.notes.join(' ')).toMatch(/Only 1 shared document/);
  });

  it('three coders: no Cohen, a note; Krippendorff uses all three', () => {
    const abc = project({ A: [['a', 1]], B: [['a', 1]], C: [['a', 2]] });
    const r = presenceAgreement(abc, { unit: 'paragraph', bootstrap: 0 });
    expect(r.perCode[0].cohen).toBeNull();
    expect(r.notes.join(' ')).toMatch(/Cohen's kappa is for two coders/);
    expect(r.perCode[0].alpha.alpha).not.toBeNull();
    const ab = presenceAgreement(abc, { unit: 'paragraph', coders: ['A', 'B'], bootstrap: 0 });
    expect(ab.perCode[0].cohen!.kappa).toBe(1);
  });

  it('the bootstrap interval is seeded', () => {
    const p = generateInterviewProject();
    const x = presenceAgreement(p, { unit: 'paragraph', level: 'theme', bootstrap: 200, seed: 's' });
    const y = presenceAgreement(p, { unit: 'paragraph', level: 'theme', bootstrap: 200, seed: 's' });
    expect(x.overall.alpha.ci).toEqual(y.overall.alpha.ci);
    expect(x.overall.alpha.ci!.lower).toBeLessThan(x.overall.alpha.alpha!);
  });
});

describe('segmentAgreement (MAXQDA): hand-counted', () => {
  // A: a on all of P1 (8 characters); B: a on the first 7 characters: overlap 7/8 = 87.5%
  const p = project({ A: [['a', 1], ['c', 2]], B: [['a', 1, 7], ['b', 3]] });

  it('overlap is intersection over union', () => {
    expect(overlapPercent({ start: 0, end: 8 }, { start: 0, end: 7 })).toBe(87.5);
    expect(overlapPercent({ start: 0, end: 4 }, { start: 4, end: 8 })).toBe(0);
    expect(overlapPercent({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(100 / 3, 12);
  });

  it('at 90% the two a-segments disagree, at 80% they agree; kappa = (po - 1/q) / (1 - 1/q) with q = 3 codes', () => {
    const strict = segmentAgreement(p);
    expect(strict.minOverlap).toBe(90);
    expect(strict.overall.percent).toBe(0);
    const loose = segmentAgreement(p, { minOverlap: 80 });
    expect(loose.codes).toBe(3);
    expect(loose.overall.segments).toEqual([2, 2]);
    expect(loose.overall.agreeing).toEqual([1, 1]);
    expect(loose.overall.percent).toBe(0.5);
    expect(loose.overall.brennanPrediger.kappa).toBeCloseTo((0.5 - 1 / 3) / (2 / 3), 12);
    const rows = agreementRows(loose);
    expect(rows.at(-1)).toMatchObject({ coders: 'A-B', code: '(overall)', percent: 0.5, kappa_BP: 0.25 });
    expect(loose.pairs[0].checks.filter((c) => c.agree).map((c) => c.overlap)).toEqual([87.5, 87.5]);
  });

  it('rejects an overlap outside 0-100', () => {
    expect(() => segmentAgreement(p, { minOverlap: 0 })).toThrow(/percentage above 0 and at most 100/);
    expect(() => segmentAgreement(p, { minOverlap: 0.9 * 200 })).toThrow(/MAXQDA's default is 90/);
  });
});

describe('which documents are compared', () => {
  it('a coder with two copies of a document: the error names the groups to choose', () => {
    const p = project({ A: [['a', 1]], B: [['a', 1]] });
    const copy = { ...p.documents[0], id: 'doc-A2', group: 'G extra' };
    const q: QualProject = { ...p, documents: [...p.documents, copy], segments: [...p.segments, { ...p.segments[0], id: 'x', documentId: 'doc-A2' }] };
    expect(() => presenceAgreement(q, { groups: ['G A', 'G B', 'G extra'] })).toThrow(/coder "A" coded 2 documents named "Doc" \(groups "G A", "G extra"\); choose the groups to compare with the option groups/);
    expect(presenceAgreement(q, { groups: ['G A', 'G B'], bootstrap: 0 }).units).toBe(1);
  });

  it('copies with different texts are refused; unknown groups and coders are named', () => {
    const p = project({ A: [['a', 1]], B: [['a', 1]] });
    const q: QualProject = { ...p, documents: p.documents.map((d, i) => (i === 1 ? { ...d, text: `${TEXT}extra\n` } : d)) };
    expect(() => presenceAgreement(q)).toThrow(/the copies of "Doc" have different texts/);
    expect(() => presenceAgreement(p, { groups: ['Nope'] })).toThrow(/no document group "Nope"; the groups are "G A", "G B"/);
    expect(() => presenceAgreement(p, { coders: ['A', 'Z'] })).toThrow(/"Z" coded nothing in this project/);
  });

  it('one document coded by two coders directly (no copies) is compared too', () => {
    const p = project({ A: [['a', 1]], B: [['a', 1]] });
    const single: QualProject = { ...p, documents: [{ ...p.documents[0], group: '' }], segments: p.segments.map((s) => ({ ...s, documentId: 'doc-A' })) };
    const r = presenceAgreement(single, { unit: 'paragraph', bootstrap: 0 });
    expect(r.coders).toEqual(['A', 'B']);
    expect(r.perCode[0].table).toEqual({ both: 1, first: 0, second: 0, neither: 3 });
  });

  it('default data: the calibration copies of Erus and Lips, coders A, B and C', () => {
    const r = presenceAgreement(generateInterviewProject(), { unit: 'paragraph', bootstrap: 0 });
    expect(r.groups).toEqual(['Kalibratie A', 'Kalibratie B', 'Kalibratie C']);
    expect(r.documents).toEqual(['Erus', 'Lips']);
    expect(r.coders).toEqual(['A', 'B', 'C']);
    expect(r.notes[0]).toMatch(/Compared the copies in the groups/);
  });
});

describe('the default data: calibration agreement as a teaching example', () => {
  const p = generateInterviewProject();

  it('agreement on themes per paragraph is high, exact segments at 90% overlap much lower', () => {
    const presence = presenceAgreement(p, { unit: 'paragraph', level: 'theme', bootstrap: 0 });
    const segments = segmentAgreement(p, { minOverlap: 90 });
    expect(presence.overall.alpha.alpha!).toBeGreaterThan(0.7);
    expect(segments.overall.percent!).toBeLessThan(presence.overall.percent!);
    expect(segments.pairs.map((x) => x.coders.join('-'))).toEqual(['A-B', 'A-C', 'B-C']);
  });

  it('segment agreement never rises when the minimum overlap rises (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(segmentAgreement(p, { minOverlap: hi }).overall.percent!).toBeLessThanOrEqual(segmentAgreement(p, { minOverlap: lo }).overall.percent! + 1e-12);
      }),
      { numRuns: 20 },
    );
  });
});
