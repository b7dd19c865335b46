/**
 * The default qualitative data: ten synthetic interview reports (reports.ts)
 * coded by simulated coders, in the design of report 5.4:
 *
 * - round 1 (calibration): three coders, A, B and C, each code the same two
 *   interviews (Erus and Lips) independently, with the first codebook; in the
 *   project these are copies in the document groups "Kalibratie A", "Kalibratie
 *   B", "Kalibratie C", as MAXQDA's intercoder check wants them;
 * - round 2 (analysis): with the refined codebook A codes five interviews and B
 *   the other five (group "Interviews"); C makes the analysis per theme.
 *
 * A simulated coder starts from the "true" coding of each sentence and, with
 * seeded probabilities, misses a segment, gives a neighbouring code (a sibling
 * subcode or the theme itself), shifts a boundary by a sentence, or adds a code
 * that is not there. Round 1 is noisier than round 2 (the codebook was refined
 * after it). Same seed, same bytes: tests/qual/regenerate.test.ts.
 */
import { createRandom, type Random } from '../../util/random';
import { codeGuid, DEFAULT_CODEBOOK, defaultCodes } from '../codebook';
import { stableGuid } from '../guid';
import { writeMaxqdaCodedSegments } from '../io/maxqda';
import { writeQdc, writeQdpx } from '../io/refiQda';
import { type CodedSegment, type QualDocument, type QualProject, validateProject } from '../model';
import { codePointLength } from '../text';
import { REPORTS, type ReportSource } from './reports';

/** The mark every generated interview file carries (data_origin), like SYNTHETIC_MARK of the survey files. */
export const QUAL_SYNTHETIC_MARK = 'synthetic - interview reports written and coded by lib/qual/defaultData for Delicate verbanden (2024) - not real interviews';

export const INTERVIEW_SEED = 'delicate-verbanden/interviews/v1';

/** The calibration interviews (round 1) and the coder of each interview in round 2. */
export const CODING_DESIGN = {
  calibration: { documents: ['Erus', 'Lips'], coders: ['A', 'B', 'C'] },
  analysis: {
    A: ['Aparctias', 'Apeliotes', 'Argestes', 'Caecias', 'Erus'],
    B: ['Lips', 'Meses', 'Notos', 'Thrascias', 'Zephyrus'],
  } as Record<string, string[]>,
} as const;

export const ANALYSIS_GROUP = 'Interviews';
export const calibrationGroup = (coder: string) => `Kalibratie ${coder}`;

interface NoiseModel {
  miss: number;
  confuse: number;
  boundary: number;
  spurious: number;
}

const ROUND1: NoiseModel = { miss: 0.12, confuse: 0.1, boundary: 0.22, spurious: 0.06 };
const ROUND2: NoiseModel = { miss: 0.06, confuse: 0.04, boundary: 0.15, spurious: 0.03 };
/** Coders differ a little in care. */
const CARE: Record<string, number> = { A: 0.85, B: 1, C: 1.25 };

interface Span {
  start: number;
  end: number;
  text: string;
  codes: string[];
}

/** The text of a report and the position of every sentence. */
export function composeReport(r: ReportSource): { text: string; paragraphs: Span[][] } {
  const title = `Verslag van het interview met ${r.coordinators === 2 ? 'de twee coördinatoren' : 'de coördinator'} van netwerk ${r.network}`;
  const notice = 'Synthetische tekst, geschreven voor het project Delicate verbanden; dit is geen verslag van een echt interview.';
  let text = `${title}\n${notice}\n`;
  const paras: Span[][] = [];
  for (const p of r.paragraphs) {
    const spans: Span[] = [];
    p.forEach(([codes, s], i) => {
      if (i > 0) text += ' ';
      const start = codePointLength(text);
      text += s;
      spans.push({ start, end: codePointLength(text), text: s, codes: codes.split(/\s+/).filter((c) => c !== '') });
    });
    text += '\n';
    paras.push(spans);
  }
  return { text, paragraphs: paras };
}

interface GoldSegment {
  key: string;
  paragraph: number;
  first: number;
  last: number;
}

/** Runs of consecutive sentences with the same code, per paragraph. */
export function goldSegments(paras: Span[][]): GoldSegment[] {
  const out: GoldSegment[] = [];
  paras.forEach((spans, p) => {
    const keys = [...new Set(spans.flatMap((s) => s.codes))];
    for (const key of keys) {
      let i = 0;
      while (i < spans.length) {
        if (!spans[i].codes.includes(key)) {
          i++;
          continue;
        }
        let j = i;
        while (j + 1 < spans.length && spans[j + 1].codes.includes(key)) j++;
        out.push({ key, paragraph: p, first: i, last: j });
        i = j + 1;
      }
    }
  });
  return out;
}

const SUBCODES = DEFAULT_CODEBOOK.flatMap((t) => (t.children ?? []).map((c) => c.key));
const themeKey = (key: string) => key.split('.')[0];
const siblingsOf = (key: string) => SUBCODES.filter((k) => themeKey(k) === themeKey(key) && k !== key);

function simulateCoder(paras: Span[][], gold: GoldSegment[], noise: NoiseModel, care: number, rng: Random): Array<{ key: string; paragraph: number; first: number; last: number }> {
  const p = (x: number) => Math.min(0.95, x * care);
  const out: Array<{ key: string; paragraph: number; first: number; last: number }> = [];
  for (const g of gold) {
    if (rng.uniform() < p(noise.miss)) continue;
    let key = g.key;
    if (rng.uniform() < p(noise.confuse)) {
      const sib = siblingsOf(key);
      key = rng.uniform() < 0.6 && sib.length > 0 ? sib[rng.int(sib.length)] : themeKey(key);
    }
    let { first, last } = g;
    const n = paras[g.paragraph].length;
    if (rng.uniform() < p(noise.boundary)) {
      const move = rng.int(4);
      if (move === 0 && first > 0) first--;
      else if (move === 1 && last < n - 1) last++;
      else if (move === 2 && last > first) last--;
      else if (move === 3 && last > first) first++;
      else if (last < n - 1) last++;
      else if (first > 0) first--;
    }
    out.push({ key, paragraph: g.paragraph, first, last });
  }
  paras.forEach((spans, pi) => {
    if (pi === 0) return; // the opening paragraph only introduces the interview
    if (rng.uniform() < p(noise.spurious)) {
      const s = rng.int(spans.length);
      out.push({ key: SUBCODES[rng.int(SUBCODES.length)], paragraph: pi, first: s, last: s });
    }
  });
  // One coder gives a code once to a stretch: merge overlapping or touching segments with the same code.
  out.sort((a, b) => a.key.localeCompare(b.key) || a.paragraph - b.paragraph || a.first - b.first);
  const merged: typeof out = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && prev.key === s.key && prev.paragraph === s.paragraph && s.first <= prev.last + 1) prev.last = Math.max(prev.last, s.last);
    else merged.push({ ...s });
  }
  merged.sort((a, b) => a.paragraph - b.paragraph || a.first - b.first || a.last - b.last || a.key.localeCompare(b.key));
  return merged;
}

/**
 * The default interview project (same seed, same project).
 *
 * @example
 *   const project = generateInterviewProject();
 *   project.documents.length; // 16: 10 interviews + 2 calibration interviews x 3 coders
 */
export function generateInterviewProject(seed: string = INTERVIEW_SEED): QualProject {
  const codes = defaultCodes();
  const documents: QualDocument[] = [];
  const segments: CodedSegment[] = [];
  const composed = new Map(REPORTS.map((r) => [r.network, composeReport(r)]));
  const addCoding = (network: string, group: string, coder: string, round: 'kalibratie' | 'analyse', noise: NoiseModel, day: string) => {
    const report = REPORTS.find((r) => r.network === network)!;
    const { text, paragraphs } = composed.get(network)!;
    const docId = stableGuid(`document/${group}/${network}`);
    documents.push({
      id: docId,
      name: network,
      group,
      network,
      text,
      description: `Synthetisch interviewverslag (${report.coordinators === 2 ? 'twee coördinatoren' : 'één coördinator'}), ${round === 'kalibratie' ? `kalibratieronde, kopie voor codeur ${coder}` : `analyseronde, gecodeerd door ${coder}`}.`,
      variables: { coordinatoren: String(report.coordinators), ronde: round, data_origin: QUAL_SYNTHETIC_MARK },
    });
    const rng = createRandom(`${seed}/${group}/${network}/${coder}`);
    const coded = simulateCoder(paragraphs, goldSegments(paragraphs), noise, CARE[coder] ?? 1, rng);
    coded.forEach((c, k) => {
      const spans = paragraphs[c.paragraph];
      const start = spans[c.first].start;
      const end = spans[c.last].end;
      const chars = [...text];
      segments.push({
        id: stableGuid(`segment/${seed}/${group}/${network}/${coder}/${k}`),
        documentId: docId,
        codeId: codeGuid(c.key),
        coder,
        start,
        end,
        text: chars.slice(start, end).join(''),
        created: `${day}T${String(9 + Math.floor(k / 60)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}:00Z`,
      });
    });
  };
  // Round 2 (analysis) first: the main group.
  const order = REPORTS.map((r) => r.network);
  for (const network of order) {
    const coder = Object.keys(CODING_DESIGN.analysis).find((c) => CODING_DESIGN.analysis[c].includes(network))!;
    addCoding(network, ANALYSIS_GROUP, coder, 'analyse', ROUND2, `2023-09-${String(11 + order.indexOf(network)).padStart(2, '0')}`);
  }
  // Round 1 (calibration): each coder's copy of each calibration interview.
  CODING_DESIGN.calibration.coders.forEach((coder, i) => {
    for (const network of CODING_DESIGN.calibration.documents) addCoding(network, calibrationGroup(coder), coder, 'kalibratie', ROUND1, `2023-08-${String(28 + i).padStart(2, '0')}`);
  });
  const project: QualProject = {
    name: 'Delicate verbanden - interviews (synthetisch)',
    description:
      'Synthetische interviewverslagen van tien netwerken Samen opleiden en professionaliseren, geschreven voor het project en gecodeerd door gesimuleerde codeurs ' +
      '(kalibratie: A, B en C coderen Erus en Lips; analyse: A en B coderen elk vijf interviews). Geen echte interviews. ' +
      'Synthetic interview reports written for the project and coded by simulated coders; not real interviews.',
    origin: `delicate-verbanden lib/qual/defaultData (seed ${seed})`,
    dataOrigin: QUAL_SYNTHETIC_MARK,
    codes,
    documents,
    segments,
    coders: ['A', 'B', 'C'],
  };
  return validateProject(project, 'generateInterviewProject');
}

/**
 * Every shipped file of data/interviews (path inside the folder -> exact
 * contents): the project as REFI-QDA .qdpx, the same codings as a MAXQDA-style
 * coded-segments table, the codebook as .qdc, and the texts as .txt files (what
 * a MAXQDA user has beside the export).
 */
export function generateInterviewFiles(seed: string = INTERVIEW_SEED): Record<string, Uint8Array | string> {
  const project = generateInterviewProject(seed);
  const files: Record<string, Uint8Array | string> = {
    'interviews.qdpx': writeQdpx(project),
    'coded-segments.csv': writeMaxqdaCodedSegments(project),
    'codebook.qdc': writeQdc(project.codes, { origin: 'delicate-verbanden lib/qual/codebook.ts (written for the project from chapter 3 of the report)' }),
  };
  for (const d of project.documents.filter((x) => x.group === ANALYSIS_GROUP)) files[`texts/${d.name}.txt`] = d.text;
  return files;
}
