import { describe, expect, it } from 'vitest';
import { readInstrument } from '../../lib/io/instrument';
import { scaleScores } from '../../lib/analysis/scaleScores';

const instrument = readInstrument();

describe('scaleScores', () => {
  it('averages the final items of each scale', () => {
    const [s] = scaleScores([{ trust_1: 4, trust_2: 5, trust_3: 3, trust_4: 4 }], instrument, { constructs: ['trust'] });
    expect(s.trust).toBe(4);
  });

  it('scores reverse-keyed items as min + max - answer (pilot pool)', () => {
    // trust_6 is negatively worded: an answer of 1 scores 5.
    const row = { trust_1: 5, trust_2: 5, trust_3: 5, trust_4: 5, trust_5: 5, trust_6: 1 };
    expect(scaleScores([row], instrument, { constructs: ['trust'], pool: true })[0].trust).toBe(5);
  });

  it('gives no score when too few items are answered, and honours minAnswered', () => {
    const row = { trust_1: 4, trust_2: null, trust_3: 2, trust_4: null };
    expect(scaleScores([row], instrument, { constructs: ['trust'] })[0].trust).toBeNull();
    expect(scaleScores([row], instrument, { constructs: ['trust'], minAnswered: 'half' })[0].trust).toBe(3);
    expect(scaleScores([row], instrument, { constructs: ['trust'], minAnswered: 3 })[0].trust).toBeNull();
  });

  it('refuses an item set or an unknown construct with a clear message', () => {
    expect(() => scaleScores([], instrument, { constructs: ['motivation'] })).toThrow(/"motivation" is an item set or count \(itemset\), not a scale/);
    expect(() => scaleScores([], instrument, { constructs: ['trusst'] })).toThrow(/Unknown construct "trusst"/);
    expect(() => scaleScores([{ trust_1: '4' }], instrument, { constructs: ['trust'] })).toThrow(/Item "trust_1" holds "4"/);
  });

  it('does not change its input', () => {
    const rows = [{ trust_1: 4, trust_2: 5, trust_3: 3, trust_4: 4 }];
    const copy = structuredClone(rows);
    scaleScores(rows, instrument);
    expect(rows).toEqual(copy);
  });
});
