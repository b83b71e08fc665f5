import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  chainOf,
  childrenOf,
  coverage,
  depthOf,
  descendantsOf,
  dutiesOf,
  isAncestorOf,
  parentOf,
  parseGraph,
  responsibilitiesFor,
  safeParseGraph,
  toGraphInput,
  ValidationError,
} from '../../src/index.js';
import { brief, issuesOf, thrown } from './helpers.js';

type Row = Record<string, unknown>;
interface Doc {
  [key: string]: unknown;
  organizations: Row[];
  people: Row[];
  posts: Row[];
  oversight: Row[];
  liaison: Row[];
}

// A small valid graph every test starts from. Indexes matter: the tests name paths by them.
//   c (committee) ─┬─ g (general-branch) ─┬─ b1 (branch)
//                  │                      └─ b2 (branch)
//                  └─ s (branch)
function base(): Doc {
  return {
    organizations: [
      { id: 'c', name: '局党委', kind: 'committee' }, // 0
      { id: 'g', name: '中心党总支', kind: 'general-branch', parent: 'c' }, // 1
      { id: 'b1', name: '中心第一支部', kind: 'branch', parent: 'g' }, // 2
      { id: 'b2', name: '中心第二支部', kind: 'branch', parent: 'g' }, // 3
      { id: 's', name: '机关支部', kind: 'branch', parent: 'c' }, // 4
    ],
    people: [
      { id: 'p1', name: '王一', partyMember: true }, // 0
      { id: 'p2', name: '李二', partyMember: true }, // 1
      { id: 'p3', name: '张三', partyMember: true }, // 2
      { id: 'p4', name: '赵四', partyMember: true }, // 3
      { id: 'p5', name: '钱五', partyMember: true }, // 4
      { id: 'n1', name: '孙六', partyMember: false }, // 5
    ],
    posts: [
      { person: 'p1', organization: 'c', role: 'secretary' }, // 0
      { person: 'p2', organization: 'c', role: 'team-member' }, // 1
      { person: 'p3', organization: 'g', role: 'secretary' }, // 2
      { person: 'p4', organization: 'g', role: 'team-member' }, // 3
      { person: 'p5', organization: 'b1', role: 'secretary' }, // 4
      { person: 'p5', organization: 'c', role: 'member' }, // 5
    ],
    oversight: [{ person: 'p2', organization: 'g', area: '事业发展' }], // 0
    liaison: [{ person: 'p1', organization: 'b1' }], // 0
  };
}

/** base() with rows appended to some arrays. */
function plus(extra: Partial<Record<'organizations' | 'people' | 'posts' | 'oversight' | 'liaison', Row[]>>): Doc {
  const doc = base();
  for (const [field, rows] of Object.entries(extra) as [keyof typeof extra, Row[]][]) doc[field].push(...rows);
  return doc;
}

const KINDS = 'committee, leading-group, general-branch, branch, group';
const ROLES = 'secretary, deputy-secretary, team-member, party-affairs-officer, member';

describe('the base fixture', () => {
  it('is valid', () => {
    const result = safeParseGraph(base());
    expect(result.success).toBe(true);
  });
});

describe('duplicate ids', () => {
  it('a second organization with an id already used is refused at its id', () => {
    const doc = plus({ organizations: [{ id: 'g', name: '重复', kind: 'branch', parent: 'c' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'duplicate-id', path: ['organizations', 5, 'id'], params: { id: 'g', first: 'organizations[1]' } },
    ]);
  });

  it('a second person with an id already used is refused at its id', () => {
    const doc = plus({ people: [{ id: 'p3', name: '又一个张三', partyMember: false }] });
    expect(brief(issuesOf(doc))).toEqual([{ code: 'duplicate-id', path: ['people', 6, 'id'], params: { id: 'p3', first: 'people[2]' } }]);
  });

  it('an organization and a person may share an id (separate namespaces)', () => {
    const doc = plus({ people: [{ id: 'c', name: '同名', partyMember: true }] });
    expect(safeParseGraph(doc).success).toBe(true);
  });
});

describe('missing references', () => {
  it('parent', () => {
    const doc = plus({ organizations: [{ id: 'x', name: 'X', kind: 'branch', parent: 'nowhere' }] });
    expect(brief(issuesOf(doc))).toEqual([{ code: 'missing-organization', path: ['organizations', 5, 'parent'], params: { id: 'nowhere' } }]);
  });

  it('post person', () => {
    const doc = plus({ posts: [{ person: 'ghost', organization: 'b2', role: 'member' }] });
    expect(brief(issuesOf(doc))).toEqual([{ code: 'missing-person', path: ['posts', 6, 'person'], params: { id: 'ghost' } }]);
  });

  it('post organization', () => {
    const doc = plus({ posts: [{ person: 'p1', organization: 'nowhere', role: 'member' }] });
    expect(brief(issuesOf(doc))).toEqual([{ code: 'missing-organization', path: ['posts', 6, 'organization'], params: { id: 'nowhere' } }]);
  });

  it('post person and organization both missing: both reported, person first', () => {
    const doc = plus({ posts: [{ person: 'ghost', organization: 'nowhere', role: 'secretary' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'missing-person', path: ['posts', 6, 'person'], params: { id: 'ghost' } },
      { code: 'missing-organization', path: ['posts', 6, 'organization'], params: { id: 'nowhere' } },
    ]);
  });

  it('oversight person and organization', () => {
    const doc = plus({
      oversight: [
        { person: 'ghost', organization: 'b1' },
        { person: 'p2', organization: 'nowhere' },
      ],
    });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'missing-person', path: ['oversight', 1, 'person'], params: { id: 'ghost' } },
      { code: 'missing-organization', path: ['oversight', 2, 'organization'], params: { id: 'nowhere' } },
    ]);
  });

  it('liaison person and organization', () => {
    const doc = plus({
      liaison: [
        { person: 'ghost', organization: 'b2' },
        { person: 'p1', organization: 'nowhere' },
      ],
    });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'missing-person', path: ['liaison', 1, 'person'], params: { id: 'ghost' } },
      { code: 'missing-organization', path: ['liaison', 2, 'organization'], params: { id: 'nowhere' } },
    ]);
  });

  it('a broken organization entry does not make references to its id "missing"', () => {
    const doc = plus({
      organizations: [
        { id: 'x', name: '坏组织', kind: 'cell', parent: 'c' }, // 5: bad kind
        { id: 'y', name: '下级', kind: 'branch', parent: 'x' }, // 6
      ],
      posts: [{ person: 'p5', organization: 'x', role: 'member' }], // 6
      oversight: [{ person: 'p2', organization: 'x' }], // 1
      liaison: [{ person: 'p1', organization: 'x' }], // 1
    });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'unknown-kind', path: ['organizations', 5, 'kind'], params: { value: 'cell', allowed: KINDS } },
    ]);
  });

  it('a broken person entry does not make references to its id "missing"', () => {
    const doc = plus({
      people: [{ id: 'q', name: '坏人员', partyMember: 'yes' }], // 6
      posts: [{ person: 'q', organization: 'b2', role: 'secretary' }], // 6
      oversight: [{ person: 'q', organization: 'b2' }], // 1
      liaison: [{ person: 'q', organization: 'b2' }], // 1
    });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'invalid-type', path: ['people', 6, 'partyMember'], params: { expected: 'boolean', received: 'string' } },
    ]);
  });
});

describe('hierarchy cycles', () => {
  it('a self-loop', () => {
    const doc = plus({ organizations: [{ id: 'loop', name: '自环', kind: 'branch', parent: 'loop' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'hierarchy-cycle', path: ['organizations', 5, 'parent'], params: { cycle: 'loop → loop', length: 1 } },
    ]);
  });

  it('a 3-cycle is reported once, starting at its member that comes first in the input', () => {
    // ca → cb → cc → ca, and t hangs below the cycle; the walk enters the cycle at cb (from t),
    // but the message starts at ca, which comes first in the input. (t is a group, which a
    // branch may contain: its link to the cycle is not wrong in itself.)
    const doc = plus({
      organizations: [
        { id: 't', name: 'T', kind: 'group', parent: 'cb' }, // 5
        { id: 'ca', name: 'A', kind: 'branch', parent: 'cb' }, // 6
        { id: 'cb', name: 'B', kind: 'branch', parent: 'cc' }, // 7
        { id: 'cc', name: 'C', kind: 'branch', parent: 'ca' }, // 8
      ],
    });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'hierarchy-cycle', path: ['organizations', 6, 'parent'], params: { cycle: 'ca → cb → cc → ca', length: 3 } },
    ]);
  });

  it('the same 3-cycle listed in another order starts at the new first member', () => {
    const doc = plus({
      organizations: [
        { id: 'cc', name: 'C', kind: 'branch', parent: 'ca' }, // 5
        { id: 'ca', name: 'A', kind: 'branch', parent: 'cb' }, // 6
        { id: 'cb', name: 'B', kind: 'branch', parent: 'cc' }, // 7
      ],
    });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'hierarchy-cycle', path: ['organizations', 5, 'parent'], params: { cycle: 'cc → ca → cb → cc', length: 3 } },
    ]);
  });

  it('two separate cycles are two issues', () => {
    const doc = plus({
      organizations: [
        { id: 'x', name: 'X', kind: 'branch', parent: 'y' }, // 5
        { id: 'y', name: 'Y', kind: 'branch', parent: 'x' }, // 6
        { id: 'z', name: 'Z', kind: 'branch', parent: 'z' }, // 7
      ],
    });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'hierarchy-cycle', path: ['organizations', 5, 'parent'], params: { cycle: 'x → y → x', length: 2 } },
      { code: 'hierarchy-cycle', path: ['organizations', 7, 'parent'], params: { cycle: 'z → z', length: 1 } },
    ]);
  });

  it('a cycle through the root makes oversight of its members no extra issue', () => {
    const doc = base();
    doc.organizations[0] = { id: 'c', name: '局党委', kind: 'committee', parent: 's' }; // c → s → c
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'hierarchy-cycle', path: ['organizations', 0, 'parent'], params: { cycle: 'c → s → c', length: 2 } },
    ]);
  });
});

describe('posts', () => {
  it('two-secretaries', () => {
    const doc = plus({ posts: [{ person: 'p4', organization: 'b1', role: 'secretary' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'two-secretaries', path: ['posts', 6, 'role'], params: { organization: 'b1', first: 'p5', second: 'p4' } },
    ]);
  });

  it('conflicting-posts: team member and deputy secretary of the same organization', () => {
    const doc = plus({ posts: [{ person: 'p2', organization: 'c', role: 'deputy-secretary' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'conflicting-posts', path: ['posts', 6, 'role'], params: { person: 'p2', organization: 'c', first: 'team-member', second: 'deputy-secretary' } },
    ]);
  });

  it('conflicting-posts: secretary and team member of the same organization', () => {
    const doc = plus({ posts: [{ person: 'p1', organization: 'c', role: 'team-member' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'conflicting-posts', path: ['posts', 6, 'role'], params: { person: 'p1', organization: 'c', first: 'secretary', second: 'team-member' } },
    ]);
  });

  it('a leadership post plus member / officer posts in one organization, or leadership posts in two, are fine', () => {
    const doc = plus({
      posts: [
        { person: 'p5', organization: 'b1', role: 'member' },
        { person: 'p5', organization: 'b1', role: 'party-affairs-officer' },
        { person: 'p4', organization: 'b2', role: 'secretary' },
      ],
    });
    expect(safeParseGraph(doc).success).toBe(true);
  });

  it('duplicate-post', () => {
    const doc = plus({ posts: [{ person: 'p5', organization: 'c', role: 'member', title: '又一次' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'duplicate-post', path: ['posts', 6], params: { person: 'p5', organization: 'c', role: 'member', first: 'posts[5]' } },
    ]);
  });

  it('a secretary post listed twice is a duplicate post, not two secretaries', () => {
    const doc = plus({ posts: [{ person: 'p1', organization: 'c', role: 'secretary' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'duplicate-post', path: ['posts', 6], params: { person: 'p1', organization: 'c', role: 'secretary', first: 'posts[0]' } },
    ]);
  });
});

describe('party membership', () => {
  const withNonMember = (role: string): Doc => plus({ posts: [{ person: 'n1', organization: 'b2', role }] });

  it('secretary-not-party-member', () => {
    expect(brief(issuesOf(withNonMember('secretary')))).toEqual([
      { code: 'secretary-not-party-member', path: ['posts', 6, 'person'], params: { person: 'n1', organization: 'b2', role: 'secretary' } },
    ]);
  });

  it('leader-not-party-member for deputy secretary and team member', () => {
    expect(brief(issuesOf(withNonMember('deputy-secretary')))).toEqual([
      { code: 'leader-not-party-member', path: ['posts', 6, 'person'], params: { person: 'n1', organization: 'b2', role: 'deputy-secretary' } },
    ]);
    expect(brief(issuesOf(withNonMember('team-member')))).toEqual([
      { code: 'leader-not-party-member', path: ['posts', 6, 'person'], params: { person: 'n1', organization: 'b2', role: 'team-member' } },
    ]);
  });

  it('member-not-party-member', () => {
    expect(brief(issuesOf(withNonMember('member')))).toEqual([
      { code: 'member-not-party-member', path: ['posts', 6, 'person'], params: { person: 'n1', organization: 'b2', role: 'member' } },
    ]);
  });

  it('a non-member may be a party-affairs officer (coverage flags it, parsing does not)', () => {
    expect(safeParseGraph(withNonMember('party-affairs-officer')).success).toBe(true);
  });
});

describe('oversight-outside-team', () => {
  const withOversight = (person: string, organization: string): Doc => plus({ oversight: [{ person, organization }] });
  const refused = (person: string, organization: string): void => {
    expect(brief(issuesOf(withOversight(person, organization)))).toEqual([
      { code: 'oversight-outside-team', path: ['oversight', 1, 'person'], params: { person, organization } },
    ]);
  };

  it('a team member of a sibling organization is refused', () => {
    refused('p4', 's'); // p4 sits on g's team; s is g's sibling
  });

  it("a team member (or the secretary) of the organization itself is refused", () => {
    refused('p4', 'g');
    refused('p3', 'g');
    refused('p5', 'b1');
  });

  it('a team member of a child organization cannot oversee the parent', () => {
    refused('p5', 'g');
  });

  it('a plain member or officer of an ancestor is not on its team', () => {
    refused('p5', 'b2'); // p5 is only a member of c
    const doc = plus({ posts: [{ person: 'n1', organization: 'c', role: 'party-affairs-officer' }], oversight: [{ person: 'n1', organization: 's' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'oversight-outside-team', path: ['oversight', 1, 'person'], params: { person: 'n1', organization: 's' } },
    ]);
  });

  it('a team member of any strict ancestor is accepted', () => {
    for (const [person, organization] of [
      ['p2', 'b1'], // grandparent's team member
      ['p1', 's'], // parent's secretary
      ['p4', 'b2'], // parent's team member
      ['p3', 'b1'], // parent's secretary
    ] as const) {
      expect(safeParseGraph(withOversight(person, organization)).success, `${person} → ${organization}`).toBe(true);
    }
  });
});

describe('liaison-not-leader', () => {
  const withLiaison = (person: string, organization: string): Doc => plus({ liaison: [{ person, organization }] });

  it('refused from a sibling, the organization itself or a plain member', () => {
    for (const [person, organization] of [
      ['p4', 's'],
      ['p5', 'b1'],
      ['p5', 'b2'],
    ] as const) {
      expect(brief(issuesOf(withLiaison(person, organization)))).toEqual([
        { code: 'liaison-not-leader', path: ['liaison', 1, 'person'], params: { person, organization } },
      ]);
    }
  });

  it('accepted from a team member of a strict ancestor', () => {
    expect(safeParseGraph(withLiaison('p2', 'b2')).success).toBe(true);
    expect(safeParseGraph(withLiaison('p4', 'b2')).success).toBe(true);
  });
});

describe('duplicate-edge', () => {
  it('oversight listed twice (even with another area)', () => {
    const doc = plus({ oversight: [{ person: 'p2', organization: 'g', area: '别的领域' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'duplicate-edge', path: ['oversight', 1], params: { person: 'p2', organization: 'g', first: 'oversight[0]' } },
    ]);
  });

  it('liaison listed twice', () => {
    const doc = plus({ liaison: [{ person: 'p1', organization: 'b1' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'duplicate-edge', path: ['liaison', 1], params: { person: 'p1', organization: 'b1', first: 'liaison[0]' } },
    ]);
  });

  it('the same pair as oversight and as liaison is not a duplicate', () => {
    expect(safeParseGraph(plus({ liaison: [{ person: 'p2', organization: 'g' }] })).success).toBe(true);
  });
});

describe('schema problems', () => {
  it('unknown-kind', () => {
    const doc = plus({ organizations: [{ id: 'x', name: 'X', kind: 'cell', parent: 'c' }] });
    const issues = issuesOf(doc, { lang: 'en' });
    expect(brief(issues)).toEqual([{ code: 'unknown-kind', path: ['organizations', 5, 'kind'], params: { value: 'cell', allowed: KINDS } }]);
    expect(issues[0]?.message).toBe(`unknown organization kind "cell"; allowed: ${KINDS}`);
  });

  it('unknown-kind for a non-string kind', () => {
    const doc = plus({ organizations: [{ id: 'x', name: 'X', kind: 3, parent: 'c' }] });
    expect(brief(issuesOf(doc))).toEqual([{ code: 'unknown-kind', path: ['organizations', 5, 'kind'], params: { value: '3', allowed: KINDS } }]);
  });

  it('unknown-role', () => {
    const doc = plus({ posts: [{ person: 'p5', organization: 'b2', role: 'chair' }] });
    const issues = issuesOf(doc, { lang: 'en' });
    expect(brief(issues)).toEqual([{ code: 'unknown-role', path: ['posts', 6, 'role'], params: { value: 'chair', allowed: ROLES } }]);
    expect(issues[0]?.message).toBe(`unknown post role "chair"; allowed: ${ROLES}`);
  });

  it('unknown-field in each kind of element and at the root', () => {
    const doc = plus({
      organizations: [{ id: 'x', name: 'X', kind: 'branch', parentId: 'c' }],
      people: [{ id: 'q', name: 'Q', partyMember: true, party: true }],
      posts: [{ person: 'p5', organization: 'b2', role: 'member', since: '2022' }],
      oversight: [{ person: 'p2', organization: 's', areas: ['a'] }],
      liaison: [{ person: 'p1', organization: 'b2', visits: 4 }],
    });
    doc['version'] = 2;
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'unknown-field', path: ['version'], params: { field: 'version' } },
      { code: 'unknown-field', path: ['organizations', 5, 'parentId'], params: { field: 'parentId' } },
      { code: 'unknown-field', path: ['people', 6, 'party'], params: { field: 'party' } },
      { code: 'unknown-field', path: ['posts', 6, 'since'], params: { field: 'since' } },
      { code: 'unknown-field', path: ['oversight', 1, 'areas'], params: { field: 'areas' } },
      { code: 'unknown-field', path: ['liaison', 1, 'visits'], params: { field: 'visits' } },
    ]);
  });

  it('required: a missing field of an element', () => {
    const doc = plus({
      organizations: [{ id: 'x', kind: 'branch', parent: 'c' }],
      people: [{ id: 'q', name: 'Q' }],
      posts: [{ organization: 'b2', role: 'member' }],
      oversight: [{ person: 'p2' }],
    });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'required', path: ['organizations', 5, 'name'], params: { field: 'name' } },
      { code: 'required', path: ['people', 6, 'partyMember'], params: { field: 'partyMember' } },
      { code: 'required', path: ['posts', 6, 'person'], params: { field: 'person' } },
      { code: 'required', path: ['oversight', 1, 'organization'], params: { field: 'organization' } },
    ]);
  });

  it('required: a missing kind or role is "required", not an unknown value "undefined"', () => {
    const doc = plus({
      organizations: [{ id: 'x', name: 'X', parent: 'c' }],
      posts: [{ person: 'p5', organization: 'b2' }],
    });
    const issues = issuesOf(doc);
    expect(brief(issues)).toEqual([
      { code: 'required', path: ['organizations', 5, 'kind'], params: { field: 'kind' } },
      { code: 'required', path: ['posts', 6, 'role'], params: { field: 'role' } },
    ]);
    expect(issues.map((i) => i.message)).toEqual(['缺少必填字段「kind」', '缺少必填字段「role」']);
  });

  it('required: the three arrays at the root (oversight and liaison are optional)', () => {
    expect(brief(issuesOf({}))).toEqual([
      { code: 'required', path: ['organizations'], params: { field: 'organizations' } },
      { code: 'required', path: ['people'], params: { field: 'people' } },
      { code: 'required', path: ['posts'], params: { field: 'posts' } },
    ]);
    expect(safeParseGraph({ organizations: [], people: [], posts: [] }).success).toBe(true);
  });

  it.each([
    [null, 'null'],
    [[], 'array'],
    ['graph.json', 'string'],
    [42, 'number'],
    [undefined, 'undefined'],
  ])('invalid-type at the root for %j', (input, received) => {
    expect(brief(issuesOf(input))).toEqual([{ code: 'invalid-type', path: [], params: { expected: 'object', received } }]);
  });

  it('invalid-type for fields and elements', () => {
    const doc = plus({
      organizations: [{ id: 'x', name: 5, kind: 'branch', parent: 'c' }, null as unknown as Row],
      people: [{ id: 'q', name: 'Q', partyMember: 'yes' }],
    });
    doc['posts'] = { 0: { person: 'p1', organization: 'c', role: 'secretary' } } as unknown as Row[];
    // Without posts nobody sits on a team, so keep the edges out of this test.
    doc.oversight = [];
    doc.liaison = [];
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'invalid-type', path: ['organizations', 5, 'name'], params: { expected: 'string', received: 'number' } },
      { code: 'invalid-type', path: ['organizations', 6], params: { expected: 'object', received: 'null' } },
      { code: 'invalid-type', path: ['people', 6, 'partyMember'], params: { expected: 'boolean', received: 'string' } },
      { code: 'invalid-type', path: ['posts'], params: { expected: 'array', received: 'object' } },
    ]);
  });

  it('a name of the wrong type is one invalid-type issue, not also "too small"', () => {
    // An array is not a string; that it is empty says nothing about the name's length.
    const doc = plus({ organizations: [{ id: 'x', name: [], kind: 'branch', parent: 'c' }] });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'invalid-type', path: ['organizations', 5, 'name'], params: { expected: 'string', received: 'array' } },
    ]);
  });

  it('header fields: $schema, id and title', () => {
    const doc = base();
    doc['$schema'] = 7;
    doc['id'] = ' bureau';
    doc['title'] = '';
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'invalid-type', path: ['$schema'], params: { expected: 'string', received: 'number' } },
      { code: 'invalid-id', path: ['id'], params: { value: ' bureau' } },
      { code: 'empty-string', path: ['title'], params: { field: 'title' } },
    ]);
  });

  it('names: empty and longer than 500 characters', () => {
    const doc = plus({
      organizations: [
        { id: 'x', name: '', kind: 'branch', parent: 'c' },
        { id: 'y', name: '名'.repeat(501), kind: 'branch', parent: 'c' },
        { id: 'z', name: '名'.repeat(500), kind: 'branch', parent: 'c' },
      ],
    });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'empty-string', path: ['organizations', 5, 'name'], params: { field: 'name' } },
      { code: 'too-big', path: ['organizations', 6, 'name'], params: { maximum: '500', inclusive: 1 } },
    ]);
  });

  it.each([
    ['empty', ''],
    ['leading space', ' b3'],
    ['trailing space', 'b3 '],
    ['trailing tab', 'b3\t'],
    ['a C0 control character', 'b\u00013'],
    ['a newline', 'b\n3'],
    ['DEL', 'b3\u007f'],
    ['257 characters', 'x'.repeat(257)],
  ])('invalid-id: %s', (_label, id) => {
    const doc = plus({ organizations: [{ id, name: 'X', kind: 'branch', parent: 'c' }] });
    // The value is clipped to 57 characters and '...' past 60.
    const value = id.length > 60 ? `${'x'.repeat(57)}...` : id;
    expect(brief(issuesOf(doc))).toEqual([{ code: 'invalid-id', path: ['organizations', 5, 'id'], params: { value } }]);
  });

  it('invalid-id: a C1 control character (U+0080–U+009F) is a control character too', () => {
    const id = 'b\u00853';
    const doc = plus({ organizations: [{ id, name: 'X', kind: 'branch', parent: 'c' }] });
    const result = safeParseGraph(doc);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.code)).toEqual(['invalid-id']);
  });

  it('valid ids: 256 characters, inner spaces, Chinese', () => {
    const doc = plus({
      organizations: [
        { id: 'x'.repeat(256), name: 'X', kind: 'branch', parent: 'c' },
        { id: '机关 第二 支部', name: 'Y', kind: 'branch', parent: 'c' },
      ],
    });
    expect(safeParseGraph(doc).success).toBe(true);
  });

  it('invalid-id in a reference is reported there and not also as missing', () => {
    const doc = plus({ posts: [{ person: ' p1', organization: 'b2', role: 'member' }] });
    expect(brief(issuesOf(doc))).toEqual([{ code: 'invalid-id', path: ['posts', 6, 'person'], params: { value: ' p1' } }]);
  });

  it('limit-exceeded for an array longer than its limit; oversight and liaison share the edge limit', () => {
    const roots = {
      organizations: ['a', 'b', 'c'].map((id) => ({ id, name: id, kind: 'committee' })),
      people: [],
      posts: [],
    };
    expect(brief(issuesOf(roots, { limits: { organizations: 2 } }))).toEqual([
      { code: 'limit-exceeded', path: ['organizations'], params: { what: 'organizations', limit: 2, actual: 3 } },
    ]);
    expect(safeParseGraph(roots, { limits: { organizations: 3 } }).success).toBe(true);
    const doc = plus({ liaison: [{ person: 'p2', organization: 'b2' }] });
    expect(brief(issuesOf(doc, { limits: { edges: 1 } }))).toEqual([
      { code: 'limit-exceeded', path: ['liaison'], params: { what: 'liaison', limit: 1, actual: 2 } },
    ]);
    expect(safeParseGraph(base(), { limits: { organizations: 5, people: 6, posts: 6, edges: 1 } }).success).toBe(true);
  });

  it('when the organizations array is over its limit, references to organizations are not each reported as missing', () => {
    // The limit exists so that an oversized input gives one clear error instead of exhausting
    // memory; one extra "missing-organization" per post would defeat it.
    expect(brief(issuesOf(base(), { limits: { organizations: 4 } }))).toEqual([
      { code: 'limit-exceeded', path: ['organizations'], params: { what: 'organizations', limit: 4, actual: 5 } },
    ]);
  });

  it('a hole in an array is an element like any other, not skipped', () => {
    const holes = base();
    holes.organizations.length = 7; // indexes 5 and 6 are holes
    const explicit = base();
    explicit.organizations.push(undefined as unknown as Row, undefined as unknown as Row);
    const explicitIssues = brief(issuesOf(explicit));
    expect(explicitIssues.map((i) => i.path)).toEqual([
      ['organizations', 5],
      ['organizations', 6],
    ]);
    const result = safeParseGraph(holes);
    expect(result.success).toBe(false);
    if (!result.success) expect(brief(result.error.issues)).toEqual(explicitIssues);
  });

  const circular: Row = {};
  circular['self'] = circular;
  it.each([
    ['a bigint', 10n],
    ['a circular object', circular],
  ])('a kind JSON cannot carry (%s) gives a result, not a crash', (_label, kind) => {
    const doc = plus({ organizations: [{ id: 'x', name: 'X', kind, parent: 'c' }] });
    let result: ReturnType<typeof safeParseGraph> | undefined;
    expect(() => {
      result = safeParseGraph(doc);
    }).not.toThrow();
    expect(result?.success).toBe(false);
    if (result && !result.success) {
      expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([['unknown-kind', ['organizations', 5, 'kind']]]);
    }
  });
});

describe('many problems in one input', () => {
  it('are all listed at once, in a stable order', () => {
    const doc = {
      version: 1,
      organizations: [
        { id: 'c', name: '局党委', kind: 'committee' }, // 0
        { id: 'c', name: '重复', kind: 'committee' }, // 1 duplicate-id
        { id: 'b', name: '坏支部', kind: 'cell', parent: 'c' }, // 2 unknown-kind
        { id: 'd', name: '支部', kind: 'branch', parent: 'c' }, // 3
        { id: 'e', name: '支部', kind: 'branch', parent: 'nowhere' }, // 4 missing parent
        { id: 'f', name: '支部', kind: 'branch', parent: 'f' }, // 5 cycle
        { id: 'h', name: '小组', kind: 'group', parent: 'b' }, // 6 parent is broken, not missing
      ],
      people: [
        { id: 'p1', name: '王一', partyMember: true }, // 0
        { id: 'p2', name: '李二', partyMember: 'yes' }, // 1 invalid-type
        { id: 'n1', name: '孙六', partyMember: false }, // 2
        { id: 'p3', name: '', partyMember: true }, // 3 empty-string
      ],
      posts: [
        { person: 'p1', organization: 'c', role: 'secretary' }, // 0
        { person: 'n1', organization: 'c', role: 'secretary' }, // 1 two-secretaries + not party member
        { person: 'p2', organization: 'b', role: 'member' }, // 2 both broken: nothing
        { person: 'ghost', organization: 'void', role: 'member' }, // 3 missing person + organization
        { person: 'p1', organization: 'd', role: 'chair' }, // 4 unknown-role
        { person: 'p3', organization: 'd', role: 'member' }, // 5 broken person: nothing
        { person: 'p1', organization: 'c', role: 'secretary' }, // 6 duplicate-post
      ],
      oversight: [
        { person: 'p1', organization: 'c' }, // 0 own organization
        { person: 'p1', organization: 'c' }, // 1 duplicate-edge
      ],
      liaison: [
        { person: 'p1', organization: 'd' }, // 0 fine
        { person: 'ghost', organization: 'd' }, // 1 missing-person
      ],
    };
    const issues = brief(issuesOf(doc));
    expect(issues.map((i) => i.code)).toEqual([
      'unknown-field',
      'unknown-kind',
      'invalid-type',
      'empty-string',
      'unknown-role',
      'duplicate-id',
      'missing-organization',
      'hierarchy-cycle',
      'two-secretaries',
      'secretary-not-party-member',
      'missing-person',
      'missing-organization',
      'duplicate-post',
      'oversight-outside-team',
      'duplicate-edge',
      'missing-person',
    ]);
    expect(issues.map((i) => i.path)).toEqual([
      ['version'],
      ['organizations', 2, 'kind'],
      ['people', 1, 'partyMember'],
      ['people', 3, 'name'],
      ['posts', 4, 'role'],
      ['organizations', 1, 'id'],
      ['organizations', 4, 'parent'],
      ['organizations', 5, 'parent'],
      ['posts', 1, 'role'],
      ['posts', 1, 'person'],
      ['posts', 3, 'person'],
      ['posts', 3, 'organization'],
      ['posts', 6],
      ['oversight', 0, 'person'],
      ['oversight', 1],
      ['liaison', 1, 'person'],
    ]);
  });
});

describe('languages and the error object', () => {
  const oneProblem = (): Doc => plus({ organizations: [{ id: 'x', name: 'X', kind: 'branch', parent: 'nowhere' }] });

  it('messages are Chinese by default', () => {
    const result = safeParseGraph(oneProblem());
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.lang).toBe('zh');
    expect(result.error.issues[0]?.message).toBe('引用的党组织「nowhere」不存在');
    expect(result.error.message).toBe('组织关系图校验未通过，共 1 个问题：\norganizations[5].parent: 引用的党组织「nowhere」不存在 [missing-organization]');
  });

  it('messages are English with { lang: "en" }', () => {
    const result = safeParseGraph(oneProblem(), { lang: 'en' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.lang).toBe('en');
    expect(result.error.issues[0]?.message).toBe('organization "nowhere" does not exist');
    expect(result.error.message).toBe('Invalid graph: 1 problem:\norganizations[5].parent: organization "nowhere" does not exist [missing-organization]');
  });

  it('a few more messages in both languages', () => {
    const doc = plus({
      people: [{ id: 'p3', name: '重复', partyMember: true }],
      posts: [{ person: 'p4', organization: 'b1', role: 'secretary' }],
    });
    const zh = issuesOf(doc).map((i) => i.message);
    const en = issuesOf(doc, { lang: 'en' }).map((i) => i.message);
    expect(zh).toEqual(['编号「p3」重复（首次出现在 people[2]）', '党组织「b1」有两名书记：「p5」和「p4」']);
    expect(en).toEqual(['duplicate id "p3" (first at people[2])', 'organization "b1" has two secretaries: "p5" and "p4"']);
  });

  it('error.inLanguage("en") re-renders every message and the summary; the original is unchanged', () => {
    const doc = plus({
      organizations: [{ id: 'x', name: 'X', kind: 'cell' }],
      posts: [{ person: 'ghost', organization: 'b2', role: 'member' }],
    });
    const zh = thrown(() => parseGraph(doc));
    const en = thrown(() => parseGraph(doc, { lang: 'en' }));
    const converted = zh.inLanguage('en');
    expect(converted).toBeInstanceOf(ValidationError);
    expect(converted.lang).toBe('en');
    expect(converted.subject).toBe('graph');
    expect(converted.issues).toEqual(en.issues);
    expect(converted.message).toBe(en.message);
    expect(zh.lang).toBe('zh');
    expect(zh.issues[1]?.message).toBe('引用的人员「ghost」不存在');
    expect(converted.inLanguage('zh').issues).toEqual(zh.issues);
  });

  it('parseGraph throws a ValidationError with the same issues safeParseGraph returns', () => {
    const doc = oneProblem();
    const error = thrown(() => parseGraph(doc));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
    const result = safeParseGraph(doc);
    expect(result.success).toBe(false);
    if (!result.success) expect(error.issues).toEqual(result.error.issues);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'ValidationError', subject: 'graph', issues: JSON.parse(JSON.stringify(error.issues)) });
    expect(Object.isFrozen(error.issues)).toBe(true);
  });

  it('the summary lists the first 20 issues and counts the rest', () => {
    const doc = plus({ posts: Array.from({ length: 25 }, (_, i) => ({ person: `ghost${i}`, organization: 'b2', role: 'member' })) });
    const zh = thrown(() => parseGraph(doc));
    expect(zh.issues).toHaveLength(25);
    const lines = zh.message.split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe('组织关系图校验未通过，共 25 个问题：');
    expect(lines[20]).toBe('posts[25].person: 引用的人员「ghost19」不存在 [missing-person]');
    expect(lines[21]).toBe('……另有 5 个问题');
    const en = zh.inLanguage('en').message.split('\n');
    expect(en[0]).toBe('Invalid graph: 25 problems:');
    expect(en[21]).toBe('... and 5 more');
  });
});

describe('ids that are names of Object.prototype members', () => {
  const SPECIAL = ['__proto__', 'constructor', 'toString', 'prototype'] as const;
  let before: string[] = [];
  const snapshot = (): string[] =>
    Object.getOwnPropertyNames(Object.prototype)
      .sort()
      .map((name) => `${name}:${typeof Object.getOwnPropertyDescriptor(Object.prototype, name)?.value}`);

  beforeAll(() => {
    before = snapshot();
  });

  //   __proto__ (committee) ─┬─ constructor (branch) ── prototype (group)
  //                          └─ toString (branch)
  const special = (): Doc => ({
    organizations: [
      { id: '__proto__', name: '原型党委', kind: 'committee' },
      { id: 'constructor', name: '构造支部', kind: 'branch', parent: '__proto__' },
      { id: 'toString', name: '字符串支部', kind: 'branch', parent: '__proto__' },
      { id: 'prototype', name: '原型小组', kind: 'group', parent: 'constructor' },
    ],
    people: SPECIAL.map((id) => ({ id, name: `人员${id}`, partyMember: true })),
    posts: [
      { person: '__proto__', organization: '__proto__', role: 'secretary' },
      { person: 'constructor', organization: '__proto__', role: 'team-member' },
      { person: 'toString', organization: 'constructor', role: 'secretary' },
      { person: 'prototype', organization: 'toString', role: 'secretary' },
      { person: 'prototype', organization: 'prototype', role: 'member' },
    ],
    oversight: [{ person: 'constructor', organization: 'constructor', area: '原型' }],
    liaison: [{ person: '__proto__', organization: 'toString' }],
  });

  it('parse and answer every query as ordinary ids', () => {
    const graph = parseGraph(special());
    expect([...graph.organizations.keys()]).toEqual(['__proto__', 'constructor', 'prototype', 'toString']);
    expect([...graph.people.keys()]).toEqual(['__proto__', 'constructor', 'prototype', 'toString']);
    expect(graph.organizations.get('__proto__')?.name).toBe('原型党委');
    expect(parentOf(graph, 'constructor')).toBe('__proto__');
    expect(parentOf(graph, '__proto__')).toBeNull();
    expect(childrenOf(graph, '__proto__')).toEqual(['constructor', 'toString']);
    expect(ancestorsOf(graph, 'prototype')).toEqual(['constructor', '__proto__']);
    expect(descendantsOf(graph, '__proto__')).toEqual(['constructor', 'prototype', 'toString']);
    expect(depthOf(graph, 'prototype')).toBe(2);
    expect(isAncestorOf(graph, '__proto__', 'prototype')).toBe(true);
    expect(isAncestorOf(graph, 'toString', 'prototype')).toBe(false);

    const r = responsibilitiesFor(graph, 'prototype');
    expect(r.first).toBeNull();
    expect(r.principal).toEqual([
      { organization: 'constructor', distance: 1, members: ['toString'] },
      { organization: '__proto__', distance: 2, members: ['__proto__', 'constructor'] },
    ]);
    expect(r.dual).toEqual([{ person: 'constructor', via: 'constructor', area: '原型' }]);
    expect(chainOf(graph, 'toString').map((l) => `${l.distance}:${l.kind}:${l.holder.type === 'person' ? l.holder.person : l.holder.organization}`)).toEqual([
      '0:first:prototype',
      '0:principal:toString',
      '0:liaison:__proto__',
      '1:first:__proto__',
      '1:supervision:__proto__',
    ]);
    expect(dutiesOf(graph, 'constructor').duties).toEqual([
      { kind: 'principal', organization: '__proto__', capacity: 'team-member', seat: '__proto__' },
      { kind: 'supervision', organization: 'constructor', capacity: 'team-member', seat: '__proto__' },
      { kind: 'supervision', organization: 'toString', capacity: 'team-member', seat: '__proto__' },
      { kind: 'dual', organization: 'constructor', capacity: 'overseer', area: '原型' },
    ]);
    expect(coverage(graph).gaps.map((g) => [g.code, g.organization ?? g.person])).toEqual([['coverage-not-overseen', 'toString']]);
    expect(JSON.stringify(toGraphInput(parseGraph(toGraphInput(graph))))).toBe(JSON.stringify(toGraphInput(graph)));
  });

  it('names of Object.prototype members that are not in the graph are unknown, not found on the prototype', () => {
    const graph = parseGraph(special());
    for (const id of ['hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      expect(thrown(() => parentOf(graph, id)).issues.map((i) => i.code)).toEqual(['unknown-organization']);
      expect(thrown(() => dutiesOf(graph, id)).issues.map((i) => i.code)).toEqual(['unknown-person']);
    }
    const doc = special();
    doc.posts.push({ person: 'valueOf', organization: 'hasOwnProperty', role: 'member' });
    doc.organizations.push({ id: '__proto__', name: '重复', kind: 'branch', parent: 'toString' });
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'duplicate-id', path: ['organizations', 4, 'id'], params: { id: '__proto__', first: 'organizations[0]' } },
      { code: 'missing-person', path: ['posts', 5, 'person'], params: { id: 'valueOf' } },
      { code: 'missing-organization', path: ['posts', 5, 'organization'], params: { id: 'hasOwnProperty' } },
    ]);
  });

  it('a JSON "__proto__" key is an unknown field, not a prototype', () => {
    const doc = JSON.parse(
      '{"__proto__":{"x":1},"organizations":[{"id":"a","name":"A","kind":"committee","__proto__":{"parent":"b"}}],"people":[],"posts":[]}',
    ) as unknown;
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'unknown-field', path: ['__proto__'], params: { field: '__proto__' } },
      { code: 'unknown-field', path: ['organizations', 0, '__proto__'], params: { field: '__proto__' } },
    ]);
  });

  afterAll(() => {
    expect(snapshot()).toEqual(before);
    const probe: Record<string, unknown> = {};
    for (const id of [...SPECIAL, 'parent', 'id', 'x']) {
      if (id !== '__proto__' && id !== 'constructor' && id !== 'toString') expect(probe[id]).toBeUndefined();
    }
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
    expect(String(probe)).toBe('[object Object]');
  });
});
