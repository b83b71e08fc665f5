// lintRuleSet: static checks of a rule set, with and without the graph.
import { describe, expect, it } from 'vitest';
import { lintRuleSet, parseGraph, ValidationError, type LintFinding, type RuleSetInput } from '../../../src/index.js';
import { bureau, countIndicator as count, fourGrades, graphInput, ind, lintCleanRules as clean, orgLadder, type IndicatorInput, type LadderInput } from './helpers.js';

const GRAPH = parseGraph(graphInput());


const brief = (findings: readonly LintFinding[]): [string, string, readonly (string | number)[]][] => findings.map((f) => [f.severity, f.code, f.path]);

describe('lintRuleSet', () => {
  it('a consistent rule set lints clean, with and without the graph', () => {
    expect(lintRuleSet(clean(), GRAPH)).toEqual([]);
  });

  it('a graph object parseGraph did not make is checked again from its contents, as assess does', () => {
    // a shallow copy lints as the graph does
    expect(lintRuleSet(clean(), { ...GRAPH } as typeof GRAPH)).toEqual([]);
    // one with a null post is refused at that post, not as 'organizations: expected array'
    const broken = { ...GRAPH, posts: [...GRAPH.posts, null] } as unknown as typeof GRAPH;
    let thrown: unknown;
    try {
      lintRuleSet(clean(), broken);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).subject).toBe('graph');
    expect((thrown as ValidationError).issues.map((i) => i.path)).toEqual([['posts', GRAPH.posts.length]]);
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

  it('without a graph, no 党小组书记: a group has no secretary (its leader is a team member)', () => {
    const messages = lintRuleSet(JSON.parse(JSON.stringify(bureau().rules)) as unknown).map((f) => f.message);
    expect(messages.some((m) => m.includes('党小组书记') || m.includes('党小组副书记'))).toBe(false);
    // the leading group's secretary is one a graph may have: still warned of
    expect(messages.some((m) => m.includes('党组书记'))).toBe(true);
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

    it('without bonusCap, the highest total is the scale plus every bonus indicator\'s own cap', () => {
      const bonuses = [ind({ id: 'award', bonus: { recordTypes: ['award'], each: 1, cap: 3 } }), ind({ id: 'praise', bonus: { recordTypes: ['praise'], each: 1, cap: 2 } })];
      // 100 + 3 + 2 = 105: a grade from 105 can be reached, one from 106 cannot.
      const at = (min: number): RuleSetInput => {
        const base = withGrades([{ id: 'star', title: '特优', min }, ...fourGrades()]);
        return { ...base, indicators: [...base.indicators, ...bonuses] };
      };
      expect(lintRuleSet(at(105), GRAPH)).toEqual([]);
      const findings = lintRuleSet(at(106), GRAPH);
      expect(brief(findings)).toEqual([['warning', 'lint-grade-unreachable', ['ladders', 0, 'grades', 0]]]);
      expect(findings[0]?.message).toContain('106 分高于可能的最高分 105 分');
    });

    it('subjects with indicators but no ladder', () => {
      const findings = lintRuleSet(clean({ ladders: [orgLadder(['committee'])] }), GRAPH);
      expect(brief(findings)).toEqual([['warning', 'lint-no-ladder', ['ladders']]]);
      expect(findings[0]?.message).toBe('党支部有考核指标但没有适用的等次序列，将不评定等次');
    });

    it('a quota that limits nothing (maxShare 1, or a fraction of 100%)', () => {
      for (const maxShare of [1, '1/1', '2/2', '7/7']) {
        expect(brief(lintRuleSet(clean({ quotas: [{ ladder: 'org', grade: 'good', maxShare }] }), GRAPH)), String(maxShare)).toEqual([
          ['warning', 'lint-quota-unbounded', ['quotas', 0, 'maxShare']],
        ]);
      }
      for (const maxShare of [0.99, '6/7']) expect(lintRuleSet(clean({ quotas: [{ ladder: 'org', grade: 'good', maxShare }] }), GRAPH), String(maxShare)).toEqual([]);
    });

    it('a share over 100% written as a fraction is an error, as a decimal one is', () => {
      const findings = lintRuleSet(clean({ quotas: [{ ladder: 'org', grade: 'good', maxShare: '3/2' }] }), GRAPH);
      expect(brief(findings)).toEqual([['error', 'quota-share-over-one', ['quotas', 0, 'maxShare']]]);
      expect(findings[0]?.message).toBe('名额比例「3/2」超过 100%：比例须在 0 到 1 之间');
      expect(lintRuleSet(clean({ quotas: [{ ladder: 'org', grade: 'good', maxShare: '3/2' }] }), GRAPH, { lang: 'en' })[0]?.message).toBe(
        'the quota\'s share "3/2" is over 100%: a share lies between 0 and 1',
      );
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

  it('a deadline whose due date lies outside the period (a sheet carried over from last year)', () => {
    const deadline = (due: string): IndicatorInput =>
      ind({ id: 'br-plan', appliesTo: { organizations: ['branch'] }, measure: { type: 'deadline', recordTypes: ['plan'], due, expected: 1 } });
    const rules = (due: string): RuleSetInput => {
      const base = clean();
      return { ...base, indicators: [...base.indicators, deadline(due)] };
    };
    for (const due of ['2022-01-01', '2022-03-31', '2022-12-31']) expect(lintRuleSet(rules(due), GRAPH), due).toEqual([]);
    for (const due of ['2021-12-31', '2023-01-01', '2021-03-31']) {
      const findings = lintRuleSet(rules(due), GRAPH);
      expect(brief(findings), due).toEqual([['warning', 'lint-due-outside-period', ['indicators', 3, 'measure', 'due']]]);
    }
    expect(lintRuleSet(rules('2021-03-31'), GRAPH)[0]?.message).toBe(
      '指标「br-plan」的完成时限 2021-03-31 不在考核期（2022年度）内：本期没有任务在该日到期，expected 规定的任务数也不计入',
    );
    expect(lintRuleSet(rules('2021-03-31'), GRAPH, { lang: 'en' })[0]?.message).toBe(
      'the due date 2021-03-31 of indicator "br-plan" lies outside the period (2022): no task of this period falls due then, and expected counts for nothing',
    );
  });

  describe('roll-ups that cannot read a rate', () => {
    const rollUp = (from: unknown[], appliesTo: IndicatorInput['appliesTo'] = { organizations: ['committee', 'branch'] }): IndicatorInput =>
      ind({ id: 'up', appliesTo, points: 10, measure: { type: 'roll-up', from } as never, scoring: { method: 'proportional' } });
    const withIndicators = (...extra: IndicatorInput[]): RuleSetInput => {
      const base = clean();
      return { ...base, indicators: [...base.indicators, ...extra] };
    };

    it('an indicator worth 0 points (it has no rate) is an error, whatever the source', () => {
      const award = ind({ id: 'award', appliesTo: { organizations: ['branch'] }, bonus: { recordTypes: ['award'], each: 1, cap: 3 } });
      for (const source of ['children', 'subtree', 'self']) {
        const findings = lintRuleSet(withIndicators(award, rollUp([{ source, weight: 1, of: ['br-x', 'award'] }])), GRAPH);
        // the warnings of the parts that parse follow the errors (points not adding up, here)
        expect(brief(findings).filter(([s]) => s === 'error'), source).toEqual([['error', 'rollup-reads-no-points', ['indicators', 4, 'measure', 'from', 0, 'of', 1]]]);
        expect(findings[0]?.message).toBe('汇总引用的指标「award」分值为 0，没有得分率可以汇总');
      }
    });

    it('its own result of an indicator that never applies to its subjects is an error (self)', () => {
      const secretary = ind({ id: 'sec', appliesTo: { posts: ['secretary'] }, points: 5, measure: { type: 'count', recordTypes: ['lecture'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } });
      const findings = lintRuleSet(withIndicators(secretary, rollUp([{ source: 'self', weight: 1, of: ['sec'] }], { organizations: ['branch'] })), GRAPH);
      expect(brief(findings).filter(([s]) => s === 'error')).toEqual([['error', 'rollup-self-not-own', ['indicators', 4, 'measure', 'from', 0, 'of', 0]]]);
      // cm-x applies to committees only: a branches' roll-up of it reads nothing either.
      expect(brief(lintRuleSet(withIndicators(rollUp([{ source: 'self', weight: 1, of: ['cm-x'] }], { organizations: ['branch'] })), GRAPH)).filter(([s]) => s === 'error')).toEqual([
        ['error', 'rollup-self-not-own', ['indicators', 3, 'measure', 'from', 0, 'of', 0]],
      ]);
      // Posts: the same role in a kind of organization both allow.
      const inBranch = ind({ id: 'sec-b', appliesTo: { posts: ['secretary'], in: ['branch'] }, points: 5, measure: { type: 'count', recordTypes: ['lecture'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } });
      const people = (appliesTo: IndicatorInput['appliesTo']) => brief(lintRuleSet(withIndicators(inBranch, rollUp([{ source: 'self', weight: 1, of: ['sec-b'] }], appliesTo)))).filter(([s]) => s === 'error');
      expect(people({ posts: ['secretary'], in: ['committee'] })).toEqual([['error', 'rollup-self-not-own', ['indicators', 4, 'measure', 'from', 0, 'of', 0]]]);
      expect(people({ posts: ['team-member'] })).toEqual([['error', 'rollup-self-not-own', ['indicators', 4, 'measure', 'from', 0, 'of', 0]]]);
      expect(people({ posts: ['secretary'] })).toEqual([]);
      expect(people({ posts: ['secretary', 'team-member'], in: ['branch', 'committee'] })).toEqual([]);
    });

    it('warns for each kind of subject its own indicators leave without a result (self, in part)', () => {
      // up applies to committees and branches; br-x to branches only: committees read nothing.
      const findings = lintRuleSet(withIndicators(rollUp([{ source: 'self', weight: 1, of: ['br-x'] }])), GRAPH);
      expect(brief(findings).filter(([, code]) => code === 'lint-rollup-self-missing')).toEqual([['warning', 'lint-rollup-self-missing', ['indicators', 3, 'measure', 'from', 0, 'of']]]);
      expect(findings.find((f) => f.code === 'lint-rollup-self-missing')?.message).toBe('指标「up」汇总本对象自身的结果，但所引用的指标都不适用于党委，对其读不到任何结果');
      // Reading one indicator for each kind: nothing to say.
      expect(lintRuleSet(withIndicators(rollUp([{ source: 'self', weight: 1, of: ['br-x', 'cm-x'] }])), GRAPH).filter((f) => f.code === 'lint-rollup-self-missing')).toEqual([]);
    });
  });

  describe('roll-ups of the organizations below that read nothing', () => {
    const up = (from: unknown[], kinds: ('committee' | 'general-branch' | 'branch' | 'group')[]): IndicatorInput =>
      ind({ id: 'up', appliesTo: { organizations: kinds }, points: 10, measure: { type: 'roll-up', from } as never, scoring: { method: 'proportional' } });
    const withIndicators = (...extra: IndicatorInput[]): RuleSetInput => {
      const base = clean();
      return { ...base, indicators: [...base.indicators, ...extra] };
    };
    const rollUpFindings = (findings: readonly LintFinding[]) => brief(findings).filter(([, code]) => code.startsWith('lint-rollup-'));

    it('children of: a branch\'s children are party groups, which br-x does not apply to (committees read their branches)', () => {
      const findings = lintRuleSet(withIndicators(up([{ source: 'children', weight: 1, of: ['br-x'] }], ['committee', 'branch'])));
      expect(rollUpFindings(findings)).toEqual([['warning', 'lint-rollup-of-not-below', ['indicators', 3, 'measure', 'from', 0, 'of']]]);
      expect(findings.find((f) => f.code === 'lint-rollup-of-not-below')?.message).toBe('指标「up」对党支部汇总直接下级组织的结果，但所引用的指标都不适用于党支部之下的党小组，对其读不到任何结果');
      // A general branch's subtree holds branches (and their groups): br-x is read there.
      expect(rollUpFindings(lintRuleSet(withIndicators(up([{ source: 'subtree', weight: 1, of: ['br-x'] }], ['committee', 'general-branch']))))).toEqual([]);
    });

    it('a party group has nothing below it: children or subtree reads nothing, with or without the graph', () => {
      for (const graph of [undefined, GRAPH]) {
        const findings = lintRuleSet(withIndicators(up([{ source: 'subtree', weight: 1 }], ['group'])), graph, { lang: 'en' });
        expect(rollUpFindings(findings)).toEqual([['warning', 'lint-rollup-nothing-below', ['indicators', 3, 'measure', 'from', 0, 'source']]]);
        expect(findings.find((f) => f.code === 'lint-rollup-nothing-below')?.message).toBe(
          'indicator "up" rolls up all the organizations below for each party group, but there is no organization below a party group: it reads nothing for them',
        );
      }
    });

    it('"total" reads every indicator with points: none applies to party groups, so a branch\'s children roll-up reads nothing', () => {
      expect(rollUpFindings(lintRuleSet(withIndicators(up([{ source: 'children', weight: 1 }], ['branch']))))).toEqual([
        ['warning', 'lint-rollup-of-not-below', ['indicators', 3, 'measure', 'from', 0, 'source']],
      ]);
      const groups = ind({ id: 'grp-x', appliesTo: { organizations: ['group'] }, points: 5, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } });
      expect(rollUpFindings(lintRuleSet(withIndicators(groups, up([{ source: 'children', weight: 1 }], ['branch']))))).toEqual([]);
    });

    it('with the graph, what lies below in it: a committee whose branches have no groups reads nothing of a groups\' indicator', () => {
      const groups = ind({ id: 'grp-x', appliesTo: { organizations: ['group'] }, points: 5, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } });
      const rules = withIndicators(groups, up([{ source: 'subtree', weight: 1, of: ['grp-x'] }], ['committee']));
      // cm > b1 > g1: the group is in cm's subtree.
      expect(rollUpFindings(lintRuleSet(rules, GRAPH))).toEqual([]);
      const input = graphInput();
      const noGroups = parseGraph({ ...input, organizations: input.organizations.filter((o) => o.kind !== 'group'), posts: input.posts.filter((p) => p.organization !== 'g1') });
      const findings = lintRuleSet(rules, noGroups);
      expect(rollUpFindings(findings)).toEqual([['warning', 'lint-rollup-of-not-below', ['indicators', 4, 'measure', 'from', 0, 'of']]]);
      expect(findings.find((f) => f.code === 'lint-rollup-of-not-below')?.message).toBe('指标「up」对党委汇总所有下级组织的结果，但所引用的指标都不适用于党委之下的党支部，对其读不到任何结果');
      // Without the graph a committee may have groups below (through its branches): nothing to say.
      expect(rollUpFindings(lintRuleSet(rules))).toEqual([]);
    });
  });

  it('a roll-up cycle is an error', () => {
    const selfOf = (id: string, of: string): IndicatorInput =>
      ind({ id, appliesTo: { organizations: ['committee'] }, points: 10, measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of: [of] }] }, scoring: { method: 'proportional' } });
    const findings = lintRuleSet(clean({ indicators: [...clean().indicators, selfOf('a', 'b'), selfOf('b', 'a')] }), GRAPH);
    expect(brief(findings).filter(([severity]) => severity === 'error')).toEqual([['error', 'rollup-cycle', ['indicators', 3, 'measure']]]);
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
