import { describe, expect, it } from 'vitest';
import { chainOf, dutiesOf, responsibilitiesFor, type ChainLink } from '../../src/index.js';
import { bureauGraph } from './helpers.js';

const graph = bureauGraph();

// Leadership teams, read off graph.json; a team lists its secretary, then deputy secretaries,
// then team members, each group by id.
const BUREAU_TEAM = ['p-wang-jian', 'p-li-hua', 'p-chen-jing', 'p-liu-yang', 'p-zhang-min', 'p-zhao-lei'];
const GB_CENTER_TEAM = ['p-ding-rui', 'p-wei-dong', 'p-xue-qin'];
const BR_CENTER_1_TEAM = ['p-yan-bing', 'p-pan-lei'];

/** distance:kind:holder, one string a link, for compact comparisons. */
const compact = (chain: readonly ChainLink[]): string[] =>
  chain.map((l) => `${l.distance}:${l.kind}:${l.holder.type === 'person' ? l.holder.person : `team(${l.holder.organization})`}${l.area === undefined ? '' : `:${l.area}`}`);

describe('responsibilitiesFor', () => {
  it('br-center-1: its secretary, three teams by distance, the overseer of its general branch, its liaison', () => {
    expect(responsibilitiesFor(graph, 'br-center-1')).toEqual({
      organization: 'br-center-1',
      first: 'p-yan-bing',
      principal: [
        { organization: 'br-center-1', distance: 0, members: BR_CENTER_1_TEAM },
        { organization: 'gb-center', distance: 1, members: GB_CENTER_TEAM },
        { organization: 'bureau', distance: 2, members: BUREAU_TEAM },
      ],
      dual: [{ person: 'p-li-hua', via: 'gb-center', area: '事业发展中心' }],
      liaison: ['p-wang-jian'],
    });
  });

  it('grp-center-1a: no secretary, a one-person team, four levels', () => {
    expect(responsibilitiesFor(graph, 'grp-center-1a')).toEqual({
      organization: 'grp-center-1a',
      first: null,
      principal: [
        { organization: 'grp-center-1a', distance: 0, members: ['p-dai-wen'] },
        { organization: 'br-center-1', distance: 1, members: BR_CENTER_1_TEAM },
        { organization: 'gb-center', distance: 2, members: GB_CENTER_TEAM },
        { organization: 'bureau', distance: 3, members: BUREAU_TEAM },
      ],
      dual: [{ person: 'p-li-hua', via: 'gb-center', area: '事业发展中心' }],
      liaison: [],
    });
  });

  it('br-retired: the vacant secretary is null; overseen directly', () => {
    expect(responsibilitiesFor(graph, 'br-retired')).toEqual({
      organization: 'br-retired',
      first: null,
      principal: [
        { organization: 'br-retired', distance: 0, members: ['p-peng-de'] },
        { organization: 'bureau', distance: 1, members: BUREAU_TEAM },
      ],
      dual: [{ person: 'p-zhao-lei', via: 'br-retired', area: '离退休干部工作' }],
      liaison: ['p-chen-jing'],
    });
  });

  it('br-office', () => {
    expect(responsibilitiesFor(graph, 'br-office')).toEqual({
      organization: 'br-office',
      first: 'p-sun-wei',
      principal: [
        { organization: 'br-office', distance: 0, members: ['p-sun-wei', 'p-ma-li'] },
        { organization: 'bureau', distance: 1, members: BUREAU_TEAM },
      ],
      dual: [{ person: 'p-chen-jing', via: 'br-office', area: '办公室、财务' }],
      liaison: ['p-zhang-min'],
    });
  });

  it('bureau, the root: only its own team', () => {
    expect(responsibilitiesFor(graph, 'bureau')).toEqual({
      organization: 'bureau',
      first: 'p-wang-jian',
      principal: [{ organization: 'bureau', distance: 0, members: BUREAU_TEAM }],
      dual: [],
      liaison: [],
    });
  });

  it('gb-center: liaison p-zhao-lei and overseer p-li-hua', () => {
    const r = responsibilitiesFor(graph, 'gb-center');
    expect(r.first).toBe('p-ding-rui');
    expect(r.dual).toEqual([{ person: 'p-li-hua', via: 'gb-center', area: '事业发展中心' }]);
    expect(r.liaison).toEqual(['p-zhao-lei']);
  });
});

describe('chainOf', () => {
  // A liaison leader answers for the contact point itself (DOMAIN.md: "the leader visits, guides
  // and answers for that organization"), as dutiesOf and accountability have it: gb-center's
  // liaison leader p-zhao-lei is in gb-center's chain, not in those of the branches under it.
  it('br-center-1: the exact chain, upwards; the liaison leader of gb-center above it is not in it', () => {
    const chain = chainOf(graph, 'br-center-1');
    expect(chain.map((l) => `${l.distance}:${l.kind}`)).toEqual([
      '0:first',
      '0:principal',
      '0:liaison',
      '1:first',
      '1:supervision',
      '1:dual',
      '2:first',
      '2:supervision',
    ]);
    expect(chain).toEqual([
      { distance: 0, level: 'br-center-1', kind: 'first', holder: { type: 'person', person: 'p-yan-bing' } },
      { distance: 0, level: 'br-center-1', kind: 'principal', holder: { type: 'team', organization: 'br-center-1', members: BR_CENTER_1_TEAM } },
      { distance: 0, level: 'br-center-1', kind: 'liaison', holder: { type: 'person', person: 'p-wang-jian' } },
      { distance: 1, level: 'gb-center', kind: 'first', holder: { type: 'person', person: 'p-ding-rui' } },
      { distance: 1, level: 'gb-center', kind: 'supervision', holder: { type: 'team', organization: 'gb-center', members: GB_CENTER_TEAM } },
      { distance: 1, level: 'gb-center', kind: 'dual', holder: { type: 'person', person: 'p-li-hua' }, area: '事业发展中心' },
      { distance: 2, level: 'bureau', kind: 'first', holder: { type: 'person', person: 'p-wang-jian' } },
      { distance: 2, level: 'bureau', kind: 'supervision', holder: { type: 'team', organization: 'bureau', members: BUREAU_TEAM } },
    ]);
  });

  it('grp-center-1a: no first link at level 0 (no secretary), no liaison link (a group has no contact point)', () => {
    expect(compact(chainOf(graph, 'grp-center-1a'))).toEqual([
      '0:principal:team(grp-center-1a)',
      '1:first:p-yan-bing',
      '1:supervision:team(br-center-1)',
      '2:first:p-ding-rui',
      '2:supervision:team(gb-center)',
      '2:dual:p-li-hua:事业发展中心',
      '3:first:p-wang-jian',
      '3:supervision:team(bureau)',
    ]);
  });

  it('br-center-2 (the review case): only its own liaison leader p-li-hua, not gb-center\'s p-zhao-lei', () => {
    expect(chainOf(graph, 'br-center-2').filter((l) => l.kind === 'liaison')).toEqual([
      { distance: 0, level: 'br-center-2', kind: 'liaison', holder: { type: 'person', person: 'p-li-hua' } },
    ]);
  });

  it('every liaison link of every chain is a liaison duty of its holder in dutiesOf, at the same organization', () => {
    for (const id of graph.organizations.keys()) {
      for (const link of chainOf(graph, id).filter((l) => l.kind === 'liaison')) {
        const person = link.holder.type === 'person' ? link.holder.person : '';
        expect(dutiesOf(graph, person).duties.filter((d) => d.kind === 'liaison').map((d) => d.organization), `${id} ← ${person}`).toContain(id);
      }
    }
  });

  it('gb-center: its own liaison leader p-zhao-lei at level 0', () => {
    expect(compact(chainOf(graph, 'gb-center'))).toEqual([
      '0:first:p-ding-rui',
      '0:principal:team(gb-center)',
      '0:dual:p-li-hua:事业发展中心',
      '0:liaison:p-zhao-lei',
      '1:first:p-wang-jian',
      '1:supervision:team(bureau)',
    ]);
  });

  it('br-retired and bureau', () => {
    expect(compact(chainOf(graph, 'br-retired'))).toEqual([
      '0:principal:team(br-retired)',
      '0:dual:p-zhao-lei:离退休干部工作',
      '0:liaison:p-chen-jing',
      '1:first:p-wang-jian',
      '1:supervision:team(bureau)',
    ]);
    expect(compact(chainOf(graph, 'bureau'))).toEqual(['0:first:p-wang-jian', '0:principal:team(bureau)']);
  });

  it('agrees with responsibilitiesFor for every organization', () => {
    for (const id of graph.organizations.keys()) {
      const chain = chainOf(graph, id);
      const r = responsibilitiesFor(graph, id);
      // distances never go down, levels are the organization and its ancestors in order
      for (let i = 1; i < chain.length; i++) expect((chain[i] as ChainLink).distance).toBeGreaterThanOrEqual((chain[i - 1] as ChainLink).distance);
      const teams = chain.filter((l) => l.kind === 'principal' || l.kind === 'supervision');
      expect(teams.map((l) => (l.holder.type === 'team' ? { organization: l.holder.organization, distance: l.distance, members: l.holder.members } : null))).toEqual(r.principal);
      expect(teams.every((l) => (l.kind === 'principal') === (l.distance === 0))).toBe(true);
      const duals = chain.filter((l) => l.kind === 'dual');
      expect(duals.map((l) => (l.holder.type === 'person' ? { person: l.holder.person, via: l.level, ...(l.area === undefined ? {} : { area: l.area }) } : null))).toEqual(r.dual);
      const ownFirst = chain.find((l) => l.kind === 'first' && l.distance === 0);
      expect(ownFirst && ownFirst.holder.type === 'person' ? ownFirst.holder.person : null).toBe(r.first);
      // liaison links: the organization's own liaison leaders, and none from above
      const liaison = chain.filter((l) => l.kind === 'liaison');
      expect(liaison.every((l) => l.distance === 0 && l.level === id)).toBe(true);
      expect(liaison.map((l) => (l.holder.type === 'person' ? l.holder.person : null))).toEqual(r.liaison);
    }
  });
});

describe('dutiesOf', () => {
  it('p-wang-jian: bureau secretary, member of br-office, two contact points', () => {
    const d = dutiesOf(graph, 'p-wang-jian');
    expect(d.person).toBe('p-wang-jian');
    expect(d.posts).toEqual([
      { person: 'p-wang-jian', organization: 'br-office', role: 'member' },
      { person: 'p-wang-jian', organization: 'bureau', role: 'secretary', title: '局党委书记、局长' },
    ]);
    expect(d.duties).toEqual([
      { kind: 'first', organization: 'bureau', capacity: 'secretary', seat: 'bureau' },
      { kind: 'principal', organization: 'bureau', capacity: 'secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'br-business', capacity: 'secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'br-office', capacity: 'secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'br-planning', capacity: 'secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'br-retired', capacity: 'secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'gb-center', capacity: 'secretary', seat: 'bureau' },
      { kind: 'liaison', organization: 'br-business', capacity: 'liaison-leader' },
      { kind: 'liaison', organization: 'br-center-1', capacity: 'liaison-leader' },
    ]);
  });

  it('p-li-hua: deputy secretary, overseer of gb-center, contact point br-center-2', () => {
    const d = dutiesOf(graph, 'p-li-hua');
    expect(d.posts).toEqual([
      { person: 'p-li-hua', organization: 'br-office', role: 'member' },
      { person: 'p-li-hua', organization: 'bureau', role: 'deputy-secretary', title: '局党委副书记' },
    ]);
    expect(d.duties).toEqual([
      { kind: 'principal', organization: 'bureau', capacity: 'deputy-secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'br-business', capacity: 'deputy-secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'br-office', capacity: 'deputy-secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'br-planning', capacity: 'deputy-secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'br-retired', capacity: 'deputy-secretary', seat: 'bureau' },
      { kind: 'supervision', organization: 'gb-center', capacity: 'deputy-secretary', seat: 'bureau' },
      { kind: 'dual', organization: 'gb-center', capacity: 'overseer', area: '事业发展中心' },
      { kind: 'liaison', organization: 'br-center-2', capacity: 'liaison-leader' },
    ]);
  });

  it('p-zhou-ting: only officer and member posts, so no duties', () => {
    const d = dutiesOf(graph, 'p-zhou-ting');
    expect(d.posts.map((p) => `${p.organization}:${p.role}`)).toEqual([
      'br-business:party-affairs-officer',
      'br-office:party-affairs-officer',
      'br-office:member',
      'br-planning:party-affairs-officer',
      'br-retired:party-affairs-officer',
    ]);
    expect(d.duties).toEqual([]);
  });

  it('p-ding-rui, p-dai-wen and p-wu-fan (no posts at all)', () => {
    expect(dutiesOf(graph, 'p-ding-rui').duties).toEqual([
      { kind: 'first', organization: 'gb-center', capacity: 'secretary', seat: 'gb-center' },
      { kind: 'principal', organization: 'gb-center', capacity: 'secretary', seat: 'gb-center' },
      { kind: 'supervision', organization: 'br-center-1', capacity: 'secretary', seat: 'gb-center' },
      { kind: 'supervision', organization: 'br-center-2', capacity: 'secretary', seat: 'gb-center' },
    ]);
    expect(dutiesOf(graph, 'p-dai-wen').duties).toEqual([
      { kind: 'principal', organization: 'grp-center-1a', capacity: 'team-member', seat: 'grp-center-1a' },
    ]);
    expect(dutiesOf(graph, 'p-wu-fan')).toEqual({ person: 'p-wu-fan', posts: [], duties: [] });
  });

  it('every duty of every person is mirrored in responsibilitiesFor of its organization', () => {
    for (const person of graph.people.keys()) {
      for (const duty of dutiesOf(graph, person).duties) {
        const r = responsibilitiesFor(graph, duty.organization);
        const where = `${person} ${duty.kind} ${duty.organization}`;
        switch (duty.kind) {
          case 'first':
            expect(r.first, where).toBe(person);
            break;
          case 'principal':
            expect(r.principal.find((t) => t.distance === 0)?.members, where).toContain(person);
            break;
          case 'supervision':
            expect(r.principal.find((t) => t.distance === 1), where).toMatchObject({ organization: duty.seat });
            expect(r.principal.find((t) => t.distance === 1)?.members, where).toContain(person);
            break;
          case 'dual':
            expect(r.dual, where).toContainEqual(expect.objectContaining({ person, via: duty.organization }));
            break;
          case 'liaison':
            expect(r.liaison, where).toContain(person);
            break;
        }
      }
    }
  });
});
