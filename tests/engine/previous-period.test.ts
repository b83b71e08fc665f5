// The previous result must be of an earlier period: its findings are what repeats read as "last
// period" (one step heavier, `repeat` rules), so the same or a later period would make every
// finding of this one a repeat. One earlier but not just before this one is warned of.
// Small graph from tests/accountability/helpers.ts: branch b2, its secretary p-b2-sec.
import { describe, expect, it } from 'vitest';
import type { AssessmentResult, RuleSetInput } from '../../src/index.js';
import { ind, rec, rule, ruleSet, run, thrown } from '../accountability/helpers.js';

const VETO = ind({ id: 'case', veto: { recordTypes: ['case'] } });
/** A case at b2: its secretary gets 批评教育, one step heavier (责令书面检查) when b2 had one last period too. */
const ACCOUNTABILITY = {
  rules: [
    rule('serious', { type: 'veto' }, [{ to: 'secretary', form: { person: 'criticism' } }]),
    rule('serious-again', { type: 'repeat', rule: 'serious' }, [{ to: 'team', form: { organization: 'reorganization' } }]),
  ],
} satisfies RuleSetInput['accountability'];

type Period = RuleSetInput['period'];
const rulesFor = (period: Period): RuleSetInput => ruleSet([VETO], ACCOUNTABILITY, { period });
/** A run of `period` with a case at b2 dated `date`. */
const runOf = (period: Period, date: string, previous?: AssessmentResult): AssessmentResult =>
  run(rulesFor(period), [rec(`c-${date}`, 'case', 'b2', date)], previous ? { previous } : {});
const forms = (result: AssessmentResult): [string, string][] => result.findings.map((f) => [f.id, f.form.id]);
const previousWarnings = (result: AssessmentResult) => result.warnings.filter((w) => w.code.startsWith('warning-previous'));

const Y2021 = runOf({ year: 2021 }, '2021-05-01');
const Y2022 = runOf({ year: 2022 }, '2022-05-01');

describe('a previous result of the period just before', () => {
  it('2021 for 2022: no warning; b2 repeats, one step heavier, and serious-again fires', () => {
    const result = runOf({ year: 2022 }, '2022-05-01', Y2021);
    expect(forms(result)).toEqual([
      ['serious:o:b2>p:p-b2-sec', 'written-inspection'],
      ['serious-again:o:b2>o:b2', 'reorganization'],
    ]);
    expect(previousWarnings(result)).toEqual([]);
  });

  it.each<[string, Period, string, Period, string]>([
    ['Q4 2021 for Q1 2022', { year: 2021, quarter: 4 }, '2021-11-10', { year: 2022, quarter: 1 }, '2022-02-01'],
    ['H1 2022 for H2 2022', { year: 2022, half: 1 }, '2022-03-10', { year: 2022, half: 2 }, '2022-08-01'],
    ['December 2021 for January 2022', { year: 2021, month: 12 }, '2021-12-10', { year: 2022, month: 1 }, '2022-01-10'],
    ['any span ending the day before one given by dates', { start: '2021-11-15', end: '2022-02-28' }, '2021-11-15', { start: '2022-03-01', end: '2022-08-31' }, '2022-05-01'],
  ])('%s: no warning', (_, before, then, now, date) => {
    const result = runOf(now, date, runOf(before, then));
    expect(previousWarnings(result)).toEqual([]);
    expect(forms(result).map(([id]) => id)).toContain('serious-again:o:b2>o:b2');
  });
});

describe('a previous result of the same, a later or an overlapping period is refused', () => {
  it('2022 for 2022: previous-period-not-before at previous.period, in Chinese and English', () => {
    const error = thrown(() => runOf({ year: 2022 }, '2022-05-01', Y2022));
    expect(error.subject).toBe('previous');
    expect(error.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['previous-period-not-before', ['previous', 'period'], { start: '2022-01-01', end: '2022-12-31', currentStart: '2022-01-01', currentEnd: '2022-12-31' }],
    ]);
    expect(error.issues[0]?.message).toBe(
      '上期结果的考核期（2022-01-01至2022-12-31）不在本期（2022-01-01至2022-12-31）之前：上期结果须是更早一期的评估结果，否则本期的问责都会被当作“再次发生”而加重',
    );
    expect(error.inLanguage('en').issues[0]?.message).toBe(
      "the previous result's period (2022-01-01 to 2022-12-31) does not end before this period (2022-01-01 to 2022-12-31) begins: the previous result must be of an earlier period, or every finding of this period would count as repeated and be made heavier",
    );
  });

  it('2023 for 2022, and a span ending inside this period, are refused the same way', () => {
    const later = thrown(() => runOf({ year: 2022 }, '2022-05-01', runOf({ year: 2023 }, '2023-05-01')));
    expect(later.issues.map((i) => [i.code, i.params['start'], i.params['end']])).toEqual([['previous-period-not-before', '2023-01-01', '2023-12-31']]);
    // Ends on this period's first day: one day of overlap is enough.
    const overlapping = thrown(() => runOf({ year: 2022 }, '2022-05-01', runOf({ start: '2021-01-02', end: '2022-01-01' }, '2021-05-01')));
    expect(overlapping.issues.map((i) => i.code)).toEqual(['previous-period-not-before']);
  });

  it('a previous result with no readable period is not a result: invalid-previous at the field', () => {
    const { period: _, ...noPeriod } = Y2021;
    const missing = thrown(() => runOf({ year: 2022 }, '2022-05-01', noPeriod as AssessmentResult));
    expect(missing.issues.map((i) => [i.code, i.path])).toEqual([['invalid-previous', ['previous', 'period']]]);
    const badDate = { ...Y2021, period: { ...Y2021.period, end: '2021-13-01' } };
    const wrong = thrown(() => runOf({ year: 2022 }, '2022-05-01', badDate));
    expect(wrong.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ['invalid-previous', ['previous', 'period', 'end'], '上期结果不是有效的 zerenzhi 评估结果：period.end 缺失或不是 YYYY-MM-DD 格式的日期'],
    ]);
    expect(wrong.inLanguage('en').issues[0]?.message).toBe('the previous result is not a zerenzhi assessment result: period.end is missing or not a YYYY-MM-DD date');
  });
});

describe('a previous result of an earlier period, but not the one just before', () => {
  it('2020 for 2022: a warning naming both periods and the one expected; the repeats are still made', () => {
    const result = runOf({ year: 2022 }, '2022-05-01', runOf({ year: 2020 }, '2020-05-01'));
    expect(forms(result)).toEqual([
      ['serious:o:b2>p:p-b2-sec', 'written-inspection'],
      ['serious-again:o:b2>o:b2', 'reorganization'],
    ]);
    const [warning] = previousWarnings(result);
    expect(previousWarnings(result)).toHaveLength(1);
    expect(warning?.code).toBe('warning-previous-not-adjacent');
    expect(warning?.params).toEqual({ start: '2020-01-01', end: '2020-12-31', currentStart: '2022-01-01', currentEnd: '2022-12-31', expectedStart: '2021-01-01', expectedEnd: '2021-12-31' });
    expect(warning?.message).toBe('上期结果的考核期（2020-01-01至2020-12-31）不是紧接本期之前的一期（2021-01-01至2021-12-31）：与上期的比较和连续问责（再次触发、加重一档）仅供参考');
  });

  it('in English', () => {
    const result = run(rulesFor({ year: 2022 }), [rec('c', 'case', 'b2', '2022-05-01')], { previous: runOf({ year: 2020 }, '2020-05-01'), lang: 'en' });
    expect(previousWarnings(result)[0]?.message).toBe(
      "the previous result's period (2020-01-01 to 2020-12-31) is not the one just before this period (2021-01-01 to 2021-12-31): the comparison with it and the repeats (repeat rules, one step heavier) are to be read with care",
    );
  });

  it.each<[string, Period, string, Period, string, string, string]>([
    // Back to back, but a year is not the quarter before.
    ['2021 for Q1 2022', { year: 2021 }, '2021-05-10', { year: 2022, quarter: 1 }, '2022-02-01', '2021-10-01', '2021-12-31'],
    ['Q3 2021 for Q1 2022', { year: 2021, quarter: 3 }, '2021-08-10', { year: 2022, quarter: 1 }, '2022-02-01', '2021-10-01', '2021-12-31'],
    ['Q2 2022 for H2 2022', { year: 2022, quarter: 2 }, '2022-05-10', { year: 2022, half: 2 }, '2022-08-01', '2022-01-01', '2022-06-30'],
    ['November 2021 for January 2022', { year: 2021, month: 11 }, '2021-11-10', { year: 2022, month: 1 }, '2022-01-10', '2021-12-01', '2021-12-31'],
  ])('%s: a warning naming the period expected', (_, before, then, now, date, expectedStart, expectedEnd) => {
    const result = runOf(now, date, runOf(before, then));
    expect(previousWarnings(result).map((w) => [w.code, w.params['expectedStart'], w.params['expectedEnd']])).toEqual([['warning-previous-not-adjacent', expectedStart, expectedEnd]]);
  });

  it('a period given by its dates expects only an end the day before it starts', () => {
    const result = runOf({ start: '2022-03-01', end: '2022-08-31' }, '2022-05-01', runOf({ year: 2021 }, '2021-05-01'));
    const [warning] = previousWarnings(result);
    expect(warning?.params).toMatchObject({ expectedStart: '', expectedEnd: '2022-02-28' });
    expect(warning?.message).toBe('上期结果的考核期（2021-01-01至2021-12-31）不是紧接本期之前的一期（应截至2022-02-28）：与上期的比较和连续问责（再次触发、加重一档）仅供参考');
  });
});
