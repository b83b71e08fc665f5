import { describe, expect, it } from 'vitest';
import { applyDecisions, assess, readNdjsonSync } from '../../src/index.js';
import { resultJsonSchema } from '../../src/report/result-schema.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bureauGraph, bureauResult, bureauRules } from './helpers.js';
import { check } from '../json-schema-check.js';

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
    // This year's result labelled as last year's: a previous result must be of an earlier period.
    const previous = { ...bureauResult('zh'), period: { start: '2021-01-01', end: '2021-12-31', asOf: null, label: '2021年度' } };
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
