import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, jsonChunks, openAssessment, parseGraph, readPartialState, ValidationError, withFindings, type AssessmentResult } from '../../src/index.js';
import { utf8 } from '../evidence/helpers.js';

// The multi-machine route of docs/scale.md end to end: shards snapshot, their partial states
// written in pieces and read back piece by piece, absorbed in one session, finished with the
// findings: the same result as one pass, findings included.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = readFileSync(new URL('records.ndjson', dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);

/** Text cut into pieces of `size` characters, as a file stream would deliver it. */
function* pieces(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function viaFiles(shards: readonly (readonly unknown[])[], size: number, previous?: AssessmentResult): Promise<AssessmentResult> {
  const total = openAssessment({ graph, rules, ...(previous ? { previous } : {}) });
  for (const shard of shards) {
    const session = openAssessment({ graph, rules, ...(previous ? { previous } : {}) });
    for (const r of shard) session.add(r);
    const text = [...jsonChunks(session.snapshot(), { indent: 0 })].join('');
    total.absorb(await readPartialState(pieces(text, size), { file: 'shard.partial.json' }));
  }
  return withFindings(total.finish());
}

describe('partial states through files, with findings', () => {
  const reference = assess({ graph, rules, records });

  it('the reference has findings to compare', () => {
    expect(reference.findings.length).toBeGreaterThan(0);
  });

  it('any split, read back in any piece size, gives assess()\'s result byte for byte, findings included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: records.length, maxLength: records.length }), fc.integer({ min: 1, max: 5000 }), async (assignment, size) => {
        const shards: unknown[][] = [[], [], []];
        records.forEach((r, i) => shards[assignment[i] as number]?.push(r));
        expect(JSON.stringify(await viaFiles(shards, size))).toBe(JSON.stringify(reference));
      }),
      { numRuns: 15 },
    );
  });

  it('judges repeat findings against the previous result the session was opened with', async () => {
    // Last period's result: this one again, labelled 2021's (a previous result must be of an
    // earlier period), so every finding is a repeat.
    const previous = { ...reference, period: { ...reference.period, start: '2021-01-01', end: '2021-12-31', label: '2021年度' } };
    const withPrevious = assess({ graph, rules, records, previous });
    const half = Math.floor(records.length / 2);
    const merged = await viaFiles([records.slice(0, half), records.slice(half)], 4096, previous);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(withPrevious));
    // The previous result changes the findings, so this checks that it reached them.
    expect(JSON.stringify(withPrevious.findings)).not.toBe(JSON.stringify(reference.findings));
  });

  it('a partial state cut short is a ValidationError placed at the end of the text; nothing is merged', async () => {
    const session = openAssessment({ graph, rules });
    for (const r of records) session.add(r);
    const text = JSON.stringify(session.snapshot(), null, 2);
    const cutShort = text.slice(0, Math.floor(text.length / 2));
    const error = await readPartialState(utf8(cutShort), { file: 'north.partial.json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const [issue] = (error as ValidationError).issues;
    expect((error as ValidationError).subject).toBe('partial');
    expect(issue).toMatchObject({ code: 'invalid-json', file: 'north.partial.json', line: cutShort.split('\n').length });
  });

  it('a partial state that reads but is not one is refused by absorb with its paths', async () => {
    const total = openAssessment({ graph, rules });
    const partial = await readPartialState('{"format":"zerenzhi-partial/2","versions":[["r1"]]}');
    expect(() => total.absorb(partial)).toThrow(ValidationError);
  });
});
