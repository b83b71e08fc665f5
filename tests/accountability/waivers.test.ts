// 问责条例 Art. 17 waivers (不予问责 / 免予问责): a record of type accountability-waiver naming a
// person, with attribute `reason` (reform-trial / recorded-objection / force-majeure) and,
// optionally, `rule`. The finding stays in the result, still `proposed`, with the grounds attached
// for the person who decides.
import { describe, expect, it } from 'vitest';
import { WAIVER_REASONS, type RecordInput } from '../../src/index.js';
import { PLACEHOLDER, finding, ids, prec, rec, rule, ruleSet, run, type AccountabilityInput } from './helpers.js';

// Two rules on two incident types at b1, both naming p-b1-m:
//   inc  (inc-a): direct → p-b1-m 诫勉; secretary → p-b1-sec 批评教育; team → b1
//   inc2 (inc-b): direct → p-b1-m 批评教育; secretary → p-b1-sec 批评教育
const SECTION: AccountabilityInput = {
  rules: [
    rule('inc', { type: 'incident', recordTypes: ['inc-a'] }, [{ to: 'direct', form: { person: 'admonishment' } }, { to: 'secretary' }, { to: 'team' }]),
    rule('inc2', { type: 'incident', recordTypes: ['inc-b'] }, [{ to: 'direct' }, { to: 'secretary' }]),
  ],
};
const INCIDENTS: RecordInput[] = [rec('i1', 'inc-a', 'b1', '2022-04-01', { person: 'p-b1-m' }), rec('i2', 'inc-b', 'b1', '2022-04-02', { person: 'p-b1-m' })];

const waiver = (id: string, person: string, attributes: Record<string, string | number>, extra: Partial<RecordInput> = {}): RecordInput =>
  prec(id, 'accountability-waiver', person, '2022-06-01', { attributes, ...extra });

const titleOf = (reason: string, lang: 'zh' | 'en' = 'zh'): string => {
  const known = WAIVER_REASONS.find((w) => w.id === reason);
  if (!known) throw new Error(reason);
  return lang === 'zh' ? known.title : known.titleEn;
};

describe('a waiver record', () => {
  const result = run(ruleSet([PLACEHOLDER], SECTION), [
    ...INCIDENTS,
    waiver('w1', 'p-b1-m', { reason: 'recorded-objection', rule: 'inc' }),
    waiver('w2', 'p-b1-sec', { reason: 'force-majeure' }),
  ]);

  it('keeps every finding, still proposed, at its form', () => {
    expect(result.findings.map((f) => [f.id, f.status, f.form.id])).toEqual([
      ['inc:o:b1>p:p-b1-m', 'proposed', 'admonishment'],
      ['inc:o:b1>p:p-b1-sec', 'proposed', 'criticism'],
      ['inc:o:b1>o:b1', 'proposed', 'inspection'],
      ['inc2:o:b1>p:p-b1-m', 'proposed', 'criticism'],
      ['inc2:o:b1>p:p-b1-sec', 'proposed', 'criticism'],
    ]);
  });

  it('attaches the grounds {reason, title, recordIds} to the findings it names', () => {
    expect(finding(result, 'inc:o:b1>p:p-b1-m').waiver).toEqual({ reason: 'recorded-objection', title: titleOf('recorded-objection'), recordIds: ['w1'] });
    // w2 has no `rule`: it covers p-b1-sec under both rules
    expect(finding(result, 'inc:o:b1>p:p-b1-sec').waiver).toEqual({ reason: 'force-majeure', title: titleOf('force-majeure'), recordIds: ['w2'] });
    expect(finding(result, 'inc2:o:b1>p:p-b1-sec').waiver).toEqual({ reason: 'force-majeure', title: titleOf('force-majeure'), recordIds: ['w2'] });
  });

  it('a waiver for another rule does not apply', () => {
    // w1 is for `inc` only
    expect(finding(result, 'inc2:o:b1>p:p-b1-m').waiver).toBeUndefined();
    expect('waiver' in finding(result, 'inc2:o:b1>p:p-b1-m')).toBe(false);
  });

  it('the explanation proposes to waive', () => {
    expect(finding(result, 'inc:o:b1>p:p-b1-m').explanation).toContain(`符合免责情形：${titleOf('recorded-objection')}，建议免予问责`);
  });

  it('does not change the form or the circumstances', () => {
    const f = finding(result, 'inc:o:b1>p:p-b1-m');
    expect([f.baseForm.id, f.form.id, f.circumstances]).toEqual(['admonishment', 'admonishment', []]);
  });
});

describe('reasons', () => {
  const one = (attributes: Record<string, string | number>, lang: 'zh' | 'en' = 'zh') =>
    finding(run(ruleSet([PLACEHOLDER], SECTION), [...INCIDENTS, waiver('w', 'p-b1-m', { ...attributes, rule: 'inc' })], { lang }), 'inc:o:b1>p:p-b1-m').waiver;

  it('reform-trial', () => {
    expect(one({ reason: 'reform-trial' })).toEqual({ reason: 'reform-trial', title: titleOf('reform-trial'), recordIds: ['w'] });
  });

  it('English titles with lang en', () => {
    expect(one({ reason: 'reform-trial' }, 'en')?.title).toBe(titleOf('reform-trial', 'en'));
    expect(one({ reason: 'force-majeure' }, 'en')?.title).toBe('duty done, the harm came from force majeure or the unforeseeable');
  });

  it('an unknown reason keeps the raw text as reason and title', () => {
    expect(one({ reason: '上级批准的试点' })).toEqual({ reason: '上级批准的试点', title: '上级批准的试点', recordIds: ['w'] });
  });

  it('no reason at all: unspecified, titled in the result\'s language', () => {
    expect(one({})).toEqual({ reason: 'unspecified', title: '未说明理由', recordIds: ['w'] });
    expect(one({}, 'en')).toEqual({ reason: 'unspecified', title: 'no reason given', recordIds: ['w'] });
  });

  it('several waiver records: the first by id gives the reason, all are listed', () => {
    const result = run(ruleSet([PLACEHOLDER], SECTION), [
      ...INCIDENTS,
      waiver('w-b', 'p-b1-m', { reason: 'force-majeure' }),
      waiver('w-a', 'p-b1-m', { reason: 'reform-trial', rule: 'inc' }),
    ]);
    expect(finding(result, 'inc:o:b1>p:p-b1-m').waiver).toEqual({ reason: 'reform-trial', title: titleOf('reform-trial'), recordIds: ['w-a', 'w-b'] });
  });
});

describe('which records count', () => {
  it('pending waivers and waivers dated outside the period do not', () => {
    const result = run(ruleSet([PLACEHOLDER], SECTION), [
      ...INCIDENTS,
      waiver('w1', 'p-b1-m', { reason: 'force-majeure' }, { status: 'pending' }),
      waiver('w2', 'p-b1-sec', { reason: 'force-majeure' }, { date: '2023-01-05' }),
    ]);
    expect(result.findings.filter((f) => f.waiver !== undefined)).toEqual([]);
  });

  it('a custom waiver record type replaces the default', () => {
    const result = run(ruleSet([PLACEHOLDER], { ...SECTION, circumstances: { waiver: ['exemption'] } }), [
      ...INCIDENTS,
      prec('e1', 'exemption', 'p-b1-m', '2022-06-01', { attributes: { reason: 'reform-trial' } }),
      waiver('w1', 'p-b1-sec', { reason: 'force-majeure' }),
    ]);
    expect(result.findings.filter((f) => f.waiver !== undefined).map((f) => [f.id, f.waiver?.recordIds])).toEqual([
      ['inc:o:b1>p:p-b1-m', ['e1']],
      ['inc2:o:b1>p:p-b1-m', ['e1']],
    ]);
  });

  it('a waiver naming a person who has no finding changes nothing', () => {
    const plain = run(ruleSet([PLACEHOLDER], SECTION), INCIDENTS);
    const withStranger = run(ruleSet([PLACEHOLDER], SECTION), [...INCIDENTS, waiver('w', 'p-b2-m', { reason: 'force-majeure' })]);
    expect(ids(withStranger)).toEqual(ids(plain));
    expect(withStranger.findings.every((f) => f.waiver === undefined)).toBe(true);
  });
});
