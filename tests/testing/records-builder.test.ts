import { describe, expect, it } from 'vitest';
import { RecordInputSchema, normalizeRecord } from '../../src/index.js';
import { records } from '../../src/testing/index.js';
import { failureOf, year } from './helpers.js';

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

  it('refuses a record without a subject, an unreal date, and a missing year, saying so', () => {
    expect(failureOf(() => records().on('2022-07-01', 'party-lecture', {}))).toMatch(/needs an organization or a person/);
    expect(failureOf(() => records().on('2022-02-30', 'party-lecture', { person: 'p4' }))).toMatch(/not a real calendar date/);
    expect(failureOf(() => records().monthly('theme-day', { organization: 'b1' }))).toMatch(/needs a year/);
    expect(failureOf(() => records().task('t', { organization: 'b1', due: '2022-13-01' }))).toMatch(/not a real calendar date/);
  });
});
