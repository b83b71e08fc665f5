// Behaviour of src/engine/period.ts, src/engine/warnings.ts and src/engine/previous.ts that a
// mutation run over those three files (see TESTING.md) left Survived or NoCoverage and that, on
// review, no existing test pinned down. Each expectation is worked out by hand from the inputs
// beside it; the small graph and the record helpers are those of tests/engine/assess/helpers.ts.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { checkPrevious } from '../../src/engine/previous.js';
import { bucketsOf, formatCalendarDate, resolvePeriod, type AssessmentResult, type RuleSetInput } from '../../src/index.js';
import { ind, manualIndicator, manualScore, org, rec, ruleSet, run, thrown, warning, warningCodes } from '../engine/assess/helpers.js';

type Unit = Parameters<typeof bucketsOf>[1];

/** A period's first and last day and its two labels. */
const periodOf = (period: RuleSetInput['period']): [string, string, string, string] => {
  const p = resolvePeriod(period);
  return [formatCalendarDate(p.start), formatCalendarDate(p.end), p.label.zh, p.label.en];
};

/** The buckets of a unit in a period: first day, last day, zh label, en label. */
const bucketRows = (period: RuleSetInput['period'], unit: Unit): [string, string, string, string][] =>
  bucketsOf(resolvePeriod(period), unit).map((b) => [formatCalendarDate(b.start), formatCalendarDate(b.end), b.label.zh, b.label.en]);

describe('period.ts', () => {
  it('each quarter of a year is labelled 第一…第四季度 and Q1…Q4', () => {
    expect(periodOf({ year: 2022, quarter: 1 })).toEqual(['2022-01-01', '2022-03-31', '2022年第一季度', 'Q1 2022']);
    expect(periodOf({ year: 2022, quarter: 2 })).toEqual(['2022-04-01', '2022-06-30', '2022年第二季度', 'Q2 2022']);
    expect(periodOf({ year: 2022, quarter: 3 })).toEqual(['2022-07-01', '2022-09-30', '2022年第三季度', 'Q3 2022']);
    expect(periodOf({ year: 2022, quarter: 4 })).toEqual(['2022-10-01', '2022-12-31', '2022年第四季度', 'Q4 2022']);
  });

  it('the first half of a year is 上半年 / H1, the second 下半年 / H2', () => {
    expect(periodOf({ year: 2022, half: 1 })).toEqual(['2022-01-01', '2022-06-30', '2022年上半年', 'H1 2022']);
    expect(periodOf({ year: 2022, half: 2 })).toEqual(['2022-07-01', '2022-12-31', '2022年下半年', 'H2 2022']);
  });

  it('a period given by dates is labelled with both dates in each language', () => {
    expect(periodOf({ start: '2022-03-15', end: '2022-05-20' })).toEqual(['2022-03-15', '2022-05-20', '2022-03-15至2022-05-20', '2022-03-15 to 2022-05-20']);
  });

  it('half-year buckets of a year: 上半年 / H1 then 下半年 / H2', () => {
    expect(bucketRows({ year: 2022 }, 'half-year')).toEqual([
      ['2022-01-01', '2022-06-30', '2022年上半年', 'H1 2022'],
      ['2022-07-01', '2022-12-31', '2022年下半年', 'H2 2022'],
    ]);
  });

  it('the year bucket of a year is labelled 2022年 / 2022', () => {
    expect(bucketRows({ year: 2022 }, 'year')).toEqual([['2022-01-01', '2022-12-31', '2022年', '2022']]);
  });

  it('a period starting inside a quarter begins with that quarter, clipped to the start', () => {
    // 15 May is in Q2 (April–June); 20 August in Q3
    expect(bucketRows({ start: '2022-05-15', end: '2022-08-20' }, 'quarter')).toEqual([
      ['2022-05-15', '2022-06-30', '2022年第二季度', 'Q2 2022'],
      ['2022-07-01', '2022-08-20', '2022年第三季度', 'Q3 2022'],
    ]);
    // 10 February is in Q1 (January–March)
    expect(bucketRows({ start: '2022-02-10', end: '2022-05-31' }, 'quarter')).toEqual([
      ['2022-02-10', '2022-03-31', '2022年第一季度', 'Q1 2022'],
      ['2022-04-01', '2022-05-31', '2022年第二季度', 'Q2 2022'],
    ]);
  });

  it('a period ending on the first day of a quarter has a one-day bucket for that quarter', () => {
    expect(bucketRows({ start: '2022-01-01', end: '2022-04-01' }, 'quarter')).toEqual([
      ['2022-01-01', '2022-03-31', '2022年第一季度', 'Q1 2022'],
      ['2022-04-01', '2022-04-01', '2022年第二季度', 'Q2 2022'],
    ]);
  });

  it('month buckets run on into January of the next year', () => {
    expect(bucketRows({ start: '2022-12-01', end: '2023-01-31' }, 'month')).toEqual([
      ['2022-12-01', '2022-12-31', '2022年12月', '2022-12'],
      ['2023-01-01', '2023-01-31', '2023年1月', '2023-01'],
    ]);
  });
});

describe('warnings.ts', () => {
  /** One meeting a year; the records below only need a type the rule set reads. */
  const MEETINGS = ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'deduct', perShortfall: 10 } });

  /** `n` ids c00, c01, … each sent in two versions (different dates), so each is a conflict. */
  const conflicting = (n: number) =>
    Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`).flatMap((id) => [rec(id, 'meeting', 'b1', '2022-03-01'), rec(id, 'meeting', 'b1', '2022-03-02')]);

  it('51 conflicting ids: the first 50 by id are listed, then one warning counts the 1 more', () => {
    const result = run(ruleSet([MEETINGS]), conflicting(51));
    expect(result.evidence.conflicts).toBe(51);
    expect(warningCodes(result)).toEqual([...Array<string>(50).fill('warning-conflict'), 'warning-more-conflicts']);
    // c00 … c49 are listed; c50 is the one left over
    const listed = result.warnings.filter((w) => w.code === 'warning-conflict').map((w) => w.params['id']);
    expect(listed).toEqual(Array.from({ length: 50 }, (_, i) => `c${String(i).padStart(2, '0')}`));
    const more = warning(result, 'warning-more-conflicts');
    expect(more.params).toEqual({ count: 1 });
    expect(more.message).toBe('另有1个编号存在版本冲突');
  });

  it('exactly 50 conflicting ids are all listed, with no "more" warning', () => {
    const result = run(ruleSet([MEETINGS]), conflicting(50));
    expect(result.evidence.conflicts).toBe(50);
    expect(warningCodes(result)).toEqual(Array<string>(50).fill('warning-conflict'));
  });

  it('a composite run where every subject has a business score warns of none missing', () => {
    // the sheet applies to branches only: b1 and b2 are the subjects, both with a business score
    const rules = ruleSet([manualIndicator('score', 100)], { composite: { partyWeight: 1, businessWeight: 1 } });
    const business = (id: string, organization: string, score: number) => rec(id, 'business-score', organization, '2022-12-28', { attributes: { score } });
    const records = [manualScore('s-b1', { organization: 'b1' }, 'score', 80), manualScore('s-b2', { organization: 'b2' }, 'score', 90), business('bs-b1', 'b1', 100), business('bs-b2', 'b2', 70)];
    const result = run(rules, records);
    expect(result.organizations.map((s) => s.id)).toEqual(['b1', 'b2']);
    expect(result.people).toEqual([]);
    // (80 + 100) / 2 = 90; (90 + 70) / 2 = 80
    expect(org(result, 'b1').composite).toEqual({ business: 100, value: 90 });
    expect(org(result, 'b2').composite).toEqual({ business: 70, value: 80 });
    expect(warningCodes(result)).toEqual([]);
  });
});

describe('previous.ts', () => {
  const RULES = ruleSet([manualIndicator('score', 100)]);
  const scores = () => [manualScore('s-b1', { organization: 'b1' }, 'score', 80), manualScore('s-b2', { organization: 'b2' }, 'score', 90)];
  // The same scores a year before (a previous result must be of an earlier period).
  const scores2021 = () => scores().map((r) => ({ ...r, date: '2021-12-20' }));

  it('a previous result from another rule set: a warning naming both rule sets, in the language of the run', () => {
    const previous = run({ ...RULES, id: 'rules-2021', period: { year: 2021 } }, scores2021());
    const zh = run(RULES, scores(), { previous });
    const w = warning(zh, 'warning-previous-rules');
    expect(w.params).toEqual({ id: 'rules-2021', current: 'test-rules' });
    expect(w.message).toBe('上期结果来自考核细则「rules-2021」，与本期「test-rules」不同，比较仅供参考');
    const en = run(RULES, scores(), { previous, lang: 'en' });
    expect(warning(en, 'warning-previous-rules').message).toBe('the previous result comes from rule set "rules-2021", not "test-rules": compare with care');
    // the comparison is still made: same totals, so no change
    expect(org(zh, 'b1').previous).toEqual({ total: 80, grade: null, delta: 0 });
  });

  it('checkPrevious returns no warning without a current rule set, or with the same one', () => {
    // Called directly: assess and the CLI ignore what it returns when they pass no current rule
    // set, and pass one only when the ids differ, so no run shows this part of its contract.
    const previous = run(RULES, scores());
    expect(checkPrevious(previous, 'zh')).toEqual([]);
    expect(checkPrevious(previous, 'zh', 'test-rules')).toEqual([]);
  });

  it('a subject not in the previous result has no comparison; one that was has its change', () => {
    // the previous sheet applied to the committee only (cm 70); this one also to the branches
    const previous = run({ ...ruleSet([manualIndicator('score', 100, { organizations: ['committee'] })]), period: { year: 2021 } }, [{ ...manualScore('s-cm', { organization: 'cm' }, 'score', 70), date: '2021-12-20' }]);
    const rules = ruleSet([manualIndicator('score', 100, { organizations: ['committee', 'branch'] })]);
    const result = run(rules, [manualScore('s-cm', { organization: 'cm' }, 'score', 80), ...scores()], { previous });
    // cm: 80 now, 70 before → +10
    expect(org(result, 'cm').previous).toEqual({ total: 70, grade: null, delta: 10 });
    expect(org(result, 'b1').previous).toBeUndefined();
    expect(org(result, 'b2').previous).toBeUndefined();
  });

  it('a value that is not a result is refused with invalid-previous: one issue for each field it lacks, or one for a value that is not an object', () => {
    const valid = run(RULES, scores());
    const { ruleSet: _ruleSet, ...noRuleSet } = valid;
    const { organizations: _organizations, ...noOrganizations } = valid;
    const { people: _people, ...noPeople } = valid;
    const head = '上期结果不是有效的 zerenzhi 评估结果：';
    const notObject = { code: 'invalid-previous', path: ['previous'], params: { field: '', expected: 'object' }, message: `${head}应为 JSON 对象` };
    const version = { code: 'invalid-previous', path: ['previous', 'schemaVersion'], params: { field: 'schemaVersion', expected: 'one' }, message: `${head}schemaVersion 应为 1` };
    const organizations = { code: 'invalid-previous', path: ['previous', 'organizations'], params: { field: 'organizations', expected: 'array' }, message: `${head}organizations 缺失或不是数组` };
    const people = { code: 'invalid-previous', path: ['previous', 'people'], params: { field: 'people', expected: 'array' }, message: `${head}people 缺失或不是数组` };
    const ruleSetId = { code: 'invalid-previous', path: ['previous', 'ruleSet', 'id'], params: { field: 'ruleSet.id', expected: 'string' }, message: `${head}ruleSet.id 缺失或不是字符串` };
    const notResults: [string, unknown, unknown[]][] = [
      ['null', null, [notObject]],
      ['an array', [valid], [notObject]],
      ["a function carrying a result's fields", Object.assign(() => valid, valid), [notObject]],
      ['schemaVersion 2', { ...valid, schemaVersion: 2 }, [version]],
      ['no organizations', noOrganizations, [organizations]],
      ['no people', noPeople, [people]],
      ['no ruleSet', noRuleSet, [ruleSetId]],
      ['a ruleSet id that is a number', { ...valid, ruleSet: { ...valid.ruleSet, id: 7 } }, [ruleSetId]],
      ['an empty object', {}, [version, organizations, people, ruleSetId]],
    ];
    for (const [what, previous, issues] of notResults) {
      const error = thrown(() => run(RULES, scores(), { previous: previous as AssessmentResult }));
      expect(error.subject, what).toBe('previous');
      expect(error.message.split('\n')[0], what).toBe(`上期评估结果校验未通过，共 ${issues.length} 个问题：`);
      expect(error.issues, what).toEqual(issues);
    }
    const en = thrown(() => run(RULES, scores(), { previous: { ...valid, schemaVersion: 2 } as unknown as AssessmentResult, lang: 'en' }));
    expect(en.message).toBe('Invalid previous result: 1 problem:\nprevious.schemaVersion: the previous result is not a zerenzhi assessment result: schemaVersion must be 1 [invalid-previous]');
  });
});
