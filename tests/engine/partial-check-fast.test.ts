import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPartial, schemaIssues, surelyWellFormed } from '../../src/engine/partial-check.js';
import { openAssessment, parseGraph } from '../../src/index.js';

// The hand-written check of a partial state's shape stands in for the zod schema on the engine's
// own snapshots (a province's holds millions of entries). It may refuse what the schema accepts
// (the schema then decides), but must never accept what the schema refuses.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = readFileSync(new URL('records.ndjson', dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);

function snapshotOf(items: readonly unknown[]): unknown {
  const session = openAssessment({ graph, rules });
  for (const r of items) session.add(r);
  return JSON.parse(JSON.stringify(session.snapshot())) as unknown;
}
const whole = snapshotOf(records);
// With effects that carry a key: a record type no indicator reads, an organization not in the graph.
const first = records[0] as { type: string; date: string };
const half = snapshotOf([
  ...records.slice(0, 200),
  { id: 'x-unused', type: 'no-such-type', organization: 'bureau', date: first.date },
  { id: 'x-unknown', type: first.type, organization: 'no-such-organization', date: first.date },
]);
const none = snapshotOf([]);

type Path = (string | number)[];
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}
const parentOf = (root: unknown, path: Path): Record<string | number, unknown> => path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;

const strange = fc.constantFrom<unknown>(undefined, Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, -0, 2 ** 53, '', 'x', 'o', 'p', null, true, [], {}, [[]], { $m: [] }, { $s: 1 }, new Map(), Object.create({ a: 1 }) as unknown);
const replacement = fc.oneof(fc.jsonValue({ maxDepth: 2 }), strange);
type Change = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown } | { kind: 'getter' } | { kind: 'hide' };
const change: fc.Arbitrary<Change> = fc.oneof(
  replacement.map((value) => ({ kind: 'set' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.tuple(fc.constantFrom('key', 'm', 'x', '0', 'counter', '__proto__'), replacement).map(([key, value]) => ({ kind: 'add' as const, key, value })),
  fc.constant({ kind: 'getter' as const }),
  fc.constant({ kind: 'hide' as const }),
);

// Every place of the same shape (indices left out) is one choice, so that a rare field (a line's
// days, an effect's key) is picked as often as a digest, of which there are hundreds.
function byShape(all: readonly Path[]): Path[][] {
  const shapes = new Map<string, Path[]>();
  for (const path of all) {
    const shape = path.map((k) => (typeof k === 'number' ? '#' : k)).join('/');
    const list = shapes.get(shape) ?? [];
    list.push(path);
    shapes.set(shape, list);
  }
  return [...shapes.values()];
}

function mutated(base: unknown, [shape, pick]: readonly [number, number], what: Change): unknown {
  const copy = structuredClone(base);
  const groups = byShape(paths(copy));
  const group = groups[shape % groups.length] as Path[];
  const path = group[pick % group.length] as Path;
  if (path.length === 0) return what.kind === 'set' ? what.value : copy;
  const parent = parentOf(copy, path);
  const key = path[path.length - 1] as string | number;
  if (what.kind === 'set') parent[key] = what.value;
  else if (what.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (what.kind === 'add') {
    const target = parent[key];
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) Object.defineProperty(target, what.key, { value: what.value, enumerable: true, writable: true, configurable: true });
    else if (Array.isArray(target)) target.push(what.value);
  } else if (what.kind === 'getter') {
    const value = parent[key];
    Object.defineProperty(parent, key, { get: () => value, enumerable: true, configurable: true });
  } else Object.defineProperty(parent, key, { enumerable: false });
  return copy;
}

describe('surelyWellFormed, the fast check of a partial state', () => {
  it("accepts the engine's own snapshots, so that they skip the schema", () => {
    const effects = (half as { versions: [string, string[], { key?: string }][] }).versions.map(([, , effect]) => effect.key);
    expect(effects).toContain('no-such-type');
    expect(effects).toContain('no-such-organization');
    for (const p of [whole, half, none]) {
      expect(surelyWellFormed(p)).toBe(true);
      expect(schemaIssues(p, 'zh')).toEqual([]);
    }
  });

  it('never accepts what the schema refuses, whatever one change is made anywhere', () => {
    let refusedBySchema = 0;
    fc.assert(
      fc.property(fc.constantFrom(whole, half, none), fc.tuple(fc.nat(), fc.nat()), change, (base, pick, what) => {
        const value = mutated(base, pick, what);
        const schema = schemaIssues(value, 'zh');
        if (schema.length > 0) refusedBySchema++;
        if (surelyWellFormed(value)) expect(schema).toEqual([]);
        // Either way, the full check gives the schema's answer (and the kept records' problems).
        expect(checkPartial(value, 'zh').slice(0, schema.length)).toEqual(schema);
      }),
      { numRuns: 1200 },
    );
    // The changes do break partial states, often.
    expect(refusedBySchema).toBeGreaterThan(400);
  });
});
