/**
 * Views: the URL fragment round trip (any group names, including commas,
 * ampersands, '#' and non-ASCII letters), one fragment per view, and the
 * validation's messages (key, value, what is known, a suggestion).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseView, validateView, viewFromFragment, viewToFragment } from '../../lib/explorer/view';
import type { ExplorerData, View } from '../../lib/explorer/types';

const groups = ['Notos', 'Meses', 'Zephyrus, Noord', 'A&B #1', 'Ëurus'];
const data = {
  version: 1,
  groups,
  variables: ['impact', 'trust', 'shared_vision', 'members'].map((id) => ({ id, label: { nl: id, en: id }, source: 'construct', range: [1, 5], values: groups.map((_, k) => k + 1) })),
  categories: [{ id: 'lead', label: { nl: 'lead', en: 'lead' }, levels: ['a', 'b'], codes: [0, 1, 0, 1, 0] }],
  splits: [{ id: 'org_type', label: { nl: 'Type', en: 'Type' }, levels: [], cells: [] }],
  savedViews: [],
} as unknown as ExplorerData;

describe('view <-> URL fragment', () => {
  it('writes a fixed, readable form', () => {
    expect(viewToFragment({ mode: 'patterns', orderBy: 'impact', panels: ['impact', 'trust', 'shared_vision'], colour: 'members', focus: 'Notos', dropped: ['Zephyrus, Noord', 'A&B #1'] })).toBe(
      '#view=patterns&order=impact&panels=trust,shared_vision&colour=members&focus=Notos&drop=Zephyrus%2C%20Noord,A%26B%20%231',
    );
  });

  it('round-trips every view: fragment -> view -> the same fragment', () => {
    const name = fc.oneof(fc.constantFrom(...groups), fc.string({ minLength: 1, maxLength: 12 }));
    const view = fc.record(
      {
        mode: fc.constantFrom('patterns', 'portrait', 'compare') as fc.Arbitrary<View['mode']>,
        orderBy: name,
        panels: fc.array(name, { maxLength: 5 }),
        colour: name,
        focus: name,
        dropped: fc.array(name, { maxLength: 4 }),
        compare: fc.array(name, { maxLength: 4 }),
        split: name,
      },
      { requiredKeys: ['mode', 'orderBy', 'panels'] },
    );
    fc.assert(
      fc.property(view, (v) => {
        const back = viewFromFragment(viewToFragment(v));
        expect(back).toEqual(normaliseView(v));
        expect(viewToFragment(back)).toBe(viewToFragment(v));
      }),
    );
  });

  it('says what is wrong with a fragment', () => {
    expect(() => viewFromFragment('#order=impact')).toThrow(/has no "view="/);
    expect(() => viewFromFragment('#view=pattern&order=impact')).toThrow(/view=pattern; expected one of patterns, portrait, compare/);
    expect(() => viewFromFragment('#view=patterns&ordr=impact')).toThrow(/unknown key "ordr"; did you mean "order"\?/);
    expect(() => viewFromFragment('#view=patterns')).toThrow(/no "order="/);
    expect(() => viewFromFragment('#view=patterns&order=%E0%A4%A')).toThrow(/not URI-encoded/);
  });
});

describe('validateView', () => {
  it('returns the view normalised (the ordering variable is not also a panel)', () => {
    expect(validateView({ mode: 'patterns', orderBy: 'impact', panels: ['impact', 'trust'], dropped: [] }, data)).toEqual({ mode: 'patterns', orderBy: 'impact', panels: ['trust'] });
  });

  it('lists every problem with the key, the value and what is known', () => {
    let message = '';
    try {
      validateView({ mode: 'patterns', orderBy: 'impakt', panels: ['trust', 'trust', 'nothing'], colour: 'lead', focus: 'Notus', dropped: ['Notos', 'Meses', 'Ëurus'], split: 'role', extra: 1 }, data);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^view: 7 problems:/);
    expect(message).toContain('extra: unknown key');
    expect(message).toContain('orderBy: "impakt" is not a variable of the data; did you mean "impact"?');
    expect(message).toContain('panels[2]: "nothing" is not a variable of the data');
    expect(message).toContain('panels: "trust" is listed twice');
    expect(message).toContain('focus: "Notus" is not a group of the data; did you mean "Notos"?');
    expect(message).toContain('dropped: 3 of 5 groups dropped; at least 3 must stay');
    expect(message).toContain('split: "role" is not a background variable to split by');
    expect(() => validateView({ mode: 'compare', orderBy: 'impact', panels: [], compare: ['Notos'] }, data)).toThrow(/compare view needs at least two groups/);
    expect(() => validateView({ mode: 'portrait', orderBy: 'impact', panels: [] }, data)).toThrow(/portrait view needs the group to show \(focus\)/);
    expect(() => validateView({ mode: 'patterns', orderBy: 'impact', panels: ['impact'] }, data)).toThrow(/at least one variable beside orderBy/);
    expect(() => validateView('impact', data)).toThrow(/expected an object such as/);
  });
});
