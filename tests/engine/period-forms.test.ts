// A rule set's period is one of five forms (a year; a year with a half, a quarter or a month;
// start and end dates). One that fits none says what is wrong with it as written: two forms mixed,
// no form at all, a field no form has — not the complaint of whichever form it came closest to
// ("unknown field half" of a half beside a quarter, "year missing" of an empty period).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolvePeriod, safeParseRuleSet, ValidationError } from '../../src/index.js';

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../examples/${name}/rules.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const bureau = example('bureau-2022');

type Row = [code: string, path: (string | number)[], message: string];

/** The issues of the bureau's rule set with this period, as [code, path, message]. */
function issuesWith(period: unknown, lang: 'zh' | 'en' = 'zh', extra: Record<string, unknown> = {}): Row[] {
  const result = safeParseRuleSet({ ...structuredClone(bureau), ...extra, period }, { lang });
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.code, [...issue.path], issue.message]);
}

const MIXED_ZH = '不能同时给出：考核期只能是一种写法——只写 year（全年），或 year 加 half、quarter、month 之一，或 start 加 end（起止日期）';
const MIXED_EN = ' cannot be given together: a period is written one way only — year alone (the whole year), year with one of half, quarter or month, or start with end (dates)';
const EMPTY_ZH =
  '考核期既没有 year，也没有 start 和 end：须写成以下一种——{"year": 2022}（全年）、{"year": 2022, "half": 1}（半年）、{"year": 2022, "quarter": 1}（季度）、{"year": 2022, "month": 1}（月份）、{"start": "2022-01-01", "end": "2022-12-31"}（起止日期）';
const EMPTY_EN =
  'the period has no year and no start and end: write it one of these ways: {"year": 2022} (the whole year), {"year": 2022, "half": 1} (a half), {"year": 2022, "quarter": 1} (a quarter), {"year": 2022, "month": 1} (a month), {"start": "2022-01-01", "end": "2022-12-31"} (dates)';

describe('a period mixing two forms', () => {
  it('a half and a quarter: the two fields named, not "unknown field half"', () => {
    expect(issuesWith({ year: 2022, half: 1, quarter: 2 })).toEqual([['period-mixed-forms', ['period'], `「half」和「quarter」${MIXED_ZH}`]]);
    expect(issuesWith({ year: 2022, half: 1, quarter: 2 }, 'en')).toEqual([['period-mixed-forms', ['period'], `"half" and "quarter"${MIXED_EN}`]]);
  });

  it('a month and a start date: the year-side fields and the date named, not "unknown field start"', () => {
    expect(issuesWith({ year: 2022, month: 3, start: '2022-01-01' })).toEqual([['period-mixed-forms', ['period'], `「year」、「month」和「start」${MIXED_ZH}`]]);
    expect(issuesWith({ year: 2022, month: 3, start: '2022-01-01' }, 'en')).toEqual([['period-mixed-forms', ['period'], `"year", "month" and "start"${MIXED_EN}`]]);
  });

  it('a year beside start and end dates', () => {
    expect(issuesWith({ start: '2022-01-01', end: '2022-12-31', year: 2022 })).toEqual([['period-mixed-forms', ['period'], `「year」、「start」和「end」${MIXED_ZH}`]]);
    expect(issuesWith({ start: '2022-01-01', end: '2022-12-31', year: 2022 }, 'en')).toEqual([['period-mixed-forms', ['period'], `"year", "start" and "end"${MIXED_EN}`]]);
  });

  it('names the fields in their params, in a fixed order', () => {
    const result = safeParseRuleSet({ ...structuredClone(bureau), period: { quarter: 2, month: 3, year: 2022, half: 1 } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => [i.code, i.params])).toEqual([['period-mixed-forms', { value: expect.any(String), fields: 'half, quarter, month' }]]);
    expect(result.error.issues[0]?.message).toBe(`「half」、「quarter」和「month」${MIXED_ZH}`);
  });
});

describe('an empty period', () => {
  it('lists the forms allowed instead of "year missing"', () => {
    expect(issuesWith({})).toEqual([['period-empty', ['period'], EMPTY_ZH]]);
    expect(issuesWith({}, 'en')).toEqual([['period-empty', ['period'], EMPTY_EN]]);
  });

  it('a period with only a misspelt field has no form either', () => {
    expect(issuesWith({ yeer: 2022 })).toEqual([
      ['period-empty', ['period'], EMPTY_ZH],
      ['unknown-field', ['period', 'yeer'], '未知字段「yeer」（是否想写「year」？）'],
    ]);
    expect(issuesWith({ yeer: 2022 }, 'en')).toEqual([
      ['period-empty', ['period'], EMPTY_EN],
      ['unknown-field', ['period', 'yeer'], 'unknown field "yeer" (did you mean "year"?)'],
    ]);
  });
});

describe('a field no form has', () => {
  it('is an unknown field (code and path as before), with the field it is likely a typo of', () => {
    expect(issuesWith({ year: 2022, quartr: 2 })).toEqual([['unknown-field', ['period', 'quartr'], '未知字段「quartr」（是否想写「quarter」？）']]);
    expect(issuesWith({ year: 2022, quartr: 2 }, 'en')).toEqual([['unknown-field', ['period', 'quartr'], 'unknown field "quartr" (did you mean "quarter"?)']]);
    const result = safeParseRuleSet({ ...structuredClone(bureau), period: { year: 2022, Month: 2, colour: 'red' } }, { lang: 'en' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => [i.code, i.path, i.params['field'], i.params['suggestion']])).toEqual([
      ['unknown-field', ['period', 'Month'], 'Month', 'month'],
      ['unknown-field', ['period', 'colour'], 'colour', undefined],
    ]);
  });

  it('a known field is never called unknown, however the forms are mixed', () => {
    for (const period of [{ year: 2022, half: 1, quarter: 2 }, { year: 2022, month: 3, start: '2022-01-01' }, { year: 2022, quarter: 2, end: '2022-12-31' }]) {
      expect(issuesWith(period).filter(([code]) => code === 'unknown-field')).toEqual([]);
    }
  });
});

describe('every problem at once, each with its path', () => {
  it('mixed forms, a value out of range and a misspelt field', () => {
    expect(issuesWith({ year: 2022, half: 1, quarter: 9, qurter: 1 })).toEqual([
      ['period-mixed-forms', ['period'], `「half」和「quarter」${MIXED_ZH}`],
      ['too-big', ['period', 'quarter'], '数值或长度过大：应不大于 4'],
      ['unknown-field', ['period', 'qurter'], '未知字段「qurter」（是否想写「quarter」？）'],
    ]);
    expect(issuesWith({ year: 1800, half: 1, quarter: 9, qurter: 1 }, 'en')).toEqual([
      ['period-mixed-forms', ['period'], `"half" and "quarter"${MIXED_EN}`],
      ['too-small', ['period', 'year'], 'too small: must be at least 1900'],
      ['too-big', ['period', 'quarter'], 'too big: must be at most 4'],
      ['unknown-field', ['period', 'qurter'], 'unknown field "qurter" (did you mean "quarter"?)'],
    ]);
  });

  it('two parts without a year: mixed, and the year every part needs is missing', () => {
    expect(issuesWith({ half: 1, quarter: 2 })).toEqual([
      ['period-mixed-forms', ['period'], `「half」和「quarter」${MIXED_ZH}`],
      ['required', ['period', 'year'], '缺少必填字段「year」'],
    ]);
    expect(issuesWith({ half: 1, quarter: 2 }, 'en')).toEqual([
      ['period-mixed-forms', ['period'], `"half" and "quarter"${MIXED_EN}`],
      ['required', ['period', 'year'], 'required field "year" is missing'],
    ]);
  });

  it('a start date and a misspelt field: the end the dates need is missing too', () => {
    expect(issuesWith({ start: '2022-01-01', ned: '2022-12-31' }, 'en')).toEqual([
      ['unknown-field', ['period', 'ned'], 'unknown field "ned" (a typo?)'],
      ['required', ['period', 'end'], 'required field "end" is missing'],
    ]);
  });

  it('a bad date beside a year: mixed, and the date is still checked', () => {
    expect(issuesWith({ year: 2022, start: '2022-02-30' }, 'en').map(([code, path]) => [code, path])).toEqual([
      ['period-mixed-forms', ['period']],
      ['invalid-date', ['period', 'start']],
    ]);
  });

  it('problems elsewhere in the rule set are reported with the period’s', () => {
    expect(issuesWith({ year: 2022, half: 1, quarter: 2 }, 'en', { version: '' })).toEqual([
      ['empty-string', ['version'], 'field "version" must not be empty'],
      ['period-mixed-forms', ['period'], `"half" and "quarter"${MIXED_EN}`],
    ]);
  });

  it('resolvePeriod says the same as the rule set does', () => {
    let error: unknown;
    try {
      resolvePeriod({ year: 2022, half: 1, quarter: 2 } as never);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.code, i.path, i.message])).toEqual([['period-mixed-forms', ['period'], `「half」和「quarter」${MIXED_ZH}`]]);
  });
});

describe('what did not change', () => {
  it('the examples parse, their periods as written', () => {
    for (const name of ['bureau-2022', 'university-college']) {
      const rules = example(name);
      const result = safeParseRuleSet(rules);
      expect(result.success, name).toBe(true);
      if (result.success) expect(result.data.period).toEqual(rules['period']);
    }
  });

  it('every form parses to itself', () => {
    const periods = [
      { year: 2022 },
      { year: 2022, half: 2 },
      { year: 2022, quarter: 4 },
      { year: 2022, month: 12 },
      { start: '2022-03-01', end: '2022-08-31' },
    ];
    for (const period of periods) {
      const result = safeParseRuleSet({ ...structuredClone(bureau), period });
      expect(result.success, JSON.stringify(period)).toBe(true);
      if (result.success) expect(result.data.period).toEqual(period);
    }
  });

  it('a period whose form is clear keeps the issues it always had', () => {
    expect(issuesWith({ year: 2022, quarter: 5 })).toEqual([['too-big', ['period', 'quarter'], '数值或长度过大：应不大于 4']]);
    expect(issuesWith({ half: 1 })).toEqual([['required', ['period', 'year'], '缺少必填字段「year」']]);
    expect(issuesWith({ start: '2022-01-01' }, 'en')).toEqual([['required', ['period', 'end'], 'required field "end" is missing']]);
    expect(issuesWith({ year: '2022' }, 'en')).toEqual([['invalid-type', ['period', 'year'], 'wrong type: expected number, got string']]);
    expect(issuesWith(null)).toEqual([['invalid-type', ['period'], '类型错误：应为 object，实际为 null']]);
    expect(issuesWith([], 'en')).toEqual([['invalid-type', ['period'], 'wrong type: expected object, got array']]);
    expect(issuesWith({ start: '2022-12-01', end: '2022-01-01' }, 'en')).toEqual([['range-reversed', ['period', 'end'], 'start 2022-12-01 is after end 2022-01-01']]);
  });
});

describe('a period value far out of range', () => {
  it('one too-big (≤ 2999) for a year of 1e308, not a second one at the safe-integer bound; likewise too-small', async () => {
    const { resolvePeriod } = await import('../../src/index.js');
    const codes = (period: unknown) => {
      try {
        resolvePeriod(period as never);
        return [];
      } catch (error) {
        return (error as { issues: { code: string; path: (string | number)[]; params: Record<string, unknown> }[] }).issues.map((i) => [i.code, i.path.join('.'), String(i.params['maximum'] ?? i.params['minimum'])]);
      }
    };
    expect(codes({ year: 1e308 })).toEqual([['too-big', 'period.year', '2999']]);
    expect(codes({ year: -1e308 })).toEqual([['too-small', 'period.year', '1900']]);
    expect(codes({ year: 2022, quarter: 1e308 })).toEqual([['too-big', 'period.quarter', '4']]);
    expect(codes({ year: 2022.5 })).toEqual([['invalid-type', 'period.year', 'undefined']]);
  });
});
