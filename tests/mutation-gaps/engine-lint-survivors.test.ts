// Behaviour of src/engine/lint.ts, src/engine/check-accountability.ts and src/engine/rollup-deps.ts
// that the mutation run over those files (see TESTING.md) left Survived or NoCoverage and that, on
// review, no existing test pinned down. Each expectation is worked out by hand from the inputs
// beside it; the graph and helpers of the lint and roll-up scenarios are those of
// tests/engine/assess/helpers.ts, those of the accountability section tests/accountability/helpers.ts.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { lintRuleSet, parseGraph, parseRuleSet, type Issue, type LintFinding, type RuleSetInput } from '../../src/index.js';
import {
  ind as accInd,
  PLACEHOLDER,
  rule,
  ruleSet as accRuleSet,
  thrown as accThrown,
  type AccountabilityInput,
  type AccountabilityRuleInput,
} from '../accountability/helpers.js';
import { countIndicator as count, fourGrades, graphInput, ind, lintCleanRules as clean, orgLadder, ruleSet, thrown, type IndicatorInput, type LadderInput } from '../engine/assess/helpers.js';


const brief = (findings: readonly LintFinding[]): [string, string, readonly (string | number)[], string][] => findings.map((f) => [f.severity, f.code, f.path, f.message]);

/** A window indicator (0 points, branches) on `from`–`to`. */
const windowOf = (id: string, from: string, to: string, type = 'meeting'): IndicatorInput =>
  ind({ id, measure: { type: 'window', recordTypes: [type], from, to }, scoring: { method: 'all-or-nothing' } });

describe('lint.ts', () => {
  it('a kind of subject whose indicators are all worth 0 points is not flagged for its sum', () => {
    // secretaries (of the committee and of branches) have only a 0-point veto: sum 0, not compared with 100
    const graph = parseGraph(graphInput());
    const rules = clean({
      indicators: [...clean().indicators, ind({ id: 'sec-veto', appliesTo: { posts: ['secretary'] }, veto: { recordTypes: ['case'] } })],
      ladders: [orgLadder(), { id: 'sec', title: '书记', appliesTo: { posts: ['secretary'] }, grades: fourGrades() }],
    });
    expect(lintRuleSet(rules, graph)).toEqual([]);
  });

  it('a sum exactly 1e-9 off the scale is within the tolerance; further off is flagged', () => {
    // scale 1e-9 and one indicator of 2e-9: |2e-9 − 1e-9| is exactly 1e-9 in floating point
    const graph = parseGraph(graphInput());
    const sheet = (points: number): RuleSetInput => ruleSet([count('cm-x', points, { organizations: ['committee'] })], { scale: 1e-9, ladders: [orgLadder(['committee'])] });
    const sums = (points: number): LintFinding['path'][] => lintRuleSet(sheet(points), graph).filter((f) => f.code === 'lint-points-not-scale').map((f) => f.path);
    expect(sums(2e-9)).toEqual([]);
    expect(sums(3e-9)).toEqual([['indicators']]);
  });

  it('each (post, kind of organization) seat in the graph is checked on its own', () => {
    // secretaries of the committee and of branches: 40 each; team members (all in the committee): 40
    const graph = parseGraph(graphInput());
    const rules = clean({
      indicators: [...clean().indicators, count('sec', 40, { posts: ['secretary'] }, 'lecture'), count('tm', 40, { posts: ['team-member'] }, 'lecture')],
      ladders: [orgLadder(), { id: 'post', title: '职务', appliesTo: { posts: ['secretary', 'team-member'] }, grades: fourGrades() }],
    });
    expect(lintRuleSet(rules, graph).map((f) => f.message).sort()).toEqual(
      [
        '适用于党委书记的指标分值合计 40 分，与总分 100 分不一致（得分将按比例折算）',
        '适用于党委委员的指标分值合计 40 分，与总分 100 分不一致（得分将按比例折算）',
        '适用于党支部书记的指标分值合计 40 分，与总分 100 分不一致（得分将按比例折算）',
      ].sort(),
    );
  });

  it('the label of a post in English: "the secretary post in a branch"', () => {
    // committee secretaries: 40 + 60 = 100; branch secretaries: 40
    const graph = parseGraph(graphInput());
    const rules = clean({
      indicators: [...clean().indicators, count('sec-a', 40, { posts: ['secretary'] }, 'lecture'), count('sec-b', 60, { posts: ['secretary'], in: ['committee'] }, 'lecture')],
      ladders: [orgLadder(), { id: 'sec', title: '书记', appliesTo: { posts: ['secretary'] }, grades: fourGrades() }],
    });
    expect(brief(lintRuleSet(rules, graph, { lang: 'en' }))).toEqual([
      ['warning', 'lint-points-not-scale', ['indicators'], 'indicators for the secretary post in a branch add up to 40, not the scale of 100 (scores will be scaled)'],
    ]);
    expect(brief(lintRuleSet(rules, graph))).toEqual([['warning', 'lint-points-not-scale', ['indicators'], '适用于党支部书记的指标分值合计 40 分，与总分 100 分不一致（得分将按比例折算）']]);
  });

  it('errors of a rule set that does not parse are in the language asked for', () => {
    const rules = clean({ quotas: [{ ladder: 'nope', grade: 'good', maxShare: 0.2 }] });
    expect(brief(lintRuleSet(rules, undefined, { lang: 'en' }))).toEqual([['error', 'unknown-ladder', ['quotas', 0, 'ladder'], 'ladder "nope" does not exist']]);
    expect(brief(lintRuleSet(rules))).toEqual([['error', 'unknown-ladder', ['quotas', 0, 'ladder'], '等次序列「nope」不存在']]);
  });

  it('grades out of order name the ladder', () => {
    const graph = parseGraph(graphInput());
    const rules = clean({ ladders: [{ ...orgLadder(), grades: [...fourGrades()].reverse() }] });
    expect(brief(lintRuleSet(rules, graph))).toEqual([['warning', 'lint-grade-order', ['ladders', 0, 'grades'], '等次序列「org」应按分数从高到低排列']]);
  });

  it('two grades with the same min overlap: the message names the ladder and both grades', () => {
    // 较好 and 一般 both start at 80; listed in that order, 较好 is taken as the one above
    const graph = parseGraph(graphInput());
    const grades = fourGrades();
    grades[2] = { id: 'average', title: '一般', min: 80 };
    const rules = clean({ ladders: [{ ...orgLadder(), grades }] });
    expect(brief(lintRuleSet(rules, graph))).toEqual([['warning', 'lint-grade-overlap', ['ladders', 0, 'grades', 2], '等次序列「org」的等次「fairly-good」与「average」分数区间重叠']]);
  });

  it('a max on the top grade, and a max equal to the next min, are neither a gap nor an overlap', () => {
    const graph = parseGraph(graphInput());
    const grades: LadderInput['grades'] = [
      { id: 'good', title: '好', min: 90, max: 100 },
      { id: 'fairly-good', title: '较好', min: 80, max: 90 },
      { id: 'average', title: '一般', min: 60, max: 80 },
      { id: 'poor', title: '差', min: 0 },
    ];
    expect(lintRuleSet(clean({ ladders: [{ ...orgLadder(), grades }] }), graph)).toEqual([]);
  });

  it('a window is outside the period only when it ends before the first day or starts after the last', () => {
    const graph = parseGraph(graphInput());
    const rules = clean({
      indicators: [
        ...clean().indicators,
        windowOf('ends-on-first-day', '2021-12-01', '2022-01-01'),
        windowOf('starts-on-last-day', '2022-12-31', '2023-01-15'),
        windowOf('after', '2023-01-01', '2023-01-31'),
        windowOf('before', '2021-11-01', '2021-12-31'),
      ],
    });
    // The two touching the period by one day are partly outside it (lint-window-partly-outside-period).
    expect(brief(lintRuleSet(rules, graph))).toEqual([
      ['warning', 'lint-window-partly-outside-period', ['indicators', 3, 'measure'], '指标「ends-on-first-day」的时间窗口 2021-12-01 至 2022-01-01 只有一部分在考核期（2022年度）内：窗口内、考核期外的记录本期不计入，在窗口内完成的也可能判为未达标'],
      ['warning', 'lint-window-partly-outside-period', ['indicators', 4, 'measure'], '指标「starts-on-last-day」的时间窗口 2022-12-31 至 2023-01-15 只有一部分在考核期（2022年度）内：窗口内、考核期外的记录本期不计入，在窗口内完成的也可能判为未达标'],
      ['warning', 'lint-window-outside-period', ['indicators', 5, 'measure'], '指标「after」的时间窗口 2023-01-01 至 2023-01-31 不在考核期（2022年度）内，永远无法完成'],
      ['warning', 'lint-window-outside-period', ['indicators', 6, 'measure'], '指标「before」的时间窗口 2021-11-01 至 2021-12-31 不在考核期（2022年度）内，永远无法完成'],
    ]);
  });

  it("a quota of '1/1' limits nothing; a share of 1 with a maxCount does limit", () => {
    const graph = parseGraph(graphInput());
    const rules = clean({
      quotas: [
        { ladder: 'org', grade: 'good', maxShare: '1/1' },
        { ladder: 'org', grade: 'fairly-good', maxShare: 1, maxCount: 3 },
      ],
    });
    expect(brief(lintRuleSet(rules, graph))).toEqual([['warning', 'lint-quota-unbounded', ['quotas', 0, 'maxShare'], '名额限制「good」的比例为 100%，不起限制作用']]);
    expect(lintRuleSet(rules, graph, { lang: 'en' })[0]?.message).toBe('the quota on "good" is 100%: it limits nothing');
  });

  it('findings sort indices as numbers (2 before 10), a path before the longer paths it begins, names as text', () => {
    // checks run ladders first, then windows, then record types, so the findings arrive as
    // [ladders 0 grades], [indicators 10 measure], [indicators 2], [indicators 10]
    const graph = parseGraph(graphInput());
    const vetoes = [3, 4, 5, 6, 7, 8, 9].map((n) => ind({ id: `v${n}`, veto: { recordTypes: ['meeting'] } }));
    const rules = ruleSet(
      [
        count('cm-x', 100, { organizations: ['committee'] }),
        count('br-x', 60, { organizations: ['branch'] }),
        count('br-y', 40, { organizations: ['branch'] }, 'typo2'),
        ...vetoes,
        windowOf('late', '2023-02-01', '2023-02-28', 'typo10'),
      ],
      { recordTypes: [{ id: 'meeting', title: '会议' }], ladders: [{ ...orgLadder(), grades: [...fourGrades()].reverse() }] },
    );
    expect(lintRuleSet(rules, graph).map((f) => [f.code, f.path])).toEqual([
      ['lint-unknown-record-type', ['indicators', 2]],
      ['lint-unknown-record-type', ['indicators', 10]],
      ['lint-window-outside-period', ['indicators', 10, 'measure']],
      ['lint-grade-order', ['ladders', 0, 'grades']],
    ]);
  });
});

describe('check-accountability.ts', () => {
  const meetings = accInd({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'all-or-nothing' } });
  const veto = (id: string): AccountabilityRuleInput => rule(id, { type: 'veto' }, [{ to: 'team' }]);
  /** code, path, params and message of each issue. */
  const full = (issues: readonly Issue[]): unknown[] => issues.map((i) => [i.code, i.path, i.params, i.message]);
  const refused = (section: AccountabilityInput, lang: 'zh' | 'en' = 'zh', extra: Partial<RuleSetInput> = {}): readonly Issue[] =>
    accThrown(() => parseRuleSet(accRuleSet([PLACEHOLDER, meetings], section, extra), { lang })).issues;

  it('an unknown form names its ladder: organization for a reach step and supervision, person for ineligibleFrom', () => {
    const section: AccountabilityInput = {
      rules: [rule('a', { type: 'veto' }, [{ to: 'team', form: { organization: 'dissolution' } }])],
      ineligibleFrom: 'exile',
      supervision: { id: 'sup', title: '监督不力', minShare: 0.5, form: 'admonishment' },
    };
    expect(full(refused(section))).toEqual([
      ['unknown-form', ['accountability', 'rules', 0, 'reach', 0, 'form', 'organization'], { id: 'dissolution', ladder: 'organization' }, '问责形式「dissolution」不在党组织问责形式梯度中'],
      ['unknown-form', ['accountability', 'ineligibleFrom'], { id: 'exile', ladder: 'person' }, '问责形式「exile」不在个人问责形式梯度中'],
      ['unknown-form', ['accountability', 'supervision', 'form'], { id: 'admonishment', ladder: 'organization' }, '问责形式「admonishment」不在党组织问责形式梯度中'],
    ]);
    expect(refused(section, 'en').map((i) => i.message)).toEqual([
      'form "dissolution" is not on the organization ladder of forms',
      'form "exile" is not on the person ladder of forms',
      'form "admonishment" is not on the organization ladder of forms',
    ]);
  });

  it('a duplicate rule id: what it is and where it first was, in both languages', () => {
    const section: AccountabilityInput = { rules: [veto('a'), veto('b'), veto('a')] };
    expect(full(refused(section))).toEqual([
      ['duplicate-rule-id', ['accountability', 'rules', 2, 'id'], { id: 'a', what: '问责规则', first: 'accountability.rules[0]' }, '问责规则编号「a」重复（首次出现在 accountability.rules[0]）'],
    ]);
    expect(full(refused(section, 'en'))).toEqual([
      ['duplicate-rule-id', ['accountability', 'rules', 2, 'id'], { id: 'a', what: 'accountability rule', first: 'accountability.rules[0]' }, 'duplicate accountability rule id "a" (first at accountability.rules[0])'],
    ]);
  });

  it('a supervision id equal to a rule id points at that rule, in both languages', () => {
    const section: AccountabilityInput = { rules: [veto('a'), veto('x')], supervision: { id: 'x', title: 'x', minShare: 0.5 } };
    expect(full(refused(section))).toEqual([
      ['duplicate-rule-id', ['accountability', 'supervision', 'id'], { id: 'x', what: '问责规则', first: 'accountability.rules[1]' }, '问责规则编号「x」重复（首次出现在 accountability.rules[1]）'],
    ]);
    expect(full(refused(section, 'en'))).toEqual([
      ['duplicate-rule-id', ['accountability', 'supervision', 'id'], { id: 'x', what: 'accountability rule', first: 'accountability.rules[1]' }, 'duplicate accountability rule id "x" (first at accountability.rules[1])'],
    ]);
  });

  it('triggers naming what does not exist carry its id; a lowest-grade trigger on an existing ladder is accepted', () => {
    const ladder = { id: 'org', title: '党组织等次', appliesTo: { organizations: ['branch' as const] }, grades: fourGrades() };
    const section: AccountabilityInput = {
      rules: [
        rule('d', { type: 'shortfall', indicator: 'ghost' }, [{ to: 'team' }]),
        rule('c', { type: 'deadline-open', indicator: 'meetings' }, [{ to: 'team' }]),
        rule('e', { type: 'lowest-grade', ladder: 'ghost' }, [{ to: 'team' }]),
        rule('f', { type: 'lowest-grade', ladder: 'org' }, [{ to: 'team' }]),
      ],
    };
    expect(full(refused(section, 'zh', { ladders: [ladder] }))).toEqual([
      ['unknown-indicator', ['accountability', 'rules', 0, 'trigger', 'indicator'], { id: 'ghost' }, '指标「ghost」不存在'],
      ['trigger-not-deadline', ['accountability', 'rules', 1, 'trigger', 'indicator'], { id: 'meetings' }, '指标「meetings」不是时限类（deadline）指标，不能用作“逾期未完成”触发条件'],
      ['unknown-ladder', ['accountability', 'rules', 2, 'trigger', 'ladder'], { id: 'ghost' }, '等次序列「ghost」不存在'],
    ]);
  });

  it('a deadline-open trigger on an indicator without a measure (veto only) is not a deadline', () => {
    const section: AccountabilityInput = { rules: [rule('open', { type: 'deadline-open', indicator: 'placeholder' }, [{ to: 'team' }])] };
    expect(full(refused(section))).toEqual([
      ['trigger-not-deadline', ['accountability', 'rules', 0, 'trigger', 'indicator'], { id: 'placeholder' }, '指标「placeholder」不是时限类（deadline）指标，不能用作“逾期未完成”触发条件'],
    ]);
  });
});

describe('rollup-deps.ts', () => {
  const CM = { organizations: ['committee' as const] };
  const selfOf = (id: string, of: 'total' | string[]): IndicatorInput =>
    ind({ id, appliesTo: CM, points: 10, measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of }] }, scoring: { method: 'proportional' } });

  it("two self roll-ups with of: 'total' written out read each other: a cycle", () => {
    const error = thrown(() => parseRuleSet(ruleSet([count('x', 80, CM), selfOf('own-a', 'total'), selfOf('own-b', 'total')])));
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([['rollup-cycle', ['indicators', 1, 'measure'], { cycle: 'own-a → own-b → own-a' }]]);
  });

  it('a cycle reached again from a later roll-up is reported once', () => {
    // a ↔ b is found from a; c reads a, which is already done: nothing new
    const error = thrown(() => parseRuleSet(ruleSet([selfOf('a', ['b']), selfOf('b', ['a']), selfOf('c', ['a'])])));
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([['rollup-cycle', ['indicators', 0, 'measure'], { cycle: 'a → b → a' }]]);
  });
});
