import type { GraphInput } from '../model/graph.js';
import type { Graph } from './types.js';
import { requireGraph } from './lookup.js';

/**
 * The graph back as a plain JSON document in canonical order; `parseGraph(toGraphInput(g))`
 * gives the same graph.
 *
 * @example
 * fs.writeFileSync('graph.json', JSON.stringify(toGraphInput(graph), null, 2));
 */
export function toGraphInput(graph: Graph): GraphInput {
  return graphDocument(requireGraph(graph), (member) => ({ ...member }));
}

/**
 * {@link toGraphInput}'s document, with `member` applied to each of the graph's own records that
 * goes in whole (the others, a root organization without its parent and a full member without
 * `probationary`, are made here). The fingerprint passes the records as they are (frozen plain
 * data), as it only reads them.
 *
 * @example
 * graphDocument(graph, (member) => member);
 */
export function graphDocument(graph: Graph, member: <T extends object>(record: T) => T): GraphInput {
  return {
    ...(graph.id !== undefined ? { id: graph.id } : {}),
    ...(graph.title !== undefined ? { title: graph.title } : {}),
    organizations: [...graph.organizations.values()].map((o) => (o.parent === null ? { id: o.id, name: o.name, kind: o.kind } : member(o))),
    people: [...graph.people.values()].map((p) => (p.probationary ? member(p) : { id: p.id, name: p.name, partyMember: p.partyMember })),
    posts: graph.posts.map(member),
    oversight: graph.oversight.map(member),
    liaison: graph.liaison.map(member),
  };
}
