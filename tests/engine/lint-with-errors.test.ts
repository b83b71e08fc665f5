// lintRuleSet on a rule set with errors: the errors in the parser's order, then the warnings of
// the parts that parse on their own — none that would read a part left out as absent.
import { describe, expect, it } from 'vitest';
import { lintRuleSet, parseGraph, type LintFinding, type RuleSetInput } from '../../src/index.js';
import { countIndicator as count, graphInput, lintCleanRules as clean, orgLadder } from './assess/helpers.js';

const GRAPH = parseGraph(graphInput());
const brief = (findings: readonly LintFinding[]) => findings.map((f) => [f.severity, f.code, f.path.join('.')]);

describe('warnings beside errors', () => {
  it('a semantic error (step above the points) keeps the sheet whole: points 101 and grades out of order are warned of too', () => {
    const base = clean();
    const ladder = orgLadder();
    const rules: RuleSetInput = {
      ...base,
      indicators: [
        ...base.indicators.slice(0, 2),
        // br-y at 41: branches sum to 60 + 41 = 101; its step of 50 is above its 41 points
        { ...count('br-y', 41, { organizations: ['branch'] }), scoring: { method: 'steps', steps: [{ atLeast: 1, points: 50 }] } },
      ],
      ladders: [{ ...ladder, grades: [...ladder.grades].reverse() }],
    };
    expect(brief(lintRuleSet(rules, GRAPH))).toEqual([
      ['error', 'step-exceeds-points', 'indicators.2.scoring.steps.0.points'],
      ['warning', 'lint-points-not-scale', 'indicators'],
      ['warning', 'lint-grade-order', 'ladders.0.grades'],
    ]);
  });

  it('an indicator that does not parse is left out, and the sum of points is then not warned of', () => {
    const base = clean();
    const rules = { ...base, recordTypes: [{ id: 'meeting', title: '会议' }], indicators: [...base.indicators, { ...count('typo', 1, { organizations: ['branch'] }, 'meetng'), points: -1 }, count('ok', 1, { organizations: ['branch'] }, 'publicty')] };
    expect(brief(lintRuleSet(rules, GRAPH))).toEqual([
      ['error', 'too-small', 'indicators.3.points'],
      // the record type typo of an indicator that parses; 60 + 40 + 1 ≠ 100 is not said, as indicator 3 is out
      ['warning', 'lint-unknown-record-type', 'indicators.4'],
    ]);
  });

  it('a wrong period (needed by everything) gives the errors alone', () => {
    const rules = { ...clean(), period: { year: 1 }, scale: 50 };
    expect(brief(lintRuleSet(rules, GRAPH))).toEqual([['error', 'too-small', 'period.year']]);
  });

  it('a wrong optional section is left out; a wrong ladder stops the no-ladder warning', () => {
    const base = clean();
    const rules = { ...base, ladders: [{ ...orgLadder(), grades: 'x' }], bonusCap: -1 };
    expect(brief(lintRuleSet(rules, GRAPH)).map(([s, c]) => `${s}:${c}`)).toEqual(['error:invalid-type', 'error:too-small']);
  });
});
