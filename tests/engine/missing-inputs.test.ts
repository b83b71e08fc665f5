// A missing graph, rule set or records list is named, every one at once, as `required` at its
// own path — not as a wrong type at the root.
import { describe, expect, it } from 'vitest';
import { assess, openAssessment, parseGraph } from '../../src/index.js';
import { graphInput, lintCleanRules, thrown } from './assess/helpers.js';

const summary = (call: () => unknown) => {
  const error = thrown(call);
  return { subject: error.subject, issues: error.issues.map((i) => [i.code, i.path.join('.')]) };
};

describe('missing inputs', () => {
  it('assess({}) lists graph, rules and records as required', () => {
    expect(summary(() => assess({} as never))).toEqual({
      subject: 'options',
      issues: [
        ['required', 'graph'],
        ['required', 'rules'],
        ['required', 'records'],
      ],
    });
  });

  it('assess({ records: [] }) lists graph and rules; openAssessment({}) graph and rules', () => {
    expect(summary(() => assess({ records: [] } as never)).issues).toEqual([
      ['required', 'graph'],
      ['required', 'rules'],
    ]);
    expect(summary(() => openAssessment({} as never)).issues).toEqual([
      ['required', 'graph'],
      ['required', 'rules'],
    ]);
  });

  it('with an unknown option besides, every problem at once; in English on request', () => {
    const error = thrown(() => openAssessment({ graph: parseGraph(graphInput()), lang: 'en', asof: '2022-06-30' } as never));
    expect(error.issues.map((i) => i.code).sort()).toEqual(['required', 'unknown-field'].sort());
    expect(error.issues.find((i) => i.code === 'required')?.message).toMatch(/rules/);
  });

  it('given all three, it runs', () => {
    expect(() => assess({ graph: parseGraph(graphInput()), rules: lintCleanRules(), records: [] })).not.toThrow();
  });
});
