// lintRuleSet: static checks of a rule set, with and without the graph.
import { describe, expect, it } from 'vitest';
import { lintRuleSet, parseGraph, type LintFinding, type RuleSetInput } from '../../../src/index.js';
import { bureau, countIndicator as count, fourGrades, graphInput, ind, lintCleanRules as clean, orgLadder, type IndicatorInput, type LadderInput } from './helpers.js';

const GRAPH = parseGraph(graphInput());


const brief = (findings: readonly LintFinding[]): [string, string, readonly (string | number)[]][] => findings.map((f) => [f.severity, f.code, f.path]);

describe('lintRuleSet', () => {
  it('a consistent rule set lints clean, with and without the graph', () => {
    expect(lintRuleSet(clean(), GRAPH)).toEqual([]);
  });

  it('points not adding up to the scale, per kind of subject', () => {
    const rules = clean({ indicators: [count('cm-x', 100, { organizations: ['committee'] }), count('br-x', 60, { organizations: ['branch'] }), count('br-y', 30, { organizations: ['branch'] })] });
    const findings = lintRuleSet(rules, GRAPH);
    // branches: 60 + 30 = 90; the committee's 100 is fine
    expect(brief(findings)).toEqual([['warning', 'lint-points-not-scale', ['indicators']]]);
    expect(findings[0]?.message).toBe('适用于党支部的指标分值合计 90 分，与总分 100 分不一致（得分将按比例折算）');
    // on another scale the same sheet is off for both
    expect(brief(lintRuleSet({ ...rules, scale: 90 }, GRAPH)).map(([, code]) => code)).toEqual(['lint-points-not-scale']);
    expect(lintRuleSet({ ...rules, scale: 90 }, GRAPH)[0]?.message).toContain('党委');
  });

  it('points per post and kind of organization the post is in', () => {
    const rules = clean({
      indicators: [
        ...clean().indicators,
        count('sec-a', 40, { posts: ['secretary'] }, 'lecture'),
        count('sec-b', 60, { posts: ['secretary'], in: ['committee'] }, 'lecture'),
      ],
      ladders: [orgLadder(), { id: 'sec', title: '书记', appliesTo: { posts: ['secretary'] }, grades: fourGrades() }],
    });
    // committee secretaries: 40 + 60 = 100; branch secretaries: 40
    const findings = lintRuleSet(rules, GRAPH);
    expect(brief(findings)).toEqual([['warning', 'lint-points-not-scale', ['indicators']]]);
    expect(findings[0]?.message).toContain('党支部书记的指标分值合计 40 分');
  });

  it('a bonus-only or veto-only sheet (0 points) is not flagged', () => {
    const rules = clean({ indicators: [...clean().indicators, ind({ id: 'award', bonus: { recordTypes: ['award'], each: 1, cap: 3 } }), ind({ id: 'veto', veto: { recordTypes: ['case'] } })] });
    expect(lintRuleSet(rules, GRAPH)).toEqual([]);
  });

  describe('ladders', () => {
    const withGrades = (grades: LadderInput['grades'], extra: Partial<RuleSetInput> = {}): RuleSetInput =>
      clean({ ladders: [{ ...orgLadder(), grades }], ...extra });

    it('a gap at the bottom: the lowest grade starts above 0', () => {
      const grades = fourGrades();
      grades[3] = { id: 'poor', title: '差', min: 10 };
      const findings = lintRuleSet(withGrades(grades), GRAPH);
      expect(brief(findings)).toEqual([['warning', 'lint-grade-gap', ['ladders', 0, 'grades', 3, 'min']]]);
      expect(findings[0]?.message).toContain('在 0–10 分之间有空档');
    });

    it('a gap between grades left by a max', () => {
      const grades = fourGrades();
      grades[1] = { id: 'fairly-good', title: '较好', min: 80, max: 85 };
      const findings = lintRuleSet(withGrades(grades), GRAPH);
      expect(brief(findings)).toEqual([['warning', 'lint-grade-gap', ['ladders', 0, 'grades', 1]]]);
      expect(findings[0]?.message).toContain('85–90');
    });

    it('overlapping grades: the same min, or a max above the next min', () => {
      const same = fourGrades();
      same[2] = { id: 'average', title: '一般', min: 80 };
      expect(brief(lintRuleSet(withGrades(same), GRAPH))).toEqual([['warning', 'lint-grade-overlap', ['ladders', 0, 'grades', 2]]]);
      const over = fourGrades();
      over[1] = { id: 'fairly-good', title: '较好', min: 80, max: 95 };
      const findings = lintRuleSet(withGrades(over), GRAPH);
      expect(brief(findings)).toEqual([['warning', 'lint-grade-overlap', ['ladders', 0, 'grades', 1]]]);
      expect(findings[0]?.message).toBe('等次序列「org」的等次「good」与「fairly-good」分数区间重叠');
    });

    it('grades out of order (they must run from the highest down)', () => {
      const ascending = [...fourGrades()].reverse();
      expect(brief(lintRuleSet(withGrades(ascending), GRAPH))).toEqual([['warning', 'lint-grade-order', ['ladders', 0, 'grades']]]);
    });

    it('an unreachable grade: its min above the scale plus the bonus cap', () => {
      const grades: LadderInput['grades'] = [{ id: 'super', title: '特优', min: 106 }, ...fourGrades()];
      const findings = lintRuleSet(withGrades(grades, { bonusCap: 5 }), GRAPH);
      expect(brief(findings)).toEqual([['warning', 'lint-grade-unreachable', ['ladders', 0, 'grades', 0]]]);
      expect(findings[0]?.message).toContain('106 分高于可能的最高分 105 分');
      // 105 is reachable with the bonus
      const reachable: LadderInput['grades'] = [{ id: 'super', title: '特优', min: 105 }, ...fourGrades()];
      expect(lintRuleSet(withGrades(reachable, { bonusCap: 5 }), GRAPH)).toEqual([]);
    });

    it('subjects with indicators but no ladder', () => {
      const findings = lintRuleSet(clean({ ladders: [orgLadder(['committee'])] }), GRAPH);
      expect(brief(findings)).toEqual([['warning', 'lint-no-ladder', ['ladders']]]);
      expect(findings[0]?.message).toBe('党支部有考核指标但没有适用的等次序列，将不评定等次');
    });

    it('a quota that limits nothing (maxShare 1)', () => {
      expect(brief(lintRuleSet(clean({ quotas: [{ ladder: 'org', grade: 'good', maxShare: 1 }] }), GRAPH))).toEqual([
        ['warning', 'lint-quota-unbounded', ['quotas', 0, 'maxShare']],
      ]);
    });
  });

  it('an indicator applying to nothing in the graph (checked only with the graph)', () => {
    const rules = clean({
      indicators: [...clean().indicators, ind({ id: 'group-veto', appliesTo: { organizations: ['leading-group'] }, veto: { recordTypes: ['case'] } }), ind({ id: 'officer-veto', appliesTo: { posts: ['party-affairs-officer'] }, veto: { recordTypes: ['case'] } })],
    });
    const findings = lintRuleSet(rules, GRAPH);
    expect(brief(findings)).toEqual([
      ['warning', 'lint-no-subject', ['indicators', 3, 'appliesTo']],
      ['warning', 'lint-no-subject', ['indicators', 4, 'appliesTo']],
    ]);
    expect(findings[0]?.message).toBe('指标「group-veto」在组织关系图中没有适用的考核对象');
    expect(lintRuleSet(rules).filter((f) => f.code === 'lint-no-subject')).toEqual([]);
  });

  it('a record type not declared (measure, bonus or veto), when the rule set declares its types', () => {
    const indicators = [
      count('cm-x', 100, { organizations: ['committee'] }),
      count('br-x', 60, { organizations: ['branch'] }, 'meetnig'),
      count('br-y', 40, { organizations: ['branch'] }),
      ind({ id: 'award', bonus: { recordTypes: ['award'], each: 1, cap: 3 } }),
      ind({ id: 'veto', veto: { recordTypes: ['case', 'meeting'] } }),
    ];
    const declared = clean({ indicators, recordTypes: [{ id: 'meeting', title: '会议' }, { id: 'case', title: '案件' }] });
    const findings = lintRuleSet(declared, GRAPH);
    expect(brief(findings)).toEqual([
      ['warning', 'lint-unknown-record-type', ['indicators', 1]],
      ['warning', 'lint-unknown-record-type', ['indicators', 3]],
    ]);
    expect(findings[0]?.message).toContain('「meetnig」');
    // nothing declared: nothing to compare against
    expect(lintRuleSet(clean({ indicators }), GRAPH)).toEqual([]);
  });

  it('a quota on an unknown grade or ladder is an error', () => {
    const findings = lintRuleSet(
      clean({
        quotas: [
          { ladder: 'org', grade: 'excellent', maxShare: 0.2 },
          { ladder: 'nope', grade: 'good', maxShare: 0.2 },
        ],
      }),
      GRAPH,
    );
    expect(brief(findings)).toEqual([
      ['error', 'unknown-grade', ['quotas', 0, 'grade']],
      ['error', 'unknown-ladder', ['quotas', 1, 'ladder']],
    ]);
    expect(findings[0]?.message).toBe('等次序列「org」中没有等次「excellent」');
  });

  it('a roll-up cycle is an error', () => {
    const selfOf = (id: string, of: string): IndicatorInput =>
      ind({ id, appliesTo: { organizations: ['committee'] }, points: 0, measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of: [of] }] }, scoring: { method: 'proportional' } });
    const findings = lintRuleSet(clean({ indicators: [...clean().indicators, selfOf('a', 'b'), selfOf('b', 'a')] }), GRAPH);
    expect(brief(findings)).toEqual([['error', 'rollup-cycle', ['indicators', 3, 'measure']]]);
    expect(findings[0]?.message).toBe('汇总指标循环引用：a → b → a');
  });

  it('input that is not a rule set at all: every schema error, as errors', () => {
    const findings = lintRuleSet({ id: 'x', title: 't', version: '1', period: { year: 2022 }, indicators: [] });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(findings.map((f) => f.path)).toContainEqual(['indicators']);
  });

  it('messages in English', () => {
    const rules = clean({ ladders: [orgLadder(['committee'])] });
    expect(lintRuleSet(rules, GRAPH, { lang: 'en' })[0]?.message).toBe('branch have indicators but no ladder: they will not be graded');
  });

  it('findings come in a fixed order: errors first, then by path', () => {
    // several warnings at once: no-subject (indicators 3), unknown record type (indicators 1),
    // points (indicators), no ladder (ladders), grade order (ladders 0), unbounded quota (quotas 0)
    const rules = clean({
      recordTypes: [{ id: 'meeting', title: '会议' }],
      indicators: [
        count('cm-x', 100, { organizations: ['committee'] }),
        count('br-x', 50, { organizations: ['branch'] }, 'typo'),
        count('br-y', 40, { organizations: ['branch'] }),
        ind({ id: 'group-veto', appliesTo: { organizations: ['leading-group'] }, veto: { recordTypes: ['meeting'] } }),
      ],
      ladders: [{ ...orgLadder(['committee']), grades: [...fourGrades()].reverse() }],
      quotas: [{ ladder: 'org', grade: 'good', maxShare: 1 }],
    });
    const findings = lintRuleSet(rules, GRAPH);
    expect(new Set(findings.map((f) => f.code))).toEqual(
      new Set(['lint-points-not-scale', 'lint-no-ladder', 'lint-grade-order', 'lint-no-subject', 'lint-unknown-record-type', 'lint-quota-unbounded']),
    );
    const key = (path: readonly (string | number)[]): string => path.map((p) => (typeof p === 'number' ? String(p).padStart(6, '0') : p)).join('\u0000');
    const sorted = [...findings].sort((a, b) => (key(a.path) < key(b.path) ? -1 : key(a.path) > key(b.path) ? 1 : 0));
    // Regression (was a bug in lint.ts): the doc promises "errors first, then by path"; the warnings come out in
    // the order the checks run (profiles, ladders, then indicators, then quotas), so
    // ['indicators', 3, 'appliesTo'] follows ['ladders', 0, 'grades'].
    expect(findings.map((f) => f.path)).toEqual(sorted.map((f) => f.path));
  });
});

describe('the bureau rule set', () => {
  it('lints clean with its graph', () => {
    const { graph, rules } = bureau();
    expect(lintRuleSet(rules, parseGraph(graph))).toEqual([]);
  });
});
