/**
 * Fuzz tests (fast-check, fixed seed: tests/setup.ts) for the interview
 * readers (issue 16): REFI-QDA projects and codebooks, and MAXQDA's coded
 * segments table. Whatever the input: a result or a UserInputError, never
 * another exception.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, it } from 'vitest';
import { parseMaxqdaCsv } from '../../lib/qual/io/maxqda';
import { parseProjectXml, parseQdc, readQdpx } from '../../lib/qual/io/refiQda';
import { resultOrUserError } from '../io/helpers';


const U = '11111111-1111-4111-8111-111111111111';
const C = '22222222-2222-4222-8222-222222222222';
const P = '44444444-4444-4444-8444-444444444444';

/** Pieces of REFI-QDA XML, valid and broken, joined in any order. */
const fragments = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        `<Code guid="${C}" name="A &gt; B" isCodable="true">`,
        '</Code>',
        `<Code guid="${C}" name="x" isCodable="maybe"/>`,
        `<TextSource guid="${P}" name="Notos"><PlainTextContent>Eerste regel.</PlainTextContent>`,
        '</TextSource>',
        `<PlainTextSelection startPosition="0" endPosition="5" creatingUser="${U}"><Coding><CodeRef targetGUID="${C}"/></Coding></PlainTextSelection>`,
        '<PlainTextSelection startPosition="9" endPosition="2"/>',
        `<TextSource guid="${P}" plainTextPath="internal://nope.txt"/>`,
        '&#xD800;',
        '&bogus;',
        '<![CDATA[<Code>]]>',
        '<!-- <Code> -->',
        '<',
        '>',
        '"',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

const project = (inner: string) => `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="t"><Users><User guid="${U}" name="A"/></Users><CodeBook><Codes>${inner}</Codes></CodeBook><Sources>${inner}</Sources></Project>`;

describe('fuzz: REFI-QDA', () => {
  it('parseProjectXml on any mix of elements: a project or a UserInputError', () => {
    fc.assert(fc.property(fragments, (inner) => resultOrUserError(() => parseProjectXml(project(inner)))));
  });

  it('parseQdc on any mix of elements: codes or a UserInputError', () => {
    fc.assert(fc.property(fragments, (inner) => resultOrUserError(() => parseQdc(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${inner}</Codes></CodeBook>`))));
  });

  it('readQdpx on a project with bytes changed anywhere: a project or a UserInputError', () => {
    const good = zipSync({ 'project.qde': strToU8(project(`<Code guid="${C}" name="A" isCodable="true"/>`)), 'Sources/a.txt': strToU8('tekst') }, { level: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const bytes = Buffer.from(good);
        for (const [at, v] of edits) bytes[at] = v;
        resultOrUserError(() => readQdpx(bytes, { file: 'p.qdpx' }));
      }),
    );
  });
});

describe('fuzz: MAXQDA coded segments', () => {
  const csv = fc
    .array(fc.oneof(fc.constantFrom(',', ';', '"', '\n', 'Notos', 'A > B', '\\', '>', '1', '0', '-3', 'Eerste', ' '), fc.string({ maxLength: 5 })), { maxLength: 40 })
    .map((parts) => `Document name,Code,Begin,End,Segment,Created by\n${parts.join('')}`);

  it('parseMaxqdaCsv on any table: a project or a UserInputError', () => {
    fc.assert(fc.property(csv, (text) => resultOrUserError(() => parseMaxqdaCsv(text, { documents: { Notos: 'Eerste regel.\nTweede regel.' } }))));
  });
});
