/**
 * The synthetic pilot (`data/pilot.csv`): 81 school board members answering
 * the long item pool (report 5.3), generated from a factor model in which the
 * final items load strongly on their construct and the pilot-only items are
 * the weak kinds the report removed: cross-loading, negatively worded, low
 * inter-item correlation.
 *
 * Model: construct factors F ~ N(0, Phi) (Phi from calibration.PILOT); an
 * item's standardised answer is
 *   z = a * F_own (+ b * F_other for a cross-loading item) + e,
 * with e scaled so that var(z) = 1, then answer = round(mu + .9 z) on 1-5,
 * reversed (6 - answer) for negatively worded items.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { Instrument } from '../io/instrument';
import { PILOT, GENERATION } from './calibration';
import { createRandom } from '../util/random';
import { writeCsv, CsvCell } from '../io/writeCsv';
import { SYNTHETIC_MARK } from '../io/synthetic';

export function generatePilotRows(instrument: Instrument, seed: string = GENERATION.seed): { header: string[]; rows: CsvCell[][] } {
  const scales = instrument.constructs.filter((c) => c.kind === 'scale');
  const index = new Map(scales.map((c, k) => [c.id, k]));
  const phi = Matrix.eye(scales.length);
  for (let a = 0; a < scales.length; a++) for (let b = 0; b < scales.length; b++) if (a !== b) phi.set(a, b, PILOT.baseCorrelation);
  for (const [x, y, r] of PILOT.factorCorrelations) {
    const a = index.get(x);
    const b = index.get(y);
    if (a === undefined || b === undefined) throw new Error(`calibration.PILOT names an unknown construct: ${x} or ${y}`);
    phi.set(a, b, r);
    phi.set(b, a, r);
  }
  const chol = new CholeskyDecomposition(phi);
  if (!chol.isPositiveDefinite()) throw new Error('calibration.PILOT factor correlations are not positive definite');
  const lower = chol.lowerTriangularMatrix;

  const rng = createRandom(`${seed}/pilot`);
  const itemRng = createRandom(`${seed}/pilot-items`);
  const items = scales.flatMap((c) => c.items.map((it) => ({ it, c, mu: 3.3 + itemRng.normal() * 0.35 })));
  const L = PILOT.loadings;
  const rows: CsvCell[][] = [];
  for (let r = 0; r < PILOT.respondents; r++) {
    const z = Matrix.columnVector(scales.map(() => rng.normal()));
    const factors = lower.mmul(z).to1DArray();
    const u = rng.uniform();
    const sector = u < 0.7 ? 'po' : u < 0.85 ? 'vo' : 'po_vo';
    const answers = items.map(({ it, c, mu }) => {
      const own = factors[index.get(c.id)!];
      let signal: number;
      let explained: number;
      if (it.final) {
        signal = L.final * own;
        explained = L.final ** 2;
      } else if (it.removedBecause === 'cross_loading') {
        const o = index.get(it.crossLoadsOn!)!;
        const rho = phi.get(index.get(c.id)!, o);
        signal = L.cross_loading_own * own + L.cross_loading_other * factors[o];
        explained = L.cross_loading_own ** 2 + L.cross_loading_other ** 2 + 2 * L.cross_loading_own * L.cross_loading_other * rho;
      } else {
        const a = L[it.removedBecause ?? 'alpha_if_deleted'];
        signal = a * own;
        explained = a ** 2;
      }
      const zi = signal + Math.sqrt(1 - explained) * rng.normal();
      const scored = Math.min(5, Math.max(1, Math.round(mu + 0.9 * zi)));
      const raw = it.reverse ? 6 - scored : scored;
      return rng.uniform() < PILOT.dontKnowRate ? 9 : raw;
    });
    rows.push([`P${String(r + 1).padStart(2, '0')}`, sector, ...answers, SYNTHETIC_MARK]);
  }
  return { header: ['respondent_id', 'sector', ...items.map(({ it }) => it.id), 'data_origin'], rows };
}

/** The pilot as CSV text, exactly as shipped in `data/pilot.csv`. */
export function generatePilotCsv(instrument: Instrument, seed: string = GENERATION.seed): string {
  const { header, rows } = generatePilotRows(instrument, seed);
  return writeCsv(header, rows);
}
