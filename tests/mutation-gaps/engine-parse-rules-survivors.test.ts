// Behaviour of src/engine/parse-rules.ts (the checks parseRuleSet makes after the schema) that a
// mutation run over that file (see TESTING.md) left Survived or NoCoverage and that, on review, no
// existing test pinned down: each check's code, path, params and message, the zh / en names of
// what is duplicated, which subjects a structure fact or a roll-up source fits, and the guards of
// safeParseRuleSet. Each expectation is worked out by hand from the inputs beside it; the rule
// set helpers are those of tests/engine/assess/helpers.ts.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { parseRuleSet, safeParseRuleSet, type Issue, type RuleSetInput } from '../../src/index.js';
import { fourGrades, ind, orgLadder, ruleSet, thrown, type IndicatorInput } from '../engine/assess/helpers.js';

/** A 0-point count indicator: valid alone, raises nothing. */
const countInd = (id: string, fields: Partial<IndicatorInput> = {}): IndicatorInput =>
  ind({ id, measure: { type: 'count', recordTypes: ['x'], atLeast: 1 }, ...fields });

/** A 5-point count indicator, all or nothing: one a roll-up can read (a 0-point line has no rate). */
const scoredInd = (id: string, fields: Partial<IndicatorInput> = {}): IndicatorInput => countInd(id, { points: 5, scoring: { method: 'all-or-nothing' }, ...fields });

/** The same, for branch secretaries (a person subject). */
const personInd = (id: string, fields: Partial<IndicatorInput> = {}): IndicatorInput => scoredInd(id, { appliesTo: { posts: ['secretary'] }, ...fields });

/** Every issue parseRuleSet raises, as [code, path, params, message]. */
const issuesOf = (rules: RuleSetInput, lang?: 'zh' | 'en'): [string, Issue['path'], Issue['params'], string][] =>
  thrown(() => parseRuleSet(rules, lang === undefined ? {} : { lang })).issues.map((i) => [i.code, i.path, i.params, i.message]);

/** One of everything that can be duplicated: indicators, ladders, grades, sources, record types, assessor groups. */
const duplicated = (): RuleSetInput =>
  ruleSet(
    [
      countInd('a'),
      countInd('a'),
      ind({ id: 'm', measure: { type: 'manual', scale: 100, groups: [{ id: 'g', weight: 1 }, { id: 'g', weight: 2 }] } }),
    ],
    {
      ladders: [orgLadder(), { ...orgLadder(), grades: [...fourGrades(), { id: 'good', title: '又好', min: 0 }] }],
      sources: [
        { id: 's', complete: true, recordTypes: ['x'] },
        { id: 's', complete: false, recordTypes: ['x'] },
      ],
      recordTypes: [
        { id: 'x', title: '记录' },
        { id: 'x', title: '又一记录' },
      ],
    },
  );

describe('parse-rules.ts: duplicate ids', () => {
  it('names each duplicate in Chinese, with its path and the path of the first', () => {
    // indicators, ladders, sources, record types, the grades of each ladder, then per indicator (groups)
    expect(issuesOf(duplicated())).toEqual([
      ['duplicate-rule-id', ['indicators', 1, 'id'], { id: 'a', what: '指标', first: 'indicators[0]' }, '指标编号「a」重复（首次出现在 indicators[0]）'],
      ['duplicate-rule-id', ['ladders', 1, 'id'], { id: 'org', what: '等次序列', first: 'ladders[0]' }, '等次序列编号「org」重复（首次出现在 ladders[0]）'],
      ['duplicate-rule-id', ['sources', 1, 'id'], { id: 's', what: '数据来源', first: 'sources[0]' }, '数据来源编号「s」重复（首次出现在 sources[0]）'],
      ['duplicate-rule-id', ['recordTypes', 1, 'id'], { id: 'x', what: '记录类型', first: 'recordTypes[0]' }, '记录类型编号「x」重复（首次出现在 recordTypes[0]）'],
      ['duplicate-rule-id', ['ladders', 1, 'grades', 4, 'id'], { id: 'good', what: '等次', first: 'ladders[1].grades[0]' }, '等次编号「good」重复（首次出现在 ladders[1].grades[0]）'],
      [
        'duplicate-rule-id',
        ['indicators', 2, 'measure', 'groups', 1, 'id'],
        { id: 'g', what: '评分组', first: 'indicators[2].measure.groups[0]' },
        '评分组编号「g」重复（首次出现在 indicators[2].measure.groups[0]）',
      ],
    ]);
  });

  it('names each duplicate in English with lang: en', () => {
    expect(issuesOf(duplicated(), 'en').map(([, path, params, message]) => [path.join('.'), params['what'], message])).toEqual([
      ['indicators.1.id', 'indicator', 'duplicate indicator id "a" (first at indicators[0])'],
      ['ladders.1.id', 'ladder', 'duplicate ladder id "org" (first at ladders[0])'],
      ['sources.1.id', 'source', 'duplicate source id "s" (first at sources[0])'],
      ['recordTypes.1.id', 'record type', 'duplicate record type id "x" (first at recordTypes[0])'],
      ['ladders.1.grades.4.id', 'grade', 'duplicate grade id "good" (first at ladders[1].grades[0])'],
      ['indicators.2.measure.groups.1.id', 'assessor group', 'duplicate assessor group id "g" (first at indicators[2].measure.groups[0])'],
    ]);
  });

  it('a roll-up reference to a duplicated id is checked against the first indicator of that id', () => {
    // the first 'x' is a branch indicator, the second a person one: reading the first, children
    // of 'x' is a valid organization roll-up; only the duplicate itself is an issue
    const rollUp = ind({ id: 'r', measure: { type: 'roll-up', from: [{ source: 'children', weight: 1, of: ['x'] }] } });
    expect(issuesOf(ruleSet([scoredInd('x'), personInd('x'), rollUp])).map(([code, path]) => [code, path])).toEqual([
      ['duplicate-rule-id', ['indicators', 1, 'id']],
    ]);
    // the other way round the first 'x' is a person indicator, so the roll-up is refused
    expect(issuesOf(ruleSet([personInd('x'), scoredInd('x'), rollUp])).map(([code, path]) => [code, path])).toEqual([
      ['duplicate-rule-id', ['indicators', 1, 'id']],
      ['rollup-subject-mismatch', ['indicators', 2, 'measure', 'from', 0, 'of', 0]],
    ]);
  });
});

describe('parse-rules.ts: one indicator', () => {
  it('an indicator with no measure, bonus or veto is empty', () => {
    expect(issuesOf(ruleSet([ind({ id: 'e' })]))).toEqual([
      ['empty-indicator', ['indicators', 0], { id: 'e' }, '指标「e」既无计量、也无加分或一票否决，不起任何作用'],
    ]);
    // a veto alone is not empty
    expect(() => parseRuleSet(ruleSet([ind({ id: 'v', veto: { recordTypes: ['case'] } })]))).not.toThrow();
  });

  it('points without a measure need a measure; points with a measure need a scoring method', () => {
    const bonus = { recordTypes: ['award'], each: 1, cap: 2 };
    expect(issuesOf(ruleSet([ind({ id: 'm', points: 5, bonus }), countInd('s', { points: 7 })]))).toEqual([
      ['measure-required', ['indicators', 0, 'measure'], { id: 'm', points: 5 }, '指标「m」分值为 5，须给出 measure（计量方式）'],
      ['scoring-required', ['indicators', 1, 'scoring'], { id: 's', points: 7 }, '指标「s」分值为 7，须给出 scoring（计分方法）'],
    ]);
    expect(issuesOf(ruleSet([ind({ id: 'm', points: 5, bonus })]), 'en')[0]?.[3]).toBe('indicator "m" is worth 5 points and needs a measure');
  });

  it('a step worth more than the indicator is refused; a step worth exactly its points is not', () => {
    const scoring = { method: 'steps' as const, steps: [{ atLeast: 1, points: 5 }, { atLeast: 2, points: 10 }, { atLeast: 3, points: 12 }] };
    expect(issuesOf(ruleSet([countInd('st', { points: 10, scoring })]))).toEqual([
      ['step-exceeds-points', ['indicators', 0, 'scoring', 'steps', 2, 'points'], { step: 12, points: 10 }, '计分档位 12 分超过指标分值 10 分'],
    ]);
  });

  it('a bonus with neither each nor byAttribute is refused at the bonus', () => {
    expect(issuesOf(ruleSet([countInd('b', { bonus: { recordTypes: ['award'], cap: 3 } })]))).toEqual([
      ['bonus-amount', ['indicators', 0, 'bonus'], {}, '加分须且只能给出 each（每条加分）或 byAttribute（按属性加分）之一'],
    ]);
  });

  it('a window from after its to is refused at `to`; a one-day window is not', () => {
    const window = (from: string, to: string): IndicatorInput['measure'] => ({ type: 'window', recordTypes: ['x'], from, to });
    expect(issuesOf(ruleSet([ind({ id: 'w1', measure: window('2022-06-01', '2022-06-01') }), ind({ id: 'w2', measure: window('2022-06-01', '2022-05-31') })]))).toEqual([
      ['range-reversed', ['indicators', 1, 'measure', 'to'], { from: '2022-06-01', to: '2022-05-31' }, '起始日期 2022-06-01 晚于结束日期 2022-05-31'],
    ]);
  });
});

describe('parse-rules.ts: which subjects a structure fact or a roll-up fits', () => {
  it('organization facts on organizations and person facts on people are accepted', () => {
    const structure = (fact: 'secretary-in-post' | 'team-size' | 'has-oversight-area' | 'has-liaison-point'): IndicatorInput['measure'] => ({ type: 'structure', fact });
    const rules = ruleSet([
      ind({ id: 'o1', measure: structure('secretary-in-post') }),
      ind({ id: 'o2', measure: structure('team-size') }),
      ind({ id: 'p1', appliesTo: { posts: ['team-member'] }, measure: structure('has-oversight-area') }),
      ind({ id: 'p2', appliesTo: { posts: ['team-member'] }, measure: structure('has-liaison-point') }),
    ]);
    expect(() => parseRuleSet(rules)).not.toThrow();
  });

  it('a person fact on organizations, or an organization fact on people, is refused with the subject', () => {
    const rules = ruleSet([
      ind({ id: 'o', measure: { type: 'structure', fact: 'has-oversight-area' } }),
      ind({ id: 'p', appliesTo: { posts: ['secretary'] }, measure: { type: 'structure', fact: 'secretary-in-post' } }),
    ]);
    expect(issuesOf(rules)).toEqual([
      ['structure-subject', ['indicators', 0, 'measure', 'fact'], { fact: 'has-oversight-area', subject: 'organization' }, '组织结构事实「has-oversight-area」不适用于党组织考核对象'],
      ['structure-subject', ['indicators', 1, 'measure', 'fact'], { fact: 'secretary-in-post', subject: 'person' }, '组织结构事实「secretary-in-post」不适用于人员考核对象'],
    ]);
    expect(issuesOf(rules, 'en').map(([, , , message]) => message)).toEqual([
      'structure fact "has-oversight-area" does not apply to organization subjects',
      'structure fact "secretary-in-post" does not apply to person subjects',
    ]);
  });

  it('every roll-up source allowed for its subject is accepted', () => {
    const rollUp = (sources: ('children' | 'subtree' | 'self' | 'oversight' | 'liaison' | 'led-organizations')[]): IndicatorInput['measure'] => ({
      type: 'roll-up',
      from: sources.map((source) => ({ source, weight: 1 })),
    });
    const rules = ruleSet([
      ind({ id: 'o', measure: rollUp(['children', 'subtree']) }),
      ind({ id: 'p', appliesTo: { posts: ['team-member'] }, measure: rollUp(['oversight', 'liaison', 'led-organizations']) }),
    ]);
    expect(() => parseRuleSet(rules)).not.toThrow();
  });

  it('a roll-up source that does not fit the subject is refused at that source', () => {
    const rules = ruleSet([
      ind({ id: 'o', measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }, { source: 'oversight', weight: 1 }] } }),
      ind({ id: 'p', appliesTo: { posts: ['team-member'] }, measure: { type: 'roll-up', from: [{ source: 'subtree', weight: 1 }] } }),
    ]);
    expect(issuesOf(rules)).toEqual([
      ['rollup-source-subject', ['indicators', 0, 'measure', 'from', 1, 'source'], { source: 'oversight', subject: 'organization' }, '汇总来源「oversight」不适用于党组织考核对象'],
      ['rollup-source-subject', ['indicators', 1, 'measure', 'from', 0, 'source'], { source: 'subtree', subject: 'person' }, '汇总来源「subtree」不适用于人员考核对象'],
    ]);
  });

  it('roll-ups over other organizations must read organization indicators; a self roll-up may read a person one', () => {
    const rules = ruleSet([
      scoredInd('o'),
      personInd('p'),
      // valid: children of an organization indicator; self on a person reading a person indicator
      ind({ id: 'ok-children', measure: { type: 'roll-up', from: [{ source: 'children', weight: 1, of: ['o'] }] } }),
      personInd('ok-self', { measure: { type: 'roll-up', from: [{ source: 'self', weight: 1, of: ['p'] }] } }),
      // refused: children of a person indicator; an id that does not exist
      ind({ id: 'bad', measure: { type: 'roll-up', from: [{ source: 'subtree', weight: 1, of: ['o', 'p'] }, { source: 'children', weight: 1, of: ['nope'] }] } }),
    ]);
    expect(issuesOf(rules)).toEqual([
      ['rollup-subject-mismatch', ['indicators', 4, 'measure', 'from', 0, 'of', 1], { id: 'p' }, '汇总引用的指标「p」不适用于党组织，无法从下级组织汇总'],
      ['unknown-indicator', ['indicators', 4, 'measure', 'from', 1, 'of', 0], { id: 'nope' }, '指标「nope」不存在'],
    ]);
  });
});

describe('parse-rules.ts: period and quotas', () => {
  it('a period of one day is accepted; a reversed one is refused at its end, naming both dates', () => {
    expect(parseRuleSet(ruleSet([countInd('a')], { period: { start: '2022-03-01', end: '2022-03-01' } })).period).toEqual({ start: '2022-03-01', end: '2022-03-01' });
    expect(issuesOf(ruleSet([countInd('a')], { period: { start: '2022-12-31', end: '2022-01-01' } }))).toEqual([
      ['range-reversed', ['period', 'end'], { from: '2022-12-31', to: '2022-01-01' }, '起始日期 2022-12-31 晚于结束日期 2022-01-01'],
    ]);
  });

  it('a quota needs a limit, an existing ladder and a grade of that ladder', () => {
    const rules = ruleSet([countInd('a')], {
      ladders: [orgLadder()],
      quotas: [
        { ladder: 'org', grade: 'good' },
        { ladder: 'nope', grade: 'good', maxCount: 1 },
        { ladder: 'org', grade: 'best', maxShare: 0.2 },
      ],
    });
    expect(issuesOf(rules)).toEqual([
      ['quota-limit', ['quotas', 0], {}, '名额限制须给出 maxShare（比例）或 maxCount（人数）'],
      ['unknown-ladder', ['quotas', 1, 'ladder'], { id: 'nope' }, '等次序列「nope」不存在'],
      ['unknown-grade', ['quotas', 2, 'grade'], { id: 'best', ladder: 'org' }, '等次序列「org」中没有等次「best」'],
    ]);
  });
});

describe('parse-rules.ts: safeParseRuleSet guards', () => {
  it('input that is not an object with an indicators array is refused by the schema, not thrown on', () => {
    for (const input of [null, undefined, 'rules', 42, {}, { indicators: 'many' }]) {
      const result = safeParseRuleSet(input);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
    }
  });

  it('too many indicators are refused before the schema, as a rule-set error', () => {
    const result = safeParseRuleSet(ruleSet([countInd('a'), countInd('b'), countInd('c')]), { maxIndicators: 2 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.subject).toBe('rules');
    expect(result.error.issues.map((i) => [i.code, i.path, i.params])).toEqual([['limit-exceeded', ['indicators'], { what: 'indicators', limit: 2, actual: 3 }]]);
    expect(result.error.message).toBe('考核细则校验未通过，共 1 个问题：\nindicators: 超出上限：indicators 最多 2，实际 3 [limit-exceeded]');
  });
});
