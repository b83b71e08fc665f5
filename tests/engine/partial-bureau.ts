// The bureau example's partial state, and what absorbing an edited copy of it gives: shared by the
// tests of what absorb refuses (partial-consistency, partial-records). Not a test file itself.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { openAssessment, parseGraph, ValidationError, type Issue, type PartialState } from '../../src/index.js';

const dir = new URL('../../examples/bureau-2022/', import.meta.url);
export const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
export const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as {
  indicators: { id: string; measure?: { type: string }; veto?: unknown; bonus?: unknown }[];
};
export const records = readFileSync(new URL('records.ndjson', dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

/** A partial state that may be edited in place. */
export type Editable = { -readonly [K in keyof PartialState]: PartialState[K] };

/** The JSON of the snapshot of a session over these records. */
export function snapshotOf(items: readonly unknown[]): string {
  const session = openAssessment({ graph, rules });
  for (const r of items) session.add(r);
  return JSON.stringify(session.snapshot());
}

/** The snapshot of the whole example, as JSON. */
export const whole = snapshotOf(records);

/** A copy of a snapshot (the whole example's by default), edited. */
export const edited = (edit: (p: Editable) => void, base = whole): Editable => {
  const p = JSON.parse(base) as Editable;
  edit(p);
  return p;
};

/** The problems absorbing the state gives (in `lang`), in a fresh session whose snapshot must not change. */
export function refused(partial: unknown, lang: 'zh' | 'en' = 'en'): Issue[] {
  const session = openAssessment({ graph, rules, lang });
  const before = JSON.stringify(session.snapshot());
  try {
    session.absorb(partial as PartialState);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).subject).toBe('partial');
    expect(JSON.stringify(session.snapshot())).toBe(before);
    for (const issue of (error as ValidationError).issues) expect(issue.message).not.toMatch(/undefined|NaN/);
    return [...(error as ValidationError).issues];
  }
  throw new Error('absorbed');
}
