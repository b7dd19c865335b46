import { describe, expect, it } from 'vitest';
import { createRandom } from '../../lib/util/random';
import { calibratedRound } from '../../lib/data/calibrateRounding';
import { writeCsv } from '../../lib/io/writeCsv';

describe('createRandom', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = createRandom('x');
    const b = createRandom('x');
    const c = createRandom('y');
    const sa = Array.from({ length: 5 }, () => a.normal());
    expect(Array.from({ length: 5 }, () => b.normal())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.normal())).not.toEqual(sa);
  });

  it('draws normals with mean 0 and sd 1 (20,000 draws, 4 standard errors)', () => {
    const r = createRandom('moments');
    const xs = Array.from({ length: 20000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(20000));
    expect(Math.abs(sd - 1)).toBeLessThan(4 / Math.sqrt(2 * 20000));
  });

  it('shuffles without losing or changing elements', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = createRandom('s').shuffle(input);
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('calibratedRound', () => {
  it('hits the target mean to within the rounding grid and stays in range', () => {
    const r = createRandom('cr');
    const latent = Array.from({ length: 40 }, () => 4.6 + 0.6 * r.normal());
    const whole = calibratedRound(latent, 4.6, 1, 5);
    const mean = whole.reduce((s, x) => s + x, 0) / whole.length;
    expect(Math.abs(mean - 4.6)).toBeLessThanOrEqual(1 / 40 / 2 + 1e-12);
    expect(whole.every((x) => Number.isInteger(x) && x >= 1 && x <= 5)).toBe(true);
  });

  it('keeps the order of the latent values', () => {
    const whole = calibratedRound([1.2, 2.7, 2.2, 4.9], 3, 1, 5);
    expect(whole[1]).toBeGreaterThanOrEqual(whole[2]);
    expect(whole[3]).toBeGreaterThanOrEqual(whole[1]);
  });
});

describe('writeCsv', () => {
  it('quotes only where needed and writes missing as empty', () => {
    expect(writeCsv(['a', 'b'], [['x,y', null], ['say "hi"', 3.5]])).toBe('a,b\n"x,y",\n"say ""hi""",3.5\n');
  });
  it('writes the Dutch flavour with semicolons and decimal commas', () => {
    expect(writeCsv(['a', 'b'], [['x;y', 3.5]], { delimiter: ';', decimalComma: true })).toBe('a;b\n"x;y";3,5\n');
    expect(() => writeCsv(['a'], [[1.5]], { decimalComma: true })).toThrow(/decimal comma needs another delimiter/);
  });
});
