// Whom a finding reaches along the chain, on the bureau example, checked by hand against
// examples/bureau-2022/graph.json. The serious disciplinary case r-2022-0229 (br-center-2, names
// p-shi-lei, severity 'serious') fires the veto org-discipline-veto, so rule `serious-case` has
// one hit: br-center-2. From graph.json:
//   br-center-2: parent gb-center (whose parent is bureau); secretary p-ren-jie; team member
//     p-jiang-tao; party-affairs officer p-fan-ling (not leadership); members p-fang-zhi,
//     p-shi-lei, p-yao-ning, p-tan-xin, p-xue-qin, p-ye-fei, p-fan-ling
//   oversight: p-li-hua → gb-center (none on br-center-2 or bureau)
//   liaison:   p-li-hua → br-center-2
import { describe, expect, it } from 'vitest';
import { accountabilityOf, assessBureau, finding, ids } from './helpers.js';
import type { AssessmentResult, Finding } from '../../src/index.js';

const HIT = 'serious-case:o:br-center-2';
const TRIGGER = {
  type: 'veto',
  subject: { type: 'organization', id: 'br-center-2', name: '事业发展中心第二党支部' },
  indicators: ['org-discipline-veto'],
  recordIds: ['r-2022-0229'],
};

/** What the reach tests compare: subject, capacity, form and path. */
function reached(f: Finding): unknown {
  return { subject: `${f.subject.type}:${f.subject.id}`, liability: f.liability, basis: f.basis, form: f.form.id, path: f.path };
}

describe('the serious case at br-center-2 (rule serious-case)', () => {
  const result = assessBureau();
  const serious = result.findings.filter((f) => f.rule === 'serious-case');

  it('flags exactly these six, in reach order', () => {
    // direct → team → secretary → overseer → team-members → liaison (nobody new) → supervision
    expect(serious.map((f) => f.id)).toEqual([
      `${HIT}>p:p-shi-lei`,
      `${HIT}>o:br-center-2`,
      `${HIT}>p:p-ren-jie`,
      `${HIT}>p:p-li-hua`,
      `${HIT}>p:p-jiang-tao`,
      `${HIT}>o:gb-center`,
    ]);
    for (const f of serious) expect(f.trigger).toEqual(TRIGGER);
  });

  it('p-shi-lei, named on the case record: 直接责任, 纪律处分', () => {
    expect(reached(finding(result, `${HIT}>p:p-shi-lei`))).toEqual({
      subject: 'person:p-shi-lei',
      liability: 'direct',
      basis: 'direct',
      form: 'disciplinary-sanction',
      path: [{ distance: 0, organization: 'br-center-2', kind: 'direct' }],
    });
  });

  it('br-center-2 as a body: 全面领导责任 (主体责任), 通报', () => {
    expect(reached(finding(result, `${HIT}>o:br-center-2`))).toEqual({
      subject: 'organization:br-center-2',
      liability: 'overall-leadership',
      basis: 'principal',
      form: 'circulation',
      path: [{ distance: 0, organization: 'br-center-2', kind: 'principal' }],
    });
  });

  it('its secretary p-ren-jie: 主要领导责任 (第一责任), 诫勉', () => {
    expect(reached(finding(result, `${HIT}>p:p-ren-jie`))).toEqual({
      subject: 'person:p-ren-jie',
      liability: 'principal-leadership',
      basis: 'first',
      form: 'admonishment',
      path: [{ distance: 0, organization: 'br-center-2', kind: 'first' }],
    });
  });

  it('p-li-hua oversees gb-center, the parent: 主要领导责任 (一岗双责) one level up — this capacity wins over her liaison', () => {
    // She is also br-center-2's liaison leader (重要领导责任, 批评教育), but a person is reached
    // once per rule and trigger: the overseer step comes first in the rule and keeps her.
    expect(reached(finding(result, `${HIT}>p:p-li-hua`))).toEqual({
      subject: 'person:p-li-hua',
      liability: 'principal-leadership',
      basis: 'dual',
      form: 'circulated-criticism',
      path: [
        { distance: 0, organization: 'br-center-2', kind: 'principal' },
        { distance: 1, organization: 'gb-center', kind: 'dual' },
      ],
    });
    expect(serious.filter((f) => f.subject.id === 'p-li-hua')).toHaveLength(1);
  });

  it('the other team member p-jiang-tao: 重要领导责任, 批评教育', () => {
    expect(reached(finding(result, `${HIT}>p:p-jiang-tao`))).toEqual({
      subject: 'person:p-jiang-tao',
      liability: 'important-leadership',
      basis: 'principal',
      form: 'criticism',
      path: [{ distance: 0, organization: 'br-center-2', kind: 'principal' }],
    });
  });

  it('gb-center as a body, by supervision one level up (一级抓一级): 检查', () => {
    expect(reached(finding(result, `${HIT}>o:gb-center`))).toEqual({
      subject: 'organization:gb-center',
      liability: 'overall-leadership',
      basis: 'supervision',
      form: 'inspection',
      path: [
        { distance: 0, organization: 'br-center-2', kind: 'principal' },
        { distance: 1, organization: 'gb-center', kind: 'supervision' },
      ],
    });
  });

  it('reaches no one else: not the party-affairs officer, the ordinary members, gb-center\'s secretary or the bureau', () => {
    const subjects = new Set(serious.map((f) => f.subject.id));
    for (const id of ['p-fan-ling', 'p-fang-zhi', 'p-yao-ning', 'p-tan-xin', 'p-xue-qin', 'p-ye-fei', 'p-ding-rui', 'p-wang-jian', 'bureau']) {
      expect(subjects.has(id), id).toBe(false);
    }
  });

  it('a liaison step alone reaches p-li-hua as liaison: 重要领导责任 (包抓包联)', () => {
    const only = assessBureau((rules) => {
      const rule = accountabilityOf(rules).rules[0];
      if (rule) rule.reach = [{ to: 'liaison', form: { person: 'criticism' } }];
    });
    expect(only.findings.filter((f) => f.rule === 'serious-case').map(reached)).toEqual([
      {
        subject: 'person:p-li-hua',
        liability: 'important-leadership',
        basis: 'liaison',
        form: 'criticism',
        path: [{ distance: 0, organization: 'br-center-2', kind: 'liaison' }],
      },
    ]);
  });

  it('the capacity a person is reached in does not depend on the order of the reach steps', () => {
    // src/accountability/propose.ts keeps the first finding per rule/trigger/subject id
    // (`if (seen.has(id)) continue`), so listing `liaison` before `overseer` demotes p-li-hua to
    // 重要领导责任 with 批评教育 instead of 主要领导责任 with 通报批评.
    const swapped = assessBureau((rules) => {
      const rule = accountabilityOf(rules).rules[0];
      if (!rule) return;
      const li = rule.reach.findIndex((r) => r.to === 'liaison');
      const ov = rule.reach.findIndex((r) => r.to === 'overseer');
      const [a, b] = [rule.reach[li], rule.reach[ov]];
      if (a && b) [rule.reach[li], rule.reach[ov]] = [b, a];
    });
    const f = finding(swapped, `${HIT}>p:p-li-hua`);
    expect([f.liability, f.basis, f.form.id]).toEqual(['principal-leadership', 'dual', 'circulated-criticism']);
  });
});

describe('supervision with levels', () => {
  const withLevels = (levels: number): AssessmentResult =>
    assessBureau((rules) => {
      const reach = accountabilityOf(rules).rules[0]?.reach.find((r) => r.to === 'supervision');
      if (reach) reach.levels = levels;
    });

  it('levels: 2 reaches gb-center and the bureau, each path climbing one level at a time', () => {
    const result = withLevels(2);
    const up = result.findings.filter((f) => f.rule === 'serious-case' && f.basis === 'supervision');
    expect(up.map(reached)).toEqual([
      {
        subject: 'organization:gb-center',
        liability: 'overall-leadership',
        basis: 'supervision',
        form: 'inspection',
        path: [
          { distance: 0, organization: 'br-center-2', kind: 'principal' },
          { distance: 1, organization: 'gb-center', kind: 'supervision' },
        ],
      },
      {
        subject: 'organization:bureau',
        liability: 'overall-leadership',
        basis: 'supervision',
        form: 'inspection',
        path: [
          { distance: 0, organization: 'br-center-2', kind: 'principal' },
          { distance: 1, organization: 'gb-center', kind: 'supervision' },
          { distance: 2, organization: 'bureau', kind: 'supervision' },
        ],
      },
    ]);
  });

  it('more levels than there are ancestors stops at the root', () => {
    const ten = withLevels(10).findings.filter((f) => f.rule === 'serious-case' && f.basis === 'supervision');
    expect(ten.map((f) => f.subject.id)).toEqual(['gb-center', 'bureau']);
  });
});

describe('person subjects (rule derelict: verdict derelict)', () => {
  // Derelict in 2022 (see bureau.test.ts): p-xu-tao (no July lecture) and p-zhao-lei (no visits).
  // p-xu-tao leads br-business (secretary); p-zhao-lei leads only in bureau (team member) — his
  // post in br-center-1 is an ordinary membership, so it is not where he is seated.
  it("'self' reaches the person: 直接责任, seated where they lead", () => {
    const result = assessBureau();
    expect(result.findings.filter((f) => f.rule === 'derelict').map(reached)).toEqual([
      { subject: 'person:p-xu-tao', liability: 'direct', basis: 'direct', form: 'circulated-criticism', path: [{ distance: 0, organization: 'br-business', kind: 'direct' }] },
      { subject: 'person:p-zhao-lei', liability: 'direct', basis: 'direct', form: 'circulated-criticism', path: [{ distance: 0, organization: 'bureau', kind: 'direct' }] },
    ]);
  });

  it('other steps start from the organizations where the person leads, never reaching the person again', () => {
    const result = assessBureau((rules) => {
      const rule = accountabilityOf(rules).rules.find((r) => r.id === 'derelict');
      if (rule) rule.reach = [{ to: 'self' }, { to: 'team' }, { to: 'secretary' }, { to: 'overseer' }, { to: 'supervision' }];
    });
    // p-xu-tao (seat br-business): team → br-business; secretary → himself, dropped; overseer →
    // p-liu-yang (oversees br-business); supervision → bureau.
    // p-zhao-lei (seat bureau): team → bureau; secretary → p-wang-jian; no overseer of bureau; no
    // organization above bureau.
    expect(ids(result).filter((id) => id.startsWith('derelict:'))).toEqual([
      'derelict:p:p-xu-tao>p:p-xu-tao',
      'derelict:p:p-xu-tao>o:br-business',
      'derelict:p:p-xu-tao>p:p-liu-yang',
      'derelict:p:p-xu-tao>o:bureau',
      'derelict:p:p-zhao-lei>p:p-zhao-lei',
      'derelict:p:p-zhao-lei>o:bureau',
      'derelict:p:p-zhao-lei>p:p-wang-jian',
    ]);
    expect(reached(finding(result, 'derelict:p:p-xu-tao>p:p-liu-yang'))).toEqual({
      subject: 'person:p-liu-yang',
      liability: 'principal-leadership',
      basis: 'dual',
      form: 'criticism',
      // Overseeing br-business itself: the path names it once, as 一岗双责.
      path: [{ distance: 0, organization: 'br-business', kind: 'dual' }],
    });
    expect(reached(finding(result, 'derelict:p:p-zhao-lei>p:p-wang-jian'))).toEqual({
      subject: 'person:p-wang-jian',
      liability: 'principal-leadership',
      basis: 'first',
      form: 'criticism',
      path: [{ distance: 0, organization: 'bureau', kind: 'first' }],
    });
    expect(reached(finding(result, 'derelict:p:p-xu-tao>o:bureau'))).toEqual({
      subject: 'organization:bureau',
      liability: 'overall-leadership',
      basis: 'supervision',
      form: 'inspection',
      path: [
        { distance: 0, organization: 'br-business', kind: 'principal' },
        { distance: 1, organization: 'bureau', kind: 'supervision' },
      ],
    });
  });
});
