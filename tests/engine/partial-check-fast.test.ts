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
    // The changes do break partial states, often: about 452 of the 1,200 (442–459 in six runs, a
    // standard deviation of 17). Over 400 failed about once in a thousand runs; 350 is six
    // deviations down.
    expect(refusedBySchema).toBeGreaterThan(350);
    // About 5 s alone; up to 24 s on a loaded 2-core machine, past the suite's 20 s.
  }, 120_000);
});

describe('surelyWellFormed refuses each thing the schema refuses', () => {
  // A snapshot with at least one of everything: versions with and without an effect key, lines,
  // business scores and the problems of invalid records.
  const session = openAssessment({ graph, rules, invalidRecords: 'skip' });
  for (const r of records) session.add(r);
  session.add({ id: 'x-unused', type: 'no-such-type', organization: 'bureau', date: first.date });
  session.add({ id: 'x-bad', type: first.type, organization: 'bureau', date: '2022-13-01' });
  const base = JSON.parse(JSON.stringify(session.snapshot())) as Record<string, unknown[] & Record<string, unknown>>;
  const keyedAt = (base['versions'] as [string, string[], { counter: string | null; key?: string }][]).findIndex(([, , e]) => e.key !== undefined);
  const unkeyedAt = (base['versions'] as [string, string[], { counter: string | null; key?: string }][]).findIndex(([, , e]) => e.counter === null);
  const lineAt = (base['lines'] as [string, string, string, { s: string[]; b: unknown[] }][]).findIndex(([, , , l]) => l.s.length > 0);

  it('starts from a snapshot that has every part, which both checks accept', () => {
    expect(keyedAt).toBeGreaterThanOrEqual(0);
    expect(unkeyedAt).toBeGreaterThanOrEqual(0);
    expect((base['issues'] as unknown[]).length).toBeGreaterThan(0);
    expect((base['business'] as unknown[]).length).toBeGreaterThan(0);
    expect(surelyWellFormed(base)).toBe(true);
    expect(schemaIssues(base, 'zh')).toEqual([]);
  });

  const v = (i: number) => ['versions', i];
  const l = ['lines', lineAt, 3];
  const cases: [string, (string | number)[], unknown][] = [
    ['a negative count', ['occurrences'], -1],
    ['a count that is not whole', ['issueCount'], 1.5],
    ['a count as text', ['skipped'], '1'],
    ['a negative overLimit', ['overLimit'], -1],
    ['another format', ['format'], 'zerenzhi-partial/1'],
    ['an engine that is not text', ['engine'], 1],
    ['a basis that is not text', ['basis'], null],
    ['kept records that are not a list', ['retained'], {}],
    ['an empty record id', [...v(0), 0], ''],
    ['a record id that is not text', [...v(0), 0], 7],
    ['no digest', [...v(0), 1], []],
    ['a digest that is not base64 of 32 bytes', [...v(0), 1, 0], 'abc'],
    ['a digest spelt with padding bits in its last character', [...v(0), 1, 0], 'n8fMaMbQV3pQP1fhWhK47QFeDgYX5cH7E13IVf7kuZZ='],
    ['an effect that is a list', [...v(0), 2], []],
    ['an unknown counter', [...v(0), 2, 'counter'], 'nope'],
    ['a key on a counter that takes none', [...v(unkeyedAt), 2, 'key'], 'x'],
    ['a keyed counter without its key', [...v(keyedAt), 2], { counter: 'unusedType' }],
    ['a key that is not text', [...v(keyedAt), 2, 'key'], 1],
    ['an effect with a field of its own', [...v(unkeyedAt), 2], { counter: null, extra: 1 }],
    ['an effect with an inherited field', [...v(unkeyedAt), 2], Object.assign(Object.create({ extra: 1 }) as object, { counter: null })],
    ['a version of two parts', v(0), ['r', ['n8fMaMbQV3pQP1fhWhK47QFeDgYX5cH7E13IVf7kuZY=']]],
    ['a subject type that is neither o nor p', ['lines', lineAt, 0], 'x'],
    ['a subject that is not text', ['lines', lineAt, 1], 1],
    ['an indicator that is not text', ['lines', lineAt, 2], null],
    ['a line with a field of its own', [...l, 'x'], []],
    ['counted ids as text', [...l, 'c'], 'abc'],
    ['counted ids as a number', [...l, 'c'], 5],
    ['a seen id that is a number', [...l, 's', 0], 1],
    ['a day that is not whole', [...l, 'd', 0], 1.5],
    ['days not one per record seen', [...l, 'd'], []],
    ['bonus points that are not a number', [...l, 'b'], [['r', 'x']]],
    ['bonus points that are not finite', [...l, 'b'], [['r', Number.POSITIVE_INFINITY]]],
    ['a bonus entry of one part', [...l, 'b'], [['r']]],
    ['a measure state that is not one', [...l, 'm'], { $x: [] }],
    ['a measure state that is NaN', [...l, 'm'], Number.NaN],
    ['a business subject type', ['business', 0, 0], 'x'],
    ['a business subject that is not text', ['business', 0, 1], 1],
    ['a business score that is not finite', ['business', 0, 2], [['r', Number.NaN]]],
    ['a business score with a numeric id', ['business', 0, 2], [[1, 2]]],
    ['a business entry of two parts', ['business', 0], ['o', 'bureau']],
    ['an issue code that is not text', ['issues', 0, 'code'], 1],
    ['an issue message that is not text', ['issues', 0, 'message'], null],
    ['an issue path that is not a list', ['issues', 0, 'path'], 'a'],
    ['an issue path with NaN', ['issues', 0, 'path'], ['a', Number.NaN]],
    ['an issue path with an object', ['issues', 0, 'path'], [{}]],
    ['issue params that are a list', ['issues', 0, 'params'], []],
    ['issue params that are null', ['issues', 0, 'params'], null],
    ['an issue file that is not text', ['issues', 0, 'file'], 1],
    ['an issue line that is not whole', ['issues', 0, 'line'], 1.5],
    ['an issue that is not an object', ['issues', 0], 'x'],
    ['an issue that is null', ['issues', 0], null],
  ];
  it.each(cases)('%s', (_name, path, value) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
    parent[path[path.length - 1] as string | number] = value;
    expect(schemaIssues(copy, 'zh')).not.toEqual([]);
    expect(surelyWellFormed(copy)).toBe(false);
  });

  it('accepts what the schema accepts in an issue: more fields, no file or line, a number in a path', () => {
    const copy = structuredClone(base) as unknown as { issues: Record<string, unknown>[] };
    const issue = copy.issues[0] as Record<string, unknown>;
    issue['extra'] = true;
    delete issue['file'];
    delete issue['line'];
    issue['path'] = ['records', 3, 'date'];
    expect(schemaIssues(copy, 'zh')).toEqual([]);
    expect(surelyWellFormed(copy)).toBe(true);
    issue['file'] = 'records.ndjson';
    issue['line'] = 12;
    expect(schemaIssues(copy, 'zh')).toEqual([]);
    expect(surelyWellFormed(copy)).toBe(true);
  });
});

describe('a measure state keeps the records its line counted, and only those', () => {
  /** The first line of a snapshot whose measure state is a map of record ids, with its index. */
  function keyedLine(partial: { lines: [string, string, string, { m: unknown; c: string[]; s: string[]; d: number[] }][] }): number {
    return partial.lines.findIndex(([, , , l]) => typeof l.m === 'object' && l.m !== null && '$m' in l.m && (l.m as { $m: unknown[] }).$m.length > 1);
  }

  it('refuses a state with a record the line did not count, at its path, and merges nothing', () => {
    // A hand edit: the record taken out of the line's records seen and counted, left in its
    // measure state. Merged with another version of that id, it would have counted regardless.
    const partial = JSON.parse(JSON.stringify(whole)) as Parameters<typeof keyedLine>[0];
    const at = keyedLine(partial);
    expect(at).toBeGreaterThanOrEqual(0);
    const l = (partial.lines[at] as (typeof partial.lines)[number])[3];
    const id = ((l.m as { $m: [string, unknown][] }).$m[1] as [string, unknown])[0];
    const i = l.s.indexOf(id);
    l.s.splice(i, 1);
    l.d.splice(i, 1);
    l.c = l.c.filter((x) => x !== id);
    expect(surelyWellFormed(partial)).toBe(false);
    const issues = checkPartial(partial, 'en');
    expect(issues.map((x) => [x.code, x.path])).toEqual([['partial-state-uncounted', ['partial', 'lines', at, 3, 'm', '$m', 1, 0]]]);
    expect(issues[0]?.message).toBe(`the measure state holds record "${id}", which the line did not count (c): a measure state keeps the records counted only`);
    expect(checkPartial(partial, 'zh')[0]?.message).toBe(`计量状态中有记录「${id}」，但它不在该得分行计入的记录（c）中：计量状态只保存计入的记录`);
    const session = openAssessment({ graph, rules });
    expect(() => session.absorb(partial as never)).toThrow(/partial-state-uncounted|measure state|计量状态/);
    expect(JSON.stringify(session.snapshot())).toBe(JSON.stringify(openAssessment({ graph, rules }).snapshot()));
  });

  it('refuses a key that is not a record id, and accepts every engine snapshot', () => {
    const partial = JSON.parse(JSON.stringify(whole)) as Parameters<typeof keyedLine>[0];
    const at = keyedLine(partial);
    const l = (partial.lines[at] as (typeof partial.lines)[number])[3];
    ((l.m as { $m: unknown[][] }).$m[0] as unknown[])[0] = 7;
    expect(surelyWellFormed(partial)).toBe(false);
    expect(checkPartial(partial, 'en').map((x) => [x.code, x.params['id']])).toEqual([['partial-state-uncounted', '7']]);
    // A state whose encoding is wrong is reported for that alone.
    ((l.m as { $m: unknown[][] }).$m[0] as unknown[])[1] = { a: 1 };
    expect(checkPartial(partial, 'en').map((x) => x.code)).toEqual(['partial-state-invalid']);
    for (const snapshot of [whole, half, none]) {
      expect(surelyWellFormed(snapshot)).toBe(true);
      expect(schemaIssues(snapshot, 'en')).toEqual([]);
    }
  });
});

describe("a line's counted, pending, rejected and unsupported records are among its records seen", () => {
  type Line = { c: string[]; s: string[]; d: number[]; p: string[]; r: string[]; u: string[] };
  type Partial = { lines: [string, string, string, Line][] };
  const copy = (): Partial => JSON.parse(JSON.stringify(whole)) as Partial;
  const busy = (partial: Partial): number => partial.lines.findIndex(([, , , l]) => l.s.length >= 4 && l.c.length >= 2);

  it('refuses a record listed as pending (or counted, rejected, unsupported) that the line did not see, at its path', () => {
    for (const list of ['c', 'p', 'r', 'u'] as const) {
      const partial = copy();
      const at = busy(partial);
      const l = (partial.lines[at] as Partial['lines'][number])[3];
      l[list].push('zz-unseen');
      expect(surelyWellFormed(partial), list).toBe(false);
      const issues = checkPartial(partial, 'en');
      expect(issues.map((x) => [x.code, x.path]), list).toEqual([['partial-line-unseen', ['partial', 'lines', at, 3, list, l[list].length - 1]]]);
      expect(issues[0]?.message).toBe(`record "zz-unseen" is listed in ${list} but not among the line's records seen (s): records counted, pending, rejected or unsupported are all records seen`);
      expect(checkPartial(partial, 'zh')[0]?.message).toBe(`记录「zz-unseen」列在 ${list} 中，却不在该得分行的上报记录（s）中：计入、待审核、退回、缺佐证的记录都应是上报记录`);
      const session = openAssessment({ graph, rules });
      expect(() => session.absorb(partial as never)).toThrow();
      expect(JSON.stringify(session.snapshot())).toBe(JSON.stringify(none));
    }
  });

  it('reports a list holding something other than ids for that alone', () => {
    for (const list of ['s', 'p'] as const) {
      const partial = copy();
      const at = busy(partial);
      const l = (partial.lines[at] as Partial['lines'][number])[3];
      (l[list] as unknown[]).push(5);
      if (list === 's') l.d.push(0);
      const codes = checkPartial(partial, 'en').map((x) => [x.code, x.path.slice(4)]);
      expect(codes, list).toEqual([['invalid-type', [list, l[list].length - 1]]]);
    }
  });

  it('finds exactly the records not seen, whatever order the lists are in', () => {
    const partial = copy();
    const at = busy(partial);
    const l = (partial.lines[at] as Partial['lines'][number])[3];
    const seen = [...l.s];
    fc.assert(
      fc.property(
        fc.subarray(seen),
        fc.array(fc.constantFrom('zz-a', 'zz-b', '', 'r', '\uffff'), { maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        (subset, strangers, shuffleSeen, sortList, seed) => {
          const list = [...subset, ...strangers];
          if (sortList) list.sort();
          else list.sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
          const s = shuffleSeen ? [...seen].reverse() : [...seen];
          const edited = copy();
          const line = (edited.lines[at] as Partial['lines'][number])[3];
          Object.assign(line, { s, d: s.map(() => 0), c: [], p: list, r: [], u: [] });
          // Counted is what was seen and not set aside: nothing here, the measure's state emptied.
          (line as unknown as { m: unknown }).m = null;
          const expected = list.flatMap((id, i) => (seen.includes(id) ? [] : [[i, id]]));
          const found = checkPartial(edited, 'en').filter((x) => x.code === 'partial-line-unseen').map((x) => [x.path.at(-1), x.params['id']]);
          expect(found).toEqual(expected);
          expect(surelyWellFormed(edited)).toBe(expected.length === 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('business scores within the rule set scale', () => {
  type Partial = { business: [string, string, [string, number][]][] };
  it('refuses a business score outside 0 to the scale, at its path, and merges nothing', () => {
    for (const score of [-0.5, 100.01, 1e9]) {
      const partial = JSON.parse(JSON.stringify(whole)) as Partial;
      ((partial.business[1] as Partial['business'][number])[2][0] as [string, number])[1] = score;
      const session = openAssessment({ graph, rules, lang: 'en' });
      let caught: unknown;
      try {
        session.absorb(partial as never);
      } catch (error) {
        caught = error;
      }
      const issues = (caught as { issues?: { code: string; path: unknown[]; message: string }[] }).issues ?? [];
      expect(issues.map((x) => [x.code, x.path])).toEqual([['partial-business-score', ['partial', 'business', 1, 2, 0, 1]]]);
      expect(issues[0]?.message).toBe(`the business score ${score} is outside 0–100: the engine never keeps such a score`);
      expect(JSON.stringify(session.snapshot())).toBe(JSON.stringify(openAssessment({ graph, rules, lang: 'en' }).snapshot()));
    }
  });

  it('accepts the ends of the scale', () => {
    for (const score of [0, 100]) {
      const partial = JSON.parse(JSON.stringify(whole)) as Partial;
      ((partial.business[1] as Partial['business'][number])[2][0] as [string, number])[1] = score;
      expect(() => openAssessment({ graph, rules }).absorb(partial as never)).not.toThrow();
    }
  });
});

describe('measure states against their measures (before anything is merged)', () => {
  type Line = [string, string, string, { m: unknown; c: string[]; s: string[] }];
  type Editable = { lines: Line[] };
  const editable = (): Editable => JSON.parse(JSON.stringify(whole)) as Editable;
  /** The first line of an indicator with at least one record counted. */
  const lineOf = (partial: Editable, indicator: string): number => partial.lines.findIndex(([, , id, l]) => id === indicator && l.c.length > 0);
  /** The problems absorb reports, and whether the session was left as it was and usable. */
  function refusedWhole(partial: unknown): { codes: [string, unknown][]; messages: string[] } {
    const session = openAssessment({ graph, rules, lang: 'en' });
    const empty = JSON.stringify(session.snapshot());
    let issues: { code: string; path: readonly (string | number)[]; message: string }[] = [];
    try {
      session.absorb(partial as never);
    } catch (error) {
      issues = (error as { issues: typeof issues }).issues;
    }
    expect(JSON.stringify(session.snapshot()), 'nothing merged').toBe(empty);
    // The session goes on: a sound partial state merges after the refusal.
    session.absorb(whole as never);
    expect(session.finish().result.organizations.length).toBeGreaterThan(0);
    return { codes: issues.map((i) => [i.code, i.path]), messages: issues.map((i) => i.message) };
  }

  it('refuses a rating state that is not entries by record id (it broke the merge half-way, or every finish after it)', () => {
    const partial = editable();
    const at = lineOf(partial, 'appraisal-secretary');
    expect(at).toBeGreaterThanOrEqual(0);
    for (const m of [5, null, [], { $s: [] }]) {
      (partial.lines[at] as Line)[3].m = m;
      const { codes, messages } = refusedWhole(partial);
      expect(codes, JSON.stringify(m)).toEqual([['partial-state-shape', ['partial', 'lines', at, 3, 'm']]]);
      expect(messages[0]).toBe('the measure state of indicator "appraisal-secretary" (rating) must be entries by record id ({"$m": [...]})');
    }
  });

  it('refuses a state missing the entry of a record counted (it gave a silently wrong score)', () => {
    const partial = editable();
    const at = lineOf(partial, 'appraisal-secretary');
    const l = (partial.lines[at] as Line)[3];
    l.m = { $m: [] };
    const { codes, messages } = refusedWhole(partial);
    expect(codes).toEqual(l.c.map((_, k) => ['partial-state-missing', ['partial', 'lines', at, 3, 'c', k]]));
    expect(messages[0]).toBe(`record "${l.c[0]}" is counted (c) but has no entry in the measure state: every record counted has one`);
  });

  it('refuses an entry that is not one its measure keeps, for each kind of keyed measure', () => {
    for (const [indicator, type] of [['appraisal-secretary', 'rating'], ['cm-work-points', 'deadline'], ['br-attendance', 'ratio'], ['br-review', 'manual']] as const) {
      const partial = editable();
      const at = lineOf(partial, indicator);
      expect(at, indicator).toBeGreaterThanOrEqual(0);
      const entries = ((partial.lines[at] as Line)[3].m as { $m: [string, unknown][] }).$m;
      (entries[0] as [string, unknown])[1] = { $o: [['odd', 1]] };
      const { codes, messages } = refusedWhole(partial);
      expect(codes, indicator).toEqual([['partial-state-entry', ['partial', 'lines', at, 3, 'm', '$m', 0, 1]]]);
      expect(messages[0], indicator).toBe(`the entry of record "${(entries[0] as [string, unknown])[0]}" in the measure state is not one a ${type} measure keeps`);
    }
  });

  it('refuses a state on a line whose measure keeps none', () => {
    const partial = editable();
    const at = lineOf(partial, 'br-theme-day');
    (partial.lines[at] as Line)[3].m = { $m: [] };
    const { codes, messages } = refusedWhole(partial);
    expect(codes).toEqual([['partial-state-unexpected', ['partial', 'lines', at, 3, 'm']]]);
    expect(messages[0]).toBe('the measure of indicator "br-theme-day" keeps no state: the line\'s measure state (m) must be null');
  });

  it('accepts every entry the engine writes, of every keyed measure', () => {
    const partial = editable();
    for (const indicator of ['appraisal-secretary', 'cm-work-points', 'br-attendance', 'br-review']) expect(lineOf(partial, indicator), indicator).toBeGreaterThanOrEqual(0);
    const session = openAssessment({ graph, rules });
    session.absorb(partial as never);
    expect(JSON.stringify(session.snapshot())).toBe(JSON.stringify(whole));
  });
});

describe('the records read against the versions listed', () => {
  it('refuses fewer records read than versions listed (the merged statistics counted negative duplicates), and accepts as many', () => {
    const partial = JSON.parse(JSON.stringify(whole)) as { occurrences: number; versions: [string, string[], unknown][] };
    const listed = partial.versions.reduce((n, [, digests]) => n + digests.length, 0);
    // The example has a repeat, and a conflict (two digests under one id).
    expect(partial.occurrences).toBeGreaterThan(listed);
    expect(partial.versions.some(([, d]) => d.length > 1)).toBe(true);
    partial.occurrences = listed - 1;
    const issues = checkPartial(partial, 'en');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['partial-occurrences', ['partial', 'occurrences']]]);
    expect(issues[0]?.message).toBe(`the records read (occurrences), ${listed - 1}, are fewer than the ${listed} record versions listed: each version was read at least once`);
    expect(checkPartial(partial, 'zh')[0]?.message).toBe(`读到的记录数（occurrences）为 ${listed - 1}，少于列出的记录版本数 ${listed}：每个版本至少读到过一次`);
    // As many as listed: no record read twice, and the merge counts no duplicate.
    partial.occurrences = listed;
    expect(checkPartial(partial, 'en')).toEqual([]);
    const session = openAssessment({ graph, rules });
    session.absorb(partial as never);
    expect(session.finish().result.evidence.duplicates).toBe(0);
  });
});

describe('the problems counted against the problems listed', () => {
  it('refuses fewer problems counted than listed (a run that must stop on invalid records went on), or than records skipped, and accepts as many', () => {
    const shard = openAssessment({ graph, rules, invalidRecords: 'skip' });
    shard.add({ id: 'bad-1', type: 'theme-day', organization: 'br-office', date: '2022-02-30' });
    const partial = JSON.parse(JSON.stringify(shard.snapshot())) as { issueCount: number; issues: unknown[] };
    expect([partial.issueCount, partial.issues.length]).toEqual([1, 1]);
    partial.issueCount = 0;
    const issues = checkPartial(partial, 'en');
    // Its one skipped record is now more than the problems counted too: both are listed.
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['partial-issue-count', ['partial', 'issueCount']],
      ['partial-skipped', ['partial', 'skipped']],
    ]);
    expect(issues[0]?.message).toBe('the problems counted (issueCount), 0, are fewer than the 1 listed (issues lists some of them only)');
    expect(checkPartial(partial, 'zh')[0]?.message).toBe('数据问题总数（issueCount）为 0，少于列出的 1 个问题（issues 只列出其中一部分）');
    // More records skipped than problems counted: each skipped record reported one at least.
    partial.issueCount = 1;
    Object.assign(partial, { skipped: 2 });
    expect(checkPartial(partial, 'en').map((i) => [i.code, i.path, i.message])).toEqual([
      ['partial-skipped', ['partial', 'skipped'], 'the records skipped (skipped), 2, are more than the problems counted (issueCount), 1: each record skipped reported one at least'],
    ]);
    expect(checkPartial(partial, 'zh')[0]?.message).toBe('跳过的记录数（skipped）为 2，多于数据问题总数（issueCount）1：每条跳过的记录至少报出一个问题');
    Object.assign(partial, { skipped: 1 });
    // As many counted as listed, or more (the list keeps the first ones): accepted, and the
    // merging session stops on them as one pass would.
    for (const count of [1, 5]) {
      partial.issueCount = count;
      expect(checkPartial(partial, 'en')).toEqual([]);
      const session = openAssessment({ graph, rules });
      session.absorb(partial as never);
      expect(() => session.finish()).toThrow(/2022-02-30/);
    }
  });
});
