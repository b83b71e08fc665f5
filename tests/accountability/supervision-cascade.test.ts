// 一级抓一级 climbs level by level: a child flagged by supervision counts as flagged for its
// parent, as one flagged by any other rule does (docs/rules.md §12.1, §12.8: supervision reads
// `hits`, supervision's own included). A 党小组 is no body held to account: it is not counted among
// its branch's children (what happens in it is the branch's to answer for through its own lines).
import { describe, expect, it } from 'vitest';
import type { AssessmentResult, GraphInput, RecordInput } from '../../src/index.js';
import { graphInput, ind, PLACEHOLDER, rec, rule, ruleSet, run } from './helpers.js';

// A county committee over two township committees, each over two branches:
//   xw 某县县委
//   ├── tz-a 东关镇党委 ├── a1 东关村党支部  └── a2 南街社区党支部
//   └── tz-b 西河乡党委 ├── b1 西河村党支部  └── b2 柳湾村党支部
const COUNTY: GraphInput = {
  id: 'county',
  organizations: [
    { id: 'xw', name: '某县县委', kind: 'committee' },
    { id: 'tz-a', name: '东关镇党委', kind: 'committee', parent: 'xw' },
    { id: 'tz-b', name: '西河乡党委', kind: 'committee', parent: 'xw' },
    { id: 'a1', name: '东关村党支部', kind: 'branch', parent: 'tz-a' },
    { id: 'a2', name: '南街社区党支部', kind: 'branch', parent: 'tz-a' },
    { id: 'b1', name: '西河村党支部', kind: 'branch', parent: 'tz-b' },
    { id: 'b2', name: '柳湾村党支部', kind: 'branch', parent: 'tz-b' },
  ],
  people: [{ id: 'p-xw-sec', name: '周正', partyMember: true }],
  posts: [{ person: 'p-xw-sec', organization: 'xw', role: 'secretary' }],
};

const INCIDENT = rule('inc', { type: 'incident', recordTypes: ['incident'] }, [{ to: 'team' }]);
const incident = (organization: string): RecordInput => rec(`i-${organization}`, 'incident', organization, '2022-05-01');
const section = (minShare: number) => ({ rules: [INCIDENT], supervision: { id: 'sup', title: '一级抓一级不力', minShare } });
const inCounty = (minShare: number, flagged: string[], graph: GraphInput = COUNTY): AssessmentResult =>
  run(ruleSet([PLACEHOLDER], section(minShare)), flagged.map(incident), { graph });
const supervised = (result: AssessmentResult): string[] => result.findings.filter((f) => f.rule === 'sup').map((f) => f.subject.id);
const said = (result: AssessmentResult, id: string): string | undefined => result.findings.find((f) => f.id === `sup:o:${id}>o:${id}`)?.explanation;

describe('a child flagged by supervision counts for its parent', () => {
  it('minShare 0.5: 东关镇党委 by supervision (1/2), 西河乡党委 by its own incident, so the county 2 of 2 — said so, with both names', () => {
    // tz-a {a1} 1/2 ≥ 0.5; tz-b {b1, b2} 2/2; xw {tz-a (supervision), tz-b (incident and supervision)} 2/2
    const result = inCounty(0.5, ['a1', 'b1', 'b2', 'tz-b']);
    expect(supervised(result)).toEqual(['xw', 'tz-a', 'tz-b']);
    expect(said(result, 'xw')).toBe('【一级抓一级不力】某县县委所属2个下级组织中2个被提出问责（东关镇党委、西河乡党委），一级抓一级不力，建议「检查」');
    expect(said(result, 'tz-a')).toBe('【一级抓一级不力】东关镇党委所属2个下级组织中1个被提出问责（东关村党支部），一级抓一级不力，建议「检查」');
  });

  it('minShare 0.75: both townships flagged (东关镇党委 by supervision, 2/2), so the county is too (2/2)', () => {
    const result = inCounty(0.75, ['a1', 'a2', 'tz-b']);
    expect(supervised(result)).toEqual(['xw', 'tz-a']);
    expect(said(result, 'xw')).toBe('【一级抓一级不力】某县县委所属2个下级组织中2个被提出问责（东关镇党委、西河乡党委），一级抓一级不力，建议「检查」');
  });

  it('minShare 0.75: a township below the share is not flagged, and does not count for the county (1/2 < 0.75)', () => {
    // tz-a {a1} 1/2 < 0.75; tz-b {b1, b2} 2/2; xw {tz-b} 1/2 < 0.75
    expect(supervised(inCounty(0.75, ['a1', 'b1', 'b2']))).toEqual(['tz-b']);
  });

  it('climbs a chain of any depth in one pass, in hierarchy order; the supervised count in the pressure', () => {
    // L0 → L1 → … → L5 (a branch), one child each; an incident at L5 flags every level above at minShare 1.
    const depth = 6;
    const chain: GraphInput = {
      id: 'chain',
      organizations: Array.from({ length: depth }, (_, i) => ({ id: `L${i}`, name: `第${i}级`, kind: i === depth - 1 ? ('branch' as const) : ('committee' as const), ...(i > 0 ? { parent: `L${i - 1}` } : {}) })),
      people: [{ id: 'p', name: '甲', partyMember: true }],
      posts: [{ person: 'p', organization: 'L0', role: 'secretary' }],
    };
    const result = inCounty(1, ['L5'], chain);
    expect(supervised(result)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4']);
    expect(said(result, 'L0')).toBe('【一级抓一级不力】第0级所属1个下级组织中1个被提出问责（第1级），一级抓一级不力，建议「检查」');
    expect(result.pressure.find((p) => p.person === 'p')).toMatchObject({ answersFor: 6, flagged: 6, share: 1 });
  });

  it('the same input gives the same findings whatever the order of the records', () => {
    const records = ['a1', 'b1', 'b2', 'tz-b'];
    const forward = inCounty(0.5, records);
    const backward = run(ruleSet([PLACEHOLDER], section(0.5)), [...records].reverse().map(incident), { graph: COUNTY });
    expect(JSON.stringify(backward.findings)).toBe(JSON.stringify(forward.findings));
  });
});

describe('a 党小组 is not counted among its branch\'s children', () => {
  // The small graph (helpers.ts): cm ├── b1 └── g1 (a group); ├── b2; └── gb ├── b3 └── b4
  it('an incident in the group alone: the branch is not flagged for supervision (it has no accountable children)', () => {
    const result = run(ruleSet([PLACEHOLDER], section(0.5)), [incident('g1')]);
    expect(supervised(result)).toEqual([]);
  });

  it('incidents in every group of a branch: still no supervision finding for the branch (groups are all a branch has below it)', () => {
    const graph = graphInput();
    graph.organizations.push({ id: 'g2', name: '第二党小组', kind: 'group', parent: 'b1' });
    const result = run(ruleSet([PLACEHOLDER], section(0.5)), [incident('g1'), incident('g2')], { graph });
    expect(supervised(result)).toEqual([]);
    // the groups' hits are kept (the pressure on the branch's leaders reads them), only supervision leaves them out
    expect(result.hits.filter((h) => h.rule === 'inc').map((h) => h.subject.id)).toEqual(['g1', 'g2']);
  });
});

describe('while the period runs: a child flagged by supervision on firm hits is firm for its parent', () => {
  // meetings: at least 4 a year, on branches. In June b1 has 1 (short, provisional); b2, b3, b4 have 4.
  // An incident at b3 (a fact at asOf, firm). gb {b3} 1/2: firm. cm {b1 (provisional), gb (firm)} 2/3:
  // an early warning, with only 第一支部 held as provisional.
  const meetings = (org: string, n: number): RecordInput[] => Array.from({ length: n }, (_, i) => rec(`m-${org}-${i + 1}`, 'meeting', org, `2022-0${i + 1}-15`));
  const MEETINGS = ind({ id: 'meetings', points: 10, measure: { type: 'count', recordTypes: ['meeting'], atLeast: 4 }, scoring: { method: 'deduct', perShortfall: 2.5 } });
  const rules = ruleSet([MEETINGS], { rules: [INCIDENT, rule('short', { type: 'shortfall', indicator: 'meetings' }, [{ to: 'team' }])], supervision: { id: 'sup', title: '一级抓一级不力', minShare: 0.5 } });
  const june = run(rules, [...meetings('b1', 1), ...meetings('b2', 4), ...meetings('b3', 4), ...meetings('b4', 4), incident('b3')], { asOf: '2022-06-30' });

  it('gb is proposed; cm is an early warning naming 党总支 as firm', () => {
    expect(supervised(june)).toEqual(['gb']);
    const early = june.hits.filter((h) => h.provisional === true).map((h) => `${h.rule}:${h.subject.id}`);
    expect(early).toEqual(['short:b1', 'sup:cm']);
    expect(june.hits.find((h) => h.rule === 'sup' && h.subject.id === 'cm')?.explanation).toBe(
      '局党委所属3个下级组织中2个触发问责规则（第一支部、党总支；其中第一支部为暂定），如至考核期末情况不变，将以一级抓一级不力建议「检查」',
    );
  });
});
