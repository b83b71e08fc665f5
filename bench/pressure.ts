// 层层传导压力 (pressureOf) at a city's and a province's scale, side by side with the plain
// definition it replaced: the set of every organization in the subtrees each leader leads. The
// plain form costs the size of those subtrees (at national scale a central committee member's
// is 5.2 million organizations); pressureOf reads each subtree as one run of the preorder walk.
// Both must give the same rows; the script checks that before it prints the ratio.
//
//   npx tsx bench/pressure.ts            # M and L graphs from the generator, best of 3 each
//   npx tsx bench/pressure.ts M          # one size
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { pressureOf } from '../src/accountability/pressure.js';
import type { Finding, Pressure } from '../src/accountability/types.js';
import { LEADERSHIP_ROLES, parseGraph, type Graph } from '../src/index.js';
import { generateGraph } from './generate-graph.js';
import { DEFAULT_SEED, SIZES } from './generate-assessment.js';

const LEADERSHIP: ReadonlySet<string> = new Set(LEADERSHIP_ROLES);

function plainPressure(graph: Graph, findings: readonly Finding[]): Pressure[] {
  const flagged = new Set(findings.filter((f) => f.trigger.subject.type === 'organization').map((f) => f.trigger.subject.id));
  const { span, preorder } = graph.index;
  const subtree = (id: string): readonly string[] => {
    const at = span.get(id);
    return at ? preorder.slice(at.enter, at.exit) : [id];
  };
  const out: Pressure[] = [];
  for (const [personId, person] of graph.people) {
    const scope = new Set<string>();
    for (const post of graph.index.postsByPerson.get(personId) ?? []) if (LEADERSHIP.has(post.role)) for (const id of subtree(post.organization)) scope.add(id);
    for (const edge of graph.index.oversightByMember.get(personId) ?? []) for (const id of subtree(edge.organization)) scope.add(id);
    for (const id of graph.index.liaisonByLeader.get(personId) ?? []) scope.add(id);
    if (scope.size === 0) continue;
    const hit = [...scope].filter((id) => flagged.has(id)).sort();
    out.push({ person: personId, name: person.name, answersFor: scope.size, flagged: hit.length, share: Math.round((hit.length / scope.size) * 10_000) / 10_000, flaggedOrganizations: hit });
  }
  return out;
}

function bestOf(runs: number, f: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
console.log('| graph | organizations | people | pressure rows | organizations answered for (sum) | plain sets | pressureOf | ratio |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const name of names.length > 0 ? names : ['M', 'L']) {
  const size = SIZES[name];
  if (!size) throw new Error(`unknown size ${name}: ${Object.keys(SIZES).join(', ')}`);
  const graph = parseGraph(generateGraph({ organizations: size.organizations, posts: size.posts, seed: DEFAULT_SEED }));
  // one organization in 37 flagged, as findings name them
  const findings = [...graph.organizations.keys()].filter((_, i) => i % 37 === 0).map((id) => ({ trigger: { subject: { type: 'organization', id } } }) as unknown as Finding);
  const rows = pressureOf(graph, findings);
  if (!isDeepStrictEqual(rows, plainPressure(graph, findings))) throw new Error(`${name}: pressureOf differs from the plain definition`);
  const plain = bestOf(3, () => plainPressure(graph, findings));
  const fast = bestOf(3, () => pressureOf(graph, findings));
  const sum = rows.reduce((a, p) => a + p.answersFor, 0);
  console.log(`| ${name} | ${graph.organizations.size} | ${graph.people.size} | ${rows.length} | ${sum} | ${plain.toFixed(0)} ms | ${fast.toFixed(0)} ms | ${(plain / fast).toFixed(1)}× |`);
}
