import { describe, expect, it } from 'vitest';
import { graphJsonSchema, recordJsonSchema, ruleSetJsonSchema } from '../../src/index.js';
import { resultJsonSchema } from '../../src/report/result-schema.js';
import { cli } from './helpers.js';

describe('zerenzhi schema', () => {
  it.each([
    ['graph', graphJsonSchema],
    ['rules', ruleSetJsonSchema],
    ['evidence', recordJsonSchema],
    ['result', resultJsonSchema],
  ] as const)('%s prints its JSON Schema', async (name, schema) => {
    const run = await cli(['schema', name]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(schema(), null, 2)}\n`);
  });

  it('an unknown name is a usage error listing the names', async () => {
    const run = await cli(['schema', 'graphs']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('错误：name 的取值「graphs」无效，可选：graph, rules, evidence, result\n运行「zerenzhi schema --help」查看用法\n');
  });
});
