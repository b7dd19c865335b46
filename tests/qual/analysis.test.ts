/**
 * Analyses across networks (code-by-network matrix, quotes, joint display with
 * the survey) and their figures.
 */
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { readInstrument } from '../../lib/io/instrument';
import { readSurveyCsv } from '../../lib/io/readSurveyCsv';
import { readNetworksCsv } from '../../lib/io/readNetworksCsv';
import { networkSummary, type NetworkSummaryRow } from '../../lib/analysis/networkSummary';
import { networkTable } from '../../lib/analysis/networkTable';
import { SYNTHETIC_ANNOTATION } from '../../lib/figures/theme';
import { presenceAgreement } from '../../lib/qual/agreement/presenceAgreement';
import { codeMatrix } from '../../lib/qual/analysis/codeMatrix';
import { formatJointDisplay, jointDisplay } from '../../lib/qual/analysis/jointDisplay';
import { quotes, quotesByNetwork } from '../../lib/qual/analysis/quotes';
import { generateInterviewProject } from '../../lib/qual/defaultData/generate';
import { agreementFigure } from '../../lib/qual/figures/agreementFigure';
import { codeMatrixFigure } from '../../lib/qual/figures/codeMatrixFigure';
import { jointDisplayFigure } from '../../lib/qual/figures/jointDisplayFigure';
import { interviewDir, INTERVIEW_DATA_DIR, loadInterviews, loadInterviewsFromMaxqda } from '../../lib/qual/load';
import { themeOf } from '../../lib/qual/model';

const project = generateInterviewProject();
const NETWORKS = ['Aparctias', 'Apeliotes', 'Argestes', 'Caecias', 'Erus', 'Lips', 'Meses', 'Notos', 'Thrascias', 'Zephyrus'];
const root = path.resolve(__dirname, '..', '..');

describe('codeMatrix', () => {
  const m = codeMatrix(project);

  it('themes by networks, from the analysis documents only (no calibration copies)', () => {
    expect(m.networks).toEqual(NETWORKS);
    expect(m.codes.map((c) => c.label)).toEqual(project.codes.filter((c) => c.parentId === null).map((c) => c.name));
    const analysisDocs = new Set(project.documents.filter((d) => d.group === 'Interviews').map((d) => d.id));
    const total = m.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(project.segments.filter((s) => analysisDocs.has(s.documentId)).length);
    expect(m.documents.every((d) => d.documents === 1 && d.coders.length === 1)).toBe(true);
    expect(m.synthetic).toBe(true);
  });

  it('presence is counts > 0; totals add up; every network talks about trust', () => {
    m.counts.forEach((row, i) => row.forEach((v, j) => expect(m.presence[i][j]).toBe(v > 0 ? 1 : 0)));
    const trust = m.codes.findIndex((c) => c.label === 'Vertrouwen als bindmiddel');
    expect(m.totals[trust].networks).toBe(10);
  });

  it('level "code" has a row per code; English labels come from the codebook', () => {
    expect(codeMatrix(project, { level: 'code' }).codes).toHaveLength(30);
    expect(codeMatrix(project, { lang: 'en' }).codes[2].label).toBe('Trust as binding agent');
    expect(() => codeMatrix(project, { groups: ['Nope'] })).toThrow(/no document group "Nope"/);
  });
});

describe('quotes', () => {
  it('a theme includes its subcodes; rows are in network and text order', () => {
    const q = quotes(project, { code: 'Vertrouwen als bindmiddel' });
    expect(q.length).toBeGreaterThan(10);
    expect(new Set(q.map((x) => x.theme))).toEqual(new Set(['Vertrouwen als bindmiddel']));
    expect(q.map((x) => NETWORKS.indexOf(x.network))).toEqual(q.map((x) => NETWORKS.indexOf(x.network)).slice().sort((a, b) => a - b));
    for (const x of q) expect(x.group).toBe('Interviews');
  });

  it('by path, per network, limited; every network listed', () => {
    const one = quotes(project, { code: 'Vertrouwen als bindmiddel > Wat hindert', perNetwork: 1 });
    expect(new Set(one.map((x) => x.network)).size).toBe(one.length);
    const by = quotesByNetwork(project, 'Geld');
    expect(by.map((x) => x.network)).toEqual(NETWORKS);
    expect(by.find((x) => x.network === 'Meses')!.quotes[0].text).toMatch(/bijdrage/);
  });

  it('names what is wrong', () => {
    expect(() => quotes(project, { code: 'Vertrouwen > Iets' })).toThrow(/no code "Vertrouwen > Iets".*Themes: "Ontstaan"/);
    expect(() => quotes(project, { network: 'Boreas' })).toThrow(/no interview of network "Boreas"/);
  });
});

describe('jointDisplay with the survey', () => {
  const instrument = readInstrument();
  const survey = readSurveyCsv(path.join(root, 'data', 'survey.csv'), { instrument });
  const networks = readNetworksCsv(path.join(root, 'data', 'networks.csv'));
  const summary = networkSummary(survey.table.objects() as never, instrument, { networks: networks.table.objects() as never, constructs: ['trust', 'topic_overlap'] });

  it('trust band beside the trust segments, highest mean first, subcodes add up', () => {
    const jd = jointDisplay(project, summary, { code: 'Vertrouwen als bindmiddel' });
    expect(jd.construct).toBe('trust');
    expect(jd.rows.map((r) => r.network).sort()).toEqual(NETWORKS.slice().sort());
    for (let i = 1; i < jd.rows.length; i++) expect(jd.rows[i - 1].mean!).toBeGreaterThanOrEqual(jd.rows[i].mean!);
    for (const r of jd.rows) {
      expect(r.lower!).toBeLessThanOrEqual(r.mean!);
      expect(r.upper!).toBeGreaterThanOrEqual(r.mean!);
      expect(Object.values(r.bySubcode).reduce((a, b) => a + b, 0)).toBe(r.segments);
      expect(r.quotes.length).toBeLessThanOrEqual(2);
      expect(r.interviewed).toBe(true);
    }
    expect(jd.subcodes.slice(0, 2).map((s) => s.key)).toEqual(['Wat helpt', 'Wat hindert']);
    expect(jd.subcodes[0].en).toBe('What helps');
    const text = formatJointDisplay(jd);
    expect(text).toMatch(/^Vertrouwen als bindmiddel {2}<-> {2}trust/);
  });

  it('accepts networkTable rows (means only, no band) and other constructs', () => {
    const table = networkTable(survey.table.objects() as never, instrument, { networks: networks.table.objects() as never });
    const jd = jointDisplay(project, table, { code: 'Overlap', construct: 'topic_overlap', order: 'network', quotes: 0 });
    expect(jd.rows.map((r) => r.network)).toEqual(NETWORKS);
    expect(jd.rows.every((r) => r.lower === null && r.mean !== null && r.quotes.length === 0)).toBe(true);
    expect(jointDisplay(project, table, { code: 'Ontstaan', construct: 'years' }).rows.find((r) => r.network === 'Meses')!.mean).toBe(22);
  });

  it('a network without an interview still gets its survey row', () => {
    const extra: NetworkSummaryRow[] = [...summary, { network: 'Boreas', members: 5, responded: 5, complete: 5, responseRate: 100, scores: [{ construct: 'trust', n: 5, mean: 3, se: 0.1, lower: 2.8, upper: 3.2 }] }];
    const row = jointDisplay(project, extra, { code: 'Vertrouwen als bindmiddel' }).rows.find((r) => r.network === 'Boreas')!;
    expect(row).toMatchObject({ interviewed: false, segments: 0, mean: 3 });
  });

  it('names a missing construct or code', () => {
    expect(() => jointDisplay(project, summary, { code: 'Vertrouwen als bindmiddel', construct: 'impact' })).toThrow(/no construct "impact"; available: trust, topic_overlap.*options\.constructs/);
    expect(() => jointDisplay(project, summary, { code: 'Nope' })).toThrow(/no code "Nope"/);
    expect(() => jointDisplay(project, [], { code: 'Geld' })).toThrow(/survey rows are empty/);
  });

  it('jointDisplayFigure: band panel and stacked segment bars, synthetic mark, serialisable', () => {
    const spec = jointDisplayFigure(jointDisplay(project, summary, { code: 'Vertrouwen als bindmiddel' }), { lang: 'en', constructLabel: 'Mutual trust' });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect((spec.layout.title as { text: string }).text).toBe('Trust as binding agent in interview and questionnaire (Mutual trust)');
    expect(spec.data.filter((t) => t.xaxis === 'x2').map((t) => t.name)).toEqual(['What helps', 'What hinders', 'Trust as binding agent'].slice(0, spec.data.filter((t) => t.xaxis === 'x2').length));
    expect((spec.layout.annotations as Array<{ name?: string }>).some((a) => a.name === SYNTHETIC_ANNOTATION)).toBe(true);
  });
});

describe('figures', () => {
  it('codeMatrixFigure: a heatmap of counts with the synthetic mark; presence variant', () => {
    const spec = codeMatrixFigure(codeMatrix(project));
    expect(spec.data[0].type).toBe('heatmap');
    expect(spec.data[0].x).toEqual(NETWORKS);
    expect((spec.layout.annotations as Array<{ name?: string }>).some((a) => a.name === SYNTHETIC_ANNOTATION)).toBe(true);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(codeMatrixFigure(codeMatrix(project), { measure: 'presence', lang: 'en', number: 19 }).layout.title).toMatchObject({ text: 'Figure 19: Themes in the interviews per network' });
    expect(() => codeMatrixFigure(codeMatrix(project), { measure: 'sum' as never })).toThrow(/expected "counts" or "presence"/);
    expect(() => codeMatrixFigure({} as never)).toThrow(/result of codeMatrix/);
  });

  it('agreementFigure: alpha with interval per theme, Cohen for two coders', () => {
    const r = presenceAgreement(project, { unit: 'paragraph', level: 'theme', coders: ['A', 'B'], bootstrap: 100 });
    const spec = agreementFigure(r);
    expect(spec.data).toHaveLength(2);
    expect(spec.data[0].y).toHaveLength(r.perCode.length);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(agreementFigure(presenceAgreement(project, { unit: 'paragraph', level: 'theme', bootstrap: 0 })).data).toHaveLength(1);
  });
});

describe('markup in names and codes is drawn as written (issue 16)', () => {
  const MARKUP = '<a href="https://evil.example/">x</a><b>y</b>';
  /** Tags plotly would act on that the builders did not write themselves. */
  const foreignTags = (spec: unknown): string[] =>
    JSON.stringify(spec).match(/<[^<>]*>/g)?.filter((t) => !['<br>', '<b>', '</b>'].includes(t)) ?? [];

  it('codeMatrixFigure, jointDisplayFigure and agreementFigure escape network names and code paths', () => {
    const m = codeMatrix(project, { level: 'code' });
    const hostileMatrix = { ...m, networks: m.networks.map((n) => n + MARKUP), codes: m.codes.map((c) => ({ ...c, path: c.path + MARKUP })) };
    const instrument = readInstrument();
    const summary = networkSummary(readSurveyCsv(path.join(root, 'data', 'survey.csv'), { instrument }).table.objects() as never, instrument, { constructs: ['trust'] });
    const j = jointDisplay(project, summary, { code: 'Vertrouwen als bindmiddel' });
    const hostileJoint = { ...j, rows: j.rows.map((r) => ({ ...r, network: r.network + MARKUP })) };
    const a = presenceAgreement(project, { unit: 'paragraph', level: 'code', coders: ['A', 'B'], bootstrap: 0 });
    const hostileAgreement = { ...a, perCode: a.perCode.map((c) => ({ ...c, path: c.path + MARKUP })) };
    for (const spec of [codeMatrixFigure(hostileMatrix), jointDisplayFigure(hostileJoint), agreementFigure(hostileAgreement)]) {
      expect(foreignTags(spec)).toEqual([]);
      expect(JSON.stringify(spec)).toContain('&lt;a href=');
    }
  });
});

describe('loading the shipped data', () => {
  it('interviewDir: DV_INTERVIEWS_DIR, else DV_DATA_DIR/interviews when it has a project, else the shipped folder', () => {
    expect(interviewDir({})).toBe(INTERVIEW_DATA_DIR);
    expect(interviewDir({ DV_INTERVIEWS_DIR: 'x/y' })).toBe(path.resolve('x/y'));
    expect(interviewDir({ DV_DATA_DIR: path.join(root, 'data') })).toBe(path.join(root, 'data', 'interviews'));
    expect(interviewDir({ DV_DATA_DIR: path.join(root, 'docs') })).toBe(INTERVIEW_DATA_DIR);
  });

  it('loadInterviews and loadInterviewsFromMaxqda give the same codings', async () => {
    const a = loadInterviews();
    const b = await loadInterviewsFromMaxqda();
    const key = (p: typeof a) => p.segments.map((s) => `${p.documents.find((d) => d.id === s.documentId)!.group}|${s.coder}|${themeOf(p.codes, s.codeId).name}|${s.start}|${s.end}`).sort();
    expect(key(b)).toEqual(key(a));
    expect(a).toEqual(project);
  });
});
