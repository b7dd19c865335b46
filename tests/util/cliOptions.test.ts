import { describe, expect, it } from 'vitest';
import { parseLang, parseOptions } from '../../lib/util/cliOptions';

const KINDS = { '--data': 'value', '--lang': 'value', '--flag': 'flag' } as const;

describe('parseOptions', () => {
  it('reads --name value, --name=value and flags', () => {
    const o = parseOptions(['--data', 'a b', '--lang=en', '--flag'], KINDS, 'usage: x');
    expect([...o]).toEqual([['--data', 'a b'], ['--lang', 'en'], ['--flag', true]]);
  });
  it('names an unknown option or a missing value, with the usage', () => {
    expect(() => parseOptions(['--colour'], KINDS, 'usage: x')).toThrow('unknown option "--colour"; usage: x');
    expect(() => parseOptions(['--data'], KINDS, 'usage: x')).toThrow('--data needs a value; usage: x');
    expect(() => parseOptions(['--flag=1'], KINDS, 'usage: x')).toThrow('unknown option "--flag=1"');
  });
  it('checks the language', () => {
    expect(parseLang('en')).toBe('en');
    expect(() => parseLang('de')).toThrow('--lang: expected "nl" or "en", found "de"');
  });
});
