// 两张皮: the party-building score combined with a business score under weights.
import { describe, expect, it } from 'vitest';
import type { RuleSetInput } from '../../../src/index.js';
import { fourGrades, manualIndicator, manualScore, org, orgLadder, person, rec, prec, ruleSet, run, warning, warningCodes } from './helpers.js';

type CompositeInput = NonNullable<RuleSetInput['composite']>;

const SHEET = [manualIndicator('score', 100), manualIndicator('sec-score', 100, { posts: ['secretary'], in: ['branch'] } as const)];
const LADDERS = [orgLadder(['branch']), { id: 'sec', title: '书记', appliesTo: { posts: ['secretary' as const], in: ['branch' as const] }, grades: fourGrades() }];

function rules(composite: CompositeInput): RuleSetInput {
  return ruleSet(SHEET, { ladders: LADDERS, composite });
}

const business = (id: string, organization: string, score: unknown, extra = {}) =>
  rec(id, 'business-score', organization, '2022-12-28', { attributes: { score: score as number }, ...extra });

const RECORDS = [
  manualScore('s-b1', { organization: 'b1' }, 'score', 85),
  manualScore('s-b2', { organization: 'b2' }, 'score', 90),
  manualScore('s-p1', { person: 'p-b1-sec' }, 'sec-score', 70),
  manualScore('s-p2', { person: 'p-b2-sec' }, 'sec-score', 95),
  // b1: two business scores, mean 99; b2: none
  business('bs1', 'b1', 98),
  business('bs2', 'b1', 100),
  // a person's business score
  prec('bs3', 'business-score', 'p-b1-sec', '2022-12-28', { attributes: { score: 80 } }),
];

describe('composite score', () => {
  const result = run(rules({ partyWeight: 0.6, businessWeight: 0.4 }), RECORDS);

  it('combines the party total with the mean business score under the weights', () => {
    // 0.6 × 85 + 0.4 × 99 = 51 + 39.6 = 90.6
    expect(org(result, 'b1')).toMatchObject({ total: 85, composite: { business: 99, value: 90.6 } });
    // a person: 0.6 × 70 + 0.4 × 80 = 42 + 32 = 74
    expect(person(result, 'p-b1-sec')).toMatchObject({ total: 70, composite: { business: 80, value: 74 } });
  });

  it('without a business score there is no composite, and a warning counts the subjects', () => {
    expect(org(result, 'b2').composite).toEqual({ business: null, value: null });
    expect(person(result, 'p-b2-sec').composite).toEqual({ business: null, value: null });
    // b2 and p-b2-sec
    expect(warning(result, 'warning-no-business-score').params).toEqual({ count: 2 });
  });

  it("grades on the party score by default ('party')", () => {
    // 85 → 较好 though the composite is 90.6
    expect(org(result, 'b1').grade).toMatchObject({ id: 'fairly-good', reason: 'score' });
    expect(org(result, 'b2').grade).toMatchObject({ id: 'good' });
  });

  it("gradeOn 'composite' grades on the composite, falling back to the total where there is none", () => {
    const r = run(rules({ partyWeight: 0.6, businessWeight: 0.4, gradeOn: 'composite' }), RECORDS);
    // 90.6 → 好
    expect(org(r, 'b1').grade).toMatchObject({ id: 'good', reason: 'score' });
    // b2: no business score, its total 90 → 好
    expect(org(r, 'b2').grade).toMatchObject({ id: 'good' });
    // p-b1-sec: 74 → 一般 (its total 70 would be 一般 too); p-b2-sec: 95 → 好
    expect(person(r, 'p-b1-sec').grade).toMatchObject({ id: 'average' });
    expect(person(r, 'p-b2-sec').grade).toMatchObject({ id: 'good' });
  });

  it("gradeOn 'composite' also ranks quota holders by the composite", () => {
    const r = run(
      ruleSet(SHEET, {
        ladders: LADDERS,
        quotas: [{ ladder: 'org', grade: 'good', maxCount: 1 }],
        composite: { partyWeight: 0.6, businessWeight: 0.4, gradeOn: 'composite' },
      }),
      [...RECORDS, business('bs4', 'b2', 70)],
    );
    // b1 composite 90.6; b2 0.6 × 90 + 0.4 × 70 = 82 → 较好 by score; b1 alone holds 好
    expect(org(r, 'b2')).toMatchObject({ composite: { business: 70, value: 82 } });
    expect(org(r, 'b1').grade).toMatchObject({ id: 'good', reason: 'score' });
    expect(org(r, 'b2').grade).toMatchObject({ id: 'fairly-good', reason: 'score' });
  });

  it('weights need not add up to 1', () => {
    const r = run(rules({ partyWeight: 3, businessWeight: 1 }), RECORDS);
    // (3 × 85 + 1 × 99) / 4 = 354 / 4 = 88.5
    expect(org(r, 'b1').composite).toEqual({ business: 99, value: 88.5 });
  });

  it('business scores on another scale are brought to the rule set scale', () => {
    const r = run(rules({ partyWeight: 0.6, businessWeight: 0.4, scale: 10 }), [manualScore('s-b1', { organization: 'b1' }, 'score', 85), business('bs1', 'b1', 9.9)]);
    // 9.9 of 10 → 99 of 100; 0.6 × 85 + 0.4 × 99 = 90.6
    expect(org(r, 'b1').composite).toEqual({ business: 99, value: 90.6 });
  });

  it('a custom record type; pending or non-numeric scores do not count', () => {
    const r = run(rules({ partyWeight: 0.5, businessWeight: 0.5, recordType: 'perf' }), [
      manualScore('s-b1', { organization: 'b1' }, 'score', 80),
      rec('p1', 'perf', 'b1', '2022-12-01', { attributes: { score: 60 } }),
      rec('p2', 'perf', 'b1', '2022-12-02', { attributes: { score: 100 }, status: 'pending' }),
      rec('p3', 'perf', 'b1', '2022-12-03', { attributes: { score: '100' } }),
      business('bs1', 'b1', 100),
    ]);
    // only p1: 0.5 × 80 + 0.5 × 60 = 70; 'business-score' is not read under this rule set
    expect(org(r, 'b1').composite).toEqual({ business: 60, value: 70 });
    expect(warningCodes(r)).toContain('warning-unused-record-type');
  });

  it('without a composite section the field is null and there is no warning', () => {
    const r = run(ruleSet(SHEET, { ladders: LADDERS }), RECORDS.filter((x) => x.type !== 'business-score'));
    expect(org(r, 'b1').composite).toBeNull();
    expect(warningCodes(r)).not.toContain('warning-no-business-score');
  });
});
