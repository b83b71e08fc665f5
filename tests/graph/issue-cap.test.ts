// A graph with a hundred thousand bad references: every one was spread into push() at once,
// which overflowed the stack (exit 70); the list is now capped, with the total said at the end.
import { describe, expect, it } from 'vitest';
import { GRAPH_ISSUES_LISTED, safeParseGraph } from '../../src/graph/parse.js';
import type { ValidationError } from '../../src/core/validation-error.js';
import { danglingLiaison } from './helpers.js';

function errorOf(input: unknown, lang: 'zh' | 'en'): ValidationError {
  const parsed = safeParseGraph(input, { lang });
  if (parsed.success) throw new Error('expected the graph to be refused');
  return parsed.error;
}

describe('a graph with more problems than are listed', () => {
  it('125,000 missing references: no stack overflow; the first 10,000 listed, then too-many-issues with the total', () => {
    const error = errorOf(danglingLiaison(125_000), 'en');
    expect(GRAPH_ISSUES_LISTED).toBe(10_000);
    expect(error.issues).toHaveLength(10_001);
    expect(error.issues[0]).toEqual({
      code: 'missing-organization',
      path: ['liaison', 0, 'organization'],
      params: { id: 'missing-0' },
      message: 'organization "missing-0" does not exist',
    });
    expect(error.issues[9_999]?.path).toEqual(['liaison', 9_999, 'organization']);
    expect(error.issues[10_000]).toEqual({
      code: 'too-many-issues',
      path: [],
      params: { shown: 10_000, count: 125_000 },
      message: 'too many problems: the first 10000 of 125000 are listed',
    });
    // the summary counts every problem, not the ones listed
    expect(error.message.split('\n')[0]).toBe('Invalid graph: 125000 problems:');
    expect(error.message.split('\n').at(-1)).toBe('... and 124980 more');
  });

  it('elements that are themselves invalid count the same way, in Chinese', () => {
    // each edge without its person: one `required` each
    const error = errorOf(danglingLiaison(10_003, () => ({ organization: 'c' })), 'zh');
    expect(error.issues).toHaveLength(10_001);
    expect(error.issues[0]).toMatchObject({ code: 'required', path: ['liaison', 0, 'person'] });
    expect(error.issues[10_000]).toEqual({
      code: 'too-many-issues',
      path: [],
      params: { shown: 10_000, count: 10_003 },
      message: '问题过多，仅列出前10000个（共10003个）',
    });
    expect(error.message.split('\n')[0]).toBe('组织关系图校验未通过，共 10003 个问题：');
  });

  it('exactly 10,000 problems: every one listed, and no too-many-issues', () => {
    const error = errorOf(danglingLiaison(10_000), 'en');
    expect(error.issues).toHaveLength(10_000);
    expect(error.issues.some((issue) => issue.code === 'too-many-issues')).toBe(false);
    expect(error.message.split('\n')[0]).toBe('Invalid graph: 10000 problems:');
  });
});
