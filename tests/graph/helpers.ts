// Shared fixtures for the graph tests (not a test file itself).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseGraph, safeParseGraph, ValidationError, type Graph, type Issue, type ParseGraphOptions } from '../../src/index.js';

const exampleFile = (name: string): string => fileURLToPath(new URL(`../../examples/bureau-2022/${name}`, import.meta.url));

/** The bureau example document, freshly read (callers may change their copy). */
export function bureauInput(): Record<string, unknown> {
  return JSON.parse(readFileSync(exampleFile('graph.json'), 'utf8')) as Record<string, unknown>;
}

/** The bureau example's coverage options. */
export function bureauCoverageOptions(): Record<string, unknown> {
  return JSON.parse(readFileSync(exampleFile('coverage.json'), 'utf8')) as Record<string, unknown>;
}

/** The bureau example, parsed. */
export function bureauGraph(): Graph {
  return parseGraph(bureauInput());
}

/** The issues of an input that must fail; fails the test when it parses. */
export function issuesOf(input: unknown, options: ParseGraphOptions = {}): readonly Issue[] {
  const result = safeParseGraph(input, options);
  if (result.success) throw new Error('expected the input to be refused, but it parsed');
  expect(result.error).toBeInstanceOf(ValidationError);
  return result.error.issues;
}

/** code + path + params of each issue, the part a caller branches on. */
export function brief(issues: readonly Issue[]): { code: string; path: readonly (string | number)[]; params: Issue['params'] }[] {
  return issues.map((i) => ({ code: i.code, path: i.path, params: i.params }));
}

/** The ValidationError a call throws; fails the test when it does not throw one. */
export function thrown(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

/** One committee, its secretary, and `n` liaison edges, each to an organization that is not there. */
export function danglingLiaison(n: number, edge: (i: number) => unknown = (i) => ({ person: 'p1', organization: `missing-${i}` })): Record<string, unknown> {
  return {
    id: 'g',
    title: 'g',
    organizations: [{ id: 'c', name: '党委', kind: 'committee' }],
    people: [{ id: 'p1', name: '甲', partyMember: true }],
    posts: [{ person: 'p1', organization: 'c', role: 'secretary' }],
    oversight: [],
    liaison: Array.from({ length: n }, (_, i) => edge(i)),
  };
}
