// Which kind of organization may sit under which, and where liaison contact points may be.
// The table below is written out by hand from the Party's organizational structure (党委 over
// 党委, 党组, 党总支 and 党支部; 党组 over its organ's 党委, 分党组, 党总支 and 党支部; 党总支 over
// 党支部; 党支部 over 党小组; nothing under a 党小组), not read from the code.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS, safeParseGraph, type OrganizationKind } from '../../src/index.js';
import { brief, issuesOf } from './helpers.js';

type Row = Record<string, unknown>;

const MAY_CONTAIN: Record<OrganizationKind, readonly OrganizationKind[]> = {
  committee: ['committee', 'leading-group', 'general-branch', 'branch'],
  'leading-group': ['committee', 'leading-group', 'general-branch', 'branch'],
  'general-branch': ['branch'],
  branch: ['group'],
  group: [],
};

/** A parent of one kind with a child of another, and nothing else. */
const pair = (parent: OrganizationKind, child: OrganizationKind): { organizations: Row[]; people: Row[]; posts: Row[] } => ({
  organizations: [
    { id: 'up', name: '上级', kind: parent },
    { id: 'down', name: '下级', kind: child, parent: 'up' },
  ],
  people: [],
  posts: [],
});

describe('the kind of an organization and of its parent', () => {
  for (const parent of ORGANIZATION_KINDS) {
    for (const child of ORGANIZATION_KINDS) {
      const allowed = MAY_CONTAIN[parent].includes(child);
      it(`${child} under ${parent}: ${allowed ? 'accepted' : 'refused'}`, () => {
        const result = safeParseGraph(pair(parent, child));
        if (allowed) {
          expect(result.success).toBe(true);
          return;
        }
        expect(brief(issuesOf(pair(parent, child)))).toEqual([
          { code: 'invalid-parent-kind', path: ['organizations', 1, 'parent'], params: { id: 'down', kind: child, parent: 'up', parentKind: parent, allowed: MAY_CONTAIN[parent].join(', ') } },
        ]);
      });
    }
  }

  it('any kind may be a root', () => {
    for (const kind of ORGANIZATION_KINDS) {
      expect(safeParseGraph({ organizations: [{ id: 'o', name: '组织', kind }], people: [], posts: [] }).success, kind).toBe(true);
    }
  });

  it('messages name the kinds, in Chinese and in English', () => {
    const underGroup = pair('group', 'committee');
    expect(issuesOf(underGroup)[0]?.message).toBe('「down」（党委）不能隶属于「up」（党小组）：党小组之下不设党组织');
    expect(issuesOf(underGroup, { lang: 'en' })[0]?.message).toBe('"down" (party committee) cannot be under "up" (party group): a party group has no organizations under it');
    const underBranch = pair('branch', 'branch');
    expect(issuesOf(underBranch)[0]?.message).toBe('「down」（党支部）不能隶属于「up」（党支部）：党支部之下只能设党小组');
    expect(issuesOf(pair('general-branch', 'group'), { lang: 'en' })[0]?.message).toBe(
      '"down" (party group) cannot be under "up" (general branch): a general branch may contain only branches',
    );
  });

  it('the review case: a committee under a group under a branch is refused once, at the committee', () => {
    const doc = {
      organizations: [
        { id: 'cm', name: '局党委', kind: 'committee' },
        { id: 'b1', name: '一支部', kind: 'branch', parent: 'cm' },
        { id: 'g1', name: '一小组', kind: 'group', parent: 'b1' },
        { id: 'sub', name: '小组下的党委', kind: 'committee', parent: 'g1' },
        { id: 'b9', name: '党委下的支部', kind: 'branch', parent: 'sub' },
      ],
      people: [],
      posts: [],
    };
    expect(brief(issuesOf(doc))).toEqual([
      { code: 'invalid-parent-kind', path: ['organizations', 3, 'parent'], params: { id: 'sub', kind: 'committee', parent: 'g1', parentKind: 'group', allowed: '' } },
    ]);
  });

  it('a link of a cycle is not judged by its kinds (the cycle is the problem); a link into the cycle is', () => {
    const doc = {
      organizations: [
        { id: 'x', name: 'X', kind: 'branch', parent: 'y' }, // 0
        { id: 'y', name: 'Y', kind: 'branch', parent: 'x' }, // 1
        { id: 'z', name: 'Z', kind: 'committee', parent: 'x' }, // 2: a committee under a branch
      ],
      people: [],
      posts: [],
    };
    expect(brief(issuesOf(doc)).map((i) => [i.code, i.path])).toEqual([
      ['invalid-parent-kind', ['organizations', 2, 'parent']],
      ['hierarchy-cycle', ['organizations', 0, 'parent']],
    ]);
  });

  it('a parent whose own entry is invalid has no kind to judge by: no issue for its children', () => {
    const doc = {
      organizations: [
        { id: 'b', name: '支部', kind: 'brnch' },
        { id: 'g', name: '小组', kind: 'group', parent: 'b' },
      ],
      people: [],
      posts: [],
    };
    expect(brief(issuesOf(doc)).map((i) => i.code)).toEqual(['unknown-kind']);
  });
});

describe('liaison contact points are grassroots organizations', () => {
  // cm ─┬─ lg (leading-group)
  //     ├─ sub (committee) ── gb (general-branch) ── b (branch) ── g (group)
  // p1 is the secretary of cm, above all of them.
  const withLiaison = (organization: string): { organizations: Row[]; people: Row[]; posts: Row[]; liaison: Row[] } => ({
    organizations: [
      { id: 'cm', name: '局党委', kind: 'committee' },
      { id: 'lg', name: '党组', kind: 'leading-group', parent: 'cm' },
      { id: 'sub', name: '机关党委', kind: 'committee', parent: 'cm' },
      { id: 'gb', name: '党总支', kind: 'general-branch', parent: 'sub' },
      { id: 'b', name: '党支部', kind: 'branch', parent: 'gb' },
      { id: 'g', name: '党小组', kind: 'group', parent: 'b' },
    ],
    people: [{ id: 'p1', name: '王', partyMember: true }],
    posts: [{ person: 'p1', organization: 'cm', role: 'secretary' }],
    liaison: [{ person: 'p1', organization }],
  });

  it('a general branch or a branch is accepted', () => {
    expect(safeParseGraph(withLiaison('gb')).success).toBe(true);
    expect(safeParseGraph(withLiaison('b')).success).toBe(true);
  });

  it.each([
    ['g', 'group'],
    ['sub', 'committee'],
    ['lg', 'leading-group'],
  ])('%s (%s) is refused at the edge\'s organization', (organization, kind) => {
    expect(brief(issuesOf(withLiaison(organization)))).toEqual([
      { code: 'liaison-not-grassroots', path: ['liaison', 0, 'organization'], params: { person: 'p1', organization, kind } },
    ]);
  });

  it('the message says why, in Chinese and in English', () => {
    expect(issuesOf(withLiaison('g'))[0]?.message).toBe('包抓包联联系点须为基层党组织（党总支、党支部），「g」是党小组，不能作为「p1」的联系点');
    expect(issuesOf(withLiaison('sub'), { lang: 'en' })[0]?.message).toBe(
      'a liaison contact point must be a grassroots organization (general branch or branch); "sub" is a party committee, so cannot be the contact point of "p1"',
    );
  });

  it('oversight of any kind is still fine (一岗双责 reaches every organization in an area)', () => {
    const doc = { ...withLiaison('b'), oversight: [{ person: 'p1', organization: 'g' }, { person: 'p1', organization: 'sub' }, { person: 'p1', organization: 'lg' }] };
    expect(safeParseGraph(doc).success).toBe(true);
  });
});

describe('the bundled examples', () => {
  const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
  const names = readdirSync(examples, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

  it('are found', () => {
    expect(names).toEqual(expect.arrayContaining(['bureau-2022', 'university-college']));
  });

  it.each(names)('%s/graph.json is valid', (name) => {
    const result = safeParseGraph(JSON.parse(readFileSync(`${examples}${name}/graph.json`, 'utf8')));
    expect(result.success ? [] : result.error.issues.map((i) => i.code)).toEqual([]);
  });
});
