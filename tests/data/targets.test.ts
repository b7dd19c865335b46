/**
 * Every calibration target of data/PROVENANCE.md, checked on the shipped
 * files as a researcher would load them (through the validating loaders).
 */
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { readInstrument } from '../../lib/io/instrument';
import { readSurveyCsv } from '../../lib/io/readSurveyCsv';
import { readNetworksCsv } from '../../lib/io/readNetworksCsv';
import { readPilotCsv } from '../../lib/io/readPilotCsv';
import { checkCalibration } from '../../lib/analysis/checkCalibration';
import { PORTRAIT_TARGETS, NETWORKS } from '../../lib/data/calibration';

const dataDir = path.resolve(__dirname, '..', '..', 'data');
const instrument = readInstrument();
const networks = readNetworksCsv(path.join(dataDir, 'networks.csv'));
const survey = readSurveyCsv(path.join(dataDir, 'survey.csv'), { instrument, networks: networks.table.array('network') as string[] });
const pilot = readPilotCsv(path.join(dataDir, 'pilot.csv'), { instrument });
const checks = checkCalibration({
  instrument,
  survey: survey.table.objects() as Record<string, unknown>[],
  networks: networks.table.objects() as Record<string, unknown>[],
  pilot: pilot.table.objects() as Record<string, unknown>[],
});

describe('calibration targets on the shipped data', () => {
  it.each(checks.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(c.pass, `${c.claim} (${c.section}): expected ${c.expected}, found ${c.observed}`).toBe(true);
  });

  it('covers every portrait band, every network and the report totals', () => {
    const ids = new Set(checks.map((c) => c.id));
    for (const t of PORTRAIT_TARGETS) expect(ids.has(`band.${t.network}.${t.construct}`)).toBe(true);
    for (const n of NETWORKS) {
      expect(ids.has(`response.${n.network}`)).toBe(true);
      expect(ids.has(`icc.${n.network}`)).toBe(true);
    }
    for (const id of ['totals.approached', 'totals.responded', 'totals.complete', 'totals.pilot', 'pilot.before']) expect(ids.has(id)).toBe(true);
    expect(PORTRAIT_TARGETS).toHaveLength(80);
  });

  it('fails when the data do not hold a claim (the checks can fail)', () => {
    // Swap Notos and Meses in every row: the topic-overlap, impact and trust orderings must break.
    const swapped = (survey.table.objects() as Record<string, unknown>[]).map((r) => ({
      ...r,
      network: r.network === 'Notos' ? 'Meses' : r.network === 'Meses' ? 'Notos' : r.network,
    }));
    const broken = checkCalibration({ instrument, survey: swapped, networks: networks.table.objects() as Record<string, unknown>[] });
    const failed = broken.filter((c) => !c.pass).map((c) => c.id);
    expect(failed).toEqual(expect.arrayContaining(['order.topic_overlap', 'order.impact', 'order.trust', 'response.Notos', 'response.Meses']));
  });
});
