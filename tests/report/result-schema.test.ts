import { describe, expect, it } from 'vitest';
import { applyDecisions, assess, readNdjsonSync } from '../../src/index.js';
import { resultJsonSchema } from '../../src/report/result-schema.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bureauGraph, bureauResult, bureauRules } from './helpers.js';

type Schema = Record<string, unknown>;

// A tiny structural checker for the subset of JSON Schema the result schema uses: $ref into
// $defs, type (one or several), const, enum, anyOf, properties / required /
// additionalProperties (false or a schema), items, minimum, maximum, pattern. Returns the
// problems as `path: what`.
function check(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  if (typeof schema['$ref'] === 'string') {
    const name = schema['$ref'].replace('#/$defs/', '');
    const target = (root['$defs'] as Record<string, Schema>)[name];
    if (!target) return [`${path}: unknown $ref ${schema['$ref']}`];
    return check(value, target, root, path);
  }
  if (Array.isArray(schema['anyOf'])) {
    const branches = (schema['anyOf'] as Schema[]).map((branch) => check(value, branch, root, path));
    return branches.some((problems) => problems.length === 0) ? [] : [`${path}: matches no branch of anyOf (${branches.map((b) => b[0]).join(' | ')})`];
  }
  const problems: string[] = [];
  if ('const' in schema && value !== schema['const']) problems.push(`${path}: expected ${JSON.stringify(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in enum`);
  const types = schema['type'] === undefined ? [] : ([] as unknown[]).concat(schema['type']);
  const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if (types.length > 0 && !types.some((t) => t === typeOf(value) || (t === 'number' && typeOf(value) === 'integer'))) {
    return [...problems, `${path}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) problems.push(`${path}: below minimum`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) problems.push(`${path}: above maximum`);
  }
  if (typeof value === 'string' && typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern']).test(value)) problems.push(`${path}: does not match ${schema['pattern']}`);
  if (Array.isArray(value) && schema['items']) value.forEach((item, i) => problems.push(...check(item, schema['items'] as Schema, root, `${path}[${i}]`)));
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const key of (schema['required'] ?? []) as string[]) if (!(key in object)) problems.push(`${path}: missing required ${key}`);
    for (const [key, member] of Object.entries(object)) {
      const propertySchema = properties[key];
      if (propertySchema) problems.push(...check(member, propertySchema, root, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) problems.push(`${path}: unexpected property ${key}`);
      else if (typeof schema['additionalProperties'] === 'object') problems.push(...check(member, schema['additionalProperties'] as Schema, root, `${path}.${key}`));
    }
  }
  return problems;
}

const schema = resultJsonSchema();
const validate = (value: unknown): string[] => check(JSON.parse(JSON.stringify(value)) as unknown, schema, schema);

describe('the result JSON Schema', () => {
  it('is draft 2020-12 with closed objects', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['additionalProperties']).toBe(false);
    expect(Object.keys(schema['$defs'] as object).sort()).toContain('Finding');
  });

  it('the bureau result validates, in Chinese and English', () => {
    expect(validate(bureauResult('zh'))).toEqual([]);
    expect(validate(bureauResult('en'))).toEqual([]);
  });

  it('a result with a previous period, an as-of date and decisions validates', () => {
    const records = readFileSync(fileURLToPath(new URL('../../examples/bureau-2022/records.ndjson', import.meta.url)), 'utf8');
    const previous = bureauResult('zh');
    const result = assess({ graph: bureauGraph, rules: bureauRules, records: readNdjsonSync(records), previous, asOf: '2022-09-30' });
    expect(result.organizations[0]?.previous).toBeDefined();
    const [a, b, c] = result.findings;
    if (!a || !b || !c) throw new Error('the bureau has findings');
    const decided = applyDecisions(result, [
      { finding: a.id, action: 'confirm', by: '局党委', at: '2023-01-20' },
      { finding: b.id, action: 'waive', by: '局党委', at: '2023-01-20', reason: '不可抗力' },
      { finding: c.id, action: 'change', by: '局党委', at: '2023-01-20', reason: '情节较轻', form: 'criticism' },
    ]);
    expect(decided.audit).toHaveLength(3);
    expect(validate(decided)).toEqual([]);
  });

  it('catches a missing field, an extra field and a wrong type, anywhere', () => {
    const result = JSON.parse(JSON.stringify(bureauResult('zh'))) as Record<string, unknown> & { organizations: Record<string, unknown>[]; findings: Record<string, unknown>[] };
    delete result['fingerprint'];
    (result.organizations[0] as Record<string, unknown>)['extra'] = 1;
    (result.findings[0] as Record<string, unknown>)['liability'] = 'none';
    expect(validate(result)).toEqual([
      '$: missing required fingerprint',
      '$.organizations[0]: unexpected property extra',
      '$.findings[0].liability: "none" not in enum',
    ]);
  });
});
