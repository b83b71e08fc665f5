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
const whole = snapshotOf([...records, ...odd]);

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
    const bad = snapshotOf([...records.slice(0, 50), { id: 'x', type: 'theme-day', organization: 'br-office', date: '2022-02-30' }]);
    expect(bad.issues.length).toBe(1);
    expect(validate(bad)).toEqual([]);
    expect(validate(snapshotOf([]))).toEqual([]);
  });

  it('says what is wrong, with its path', () => {
    const edited = (edit: (p: Record<string, unknown> & PartialState) => void): string[] => {
      const copy = structuredClone(whole) as Record<string, unknown> & PartialState;
      edit(copy);
      return validate(copy);
    };
    expect(edited((p) => Object.assign(p, { format: 'zerenzhi-partial/1' }))).toEqual(['$.format: expected "zerenzhi-partial/2"']);
    expect(edited((p) => Object.assign(p, { extra: 1 }))).toEqual(['$: unexpected property extra']);
    expect(edited((p) => ((p.versions[0] as unknown as unknown[])[1] = ['abc']))).toEqual(['$.versions[0][1][0]: does not match ^[A-Za-z0-9+/]{43}=$']);
    expect(edited((p) => (p.lines[0] as unknown as unknown[]).push('more'))).toEqual(['$.lines[0]: unexpected item 4']);
    expect(edited((p) => ((p.lines[0] as unknown as unknown[])[0] = 'x'))).toEqual(['$.lines[0][0]: "x" not in enum']);
    expect(edited((p) => Object.assign((p.lines[0] as unknown as unknown[])[3] as object, { d: [1.5] }))).toEqual(['$.lines[0][3].d[0]: expected integer, got number']);
    expect(edited((p) => Object.assign((p.lines[0] as unknown as unknown[])[3] as object, { m: { $x: [] } }))).toHaveLength(1);
    // A keyed counter without its key, an unkeyed one with a key.
    expect(edited((p) => ((p.versions[0] as unknown as unknown[])[2] = { counter: 'unusedType' }))).toHaveLength(1);
    expect(edited((p) => ((p.versions[0] as unknown as unknown[])[2] = { counter: null, key: 'k' }))).toHaveLength(1);
  });

  it('never refuses a partial state that absorb accepts, whatever is changed in it', () => {
    const small = snapshotOf(records.slice(0, 40));
    // Every place in the partial state where a value could be put, as paths.
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(small, []);
    let accepted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const copy = structuredClone(small) as unknown as Record<string | number, unknown>;
        let at: Record<string | number, unknown> = copy;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
        at[path.at(-1) as string | number] = value;
        if (absorbs(copy)) {
          accepted++;
          expect(validate(copy)).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
    // Some changes were accepted, so the property says something.
    expect(accepted).toBeGreaterThan(10);
  });
});
