// What records count: review status, duplicates and conflicting versions, the period and asOf,
// unknown types and subjects, supporting material, attribute filters, scope, whose records a
// person is scored on, and invalid records.
import { describe, expect, it } from 'vitest';
import { readNdjsonSync, ValidationError, type RecordInput } from '../../../src/index.js';
import { ind, line, org, person, prec, rec, ruleSet, run, thrown, warning, warningCodes } from './helpers.js';

/** Two meetings a year; 5 off per missing meeting. */
const MEETINGS = ind({
  id: 'meetings',
  points: 10,
  measure: { type: 'count', recordTypes: ['meeting'], atLeast: 2 },
  scoring: { method: 'deduct', perShortfall: 5 },
});
const RULES = ruleSet([MEETINGS]);

describe('review status', () => {
  const result = run(RULES, [
    rec('m1', 'meeting', 'b1', '2022-03-01'),
    rec('m2', 'meeting', 'b1', '2022-04-01', { status: 'pending' }),
    rec('m3', 'meeting', 'b1', '2022-05-01', { status: 'rejected' }),
    rec('m4', 'meeting', 'b1', '2022-06-01', { status: 'approved' }),
  ]);
  const l = line(org(result, 'b1'), 'meetings');

  it('only approved records count (status defaults to approved)', () => {
    // m1 (no status) and m4 count: 2 of 2 → 10
    expect(l).toMatchObject({ value: 2, points: 10, status: 'met' });
    expect(l.records).toEqual({ reported: 2, counted: 2, ids: ['m1', 'm4'], pending: 1, rejected: 1, unsupported: 0, bonusIds: [], vetoIds: [] });
  });

  it('pending records are counted in the stats, on the line and in a warning', () => {
    expect(result.evidence).toMatchObject({ received: 4, pending: 1, rejected: 1, duplicates: 0, conflicts: 0 });
    expect(warning(result, 'warning-pending').params).toEqual({ count: 1 });
    expect(l.explanation).toContain('另有1条待审核记录未计入');
    expect(l.explanation).toContain('1条已退回记录未计入');
  });
});

describe('duplicates and conflicting versions', () => {
  it('a verbatim duplicate counts once', () => {
    const one = rec('m1', 'meeting', 'b1', '2022-03-01', { attributes: { topic: '学习', minutes: 'a.pdf' } });
    // the same record: attributes in another order and the default status written out
    const again = rec('m1', 'meeting', 'b1', '2022-03-01', { status: 'approved', attributes: { minutes: 'a.pdf', topic: '学习' } });
    const result = run(RULES, [one, again, one]);
    expect(line(org(result, 'b1'), 'meetings')).toMatchObject({ value: 1, points: 5 });
    expect(result.evidence).toMatchObject({ received: 1, duplicates: 2, conflicts: 0 });
    expect(warning(result, 'warning-duplicates').params).toEqual({ count: 2 });
  });

  const a = rec('m1', 'meeting', 'b1', '2022-03-01');
  const b = rec('m1', 'meeting', 'b1', '2022-03-02');
  const other = rec('m2', 'meeting', 'b1', '2022-05-01');

  it('two versions under one id: neither counts', () => {
    const result = run(RULES, [a, other, b]);
    // only m2 counts: 1 of 2 → 10 − 5 = 5
    const l = line(org(result, 'b1'), 'meetings');
    expect(l).toMatchObject({ value: 1, points: 5 });
    expect(l.records.ids).toEqual(['m2']);
    expect(result.evidence).toMatchObject({ received: 3, conflicts: 1, duplicates: 0 });
    expect(warning(result, 'warning-conflict').params).toEqual({ id: 'm1' });
  });

  it('gives the same result whichever version comes first', () => {
    const orders: RecordInput[][] = [
      [a, other, b],
      [b, other, a],
      [other, b, a],
      [a, b, other],
    ];
    const texts = orders.map((records) => JSON.stringify(run(RULES, records)));
    for (const text of texts) expect(text).toBe(texts[0]);
  });

  it('a version seen again after the conflict is a duplicate; neither version ever comes back', () => {
    const result = run(RULES, [a, b, a, b, other]);
    expect(result.evidence).toMatchObject({ received: 3, conflicts: 1, duplicates: 2 });
    expect(line(org(result, 'b1'), 'meetings').value).toBe(1);
  });

  it('versions routed differently are both withdrawn: a pending, b approved for another branch', () => {
    const pending = rec('m1', 'meeting', 'b1', '2022-03-01', { status: 'pending' });
    const elsewhere = rec('m1', 'meeting', 'b2', '2022-03-01');
    const one = run(RULES, [pending, elsewhere]);
    const two = run(RULES, [elsewhere, pending]);
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    // the pending version was withdrawn: nothing pending, no pending warning, nothing counted anywhere
    expect(one.evidence).toMatchObject({ received: 2, conflicts: 1, pending: 0 });
    expect(warningCodes(one)).not.toContain('warning-pending');
    expect(line(org(one, 'b1'), 'meetings').records).toMatchObject({ reported: 0, pending: 0 });
    expect(line(org(one, 'b2'), 'meetings').records).toMatchObject({ reported: 0, counted: 0 });
  });

  it('a version out of the period conflicting with one inside: nothing out of period is left', () => {
    const outside = rec('m1', 'meeting', 'b1', '2021-12-30');
    for (const records of [[outside, a], [a, outside]]) {
      const result = run(RULES, records);
      expect(result.evidence).toMatchObject({ conflicts: 1, outOfPeriod: 0 });
      expect(line(org(result, 'b1'), 'meetings').value).toBe(0);
    }
  });
});

describe('the period and asOf', () => {
  it('records dated outside the period do not count and are reported', () => {
    const result = run(RULES, [
      rec('m0', 'meeting', 'b1', '2021-12-31'),
      rec('m1', 'meeting', 'b1', '2022-01-01'),
      rec('m2', 'meeting', 'b1', '2022-12-31'),
      rec('m3', 'meeting', 'b1', '2023-01-01'),
    ]);
    // the first and last day of 2022 are inside
    expect(line(org(result, 'b1'), 'meetings').records.ids).toEqual(['m1', 'm2']);
    expect(result.evidence).toMatchObject({ received: 4, outOfPeriod: 2 });
    expect(warning(result, 'warning-out-of-period').params).toEqual({ count: 2 });
  });

  it('records dated after asOf do not count yet', () => {
    const result = run(RULES, [rec('m1', 'meeting', 'b1', '2022-06-30'), rec('m2', 'meeting', 'b1', '2022-07-01')], { asOf: '2022-06-30' });
    // asOf is inclusive: m1 counts, m2 not yet
    const l = line(org(result, 'b1'), 'meetings');
    expect(l.records.ids).toEqual(['m1']);
    expect(l).toMatchObject({ value: 1, shortfalls: 1, status: 'in-progress' });
    expect(result.evidence.outOfPeriod).toBe(1);
    expect(result.period.asOf).toBe('2022-06-30');
  });
});

describe('unknown record types and subjects', () => {
  const records = [
    rec('m1', 'meeting', 'b1', '2022-03-01'),
    rec('x1', 'mystery', 'b1', '2022-03-01'),
    rec('x2', 'mystery', 'b2', '2022-03-02'),
    rec('d1', 'declared-unused', 'b1', '2022-03-03'),
  ];

  it('without declared record types every unread type is "unused"', () => {
    const result = run(RULES, records);
    expect(result.evidence.unusedType).toBe(3);
    // in type order
    expect(result.warnings.filter((w) => w.code.startsWith('warning-un')).map((w) => [w.code, w.params])).toEqual([
      ['warning-unused-record-type', { type: 'declared-unused', count: 1 }],
      ['warning-unused-record-type', { type: 'mystery', count: 2 }],
    ]);
  });

  it('with declared record types an undeclared one is "unknown", a declared but unread one "unused"', () => {
    const declared = ruleSet([MEETINGS], {
      recordTypes: [
        { id: 'meeting', title: '会议' },
        { id: 'declared-unused', title: '备用' },
      ],
    });
    const result = run(declared, records);
    expect(result.evidence.unusedType).toBe(3);
    expect(result.warnings.filter((w) => w.code.startsWith('warning-un')).map((w) => [w.code, w.params])).toEqual([
      ['warning-unused-record-type', { type: 'declared-unused', count: 1 }],
      ['warning-unknown-record-type', { type: 'mystery', count: 2 }],
    ]);
  });

  it('records naming an organization or a person not in the graph', () => {
    const result = run(RULES, [
      rec('m1', 'meeting', 'b1', '2022-03-01'),
      rec('m2', 'meeting', 'b9', '2022-03-01'),
      rec('m3', 'meeting', 'b9', '2022-04-01'),
      prec('m4', 'meeting', 'p-ghost', '2022-03-01'),
    ]);
    expect(result.evidence).toMatchObject({ received: 4, unknownSubject: 3 });
    expect(result.warnings.filter((w) => w.code === 'warning-unknown-subject').map((w) => w.params)).toEqual([
      { id: 'b9', count: 2 },
      { id: 'p-ghost', count: 1 },
    ]);
    expect(line(org(result, 'b1'), 'meetings').value).toBe(1);
  });
});

describe('warnings', () => {
  it('come in a fixed order: types, subjects, conflicts, pending, duplicates, out of period, invalid', () => {
    const dup = rec('d1', 'meeting', 'b1', '2022-03-01');
    const result = run(
      RULES,
      [
        { id: 'bad', type: 'meeting', organization: 'b1', date: 'never' },
        rec('o1', 'meeting', 'b1', '2023-03-01'),
        dup,
        dup,
        rec('p1', 'meeting', 'b1', '2022-04-01', { status: 'pending' }),
        rec('c1', 'meeting', 'b1', '2022-05-01'),
        rec('c1', 'meeting', 'b1', '2022-05-02'),
        rec('u1', 'meeting', 'b9', '2022-05-01'),
        rec('x1', 'mystery', 'b1', '2022-05-01'),
      ],
      { invalidRecords: 'skip' },
    );
    expect(warningCodes(result)).toEqual([
      'warning-unused-record-type',
      'warning-unknown-subject',
      'warning-conflict',
      'warning-pending',
      'warning-duplicates',
      'warning-out-of-period',
      'warning-invalid-records',
    ]);
    expect(result.evidence).toEqual({ received: 7, duplicates: 1, conflicts: 1, outOfPeriod: 1, pending: 1, rejected: 0, unusedType: 1, unknownSubject: 1, unknownReference: 0, unassignedScore: 0 });
    // messages are rendered in the run's language
    expect(warning(result, 'warning-duplicates').message).toBe('1条重复记录（编号与内容相同）只计一次');
    expect(warning(run(RULES, [dup, dup], { lang: 'en' }), 'warning-duplicates').message).toBe('1 verbatim duplicate record(s) counted once');
  });
});

describe('a known organization with a person not in the graph', () => {
  it("the organization's evidence still counts for its organization indicators", () => {
    // The graph lists posts, not every member: a disciplinary case names the offending member,
    // a meeting record its note-taker. Neither person matters to a branch's own indicators.
    const rules = ruleSet([MEETINGS, ind({ id: 'discipline', veto: { recordTypes: ['case'] } })]);
    const result = run(rules, [
      rec('m1', 'meeting', 'b1', '2022-03-01', { person: 'p-note-taker' }),
      rec('m2', 'meeting', 'b1', '2022-04-01'),
      rec('k1', 'case', 'b1', '2022-08-16', { person: 'p-offender' }),
    ]);
    // Regression (was a bug): accumulate.ts route() drops any record naming an unknown person before routing it,
    // so m1 does not count (1 of 2 → 5 instead of 10) and the veto k1 never fires.
    expect(line(org(result, 'b1'), 'meetings').records.ids).toEqual(['m1', 'm2']);
    expect(org(result, 'b1').vetoes).toEqual([{ indicator: 'discipline', recordIds: ['k1'] }]);
  });
});

describe('supporting material (requireAttributes)', () => {
  const rules = ruleSet([
    ind({
      id: 'minuted',
      points: 8,
      measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4, requireAttributes: ['minutes'] },
      scoring: { method: 'deduct', perShortfall: 2 },
    }),
  ]);
  const result = run(rules, [
    rec('r1', 'meeting', 'b1', '2022-02-01', { attributes: { minutes: 'a.pdf' } }),
    rec('r2', 'meeting', 'b1', '2022-03-01', { attributes: { minutes: '' } }),
    rec('r3', 'meeting', 'b1', '2022-04-01', { attributes: { minutes: [] } }),
    rec('r4', 'meeting', 'b1', '2022-05-01'),
    rec('r5', 'meeting', 'b1', '2022-06-01', { attributes: { minutes: null } }),
    rec('r6', 'meeting', 'b1', '2022-07-01', { attributes: { minutes: ['b.pdf'] } }),
  ]);

  it('records lacking the attribute (missing, empty, null, []) are unsupported and not counted', () => {
    const l = line(org(result, 'b1'), 'minuted');
    // r1 and r6 count: 2 of 4, 2 short × 2 → 4
    expect(l).toMatchObject({ value: 2, shortfalls: 2, points: 4 });
    expect(l.records).toMatchObject({ reported: 6, counted: 2, ids: ['r1', 'r6'], unsupported: 4 });
    expect(l.explanation).toContain('4条记录缺少佐证材料（minutes）未计入');
  });
});

describe('attribute filters (where)', () => {
  const rules = ruleSet([
    ind({
      id: 'history',
      points: 4,
      measure: { type: 'count', recordTypes: ['study'], atLeast: 3, where: { tags: '党史' } },
      scoring: { method: 'deduct', perShortfall: 2 },
    }),
    ind({
      id: 'high-level',
      points: 4,
      measure: { type: 'count', recordTypes: ['training'], atLeast: 1, where: { level: ['省级', '国家级'], online: false } },
      scoring: { method: 'all-or-nothing' },
    }),
  ]);
  const result = run(rules, [
    rec('s1', 'study', 'b1', '2022-02-01', { attributes: { tags: ['党史', '理论'] } }),
    rec('s2', 'study', 'b1', '2022-03-01', { attributes: { tags: ['理论'] } }),
    rec('s3', 'study', 'b1', '2022-04-01', { attributes: { tags: '党史' } }),
    rec('s4', 'study', 'b1', '2022-05-01'),
    rec('t1', 'training', 'b1', '2022-02-01', { attributes: { level: '市级', online: false } }),
    rec('t2', 'training', 'b1', '2022-03-01', { attributes: { level: '省级', online: 'false' } }),
    rec('t3', 'training', 'b1', '2022-04-01', { attributes: { level: '省级' } }),
    rec('t4', 'training', 'b2', '2022-04-01', { attributes: { level: '国家级', online: false } }),
  ]);

  it('a list attribute matches when it contains the value; a scalar when equal', () => {
    const l = line(org(result, 'b1'), 'history');
    // s1 (list containing 党史) and s3 (equal): 2 of 3 → 4 − 2 = 2; s2 and s4 are not the indicator's records at all
    expect(l.records.ids).toEqual(['s1', 's3']);
    expect(l.records.reported).toBe(2);
    expect(l).toMatchObject({ value: 2, points: 2 });
  });

  it('a filter list matches any of its values; every key must match, types included', () => {
    // t1 wrong level, t2 online is the string 'false', t3 lacks online
    expect(line(org(result, 'b1'), 'high-level')).toMatchObject({ value: 0, points: 0 });
    expect(line(org(result, 'b2'), 'high-level')).toMatchObject({ value: 1, points: 4 });
  });
});

describe('scope', () => {
  const rules = ruleSet([
    ind({
      id: 'cm-publicity',
      appliesTo: { organizations: ['committee'] },
      points: 8,
      measure: { type: 'count', recordTypes: ['pub'], atLeast: 5, scope: 'subtree' },
      scoring: { method: 'proportional' },
    }),
    ind({ id: 'br-publicity', points: 2, measure: { type: 'count', recordTypes: ['pub'], atLeast: 1 }, scoring: { method: 'all-or-nothing' } }),
    ind({
      id: 'br-publicity-subtree',
      points: 2,
      measure: { type: 'count', recordTypes: ['pub'], atLeast: 2, scope: 'subtree' },
      scoring: { method: 'all-or-nothing' },
    }),
  ]);
  const result = run(rules, [
    rec('p0', 'pub', 'cm', '2022-03-01'),
    rec('p1', 'pub', 'b1', '2022-03-01'),
    rec('p2', 'pub', 'g1', '2022-03-01'),
    rec('p3', 'pub', 'b2', '2022-03-01'),
  ]);

  it("subtree: the committee counts its own records and everything below it", () => {
    // 4 of 5 → 8 × 0.8 = 6.4
    const l = line(org(result, 'cm'), 'cm-publicity');
    expect(l.records.ids).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(l).toMatchObject({ value: 4, points: 6.4 });
  });

  it("self: a branch counts only its own records, not its party group's", () => {
    expect(line(org(result, 'b1'), 'br-publicity').records.ids).toEqual(['p1']);
    expect(line(org(result, 'b2'), 'br-publicity').records.ids).toEqual(['p3']);
  });

  it("subtree for a person read by organization: the committee secretary answers for everything below", () => {
    const secretary = ind({
      id: 'sec-publicity',
      responsibility: 'first',
      appliesTo: { posts: ['secretary'], in: ['committee'] },
      points: 9,
      measure: { type: 'count', recordTypes: ['pub'], atLeast: 4, by: 'organization', scope: 'subtree' },
      scoring: { method: 'proportional' },
    });
    const r = run(ruleSet([secretary]), [
      rec('p0', 'pub', 'cm', '2022-03-01'),
      rec('p1', 'pub', 'b1', '2022-03-01'),
      rec('p2', 'pub', 'g1', '2022-03-01'),
      rec('p3', 'pub', 'b2', '2022-03-01'),
    ]);
    // Regression (was a bug): accumulate.ts subjectsOf looks up people only by the record's own organization for
    // person indicators, never walking up for scope 'subtree': p-sec gets 1 of 4 (2.25) instead
    // of 4 of 4 (9).
    expect(line(person(r, 'p-sec'), 'sec-publicity').records.ids).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(line(person(r, 'p-sec'), 'sec-publicity').points).toBe(9);
  });

  it('subtree at branch level: b1 counts its group g1 too, not its parent', () => {
    expect(line(org(result, 'b1'), 'br-publicity-subtree')).toMatchObject({ value: 2, points: 2 });
    expect(line(org(result, 'b1'), 'br-publicity-subtree').records.ids).toEqual(['p1', 'p2']);
    expect(line(org(result, 'b2'), 'br-publicity-subtree')).toMatchObject({ value: 1, points: 0 });
  });
});

describe("whose records a person indicator reads (by)", () => {
  const lecture = (id: string, by: 'organization' | 'person') =>
    ind({
      id,
      responsibility: 'first',
      appliesTo: { posts: ['secretary'], in: ['branch'] },
      points: 10,
      measure: { type: 'count', recordTypes: ['party-lecture'], atLeast: 1, by },
      scoring: { method: 'all-or-nothing' },
    });
  const records = [
    // a lecture recorded for the branch only
    rec('l1', 'party-lecture', 'b1', '2022-06-20'),
    // a lecture given by b2's secretary, held in b1
    rec('l2', 'party-lecture', 'b1', '2022-06-21', { person: 'p-b2-sec' }),
  ];

  it("by 'organization': the secretary is scored on the branch's records", () => {
    const result = run(ruleSet([lecture('by-org', 'organization')]), records);
    expect(line(person(result, 'p-b1-sec'), 'by-org').records.ids).toEqual(['l1', 'l2']);
    expect(line(person(result, 'p-b1-sec'), 'by-org').points).toBe(10);
    expect(line(person(result, 'p-b2-sec'), 'by-org')).toMatchObject({ points: 0, status: 'insufficient-evidence' });
    // only branch secretaries are subjects
    expect(result.people.map((p) => p.id)).toEqual(['p-b1-sec', 'p-b2-sec']);
  });

  it("by 'person': each secretary is scored on the records naming them", () => {
    const result = run(ruleSet([lecture('by-person', 'person')]), records);
    expect(line(person(result, 'p-b1-sec'), 'by-person')).toMatchObject({ points: 0, status: 'insufficient-evidence' });
    expect(line(person(result, 'p-b2-sec'), 'by-person').records.ids).toEqual(['l2']);
    expect(line(person(result, 'p-b2-sec'), 'by-person').points).toBe(10);
  });
});

describe('invalid records', () => {
  const records: unknown[] = [
    rec('ok1', 'meeting', 'b1', '2022-03-01'),
    { id: 'bad-date', type: 'meeting', organization: 'b1', date: '2022-02-30' },
    { type: 'meeting', organization: 'b1', date: '2022-03-01' },
    rec('ok2', 'meeting', 'b1', '2022-04-01'),
    { id: 'no-subject', type: 'meeting', date: '2022-03-01' },
    { id: 'bad-status', type: 'meeting', organization: 'b1', date: '2022-03-01', status: 'ok' },
  ];

  it('by default the run stops with every bad record listed at its index', () => {
    const error = thrown(() => run(RULES, records));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.subject).toBe('records');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-date', ['records', 1, 'date']],
      ['required', ['records', 2, 'id']],
      ['record-without-subject', ['records', 4, 'organization']],
      ['unknown-status', ['records', 5, 'status']],
    ]);
  });

  it("with invalidRecords: 'skip' they are dropped with a warning and the rest count", () => {
    const result = run(RULES, records, { invalidRecords: 'skip' });
    expect(warning(result, 'warning-invalid-records').params).toEqual({ count: 4 });
    expect(result.evidence.received).toBe(2);
    expect(line(org(result, 'b1'), 'meetings')).toMatchObject({ value: 2, points: 10 });
  });

  it('maxRecords: by default the run stops when there are more records', () => {
    const three = [rec('a', 'meeting', 'b1', '2022-03-01'), rec('b', 'meeting', 'b1', '2022-03-02'), rec('c', 'meeting', 'b1', '2022-03-03')];
    expect(thrown(() => run(RULES, three, { maxRecords: 2 })).issues.map((i) => [i.code, i.path])).toEqual([['limit-exceeded', ['records']]]);
    expect(() => run(RULES, three, { maxRecords: 3 })).not.toThrow();
  });

  it('maxRecords that is not a whole number ≥ 0 is an options error before any record is read, not the default cap', () => {
    const three = [rec('a', 'meeting', 'b1', '2022-03-01'), rec('b', 'meeting', 'b1', '2022-03-02'), rec('c', 'meeting', 'b1', '2022-03-03')];
    for (const [value, code] of [[-1, 'too-small'], [Number.NaN, 'invalid-type'], [1.5, 'invalid-type'], ['2', 'invalid-type']] as const) {
      const error = thrown(() => run(RULES, three, { maxRecords: value as number }));
      expect([error.subject, error.issues.map((i) => [i.code, i.path])], String(value)).toEqual(['options', [[code, ['maxRecords']]]]);
    }
    expect(() => run(RULES, three, { maxRecords: undefined as unknown as number })).not.toThrow();
    expect(thrown(() => run(RULES, three, { maxRecords: 0 })).issues.map((i) => [i.code, i.params['limit']])).toEqual([['limit-exceeded', 0]]);
  });

  it("maxRecords stops the run with a clear error even with invalidRecords: 'skip'", () => {
    // A cap exists to refuse oversized input, not to drop its tail silently: 3 records, cap 2.
    const three = [rec('a', 'meeting', 'b1', '2022-03-01'), rec('b', 'meeting', 'b1', '2022-03-02'), rec('c', 'meeting', 'b1', '2022-03-03')];
    const error = thrown(() => run(RULES, three, { maxRecords: 2, invalidRecords: 'skip' }));
    expect(error.issues.map((i) => [i.code, i.path, i.params['limit'], i.params['actual']])).toEqual([['limit-exceeded', ['records'], 2, '>2']]);
  });

  const text = [
    JSON.stringify(rec('ok1', 'meeting', 'b1', '2022-03-01')),
    '{not json',
    JSON.stringify({ id: 'bad', type: 'meeting', organization: 'b1', date: '2022-13-01' }),
    '[1]',
    '',
    JSON.stringify(rec('ok2', 'meeting', 'b1', '2022-04-01')),
    '',
  ].join('\n');

  it('reader items carry their line numbers (and file) into the issues', () => {
    const error = thrown(() => run(RULES, readNdjsonSync(text, { file: 'records.ndjson' })));
    expect(error.issues.map((i) => [i.code, i.line, i.file, i.path])).toEqual([
      ['invalid-json', 2, 'records.ndjson', []],
      ['invalid-date', 3, 'records.ndjson', ['date']],
      ['record-not-object', 4, 'records.ndjson', []],
    ]);
    expect(error.message).toContain('records.ndjson:3');
  });

  it('reader items skipped with a warning', () => {
    const result = run(RULES, readNdjsonSync(text), { invalidRecords: 'skip' });
    expect(warning(result, 'warning-invalid-records').params).toEqual({ count: 3 });
    expect(line(org(result, 'b1'), 'meetings').records.ids).toEqual(['ok1', 'ok2']);
  });
});

describe('no records at all', () => {
  it('is said first, in either language: everyone scored as having reported nothing', () => {
    const none = run(RULES, []);
    expect(warningCodes(none)[0]).toBe('warning-no-records');
    expect(warning(none, 'warning-no-records')?.message).toBe('没有读到任何记录：每个考核对象都按没有上报任何记录评分（请核对记录文件是否为空、是否选错）');
    // b1 has no meeting: 2 short, 5 off each
    expect(line(org(none, 'b1'), 'meetings')).toMatchObject({ value: 0, points: 0 });
  });

  it('one record, out of the period or for no one, is a record read: its own warning, not this one', () => {
    expect(warningCodes(run(RULES, [rec('m1', 'meeting', 'b1', '2021-03-01')]))).not.toContain('warning-no-records');
    expect(warningCodes(run(RULES, [rec('m1', 'meeting', 'b1', '2022-03-01')]))).not.toContain('warning-no-records');
  });
});
