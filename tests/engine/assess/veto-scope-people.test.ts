// A one-vote veto on an indicator for people reaches the people who answer for an organization:
// `scope: "organization"` reads the records of the organizations where the person holds a post the
// indicator applies to, `subtree` those and every organization below them, `self` (the default)
// only records naming the person. docs/rules.md §8.3.
//
// The small graph (helpers.ts), with one more team member of 第二支部 (p-b2-tm):
//   cm 局党委      secretary p-sec; team members p-tm1, p-tm2 (committee posts only)
//   ├── b1 第一支部  secretary p-b1-sec
//   │   └── g1 第一党小组
//   └── b2 第二支部  secretary p-b2-sec, team member p-b2-tm
import { describe, expect, it } from 'vitest';
import { assess, openAssessment, parseGraph, type AssessmentResult, type PartialState, type RecordInput } from '../../../src/index.js';
import { graphInput, ind, person, prec, rec, ruleSet, thrown, type IndicatorInput } from './helpers.js';

const graph = (() => {
  const g = graphInput();
  g.people.push({ id: 'p-b2-tm', name: '冯委员', partyMember: true });
  g.posts.push({ person: 'p-b2-tm', organization: 'b2', role: 'team-member' });
  return g;
})();

const LEADERS = { posts: ['secretary' as const, 'team-member' as const] };
const TITLE = '所在党组织发生严重违纪案件，书记（班子成员）不得评为好';
const veto = (scope?: 'self' | 'organization' | 'subtree'): IndicatorInput =>
  ind({
    id: 'leader-veto',
    title: TITLE,
    titleEn: 'Serious case where they lead: veto',
    responsibility: 'first',
    appliesTo: { ...LEADERS, in: ['branch'] },
    veto: { recordTypes: ['disciplinary-case'], where: { severity: 'serious' }, ...(scope ? { scope } : {}) },
  });
/** 100 points for a lecture given (one record naming the person), so a person not vetoed is 好. */
const LECTURE = ind({
  id: 'lecture',
  responsibility: 'first',
  appliesTo: LEADERS,
  points: 100,
  measure: { type: 'count', recordTypes: ['lecture'], atLeast: 1 },
  scoring: { method: 'all-or-nothing' },
});
const LADDER = {
  id: 'leaders',
  title: '书记（班子成员）等次',
  appliesTo: LEADERS,
  grades: [
    { id: 'good', title: '好', min: 90 },
    { id: 'poor', title: '差', min: 0 },
  ],
};
const rules = (scope?: 'self' | 'organization' | 'subtree') => ruleSet([LECTURE, veto(scope)], { ladders: [LADDER] });

const LEADER_IDS = ['p-sec', 'p-tm1', 'p-tm2', 'p-b1-sec', 'p-b2-sec', 'p-b2-tm'];
const LECTURES = LEADER_IDS.map((id) => prec(`l-${id}`, 'lecture', id, '2022-06-28'));
const serious = { attributes: { severity: 'serious' } };
/** A serious case in 第二支部, naming an ordinary member (not a subject). */
const CASE_B2 = rec('dc-1', 'disciplinary-case', 'b2', '2022-08-03', { person: 'p-b2-m', ...serious });

const runWith = (scope: 'self' | 'organization' | 'subtree' | undefined, records: readonly RecordInput[], lang?: 'zh' | 'en'): AssessmentResult =>
  assess({ graph, rules: rules(scope), records: [...LECTURES, ...records], ...(lang ? { lang } : {}) });
/** Who is vetoed: the people whose grade is the lowest by veto. */
const vetoed = (result: AssessmentResult): string[] => result.people.filter((p) => p.grade?.reason === 'veto').map((p) => p.id).sort();
const vetoLine = (result: AssessmentResult, id: string) => person(result, id).lines.find((l) => l.indicator === 'leader-veto');

describe('scope "organization": the records of the branch where the person holds the post', () => {
  const result = runWith('organization', [CASE_B2]);

  it('the secretary and the team member of 第二支部 are 差（一票否决）, though the case names neither; their 100 points stand', () => {
    expect(vetoed(result)).toEqual(['p-b2-sec', 'p-b2-tm']);
    expect(person(result, 'p-b2-sec')).toMatchObject({ total: 100, grade: { id: 'poor', title: '差', reason: 'veto' }, vetoes: [{ indicator: 'leader-veto', recordIds: ['dc-1'] }] });
    expect(vetoLine(result, 'p-b2-sec')).toMatchObject({ status: 'vetoed', veto: true, points: 0, max: 0, records: { vetoIds: ['dc-1'] } });
  });

  it('the line names the organization and the record', () => {
    expect(vetoLine(result, 'p-b2-sec')?.explanation).toBe(`${TITLE}：所在党组织（第二支部）的记录触发一票否决（记录 dc-1）`);
    expect(vetoLine(runWith('organization', [CASE_B2], 'en'), 'p-b2-tm')?.explanation).toBe(
      'Serious case where they lead: veto: veto fired by records of their organization, 第二支部 (records dc-1)',
    );
  });

  it('not the secretary of another branch, nor the committee secretary above (organization is not subtree), nor committee team members (no branch post)', () => {
    expect(person(result, 'p-b1-sec')).toMatchObject({ total: 100, grade: { id: 'good', reason: 'score' }, vetoes: [] });
    expect(vetoLine(result, 'p-b1-sec')).toMatchObject({ status: 'met', veto: false, explanation: `${TITLE}：未触发一票否决` });
    expect(person(result, 'p-sec').grade).toMatchObject({ id: 'good', reason: 'score' });
    // p-tm1 oversees 第二支部 but holds no branch post: the indicator has no line for him.
    expect(vetoLine(result, 'p-tm1')).toBeUndefined();
    expect(person(result, 'p-tm1').grade).toMatchObject({ id: 'good', reason: 'score' });
  });

  it('a case in a group below the branch does not reach the branch secretary; one not serious reaches no one', () => {
    const inGroup = rec('dc-2', 'disciplinary-case', 'g1', '2022-08-03', serious);
    const minor = rec('dc-3', 'disciplinary-case', 'b2', '2022-08-03', { attributes: { severity: 'minor' } });
    expect(vetoed(runWith('organization', [inGroup, minor]))).toEqual([]);
  });

  it('a case naming the secretary but made in another branch goes by the branch: 第二支部 is vetoed, 第一支部 is not', () => {
    const elsewhere = rec('dc-4', 'disciplinary-case', 'b2', '2022-08-03', { person: 'p-b1-sec', ...serious });
    expect(vetoed(runWith('organization', [elsewhere]))).toEqual(['p-b2-sec', 'p-b2-tm']);
  });

  it('a pending case vetoes no one', () => {
    expect(vetoed(runWith('organization', [{ ...CASE_B2, status: 'pending' }]))).toEqual([]);
  });
});

describe('scope "subtree": those organizations and every one below them', () => {
  const inGroup = rec('dc-2', 'disciplinary-case', 'g1', '2022-09-01', serious);

  it('a case in 第二支部 reaches its secretary and team member, not the committee (the indicator is for branch posts)', () => {
    expect(vetoed(runWith('subtree', [CASE_B2]))).toEqual(['p-b2-sec', 'p-b2-tm']);
  });

  it('a case in 第一党小组 reaches the secretary of 第一支部 above it; the line says so', () => {
    const result = runWith('subtree', [inGroup]);
    expect(vetoed(result)).toEqual(['p-b1-sec']);
    expect(vetoLine(result, 'p-b1-sec')?.explanation).toBe(`${TITLE}：所在党组织（第一支部）或其下级党组织的记录触发一票否决（记录 dc-2）`);
    expect(vetoLine(runWith('subtree', [inGroup], 'en'), 'p-b1-sec')?.explanation).toBe(
      'Serious case where they lead: veto: veto fired by records of their organization, 第一支部, or one below it (records dc-2)',
    );
  });

  it('on an indicator for secretaries anywhere, the committee secretary is vetoed by a case in a branch under subtree, not under organization', () => {
    const anywhere = ind({ ...veto('subtree'), appliesTo: { posts: ['secretary'] } });
    const sub = assess({ graph, rules: ruleSet([LECTURE, anywhere], { ladders: [LADDER] }), records: [...LECTURES, CASE_B2] });
    expect(vetoed(sub)).toEqual(['p-b2-sec', 'p-sec']);
    expect(vetoLine(sub, 'p-sec')?.explanation).toBe(`${TITLE}：所在党组织（局党委）或其下级党组织的记录触发一票否决（记录 dc-1）`);
    const own = assess({ graph, rules: ruleSet([LECTURE, { ...anywhere, veto: { ...anywhere.veto!, scope: 'organization' } }], { ladders: [LADDER] }), records: [...LECTURES, CASE_B2] });
    expect(vetoed(own)).toEqual(['p-b2-sec']);
  });
});

describe('scope "self" (the default) is unchanged: only records naming the person', () => {
  const naming = rec('dc-5', 'disciplinary-case', 'b2', '2022-08-03', { person: 'p-b2-sec', ...serious });

  it('a case naming only an ordinary member vetoes no one, with or without "self" written', () => {
    expect(vetoed(runWith(undefined, [CASE_B2]))).toEqual([]);
    expect(vetoed(runWith('self', [CASE_B2]))).toEqual([]);
  });

  it('a case naming the secretary vetoes the secretary alone, with the plain clause', () => {
    const result = runWith(undefined, [naming]);
    expect(vetoed(result)).toEqual(['p-b2-sec']);
    expect(vetoLine(result, 'p-b2-sec')?.explanation).toBe(`${TITLE}：触发一票否决（记录 dc-5）`);
    // The same result but for the fingerprint, which follows the rule set's text.
    const withoutFingerprint = (r: AssessmentResult): string => JSON.stringify({ ...r, fingerprint: '' });
    expect(withoutFingerprint(runWith('self', [naming])) === withoutFingerprint(result)).toBe(true);
  });
});

describe('order and shards do not matter', () => {
  const records = [
    ...LECTURES,
    CASE_B2,
    rec('dc-2', 'disciplinary-case', 'g1', '2022-09-01', serious),
    rec('dc-3', 'disciplinary-case', 'b1', '2022-10-01', { attributes: { severity: 'minor' } }),
  ];
  const onePass = JSON.stringify(assess({ graph, rules: rules('subtree'), records }));

  it('reversed and rotated records give byte-identical JSON', () => {
    for (const order of [[...records].reverse(), [...records.slice(3), ...records.slice(0, 3)]]) {
      expect(JSON.stringify(assess({ graph, rules: rules('subtree'), records: order })) === onePass).toBe(true);
    }
  });

  it('records split into two partial states and merged in either order give the one-pass result (no new state: routing only)', () => {
    const parsed = parseGraph(graph);
    const single = openAssessment({ graph: parsed, rules: rules('subtree') });
    for (const r of records) single.add(r);
    const reference = JSON.stringify(single.finish().result);
    expect(reference).toContain('"vetoIds":["dc-2"]');
    const shard = (items: readonly RecordInput[]): PartialState => {
      const session = openAssessment({ graph: parsed, rules: rules('subtree') });
      for (const r of items) session.add(r);
      return JSON.parse(JSON.stringify(session.snapshot())) as PartialState;
    };
    const a = shard(records.filter((_, i) => i % 2 === 0));
    const b = shard(records.filter((_, i) => i % 2 === 1));
    for (const parts of [[a, b], [b, a]]) {
      const session = openAssessment({ graph: parsed, rules: rules('subtree') });
      for (const p of parts) session.absorb(p);
      expect(JSON.stringify(session.finish().result) === reference).toBe(true);
    }
  });
});

describe('scope "organization" on an indicator for organizations is refused', () => {
  const orgVeto = ind({ id: 'br-veto', veto: { recordTypes: ['disciplinary-case'], scope: 'organization' } });

  it('with its path, in Chinese by default and in English on request', () => {
    const zh = thrown(() => assess({ graph, rules: ruleSet([orgVeto]), records: [] }));
    expect(zh.issues.map((i) => [i.code, i.path])).toEqual([['veto-scope-organization', ['indicators', 0, 'veto', 'scope']]]);
    expect(zh.issues[0]?.message).toContain('指标「br-veto」考核党组织，一票否决的 scope 不能写 organization');
    const en = thrown(() => assess({ graph, rules: ruleSet([orgVeto]), records: [], lang: 'en' }));
    expect(en.issues[0]?.message).toContain('indicator "br-veto" applies to organizations: veto scope "organization" is for indicators that apply to people');
  });

  it('alongside every other problem of the rule set', () => {
    const error = thrown(() => assess({ graph, rules: ruleSet([orgVeto, ind({ id: 'br-veto' })]), records: [] }));
    expect(error.issues.map((i) => i.code).sort()).toEqual(['duplicate-rule-id', 'empty-indicator', 'veto-scope-organization']);
  });
});

describe('what a rule set without the new scope compiles to is as before', () => {
  it('a person indicator read by organization keeps its veto with the measure: a case in the branch reaches its secretary', () => {
    // By `measure.by: "organization"` the line already read the branch's records, veto included.
    const byOrganization = ind({
      ...veto(),
      appliesTo: { posts: ['secretary'], in: ['branch'] },
      points: 100,
      measure: { type: 'count', recordTypes: ['branch-meeting'], by: 'organization', atLeast: 1 },
      scoring: { method: 'all-or-nothing' },
    });
    const result = assess({ graph, rules: ruleSet([byOrganization], { ladders: [LADDER] }), records: [CASE_B2, rec('m-1', 'branch-meeting', 'b1', '2022-03-01')] });
    expect(vetoed(result)).toEqual(['p-b2-sec']);
    // The plain clause, as before: this veto is not one of the new scopes.
    expect(vetoLine(result, 'p-b2-sec')?.explanation).toMatch(/；触发一票否决（记录 dc-1）$/);
  });
});
