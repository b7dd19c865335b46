/**
 * One copy of the label lookup and of the language check: the codebook's
 * names (codebookLabel) behind the figures' constructLabel, the analyses'
 * variableLabel and the notebooks' constructLabel; checkLanguage behind every
 * lang option, each message naming the option and the value.
 */
import { describe, expect, it } from 'vitest';
import { checkLanguage, codebookLabel, isLanguage, LANGUAGES, readInstrument } from '../../lib/io/instrument';
import { constructLabel as figureConstructLabel, WORDS } from '../../lib/figures/i18n';
import { variableLabel } from '../../lib/analysis/networkLevel';
import { FINDING_VARIABLES } from '../../lib/analysis/findings';
import { constructLabel as studyConstructLabel, studyLanguage } from '../../lib/notebooks/context';
import { parseLang } from '../../lib/util/cliOptions';
import { UserInputError } from '../../lib/util/errors';

const instrument = readInstrument();

describe('codebookLabel: the one lookup of a construct or item name', () => {
  it('names constructs and items in the language, and gives the id otherwise', () => {
    expect(codebookLabel(instrument, 'persons_turnover_1', 'en')).toBe('The people who represent the member organisations change often.');
    expect(codebookLabel(instrument, 'persons_turnover_1', 'nl')).toBe('De personen die namens de organisaties aan tafel zitten, wisselen vaak.');
    const trust = instrument.constructs.find((c) => c.id === 'trust')!;
    expect(codebookLabel(instrument, 'trust', 'nl')).toBe(trust.nl);
    expect(codebookLabel(instrument, 'trust', 'en')).toBe(trust.en);
    expect(codebookLabel(instrument, 'no_such_thing', 'en')).toBe('no_such_thing');
  });

  it('is what the figures, the analyses and the notebooks give for every construct and item', () => {
    const ids = instrument.constructs.flatMap((c) => [c.id, ...c.items.map((i) => i.id)]);
    for (const lang of LANGUAGES) {
      for (const id of ids) {
        const expected = codebookLabel(instrument, id, lang);
        expect(figureConstructLabel(instrument, id, lang)).toBe(expected);
        expect(studyConstructLabel({ instrument, lang }, id)).toBe(expected);
        if (instrument.constructs.some((c) => c.id === id)) expect(variableLabel(instrument, id, lang)).toBe(expected);
      }
      // the group variables: the figure words in figures, the findings' words in tables
      expect(figureConstructLabel(instrument, 'members', lang)).toBe(WORDS[lang].members);
      expect(figureConstructLabel(instrument, 'years', lang)).toBe(WORDS[lang].years);
      expect(variableLabel(instrument, 'members', lang)).toBe(FINDING_VARIABLES.members[lang]);
      expect(variableLabel(instrument, 'years', lang)).toBe(FINDING_VARIABLES.years[lang]);
    }
  });
});

describe('checkLanguage: the one nl/en check', () => {
  it('passes "nl" and "en" and nothing else', () => {
    expect(LANGUAGES).toEqual(['nl', 'en']);
    for (const v of ['nl', 'en']) expect(isLanguage(v)).toBe(true);
    for (const v of ['NL', 'de', '', null, undefined, 1]) expect(isLanguage(v)).toBe(false);
    expect(checkLanguage('en', 'x')).toBe('en');
  });

  it('names the option, the value and what is allowed, wherever it is used', () => {
    expect(() => checkLanguage('de', 'some option')).toThrow(new UserInputError('some option: expected "nl" or "en", found "de"'));
    expect(() => parseLang('fr')).toThrow('--lang: expected "nl" or "en", found "fr"');
    // DV_LANG is read case-blind, and quoted as written when wrong
    expect(studyLanguage({ DV_LANG: ' EN ' })).toBe('en');
    expect(studyLanguage({})).toBe('nl');
    expect(() => studyLanguage({ DV_LANG: 'German' })).toThrow('DV_LANG: expected "nl" or "en", found "German"');
  });
});
