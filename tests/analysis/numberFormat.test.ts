/**
 * Numbers people read are written as their language writes them (issue 13,
 * "Also seen by a new user"): lib/util/formatNumber, used by the figures, the
 * report, the findings and the console; the machine-readable exports keep
 * JavaScript's decimal point (tests/analysis/exportResults.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadDefault } from '../figures/fixtures';
import { formatNetworkSummary } from '../../lib/analysis/networkSummary';
import { formatNumber } from '../../lib/figures/theme';
import { thousands } from '../../lib/figures/i18n';
import { formatDecimal, formatWhole } from '../../lib/util/formatNumber';

describe('formatDecimal and formatWhole', () => {
  it('write a decimal comma and a thousands point in Dutch, the reverse in English', () => {
    expect(formatDecimal(4.5871, 2, 'nl')).toBe('4,59');
    expect(formatDecimal(4.5871, 2, 'en')).toBe('4.59');
    expect(formatDecimal(0.8712, 2, 'nl', { leadingZero: false })).toBe(',87');
    expect(formatDecimal(-0.8712, 2, 'en', { leadingZero: false })).toBe('-.87');
    expect(formatDecimal(12.5, 0, 'nl')).toBe('13');
    expect(formatWhole(10000, 'nl')).toBe('10.000');
    expect(formatWhole(10000, 'en')).toBe('10,000');
    expect(formatWhole(999, 'nl')).toBe('999');
  });

  it('is the formatter of the figures too (same output as before: toFixed, then the separator)', () => {
    for (const x of [0, -0.004, 3.14159, -12.5, 1234.5678]) {
      expect(formatNumber(x, 2, 'nl')).toBe(x.toFixed(2).replace('.', ','));
      expect(formatNumber(x, 2, 'en')).toBe(x.toFixed(2));
    }
    expect(thousands(2000, '.')).toBe('2.000');
  });
});

describe('formatNetworkSummary (what npm run reproduce prints per network)', () => {
  const d = loadDefault();
  const first = d.summary[0];
  const trust = first.scores.find((s) => s.construct === 'trust')!;
  it('writes Dutch numbers in Dutch', () => {
    const text = formatNetworkSummary(d.summary, d.instrument, 'nl');
    const nl = (x: number) => x.toFixed(2).replace('.', ',');
    expect(text).toMatch(new RegExp(`Onderling vertrouwen\\s+${trust.n}  ${nl(trust.mean!)}  \\[${nl(trust.lower!)}; ${nl(trust.upper!)}\\]`));
    expect(text).not.toMatch(/\d\.\d/);
  });
  it('and English numbers in English', () => {
    const text = formatNetworkSummary(d.summary, d.instrument, 'en');
    expect(text).toMatch(new RegExp(`Mutual trust\\s+${trust.n}  ${trust.mean!.toFixed(2)}  \\[${trust.lower!.toFixed(2)}, ${trust.upper!.toFixed(2)}\\]`.replace(/\./g, '\\.')));
    expect(text).not.toMatch(/\d,\d/);
  });
});
