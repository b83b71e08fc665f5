import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../src/engine/assess.js';
import { packedTransfers, type PackedPartial } from '../../src/engine/packed.js';
import { parseGraph, ValidationError, type PartialState } from '../../src/index.js';

// assessParallel's threads hand their state over packed (ids once, the rest by slot in typed
// arrays), not as the JSON partial state. The packed merge must be the JSON merge, step for step:
// any split of the records, merged either way or both ways mixed, gives the one-pass result.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = readFileSync(new URL('records.ndjson', dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

function onePass(items: readonly unknown[]): string {
  const { session } = openSession({ graph, rules });
  for (const r of items) session.add(r);
  return JSON.stringify(session.finish().result);
}

type Shard = { readonly kind: 'packed'; readonly state: PackedPartial } | { readonly kind: 'json'; readonly state: PartialState };

function shard(items: readonly unknown[], kind: Shard['kind']): Shard {
  const { session, pack } = openSession({ graph, rules });
  for (const r of items) session.add(r);
  if (kind === 'json') return { kind, state: JSON.parse(JSON.stringify(session.snapshot())) as PartialState };
  const packed = pack();
  // As it crosses a thread boundary: cloned, with its typed arrays transferred.
  return { kind, state: structuredClone(packed, { transfer: packedTransfers(packed) }) };
}

function merged(shards: readonly Shard[]): string {
  const { session, absorbPacked } = openSession({ graph, rules });
  for (const s of shards) {
    if (s.kind === 'packed') absorbPacked(s.state);
    else session.absorb(s.state);
  }
  return JSON.stringify(session.finish().result);
}

const reference = onePass(records);
const CONFLICTED = 'r-2022-0096';

describe('packed partial states', () => {
  it('any split of the records, merged packed, as JSON or both mixed, in any order, gives the one-pass result byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: records.length, maxLength: records.length }),
        fc.array(fc.constantFrom<Shard['kind']>('packed', 'json'), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (assignment, kinds, reverse) => {
          const parts: unknown[][] = [[], [], [], []];
          records.forEach((r, i) => parts[assignment[i] as number]?.push(r));
          const shards = parts.map((p, i) => shard(p, kinds[i] as Shard['kind']));
          expect(merged(reverse ? shards.reverse() : shards)).toBe(reference);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('a packed state sent before its shard read anything merges as nothing', () => {
    const empty = shard([], 'packed');
    expect(empty.kind === 'packed' && empty.state.ids.length).toBe(0);
    expect(merged([empty, shard(records, 'packed')])).toBe(reference);
  });

  it('finds a conflict whose two versions land in different packed shards, and one already conflicted inside a shard', () => {
    const versions = records.filter((r) => r['id'] === CONFLICTED);
    expect(versions).toHaveLength(2);
    const rest = records.filter((r) => r['id'] !== CONFLICTED);
    const a = shard([...rest.slice(0, 200), versions[0]], 'packed');
    const b = shard([...rest.slice(200), versions[1]], 'packed');
    expect(merged([a, b])).toBe(reference);
    expect(JSON.parse(merged([b, a])).evidence).toMatchObject({ conflicts: 1, duplicates: 1 });
    // Both versions in one shard: it travels as a conflict with both digests.
    const both = shard([...rest.slice(0, 200), ...versions], 'packed');
    expect(both.kind === 'packed' && both.state.conflicts.map(([slot, digests]) => [both.state.ids[slot], digests.length])).toEqual([[CONFLICTED, 2]]);
    expect(merged([both, shard(rest.slice(200), 'packed')])).toBe(reference);
  });

  it('counts a record repeated in two packed shards once, as a duplicate', () => {
    const once = JSON.parse(onePass(records)).evidence as { duplicates: number; received: number };
    const twice = JSON.parse(merged([shard(records, 'packed'), shard(records.slice(0, 100), 'packed')])).evidence as { duplicates: number; received: number };
    expect(twice.received).toBe(once.received);
    expect(twice.duplicates).toBe(once.duplicates + 100);
  });

  it('carries measure states, pending and rejected records, bonus and veto records, business scores and kept records', () => {
    const { state } = shard(records, 'packed') as Extract<Shard, { kind: 'packed' }>;
    // set-aside lists in LINE_ID_SETS order: pending, rejected, unsupported, refused, veto; five ends a line
    const { lines } = state;
    const setAside = (k: number): number => {
      let n = 0;
      for (let i = 0; i < lines.subjects.length; i++) {
        const end = lines.setAsideEnds[i * 5 + k] as number;
        const start = i * 5 + k === 0 ? 0 : (lines.setAsideEnds[i * 5 + k - 1] as number);
        n += end - start;
      }
      return n;
    };
    const [pending, rejected, veto] = [0, 1, 4].map(setAside);
    const bonus = state.bonusSlots.length;
    expect(lines.bonusEnds.at(-1)).toBe(bonus);
    expect(state.bonusPoints.length).toBe(bonus);
    expect(lines.setAsideEnds.at(-1)).toBe(state.setAsideSlots.length);
    expect(lines.seenEnds.at(-1)).toBe(state.seenSlots.length);
    // parallel lists, one entry a line
    for (const list of [lines.types, lines.indicators, lines.measures, lines.seenEnds, lines.bonusEnds]) expect(list.length).toBe(lines.subjects.length);
    expect(lines.setAsideEnds.length).toBe(5 * lines.subjects.length);
    expect([...lines.types].every((t) => t === 0 || t === 1)).toBe(true);
    // The example's 2 pending and 1 rejected record, each on the lines of its subject.
    expect(pending).toBeGreaterThanOrEqual(2);
    expect(rejected).toBeGreaterThanOrEqual(1);
    expect(veto).toBeGreaterThan(0);
    expect(bonus).toBeGreaterThan(0);
    expect(lines.measures.some((m) => m instanceof Map || (typeof m === 'object' && m !== null))).toBe(true);
    expect(state.business.length).toBeGreaterThan(0);
    expect(state.retained.length).toBeGreaterThan(0);
    // Every id travels once; the lines' records seen refer to them by slot, with their days.
    expect(new Set(state.ids).size).toBe(state.ids.length);
    expect(state.seenSlots.length).toBe(state.seenDays.length);
    expect(Math.max(...state.seenSlots)).toBeLessThan(state.ids.length);
    expect(state.digests.length).toBe(8 * state.ids.length);
  });

  it('as assessParallel merges: into a session holding records of its own, one version of a conflict on each side, then finished for the last time', () => {
    const versions = records.filter((r) => r['id'] === CONFLICTED);
    const rest = records.filter((r) => r['id'] !== CONFLICTED);
    const own = [versions[0], ...rest.slice(0, 150)];
    const sent = shard([...rest.slice(150), versions[1]], 'packed') as Extract<Shard, { kind: 'packed' }>;
    const { session, absorbPacked, finishLast } = openSession({ graph, rules });
    for (const r of own) session.add(r);
    absorbPacked(sent.state);
    const result = finishLast().result;
    expect(JSON.stringify(result)).toBe(reference);
    expect(result.evidence).toMatchObject({ conflicts: 1 });
  });

  it('a JSON partial naming a record on a line without its version is refused before anything is merged', () => {
    const partial = JSON.parse(JSON.stringify(shard(records, 'json').state)) as { -readonly [K in keyof PartialState]: PartialState[K] };
    const at = partial.lines.findIndex(([, , , line]) => line.s.length > 0);
    const onLine = partial.lines[at]?.[3].s[0] as string;
    partial.versions = partial.versions.filter(([id]) => id !== onLine);
    const into = openSession({ graph, rules });
    const before = JSON.stringify(into.session.snapshot());
    let error: unknown;
    try {
      into.session.absorb(partial);
    } catch (e) {
      error = e;
    }
    // on every line that names it (a theme day is on its cadence's line and its window's)
    const named = partial.lines.flatMap(([, , , line], i) => (line.s.includes(onLine) ? [['partial-line-unknown', ['partial', 'lines', i, 3, 's', line.s.indexOf(onLine)], { id: onLine }]] : []));
    expect(named[0]?.[1]).toEqual(['partial', 'lines', at, 3, 's', 0]);
    expect((error as ValidationError).issues.map((i) => [i.code, i.path, i.params])).toEqual(named);
    // nothing of it merged: the session packs as it was
    expect(JSON.stringify(into.session.snapshot())).toBe(before);
    expect(into.pack().ids).toEqual([]);
  });

  it('records repeated across shards, merged packed or as JSON, then more records taken (repeats among them): the one-pass result of every occurrence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -1, max: 3 })), { minLength: records.length, maxLength: records.length }),
        fc.array(fc.constantFrom<Shard['kind']>('packed', 'json'), { minLength: 3, maxLength: 3 }),
        (where, kinds) => {
          // each record goes to a shard, and maybe also to a second one (-1: not) or to the
          // records taken after the merges (3)
          const parts: unknown[][] = [[], [], []];
          const after: unknown[] = [];
          const every: unknown[] = [];
          records.forEach((r, i) => {
            const [first, second] = where[i] as [number, number];
            parts[first]?.push(r);
            every.push(r);
            if (second === 3) after.push(r);
            else if (second >= 0) parts[second]?.push(r);
            if (second >= 0) every.push(r);
          });
          const { session, absorbPacked } = openSession({ graph, rules });
          for (const [i, part] of parts.entries()) {
            const s = shard(part, kinds[i] as Shard['kind']);
            if (s.kind === 'packed') absorbPacked(s.state);
            else session.absorb(s.state);
          }
          for (const r of after) session.add(r);
          expect(JSON.stringify(session.finish().result)).toBe(onePass(every));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('sends each effect once and keyed effects with their key: unknown record types and subjects are tallied as in one pass', () => {
    const odd = [
      { id: 'odd-1', type: 'no-such-type', organization: 'br-office', date: '2022-05-01' },
      { id: 'odd-2', type: 'no-such-type', organization: 'br-office', date: '2022-05-02' },
      { id: 'odd-3', type: 'theme-day', organization: 'no-such-branch', date: '2022-05-03' },
    ];
    const all = [...records, ...odd];
    const whole = JSON.parse(onePass(all)) as { warnings: { code: string; params: Record<string, unknown> }[] };
    expect(whole.warnings.filter((w) => w.code === 'warning-unknown-record-type' || w.code === 'warning-unknown-subject').map((w) => w.params)).toEqual([
      { type: 'no-such-type', count: 2 },
      { id: 'no-such-branch', count: 1 },
    ]);
    const a = shard([...records.slice(0, 100), odd[0]], 'packed') as Extract<Shard, { kind: 'packed' }>;
    const b = shard([...records.slice(100), odd[1], odd[2]], 'packed') as Extract<Shard, { kind: 'packed' }>;
    for (const { state } of [a, b]) {
      // interned: every effect sent is one some record had, and no two are alike
      expect(new Set(state.effectOf).size).toBe(state.effects.length);
      expect(new Set(state.effects.map((e) => JSON.stringify(e))).size).toBe(state.effects.length);
    }
    expect(b.state.effects).toEqual(expect.arrayContaining([{ counter: 'unusedType', key: 'no-such-type' }, { counter: 'unknownSubject', key: 'no-such-branch' }]));
    expect(merged([a, b])).toBe(onePass(all));
  });

  it('absorbed into an empty session, gives back the same partial state, line for line', () => {
    const { session, pack } = openSession({ graph, rules });
    for (const r of records) session.add(r);
    const packed = pack();
    const into = openSession({ graph, rules });
    into.absorbPacked(structuredClone(packed, { transfer: packedTransfers(packed) }));
    expect(JSON.stringify(into.session.snapshot())).toBe(JSON.stringify(session.snapshot()));
  });

  it('carries bonus points as they are, fractions included', () => {
    const { session, pack } = openSession({ graph, rules });
    for (const r of records) session.add(r);
    const packed = pack();
    expect(packed.bonusPoints.length).toBeGreaterThan(0);
    // Points such as a rule's half point travel unrounded, both ways.
    packed.bonusPoints[0] = 0.5;
    const into = openSession({ graph, rules });
    into.absorbPacked(structuredClone(packed, { transfer: packedTransfers(packed) }));
    expect(into.pack().bonusPoints).toContain(0.5);
    const bonus = into.session.snapshot().lines.flatMap(([, , , line]) => line.b.map(([, points]) => points));
    expect(bonus).toContain(0.5);
  });

  it('its typed arrays are what a transfer moves: the sender is left without them', () => {
    const { state } = shard(records, 'packed') as Extract<Shard, { kind: 'packed' }>;
    const transfers = packedTransfers(state);
    const { lines } = state;
    const typed = [state.digests, state.effectOf, state.seenSlots, state.seenDays, state.setAsideSlots, state.bonusSlots, state.bonusPoints, lines.types, lines.seenEnds, lines.setAsideEnds, lines.bonusEnds];
    expect(transfers).toEqual(typed.map((array) => array.buffer));
    expect(new Set(transfers).size).toBe(typed.length);
    const received = structuredClone(state, { transfer: transfers });
    expect(typed.map((array) => array.byteLength)).toEqual(typed.map(() => 0));
    expect(received.seenDays.length).toBeGreaterThan(0);
    expect(received.bonusPoints.length).toBeGreaterThan(0);
    // the business scores travel as [subject type, subject, scores], as in the JSON form
    expect(received.business.every(([type, subject, scores]) => (type === 'o' || type === 'p') && typeof subject === 'string' && Array.isArray(scores))).toBe(true);
  });

  it("carries the shard's invalid-record problems, and merges keep the records kept for accountability", () => {
    const bad = { id: 'bad-1', type: 'theme-day', organization: 'br-office', date: '2022-02-30' };
    const { pack } = (() => {
      const internals = openSession({ graph, rules });
      for (const r of [...records.slice(0, 100), bad]) internals.session.add(r);
      return internals;
    })();
    const packed = pack();
    expect([packed.issueCount, packed.skipped, packed.issues.map((i) => i.code)]).toEqual([1, 1, ['invalid-date']]);
    const into = openSession({ graph, rules });
    into.absorbPacked(structuredClone(packed, { transfer: packedTransfers(packed) }));
    expect(() => into.session.finish()).toThrow(/2022-02-30/);
    // the records the accountability rules read come through either merge, as one pass keeps them
    const once = openSession({ graph, rules });
    for (const r of records) once.session.add(r);
    const kept = once.finishLast().retained.map((r) => r.id);
    expect(kept.length).toBeGreaterThan(0);
    for (const kind of ['packed', 'json'] as const) {
      const target = openSession({ graph, rules });
      for (const s of [shard(records.slice(0, 200), kind), shard(records.slice(200), kind)]) {
        if (s.kind === 'packed') target.absorbPacked(s.state);
        else target.session.absorb(s.state);
      }
      expect(target.finishLast().retained.map((r) => r.id)).toEqual(kept);
    }
  });
});
