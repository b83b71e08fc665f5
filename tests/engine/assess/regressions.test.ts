// Behaviours settled after review of the rule authors' guide: each test pins one of them.
import { describe, expect, it } from 'vitest';
import { lintRuleSet, parseGraph, readCsvSync } from '../../../src/index.js';
import { graphInput, ind, line, manualIndicator, manualScore, org, rec, ruleSet, run, thrown, warning, warningCodes } from './helpers.js';

const COUNT = ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 2 }, scoring: { method: 'deduct', perShortfall: 5 } });

describe('records that name someone outside the graph', () => {
  it('count for the known organization and are reported as counted, not as dropped', () => {
    // b1 holds 2 meetings, one noting a person not in the graph: both count (10 of 10)
    const result = run(ruleSet([COUNT]), [rec('m1', 'meeting', 'b1', '2022-03-01'), rec('m2', 'meeting', 'b1', '2022-04-01', { person: 'p-visitor' })]);
    expect(line(org(result, 'b1'), 'meetings')).toMatchObject({ points: 10, records: { counted: 2 } });
    expect(result.evidence).toMatchObject({ unknownSubject: 0, unknownReference: 1 });
    expect(warningCodes(result)).toEqual(['warning-unknown-subject', 'warning-unknown-reference']);
    expect(warning(result, 'warning-unknown-reference').message).toBe('其中1条记录所属党组织在图中，已按党组织计入（仅所列人员不在图中）');
  });
});

describe("assessors' scores without an indicator", () => {
  it('are reported, not lost silently', () => {
    const noIndicator = { id: 's2', type: 'manual-score', organization: 'b1', date: '2022-12-20', attributes: { group: 'g', score: 80 } };
    const result = run(ruleSet([manualIndicator('review')]), [manualScore('s1', { organization: 'b1' }, 'review', 90), noIndicator]);
    expect(line(org(result, 'b1'), 'review').points).toBe(90);
    expect(result.evidence.unassignedScore).toBe(1);
    expect(warning(result, 'warning-unassigned-score').message).toBe('1条评分记录未注明或注错所评指标（属性 indicator），未计入');
  });
});

describe('a fired veto', () => {
  it("marks its line 'vetoed'", () => {
    const veto = ind({ id: 'case', veto: { recordTypes: ['case'] } });
    const result = run(ruleSet([COUNT, veto]), [rec('c1', 'case', 'b1', '2022-05-01')]);
    expect(line(org(result, 'b1'), 'case').status).toBe('vetoed');
    expect(line(org(result, 'b2'), 'case').status).toBe('met');
  });
});

describe('lint', () => {
  it('warns of a window outside the period', () => {
    const window = ind({ id: 'july', points: 10, measure: { type: 'window', recordTypes: ['lecture'], from: '2021-06-15', to: '2021-07-15' }, scoring: { method: 'all-or-nothing' } });
    const findings = lintRuleSet(ruleSet([window]), parseGraph(graphInput()));
    expect(findings.filter((f) => f.code === 'lint-window-outside-period').map((f) => [f.path, f.message])).toEqual([
      [['indicators', 0, 'measure'], '指标「july」的时间窗口 2021-06-15 至 2021-07-15 不在考核期（2022年度）内，永远无法完成'],
    ]);
  });

  it('warns of a deadline expecting tasks without a due date (expected would have no effect), in both languages', () => {
    const deadline = (id: string, extra: object) => ind({ id, points: 10, measure: { type: 'deadline', recordTypes: ['lecture'], ...extra }, scoring: { method: 'all-or-nothing' } });
    const rules = ruleSet([deadline('no-due', { expected: 3 }), deadline('with-due', { expected: 3, due: '2022-06-30' }), deadline('neither', {})]);
    const codes = (lang: 'zh' | 'en') => lintRuleSet(rules, parseGraph(graphInput()), { lang }).filter((f) => f.code === 'lint-expected-without-due').map((f) => [f.severity, f.path, f.message]);
    expect(codes('zh')).toEqual([['warning', ['indicators', 0, 'measure', 'expected'], '指标「no-due」设了应完成事项数 3 但没有统一期限 due：未报送的事项无从判定逾期，该设置不起作用']]);
    expect(codes('en')).toEqual([['warning', ['indicators', 0, 'measure', 'expected'], 'indicator "no-due" expects 3 tasks but sets no due date: tasks never reported cannot fall due, so expected has no effect']]);
  });
});

describe('a CSV column the layout does not know', () => {
  it('is not skipped: the column would be dropped from every record, which may say nothing of it', () => {
    // 2 rows, one extra column 备注. Skipping invalid records once went on without the column and
    // said nothing in the result; a misspelt 完成日期 changed grades that way. Renamed 属性.备注,
    // both records count and no record is said to be skipped.
    const csv = '编号,类型,党组织,日期,备注\nm1,meeting,b1,2022-03-01,x\nm2,meeting,b1,2022-04-01,y\n';
    const error = thrown(() => run(ruleSet([COUNT]), readCsvSync(csv, { file: 'r.csv' }), { invalidRecords: 'skip' }));
    expect(error.issues.map((i) => i.code)).toEqual(['columns-dropped', 'unknown-column']);
    const result = run(ruleSet([COUNT]), readCsvSync(csv.replace('备注', '属性.备注'), { file: 'r.csv' }), { invalidRecords: 'skip' });
    expect(line(org(result, 'b1'), 'meetings').records.counted).toBe(2);
    expect(warningCodes(result)).not.toContain('warning-invalid-records');
  });
});

describe('points with more than two decimals', () => {
  it('never give a line more than its points at stake, nor a subject a score above its maximum', () => {
    // 100 points split three ways as 33.335 + 33.335 + 33.33, every meeting held: each line's
    // points round to a hundredth (33.34) but stay at most the line's maximum (33.335), so the
    // score is 100 of 100, not 100.01
    const third = (id: string, points: number): ReturnType<typeof ind> => ind({ id, points, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } });
    const result = run(ruleSet([third('a', 33.335), third('b', 33.335), third('c', 33.33)]), [rec('m1', 'meeting', 'b1', '2022-03-01')]);
    const b1 = org(result, 'b1');
    expect(b1.lines.map((l) => [l.points, l.max])).toEqual([[33.335, 33.335], [33.335, 33.335], [33.33, 33.33]]);
    expect([b1.score, b1.max, b1.scaled, b1.total]).toEqual([100, 100, 100, 100]);
    // three lines of half a hundredth each: 0.015 of 0.015 (both 0.02 once rounded), scaled 100, not 150
    const tiny = run(ruleSet([third('a', 0.005), third('b', 0.005), third('c', 0.005)]), [rec('m1', 'meeting', 'b1', '2022-03-01')]);
    const small = org(tiny, 'b1');
    expect(small.lines.every((l) => l.points <= l.max)).toBe(true);
    expect(small.score).toBe(small.max);
    expect(small.scaled).toBe(100);
  });
});
