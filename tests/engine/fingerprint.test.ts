// The fingerprint hashes the graph's document with its lists of flat records put in key order
// ahead (flatMembersInKeyOrder) and written by runs: the hash must be exactly the one of the
// general canonical text of toGraphInput's document, which is what results recorded before hold.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical-json.js';
import { basisFingerprint, fingerprintOf } from '../../src/engine/fingerprint.js';
import { parseGraph, toGraphInput } from '../../src/index.js';
import type { Graph } from '../../src/graph/types.js';
import { graphOf } from '../../src/graph/lookup.js';
import type { RuleSet } from '../../src/model/rules.js';
import { ENGINE_VERSION } from '../../src/version.js';
import { graphInputArb } from '../graph/arbitrary.js';

const sha256 = (value: unknown): string => `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
// The rule set is hashed as the parsed value it is; any plain data stands for one here.
const rules = { id: 'r', indicators: [{ weight: 2, id: 'a' }] } as unknown as RuleSet;

describe('the fingerprint of a graph', () => {
  it('is the hash of the general canonical text of toGraphInput, for any graph', () => {
    fc.assert(
      fc.property(graphInputArb, fc.option(fc.constantFrom('2022-06-30', '2022-12-31'), { nil: null }), (input, asOf) => {
        const graph = parseGraph(input);
        const records = 'ab'.repeat(32);
        const expected = sha256({ engine: ENGINE_VERSION, graph: toGraphInput(graph), rules, records, asOf, lang: 'zh', previous: null });
        expect(fingerprintOf({ graph, rules, recordsDigest: records, asOf, lang: 'zh', previous: null })).toBe(expected);
        expect(basisFingerprint(graph, rules, asOf)).toBe(sha256({ engine: ENGINE_VERSION, graph: toGraphInput(graph), rules, asOf }));
      }),
      { numRuns: 200 },
    );
  });

  it('tells apart graphs that differ in one field of one record of any list', () => {
    const base = {
      organizations: [{ id: 'o1', name: '局党委', kind: 'committee' as const }, { id: 'b1', name: '一支部', kind: 'branch' as const, parent: 'o1' }],
      people: [{ id: 'p1', name: '王', partyMember: true }, { id: 'p2', name: '李', partyMember: true, probationary: true }],
      posts: [{ person: 'p1', organization: 'o1', role: 'secretary' as const, title: '书记' }, { person: 'p2', organization: 'b1', role: 'member' as const }],
      oversight: [],
      liaison: [],
    };
    const fp = (input: typeof base): string => fingerprintOf({ graph: parseGraph(input), rules, recordsDigest: '0'.repeat(64), asOf: null, lang: 'zh', previous: null });
    const changed = [
      { ...base, organizations: [base.organizations[0], { ...base.organizations[1], name: '二支部' }] },
      { ...base, people: [base.people[0], { ...base.people[1], probationary: false }] },
      { ...base, posts: [{ ...base.posts[0], title: '党委书记' }, base.posts[1]] },
    ];
    const prints = new Set([fp(base), ...changed.map((input) => fp(input as typeof base))]);
    expect(prints.size).toBe(4);
  });

  it('hashes a built graph once for each asOf, and a graph put together by hand every time', () => {
    const input = {
      organizations: [{ id: 'o1', name: '局党委', kind: 'committee' as const }],
      people: [{ id: 'p1', name: '王', partyMember: true }],
      posts: [{ person: 'p1', organization: 'o1', role: 'secretary' as const }],
    };
    const graph = parseGraph(input);
    const general = (g: Graph, asOf: string | null): string => sha256({ engine: ENGINE_VERSION, graph: toGraphInput(g), rules, records: '0'.repeat(64), asOf, lang: 'en', previous: 'sha256:x' });
    const fp = (g: Graph, asOf: string | null): string => fingerprintOf({ graph: g, rules, recordsDigest: '0'.repeat(64), asOf, lang: 'en', previous: 'sha256:x' });
    for (const asOf of ['2022-06-30', null, '2022-06-30', null]) expect(fp(graph, asOf)).toBe(general(graph, asOf));
    expect(basisFingerprint(graph, rules, null)).toBe(sha256({ engine: ENGINE_VERSION, graph: toGraphInput(graph), rules, asOf: null }));
    // Not made by parseGraph: it may change between two fingerprints, and each must see it as it is.
    const organizations = new Map(graph.organizations);
    const byHand = { ...graph, organizations } as Graph;
    const before = fp(byHand, null);
    expect(before).toBe(fp(graph, null));
    organizations.set('o2', { id: 'o2', name: '二支部', kind: 'branch', parent: 'o1' });
    expect(fp(byHand, null)).not.toBe(before);
    // (toGraphInput takes only a graph parseGraph made: the copy is checked again into one)
    expect(fp(byHand, null)).toBe(general(graphOf(byHand), null));
  });

  it('leaves out a member given as undefined, as the canonical text does (the types forbid it)', () => {
    const graph = parseGraph({ organizations: [{ id: 'o1', name: '局党委', kind: 'committee' }], people: [], posts: [] });
    const loose = { graph, rules, recordsDigest: undefined, asOf: undefined, lang: undefined, previous: undefined } as unknown as Parameters<typeof fingerprintOf>[0];
    expect(fingerprintOf(loose)).toBe(sha256({ engine: ENGINE_VERSION, graph: toGraphInput(graph), rules }));
    expect(basisFingerprint(graph, rules, undefined as unknown as null)).toBe(sha256({ engine: ENGINE_VERSION, graph: toGraphInput(graph), rules }));
  });
});
