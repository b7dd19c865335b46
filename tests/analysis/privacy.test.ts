/**
 * Privacy of small networks in the network-level tables (networkTable,
 * networkSummary): off by default (behaviour unchanged), a warning flag or
 * suppression with a minimum number of complete questionnaires.
 */
import { describe, expect, it } from 'vitest';
import { loadDefault } from '../figures/fixtures';
import { networkSummary } from '../../lib/analysis/networkSummary';
import { networkTable } from '../../lib/analysis/networkTable';
import { DEFAULT_MIN_COMPLETE, privacyCheck, resolvePrivacy } from '../../lib/analysis/privacy';
import { UserInputError } from '../../lib/util/errors';

const d = loadDefault();
// complete questionnaires per network in the default data (PROVENANCE.md, section 2)
const COMPLETE = { Aparctias: 17, Apeliotes: 7, Argestes: 7, Caecias: 14, Erus: 15, Lips: 13, Meses: 12, Notos: 9, Thrascias: 10, Zephyrus: 8 };

/** Survey rows where only `keep` rows of `network` stay complete (the rest partial). */
function fewComplete(network: string, keep: number) {
  let k = 0;
  return d.rows.map((r) => (r.network === network && r.response_status === 'complete' ? { ...r, response_status: k++ < keep ? 'complete' : 'partial' } : r));
}

describe('privacy: minimum number of complete questionnaires per network', () => {
  it('is off by default: no flag, every network, as before', () => {
    expect(d.table).toHaveLength(10);
    expect(d.table.every((r) => !('privacy' in r))).toBe(true);
    expect(d.summary.every((r) => !('privacy' in r))).toBe(true);
  });

  it('the default minimum is 5, and every default network reaches it', () => {
    expect(DEFAULT_MIN_COMPLETE).toBe(5);
    const t = networkTable(d.rows, d.instrument, { networks: d.networkRows, privacy: {} });
    expect(t).toHaveLength(10);
    for (const r of t) expect(r.privacy).toEqual({ complete: COMPLETE[r.network as keyof typeof COMPLETE], minComplete: 5, belowMinimum: false });
    // with the flag the rest of each row is unchanged
    expect(t.map(({ privacy: _p, ...rest }) => rest)).toEqual(d.table);
  });

  it("'warn' keeps the networks below the minimum, flagged", () => {
    const t = networkTable(d.rows, d.instrument, { networks: d.networkRows, privacy: { minComplete: 8, action: 'warn' } });
    const s = networkSummary(d.rows, d.instrument, { networks: d.networkRows, privacy: { minComplete: 8, action: 'warn' } });
    for (const table of [t, s] as Array<Array<{ network: string; privacy?: { belowMinimum: boolean } }>>) {
      expect(table.map((r) => r.network)).toEqual(d.names);
      expect(table.filter((r) => r.privacy!.belowMinimum).map((r) => r.network)).toEqual(['Apeliotes', 'Argestes']);
    }
    expect(s.find((r) => r.network === 'Apeliotes')!.scores).toEqual(d.summary.find((r) => r.network === 'Apeliotes')!.scores);
  });

  it("'suppress' leaves them out of both tables", () => {
    const opts = { networks: d.networkRows, privacy: { minComplete: 9, action: 'suppress' as const } };
    const t = networkTable(d.rows, d.instrument, opts);
    const s = networkSummary(d.rows, d.instrument, opts);
    const kept = d.names.filter((n) => !['Apeliotes', 'Argestes', 'Zephyrus'].includes(n));
    expect(t.map((r) => r.network)).toEqual(kept);
    expect(s.map((r) => r.network)).toEqual(kept);
    expect(t.every((r) => r.privacy!.belowMinimum === false)).toBe(true);
  });

  it('flags a network that falls below the default 5 on manipulated data', () => {
    const rows = fewComplete('Notos', 3);
    const t = networkTable(rows, d.instrument, { networks: d.networkRows, privacy: { action: 'warn' } });
    expect(t.find((r) => r.network === 'Notos')!.privacy).toEqual({ complete: 3, minComplete: 5, belowMinimum: true });
    expect(privacyCheck(rows).below).toEqual(['Notos']);
    const suppressed = networkSummary(rows, d.instrument, { networks: d.networkRows, privacy: { action: 'suppress' } });
    expect(suppressed.map((r) => r.network)).not.toContain('Notos');
    expect(suppressed).toHaveLength(9);
  });

  it('counts every row as complete when there is no response_status column', () => {
    const rows = d.rows.filter((r) => r.response_status === 'complete').map(({ response_status: _s, ...r }) => r);
    const c = privacyCheck(rows, { minComplete: 8 });
    expect(c.networks.find((n) => n.network === 'Zephyrus')!.complete).toBe(8);
    expect(c.below).toEqual(['Apeliotes', 'Argestes']);
  });

  it('refuses bad options with a UserInputError', () => {
    expect(() => resolvePrivacy({ minComplete: 0 })).toThrow(UserInputError);
    expect(() => resolvePrivacy({ minComplete: 2.5 })).toThrow(/whole number/);
    expect(() => resolvePrivacy({ action: 'hide' as 'warn' })).toThrow(/"warn" or "suppress"/);
    expect(() => networkTable(d.rows, d.instrument, { privacy: { minComplete: -1 } })).toThrow(UserInputError);
    expect(() => networkSummary(d.rows, d.instrument, { privacy: { action: 'x' as 'warn' } })).toThrow(UserInputError);
    expect(resolvePrivacy(undefined)).toEqual({ minComplete: 5, action: 'warn' });
  });
});
