// Behaviour of src/graph that mutation testing (npm run mutate:graph, see TESTING.md) found no
// test for. Each expectation is worked out by hand from the documented behaviour.
import { describe, expect, it } from 'vitest';
import { chainOf, coverage, dutiesOf, parseGraph, responsibilitiesFor, safeParseGraph, toGraphInput, ValidationError, type GraphInput, type Issue } from '../../src/index.js';

/** A committee with two branches; p-dep (team member of the committee) oversees b1 without a
 * business area and b2 with one. */
function committee(): GraphInput {
  return {
    organizations: [
      { id: 'cm', name: '局党委', kind: 'committee' },
      { id: 'b1', name: '第一支部', kind: 'branch', parent: 'cm' },
      { id: 'b2', name: '第二支部', kind: 'branch', parent: 'cm' },
    ],
    people: [
      { id: 'p-sec', name: '王书记', partyMember: true },
      { id: 'p-dep', name: '李委员', partyMember: true },
    ],
    posts: [
      { person: 'p-sec', organization: 'cm', role: 'secretary' },
      { person: 'p-dep', organization: 'cm', role: 'team-member' },
    ],
    oversight: [
      { person: 'p-dep', organization: 'b1' },
      { person: 'p-dep', organization: 'b2', area: '财务' },
    ],
  };
}

/** code and path of each issue of an input that must be refused. */
function refusal(input: unknown): { code: string; path: readonly (string | number)[] }[] {
  const result = safeParseGraph(input);
  if (result.success) throw new Error('expected the graph to be refused');
  return result.error.issues.map((i: Issue) => ({ code: i.code, path: i.path }));
}

describe('an oversight edge without a business area has no `area` at all', () => {
  const graph = () => parseGraph(committee());

  it('dutiesOf: the dual duty for b1 has no area key; the one for b2 has 财务', () => {
    const dual = dutiesOf(graph(), 'p-dep').duties.filter((d) => d.kind === 'dual');
    expect(dual).toStrictEqual([
      { kind: 'dual', organization: 'b1', capacity: 'overseer' },
      { kind: 'dual', organization: 'b2', capacity: 'overseer', area: '财务' },
    ]);
    expect('area' in (dual[0] as object)).toBe(false);
  });

  it('responsibilitiesFor: b1 is overseen by p-dep (no area), b2 by p-dep for 财务', () => {
    expect(responsibilitiesFor(graph(), 'b1').dual).toStrictEqual([{ person: 'p-dep', via: 'b1' }]);
    expect(responsibilitiesFor(graph(), 'b2').dual).toStrictEqual([{ person: 'p-dep', via: 'b2', area: '财务' }]);
  });

  it('chainOf: the dual link of b1 carries no area; that of b2 does', () => {
    const dualOf = (id: string) => chainOf(graph(), id).filter((l) => l.kind === 'dual');
    expect(dualOf('b1')).toStrictEqual([{ distance: 0, level: 'b1', kind: 'dual', holder: { type: 'person', person: 'p-dep' } }]);
    expect(dualOf('b2')).toStrictEqual([{ distance: 0, level: 'b2', kind: 'dual', holder: { type: 'person', person: 'p-dep' }, area: '财务' }]);
  });
});

describe('coverage: officers spread thin are listed by person id', () => {
  it('three officers over the limit, met in the order z, m, a, are reported a, m, z', () => {
    // Posts are kept in organization order, so p-z (officer of o1 and o4) is met first, then
    // p-m (o2, o5), then p-a (o3, o6). Each holds 2 officer posts, over a limit of 1.
    const orgs = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'];
    const officerOf: Record<string, string> = { o1: 'p-z', o2: 'p-m', o3: 'p-a', o4: 'p-z', o5: 'p-m', o6: 'p-a' };
    const graph = parseGraph({
      organizations: orgs.map((id) => ({ id, name: id, kind: 'branch' })),
      people: ['p-a', 'p-m', 'p-z'].map((id) => ({ id, name: id, partyMember: true })),
      posts: orgs.map((id) => ({ person: officerOf[id] as string, organization: id, role: 'party-affairs-officer' })),
    });
    const thin = coverage(graph, { maxOfficerPostsPerPerson: 1 }).gaps.filter((g) => g.code === 'coverage-officer-spread-thin');
    expect(thin.map((g) => g.person)).toEqual(['p-a', 'p-m', 'p-z']);
  });
});

describe('parseGraph: what is and is not reported around an unreadable or broken part', () => {
  it('people not an array: posts naming people are not reported as missing people', () => {
    expect(refusal({ ...committee(), people: 'everyone' })).toEqual([{ code: 'invalid-type', path: ['people'] }]);
  });

  it('posts not an array: an oversight edge is not reported as outside the team (the team is unknown)', () => {
    expect(refusal({ ...committee(), posts: { p: 1 } })).toEqual([{ code: 'invalid-type', path: ['posts'] }]);
  });

  it('an array given as null: invalid-type with received "null" (not "object")', () => {
    const result = safeParseGraph({ ...committee(), organizations: null });
    if (result.success) throw new Error('expected a refusal');
    expect(result.error.issues.map((i) => [i.code, i.path, i.params])).toEqual([['invalid-type', ['organizations'], { expected: 'array', received: 'null' }]]);
  });

  it('two secretaries of an organization that does not exist: two missing organizations, no two-secretaries', () => {
    const input = committee();
    input.posts = [
      { person: 'p-sec', organization: 'ghost', role: 'secretary' },
      { person: 'p-dep', organization: 'ghost', role: 'secretary' },
    ];
    input.oversight = [];
    expect(refusal(input)).toEqual([
      { code: 'missing-organization', path: ['posts', 0, 'organization'] },
      { code: 'missing-organization', path: ['posts', 1, 'organization'] },
    ]);
  });

  it('an organization whose parent is missing is reported once: the oversight that depends on it is not checked as well', () => {
    // x's parent does not exist, so x has no team above it to check p-dep against: one issue, not two.
    const input = committee();
    input.organizations = [...input.organizations, { id: 'x', name: '孤立支部', kind: 'branch', parent: 'ghost' }];
    input.oversight = [{ person: 'p-dep', organization: 'x' }];
    expect(refusal(input)).toEqual([
      { code: 'missing-organization', path: ['organizations', 3, 'parent'] },
    ]);
  });

  it('a post with an `id` field is refused for the field, not crashed on', () => {
    const input = committee() as unknown as { posts: Record<string, unknown>[] };
    input.posts = [{ id: 'post-1', person: 'p-sec', organization: 'cm', role: 'secretary' }, { person: 'p-dep', organization: 'cm', role: 'team-member' }];
    expect(refusal(input)).toEqual([{ code: 'unknown-field', path: ['posts', 0, 'id'] }]);
  });

  it('input that is not an object: a ValidationError whose subject is "graph"', () => {
    const result = safeParseGraph(42);
    if (result.success) throw new Error('expected a refusal');
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.subject).toBe('graph');
    expect(result.error.issues.map((i) => [i.code, i.params])).toEqual([['invalid-type', { expected: 'object', received: 'number' }]]);
  });
});

describe('absent optional fields stay absent (no keys holding undefined)', () => {
  // JSON comparisons cannot see a key that holds undefined; `in`, Object.keys and spreads can.
  it('a graph without id and title: neither key on the graph nor in toGraphInput', () => {
    const graph = parseGraph(committee());
    expect(Object.keys(graph)).toEqual(['organizations', 'people', 'posts', 'oversight', 'liaison', 'index']);
    expect(Object.keys(toGraphInput(graph))).toEqual(['organizations', 'people', 'posts', 'oversight', 'liaison']);
  });

  it('with id and title: both kept, first', () => {
    const graph = parseGraph({ id: 'g-2022', title: '2022 年度', ...committee() });
    expect(Object.keys(toGraphInput(graph)).slice(0, 2)).toEqual(['id', 'title']);
    expect([graph.id, graph.title]).toEqual(['g-2022', '2022 年度']);
  });

  it('an oversight edge written with area: undefined has no area key', () => {
    const input = committee();
    input.oversight = [{ person: 'p-dep', organization: 'b1', area: undefined as unknown as string }];
    const graph = parseGraph(input);
    expect(graph.oversight).toStrictEqual([{ person: 'p-dep', organization: 'b1' }]);
    expect(toGraphInput(graph).oversight).toStrictEqual([{ person: 'p-dep', organization: 'b1' }]);
  });
});

describe('queries about a person who is not in the graph', () => {
  it('dutiesOf an unknown person: ValidationError, subject "query", code unknown-person', () => {
    let error: unknown;
    try {
      dutiesOf(parseGraph(committee()), 'p-nobody');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).subject).toBe('query');
    expect((error as ValidationError).issues.map((i) => [i.code, i.params])).toEqual([['unknown-person', { id: 'p-nobody' }]]);
  });
});
