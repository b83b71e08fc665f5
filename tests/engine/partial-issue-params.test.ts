// A partial state whose kept issue has params that are not an object is refused with a message
// that says so, at the path of the params.
import { describe, expect, it } from 'vitest';
import { openAssessment, parseGraph, type PartialState } from '../../src/index.js';
import { graphInput, lintCleanRules, thrown } from './assess/helpers.js';

const graph = parseGraph(graphInput());
const rules = lintCleanRules();

function withIssue(): PartialState {
  const session = openAssessment({ graph, rules, invalidRecords: 'skip' });
  session.add({ id: 'bad' });
  return JSON.parse(JSON.stringify(session.snapshot())) as PartialState;
}

describe('partial state issue params', () => {
  it('the issue as written is taken', () => {
    expect(() => openAssessment({ graph, rules, invalidRecords: 'skip' }).absorb(withIssue())).not.toThrow();
  });

  it('params missing, true or 0: partial-issue-params naming what was found, zh and en', () => {
    const cases: [unknown, string][] = [
      [undefined, 'undefined'],
      [true, 'boolean'],
      [0, 'number'],
      [['x'], 'array'],
    ];
    for (const [params, received] of cases) {
      const partial = withIssue();
      (partial.issues[0] as { params: unknown }).params = params;
      const error = thrown(() => openAssessment({ graph, rules, lang: 'en' }).absorb(partial));
      expect(error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['partial-issue-params', 'partial.issues.0.params']]);
      expect(error.issues[0]?.message).toBe(`an issue's params must be an object, e.g. {"field": "type"}; got ${received}`);
    }
    const partial = withIssue();
    (partial.issues[0] as { params: unknown }).params = 0;
    expect(thrown(() => openAssessment({ graph, rules }).absorb(partial)).issues[0]?.message).toBe('问题的参数（params）应为对象，如 {"field": "type"}，实际为 number');
  });
});
