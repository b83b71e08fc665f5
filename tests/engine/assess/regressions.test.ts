// Behaviours settled after review of the rule authors' guide: each test pins one of them.
import { describe, expect, it } from 'vitest';
import { lintRuleSet, parseGraph, readCsvSync } from '../../../src/index.js';
import { graphInput, ind, line, manualIndicator, manualScore, org, rec, ruleSet, run, warning, warningCodes } from './helpers.js';

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
  it('skips no record: only the column is reported', () => {
    // 2 rows, one extra column 备注: with skip, both records count and no record is said to be skipped
    const csv = '编号,类型,党组织,日期,备注\nm1,meeting,b1,2022-03-01,x\nm2,meeting,b1,2022-04-01,y\n';
    const result = run(ruleSet([COUNT]), readCsvSync(csv, { file: 'r.csv' }), { invalidRecords: 'skip' });
    expect(line(org(result, 'b1'), 'meetings').records.counted).toBe(2);
    expect(warningCodes(result)).not.toContain('warning-invalid-records');
  });
});
