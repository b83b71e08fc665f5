import { describe, expect, it } from 'vitest';
import { jsonChunks, ValidationError } from '../../src/index.js';
import { refusal } from '../refusal.js';

// A value JSON cannot write escaped as JSON.stringify's own error, which names no place: a
// RangeError for deep nesting, a TypeError for a BigInt or a cycle (a review of the API,
// finding 8). Each is now a ValidationError naming the place, from `value`.
const where = (error: ValidationError): unknown[] => error.issues.map((i) => [error.subject, i.path, i.code, i.params]);
const nestedLists = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('jsonChunks on what JSON cannot write', () => {
  it('a BigInt: invalid-type at its path, every one of them', () => {
    expect(where(refusal(() => [...jsonChunks({ n: 1n, list: [2, 3n] })]))).toEqual([
      ['options', ['value', 'n'], 'invalid-type', { expected: 'JSON', received: 'bigint' }],
      ['options', ['value', 'list', 1], 'invalid-type', { expected: 'JSON', received: 'bigint' }],
    ]);
  });

  it.each([[1], [2], [10], [Number.POSITIVE_INFINITY]])('a cycle: json-cycle where the object is met again (depth %s)', (depth) => {
    const cycle: Record<string, unknown> = { a: [] };
    (cycle['a'] as unknown[]).push(cycle);
    expect(where(refusal(() => [...jsonChunks(cycle, { depth })]))).toEqual([['options', ['value', 'a', 0], 'json-cycle', {}]]);
  });

  it('an object met twice but not inside itself is no cycle', () => {
    const shared = { x: 1 };
    expect([...jsonChunks({ a: shared, b: [shared] })].join('')).toBe(JSON.stringify({ a: shared, b: [shared] }, null, 2));
  });

  it.each([[2], [Number.POSITIVE_INFINITY]])('100,000 levels: json-too-deep, not a RangeError (depth %s)', (depth) => {
    const error = refusal(() => [...jsonChunks(nestedLists(100_000), { depth })]);
    expect(error.issues.map((i) => [i.code, i.path.length, i.params])).toEqual([['json-too-deep', 100, { depth: 100_000, limit: 100 }]]);
    expect(error.issues[0]?.path.slice(0, 3)).toEqual(['value', 0, 0]);
    expect(error.issues[0]?.message).toBe('嵌套过深（共 100000 层，此处已是第 100 层），无法写成 JSON');
  });

  it('in English when asked', () => {
    const error = refusal(() => [...jsonChunks({ n: 1n }, { lang: 'en' })]);
    expect([error.lang, error.issues[0]?.message]).toEqual(['en', 'wrong type: expected JSON, got bigint']);
  });

  it('nesting JSON.stringify writes is written as before', () => {
    const value = nestedLists(1000);
    expect([...jsonChunks(value, { indent: 0 })].join('')).toBe(JSON.stringify(value));
  });

  it('an error of a toJSON of the caller\'s own is its own', () => {
    const value = { a: { toJSON: () => { throw new SyntaxError('mine'); } } };
    expect(() => [...jsonChunks(value)]).toThrow(SyntaxError);
  });
});
