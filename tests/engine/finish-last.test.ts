import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../src/engine/assess.js';
import { parseGraph } from '../../src/index.js';

// The one-shot entry points (assess, assessStream, assessParallel) finish their own session for
// the last time, letting go of the per-record state while the results are built. The result must
// be the one an ordinary finish gives, and the session must take nothing afterwards.
const dir = new URL('../../examples/bureau-2022/', import.meta.url);
const graph = parseGraph(JSON.parse(readFileSync(new URL('graph.json', dir), 'utf8')));
const rules = JSON.parse(readFileSync(new URL('rules.json', dir), 'utf8')) as unknown;
const records = readFileSync(new URL('records.ndjson', dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);

function filled() {
  const internals = openSession({ graph, rules });
  for (const r of records) internals.session.add(r);
  return internals;
}

describe('finishLast', () => {
  it('gives the result an ordinary finish gives, byte for byte, retained records included', () => {
    const ordinary = filled().session.finish();
    const last = filled().finishLast();
    expect(JSON.stringify(last.result)).toBe(JSON.stringify(ordinary.result));
    expect(last.retained.map((r) => r.id)).toEqual(ordinary.retained.map((r) => r.id));
    expect(last.result.organizations.length).toBeGreaterThan(0);
  });

  it('an ordinary finish can be repeated, and records added after it count', () => {
    const { session } = filled();
    const first = JSON.stringify(session.finish().result);
    expect(JSON.stringify(session.finish().result)).toBe(first);
    session.add({ id: 'late-1', type: 'theme-day', organization: 'br-office', date: '2022-12-20' });
    expect(session.finish().result.evidence.received).toBe(JSON.parse(first).evidence.received + 1);
  });

  it('after finishLast the session takes nothing more', () => {
    const internals = filled();
    internals.finishLast();
    const refused = /finished for the last time/;
    expect(() => internals.session.add(records[0])).toThrow(refused);
    expect(() => internals.session.finish()).toThrow(refused);
    expect(() => internals.session.snapshot()).toThrow(refused);
    expect(() => internals.finishLast()).toThrow(refused);
    expect(() => internals.pack()).toThrow(refused);
    expect(() => internals.session.absorb(filled().session.snapshot())).toThrow(refused);
    expect(() => internals.absorbPacked(filled().pack())).toThrow(refused);
  });

  it('packLast packs what pack packs, then takes nothing more', () => {
    const internals = filled();
    const packed = internals.packLast();
    const reference = filled().pack();
    // The same state: merged into a fresh session, each finishes as the session packed would.
    const [a, b] = [openSession({ graph, rules }), openSession({ graph, rules })];
    a.absorbPacked(packed);
    b.absorbPacked(reference);
    expect(JSON.stringify(a.finishLast().result)).toBe(JSON.stringify(b.finishLast().result));
    expect(packed.ids.length).toBeGreaterThan(0);
    const refused = /finished for the last time/;
    expect(() => internals.session.add(records[0])).toThrow(refused);
    expect(() => internals.pack()).toThrow(refused);
    expect(() => internals.packLast()).toThrow(refused);
    expect(() => internals.finishLast()).toThrow(refused);
  });

  it('a run refused for its invalid records lets nothing go', () => {
    const internals = filled();
    internals.session.add({ id: 'bad', type: 'theme-day', organization: 'br-office', date: '2022-02-30' });
    expect(() => internals.finishLast()).toThrow(/2022-02-30/);
    // the refusal closed nothing: the state is all there
    expect(internals.session.snapshot().versions.length).toBeGreaterThan(0);
  });
});
