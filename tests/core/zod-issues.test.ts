import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { likelyTypoOf } from '../../src/core/edit-distance.js';
import { fromZodIssues } from '../../src/core/zod-issues.js';
import { safeParseRuleSet } from '../../src/index.js';

const issuesOf = (schema: z.ZodType, input: unknown, lang: 'zh' | 'en' = 'zh') => {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success ? [] : fromZodIssues(parsed.error.issues, [], lang).map((i) => ({ code: i.code, path: i.path, message: i.message, params: i.params }));
};

describe('fromZodIssues: lists', () => {
  const Steps = z.object({ steps: z.array(z.number()).min(1).max(3) }).strict();

  it('an empty list is "too few items", not a number too small', () => {
    expect(issuesOf(Steps, { steps: [] })).toEqual([{ code: 'too-few-items', path: ['steps'], message: '项数过少：至少需要 1 项', params: { minimum: '1' } }]);
    expect(issuesOf(Steps, { steps: [] }, 'en')[0]?.message).toBe('too few items: at least 1 needed');
  });

  it('a list too long is "too many items"', () => {
    expect(issuesOf(Steps, { steps: [1, 2, 3, 4] }).map((i) => [i.code, i.message])).toEqual([['too-many-items', '项数过多：至多 3 项']]);
  });

  it('a number too small is still "too small"', () => {
    expect(issuesOf(z.object({ n: z.number().min(1) }), { n: 0 }).map((i) => i.code)).toEqual(['too-small']);
  });
});

describe('fromZodIssues: an unknown field beside a missing one', () => {
  const Cadence = z.object({ every: z.enum(['month', 'quarter']), times: z.number() }).strict();

  it('is offered as its likely typo', () => {
    const found = issuesOf(Cadence, { evry: 'month', times: 1 });
    expect(found.map((i) => [i.code, i.path, i.message])).toEqual([
      ['required', ['every'], '缺少必填字段「every」'],
      ['unknown-field', ['evry'], '未知字段「evry」（是否想写「every」？）'],
    ]);
    expect(issuesOf(Cadence, { evry: 'month', times: 1 }, 'en')[1]?.message).toBe('unknown field "evry" (did you mean "every"?)');
  });

  it('offers nothing when no missing field is that close, or the missing one is elsewhere', () => {
    expect(issuesOf(Cadence, { every: 'month', times: 1, grades: [] })[0]?.message).toBe('未知字段「grades」（可能是拼写错误）');
    const Nested = z.object({ a: z.object({ every: z.string() }).strict(), evry: z.string().optional() }).strict();
    // `evry` at the root is a known field; the missing `every` is inside `a`, where `evry` is not.
    expect(issuesOf(Nested, { a: { evey: 'x' } }).map((i) => [i.path.join('.'), i.params['suggestion'] ?? null])).toEqual([
      ['a.every', null],
      ['a.evey', 'every'],
    ]);
  });

  it('a rule set with `peroid` for its period: the period missing and the typo named', () => {
    const parsed = safeParseRuleSet({ id: 'r', version: '1', title: '考核', peroid: { year: 2026 }, indicators: [{ id: 'x', title: 'x', points: 1, bonus: { recordTypes: ['a'], points: 1 } }], ladders: [] });
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : parsed.error.issues;
    expect(issues.find((i) => i.code === 'unknown-field' && i.path.join('.') === 'peroid')?.message).toBe('未知字段「peroid」（是否想写「period」？）');
  });
});

describe('likelyTypoOf', () => {
  it('case alone, then one edit for every three letters, two at most', () => {
    expect(likelyTypoOf('Period', ['period'])).toBe('period');
    expect(likelyTypoOf('peroid', ['grades', 'period'])).toBe('period');
    expect(likelyTypoOf('ab', ['ac'])).toBe('ac');
    expect(likelyTypoOf('abc', ['xyz'])).toBeUndefined();
    // 3 edits in a long word is too many.
    expect(likelyTypoOf('indicatorz', ['xndicatoyy'])).toBeUndefined();
    expect(likelyTypoOf('p'.repeat(65), ['p'.repeat(65)])).toBeUndefined();
  });
});
