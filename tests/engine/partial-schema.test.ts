import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openAssessment, parseGraph, partialStateJsonSchema, ValidationError, type PartialState } from '../../src/index.js';
import { check, type Schema } from '../json-schema-check.js';

// The JSON Schema of a partial state (`zerenzhi schema partial`), for systems that carry partial
// states between machines: every partial state the engine writes is valid, what it says is
// wrong is wrong, and it never refuses a partial state that `absorb` accepts.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = readFileSync(new URL('records.ndjson', dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

const schema = partialStateJsonSchema();
const validate = (value: unknown): string[] => check(value, schema, schema);

function snapshotOf(items: readonly unknown[]): PartialState {
  const session = openAssessment({ graph, rules });
  for (const r of items) session.add(r);
  return JSON.parse(JSON.stringify(session.snapshot())) as PartialState;
}

/** Whether a session takes the partial state in (a ValidationError: it does not). */
function absorbs(partial: unknown): boolean {
  try {
    openAssessment({ graph, rules }).absorb(partial as PartialState);
    return true;
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
}

// With a record of an unknown type and one of an unknown organization: effects with a key.
const odd = [
  { id: 'odd-1', type: 'no-such-type', organization: 'br-office', date: '2022-05-01' },
  { id: 'odd-2', type: 'theme-day', organization: 'no-such-branch', date: '2022-05-03' },
];
// And a record with an impossible date: a problem the shard reports.
const invalid = { id: 'bad-1', type: 'theme-day', organization: 'br-office', date: '2022-02-30' };
const whole = snapshotOf([...records, ...odd, invalid]);
type Editable = Record<string, unknown> & { -readonly [K in keyof PartialState]: PartialState[K] };
/** A copy of the engine's partial state with one thing changed. */
const edited = (edit: (p: Editable) => void, base: PartialState = whole): Editable => {
  const copy = structuredClone(base) as Editable;
  edit(copy);
  return copy;
};

describe('the partial state JSON Schema', () => {
  it('is draft 2020-12 with closed objects and a definition for each part', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['additionalProperties']).toBe(false);
    expect(Object.keys(schema['$defs'] as Schema).sort()).toEqual(['Business', 'Digest', 'Effect', 'Encoded', 'Issue', 'Line', 'LineState', 'Record', 'Scores', 'Version']);
    // A copy each time: a caller that edits it changes nothing for the next.
    const mine = partialStateJsonSchema();
    (mine['$defs'] as Schema)['Digest'] = {};
    expect((partialStateJsonSchema()['$defs'] as Schema)['Digest']).toEqual((schema['$defs'] as Schema)['Digest']);
    expect((schema['$defs'] as Schema)['Digest']).not.toEqual({});
  });

  it('accepts what the engine writes: every part of a line, conflicts, business scores, kept records and problems', () => {
    expect(validate(whole)).toEqual([]);
    expect(whole.lines.some(([, , , l]) => l.m !== null)).toBe(true);
    for (const part of ['c', 'p', 'r', 'b', 'v'] as const) expect(whole.lines.some(([, , , l]) => l[part].length > 0), part).toBe(true);
    expect(whole.versions.some(([, digests]) => digests.length > 1)).toBe(true);
    expect(whole.versions.some(([, , effect]) => effect.key !== undefined)).toBe(true);
    expect(whole.business.length).toBeGreaterThan(0);
    expect(whole.retained.length).toBeGreaterThan(0);
    expect(whole.issues.map((i) => i.code)).toEqual(['invalid-date']);
    expect(validate(snapshotOf([]))).toEqual([]);
  });

  it('says what is wrong, with its path', () => {
    const problems = (edit: (p: Editable) => void): string[] => validate(edited(edit));
    expect(problems((p) => Object.assign(p, { format: 'zerenzhi-partial/1' }))).toEqual(['$.format: expected "zerenzhi-partial/2"']);
    expect(problems((p) => Object.assign(p, { extra: 1 }))).toEqual(['$: unexpected property extra']);
    const digest = '^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$';
    expect(problems((p) => ((p.versions[0] as unknown as unknown[])[1] = ['abc']))).toEqual([`$.versions[0][1][0]: does not match ${digest}`]);
    // the same 32 bytes with padding bits set in the last character: absorb refuses that spelling too
    const respelt = (text: string): string => `${text.slice(0, 42)}${String.fromCharCode(text.charCodeAt(42) + 1)}=`;
    expect(problems((p) => ((p.versions[0] as PartialState['versions'][number])[1][0] = respelt(whole.versions[0]?.[1][0] as string)))).toEqual([`$.versions[0][1][0]: does not match ${digest}`]);
    // bonus points of zero or less, which no rule gives
    const bonusAt = whole.lines.findIndex(([, , , l]) => l.b.length > 0);
    for (const points of [0, -2]) {
      expect(problems((p) => (((p.lines[bonusAt] as PartialState['lines'][number])[3].b[0] as [string, number])[1] = points))).toEqual([`$.lines[${bonusAt}][3].b[0][1]: not above 0`]);
    }
    expect(problems((p) => (p.lines[0] as unknown as unknown[]).push('more'))).toEqual(['$.lines[0]: unexpected item 4']);
    expect(problems((p) => ((p.lines[0] as unknown as unknown[])[0] = 'x'))).toEqual(['$.lines[0][0]: "x" not in enum']);
    expect(problems((p) => Object.assign((p.lines[0] as unknown as unknown[])[3] as object, { d: [1.5] }))).toEqual(['$.lines[0][3].d[0]: expected integer, got number']);
    expect(problems((p) => Object.assign((p.lines[0] as unknown as unknown[])[3] as object, { m: { $x: [] } }))).toHaveLength(1);
    // A keyed counter without its key, an unkeyed one with a key.
    expect(problems((p) => ((p.versions[0] as unknown as unknown[])[2] = { counter: 'unusedType' }))).toHaveLength(1);
    expect(problems((p) => ((p.versions[0] as unknown as unknown[])[2] = { counter: null, key: 'k' }))).toHaveLength(1);
  });

  it('accepts what absorb accepts at the edges: fractions, days before 1970, issues with more keys', () => {
    const line = (p: Editable): PartialState['lines'][number][3] => {
      const found = p.lines.find(([, , , l]) => l.b.length > 0);
      if (!found) throw new Error('the example has bonus points');
      return found[3];
    };
    const cases: [string, (p: Editable) => void][] = [
      ['a business score of 0.5', (p) => ((p.business[0]?.[2][0] as [string, number])[1] = 0.5)],
      // org-awards gives 3, 2 or 1 (absorb refuses points the rule does not give, fractions included)
      ['other bonus points the rule gives', (p) => ((line(p).b[0] as [string, number])[1] = (line(p).b[0] as [string, number])[1] === 1 ? 2 : 1)],
      ['a day before 1970', (p) => ((p.lines.find(([, , , l]) => l.d.length > 0)?.[3].d as number[])[0] = -5)],
      ['an issue path with a fraction', (p) => ((p.issues[0] as unknown as { path: unknown[] }).path = [1.5])],
      ['an issue with a key of its own', (p) => Object.assign(p.issues[0] as object, { hint: 'from the exporter' })],
      [
        'three digests on one version of a record on no line (each version read once at least)',
        (p) => {
          // on no line, with no business score and not kept: a record in conflict is in none of them
          const named = new Set([...p.lines.flatMap(([, , , l]) => [...l.s, ...l.v, ...l.b.map(([id]) => id)]), ...p.business.flatMap(([, , s]) => s.map(([id]) => id)), ...p.retained.map((r) => r.id)]);
          const free = p.versions.find(([id]) => !named.has(id));
          if (!free) throw new Error('the example has a record named nowhere');
          (free[1] as string[]).push(...(p.versions.slice(1, 3).map(([, d]) => d[0]) as string[]));
          p.occurrences += 2;
        },
      ],
    ];
    for (const [what, edit] of cases) {
      const partial = edited(edit);
      expect(absorbs(partial), what).toBe(true);
      expect(validate(partial), what).toEqual([]);
    }
  });

  it('is a valid draft 2020-12 schema for a real validator in strict mode, which agrees', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const valid = ajv.compile(partialStateJsonSchema());
    expect(valid(whole), JSON.stringify(valid.errors)).toBe(true);
    expect(valid(snapshotOf([]))).toBe(true);
    expect(valid(edited((p) => Object.assign(p.issues[0] as object, { hint: 'x' })))).toBe(true);
    expect(valid(edited((p) => Object.assign(p, { format: 'zerenzhi-partial/1' })))).toBe(false);
    expect(valid(edited((p) => ((p.versions[0] as unknown as unknown[])[2] = { counter: 'unusedType' })))).toBe(false);
    expect(valid(edited((p) => (p.lines[0] as unknown as unknown[]).push('more')))).toBe(false);
  });

  it('never refuses a partial state that absorb accepts, whatever is changed or added in it', () => {
    const small = snapshotOf([...records.slice(0, 40), invalid]);
    // Every place in the partial state where a value could be put, as paths.
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(small, []);
    const valueAt = (path: (string | number)[]): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], small);
    // Half the time a value of the same kind as the one replaced (another day, another id, another
    // count), which absorb often takes: so that many changes are accepted and checked.
    const sameKind = (original: unknown): fc.Arbitrary<unknown> =>
      Number.isInteger(original)
        ? fc.integer({ min: -100_000, max: 100_000 })
        : typeof original === 'number'
          ? fc.double({ noNaN: true, noDefaultInfinity: true })
          : typeof original === 'string'
            ? fc.string()
            : typeof original === 'boolean'
              ? fc.boolean()
              : fc.jsonValue({ maxDepth: 2 });
    const change = fc
      .constantFrom(...paths.filter((p) => p.length > 0))
      .chain((path) => fc.tuple(fc.constant(path), fc.oneof(fc.jsonValue({ maxDepth: 2 }), sameKind(valueAt(path)))));
    let accepted = 0;
    fc.assert(
      fc.property(change, fc.boolean(), fc.string(), ([path, value], add, key) => {
        const copy = structuredClone(small) as unknown as Record<string | number, unknown>;
        let at: Record<string | number, unknown> = copy;
        for (const step of path.slice(0, add ? path.length : -1)) at = at[step] as Record<string | number, unknown>;
        if (!add) at[path.at(-1) as string | number] = value;
        // A key added to an object (or an item to a list): only where absorb reads no further.
        else if (Array.isArray(at)) at.push(value);
        else if (at !== null && typeof at === 'object') Object.defineProperty(at, key, { value, enumerable: true, writable: true, configurable: true });
        else return;
        if (absorbs(copy)) {
          accepted++;
          expect(validate(copy)).toEqual([]);
        }
      }),
      // About one change in sixty is accepted (a kept record changed anywhere no longer is: its
      // digest is checked): some 17 of 1,000.
      { numRuns: 1000 },
    );
    // Some changes were accepted, so the property says something (5 or fewer: about once in 3,000 runs).
    expect(accepted).toBeGreaterThan(5);
  });
});
