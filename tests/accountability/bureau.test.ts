// The bureau example's findings, derived by hand from rules.json's `accountability` section,
// graph.json and records.ndjson. The first block checks that the records are what the derivation
// assumes, so that a change to the example points at the assumption that broke.
//
// Rules, in sheet order, and what fires them:
//   serious-case (veto)  org-discipline-veto vetoes an organization with a disciplinary-case of
//       severity 'serious': only r-2022-0229 (br-center-2, names p-shi-lei). Reach (graph.json):
//       direct p-shi-lei 纪律处分; team br-center-2 通报; secretary p-ren-jie 诫勉; overseer — of
//       br-center-2 none, of gb-center p-li-hua, of bureau none — p-li-hua 通报批评; team members
//       of br-center-2 other than the secretary: p-jiang-tao 批评教育; liaison p-li-hua (already
//       reached, skipped); supervision one level: gb-center 检查.
//   derelict (verdict derelict, self, 通报批评)  a person is derelict when none of their
//       record-based lines has a record (ratings, manual scores and roll-ups are not activity).
//       Branch secretaries have one such line, sec-july-lecture: every secretary has a
//       party-lecture record except p-xu-tao. Committee leaders have leader-contact-visits: every
//       one has liaison-visit records except p-zhao-lei. People in result order (by id):
//       p-xu-tao, p-zhao-lei.
//   incompetent (verdict incompetent)  total under 60 with some activity. The only other person
//       with a shortfall is p-feng-bo (lecture late: 0 of 20); his other 80 points come from
//       br-planning's result (50 × its near-full score) and the appraisal (30 × 70–98%), well over
//       60. Nobody.
//   rectification-open (deadline-open, any deadline indicator)  open and overdue at 2022-12-31:
//       only r-2022-0124 (br-center-1, due 2022-09-30, never completed, names p-pan-lei). The
//       work points (bureau) were issued late, not left open. Reach: direct p-pan-lei 责令书面检查;
//       secretary p-yan-bing 批评教育, whose prompt-remedy r-2022-a002 (rule rectification-open)
//       moves him one step down — already the bottom, so clamped.
//   formalism (history-study with formalism: true)  only r-2022-a001 (br-business). Reach:
//       secretary p-xu-tao 责令书面检查; overseer of br-business p-liu-yang 批评教育, with the
//       waiver r-2022-a003 (rule formalism, reason recorded-objection) attached.
//   derelict-again (repeat of derelict)  no previous result: nothing.
//   supervision-failure (minShare 0.5, 检查)  organizations that set off findings: br-center-2,
//       br-center-1, br-business. gb-center's children {br-center-1, br-center-2}: 2/2 → flagged.
//       bureau's five children: 1/5 (br-business). br-center-1's child grp-center-1a: 0/1.
import { describe, expect, it } from 'vitest';
import { assessBureau, bureauRecords, finding, idsAndForms } from './helpers.js';

type Row = Record<string, unknown> & { attributes?: Record<string, unknown> };
const rows = bureauRecords() as Row[];
const ofType = (type: string): Row[] => rows.filter((r) => r.type === type);

describe('the records, as the derivation reads them', () => {
  it('one disciplinary case: r-2022-0229 at br-center-2, serious, naming p-shi-lei', () => {
    expect(ofType('disciplinary-case').map((r) => [r.id, r.organization, r.person, r.attributes?.['severity']])).toEqual([
      ['r-2022-0229', 'br-center-2', 'p-shi-lei', 'serious'],
    ]);
  });

  it('one rectification task never completed: r-2022-0124 at br-center-1, due 2022-09-30, naming p-pan-lei', () => {
    expect(ofType('inspection-rectification').filter((r) => r.completed === undefined).map((r) => [r.id, r.organization, r.due, r.person])).toEqual([
      ['r-2022-0124', 'br-center-1', '2022-09-30', 'p-pan-lei'],
    ]);
  });

  it('one history study marked formalism: r-2022-a001 at br-business', () => {
    expect(ofType('history-study').filter((r) => r.attributes?.['formalism'] === true).map((r) => [r.id, r.organization])).toEqual([['r-2022-a001', 'br-business']]);
  });

  it('circumstances: one prompt remedy (p-yan-bing), one waiver (p-liu-yang), nothing aggravating', () => {
    expect(ofType('prompt-remedy').map((r) => [r.id, r.person, r.attributes?.['rule']])).toEqual([['r-2022-a002', 'p-yan-bing', 'rectification-open']]);
    expect(ofType('accountability-waiver').map((r) => [r.id, r.person, r.attributes?.['rule'], r.attributes?.['reason']])).toEqual([
      ['r-2022-a003', 'p-liu-yang', 'formalism', 'recorded-objection'],
    ]);
    expect(ofType('aggravating-circumstance')).toEqual([]);
  });

  it('activity: every secretary but p-xu-tao lectured; every committee leader but p-zhao-lei visited', () => {
    const lecturers = new Set(ofType('party-lecture').map((r) => r.person));
    expect(['p-wang-jian', 'p-sun-wei', 'p-xu-tao', 'p-feng-bo', 'p-ding-rui', 'p-yan-bing', 'p-ren-jie'].filter((p) => !lecturers.has(p))).toEqual(['p-xu-tao']);
    const visitors = new Set(ofType('liaison-visit').map((r) => r.person));
    expect(['p-wang-jian', 'p-li-hua', 'p-zhang-min', 'p-liu-yang', 'p-chen-jing', 'p-zhao-lei'].filter((p) => !visitors.has(p))).toEqual(['p-zhao-lei']);
  });
});

describe('the findings', () => {
  const result = assessBureau();

  it('ids and forms, in order', () => {
    expect(idsAndForms(result)).toEqual([
      ['serious-case:o:br-center-2>p:p-shi-lei', 'disciplinary-sanction'],
      ['serious-case:o:br-center-2>o:br-center-2', 'circulation'],
      ['serious-case:o:br-center-2>p:p-ren-jie', 'admonishment'],
      ['serious-case:o:br-center-2>p:p-li-hua', 'circulated-criticism'],
      ['serious-case:o:br-center-2>p:p-jiang-tao', 'criticism'],
      ['serious-case:o:br-center-2>o:gb-center', 'inspection'],
      ['derelict:p:p-xu-tao>p:p-xu-tao', 'circulated-criticism'],
      ['derelict:p:p-zhao-lei>p:p-zhao-lei', 'circulated-criticism'],
      ['rectification-open:o:br-center-1>p:p-pan-lei', 'written-inspection'],
      ['rectification-open:o:br-center-1>p:p-yan-bing', 'criticism'],
      ['formalism:o:br-business>p:p-xu-tao', 'written-inspection'],
      ['formalism:o:br-business>p:p-liu-yang', 'criticism'],
      ['supervision-failure:o:gb-center>o:gb-center', 'inspection'],
    ]);
  });

  it('the verdicts behind derelict and incompetent', () => {
    expect(result.people.filter((p) => p.verdict === 'derelict').map((p) => p.id)).toEqual(['p-xu-tao', 'p-zhao-lei']);
    expect(result.people.filter((p) => p.verdict === 'incompetent')).toEqual([]);
  });

  it('all proposed; only p-yan-bing\'s form was moved by a circumstance, and clamped at the bottom', () => {
    expect(result.findings.every((f) => f.status === 'proposed')).toBe(true);
    expect(result.findings.filter((f) => f.circumstances.length > 0).map((f) => [f.id, f.baseForm.id, f.form.id, f.circumstances])).toEqual([
      [
        'rectification-open:o:br-center-1>p:p-yan-bing',
        'criticism',
        'criticism',
        [{ kind: 'mitigating', step: -1, recordIds: ['r-2022-a002'], clamped: true }],
      ],
    ]);
  });

  it('only p-liu-yang\'s formalism finding carries a waiver', () => {
    expect(result.findings.filter((f) => f.waiver !== undefined).map((f) => [f.id, f.waiver])).toEqual([
      [
        'formalism:o:br-business>p:p-liu-yang',
        { reason: 'recorded-objection', title: '在集体决策中对错误决策提出明确反对意见或保留意见', recordIds: ['r-2022-a003'] },
      ],
    ]);
  });

  it('the trigger evidence of each rule', () => {
    expect(finding(result, 'rectification-open:o:br-center-1>p:p-pan-lei').trigger).toEqual({
      type: 'deadline-open',
      subject: { type: 'organization', id: 'br-center-1', name: '事业发展中心第一党支部' },
      indicators: ['br-rectification'],
      recordIds: ['r-2022-0124'],
    });
    expect(finding(result, 'formalism:o:br-business>p:p-xu-tao').trigger).toEqual({
      type: 'formalism',
      subject: { type: 'organization', id: 'br-business', name: '机关第二党支部（业务一科、业务二科）' },
      indicators: [],
      recordIds: ['r-2022-a001'],
    });
    expect(finding(result, 'derelict:p:p-zhao-lei>p:p-zhao-lei').trigger).toEqual({
      type: 'verdict',
      subject: { type: 'person', id: 'p-zhao-lei', name: '赵磊' },
      indicators: [],
      recordIds: [],
    });
  });

  it('the supervision finding on gb-center explains its count', () => {
    expect(finding(result, 'supervision-failure:o:gb-center>o:gb-center').explanation).toBe(
      '【下级党组织半数以上被提出问责，一级抓一级不力】市某某事业发展中心党总支所属2个下级组织中2个被提出问责（事业发展中心第一党支部、事业发展中心第二党支部），一级抓一级不力，建议「检查」',
    );
  });

  it('eligibility: 诫勉 and heavier — p-ren-jie and p-shi-lei', () => {
    expect(result.ineligibleFrom).toEqual({ id: 'admonishment', title: '诫勉', severity: 4 });
    expect(result.eligibility.map((e) => [e.person, e.findings])).toEqual([
      ['p-ren-jie', ['serious-case:o:br-center-2>p:p-ren-jie']],
      ['p-shi-lei', ['serious-case:o:br-center-2>p:p-shi-lei']],
    ]);
    // p-shi-lei is an ordinary member, not assessed: no grade to hold
    expect(result.eligibility.find((e) => e.person === 'p-shi-lei')?.holdsTopGrade).toBe(false);
    // p-ren-jie's flag follows his grade on the secretaries' ladder
    const renJie = result.people.find((p) => p.id === 'p-ren-jie');
    expect(result.eligibility.find((e) => e.person === 'p-ren-jie')?.holdsTopGrade).toBe(renJie?.grade?.rank === 1);
  });

  it('in English, rule titles and forms follow', () => {
    const en = assessBureau(undefined, { lang: 'en' });
    expect(en.findings.map((f) => f.id)).toEqual(result.findings.map((f) => f.id));
    const f = finding(en, 'serious-case:o:br-center-2>p:p-ren-jie');
    expect([f.ruleTitle, f.form.title]).toEqual(['Serious disciplinary case (veto): failure to govern the party', 'admonishment']);
  });
});

describe('with a previous result holding the same findings', () => {
  it('every rule-based finding repeats one step up, and derelict-again fires', () => {
    // Feeding 2022's result, labelled as 2021's (a previous result must be of an earlier period),
    // as `previous` to the 2022 run: every finding of a rule on the same subject repeats (+1);
    // derelict-again fires for p-xu-tao and p-zhao-lei (derelict both times).
    const first = assessBureau();
    const lastYear = { ...first, period: { ...first.period, start: '2021-01-01', end: '2021-12-31', label: '2021年' } };
    const second = assessBureau(undefined, { previous: lastYear });
    expect(second.findings.filter((f) => f.rule === 'derelict-again').map((f) => [f.id, f.form.id])).toEqual([
      ['derelict-again:p:p-xu-tao>p:p-xu-tao', 'admonishment'],
      ['derelict-again:p:p-zhao-lei>p:p-zhao-lei', 'admonishment'],
    ]);
    expect(idsAndForms(second).filter(([id]) => !id.startsWith('derelict-again:'))).toEqual([
      ['serious-case:o:br-center-2>p:p-shi-lei', 'disciplinary-sanction'], // top: clamped
      ['serious-case:o:br-center-2>o:br-center-2', 'reorganization'],
      ['serious-case:o:br-center-2>p:p-ren-jie', 'organizational-handling'],
      ['serious-case:o:br-center-2>p:p-li-hua', 'admonishment'],
      ['serious-case:o:br-center-2>p:p-jiang-tao', 'written-inspection'],
      ['serious-case:o:br-center-2>o:gb-center', 'circulation'],
      ['derelict:p:p-xu-tao>p:p-xu-tao', 'admonishment'],
      ['derelict:p:p-zhao-lei>p:p-zhao-lei', 'admonishment'],
      ['rectification-open:o:br-center-1>p:p-pan-lei', 'circulated-criticism'],
      // criticism +1 (repeat) −1 (remedy) = criticism
      ['rectification-open:o:br-center-1>p:p-yan-bing', 'criticism'],
      ['formalism:o:br-business>p:p-xu-tao', 'circulated-criticism'],
      ['formalism:o:br-business>p:p-liu-yang', 'written-inspection'],
      // the supervision finding repeats too: inspection +1 = circulation
      ['supervision-failure:o:gb-center>o:gb-center', 'circulation'],
    ]);
  });
});
