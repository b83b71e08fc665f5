import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openAssessment, parseGraph, ValidationError, type PartialState } from '../../src/index.js';

// Records split across shards (threads, machines) and merged back must give exactly the result
// of one pass: the partial states are id-keyed and merge associatively and commutatively.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = readFileSync(new URL('records.ndjson', dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

function onePass(items: readonly unknown[]): string {
  const session = openAssessment({ graph, rules });
  for (const r of items) session.add(r);
  return JSON.stringify(session.finish().result);
}

function shard(items: readonly unknown[]): PartialState {
  const session = openAssessment({ graph, rules });
  for (const r of items) session.add(r);
  // Through JSON, as it would travel between threads or machines.
  return JSON.parse(JSON.stringify(session.snapshot())) as PartialState;
}

function merged(partials: readonly PartialState[]): string {
  const session = openAssessment({ graph, rules });
  for (const p of partials) session.absorb(p);
  return JSON.stringify(session.finish().result);
}

const reference = onePass(records);

describe('partial states', () => {
  it('any split of the records, merged in any order, gives the one-pass result byte for byte', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: records.length, maxLength: records.length }), fc.boolean(), (assignment, reverse) => {
        const shards: unknown[][] = [[], [], [], []];
        records.forEach((r, i) => shards[assignment[i] as number]?.push(r));
        const partials = shards.map(shard);
        expect(merged(reverse ? partials.reverse() : partials)).toBe(reference);
      }),
      { numRuns: 8 },
    );
  });

  it('finds a conflict whose two versions land in different shards', () => {
    // r-2022-0096 has two versions in the file; put one in each shard: neither counts, as in one pass.
    const versions = records.filter((r) => r['id'] === 'r-2022-0096');
    expect(versions).toHaveLength(2);
    const rest = records.filter((r) => r['id'] !== 'r-2022-0096');
    const a = shard([...rest.slice(0, 200), versions[0]]);
    const b = shard([...rest.slice(200), versions[1]]);
    expect(merged([a, b])).toBe(reference);
    expect(JSON.parse(merged([b, a])).evidence).toMatchObject({ conflicts: 1, duplicates: 1 });
  });

  it('counts a record repeated in two shards once, as a duplicate', () => {
    // Every record in both shards: the result is the one-pass result over the file plus one more copy of each.
    const a = shard(records);
    const b = shard(records);
    const result = JSON.parse(merged([a, b])) as { evidence: { received: number; duplicates: number } };
    const once = JSON.parse(reference) as { evidence: { received: number; duplicates: number } };
    // received: distinct versions, unchanged; duplicates: 472 + 1 copies more
    expect(result.evidence.received).toBe(once.evidence.received);
    expect(result.evidence.duplicates).toBe(once.evidence.duplicates + once.evidence.received + once.evidence.duplicates);
  });

  it('refuses a partial state of another assessment', () => {
    const other = openAssessment({ graph, rules, asOf: '2022-06-30' }).snapshot();
    const session = openAssessment({ graph, rules });
    expect(() => session.absorb(other)).toThrow(ValidationError);
    try {
      session.absorb(other);
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.code)).toEqual(['partial-mismatch']);
    }
  });

  it('keeps invalid-record problems from every shard', () => {
    const bad = { id: 'x', type: 'theme-day', organization: 'br-office', date: '2022-02-30' };
    const session = openAssessment({ graph, rules });
    session.absorb(shard([bad]));
    session.absorb(shard(records));
    expect(() => session.finish()).toThrow(/2022-02-30/);
  });
});
