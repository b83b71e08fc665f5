import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../../src/index.js';
import { ATTRIBUTE_LIMITS } from '../../src/model/record.js';

// An attribute of a right kind but too long is said to be too long, with its limit, at its path:
// not "use a string, number, ..." of a value that is a string (a review of the scale paths).
const record = (attributes: Record<string, unknown>): unknown => ({ id: 'r', type: 't', organization: 'a', date: '2022-01-01', attributes });
const problems = (attributes: Record<string, unknown>, lang: 'zh' | 'en' = 'zh'): unknown[] => {
  const result = normalizeRecord(record(attributes), ['records', 0], lang);
  return result.ok ? [] : result.issues.map((i) => [i.code, i.path, i.params['maximum'], i.message]);
};

describe('attributes past their limits', () => {
  const { stringLength, listLength, itemLength } = ATTRIBUTE_LIMITS;

  it(`a text of ${stringLength + 1} characters: too-big at its key, with the limit`, () => {
    expect(problems({ note: 'x'.repeat(stringLength + 1) })).toEqual([['too-big', ['records', 0, 'attributes', 'note'], stringLength, `数值或长度过大：应不大于 ${stringLength}`]]);
    expect(problems({ note: 'x'.repeat(stringLength + 1) }, 'en')[0]).toEqual(['too-big', ['records', 0, 'attributes', 'note'], stringLength, `too big: must be at most ${stringLength}`]);
    expect(problems({ note: 'x'.repeat(stringLength) })).toEqual([]);
  });

  it(`a list of ${listLength + 1} texts, and a text of ${itemLength + 1} characters in a list: too-big where it is`, () => {
    expect(problems({ tags: Array.from({ length: listLength + 1 }, () => 'a') })).toEqual([['too-big', ['records', 0, 'attributes', 'tags'], listLength, `数值或长度过大：应不大于 ${listLength}`]]);
    expect(problems({ tags: ['a', 'b', 'y'.repeat(itemLength + 1), 'z'.repeat(itemLength + 1)] })).toEqual([
      ['too-big', ['records', 0, 'attributes', 'tags', 2], itemLength, `数值或长度过大：应不大于 ${itemLength}`],
    ]);
    expect(problems({ tags: ['a', 'y'.repeat(itemLength)] })).toEqual([]);
  });

  it('a value of no right kind is still invalid-attribute (a list holding a number, an object)', () => {
    expect(problems({ tags: ['a', 1], nested: { a: 1 } }).map((p) => (p as unknown[]).slice(0, 2))).toEqual([
      ['invalid-attribute', ['records', 0, 'attributes', 'tags']],
      ['invalid-attribute', ['records', 0, 'attributes', 'nested']],
    ]);
  });
});
