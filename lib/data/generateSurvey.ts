/**
 * The synthetic survey (`data/survey.csv`): one row per approached member of
 * the ten networks, 182 rows, 129 responses of which 112 complete (report
 * 5.3-5.4), answers calibrated to the network means of calibration.ts.
 *
 * Model, per network g, construct c, respondent j and item i:
 *   latent = target(g, c) + itemOffset(i) + person(j, c) + noise(j, i)
 * with person ~ N(0, personSd) centred within the network, noise ~ N(0,
 * itemSd), and itemOffset fixed per item (centred within the construct). The
 * latent answers are rounded to 1-5 by `calibratedRound`, which hits the
 * target mean to within the rounding grid. Partial respondents break off at a
 * construct boundary; non-respondents have no answers.
 */
import { Instrument, Construct } from '../io/instrument';
import { NETWORKS, MEAN_TARGETS, MOTIVATION_MEANS, OTHER_NETWORKS, GENERATION, NetworkCalibration } from './calibration';
import { createRandom, Random } from '../util/random';
import { calibratedRound } from './calibrateRounding';
import { writeCsv, CsvCell } from '../io/writeCsv';
import { SYNTHETIC_MARK } from '../io/synthetic';

export const SURVEY_ID_COLUMNS = ['respondent_id', 'network', 'response_status', 'org_type', 'role'] as const;

type Status = 'complete' | 'partial' | 'none';

interface Member {
  id: string;
  network: string;
  status: Status;
  orgType: string;
  role: string | null;
  /** Number of scale constructs answered (partial respondents break off). */
  answeredScales: number;
  answers: Map<string, number | null>;
}

const centre = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  return xs.map((x) => x - m);
};

function itemOffsets(instrument: Instrument, seed: string): Map<string, number> {
  const rng = createRandom(`${seed}/item-offsets`);
  const out = new Map<string, number>();
  for (const c of instrument.constructs) {
    if (c.kind !== 'scale') continue;
    const items = c.items.filter((i) => i.final);
    const offsets = centre(items.map(() => rng.normal() * GENERATION.itemOffsetSd));
    items.forEach((it, k) => out.set(it.id, offsets[k]));
  }
  return out;
}

function makeMembers(n: NetworkCalibration, nScales: number, rng: Random): Member[] {
  const orgTypes = [
    ...Array(n.hogeschool).fill('hogeschool'),
    ...Array(n.university).fill('university'),
    ...Array(n.mbo).fill('mbo'),
    ...Array(n.schoolBoards).fill('school_board'),
  ] as string[];
  const prefix = n.network.slice(0, 3).toUpperCase();
  const order = rng.shuffle(orgTypes.map((_, k) => k));
  const status: Status[] = orgTypes.map(() => 'none');
  order.slice(0, n.complete).forEach((k) => (status[k] = 'complete'));
  order.slice(n.complete, n.responded).forEach((k) => (status[k] = 'partial'));
  return orgTypes.map((orgType, k) => {
    const st = status[k];
    let role: string | null = null;
    if (st !== 'none') {
      const u = rng.uniform();
      role = orgType === 'school_board' ? (u < 0.65 ? 'board_member' : 'director') : u < 0.5 ? 'director' : 'other';
    }
    // Partial respondents break off after 2 to nScales - 1 scales.
    const answeredScales = st === 'complete' ? nScales : st === 'partial' ? 2 + rng.int(nScales - 2) : 0;
    return { id: `${prefix}${String(k + 1).padStart(2, '0')}`, network: n.network, status: st, orgType, role, answeredScales, answers: new Map() };
  });
}

function target(network: string, construct: string): number {
  const t = MEAN_TARGETS.find((x) => x.network === network && x.construct === construct);
  if (!t) throw new Error(`calibration.ts has no target for ${network} / ${construct}`);
  return t.mean;
}

function fillScale(c: Construct, members: Member[], network: string, offsets: Map<string, number>, min: number, max: number, rng: Random) {
  const items = c.items.filter((i) => i.final);
  const persons = centre(members.map(() => rng.normal() * GENERATION.personSd));
  const t = target(network, c.id);
  const latent: number[] = [];
  members.forEach((_, j) => items.forEach((it) => latent.push(t + offsets.get(it.id)! + persons[j] + rng.normal() * GENERATION.itemSd)));
  const whole = calibratedRound(latent, t, min, max);
  members.forEach((m, j) =>
    items.forEach((it, i) => {
      const scored = whole[j * items.length + i];
      m.answers.set(it.id, it.reverse ? min + max - scored : scored);
    }),
  );
}

/** Generates the survey rows; returns the header and rows (not yet CSV). */
export function generateSurveyRows(instrument: Instrument, seed: string = GENERATION.seed): { header: string[]; rows: CsvCell[][] } {
  const scales = instrument.constructs.filter((c) => c.kind === 'scale');
  const offsets = itemOffsets(instrument, seed);
  const allItems = instrument.constructs.flatMap((c) => c.items.filter((i) => i.final).map((i) => ({ item: i, construct: c })));
  const rows: CsvCell[][] = [];

  for (const n of NETWORKS) {
    const rng = createRandom(`${seed}/survey/${n.network}`);
    const members = makeMembers(n, scales.length, rng);
    scales.forEach((c, ci) => {
      const scale = instrument.responseScales[c.responseScale];
      const answering = members.filter((m) => m.answeredScales > ci);
      fillScale(c, answering, n.network, offsets, scale.min, scale.max, rng);
    });
    const finishers = members.filter((m) => m.status === 'complete');
    const motivation = instrument.constructs.find((c) => c.id === 'motivation');
    if (motivation) {
      const scale = instrument.responseScales[motivation.responseScale];
      const dontKnow = scale.missing[0]?.code ?? null;
      for (const it of motivation.items.filter((i) => i.final)) {
        const mean = MOTIVATION_MEANS[it.id];
        if (mean === undefined) throw new Error(`calibration.ts has no motivation mean for ${it.id}`);
        const networkShift = rng.normal() * 0.12;
        for (const m of finishers) {
          const x = Math.min(scale.max, Math.max(scale.min, Math.round(mean + networkShift + rng.normal() * 0.55)));
          m.answers.set(it.id, dontKnow !== null && rng.uniform() < GENERATION.dontKnowRate ? dontKnow : x);
        }
      }
    }
    const count = instrument.constructs.find((c) => c.id === 'other_networks');
    if (count) {
      const scale = instrument.responseScales[count.responseScale];
      const dontKnow = scale.missing[0]?.code ?? null;
      const { range, mean } = OTHER_NETWORKS[n.network];
      const latent = finishers.map(() => mean + rng.normal() * ((range[1] - range[0]) / 4));
      const whole = calibratedRound(latent, mean, range[0], range[1]);
      finishers.forEach((m, j) => m.answers.set('other_networks', dontKnow !== null && rng.uniform() < GENERATION.dontKnowRate ? dontKnow : whole[j]));
    }
    for (const m of members) {
      rows.push([m.id, m.network, m.status, m.orgType, m.role, ...allItems.map(({ item }) => m.answers.get(item.id) ?? null), SYNTHETIC_MARK]);
    }
  }
  return { header: [...SURVEY_ID_COLUMNS, ...allItems.map(({ item }) => item.id), 'data_origin'], rows };
}

/** The survey as CSV text, exactly as shipped in `data/survey.csv`. */
export function generateSurveyCsv(instrument: Instrument, seed: string = GENERATION.seed): string {
  const { header, rows } = generateSurveyRows(instrument, seed);
  return writeCsv(header, rows);
}
