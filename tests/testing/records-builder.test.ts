import { describe, expect, it } from 'vitest';
import { RecordInputSchema, normalizeRecord } from '../../src/index.js';
import { records } from '../../src/testing/index.js';
import { failureOf, issuesOf, validationErrorOf, year } from './helpers.js';

describe('records()', () => {
  it('monthly: one record on the 10th of each month, less the exceptions', () => {
    const built = records().monthly('theme-day', { organization: 'b1', year: 2022, except: [12] }).build();
    expect(built).toHaveLength(11);
    expect(built[0]).toEqual({ id: 'theme-day:b1:2022-01-10', type: 'theme-day', organization: 'b1', date: '2022-01-10' });
    expect(built.map((r) => r.date.slice(5, 7))).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11']);
  });

  it('monthly: chosen months and day, with attributes, status and source', () => {
    const built = year().monthly('theme-day', { organization: 'b1', months: [3, 4], day: 28, attributes: { minutes: 'm.pdf' }, source: 'zhdj', status: 'approved', title: '主题党日' }).build();
    expect(built).toEqual([
      { id: 'theme-day:b1:2022-03-28', type: 'theme-day', organization: 'b1', date: '2022-03-28', status: 'approved', source: 'zhdj', title: '主题党日', attributes: { minutes: 'm.pdf' } },
      { id: 'theme-day:b1:2022-04-28', type: 'theme-day', organization: 'b1', date: '2022-04-28', status: 'approved', source: 'zhdj', title: '主题党日', attributes: { minutes: 'm.pdf' } },
    ]);
  });

  it('quarterly: the 10th of each quarter’s middle month by default, or of the month given', () => {
    expect(year().quarterly('member-assembly', { organization: 'b1' }).build().map((r) => r.date)).toEqual(['2022-02-10', '2022-05-10', '2022-08-10', '2022-11-10']);
    expect(year().quarterly('party-class', { organization: 'b1', except: [2], month: 3, day: 25 }).build().map((r) => r.date)).toEqual(['2022-03-25', '2022-09-25', '2022-12-25']);
    expect(year().quarterly('party-class', { organization: 'b1', quarters: [4] }).build().map((r) => r.date)).toEqual(['2022-11-10']);
  });

  it('on, pending and rejected: one record each, with its status', () => {
    const built = records().on('2022-07-01', 'party-lecture', { person: 'p4' }).pending('2022-11-20', 'theme-day', { organization: 'b1' }).rejected('2022-05-10', 'publicity-campaign', { organization: 'b1' }).build();
    expect(built).toEqual([
      { id: 'party-lecture:p4:2022-07-01', type: 'party-lecture', person: 'p4', date: '2022-07-01' },
      { id: 'theme-day:b1:2022-11-20', type: 'theme-day', organization: 'b1', date: '2022-11-20', status: 'pending' },
      { id: 'publicity-campaign:b1:2022-05-10', type: 'publicity-campaign', organization: 'b1', date: '2022-05-10', status: 'rejected' },
    ]);
  });

  it('task: due and completed; dated 1 January of the due year unless told', () => {
    const built = records()
      .task('inspection-rectification', { organization: 'b1', due: '2022-06-30', completed: '2022-07-12' })
      .task('inspection-rectification', { organization: 'b1', due: '2022-09-30', date: '2022-03-01', person: 'p6' })
      .build();
    expect(built).toEqual([
      { id: 'inspection-rectification:b1:2022-01-01', type: 'inspection-rectification', organization: 'b1', date: '2022-01-01', due: '2022-06-30', completed: '2022-07-12' },
      { id: 'inspection-rectification:b1+p6:2022-03-01', type: 'inspection-rectification', organization: 'b1', person: 'p6', date: '2022-03-01', due: '2022-09-30' },
    ]);
  });

  it('ratings: one record per score, raters numbered, at year end', () => {
    const built = year().ratings('appraisal', { person: 'p4', scores: [90, 85] }).build();
    expect(built).toEqual([
      { id: 'appraisal:p4:2022-12-15:rater-1', type: 'appraisal', person: 'p4', date: '2022-12-15', attributes: { rater: 'rater-1', score: 90 } },
      { id: 'appraisal:p4:2022-12-15:rater-2', type: 'appraisal', person: 'p4', date: '2022-12-15', attributes: { rater: 'rater-2', score: 85 } },
    ]);
    expect(records().ratings('appraisal', { person: 'p4', scores: [70], raters: ['zhang'], date: '2022-11-30' }).build()[0]?.attributes).toEqual({ rater: 'zhang', score: 70 });
  });

  it('manual: a score record per group (or per score of a group) for the indicator', () => {
    const built = year().manual('br-review', { organization: 'b1', scores: { department: 90, inspection: [80, 70] } }).build();
    expect(built.map((r) => r.attributes)).toEqual([
      { indicator: 'br-review', group: 'department', score: 90 },
      { indicator: 'br-review', group: 'inspection', score: 80 },
      { indicator: 'br-review', group: 'inspection', score: 70 },
    ]);
    expect(built.map((r) => r.id)).toEqual(['manual-score:b1:2022-12-15:br-review:department', 'manual-score:b1:2022-12-15:br-review:inspection', 'manual-score:b1:2022-12-15:br-review:inspection#2']);
    expect(built.every((r) => r.type === 'manual-score')).toBe(true);
  });

  it('business: a business-score record', () => {
    expect(year().business(85, { organization: 'b1' }).build()).toEqual([{ id: 'business-score:b1:2022-12-15', type: 'business-score', organization: 'b1', date: '2022-12-15', attributes: { score: 85 } }]);
  });

  it('ids are deterministic, repeats numbered, explicit ids kept and stepped around', () => {
    const builder = records()
      .on('2022-03-01', 'theme-day', { organization: 'b1' })
      .on('2022-03-01', 'theme-day', { organization: 'b1' })
      .on('2022-04-01', 'theme-day', { organization: 'b1', id: 'mine' })
      .add({ id: 'theme-day:b1:2022-05-01', type: 'theme-day', organization: 'b1', date: '2022-06-01' })
      .on('2022-05-01', 'theme-day', { organization: 'b1' });
    const ids = builder.build().map((r) => r.id);
    expect(ids).toEqual(['theme-day:b1:2022-03-01', 'theme-day:b1:2022-03-01#2', 'mine', 'theme-day:b1:2022-05-01', 'theme-day:b1:2022-05-01#2']);
    expect(builder.build()).toEqual(builder.build());
    expect(builder.build({ avoid: ['theme-day:b1:2022-03-01'] })[0]?.id).toBe('theme-day:b1:2022-03-01#2');
  });

  it('takes its default year from records({ year }), else from the first record written', () => {
    const chained = records()
      .monthly('theme-day', { organization: 'b1', year: 2022, except: [12] })
      .ratings('appraisal', { person: 'p4', scores: [90] })
      .quarterly('party-class', { organization: 'b1', quarters: [1] })
      .build();
    expect(chained.slice(-2).map((r) => r.date)).toEqual(['2022-12-15', '2022-02-10']);
    expect(records().on('2021-07-01', 'x', { person: 'p4' }).business(80, { person: 'p4' }).build()[1]?.date).toBe('2021-12-15');
    expect(records({ year: 2023 }).on('2021-07-01', 'x', { person: 'p4' }).business(80, { person: 'p4' }).build()[1]?.date).toBe('2023-12-15');
  });

  it('add() takes other builders, and a builder is immutable', () => {
    const base = year().monthly('theme-day', { organization: 'b1' });
    const more = base.add(year().quarterly('party-class', { organization: 'b1' }));
    expect(base.build()).toHaveLength(12);
    expect(more.build()).toHaveLength(16);
  });

  it('every record built is valid: the schema and normalization accept it', () => {
    const built = year()
      .monthly('theme-day', { organization: 'b1', attributes: { minutes: 'm.pdf' } })
      .quarterly('member-assembly', { organization: 'b1', attributes: { attendees: ['a'], expected: ['a', 'b'] } })
      .on('2022-07-01', 'party-lecture', { person: 'p4' })
      .task('inspection-rectification', { organization: 'b1', due: '2022-06-30', completed: '2022-07-12' })
      .ratings('appraisal', { person: 'p4', scores: [90, 85, 88, 70, 95] })
      .manual('br-review', { organization: 'b1', scores: { department: 90 } })
      .business(80, { person: 'p4' })
      .pending('2022-12-01', 'theme-day', { organization: 'b1' })
      .build();
    for (const record of built) {
      expect(RecordInputSchema.safeParse(record).success, record.id).toBe(true);
      expect(normalizeRecord(record, []).ok, record.id).toBe(true);
    }
    expect(new Set(built.map((r) => r.id)).size).toBe(built.length);
  });

  it('refuses a record without a subject, an unreal date, and a missing year, saying so in Chinese or, on request, English', () => {
    expect(issuesOf(() => records().on('2022-07-01', 'party-lecture', {}))).toEqual([
      { code: 'record-without-subject', path: 'organization', message: '记录须至少填写 organization（党组织）或 person（人员）之一' },
    ]);
    expect(issuesOf(() => records().on('2022-02-30', 'party-lecture', { person: 'p4' }))[0]).toMatchObject({ code: 'invalid-date', path: 'date' });
    expect(failureOf(() => records().on('2022-02-30', 'party-lecture', { person: 'p4' }))).toContain('日期「2022-02-30」无效');
    expect(failureOf(() => records({ lang: 'en' }).on('2022-02-30', 'party-lecture', { person: 'p4' }))).toContain('invalid date "2022-02-30"');
    expect(issuesOf(() => records().monthly('theme-day', { organization: 'b1' }))).toEqual([
      { code: 'needs-year', path: 'year', message: 'monthly() 需要年份：records({ year: 2022 })、调用时的 { year }，或先写入一条带日期的记录' },
    ]);
    expect(failureOf(() => records({ lang: 'en' }).monthly('theme-day', { organization: 'b1' }))).toContain('monthly() needs a year: records({ year: 2022 })');
    expect(issuesOf(() => records().task('t', { organization: 'b1', due: '2022-13-01' }))).toEqual([
      { code: 'invalid-date', path: 'due', message: '日期「2022-13-01」无效：应为真实存在的日历日期，格式 YYYY-MM-DD（中国标准时间，不带时刻和时区）' },
    ]);
    // A day some months do not have makes no real date there.
    expect(issuesOf(() => year().monthly('theme-day', { organization: 'b1', months: [1, 2], day: 30 }))[0]?.message).toContain('日期「2022-02-30」无效');
  });
});

describe('records(): options are checked, never dropped', () => {
  it('refuses an option a helper does not have, listing those it has', () => {
    expect(issuesOf(() => year().monthly('theme-day', { organization: 'b1', exclude: [12] } as never))).toEqual([
      { code: 'unknown-option', path: 'exclude', message: '未知字段「exclude」；可用字段：organization, person, status, source, title, attributes, year, months, except, day' },
    ]);
    expect(failureOf(() => records({ year: 2022, lang: 'en' }).monthly('theme-day', { organization: 'b1', exept: [12] } as never))).toContain('unknown field "exept" (did you mean "except"?); allowed: organization, person');
    expect(issuesOf(() => records({ yaer: 2022 } as never))[0]).toMatchObject({ code: 'unknown-option', path: 'yaer' });
    // attributes are the helper's own on business and manual: given ones would be lost.
    expect(issuesOf(() => year().business(80, { organization: 'b1', attributes: { x: 1 } } as never))[0]).toMatchObject({ code: 'unknown-option', path: 'attributes' });
    // pending and rejected set the status: another one would be overridden.
    expect(issuesOf(() => year().pending('2022-11-20', 'theme-day', { organization: 'b1', status: 'approved' } as never))[0]).toMatchObject({ code: 'unknown-option', path: 'status' });
  });

  it('refuses months, quarters, days and years out of range, and exceptions among nothing chosen', () => {
    // month is the month of the quarter: 4 would put a Q1 record in April (Q2).
    expect(issuesOf(() => year().quarterly('party-class', { organization: 'b1', quarters: [1], month: 4 as 1 }))).toEqual([
      { code: 'invalid-value', path: 'month', message: '取值「4」无效，可选值：1, 2, 3' },
    ]);
    expect(issuesOf(() => year().quarterly('party-class', { organization: 'b1', quarters: [5], except: [0] })).map((i) => [i.code, i.path])).toEqual([
      ['too-big', 'quarters.0'],
      ['too-small', 'except.0'],
    ]);
    expect(issuesOf(() => year().monthly('theme-day', { organization: 'b1', months: [13], day: 1.5 })).map((i) => [i.code, i.path])).toEqual([
      ['too-big', 'months.0'],
      ['invalid-type', 'day'],
    ]);
    expect(issuesOf(() => year().monthly('theme-day', { organization: 'b1', months: [3, 4], except: [5] }))).toEqual([
      { code: 'except-unused', path: 'except.0', message: '要排除的「5」不在所选范围（3, 4）之中，什么也没有排除' },
    ]);
    expect(issuesOf(() => records({ year: 2022.5 }))[0]).toMatchObject({ code: 'invalid-type', path: 'year' });
  });

  it('ratings and manual: a rater per score, at least one score', () => {
    expect(issuesOf(() => year().ratings('appraisal', { person: 'p4', scores: [90, 80], raters: ['zhang'] }))).toEqual([
      { code: 'raters-count', path: 'raters', message: '给了 1 位评议人、2 个分数：评议人应与分数一一对应' },
    ]);
    expect(issuesOf(() => year().ratings('appraisal', { person: 'p4', scores: [] }))).toEqual([{ code: 'too-few', path: 'scores', message: '至少需要 1 项' }]);
    expect(issuesOf(() => year().manual('br-review', { organization: 'b1', scores: {} }))[0]).toMatchObject({ code: 'too-few', path: 'scores' });
    expect(issuesOf(() => year().manual('br-review', { organization: 'b1', scores: { department: [90, 'x' as unknown as number] } }))[0]).toMatchObject({ code: 'invalid-type', path: 'scores.department.1' });
  });
});

describe('add(): raw records checked at their place, ids given where missing', () => {
  const award = { type: 'award', organization: 'b1', date: '2022-10-01' };

  it('gives a raw record without an id the id the helpers would, numbered on repeats', () => {
    expect(records().add(award, award).build().map((r) => r.id)).toEqual(['award:b1:2022-10-01', 'award:b1:2022-10-01#2']);
    expect(records().add({ ...award, id: 'mine' }, award).build()).toEqual([
      { id: 'mine', type: 'award', organization: 'b1', date: '2022-10-01' },
      { id: 'award:b1:2022-10-01', type: 'award', organization: 'b1', date: '2022-10-01' },
    ]);
  });

  it('lists every problem of the raw records at its argument’s index', () => {
    const error = validationErrorOf(() => records().add(award, { type: 'award', organization: 'b1' } as never, { ...award, date: '2022-02-30', status: 'done' } as never, 42 as never));
    expect(error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['required', '1.date'],
      ['invalid-date', '2.date'],
      ['unknown-status', '2.status'],
      ['invalid-type', '3'],
    ]);
    expect(failureOf(() => records({ lang: 'en' }).add({ type: 'award', organization: 'b1' } as never))).toContain('[0].date: required field "date" is missing');
  });
});
