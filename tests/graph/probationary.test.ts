// Probationary members (预备党员): party members, without the right to elect or be elected
// (Party Constitution Art. 7), so without an elected leadership post.
import { describe, expect, it } from 'vitest';
import { parseGraph, safeParseGraph } from '../../src/index.js';
import { brief, issuesOf } from './helpers.js';

type Row = Record<string, unknown>;

// cm (committee) ── b1 (branch) ── g1 (group); p1 secretary of cm; p9 a probationary member.
function doc(posts: Row[] = [], people: Row[] = []): { organizations: Row[]; people: Row[]; posts: Row[] } {
  return {
    organizations: [
      { id: 'cm', name: '局党委', kind: 'committee' },
      { id: 'b1', name: '一支部', kind: 'branch', parent: 'cm' },
      { id: 'g1', name: '一小组', kind: 'group', parent: 'b1' },
    ],
    people: [{ id: 'p1', name: '王', partyMember: true }, { id: 'p9', name: '罗', partyMember: true, probationary: true }, ...people],
    posts: [{ person: 'p1', organization: 'cm', role: 'secretary' }, ...posts],
  };
}

describe('elected posts', () => {
  it.each([
    ['secretary', 'b1'],
    ['deputy-secretary', 'cm'],
    ['team-member', 'cm'],
    ['secretary', 'g1'],
  ])('a probationary member as %s of %s is refused at the post', (role, organization) => {
    expect(brief(issuesOf(doc([{ person: 'p9', organization, role }])))).toEqual([
      { code: 'probationary-leader', path: ['posts', 1, 'person'], params: { person: 'p9', organization, role } },
    ]);
  });

  it('the review case: a probationary committee team member and a probationary branch secretary, two issues', () => {
    const d = doc(
      [
        { person: 'p2', organization: 'cm', role: 'team-member' },
        { person: 'p3', organization: 'b1', role: 'secretary' },
      ],
      [
        { id: 'p2', name: '李', partyMember: true, probationary: true },
        { id: 'p3', name: '张', partyMember: true, probationary: true },
      ],
    );
    expect(brief(issuesOf(d)).map((i) => [i.code, i.path])).toEqual([
      ['probationary-leader', ['posts', 1, 'person']],
      ['probationary-leader', ['posts', 2, 'person']],
    ]);
  });

  it('says why, in Chinese and in English', () => {
    const d = doc([{ person: 'p9', organization: 'b1', role: 'secretary' }]);
    expect(issuesOf(d)[0]?.message).toBe('「p9」是预备党员，没有被选举权，不能担任「b1」的书记（secretary）');
    expect(issuesOf(d, { lang: 'en' })[0]?.message).toBe('"p9" is a probationary member, who cannot be elected, so cannot be secretary of "b1"');
  });

  it('an ordinary membership and a party-affairs officer post (neither elected) are fine', () => {
    const graph = parseGraph(
      doc([
        { person: 'p9', organization: 'b1', role: 'member' },
        { person: 'p9', organization: 'g1', role: 'member' },
        { person: 'p9', organization: 'cm', role: 'party-affairs-officer' },
      ]),
    );
    expect(graph.people.get('p9')).toEqual({ id: 'p9', name: '罗', partyMember: true, probationary: true });
  });

  it('a full member (probationary false or not given) may hold every post', () => {
    const d = doc(
      [
        { person: 'p2', organization: 'b1', role: 'secretary' },
        { person: 'p3', organization: 'cm', role: 'team-member' },
      ],
      [
        { id: 'p2', name: '李', partyMember: true, probationary: false },
        { id: 'p3', name: '张', partyMember: true },
      ],
    );
    expect(safeParseGraph(d).success).toBe(true);
  });
});

describe('probationary and partyMember together', () => {
  it('probationary: true with partyMember: false is refused at the person, once', () => {
    // p4 also holds a post: its entry is invalid, so the post is not blamed as well.
    const d = doc([{ person: 'p4', organization: 'b1', role: 'member' }], [{ id: 'p4', name: '群众', partyMember: false, probationary: true }]);
    expect(brief(issuesOf(d))).toEqual([{ code: 'probationary-not-party-member', path: ['people', 2, 'probationary'], params: { value: 'true', id: 'p4' } }]);
    expect(issuesOf(d)[0]?.message).toBe('「p4」标为预备党员（probationary: true）却又标为非党员（partyMember: false）；预备党员是党员');
    expect(issuesOf(d, { lang: 'en' })[0]?.message).toBe(
      '"p4" is marked probationary (probationary: true) but not a party member (partyMember: false); probationary members are party members',
    );
  });

  it('partyMember: false with probationary false or not given is a non-member, as before', () => {
    const d = doc([], [
      { id: 'n1', name: '群众甲', partyMember: false, probationary: false },
      { id: 'n2', name: '群众乙', partyMember: false },
    ]);
    const graph = parseGraph(d);
    expect(graph.people.get('n1')).toEqual({ id: 'n1', name: '群众甲', partyMember: false, probationary: false });
    expect(graph.people.get('n2')).toEqual({ id: 'n2', name: '群众乙', partyMember: false, probationary: false });
  });
});
