import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, assessStream, chainOf, coverage, dutiesOf, lintRuleSet, parentOf, parseGraph, readNdjsonSync, safeParseGraph, safeParseRuleSet, ValidationError } from '../../src/index.js';
import { refusal as thrown } from './helpers.js';

// A caller in plain JavaScript can pass what the types forbid: each such call gets a structured
// error naming the option or argument, never a TypeError from deep inside (a fuzzing review).
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graphInput = JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')) as unknown;
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = [...readNdjsonSync(readFileSync(new URL('records.ndjson', dir), 'utf8'))];
const graph = parseGraph(graphInput);

const where = (error: ValidationError): unknown[] => error.issues.map((i) => [error.subject, i.path, i.code]);

describe('a language other than zh or en', () => {
  it('is refused as an option, in Chinese, by every entry point (safeParse* return it)', async () => {
    const bad = { lang: 'fr' } as never;
    const graphResult = safeParseGraph(graphInput, bad);
    expect(graphResult.success).toBe(false);
    if (!graphResult.success) expect(where(graphResult.error)).toEqual([['options', ['lang'], 'invalid-value']]);
    const rulesResult = safeParseRuleSet(rules, bad);
    expect(rulesResult.success).toBe(false);
    for (const call of [() => assess({ graph, rules, records, lang: 'fr' as never }), () => coverage(graph, bad), () => lintRuleSet(rules, graph, bad), () => parseGraph(graphInput, bad)]) {
      const error = thrown(call);
      expect(where(error)).toEqual([['options', ['lang'], 'invalid-value']]);
      expect(error.issues[0]?.message).toBe('取值「fr」无效，可选值：zh, en');
    }
    // a key of every object is no language either
    expect(where(thrown(() => assess({ graph, rules, records, lang: 'constructor' as never })))).toEqual([['options', ['lang'], 'invalid-value']]);
    await expect(assessStream({ graph, rules, records, lang: 'fr' as never })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('arguments of the wrong shape', () => {
  it('records missing, null or not a list; no input at all', async () => {
    // missing: said with the other options (a missing graph or rules would be listed beside it)
    expect(where(thrown(() => assess({ graph, rules } as never)))).toEqual([['options', ['records'], 'required']]);
    expect(where(thrown(() => assess({ graph, rules, records: null } as never)))).toEqual([['records', ['records'], 'invalid-type']]);
    expect(where(thrown(() => assess({ graph, rules, records: 'r.ndjson' } as never)))).toEqual([['records', ['records'], 'invalid-type']]);
    expect(where(thrown(() => assess(null as never)))).toEqual([['options', [], 'invalid-type']]);
    await expect(assessStream({ graph, rules, records: 42 } as never)).rejects.toBeInstanceOf(ValidationError);
  });

  it('a graph document where its parsed graph is wanted: lint parses it, queries say to', () => {
    // lint takes the document as assess does
    expect(lintRuleSet(rules, graphInput as never)).toEqual(lintRuleSet(rules, graph));
    for (const call of [() => chainOf(graphInput as never, 'bureau'), () => coverage(graphInput as never), () => dutiesOf(graphInput as never, 'p-1'), () => parentOf(graphInput as never, 'bureau')]) {
      expect(where(thrown(call))).toEqual([['query', ['graph'], 'invalid-type']]);
    }
  });

  it('null options are refused, as by every other function (undefined are the defaults)', () => {
    expect(where(thrown(() => coverage(graph, null as never)))).toEqual([['options', [], 'invalid-type']]);
    expect(coverage(graph, undefined)).toEqual(coverage(graph, {}));
  });
});
