// Defects a review of the measures found (F1–F8), each pinned with a value worked out by hand from
// the inputs beside it. The small graph and helpers are those of tests/engine/assess/helpers.ts.
import { describe, expect, it } from 'vitest';
import { distinctFigure } from '../../src/engine/measures/distinct-figure.js';
import { lintRuleSet, type RuleSetInput } from '../../src/index.js';
import { ind, line, monthly, org, person, prec, rec, ruleSet, run } from './assess/helpers.js';

describe('F7: a running line with nothing missed but not all its points is in progress', () => {
  it('steps on months met, 6 of 6 due met by 30 June: 0 points, in-progress, not met', () => {
    const rules = ruleSet([
      ind({
        id: 'td',
        points: 6,
        measure: { type: 'cadence', recordTypes: ['td'], every: 'month' },
        scoring: { method: 'steps', steps: [{ atLeast: 12, points: 6 }, { atLeast: 10, points: 4 }] },
      }),
    ]);
    const l = line(org(run(rules, monthly('td', 'td', 'b1', [1, 2, 3, 4, 5, 6]), { asOf: '2022-06-30' }), 'b1'), 'td');
    // value 6 (months met) is below the lowest step 10: 0 of 6 points; no month missed
    expect(l.points).toBe(0);
    expect(l.shortfalls).toBe(0);
    expect(l.status).toBe('in-progress');
    // the same records over the whole year: 6 months missed, final
    const done = line(org(run(rules, monthly('td', 'td', 'b1', [1, 2, 3, 4, 5, 6])), 'b1'), 'td');
    expect(done.status).toBe('shortfall');
    // all twelve months at the end of June is impossible; all six due with deduct scoring: full points, met
    const deduct = ruleSet([ind({ id: 'td', points: 6, measure: { type: 'cadence', recordTypes: ['td'], every: 'month' }, scoring: { method: 'deduct', perShortfall: 1 } })]);
    const met = line(org(run(deduct, monthly('td', 'td', 'b1', [1, 2, 3, 4, 5, 6]), { asOf: '2022-06-30' }), 'b1'), 'td');
    expect([met.points, met.status]).toEqual([6, 'met']);
  });
});

describe('F3: a ratio whose denominators total 0 has nothing to measure', () => {
  const mobile = (policy?: 'exclude' | 'zero' | 'shortfall') =>
    ruleSet([
      ind({
        id: 'ma',
        points: 8,
        measure: { type: 'ratio', recordTypes: ['ma'], numerator: 'archived', denominator: 'mobile', atLeast: 1 },
        scoring: { method: 'proportional' },
        ...(policy ? { onInsufficientEvidence: policy } : {}),
      }),
    ]);
  const zeroOfZero = [
    rec('ma-1', 'ma', 'b1', '2022-06-30', { attributes: { archived: 0, mobile: 0 } }),
    rec('ma-2', 'ma', 'b1', '2022-12-31', { attributes: { archived: [], mobile: [] } }),
  ];

  it('with exclude: excluded, out of the maximum, and the explanation says the denominator totals 0', () => {
    const b1 = org(run(mobile('exclude'), zeroOfZero, { lang: 'en' }), 'b1');
    const l = line(b1, 'ma');
    expect([l.status, l.points, l.max]).toEqual(['excluded', 0, 0]);
    expect(b1.max).toBe(0);
    expect(l.explanation).toBe(
      'ma: ratio 0% (0/0), required at least 100%; the denominator totals 0, so there is nothing to measure; treated as insufficient evidence: line excluded from the total',
    );
    const zh = line(org(run(mobile('exclude'), zeroOfZero), 'b1'), 'ma');
    expect(zh.explanation).toBe('ma：比率 0%（0/0），要求不低于100%；应计总数为0，没有可衡量的对象；按证据不足处理，本项不计分（不计入满分）');
  });

  it('with zero and with the default (shortfall): insufficient evidence, 0 of 8, as if nothing were reported', () => {
    const zero = line(org(run(mobile('zero'), zeroOfZero, { lang: 'en' }), 'b1'), 'ma');
    expect([zero.status, zero.points, zero.max]).toEqual(['insufficient-evidence', 0, 8]);
    expect(zero.explanation).toContain('treated as insufficient evidence: 0 points by rule');
    const dflt = line(org(run(mobile(), zeroOfZero, { lang: 'en' }), 'b1'), 'ma');
    expect([dflt.status, dflt.points, dflt.max]).toEqual(['insufficient-evidence', 0, 8]);
    expect(dflt.explanation).toContain('treated as insufficient evidence: counted as not done by rule');
  });

  it('even a declared-complete source: 0 of 0 is insufficient evidence; a record with a denominator measures as usual', () => {
    const complete = { sources: [{ id: 's', complete: true, recordTypes: ['ma'] }] };
    const rules = { ...mobile('exclude'), ...complete };
    expect(line(org(run(rules, zeroOfZero), 'b1'), 'ma').status).toBe('excluded');
    // 0/0 + 3/4: 3 of 4 = 75%, achieved 75% / 100%, 8 × 0.75 = 6 points
    const l = line(org(run(rules, [...zeroOfZero, rec('ma-3', 'ma', 'b1', '2022-09-30', { attributes: { archived: 3, mobile: 4 } })]), 'b1'), 'ma');
    expect([l.status, l.points, l.max, l.value]).toEqual(['shortfall', 6, 8, 0.75]);
  });
});

describe('F1: a cadence bucket not over when the period ends is not judged', () => {
  const classes = (every: 'quarter' | 'year', period: RuleSetInput['period']) =>
    ruleSet(
      [
        ind({
          id: 'pc',
          title: '党课每年至少1次',
          titleEn: 'A party class every year',
          points: 4,
          measure: { type: 'cadence', recordTypes: ['pc'], every },
          scoring: { method: 'deduct', perShortfall: 1 },
        }),
      ],
      { period, sources: [{ id: 's', complete: true, recordTypes: ['pc'] }] },
    );

  it('July 2022, every quarter, no class: Q3 ends 30 September, not judged: nothing due, 4 of 4, notYetDue 1', () => {
    const l = line(org(run(classes('quarter', { year: 2022, month: 7 }), [], { lang: 'en' }), 'b1'), 'pc');
    expect([l.points, l.shortfalls, l.status]).toEqual([4, 0, 'met']);
    expect(l.facts).toEqual({ due: 0, met: 0, missed: 0, notYetDue: 1 });
    expect(l.explanation).toBe(
      'A party class every year: required at least 1 per quarter; no quarter due yet; Q3 2022 runs past the end of the period (2022-07-31), so it is not judged in this period; nothing missed, 4 points',
    );
  });

  it('Q3 2022, every quarter: the quarter ends with the period and is judged (missed without a class)', () => {
    const l = line(org(run(classes('quarter', { year: 2022, quarter: 3 }), []), 'b1'), 'pc');
    // 1 quarter due, 0 met: 1 short, 1 off, 3 points
    expect([l.points, l.shortfalls, l.status]).toEqual([3, 1, 'shortfall']);
  });

  it('2022-07-01..2023-06-30, every year, one class in August 2022: 2022 met (cut, required), 2023 not judged', () => {
    const rules = classes('year', { start: '2022-07-01', end: '2023-06-30' });
    const records = [rec('pc-aug', 'pc', 'b1', '2022-08-20')];
    const l = line(org(run(rules, records, { lang: 'en' }), 'b1'), 'pc');
    expect([l.points, l.shortfalls, l.status, l.value, l.target]).toEqual([4, 0, 'met', 1, 1]);
    expect(l.facts).toEqual({ due: 1, met: 1, missed: 0, notYetDue: 1 });
    expect(l.explanation).toBe(
      'A party class every year: required at least 1 per year; 1 of 1 year due met; 2023 runs past the end of the period (2023-06-30), so it is not judged in this period; nothing missed, 4 points',
    );
    expect(line(org(run(rules, records), 'b1'), 'pc').explanation).toBe(
      '党课每年至少1次：要求每年至少1次；已到期1年中1年达到；2023年在考核期结束（2023-06-30）后才结束，本期不作判断；无缺项，得4分',
    );
    // the class in May 2023 instead: it falls in the 2023 bucket, not judged; 2022 is missed: 3 points
    const may = line(org(run(rules, [rec('pc-may', 'pc', 'b1', '2023-05-20')]), 'b1'), 'pc');
    expect([may.points, may.shortfalls, may.status]).toEqual([3, 1, 'shortfall']);
  });
});

describe('F6: insufficient evidence with nothing due yet is in progress, not "counted as not done"', () => {
  it('a monthly cadence at 20 July in H2, nothing reported: in progress, 6 of 6, the nothing-due wording (en, zh)', () => {
    const rules = ruleSet(
      [ind({ id: 'theme', points: 6, measure: { type: 'cadence', recordTypes: ['td'], every: 'month' }, scoring: { method: 'deduct', perShortfall: 1 } })],
      { period: { year: 2022, half: 2 } },
    );
    const en = line(org(run(rules, [], { lang: 'en', asOf: '2022-07-20' }), 'b1'), 'theme');
    // July ends on 31 July, after the as-of date: 0 due, 6 not yet due, nothing off
    expect([en.status, en.points, en.shortfalls]).toEqual(['in-progress', 6, 0]);
    expect(en.explanation).toBe(
      'theme: required at least 1 per month; no month due yet; 6 months not yet due as of 2022-07-20; nothing reported and the source is not declared complete, but nothing is due yet: in progress; nothing missed, 6 points',
    );
    const zh = line(org(run(rules, [], { asOf: '2022-07-20' }), 'b1'), 'theme');
    expect(zh.explanation).toBe('theme：要求每月至少1次；尚无到期的月份；另有6个月截至2022-07-20尚未到期；无任何上报记录且数据源未声明完整，但尚无到期的要求，暂按进行中计；无缺项，得6分');
    // at 10 August July is due and missed: counted as not done, 1 off, 5 points
    const aug = line(org(run(rules, [], { lang: 'en', asOf: '2022-08-10' }), 'b1'), 'theme');
    expect([aug.status, aug.points]).toEqual(['insufficient-evidence', 5]);
    expect(aug.explanation).toContain('counted as not done by rule');
  });

  it('a deadline due 30 September with expected 1, nothing reported at 30 June: the unreported task counts as open once due', () => {
    const rules = ruleSet([
      ind({ id: 'wp', points: 6, measure: { type: 'deadline', recordTypes: ['t'], due: '2022-09-30', expected: 1 }, scoring: { method: 'deduct', perShortfall: 1 } }),
    ]);
    const l = line(org(run(rules, [], { lang: 'en', asOf: '2022-06-30' }), 'b1'), 'wp');
    expect([l.status, l.points]).toEqual(['in-progress', 6]);
    expect(l.explanation).toBe(
      'wp: 0 due, 0 on time, 0 late, 0 still open; 1 not yet due as of 2022-06-30; 1 expected, 0 reported, the rest count as open once due; nothing reported and the source is not declared complete, but nothing is due yet: in progress; nothing missed, 6 points',
    );
    // at the end of the year the task is open: 1 off, 5 points, and the old wording
    const done = line(org(run(rules, [], { lang: 'en' }), 'b1'), 'wp');
    expect([done.status, done.points]).toEqual(['insufficient-evidence', 5]);
    expect(done.explanation).toContain('1 expected, 0 reported, the rest count as open;');
  });
});

describe('F4: an explanation figure never reads as a threshold (or 0%, 100%) it is not', () => {
  it('distinctFigure adds digits only while the rounded figure reads as a mark it differs from', () => {
    expect(distinctFigure(0.8996, [0.9, 0, 1], { percent: true })).toBe('89.96%');
    expect(distinctFigure(0.875, [0.9, 0, 1], { percent: true })).toBe('87.5%');
    expect(distinctFigure(0.9, [0.9, 0, 1], { percent: true })).toBe('90%');
    expect(distinctFigure(0.0004, [0, 1], { percent: true })).toBe('0.04%');
    expect(distinctFigure(0.9996, [0, 1], { percent: true })).toBe('99.96%');
    expect(distinctFigure(89.996, [90, 0, 100])).toBe('89.996');
    expect(distinctFigure(88.333333333, [90])).toBe('88.33');
  });

  const att = (attended: number, expected: number) => [rec('ma', 'ma', 'b1', '2022-06-01', { attributes: { attended, expected } })];
  const ratio = (scoring: NonNullable<Parameters<typeof ind>[0]['scoring']>, atLeast = 0.9) =>
    ruleSet([ind({ id: 'a', points: 8, measure: { type: 'ratio', recordTypes: ['ma'], numerator: 'attended', denominator: 'expected', atLeast }, scoring })]);

  it('2249 of 2500 (89.96%) against at least 90%: shown as 89.96%, and as 0.8996 below a step at 0.9', () => {
    expect(line(org(run(ratio({ method: 'all-or-nothing' }), att(2249, 2500), { lang: 'en' }), 'b1'), 'a').explanation).toBe(
      'a: ratio 89.96% (2249/2500), required at least 90%; not met, 0 points',
    );
    const steps = ratio({ method: 'steps', steps: [{ atLeast: 0.95, points: 8 }, { atLeast: 0.9, points: 6 }] });
    expect(line(org(run(steps, att(2249, 2500)), 'b1'), 'a').explanation).toBe('a：比率 89.96%（2249/2500），要求不低于90%；实测值 0.8996，未达到最低档（0.9），得0分');
    // on the ratio: 0.8996 / 0.9 = 0.99955…, shown 99.96% beside a step at 100%
    const onRatio = ratio({ method: 'steps', on: 'ratio', steps: [{ atLeast: 1, points: 8 }] });
    expect(line(org(run(onRatio, att(2249, 2500), { lang: 'en' }), 'b1'), 'a').explanation).toContain('below the lowest step (100%)');
    expect(line(org(run(onRatio, att(2249, 2500), { lang: 'en' }), 'b1'), 'a').explanation).toContain('99.96%');
  });

  it('4 of 10000 in proportion, required 100%: 0.04%, not 0%; 8 × 0.0004 = 0.0032 → 0 points', () => {
    const l = line(org(run(ratio({ method: 'proportional' }, 1), att(4, 10000), { lang: 'en' }), 'b1'), 'a');
    expect(l.explanation).toBe('a: ratio 0.04% (4/10000), required at least 100%; 0.04% achieved, 0 points');
  });

  it('a mean of 89.996 against at least 90 is shown as 89.996; 99.96 of 100 in proportion as 99.96%', () => {
    const raters = [89.99, 90, 90, 90, 89.99].map((score, i) => rec(`r${i}`, 'ap', 'b1', '2022-06-01', { attributes: { rater: `q${i}`, score } }));
    const rules = ruleSet([ind({ id: 'c', points: 8, measure: { type: 'rating', recordTypes: ['ap'], aggregate: 'mean', scale: 100, atLeast: 90 }, scoring: { method: 'all-or-nothing' } })]);
    // (89.99 × 2 + 90 × 3) / 5 = 449.98 / 5 = 89.996
    expect(line(org(run(rules, raters, { lang: 'en' }), 'b1'), 'c').explanation).toBe(
      'c: 5 rater(s), mean 89.996 (out of 100), required at least 90, not reached; not met, 0 points',
    );
    const prop = ruleSet([ind({ id: 'd', points: 100, measure: { type: 'rating', recordTypes: ['ap'], aggregate: 'mean', scale: 100 }, scoring: { method: 'proportional' } })]);
    const one = [rec('r', 'ap', 'b1', '2022-06-01', { attributes: { rater: 'x', score: 99.96 } })];
    expect(line(org(run(prop, one, { lang: 'en' }), 'b1'), 'd').explanation).toBe('d: 1 rater(s), mean 99.96 (out of 100); 99.96% achieved, 99.96 points');
  });
});

describe('F8: a rater\'s record with the smallest id counts, valid or not', () => {
  it('rater-01 gives 120 (ap-1, invalid) then 50 (ap-9): no valid score for rater-01, the 50 a noted repeat', () => {
    const rules = ruleSet([
      ind({
        id: 'x',
        points: 30,
        responsibility: 'first',
        appliesTo: { posts: ['secretary'], in: ['branch'] },
        measure: { type: 'rating', recordTypes: ['ap'], aggregate: 'trimmed-mean', scale: 100 },
        scoring: { method: 'proportional' },
      }),
    ]);
    const r = (id: string, rater: string, score: number) => prec(id, 'ap', 'p-b1-sec', '2022-12-22', { attributes: { rater, score } });
    const records = [r('ap-9', 'rater-01', 50), r('ap-1', 'rater-01', 120), r('ap-2', 'rater-02', 90), r('ap-3', 'rater-03', 95)];
    const l = line(person(run(rules, records, { lang: 'en' }), 'p-b1-sec'), 'x');
    // 2 valid raters (90, 95), too few to trim: mean 92.5; 30 × 0.925 = 27.75
    expect([l.value, l.points, l.records.counted]).toEqual([92.5, 27.75, 2]);
    expect(l.records.ids).toEqual(['ap-2', 'ap-3']);
    expect(l.explanation).toBe(
      'x: 2 rater(s), too few to drop the highest and the lowest, plain mean 92.5 (out of 100); 1 repeated score(s) by the same rater ignored (the smallest record id kept); 1 score(s) not a number or outside 0–100 not counted; 92.5% achieved, 27.75 points',
    );
  });
});

describe('F5: a deadline with due and expected judges only the expected earliest completions', () => {
  const rules = (scoring: NonNullable<Parameters<typeof ind>[0]['scoring']>, due = '2022-03-31') =>
    ruleSet([
      ind({ id: 'wp', points: 2, appliesTo: { organizations: ['committee'] }, measure: { type: 'deadline', recordTypes: ['wp'], due, expected: 1 }, scoring }),
    ]);
  const issued = [rec('wp-02', 'wp', 'cm', '2022-05-10'), rec('wp-01', 'wp', 'cm', '2022-03-25')];

  it('issued 25 March, reissued 10 May: 1 on time, the reissue unused; deduct 0.2 each: 2 points, met', () => {
    const l = line(org(run(rules({ method: 'deduct', perShortfall: 0.2 }), issued, { lang: 'en' }), 'cm'), 'wp');
    expect([l.points, l.shortfalls, l.status, l.value, l.target, l.records.counted]).toEqual([2, 0, 'met', 1, 1, 1]);
    expect(l.records.ids).toEqual(['wp-01']);
    expect(l.facts).toMatchObject({ onTime: 1, late: 0, open: 0 });
    expect(l.explanation).toBe('wp: 1 due, 1 on time, 0 late, 0 still open; 1 record(s) beyond the 1 expected not counted (the earliest done count); nothing missed, 2 points');
    expect(line(org(run(rules({ method: 'all-or-nothing' }), issued), 'cm'), 'wp').explanation).toBe(
      'wp：应完成1项，按时1项，逾期完成0项，未完成0项；另有1条记录超出应有的1项，只计最早完成的1项，其余未计入；达标，得2分',
    );
  });

  it('both late (10 and 20 April): the earlier one counts, 1 late (10 days), 1 off at 1 each: 1 point', () => {
    const late = [rec('wp-b', 'wp', 'cm', '2022-04-20'), rec('wp-a', 'wp', 'cm', '2022-04-10')];
    const l = line(org(run(rules({ method: 'deduct', perShortfall: 1 }), late, { lang: 'en' }), 'cm'), 'wp');
    expect([l.points, l.shortfalls, l.records.ids]).toEqual([1, 1, ['wp-a']]);
    expect(l.facts).toMatchObject({ late: 1, worstLateDays: 10 });
  });

  it('no more records than expected: each is judged, late ones too (25 March on time, 10 May late: 0.2 off, 1.8)', () => {
    const two = ruleSet([
      ind({ id: 'wp', points: 2, appliesTo: { organizations: ['committee'] }, measure: { type: 'deadline', recordTypes: ['wp'], due: '2022-03-31', expected: 2 }, scoring: { method: 'deduct', perShortfall: 0.2 } }),
    ]);
    const l = line(org(run(two, issued), 'cm'), 'wp');
    expect([l.points, l.shortfalls, l.records.counted]).toEqual([1.8, 1, 2]);
  });
});

describe('F2: lint warns of a window only partly inside the period', () => {
  const withWindow = (from: string, to: string, period: RuleSetInput['period']) =>
    ruleSet([ind({ id: 'lecture', points: 5, measure: { type: 'window', recordTypes: ['lecture'], from, to }, scoring: { method: 'all-or-nothing' } })], { period });
  const windowFindings = (rules: ReturnType<typeof withWindow>, lang: 'zh' | 'en' = 'en') =>
    lintRuleSet(rules, undefined, { lang }).filter((f) => f.code.startsWith('lint-window'));

  it('15 June to 31 July against Q2 and Q3: partly outside, with both dates and the period in the message', () => {
    for (const quarter of [2, 3] as const) {
      const found = windowFindings(withWindow('2022-06-15', '2022-07-31', { year: 2022, quarter }));
      expect(found.map((f) => [f.severity, f.code, f.path])).toEqual([['warning', 'lint-window-partly-outside-period', ['indicators', 0, 'measure']]]);
    }
    const [zh] = windowFindings(withWindow('2022-06-15', '2022-07-31', { year: 2022, quarter: 3 }), 'zh');
    expect(zh?.message).toBe('指标「lecture」的时间窗口 2022-06-15 至 2022-07-31 只有一部分在考核期（2022年第三季度）内：窗口内、考核期外的记录本期不计入，在窗口内完成的也可能判为未达标');
  });

  it('a window inside the period (the period\'s own ends included) gives no finding; one wholly outside only the old one', () => {
    expect(windowFindings(withWindow('2022-07-01', '2022-09-30', { year: 2022, quarter: 3 }))).toEqual([]);
    expect(windowFindings(withWindow('2022-06-15', '2022-07-31', { year: 2022 }))).toEqual([]);
    expect(windowFindings(withWindow('2021-06-15', '2021-07-31', { year: 2022 })).map((f) => f.code)).toEqual(['lint-window-outside-period']);
    // starting before the period only, or ending after it only: both partly outside
    expect(windowFindings(withWindow('2021-12-15', '2022-01-31', { year: 2022 })).map((f) => f.code)).toEqual(['lint-window-partly-outside-period']);
    expect(windowFindings(withWindow('2022-12-15', '2023-01-31', { year: 2022 })).map((f) => f.code)).toEqual(['lint-window-partly-outside-period']);
  });
});
