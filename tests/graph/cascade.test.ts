// One bad entry is reported once, where it is: the oversight and liaison checks ("is this person
// on a leadership team above the organization?") give up where the answer depends on an entry
// that is itself invalid or on a reference that is missing, instead of blaming every edge under
// it. Fixing the one typo is all that is asked; the real problems elsewhere are still reported.
import { describe, expect, it } from 'vitest';
import { safeParseGraph } from '../../src/index.js';
import { brief, issuesOf } from './helpers.js';

type Row = Record<string, unknown>;
interface Doc {
  organizations: Row[];
  people: Row[];
  posts: Row[];
  oversight: Row[];
  liaison: Row[];
}

//   cm (committee) ── gb (general-branch) ─┬─ b1 (branch)
//                                          └─ b2 (branch)
// p1 secretary of cm, p2 and p3 team members of cm, p4 a plain member of cm.
function doc(): Doc {
  return {
    organizations: [
      { id: 'cm', name: '局党委', kind: 'committee' }, // 0
      { id: 'gb', name: '党总支', kind: 'general-branch', parent: 'cm' }, // 1
      { id: 'b1', name: '一支部', kind: 'branch', parent: 'gb' }, // 2
      { id: 'b2', name: '二支部', kind: 'branch', parent: 'gb' }, // 3
    ],
    people: [
      { id: 'p1', name: 'A', partyMember: true },
      { id: 'p2', name: 'B', partyMember: true },
      { id: 'p3', name: 'C', partyMember: true },
      { id: 'p4', name: 'D', partyMember: true },
    ],
    posts: [
      { person: 'p1', organization: 'cm', role: 'secretary' }, // 0
      { person: 'p2', organization: 'cm', role: 'team-member' }, // 1
      { person: 'p3', organization: 'cm', role: 'team-member' }, // 2
      { person: 'p4', organization: 'cm', role: 'member' }, // 3
    ],
    oversight: [
      { person: 'p2', organization: 'gb' }, // 0
      { person: 'p3', organization: 'b1' }, // 1
    ],
    liaison: [
      { person: 'p2', organization: 'b2' }, // 0
      { person: 'p3', organization: 'b1' }, // 1
    ],
  };
}

const KINDS = 'committee, leading-group, general-branch, branch, group';
const ROLES = 'secretary, deputy-secretary, team-member, party-affairs-officer, member';

describe('the review cases: exactly the real issue remains', () => {
  it('the base document is valid', () => {
    expect(safeParseGraph(doc()).success).toBe(true);
  });

  it('a typo in the committee kind: one unknown-kind, no edge under it blamed', () => {
    const d = doc();
    (d.organizations[0] as Row)['kind'] = 'comittee';
    expect(brief(issuesOf(d))).toEqual([{ code: 'unknown-kind', path: ['organizations', 0, 'kind'], params: { value: 'comittee', allowed: KINDS } }]);
  });

  it('a typo in the general branch parent: one missing-organization, no edge under it blamed', () => {
    const d = doc();
    (d.organizations[1] as Row)['parent'] = 'cmm';
    expect(brief(issuesOf(d))).toEqual([{ code: 'missing-organization', path: ['organizations', 1, 'parent'], params: { id: 'cmm' } }]);
  });

  it("a typo in p2's post role: one unknown-role, p2's edges not blamed", () => {
    const d = doc();
    (d.posts[1] as Row)['role'] = 'team_member';
    expect(brief(issuesOf(d))).toEqual([{ code: 'unknown-role', path: ['posts', 1, 'role'], params: { value: 'team_member', allowed: ROLES } }]);
  });
});

describe('what is still checked next to a bad entry', () => {
  const outside = (field: 'oversight' | 'liaison', at: number, person: string, organization: string): unknown => ({
    code: field === 'oversight' ? 'oversight-outside-team' : 'liaison-not-leader',
    path: [field, at, 'person'],
    params: { person, organization },
  });

  it("a typo in p2's post role leaves other people's edges checked", () => {
    const d = doc();
    (d.posts[1] as Row)['role'] = 'team_member';
    d.oversight.push({ person: 'p4', organization: 'b2' }); // 2: p4 is a plain member
    expect(brief(issuesOf(d))).toEqual([
      { code: 'unknown-role', path: ['posts', 1, 'role'], params: { value: 'team_member', allowed: ROLES } },
      outside('oversight', 2, 'p4', 'b2'),
    ]);
  });

  it('an invalid post entry in an organization below the edge casts no doubt on it', () => {
    // p4's only other post is an invalid one in b1: whatever its role, b1 is not above gb.
    const d = doc();
    d.posts.push({ person: 'p4', organization: 'b1', role: 'team_member' }); // 4
    d.oversight.push({ person: 'p4', organization: 'gb' }); // 2
    expect(brief(issuesOf(d))).toEqual([
      { code: 'unknown-role', path: ['posts', 4, 'role'], params: { value: 'team_member', allowed: ROLES } },
      outside('oversight', 2, 'p4', 'gb'),
    ]);
  });

  it('an invalid post entry whose role is certainly not a leadership role casts no doubt', () => {
    const d = doc();
    d.posts.push({ person: 'p4', organization: 'cm', role: 'member', title: '' }); // 4: empty title
    d.oversight.push({ person: 'p4', organization: 'gb' }); // 2
    expect(brief(issuesOf(d))).toEqual([
      { code: 'empty-string', path: ['posts', 4, 'title'], params: { field: 'title' } },
      outside('oversight', 2, 'p4', 'gb'),
    ]);
  });

  it('a leadership post in a missing organization (a misspelt cm?) makes that person\'s edges unchecked, no one else\'s', () => {
    const d = doc();
    d.posts[1] = { person: 'p2', organization: 'cmx', role: 'team-member' };
    d.oversight.push({ person: 'p4', organization: 'b2' }); // 2
    expect(brief(issuesOf(d))).toEqual([
      { code: 'missing-organization', path: ['posts', 1, 'organization'], params: { id: 'cmx' } },
      outside('oversight', 2, 'p4', 'b2'),
    ]);
  });

  it('an invalid post entry that names an organization that does not exist might be anywhere', () => {
    const d = doc();
    d.posts[1] = { person: 'p2', organization: 'cmx', role: 'team_member' };
    expect(brief(issuesOf(d))).toEqual([{ code: 'unknown-role', path: ['posts', 1, 'role'], params: { value: 'team_member', allowed: ROLES } }]);
  });

  it('an invalid post entry with no readable person casts doubt on every edge below its organization, and only there', () => {
    const d = doc();
    d.posts.push({ person: ' p4', organization: 'gb', role: 'team-member' }); // 4: invalid id
    d.oversight.push({ person: 'p4', organization: 'b1' }); // 2: below gb: in doubt
    d.oversight.push({ person: 'p4', organization: 'gb' }); // 3: gb itself: not below it
    expect(brief(issuesOf(d))).toEqual([
      { code: 'invalid-id', path: ['posts', 4, 'person'], params: { value: ' p4' } },
      outside('oversight', 3, 'p4', 'gb'),
    ]);
  });

  it('an invalid post entry that names no one readable anywhere casts doubt on every edge', () => {
    const d = doc();
    d.posts.push(null as unknown as Row); // 4
    d.oversight.push({ person: 'p4', organization: 'b1' }); // 2
    expect(brief(issuesOf(d))).toEqual([{ code: 'invalid-type', path: ['posts', 4], params: { expected: 'object', received: 'null' } }]);
  });

  it('an invalid general branch: edges to the branches under it are not checked, edges to the committee are', () => {
    const d = doc();
    (d.organizations[1] as Row)['kind'] = 'general_branch';
    d.oversight.push({ person: 'p4', organization: 'b1' }); // 2: under the invalid gb: not checked
    d.oversight.push({ person: 'p2', organization: 'cm' }); // 3: its own organization, a whole root
    expect(brief(issuesOf(d))).toEqual([
      { code: 'unknown-kind', path: ['organizations', 1, 'kind'], params: { value: 'general_branch', allowed: KINDS } },
      outside('oversight', 3, 'p2', 'cm'),
    ]);
  });

  it('a missing parent far up cuts the ancestry of everything under it, and only of that', () => {
    const d = doc();
    (d.organizations[1] as Row)['parent'] = 'cmm';
    d.organizations.push({ id: 'b3', name: '三支部', kind: 'branch', parent: 'cm' }); // 4: still under cm
    d.liaison.push({ person: 'p4', organization: 'b3' }); // 2
    d.liaison.push({ person: 'p4', organization: 'b1' }); // 3: under gb, whose parent is missing
    expect(brief(issuesOf(d))).toEqual([
      { code: 'missing-organization', path: ['organizations', 1, 'parent'], params: { id: 'cmm' } },
      outside('liaison', 2, 'p4', 'b3'),
    ]);
  });
});
