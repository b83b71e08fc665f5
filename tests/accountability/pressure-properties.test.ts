// pressureOf counts each leader's scope from the preorder walk's runs (a subtree is one run) and
// finds the flagged organizations in it by binary search, so that a leader of a national
// committee costs as little as a branch secretary. Checked here against the plain definition:
// the set of every organization in the subtrees the person leads or oversees, plus their contact
// points, on random valid graphs and random flagged organizations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEADERSHIP_ROLES, parseGraph, type Graph } from '../../src/index.js';
import { pressureOf } from '../../src/accountability/pressure.js';
import type { Pressure, RuleHit } from '../../src/accountability/types.js';
import { graphInputArb } from '../graph/arbitrary.js';

const LEADERSHIP: ReadonlySet<string> = new Set(LEADERSHIP_ROLES);

function descendantsAndSelf(graph: Graph, id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) out.push(...(graph.index.children.get(out[i] as string) ?? []));
  return out;
}

function plainPressure(graph: Graph, flagged: ReadonlySet<string>): Pressure[] {
  const out: Pressure[] = [];
  for (const [personId, person] of graph.people) {
    const scope = new Set<string>();
    for (const post of graph.index.postsByPerson.get(personId) ?? []) if (LEADERSHIP.has(post.role)) for (const id of descendantsAndSelf(graph, post.organization)) scope.add(id);
    for (const edge of graph.index.oversightByMember.get(personId) ?? []) for (const id of descendantsAndSelf(graph, edge.organization)) scope.add(id);
    for (const id of graph.index.liaisonByLeader.get(personId) ?? []) scope.add(id);
    if (scope.size === 0) continue;
    const hit = [...scope].filter((id) => flagged.has(id)).sort();
    out.push({ person: personId, name: person.name, answersFor: scope.size, flagged: hit.length, share: Math.round((hit.length / scope.size) * 10_000) / 10_000, flaggedOrganizations: hit });
  }
  return out;
}

// Only the hit's subject is read.
const hitOn = (type: 'organization' | 'person', id: string): RuleHit => ({ rule: 'r', subject: { type, id, name: id }, reached: 0 });

describe('pressure: the preorder runs give the same scopes as the sets of organizations', () => {
  it('on random graphs, whichever organizations are flagged (and people, and ids not in the graph)', () => {
    fc.assert(
      fc.property(graphInputArb, fc.array(fc.nat()), fc.array(fc.nat(), { maxLength: 3 }), fc.boolean(), (input, picks, personPicks, stranger) => {
        const graph = parseGraph(input);
        const orgIds = [...graph.organizations.keys()];
        const personIds = [...graph.people.keys()];
        const hits = [
          ...picks.map((n) => hitOn('organization', orgIds[n % orgIds.length] as string)),
          ...personPicks.map((n) => hitOn('person', personIds[n % personIds.length] as string)),
          ...(stranger ? [hitOn('organization', 'not-in-the-graph')] : []),
        ];
        const flagged = new Set(hits.filter((h) => h.subject.type === 'organization').map((h) => h.subject.id));
        expect(pressureOf(graph, hits)).toEqual(plainPressure(graph, flagged));
      }),
      { numRuns: 300 },
    );
  });

  it('a chain of 2,000 levels: the root\'s leader answers for all of it, each run read once', () => {
    const n = 2000;
    const organizations = Array.from({ length: n }, (_, i) => ({ id: `o${i}`, name: `组织${i}`, kind: 'committee' as const, ...(i > 0 ? { parent: `o${i - 1}` } : {}) }));
    const graph = parseGraph({
      organizations,
      people: [{ id: 'p-root', name: '书记', partyMember: true }, { id: 'p-mid', name: '委员', partyMember: true }],
      posts: [
        { person: 'p-root', organization: 'o0', role: 'secretary' },
        { person: 'p-mid', organization: 'o1000', role: 'secretary' },
        // nested inside o1000's subtree: counted once
        { person: 'p-mid', organization: 'o1500', role: 'secretary' },
      ],
    });
    // flagged: o0, o999, o1000, o1999
    const hits = ['o1999', 'o0', 'o1000', 'o999'].map((id) => hitOn('organization', id));
    const byPerson = new Map(pressureOf(graph, hits).map((p) => [p.person, p]));
    expect(byPerson.get('p-root')).toMatchObject({ answersFor: 2000, flagged: 4, share: 0.002, flaggedOrganizations: ['o0', 'o1000', 'o1999', 'o999'] });
    // o1000 … o1999: 1,000 organizations, 2 flagged
    expect(byPerson.get('p-mid')).toMatchObject({ answersFor: 1000, flagged: 2, share: 0.002, flaggedOrganizations: ['o1000', 'o1999'] });
  });
});
