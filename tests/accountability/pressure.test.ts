// 层层传导压力 and 一级抓一级, on the small graph of helpers.ts:
//
//   cm (p-sec secretary, p-dep deputy, p-tm team member)
//   ├── b1 (p-b1-sec, p-b1-tm) └── g1
//   ├── b2 (p-b2-sec)
//   └── gb (p-gb-sec, p-gb-tm) ├── b3 (p-b3-sec)  └── b4 (p-b4-sec)
//   oversight p-dep → gb, p-tm → b1, b2; liaison p-sec → b3, p-dep → b1
//
// A leader answers for the subtrees of the organizations they lead (secretary, deputy, team
// member), the subtrees they oversee, and their contact points. An organization is flagged when
// it set off a finding (it is the trigger's subject).
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, finding, ids, prec, rec, rule, ruleSet, run, thrown, type AccountabilityInput } from './helpers.js';
import type { RecordInput } from '../../src/index.js';

const INCIDENT = rule('inc', { type: 'incident', recordTypes: ['incident'] }, [{ to: 'team' }, { to: 'direct' }]);
const incident = (id: string, organization: string): RecordInput => rec(id, 'incident', organization, '2022-05-01');

describe('pressure shares', () => {
  // Flagged: b1 and b3. A finding set off by a person (p-b2-m, no organization) flags no organization.
  const result = run(ruleSet([PLACEHOLDER], { rules: [INCIDENT] }), [incident('i1', 'b1'), incident('i3', 'b3'), prec('i9', 'incident', 'p-b2-m', '2022-05-01')]);

  it('the committee secretary: 2 of the 7 organizations of the committee\'s subtree', () => {
    // scope {cm, b1, g1, b2, gb, b3, b4} (his contact point b3 is inside it); flagged b1, b3 → 2/7
    expect(result.pressure.find((p) => p.person === 'p-sec')).toEqual({
      person: 'p-sec',
      name: '王书记',
      answersFor: 7,
      flagged: 2,
      share: 0.2857,
      flaggedOrganizations: ['b1', 'b3'],
    });
  });

  it('a branch team member: 1 of the 2 organizations of the branch\'s subtree', () => {
    // p-b1-tm leads in b1: scope {b1, g1}; flagged b1 → 1/2
    expect(result.pressure.find((p) => p.person === 'p-b1-tm')).toEqual({
      person: 'p-b1-tm',
      name: '钱委员',
      answersFor: 2,
      flagged: 1,
      share: 0.5,
      flaggedOrganizations: ['b1'],
    });
  });

  it('every leader, by id; people without a leadership post, oversight or contact point are left out', () => {
    //   p-b1-sec {b1,g1} 1/2; p-b1-tm {b1,g1} 1/2; p-b2-sec {b2} 0/1; p-b3-sec {b3} 1/1; p-b4-sec {b4} 0/1;
    //   p-dep, p-sec, p-tm: the committee's subtree, 2/7; p-gb-sec, p-gb-tm {gb,b3,b4} 1/3
    expect(result.pressure.map((p) => [p.person, p.flagged, p.answersFor, p.share])).toEqual([
      ['p-b1-sec', 1, 2, 0.5],
      ['p-b1-tm', 1, 2, 0.5],
      ['p-b2-sec', 0, 1, 0],
      ['p-b3-sec', 1, 1, 1],
      ['p-b4-sec', 0, 1, 0],
      ['p-dep', 2, 7, 0.2857],
      ['p-gb-sec', 1, 3, 0.3333],
      ['p-gb-tm', 1, 3, 0.3333],
      ['p-sec', 2, 7, 0.2857],
      ['p-tm', 2, 7, 0.2857],
    ]);
  });

  it('no findings, no pressure anywhere', () => {
    const quiet = run(ruleSet([PLACEHOLDER], { rules: [INCIDENT] }), []);
    expect(quiet.pressure.every((p) => p.flagged === 0 && p.share === 0)).toBe(true);
  });
});

describe('the supervision flag (一级抓一级不力)', () => {
  const section = (minShare: number, extra: Partial<NonNullable<AccountabilityInput['supervision']>> = {}): AccountabilityInput => ({
    rules: [INCIDENT],
    supervision: { id: 'sup', title: '下级半数以上被问责', minShare, ...extra },
  });
  // Flagged by the rule: b1 and b3. Share of children flagged, bottom-up (a child flagged by
  // supervision counts for its parent; the group g1 is no body to hold to account and counts for
  // none, so b1 has no children to supervise):
  //   gb {b3, b4} 1/2;  cm {b1, b2, gb} 1/3, or 2/3 once gb is flagged by supervision.
  const records = [incident('i1', 'b1'), incident('i3', 'b3')];

  it('an organization with at least minShare of its children flagged gets a finding (1/2 ≥ 0.5), and so its parent (2/3 ≥ 0.5)', () => {
    const result = run(ruleSet([PLACEHOLDER], section(0.5)), records);
    expect(ids(result).filter((id) => id.startsWith('sup:'))).toEqual(['sup:o:cm>o:cm', 'sup:o:gb>o:gb']);
    expect(finding(result, 'sup:o:cm>o:cm').explanation).toBe('【下级半数以上被问责】局党委所属3个下级组织中2个被提出问责（第一支部、党总支），一级抓一级不力，建议「检查」');
    const f = finding(result, 'sup:o:gb>o:gb');
    expect(f).toEqual({
      id: 'sup:o:gb>o:gb',
      rule: 'sup',
      ruleTitle: '下级半数以上被问责',
      status: 'proposed',
      subject: { type: 'organization', id: 'gb', name: '党总支' },
      liability: 'overall-leadership',
      basis: 'supervision',
      // no form given: the lightest organization form
      form: { id: 'inspection', title: '检查', severity: 1 },
      baseForm: { id: 'inspection', title: '检查', severity: 1 },
      circumstances: [],
      trigger: { type: 'supervision', subject: { type: 'organization', id: 'gb', name: '党总支' }, indicators: [], recordIds: [] },
      path: [{ distance: 0, organization: 'gb', kind: 'supervision' }],
      explanation: '【下级半数以上被问责】党总支所属2个下级组织中1个被提出问责（第三支部），一级抓一级不力，建议「检查」',
    });
  });

  it('one below minShare does not (1/2 < 0.6; 1/3 < 0.5)', () => {
    const result = run(ruleSet([PLACEHOLDER], section(0.6)), records);
    expect(result.findings.filter((f) => f.rule === 'sup')).toEqual([]);
    expect(result.findings.filter((f) => f.subject.id === 'cm')).toEqual([]);
  });

  it('a lower minShare reaches the committee too (1/3 ≥ 0.3), with the form asked for', () => {
    const result = run(ruleSet([PLACEHOLDER], section(0.3, { form: 'circulation' })), records);
    expect(result.findings.filter((f) => f.rule === 'sup').map((f) => [f.id, f.form.id])).toEqual([
      ['sup:o:cm>o:cm', 'circulation'],
      ['sup:o:gb>o:gb', 'circulation'],
    ]);
  });

  it('the supervised organizations then count as flagged in the pressure', () => {
    // gb and cm are now flagged too: p-sec {cm, b1, g1, b2, gb, b3, b4} 4/7, p-gb-sec {gb, b3, b4} 2/3
    const result = run(ruleSet([PLACEHOLDER], section(0.5)), records);
    expect(result.pressure.find((p) => p.person === 'p-sec')).toMatchObject({ flagged: 4, share: 0.5714, flaggedOrganizations: ['b1', 'b3', 'cm', 'gb'] });
    expect(result.pressure.find((p) => p.person === 'p-gb-sec')).toMatchObject({ flagged: 2, share: 0.6667 });
  });

  it('finding ids stay unique: a supervision id equal to a rule id is refused', () => {
    // Rule `x` would propose x:o:gb>o:gb at gb itself, and supervision `x` the same id again.
    const x = rule('x', { type: 'incident', recordTypes: ['incident'] }, [{ to: 'team' }]);
    const error = thrown(() => run(ruleSet([PLACEHOLDER], { rules: [x], supervision: { id: 'x', title: 'x', minShare: 0.5 } }), [incident('i0', 'gb')]));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([['duplicate-rule-id', ['accountability', 'supervision', 'id']]]);
  });
});

describe('a supervision finding, in each language (built inside each test, where mutation testing sees it)', () => {
  // b1 and b2 flagged: 2 of the committee's 3 children ≥ 0.5 → cm; gb's b3, b4 none → no finding
  const supervised = (lang: 'zh' | 'en') =>
    run(
      ruleSet([PLACEHOLDER], { rules: [INCIDENT], supervision: { id: 'sup', title: '监督不力', titleEn: 'weak supervision', minShare: 0.5 } }),
      [incident('i1', 'b1'), incident('i2', 'b2')],
      { lang },
    );

  it('in Chinese: the Chinese title, the flagged children listed with 、, the lightest form', () => {
    const f = finding(supervised('zh'), 'sup:o:cm>o:cm');
    expect(f.ruleTitle).toBe('监督不力');
    expect(f.explanation).toBe('【监督不力】局党委所属3个下级组织中2个被提出问责（第一支部、第二支部），一级抓一级不力，建议「检查」');
  });

  it('in English: the English title and the English list', () => {
    const f = finding(supervised('en'), 'sup:o:cm>o:cm');
    expect(f.ruleTitle).toBe('weak supervision');
    expect(f.explanation).toBe('[weak supervision] 2 of the 3 organizations under 局党委 are flagged (第一支部, 第二支部): supervision failed; proposed: ordered self-examination');
  });
});
