import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphJsonSchema, partialStateJsonSchema, recordJsonSchema, ruleSetJsonSchema } from '../../src/index.js';
import { resultJsonSchema } from '../../src/report/result-schema.js';
import { cli } from './helpers.js';

describe('zerenzhi schema', () => {
  it.each([
    ['graph', graphJsonSchema],
    ['rules', ruleSetJsonSchema],
    ['evidence', recordJsonSchema],
    ['result', resultJsonSchema],
    ['partial', partialStateJsonSchema],
  ] as const)('%s prints its JSON Schema', async (name, schema) => {
    const run = await cli(['schema', name]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(schema(), null, 2)}\n`);
  });

  it.each([
    ['graph', graphJsonSchema],
    ['rules', ruleSetJsonSchema],
    ['record', recordJsonSchema],
    ['result', resultJsonSchema],
    ['partial', partialStateJsonSchema],
  ] as const)('schemas/%s.schema.json is up to date (npm run schemas)', (name, schema) => {
    const file = new URL(`../../schemas/${name}.schema.json`, import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(schema(), null, 2)}\n`);
  });

  it('an unknown name is a usage error listing the names', async () => {
    const run = await cli(['schema', 'graphs']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('错误：name 的取值「graphs」无效，可选：graph, rules, evidence, result, partial\n运行「zerenzhi schema --help」查看用法\n');
  });
});
