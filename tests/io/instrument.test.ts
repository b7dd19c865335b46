import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInstrument, validateInstrument, finalItems, pilotItems, PORTRAIT_CONSTRUCTS, BOUNDARY_CONSTRUCTS, DEFAULT_INSTRUMENT_PATH } from '../../lib/io/instrument';
import { UserInputError } from '../../lib/util/errors';
import { tempDir } from '../tempDirs';

const shipped = () => JSON.parse(fs.readFileSync(DEFAULT_INSTRUMENT_PATH, 'utf8'));

describe('data/instrument.json', () => {
  const instrument = readInstrument();

  it('defines every construct the report uses', () => {
    const ids = instrument.constructs.map((c) => c.id);
    for (const id of [...PORTRAIT_CONSTRUCTS, 'affectivity', 'monitoring', 'effectiveness', 'effect_education', ...BOUNDARY_CONSTRUCTS, 'motivation', 'other_networks']) {
      expect(ids).toContain(id);
    }
    expect(instrument.background.map((b) => b.id)).toEqual(['org_type', 'role']);
    expect(instrument.background[0].levels.map((l) => l.code)).toEqual(['school_board', 'hogeschool', 'university', 'mbo']);
  });

  it('gives every scale 3-6 final items and every item Dutch and English wording', () => {
    for (const c of instrument.constructs.filter((k) => k.kind === 'scale')) {
      const n = c.items.filter((i) => i.final).length;
      expect(n, c.id).toBeGreaterThanOrEqual(3);
      expect(n, c.id).toBeLessThanOrEqual(6);
    }
    for (const it of pilotItems(instrument)) {
      expect(it.nl.length).toBeGreaterThan(3);
      expect(it.en.length).toBeGreaterThan(3);
    }
  });

  it('has at least eight motivation reasons and the pilot pool holds the three kinds of weak items', () => {
    expect(instrument.constructs.find((c) => c.id === 'motivation')!.items.length).toBeGreaterThanOrEqual(8);
    const reasons = new Set(pilotItems(instrument).filter((i) => !i.final).map((i) => i.removedBecause));
    expect([...reasons].sort()).toEqual(['cross_loading', 'low_inter_item_r', 'negatively_worded']);
    expect(pilotItems(instrument).filter((i) => i.reverse).every((i) => !i.final)).toBe(true);
  });

  it('declares missing codes outside the answer range', () => {
    expect(instrument.responseScales.agree5.missing.map((m) => m.code)).toEqual([9]);
    expect(instrument.responseScales.count.missing.map((m) => m.code)).toEqual([99]);
    expect(finalItems(instrument).find((i) => i.id === 'other_networks')!.scale.type).toBe('count');
  });
});

describe('validateInstrument', () => {
  it('lists every problem with its JSON path in one error', () => {
    const bad = shipped();
    bad.constructs[2].items[0].nl = '';
    bad.constructs[0].items = bad.constructs[0].items.slice(0, 2).map((i: object) => ({ ...i, final: true }));
    bad.constructs[3].responseScale = 'agree7';
    bad.responseScales.agree5.missing[0].code = 3;
    bad.constructs[4].items[3].crossLoadsOn = 'nonsense';
    let message = '';
    try {
      validateInstrument(bad, 'my-codebook.json');
    } catch (e) {
      expect(e).toBeInstanceOf(UserInputError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^my-codebook\.json: the codebook has 5 problems/);
    expect(message).toContain('constructs[2] (trust).items[0].nl: expected a non-empty text');
    expect(message).toContain('constructs[0] (persons_turnover).items: a scale needs 3-6 final items');
    expect(message).toContain('constructs[3] (shared_vision).responseScale: expected one of "agree5"');
    expect(message).toContain('responseScales.agree5.missing[0].code: missing code 3 lies inside the valid range 1-5');
    expect(message).toContain('unknown construct "nonsense"');
  });

  it('rejects duplicate item ids and pilot-only items without a reason', () => {
    const bad = shipped();
    bad.constructs[1].items[0].id = 'persons_turnover_1';
    delete bad.constructs[2].items[4].removedBecause;
    expect(() => validateInstrument(bad)).toThrow(/item id "persons_turnover_1" is used twice[\s\S]*must say why it was removed/);
  });

  it('reads a file with a clear error for a missing file or broken JSON', () => {
    const dir = tempDir('instrument-');
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ "id": ');
    expect(() => readInstrument(file)).toThrow(/broken\.json: not valid JSON/);
    expect(() => readInstrument(path.join(dir, 'nope.json'))).toThrow(/nope\.json: cannot read the codebook \(ENOENT\)/);
  });
});
