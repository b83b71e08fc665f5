// Behaviour of src/engine/evaluate-line.ts (one indicator line of one subject) that a mutation run
// over that file left Survived and that, on review, no existing test pinned down: the title in
// English when the indicator has no English title, the section, the line's record counts
// (reported less pending and rejected; a record measure's own count of what it used; a roll-up
// reads no records), the list separator in the note on records lacking supporting material, and
// the 20-id samples of bonus and veto records. Expected values are worked out by hand from the
// inputs beside them; the small graph and the record helpers are those of
// tests/engine/assess/helpers.ts.
//
// Every scenario is built and run inside its `it`, not in a describe body: Stryker switches a
// mutant on in a beforeAll hook, after the describe bodies have run, and counts coverage per test.
import { describe, expect, it } from 'vitest';
import { ind, line, manualIndicator, manualScore, org, rec, ruleSet, run } from '../engine/assess/helpers.js';

/** `${prefix}-01` … `${prefix}-${n}`, two digits, in id order. */
const idsUpTo = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);

describe('evaluate-line.ts: title and section', () => {
  it('in English a line takes titleEn, and the Chinese title where the indicator has none', () => {
    const rules = ruleSet([
      ind({ id: 'topic', title: '专题研究', titleEn: 'Topic meetings', points: 2, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
      ind({ id: 'talk', title: '谈心谈话', points: 2, measure: { type: 'count', recordTypes: ['talk'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
    ]);
    const records = [rec('t1', 'topic', 'b1', '2022-03-01'), rec('k1', 'talk', 'b1', '2022-04-01')];

    // b1 has one of each: 1 of at least 1, met, 2 points
    const en = org(run(rules, records, { lang: 'en' }), 'b1');
    expect(line(en, 'topic').title).toBe('Topic meetings');
    expect(line(en, 'topic').explanation).toBe('Topic meetings: required at least 1, found 1; met, 2 points');
    expect(line(en, 'talk').title).toBe('谈心谈话');
    expect(line(en, 'talk').explanation).toBe('谈心谈话: required at least 1, found 1; met, 2 points');
    // b2 has no records (a line built without gathered records): the same title
    expect(line(org(run(rules, records, { lang: 'en' }), 'b2'), 'talk').title).toBe('谈心谈话');

    const zh = org(run(rules, records), 'b1');
    expect(line(zh, 'topic').title).toBe('专题研究');
    expect(line(zh, 'topic').explanation).toBe('专题研究：要求不少于1次，实有1次；达标，得2分');
    expect(line(zh, 'talk').title).toBe('谈心谈话');
    expect(line(zh, 'talk').explanation).toBe('谈心谈话：要求不少于1次，实有1次；达标，得2分');
  });

  it('a line carries its section when the indicator has one, and no section key otherwise', () => {
    const rules = ruleSet([
      ind({ id: 'topic', section: '落实基层党建工作责任制', points: 2, measure: { type: 'count', recordTypes: ['topic'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
      ind({ id: 'talk', points: 2, measure: { type: 'count', recordTypes: ['talk'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
    ]);
    const result = run(rules, [rec('t1', 'topic', 'b1', '2022-03-01'), rec('k1', 'talk', 'b1', '2022-04-01')]);
    // b1 with records, b2 without: both lines of 'topic' name the section, neither of 'talk' has the key
    for (const id of ['b1', 'b2']) {
      expect(line(org(result, id), 'topic').section).toBe('落实基层党建工作责任制');
      expect(line(org(result, id), 'talk')).not.toHaveProperty('section');
    }
  });
});

describe('evaluate-line.ts: record counts and notes', () => {
  it('reported leaves out pending and rejected records; the unsupported note lists every required attribute (zh and en)', () => {
    const rules = ruleSet([
      ind({
        id: 'meetings',
        title: '三会一课',
        titleEn: 'Three meetings, one lesson',
        points: 8,
        measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4, requireAttributes: ['minutes', 'photos'] },
        scoring: { method: 'deduct', perShortfall: 2 },
      }),
    ]);
    const both = { minutes: 'm.pdf', photos: 'p.jpg' };
    const records = [
      rec('r1', 'meeting', 'b1', '2022-02-01', { attributes: both }),
      rec('r2', 'meeting', 'b1', '2022-03-01', { attributes: both }),
      // minutes but no photos: unsupported
      rec('r3', 'meeting', 'b1', '2022-04-01', { attributes: { minutes: 'c.pdf' } }),
      rec('r4', 'meeting', 'b1', '2022-05-01', { attributes: both, status: 'pending' }),
      rec('r5', 'meeting', 'b1', '2022-06-01', { attributes: both, status: 'rejected' }),
      rec('r6', 'meeting', 'b1', '2022-07-01', { attributes: both, status: 'rejected' }),
    ];
    // seen 6, less 1 pending and 2 rejected: 3 reported (r1, r2, r3); r3 unsupported: 2 counted.
    // 2 of at least 4: 2 short × 2 = 4 off 8 → 4 points
    const expected = { reported: 3, counted: 2, ids: ['r1', 'r2'], pending: 1, rejected: 2, unsupported: 1, bonusIds: [], vetoIds: [] };
    const zh = line(org(run(rules, records), 'b1'), 'meetings');
    expect(zh).toMatchObject({ status: 'shortfall', points: 4, max: 8, value: 2, target: 4, shortfalls: 2, ratio: 0.5 });
    expect(zh.records).toEqual(expected);
    expect(zh.explanation).toBe(
      '三会一课：要求不少于4次，实有2次，缺2次；缺2次，每次扣2分，扣4分，得4分；另有1条待审核记录未计入；2条已退回记录未计入；1条记录缺少佐证材料（minutes、photos）未计入',
    );
    const en = line(org(run(rules, records, { lang: 'en' }), 'b1'), 'meetings');
    expect(en.records).toEqual(expected);
    expect(en.explanation).toBe(
      'Three meetings, one lesson: required at least 4, found 2, 2 short; 2 short, 2 off each, 4 off, 4 points; ' +
        '1 pending record(s) not counted; 2 rejected record(s) not counted; 1 record(s) lacking supporting material (minutes, photos) not counted',
    );
  });

  it("a record measure's own count decides counted: manual scores of an unknown group or off the scale do not count", () => {
    // s1: group g, 80 (counts); s2: 180 is above the scale of 100; s3: group zz is not in the rule.
    // All three are approved and supported, so the line itself sets none aside (3 reported), but the
    // measure used one: counted 1, the score is g's 80 → 80 % of 100 points
    const result = run(ruleSet([manualIndicator('score', 100)]), [
      manualScore('s1', { organization: 'b1' }, 'score', 80),
      manualScore('s2', { organization: 'b1' }, 'score', 180),
      manualScore('s3', { organization: 'b1' }, 'score', 70, 'zz'),
    ]);
    const l = line(org(result, 'b1'), 'score');
    expect(l).toMatchObject({ status: 'met', points: 80, max: 100, value: 80, ratio: 0.8 });
    expect(l.records).toMatchObject({ reported: 3, counted: 1, pending: 0, rejected: 0, unsupported: 0 });
    // the ids are those of the records that counted: s2 and s3 were left out by the measure
    expect(l.records.ids).toEqual(['s1']);
  });

  it('the ids of a line never list a record its measure left out: a second rating of one rater, a task with no due date', () => {
    // rating: p1 rates 90 (a1) and again 60 (a2: the rater's record with the smaller id wins), p2
    // rates 80 (a3) → 2 raters, mean (90 + 80) / 2 = 85, counted 2, ids a1 and a3
    const rating = ind({ id: 'appraisal', points: 10, measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 }, scoring: { method: 'proportional' } });
    // deadline with no due date in the rule: t1 has its own due date and was done on time; t2 has none → left out
    const tasks = ind({ id: 'tasks', points: 10, measure: { type: 'deadline', recordTypes: ['task'] }, scoring: { method: 'proportional' } });
    const result = run(ruleSet([rating, tasks]), [
      rec('a1', 'appraisal', 'b1', '2022-12-01', { attributes: { rater: 'p1', score: 90 } }),
      rec('a2', 'appraisal', 'b1', '2022-12-02', { attributes: { rater: 'p1', score: 60 } }),
      rec('a3', 'appraisal', 'b1', '2022-12-03', { attributes: { rater: 'p2', score: 80 } }),
      rec('t1', 'task', 'b1', '2022-03-01', { due: '2022-06-30', completed: '2022-06-01' }),
      rec('t2', 'task', 'b1', '2022-03-02'),
    ]);
    const b1 = org(result, 'b1');
    expect(line(b1, 'appraisal')).toMatchObject({ value: 85, records: { reported: 3, counted: 2, ids: ['a1', 'a3'] } });
    expect(line(b1, 'tasks')).toMatchObject({ records: { reported: 2, counted: 1, ids: ['t1'] } });
  });

  it('a roll-up reads no records: counted 0, whatever number of organizations it averaged', () => {
    // b1 met its meeting line (share 1), b2 did not (share 0); the committee's roll-up of its two
    // children: 50 % → 5 of 10 points, from 2 organizations, but no record counted
    const rules = ruleSet([
      ind({ id: 'meet', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
      ind({ id: 'ru', points: 10, appliesTo: { organizations: ['committee'] }, measure: { type: 'roll-up', from: [{ source: 'children', weight: 1 }] }, scoring: { method: 'proportional' } }),
    ]);
    const l = line(org(run(rules, [rec('m1', 'meeting', 'b1', '2022-03-01')]), 'cm'), 'ru');
    expect(l).toMatchObject({ status: 'met', points: 5, max: 10, value: 0.5, ratio: 0.5 });
    expect(l.records).toEqual({ reported: 0, counted: 0, ids: [], pending: 0, rejected: 0, unsupported: 0, bonusIds: [], vetoIds: [] });
  });
});

describe('evaluate-line.ts: bonus and veto samples', () => {
  it('bonusIds keeps the 20 smallest of 22 bonus records, in id order; the bonus is capped (zh and en)', () => {
    const rules = ruleSet([
      ind({
        id: 'awards',
        title: '创先争优',
        titleEn: 'Excellence',
        points: 4,
        measure: { type: 'count', recordTypes: ['meeting'], atLeast: 1 },
        scoring: { method: 'all-or-nothing' },
        bonus: { recordTypes: ['award'], each: 0.5, cap: 3 },
      }),
    ]);
    const awards = idsUpTo('w', 22);
    // added in the order w-01, w-08, w-15, w-22, w-07, … (7 × i mod 22, a permutation)
    const records = [rec('m1', 'meeting', 'b1', '2022-03-01'), ...awards.map((_, i) => rec(awards[(7 * i) % 22] as string, 'award', 'b1', '2022-09-01'))];
    // 22 × 0.5 = 11, capped at 3
    const zh = line(org(run(rules, records), 'b1'), 'awards');
    expect(zh).toMatchObject({ status: 'met', points: 4, bonus: 3 });
    expect(zh.records).toEqual({ reported: 1, counted: 1, ids: ['m1'], pending: 0, rejected: 0, unsupported: 0, bonusIds: awards.slice(0, 20), vetoIds: [] });
    expect(zh.records.bonusIds).toHaveLength(20);
    expect(zh.explanation).toBe('创先争优：要求不少于1次，实有1次；达标，得4分；加3分（封顶3分）');
    const en = line(org(run(rules, records, { lang: 'en' }), 'b1'), 'awards');
    expect(en.records.bonusIds).toEqual(awards.slice(0, 20));
    expect(en.explanation).toBe('Excellence: required at least 1, found 1; met, 4 points; bonus 3 (capped at 3)');
  });

  it('vetoIds keeps the 20 smallest of 21 veto records, in id order; the explanation names the first 5 (zh and en)', () => {
    const rules = ruleSet([ind({ id: 'discipline', title: '纪律', titleEn: 'Discipline', veto: { recordTypes: ['incident'] } })]);
    const incidents = idsUpTo('v', 21);
    // added in the order v-01, v-06, v-11, v-16, v-21, v-05, … (5 × i mod 21, a permutation)
    const records = incidents.map((_, i) => rec(incidents[(5 * i) % 21] as string, 'incident', 'b1', '2022-05-01'));
    // no measure, 0 points: max 0, ratio 1; b2 has no incident
    const zh = run(rules, records);
    const b1 = line(org(zh, 'b1'), 'discipline');
    expect(b1).toMatchObject({ status: 'vetoed', veto: true, points: 0, max: 0, ratio: 1 });
    expect(b1.records).toEqual({ reported: 0, counted: 0, ids: [], pending: 0, rejected: 0, unsupported: 0, bonusIds: [], vetoIds: incidents.slice(0, 20) });
    expect(b1.explanation).toBe('纪律：触发一票否决（记录 v-01、v-02、v-03、v-04、v-05）');
    expect(line(org(zh, 'b2'), 'discipline')).toMatchObject({ status: 'met', veto: false, ratio: 1, explanation: '纪律：未触发一票否决' });

    const en = run(rules, records, { lang: 'en' });
    expect(line(org(en, 'b1'), 'discipline').records.vetoIds).toEqual(incidents.slice(0, 20));
    expect(line(org(en, 'b1'), 'discipline').explanation).toBe('Discipline: veto fired (records v-01, v-02, v-03, v-04, v-05)');
    expect(line(org(en, 'b2'), 'discipline').explanation).toBe('Discipline: veto not fired');
  });
});
