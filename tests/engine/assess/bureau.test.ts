// The bureau example assessed end to end, hand-checked against examples/bureau-2022/records.ndjson
// and rules.json (each expectation names the records it was checked on).
import { describe, expect, it } from 'vitest';
import { assess, readNdjsonSync } from '../../../src/index.js';
import { bureau, line, org, person } from './helpers.js';

const { graph, rules, recordsText } = bureau();
const result = assess({ graph, rules, records: readNdjsonSync(recordsText, { file: 'records.ndjson' }) });

describe('the bureau committee', () => {
  const bureauOrg = org(result, 'bureau');

  it('cm-topic-meetings: 3 topic meetings, one without minutes → 2 counted, 2 short, 1 off each → 2 of 4', () => {
    // r-2022-0050 (2-24) and r-2022-0208 (7-26) carry minutes; r-2022-0317 (11-17) has none
    const l = line(bureauOrg, 'cm-topic-meetings');
    expect(l).toMatchObject({ status: 'shortfall', points: 2, max: 4, value: 2, target: 4, shortfalls: 2 });
    expect(l.records).toMatchObject({ reported: 3, counted: 2, ids: ['r-2022-0050', 'r-2022-0208'], unsupported: 1 });
    expect(l.explanation).toContain('1条记录缺少佐证材料（minutes）未计入');
  });

  it('cm-work-points: issued 2022-04-12, due 2022-03-31 → 12 days late, 0.2 off → 1.8', () => {
    // r-2022-0091
    const l = line(bureauOrg, 'cm-work-points');
    expect(l).toMatchObject({ points: 1.8, max: 2, shortfalls: 1 });
    expect(l.facts).toMatchObject({ onTime: 0, late: 1, open: 0, worstLateDays: 12 });
  });

  it('cm-rectification: 3 items, one (due 9-30) done 10-12 → 2 off → 6 of 8', () => {
    // r-2022-0103 on time, r-2022-0104 late by 12 days, r-2022-0105 on time
    const l = line(bureauOrg, 'cm-rectification');
    expect(l).toMatchObject({ points: 6, max: 8, value: 2, target: 3 });
    expect(l.facts).toMatchObject({ onTime: 2, late: 1, open: 0, worstLateDays: 12 });
  });

  it('cm-delegate-election: completed 2022-06-20, due 6-30 → all 5', () => {
    expect(line(bureauOrg, 'cm-delegate-election')).toMatchObject({ status: 'met', points: 5 });
  });

  it('cm-center-group-study: no study in November → 6 − 0.5 = 5.5', () => {
    const l = line(bureauOrg, 'cm-center-group-study');
    expect(l).toMatchObject({ points: 5.5, facts: { due: 12, met: 11, missed: 1, notYetDue: 0 } });
    expect(l.explanation).toContain('缺1个月：2022年11月');
  });

  it('cm-supervision rolls up the five organizations directly below', () => {
    const l = line(bureauOrg, 'cm-supervision');
    const children = ['br-office', 'br-business', 'br-planning', 'br-retired', 'gb-center'].map((id) => org(result, id));
    const mean = children.reduce((sum, c) => sum + c.score / c.max, 0) / children.length;
    expect(l.value).toBeCloseTo(mean, 4);
    expect(l.points).toBeCloseTo(60 * mean, 2);
    expect(l.explanation).toContain('下级组织（5个）');
  });
});

describe('branches', () => {
  it('br-center-2: a serious disciplinary case → 差 with reason veto, whatever its score', () => {
    // r-2022-0229, severity serious
    const c2 = org(result, 'br-center-2');
    expect(c2.vetoes).toEqual([{ indicator: 'org-discipline-veto', recordIds: ['r-2022-0229'] }]);
    expect(c2.grade).toMatchObject({ ladder: 'organization', id: 'poor', title: '差', reason: 'veto' });
    // its score alone would have earned 好
    expect(c2.total).toBeGreaterThanOrEqual(90);
  });

  it('br-office: provincial 2 + municipal 1 = 3, capped at 3', () => {
    // r-2022-0171 municipal, r-2022-0312 provincial
    const office = org(result, 'br-office');
    const l = line(office, 'org-awards');
    expect(l).toMatchObject({ bonus: 3, points: 0, max: 0 });
    expect(l.records.bonusIds).toEqual(['r-2022-0171', 'r-2022-0312']);
    expect(office.bonus).toBe(3);
    expect(office.total).toBe(Math.round((office.scaled + 3) * 100) / 100);
  });

  it('br-retired: no secretary → br-secretary-in-post 0; no mobile-member records → br-mobile-members excluded', () => {
    const retired = org(result, 'br-retired');
    expect(line(retired, 'br-secretary-in-post')).toMatchObject({ status: 'shortfall', points: 0, max: 6 });
    expect(line(retired, 'br-secretary-in-post').explanation).toContain('未配备书记');
    // mobile-member-archive comes from 'oa', not declared complete; the indicator says exclude
    expect(line(retired, 'br-mobile-members')).toMatchObject({ status: 'excluded', points: 0, max: 0 });
    // 100 − 6 = 94 at stake
    expect(retired.max).toBe(94);
    // assemblies in Q1 and Q3 only: 6 − 2 × 1.5 = 3; no party class: 6 − 4 × 1.5 = 0
    expect(line(retired, 'br-assembly')).toMatchObject({ points: 3, facts: { due: 4, met: 2, missed: 2, notYetDue: 0 } });
    expect(line(retired, 'br-party-class')).toMatchObject({ points: 0, shortfalls: 4 });
    // no publicity at all, source not complete: insufficient, scored as not done (3 × 2 = 6 off)
    expect(line(retired, 'br-publicity')).toMatchObject({ status: 'insufficient-evidence', points: 0, max: 6 });
    // review: department only → incomplete
    expect(line(retired, 'br-review').shortfalls).toBe(1);
    expect(retired.scaled).toBe(Math.round((retired.score / 94) * 100 * 100) / 100);
  });

  it('br-planning: br-committee-meeting missed February and August → 8 − 2 × 0.5 = 7', () => {
    const l = line(org(result, 'br-planning'), 'br-committee-meeting');
    expect(l).toMatchObject({ points: 7, max: 8, shortfalls: 2, facts: { due: 12, met: 10, missed: 2, notYetDue: 0 } });
    expect(l.explanation).toContain('2022年2月、2022年8月');
  });

  it('br-center-1: March and April theme days without minutes → 10 − 2 = 8; an open rectification → 8 − 2 × 2 = 4', () => {
    const c1 = org(result, 'br-center-1');
    // r-2022-0064 (3-14) and r-2022-0109 (4-25) lack minutes
    expect(line(c1, 'br-theme-day')).toMatchObject({ points: 8, shortfalls: 2 });
    expect(line(c1, 'br-theme-day').records).toMatchObject({ reported: 12, counted: 10, unsupported: 2 });
    // r-2022-0124 due 9-30, never completed: open, counts as 2 shortfalls (openWeight 2), 2 off each
    expect(line(c1, 'br-rectification')).toMatchObject({ points: 4, shortfalls: 2, facts: { onTime: 1, late: 0, open: 1 } });
  });

  it("officer-staffed: 周婷 is officer in 4 organizations (limit 3) → 0 for each of them", () => {
    for (const id of ['br-office', 'br-business', 'br-planning', 'br-retired']) {
      const l = line(org(result, id), 'br-officer-staffed');
      expect(l, id).toMatchObject({ status: 'shortfall', points: 0, max: 6 });
      expect(l.explanation, id).toContain('周婷（兼任4个组织）兼职过多（上限3个）');
    }
    // the others have their own officer
    for (const id of ['gb-center', 'br-center-1', 'br-center-2']) expect(line(org(result, id), 'br-officer-staffed').points, id).toBe(6);
  });

  it('quota: 8 organizations × 0.3 → 2 keep 好, the others that earned it move to 较好', () => {
    const goods = result.organizations.filter((o) => o.grade?.id === 'good').map((o) => o.id);
    expect(goods).toHaveLength(2);
    const demoted = result.organizations.filter((o) => o.grade?.reason === 'quota');
    for (const o of demoted) {
      expect(o.grade).toMatchObject({ id: 'fairly-good', earned: 'good' });
      for (const keeper of goods) expect(org(result, keeper).total).toBeGreaterThanOrEqual(o.total);
    }
    // every organization that earned 好 on its score either kept it or was demoted by the quota
    const earnedGood = result.organizations.filter((o) => o.grade?.reason !== 'veto' && o.total >= 90).map((o) => o.id);
    expect([...goods, ...demoted.map((o) => o.id)].sort()).toEqual(earnedGood.sort());
  });
});

describe('people', () => {
  it("p-xu-tao is 'derelict': no lecture at all; only others' ratings of him", () => {
    const p = person(result, 'p-xu-tao');
    // party-lecture is from the complete source zhdj: measured zero
    expect(line(p, 'sec-july-lecture')).toMatchObject({ points: 0, max: 20 });
    expect(line(p, 'sec-july-lecture').records.reported).toBe(0);
    expect(line(p, 'appraisal-secretary').records.reported).toBe(7);
    expect(p.verdict).toBe('derelict');
  });

  it("p-zhao-lei is 'derelict': no visit to his contact point all year (4 quarters × 2.5 off)", () => {
    const p = person(result, 'p-zhao-lei');
    expect(line(p, 'leader-contact-visits')).toMatchObject({ points: 0, max: 10, shortfalls: 4 });
    expect(line(p, 'leader-contact-visits').records.reported).toBe(0);
    expect(p.verdict).toBe('derelict');
  });

  it('p-feng-bo lectured after the window: activity, so not derelict', () => {
    // r-2022-0217 on 2022-08-10, window 6-15 to 7-31
    const p = person(result, 'p-feng-bo');
    expect(line(p, 'sec-july-lecture')).toMatchObject({ points: 0 });
    expect(line(p, 'sec-july-lecture').records).toMatchObject({ reported: 1, counted: 0 });
    expect(p.verdict).not.toBe('derelict');
  });

  it("p-li-hua: the conflicting visit r-2022-0096 does not count, but r-2022-0163 covers Q2", () => {
    const l = line(person(result, 'p-li-hua'), 'leader-contact-visits');
    expect(l.records.ids).not.toContain('r-2022-0096');
    expect(l.records.ids).toContain('r-2022-0163');
    expect(l).toMatchObject({ points: 10, facts: { due: 4, met: 4, missed: 0, notYetDue: 0 } });
  });

  it('branch secretaries have no business score, so no composite', () => {
    expect(person(result, 'p-sun-wei').composite).toEqual({ business: null, value: null });
    expect(person(result, 'p-wang-jian').composite?.business).not.toBeNull();
    expect(result.warnings.map((w) => w.code)).toContain('warning-no-business-score');
  });
});

describe('evidence', () => {
  it('1 duplicate, 1 conflict, 2 pending, 1 rejected', () => {
    // duplicate: r-2022-0164 exported twice; conflict: r-2022-0096 with two dates;
    // pending: r-2022-0323, r-2022-0353; rejected: r-2022-0264
    expect(result.evidence).toMatchObject({ duplicates: 1, conflicts: 1, pending: 2, rejected: 1, outOfPeriod: 0, unknownSubject: 0 });
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['warning-conflict', 'warning-pending', 'warning-duplicates']));
    expect(result.warnings.find((w) => w.code === 'warning-conflict')?.params).toEqual({ id: 'r-2022-0096' });
    expect(result.warnings.find((w) => w.code === 'warning-pending')?.params).toEqual({ count: 2 });
  });

  it('the pending records are reported on their lines, not scored', () => {
    expect(line(org(result, 'br-office'), 'br-theme-day').records.pending).toBe(1);
    expect(line(org(result, 'br-planning'), 'br-history-study').records.pending).toBe(1);
    expect(line(org(result, 'br-business'), 'br-publicity').records.rejected).toBe(1);
  });

  it('the result names the rule set and the period', () => {
    expect(result.ruleSet).toMatchObject({ id: 'bureau-2022', version: '2022.1' });
    expect(result.period).toEqual({ start: '2022-01-01', end: '2022-12-31', asOf: null, label: '2022年度' });
    // every organization but the party group, which no indicator or ladder assesses; in
    // hierarchy order, siblings by id
    expect(result.organizations.map((o) => o.id)).toEqual(['bureau', 'br-business', 'br-office', 'br-planning', 'br-retired', 'gb-center', 'br-center-1', 'br-center-2']);
  });
});
