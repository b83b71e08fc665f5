import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverage, parseGraph, readNdjson, toMarkdown, assess, readNdjsonSync, ValidationError } from '../../src/index.js';
import { refusal as thrown, refusalAsync as rejected } from './helpers.js';

// Options that are not a plain object (a Map, a class instance) were accepted and their entries
// ignored without a word; a getter that throws escaped as its own error (a review of the API,
// finding 9). The first is invalid-type at the options, the second option-unreadable at its name.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graphInput = JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')) as unknown;
const graph = parseGraph(graphInput);
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = [...readNdjsonSync(readFileSync(new URL('records.ndjson', dir), 'utf8'))];
const loose = <T>(value: unknown): T => value as T;
const where = (error: ValidationError): unknown[] => error.issues.map((i) => [error.subject, i.path, i.code, i.params]);
class Options {
  lang = 'en';
}
const throwing = (extra: object = {}): object =>
  Object.defineProperty({ ...extra }, 'lang', {
    enumerable: true,
    get() {
      throw new Error('no lang here');
    },
  });

describe('options that are not plain objects', () => {
  it('a Map is refused, named as a Map, not ignored', () => {
    expect(where(thrown(() => coverage(graph, loose(new Map([['lang', 'en']])))))).toEqual([['options', [], 'invalid-type', { expected: 'object', received: 'Map' }]]);
  });

  it('an instance of a class is refused, in the language it asks for', () => {
    const error = thrown(() => parseGraph(graphInput, loose(new Options())));
    expect(where(error)).toEqual([['options', [], 'invalid-type', { expected: 'object', received: 'Options' }]]);
    expect(error.issues[0]?.message).toBe('wrong type: expected object, got Options');
  });

  it('a Set given to a reader is refused when reading starts', async () => {
    const error = await rejected(async () => {
      for await (const _ of readNdjson('{}\n', loose(new Set()))) void _;
    });
    expect(where(error)).toEqual([['options', [], 'invalid-type', { expected: 'object', received: 'Set' }]]);
  });

  it('a plain object, and one without a prototype, are options', () => {
    expect(coverage(graph, Object.assign(Object.create(null) as object, { lang: 'en' as const })).gaps[0]?.message).toMatch(/has no secretary$/);
    expect(toMarkdown(assess({ graph, rules, records }), { lang: 'en' })).toContain('#');
  });
});

describe('options whose getter throws', () => {
  it('option-unreadable at the name, with the error, not the getter\'s own error', () => {
    const error = thrown(() => parseGraph(graphInput, loose(throwing())));
    expect(where(error)).toEqual([['options', ['lang'], 'option-unreadable', { field: 'lang', error: 'no lang here' }]]);
    expect(error.issues[0]?.message).toBe('选项「lang」无法读取（读取时抛出错误：no lang here）');
  });

  it('other problems are listed beside it', () => {
    const error = thrown(() => assess(loose(throwing({ graph, rules, records, invalidRecord: 'skip' }))));
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [['lang'], 'option-unreadable'],
      [['invalidRecord'], 'unknown-field'],
    ]);
  });
});
