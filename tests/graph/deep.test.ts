import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  chainOf,
  coverage,
  depthOf,
  descendantsOf,
  isAncestorOf,
  parseGraph,
  responsibilitiesFor,
  safeParseGraph,
  toGraphInput,
  type GraphInput,
} from '../../src/index.js';

const N = 10_000;
const id = (i: number): string => `o${i}`;

// o0 (committee) ← o1 ← o2 ← … ← o9999: committees below o0 (a 党委 may contain 党委), the
// deepest a branch (a 党支部 contains no 党支部, and a liaison contact point is grassroots).
// p0 is o0's secretary, p1 an o0 team member overseeing o1 (so the whole chain is inside an
// area), p2 the secretary of the deepest branch, whose liaison leader is p0.
function chainInput(order: 'top-down' | 'bottom-up'): GraphInput {
  const organizations = Array.from({ length: N }, (_, i) =>
    i === 0
      ? { id: id(0), name: '局党委', kind: 'committee' as const }
      : { id: id(i), name: `第${i}级`, kind: i === N - 1 ? ('branch' as const) : ('committee' as const), parent: id(i - 1) },
  );
  return {
    organizations: order === 'top-down' ? organizations : organizations.reverse(),
    people: [
      { id: 'p0', name: '王一', partyMember: true },
      { id: 'p1', name: '李二', partyMember: true },
      { id: 'p2', name: '张三', partyMember: true },
    ],
    posts: [
      { person: 'p0', organization: id(0), role: 'secretary' },
      { person: 'p1', organization: id(0), role: 'team-member' },
      { person: 'p2', organization: id(N - 1), role: 'secretary' },
    ],
    oversight: [{ person: 'p1', organization: id(1), area: '全部' }],
    liaison: [{ person: 'p0', organization: id(N - 1) }],
  };
}

describe('a 10,000-level chain of organizations', () => {
  const graph = parseGraph(chainInput('top-down'));
  const deepest = id(N - 1);

  it('parses, in either input order, to the same graph', () => {
    expect(graph.organizations.size).toBe(N);
    expect(graph.index.roots).toEqual(['o0']);
    expect(JSON.stringify(toGraphInput(parseGraph(chainInput('bottom-up'))))).toBe(JSON.stringify(toGraphInput(graph)));
  });

  it('ancestorsOf, descendantsOf, depthOf, isAncestorOf', () => {
    const ancestors = ancestorsOf(graph, deepest);
    expect(ancestors).toHaveLength(N - 1);
    expect(ancestors[0]).toBe(id(N - 2));
    expect(ancestors[N - 2]).toBe('o0');
    const descendants = descendantsOf(graph, 'o0');
    expect(descendants).toHaveLength(N - 1);
    expect(descendants[0]).toBe('o1');
    expect(descendants[N - 2]).toBe(deepest);
    expect(descendantsOf(graph, id(5000))).toHaveLength(N - 1 - 5000);
    expect(depthOf(graph, deepest)).toBe(N - 1);
    expect(isAncestorOf(graph, 'o0', deepest)).toBe(true);
    expect(isAncestorOf(graph, deepest, 'o0')).toBe(false);
  });

  it('chainOf and responsibilitiesFor the deepest branch reach the root', () => {
    expect(chainOf(graph, deepest).map((l) => `${l.distance}:${l.kind}:${l.level}`)).toEqual([
      `0:first:${deepest}`,
      `0:principal:${deepest}`,
      `0:liaison:${deepest}`,
      `${N - 2}:dual:o1`,
      `${N - 1}:first:o0`,
      `${N - 1}:supervision:o0`,
    ]);
    expect(responsibilitiesFor(graph, deepest)).toEqual({
      organization: deepest,
      first: 'p2',
      principal: [
        { organization: deepest, distance: 0, members: ['p2'] },
        { organization: 'o0', distance: N - 1, members: ['p0', 'p1'] },
      ],
      dual: [{ person: 'p1', via: 'o1', area: '全部' }],
      liaison: ['p0'],
    });
  });

  it('coverage: every committee between the root and the deepest branch lacks a secretary; all are inside the oversight area', () => {
    const report = coverage(graph);
    expect(report.organizations).toBe(N);
    expect(report.withSecretary).toBe(2);
    expect(report.overseen).toBe(N - 1);
    expect(report.gaps).toHaveLength(N - 2);
    expect(report.gaps.every((g) => g.code === 'coverage-no-secretary')).toBe(true);
    expect(report.gaps[0]?.organization).toBe('o1');
    expect(report.gaps[N - 3]?.organization).toBe(id(N - 2));
  });
});

describe('a 10,000-organization cycle', () => {
  // o0 → o1 → … → o9999 → o0, following parents.
  const cycle = (): GraphInput => ({
    organizations: Array.from({ length: N }, (_, i) => ({ id: id(i), name: `第${i}`, kind: 'committee' as const, parent: id((i + 1) % N) })),
    people: [],
    posts: [],
  });

  it('is reported once, starting at the first organization of the input', () => {
    const result = safeParseGraph(cycle());
    expect(result.success).toBe(false);
    if (result.success) return;
    const { issues } = result.error;
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue?.code).toBe('hierarchy-cycle');
    expect(issue?.path).toEqual(['organizations', 0, 'parent']);
    expect(issue?.params['length']).toBe(N);
    const members = String(issue?.params['cycle']).split(' → ');
    expect(members).toHaveLength(N + 1);
    expect(members.slice(0, 3)).toEqual(['o0', 'o1', 'o2']);
    expect(members.slice(-2)).toEqual([id(N - 1), 'o0']);
  });

  it('with a 10,000-level chain hanging below it, still one issue', () => {
    // Committees under committees, as a 党委 may be: the tail's only problem is the cycle above it.
    const input = cycle();
    for (let i = 0; i < N; i++) input.organizations.push({ id: `t${i}`, name: `尾${i}`, kind: 'committee', parent: i === 0 ? 'o0' : `t${i - 1}` });
    const result = safeParseGraph(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.code)).toEqual(['hierarchy-cycle']);
  });
});
