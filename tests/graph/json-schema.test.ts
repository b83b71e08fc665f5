// The JSON Schema of a graph document (schemas/graph.schema.json, generated from the zod
// schemas) refuses what parseGraph refuses in a single element: an editor or a validator in
// another language must not pass a file the library then rejects for its ids or flags.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphJsonSchema, safeParseGraph } from '../../src/index.js';
import { isValidId } from '../../src/model/primitives.js';

const committed = JSON.parse(readFileSync(new URL('../../schemas/graph.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(committed);

/** A one-organization document whose organization has this id. */
const withId = (id: string): unknown => ({ organizations: [{ id, name: '局党委', kind: 'committee' }], people: [], posts: [] });
const schemaAccepts = (doc: unknown): boolean => validate(doc) === true;
const parserAccepts = (doc: unknown): boolean => safeParseGraph(doc).success;

describe('ids: the schema and the parser agree', () => {
  it('the committed schema is the generated one', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(graphJsonSchema())));
  });

  it.each([
    ['a plain id', 'branch-01', true],
    ['Chinese', '党支部-01', true],
    ['an inner space', 'a b', true],
    ['a leading space', ' cm', false],
    ['a trailing space', 'cm ', false],
    ['a tab inside', 'c\tm', false],
    ['a leading no-break space', '\u00a0cm', false],
    ['a trailing ideographic space', 'cm\u3000', false],
    ['a C1 control character inside', 'c\u0085m', false],
    ['DEL inside', 'c\u007fm', false],
    ['empty', '', false],
    ['256 ASCII characters', 'x'.repeat(256), true],
    ['257 ASCII characters', 'x'.repeat(257), false],
    // 𠀀 (U+20000) is one character of two UTF-16 code units: lengths count characters.
    ['200 astral characters (400 code units)', '𠀀'.repeat(200), true],
    ['256 astral characters (512 code units)', '𠀀'.repeat(256), true],
    ['257 astral characters', '𠀀'.repeat(257), false],
    ['255 ASCII and one astral character', `${'x'.repeat(255)}𠀀`, true],
    ['256 ASCII and one astral character', `${'x'.repeat(256)}𠀀`, false],
  ])('%s: %s', (_label, id, valid) => {
    expect(isValidId(id)).toBe(valid);
    expect(parserAccepts(withId(id))).toBe(valid);
    expect(schemaAccepts(withId(id))).toBe(valid);
  });

  it('random texts: accepted by both or by neither', () => {
    const unit = fc.constantFrom('a', 'Z', '-', ' ', '\t', '\u00a0', '\u2028', '\ufeff', '\u0085', '\u007f', '中', '𠀀', '\ud800');
    const text = fc.oneof(
      fc.string({ unit, maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.tuple(fc.integer({ min: 250, max: 262 }), fc.constantFrom('x', '𠀀', '中')).map(([n, c]) => c.repeat(n)),
    );
    fc.assert(
      fc.property(text, (id) => {
        expect(schemaAccepts(withId(id))).toBe(parserAccepts(withId(id)));
        expect(isValidId(id)).toBe(parserAccepts(withId(id)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a person: probationary means a party member, in the schema too', () => {
  const withPerson = (person: Record<string, unknown>): unknown => ({ organizations: [], people: [{ id: 'p1', name: '王', ...person }], posts: [] });

  it.each([
    [{ partyMember: true, probationary: true }, true],
    [{ partyMember: true, probationary: false }, true],
    [{ partyMember: true }, true],
    [{ partyMember: false }, true],
    [{ partyMember: false, probationary: false }, true],
    [{ partyMember: false, probationary: true }, false],
  ])('%o: %s', (person, valid) => {
    expect(parserAccepts(withPerson(person))).toBe(valid);
    expect(schemaAccepts(withPerson(person))).toBe(valid);
  });
});
