import type { GraphInput } from '../model/graph.js';
import type { Graph } from './types.js';

/**
 * The graph back as a plain JSON document in canonical order; `parseGraph(toGraphInput(g))`
 * gives the same graph.
 *
 * @example
 * fs.writeFileSync('graph.json', JSON.stringify(toGraphInput(graph), null, 2));
 */
export function toGraphInput(graph: Graph): GraphInput {
  return {
    ...(graph.id !== undefined ? { id: graph.id } : {}),
    ...(graph.title !== undefined ? { title: graph.title } : {}),
    organizations: [...graph.organizations.values()].map((o) => (o.parent === null ? { id: o.id, name: o.name, kind: o.kind } : { ...o })),
    people: [...graph.people.values()].map((p) => (p.probationary ? { ...p } : { id: p.id, name: p.name, partyMember: p.partyMember })),
    posts: graph.posts.map((p) => ({ ...p })),
    oversight: graph.oversight.map((e) => ({ ...e })),
    liaison: graph.liaison.map((e) => ({ ...e })),
  };
}
