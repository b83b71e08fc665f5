// A business score that is not a number from 0 to the scale is left out and named in a warning
// with its value, in one pass and across merged partial states alike.
import { describe, expect, it } from 'vitest';
import { openAssessment, parseGraph, type AssessmentResult, type PartialState, type RuleSetInput } from '../../src/index.js';
import { graphInput, manualIndicator, manualScore, org, rec, ruleSet, run, warning, warningCodes } from './assess/helpers.js';

const RULES: RuleSetInput = ruleSet([manualIndicator('score', 100)], { composite: { partyWeight: 0.6, businessWeight: 0.4 } });
const business = (id: string, organization: string, score: unknown, extra = {}) =>
  rec(id, 'business-score', organization, '2022-12-28', { attributes: { score: score as number }, ...extra });
const RECORDS = [
  manualScore('s-b1', { organization: 'b1' }, 'score', 85),
  manualScore('s-b2', { organization: 'b2' }, 'score', 90),
  business('bs-ok', 'b1', 80),
  business('bs-high', 'b2', 186),
  business('bs-neg', 'b2', -1),
  business('bs-text', 'b2', '86'),
  // pending: counted as pending, not as invalid
  business('bs-pending', 'b2', 500, { status: 'pending' }),
];

describe('invalid business scores', () => {
  const result = run(RULES, RECORDS);

  it('are left out: b2 has no business score, b1 keeps its valid one', () => {
    expect(org(result, 'b2').composite).toEqual({ business: null, value: null });
    // 0.6 × 85 + 0.4 × 80 = 83
    expect(org(result, 'b1').composite).toEqual({ business: 80, value: 83 });
  });

  it('are named with their values, in id order, in zh and en', () => {
    expect(warning(result, 'warning-invalid-business-score').params).toEqual({ count: 3, scale: 100, records: 'bs-high（186）、bs-neg（-1）、bs-text（"86"）', more: 0 });
    expect(warning(result, 'warning-invalid-business-score').message).toBe('3条业务考核得分记录的得分（属性 score）不是 0 到 100 之间的数值，未计入：bs-high（186）、bs-neg（-1）、bs-text（"86"）');
    const en = run(RULES, RECORDS, { lang: 'en' });
    expect(warning(en, 'warning-invalid-business-score').message).toBe(
      '3 business score record(s) have a score (attribute score) that is not a number from 0 to 100 and were not counted: bs-high (186), bs-neg (-1), bs-text ("86")',
    );
  });

  it('the evidence statistics keep their shape, and a valid run has no such warning', () => {
    expect(Object.keys(result.evidence)).not.toContain('invalidBusinessScore');
    expect(result.evidence.pending).toBe(1);
    expect(warningCodes(run(RULES, RECORDS.slice(0, 3)))).not.toContain('warning-invalid-business-score');
  });

  it('a missing score is named as none; more than 20 are summed up', () => {
    const many = Array.from({ length: 22 }, (_, i) => business(`x${String(i).padStart(2, '0')}`, 'b2', 101));
    const r = run(RULES, [...many, rec('nos', 'business-score', 'b2', '2022-12-28')]);
    const params = warning(r, 'warning-invalid-business-score').params;
    expect(params).toMatchObject({ count: 23, more: 3 });
    expect(String(params['records']).startsWith('nos（无）、x00（101）')).toBe(true);
  });

  it('merged partial states give the one-pass warning byte for byte', () => {
    const graph = parseGraph(graphInput());
    const snapshot = (items: readonly unknown[]): PartialState => {
      const session = openAssessment({ graph, rules: RULES });
      for (const r of items) session.add(r);
      return JSON.parse(JSON.stringify(session.snapshot())) as PartialState;
    };
    const shards = [RECORDS.slice(0, 3), RECORDS.slice(3, 5), RECORDS.slice(5)].map(snapshot);
    const session = openAssessment({ graph, rules: RULES });
    for (const p of shards.reverse()) session.absorb(p);
    const merged = session.finish().result as AssessmentResult;
    expect(JSON.stringify(merged.warnings)).toBe(JSON.stringify(run(RULES, RECORDS, { graph }).warnings));
  });
});
