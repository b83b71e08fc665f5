// Records only the accountability rules read (incidents, circumstances, waivers: no indicator
// routes them) are checked as the records an indicator reads are: a subject not in the graph, a
// pending or rejected status, a date outside the period are counted in `evidence` with the usual
// warnings, and such a record is not kept for the findings. Small graph from
// tests/accountability/helpers.ts (b1 … b4, members p-b1-m, p-b2-m).
import { describe, expect, it } from 'vitest';
import { openAssessment, withFindings, type AssessmentResult, type RecordInput } from '../../src/index.js';
import { graphInput, ids, PLACEHOLDER, prec, rec, rule, ruleSet, run } from '../accountability/helpers.js';

/** 意识形态事件 of severity 3 or more: the team (全面领导责任) and the person on the record (直接责任). */
const RULES = ruleSet([PLACEHOLDER], {
  rules: [rule('incident', { type: 'incident', recordTypes: ['ideology-incident'], minSeverity: 3 }, [{ to: 'team' }, { to: 'direct', form: { person: 'admonishment' } }])],
});
const incident = (id: string, organization: string, date: string, extra: Partial<RecordInput> = {}): RecordInput =>
  rec(id, 'ideology-incident', organization, date, { person: 'p-b1-m', ...extra, attributes: { severity: 4 } });
const codes = (result: AssessmentResult): string[] => result.warnings.map((w) => w.code);

describe('records only the accountability rules read', () => {
  it('an approved, dated, known one counts and moves no counter', () => {
    const result = run(RULES, [incident('i1', 'b1', '2022-05-01')]);
    expect(ids(result)).toEqual(['incident:o:b1>o:b1', 'incident:o:b1>p:p-b1-m']);
    expect(result.evidence).toMatchObject({ received: 1, unknownSubject: 0, pending: 0, outOfPeriod: 0, rejected: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('one whose organization is not in the graph: unknownSubject, a warning naming it, no finding', () => {
    // The organization misspelt (b-1 for b1), the person known: as for an indicator's record, the
    // organization decides, and nothing counts.
    const result = run(RULES, [incident('i1', 'b-1', '2022-05-01')]);
    expect(ids(result)).toEqual([]);
    expect(result.evidence).toMatchObject({ received: 1, unknownSubject: 1, unknownReference: 0 });
    expect(result.warnings.map((w) => [w.code, w.params])).toEqual([['warning-unknown-subject', { id: 'b-1', count: 1 }]]);
  });

  it('one of a known organization naming a person not in the graph: counted for the organization, reported', () => {
    const result = run(RULES, [incident('i1', 'b1', '2022-05-01', { person: 'p-ghost' })]);
    // The team answers; no one answers directly (the person on the record is not in the graph).
    expect(ids(result)).toEqual(['incident:o:b1>o:b1']);
    expect(result.evidence).toMatchObject({ unknownSubject: 0, unknownReference: 1 });
    expect(result.warnings.map((w) => [w.code, w.params])).toEqual([
      ['warning-unknown-subject', { id: 'p-ghost', count: 1 }],
      ['warning-unknown-reference', { count: 1 }],
    ]);
  });

  it('pending, rejected and out-of-period ones: counted as such, with the warnings, and no finding', () => {
    const result = run(RULES, [
      incident('i-pending', 'b2', '2022-05-01', { status: 'pending' }),
      incident('i-rejected', 'b3', '2022-05-01', { status: 'rejected' }),
      incident('i-2023', 'b4', '2023-02-01'),
      incident('i-2021', 'b4', '2021-12-31'),
    ]);
    expect(ids(result)).toEqual([]);
    expect(result.evidence).toEqual({
      received: 4,
      duplicates: 0,
      conflicts: 0,
      outOfPeriod: 2,
      pending: 1,
      rejected: 1,
      unusedType: 0,
      unknownSubject: 0,
      unknownReference: 0,
      unassignedScore: 0,
    });
    expect(codes(result)).toEqual(['warning-pending', 'warning-out-of-period']);
    expect(result.warnings[0]?.message).toBe('1条记录尚待审核，未计入得分（审核通过后重新运行即可计入）');
  });

  it('a task due in the period counts, wherever it was raised; one raised after asOf does not', () => {
    // Kept by either date, as before: raised in 2021 and due in 2022 is this period's.
    const early = incident('i-raised-2021', 'b1', '2021-11-01', { due: '2022-03-31' });
    const late = incident('i-after-asof', 'b2', '2022-10-01', { due: '2022-11-30' });
    const result = run(RULES, [early, late], { asOf: '2022-09-30' });
    expect(ids(result)).toEqual(['incident:o:b1>o:b1', 'incident:o:b1>p:p-b1-m']);
    expect(result.evidence).toMatchObject({ received: 2, outOfPeriod: 1 });
  });

  it('a circumstance naming a person but an organization not in the graph does not make a finding heavier', () => {
    // i1 reaches p-b1-m directly with 诫勉 (admonishment). The aggravating record names p-b1-m but
    // the organization b-9, which is not in the graph: not counted, so the form stays 诫勉; the one
    // naming only p-nobody is not counted either. Both are reported.
    const result = run(RULES, [
      incident('i1', 'b1', '2022-05-01'),
      rec('g1', 'aggravating-circumstance', 'b-9', '2022-06-01', { person: 'p-b1-m' }),
      prec('g2', 'aggravating-circumstance', 'p-nobody', '2022-06-01'),
    ]);
    const direct = result.findings.find((f) => f.id === 'incident:o:b1>p:p-b1-m');
    expect([direct?.form.id, direct?.circumstances]).toEqual(['admonishment', []]);
    expect(result.evidence).toMatchObject({ received: 3, unknownSubject: 2 });
    expect(result.warnings.map((w) => [w.code, w.params])).toEqual([
      ['warning-unknown-subject', { id: 'b-9', count: 1 }],
      ['warning-unknown-subject', { id: 'p-nobody', count: 1 }],
    ]);
  });

  it('a pending version and an approved one under the same id: a conflict, the pending count withdrawn', () => {
    const result = run(RULES, [incident('i1', 'b2', '2022-05-01', { status: 'pending' }), incident('i1', 'b2', '2022-05-01')]);
    expect(ids(result)).toEqual([]);
    expect(result.evidence).toMatchObject({ received: 2, conflicts: 1, pending: 0 });
    expect(codes(result)).toEqual(['warning-conflict']);
  });

  it('the counts survive partial states: two shards merged give the single pass', () => {
    const records = [
      incident('i1', 'b1', '2022-05-01'),
      incident('i2', 'b-1', '2022-05-01'),
      incident('i3', 'b2', '2022-05-01', { status: 'pending' }),
      incident('i4', 'b4', '2023-02-01'),
    ];
    const single = run(RULES, records);
    const total = openAssessment({ graph: graphInput(), rules: RULES });
    for (const shard of [records.slice(0, 2), records.slice(2)]) {
      const session = openAssessment({ graph: graphInput(), rules: RULES });
      for (const r of shard) session.add(r);
      total.absorb(session.snapshot());
    }
    const merged = withFindings(total.finish());
    expect(merged.evidence).toMatchObject({ received: 4, unknownSubject: 1, pending: 1, outOfPeriod: 1 });
    expect(JSON.stringify(merged)).toBe(JSON.stringify(single));
  });
});
