// 评优评先: a person proposed 诫勉 (admonishment) or heavier this period is not eligible for the top
// grade or awards. The line is `accountability.ineligibleFrom` (default admonishment).
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, finding, fourGrades, manualIndicator, manualScore, prec, rec, rule, ruleSet, run, type AccountabilityInput } from './helpers.js';
import { safeParseRuleSet, type RecordInput, type RuleSetInput } from '../../src/index.js';

// Branch secretaries are graded 好/较好/一般/差 on a manual score (total = the score):
//   p-b1-sec 95 好 (top), p-b2-sec 70 一般, p-b3-sec 92 好 (top), p-b4-sec 91 好 (top)
// Incidents, one type per rule, reaching the secretary (and for `adm`, the member on the record):
//   adm   (b1): p-b1-sec 诫勉 (4), p-b1-m 纪律处分 (6)
//   org   (b2): p-b2-sec 组织调整或处理 (5)
//   circ  (b3): p-b3-sec 通报批评 (3)
//   two-a (b4): p-b4-sec 诫勉 (4);  two-b (b4): p-b4-sec 纪律处分 (6)
const SECTION: AccountabilityInput = {
  rules: [
    rule('adm', { type: 'incident', recordTypes: ['inc-adm'] }, [{ to: 'secretary', form: { person: 'admonishment' } }, { to: 'direct', form: { person: 'disciplinary-sanction' } }]),
    rule('org', { type: 'incident', recordTypes: ['inc-org'] }, [{ to: 'secretary', form: { person: 'organizational-handling' } }]),
    rule('circ', { type: 'incident', recordTypes: ['inc-circ'] }, [{ to: 'secretary', form: { person: 'circulated-criticism' } }]),
    rule('two-a', { type: 'incident', recordTypes: ['inc-two'] }, [{ to: 'secretary', form: { person: 'admonishment' } }]),
    rule('two-b', { type: 'incident', recordTypes: ['inc-two'] }, [{ to: 'secretary', form: { person: 'disciplinary-sanction' } }]),
  ],
};
const RECORDS: RecordInput[] = [
  manualScore('s1', { person: 'p-b1-sec' }, 'sec-review', 95),
  manualScore('s2', { person: 'p-b2-sec' }, 'sec-review', 70),
  manualScore('s3', { person: 'p-b3-sec' }, 'sec-review', 92),
  manualScore('s4', { person: 'p-b4-sec' }, 'sec-review', 91),
  rec('i1', 'inc-adm', 'b1', '2022-05-01', { person: 'p-b1-m' }),
  rec('i2', 'inc-org', 'b2', '2022-05-01'),
  rec('i3', 'inc-circ', 'b3', '2022-05-01'),
  rec('i4', 'inc-two', 'b4', '2022-05-01'),
];
const sheet = (section: Partial<AccountabilityInput> = {}): RuleSetInput =>
  ruleSet([PLACEHOLDER, manualIndicator('sec-review', { posts: ['secretary'], in: ['branch'] })], { ...SECTION, ...section }, {
    ladders: [{ id: 'sec', title: '书记等次', appliesTo: { posts: ['secretary'], in: ['branch'] }, grades: fourGrades() }],
  });

const REASON = (forms: string, line: string): string => `本期拟给予${forms}（${line}及以上），不得评为最高等次、不得参加评优评先`;

describe('the default line: 诫勉', () => {
  const result = run(sheet(), RECORDS);

  it('grades as worked out above', () => {
    expect(result.people.map((p) => [p.id, p.total, p.grade?.id, p.grade?.rank])).toEqual([
      ['p-b1-sec', 95, 'good', 1],
      ['p-b2-sec', 70, 'average', 3],
      ['p-b3-sec', 92, 'good', 1],
      ['p-b4-sec', 91, 'good', 1],
    ]);
  });

  it('lists everyone proposed 诫勉 or heavier, by id, with the findings and the reason', () => {
    expect(result.ineligibleFrom).toEqual({ id: 'admonishment', title: '诫勉', severity: 4 });
    expect(result.eligibility).toEqual([
      // not assessed at all, so no top grade to hold
      { person: 'p-b1-m', name: '孙党员', eligible: false, findings: ['adm:o:b1>p:p-b1-m'], holdsTopGrade: false, reason: REASON('纪律处分', '诫勉') },
      { person: 'p-b1-sec', name: '赵书记', eligible: false, findings: ['adm:o:b1>p:p-b1-sec'], holdsTopGrade: true, reason: REASON('诫勉', '诫勉') },
      { person: 'p-b2-sec', name: '吴书记', eligible: false, findings: ['org:o:b2>p:p-b2-sec'], holdsTopGrade: false, reason: REASON('组织调整或处理', '诫勉') },
      {
        person: 'p-b4-sec',
        name: '蒋书记',
        eligible: false,
        findings: ['two-a:o:b4>p:p-b4-sec', 'two-b:o:b4>p:p-b4-sec'],
        holdsTopGrade: true,
        reason: REASON('诫勉、纪律处分', '诫勉'),
      },
    ]);
  });

  it('a lighter form (通报批评) does not bar', () => {
    expect(result.findings.find((f) => f.subject.id === 'p-b3-sec')?.form.id).toBe('circulated-criticism');
    expect(result.eligibility.map((e) => e.person)).not.toContain('p-b3-sec');
  });

  it('the reason in English', () => {
    const en = run(sheet(), RECORDS, { lang: 'en' });
    expect(en.eligibility.find((e) => e.person === 'p-b1-sec')?.reason).toBe('admonishment (admonishment or heavier): not eligible for the top grade or awards');
  });

  it('a proposed waiver does not lift the bar until someone decides', () => {
    const waived = run(sheet(), [...RECORDS, prec('w', 'accountability-waiver', 'p-b1-sec', '2022-06-01', { attributes: { reason: 'force-majeure' } })]);
    expect(waived.findings.find((f) => f.subject.id === 'p-b1-sec')?.waiver?.reason).toBe('force-majeure');
    expect(waived.eligibility.map((e) => e.person)).toContain('p-b1-sec');
  });
});

describe('`ineligibleFrom` moves the line', () => {
  it('down to 通报批评: p-b3-sec is barred too', () => {
    const result = run(sheet({ ineligibleFrom: 'circulated-criticism' }), RECORDS);
    expect(result.ineligibleFrom).toEqual({ id: 'circulated-criticism', title: '通报批评', severity: 3 });
    expect(result.eligibility.map((e) => [e.person, e.holdsTopGrade])).toEqual([
      ['p-b1-m', false],
      ['p-b1-sec', true],
      ['p-b2-sec', false],
      ['p-b3-sec', true],
      ['p-b4-sec', true],
    ]);
    expect(result.eligibility.find((e) => e.person === 'p-b3-sec')?.reason).toBe(REASON('通报批评', '通报批评'));
  });

  it('up to 组织调整或处理: 诫勉 no longer bars, and only the heavier finding is listed', () => {
    const result = run(sheet({ ineligibleFrom: 'organizational-handling' }), RECORDS);
    expect(result.eligibility.map((e) => [e.person, e.findings])).toEqual([
      ['p-b1-m', ['adm:o:b1>p:p-b1-m']],
      ['p-b2-sec', ['org:o:b2>p:p-b2-sec']],
      ['p-b4-sec', ['two-b:o:b4>p:p-b4-sec']],
    ]);
    expect(result.eligibility.find((e) => e.person === 'p-b4-sec')?.reason).toBe(REASON('纪律处分', '组织调整或处理'));
  });
});

describe('without an accountability section', () => {
  it('no findings, no eligibility, no line', () => {
    const result = run(ruleSet([PLACEHOLDER], undefined), RECORDS.slice(4));
    expect([result.findings, result.eligibility, result.pressure, result.ineligibleFrom]).toEqual([[], [], [], null]);
  });
});

describe('a custom person ladder without 诫勉', () => {
  it('with no `ineligibleFrom`, the lightest form does not silently become the line', () => {
    // src/accountability/propose.ts: formIndex(ladder, 'admonishment') is -1 on this ladder and
    // Math.max(0, -1) makes the lightest form (谈话) the line, so a 谈话 bars the person from the
    // top grade and awards; parseRuleSet accepts the section. Either refusing the section or
    // leaving 谈话 eligible would be sound.
    const rules = ruleSet([PLACEHOLDER], {
      forms: { person: [{ id: 'talk', title: '谈话' }, { id: 'warning', title: '警示' }, { id: 'sanction', title: '处分' }] },
      rules: [rule('inc', { type: 'incident', recordTypes: ['inc-adm'] }, [{ to: 'direct', form: { person: 'talk' } }])],
    });
    if (!safeParseRuleSet(rules).success) return;
    const result = run(rules, [rec('i1', 'inc-adm', 'b1', '2022-05-01', { person: 'p-b1-m' })]);
    expect(finding(result, 'inc:o:b1>p:p-b1-m').form.id).toBe('talk');
    expect(result.eligibility).toEqual([]);
  });
});
