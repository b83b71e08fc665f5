// The JSON Schema of a rule set (schemas/rules.schema.json, generated from the zod schemas) types
// an attribute filter (`where`) as the parser checks it: an object whose every value is a string,
// number, boolean or null, or a non-empty list of them. An editor must not pass a filter the
// library then refuses.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ruleSetJsonSchema, safeParseRuleSet } from '../../src/index.js';

const committed = JSON.parse(readFileSync(new URL('../../schemas/rules.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(committed);
const bureau = JSON.parse(readFileSync(new URL('../../examples/bureau-2022/rules.json', import.meta.url), 'utf8')) as { indicators: { measure: Record<string, unknown> }[] };

/** The bureau's rule set with its first indicator (a count) filtering by this `where`. */
function withWhere(where: unknown): unknown {
  const copy = structuredClone(bureau);
  const first = copy.indicators[0] as { measure: Record<string, unknown> };
  first.measure = { ...first.measure, where };
  return copy;
}

describe('rules.schema.json: attribute filters', () => {
  it('the committed schema is the generated one', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(ruleSetJsonSchema())));
  });

  it('the bureau example passes it as it is', () => {
    expect(validate(bureau)).toBe(true);
  });

  it.each([
    ['one value', { kind: '专题党课' }, true],
    ['a list of values', { level: ['省级', '国家级'] }, true],
    ['a number, a boolean and null', { n: 3, ok: false, none: null }, true],
    ['no attributes at all', {}, true],
    ['a number instead of an object', 3, false],
    ['a list instead of an object', [{ kind: '专题党课' }], false],
    ['an object as a value', { kind: { eq: '专题党课' } }, false],
    ['an empty list as a value', { kind: [] }, false],
    ['a list holding a list', { kind: [['a']] }, false],
  ])('%s: schema and parser agree (%j → %s)', (_label, where, valid) => {
    expect(validate(withWhere(where))).toBe(valid);
    expect(safeParseRuleSet(withWhere(where)).success).toBe(valid);
  });
});
