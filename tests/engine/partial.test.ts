import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/core/calendar.js';
import { openAssessment, parseGraph, ValidationError, type PartialState } from '../../src/index.js';
import { graphInput, ind, rec, ruleSet, thrown } from './assess/helpers.js';

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

  it('withdraws many conflicts across shards from every line, score and kept record, as one pass does', () => {
    // Any number of records get a second version (a changed title) in any shard: a line is
    // searched from its records or from the conflicting ids, whichever are fewer, so both ways
    // are taken here (a few conflicts, then more than most lines hold).
    // Each second version goes to another shard than the first, so that the merge finds it.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: records.length - 1 }), { maxLength: 300 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: records.length, maxLength: records.length }),
        fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 300, maxLength: 300 }),
        (revised, assignment, away) => {
          const shards: unknown[][] = [[], [], []];
          records.forEach((r, i) => shards[assignment[i] as number]?.push(r));
          const second = revised.map((i) => ({ ...records[i], title: `修订 ${i}` }));
          second.forEach((r, k) => shards[((assignment[revised[k] as number] as number) + (away[k] as number)) % 3]?.push(r));
          expect(merged(shards.map(shard))).toBe(onePass([...records, ...second]));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('withdraws a bonus and a veto whose records conflict across shards', () => {
    // The award (bonus) and disciplinary case (veto) records are held by lines that saw nothing
    // else of them; twenty more conflicts make the lines the smaller side.
    const revised = records.filter((r) => r['type'] === 'award' || r['type'] === 'disciplinary-case');
    expect(revised).toHaveLength(3);
    for (const more of [[], records.slice(0, 20)]) {
      const second = [...revised, ...more].map((r) => ({ ...r, title: '修订' }));
      const result = merged([shard(records), shard(second)]);
      expect(result).toBe(onePass([...records, ...second]));
      // r-2022-0096 has two versions in the file already.
      expect(JSON.parse(result).evidence.conflicts).toBe(1 + 3 + more.length);
    }
    // More awards and cases on the same lines than there are conflicts: the ids are looked up
    // among the lines' records.
    const extra = [...revised, ...revised].map((r, i) => ({ ...r, id: `extra-${i}` }));
    const second = revised.map((r) => ({ ...r, title: '修订' }));
    expect(merged([shard([...records, ...extra]), shard(second)])).toBe(onePass([...records, ...extra, ...second]));
  });

  it('records taken, partial states merged, snapshots and finishes taken between them in any order give the one-pass result', () => {
    // A merge leaves its conflicts and statistics to be settled before anything reads them: a
    // record taken, a snapshot or a finish in between must see the state settled, or not need it.
    type Step = 'add' | 'absorb' | 'snapshot' | 'finish';
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: records.length - 1 }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: records.length + 60, maxLength: records.length + 60 }),
        fc.array(fc.constantFrom<Step>('add', 'absorb', 'snapshot', 'finish'), { minLength: 8, maxLength: 8 }),
        (revised, assignment, steps) => {
          const items = [...records, ...revised.map((i) => ({ ...records[i], title: `修订 ${i}` }))];
          const groups: unknown[][] = [[], [], [], []];
          items.forEach((r, i) => groups[assignment[i] as number]?.push(r));
          const session = openAssessment({ graph, rules });
          let next = 0;
          let relay: PartialState | undefined;
          for (const step of steps) {
            if (step === 'snapshot') relay = JSON.parse(JSON.stringify(session.snapshot())) as PartialState;
            else if (step === 'finish') session.finish();
            else if (next < groups.length) {
              const group = groups[next++] as unknown[];
              if (step === 'add') for (const r of group) session.add(r);
              else session.absorb(shard(group));
            }
          }
          for (const group of groups.slice(next)) session.absorb(shard(group));
          const expected = onePass(items);
          expect(JSON.stringify(session.finish().result)).toBe(expected);
          // A snapshot taken after merges carries them, settled: merged again alone, it gives
          // what the session had then.
          if (relay) {
            const again = openAssessment({ graph, rules });
            again.absorb(relay);
            const before = JSON.stringify(again.snapshot());
            expect(JSON.stringify(relay)).toBe(before);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('withdraws a merged record when a record taken after the merge conflicts with it, settled or not', () => {
    // Where a merged version went is not known: the lines are searched when the session is
    // settled, for every such id at once. A finish in between settles the merge first.
    const second = records.slice(0, 40).map((r) => ({ ...r, title: '修订' }));
    const expected = onePass([...records, ...second]);
    for (const finishFirst of [false, true]) {
      const session = openAssessment({ graph, rules });
      session.absorb(shard(records));
      if (finishFirst) session.finish();
      for (const r of second) session.add(r);
      expect(JSON.stringify(session.finish().result)).toBe(expected);
    }
  });

  it('takes a version listing one digest twice as one version, not a conflict', () => {
    // The engine never writes it; a hand-edited file may. The id must not be withdrawn.
    const partial = shard(records);
    const edited = JSON.parse(JSON.stringify(partial)) as PartialState;
    const entry = edited.versions.find(([, digests]) => digests.length === 1) as PartialState['versions'][number];
    entry[1].push(entry[1][0] as string);
    expect(merged([edited])).toBe(merged([partial]));
    expect(merged([edited])).toBe(reference);
  });

  it('is never read unsettled: snapshot and pack settle first, and the low-level writers refuse', async () => {
    const { newAccumulation } = await import('../../src/engine/accumulate.js');
    const { snapshotAccumulation, endMerge } = await import('../../src/engine/partial.js');
    const { packAccumulation } = await import('../../src/engine/packed.js');
    const acc = newAccumulation();
    const extra = { issues: [], issueCount: 0, skipped: 0, overLimit: 0, stops: [] };
    expect(snapshotAccumulation(acc, 'b', extra).occurrences).toBe(0);
    endMerge(acc, 3);
    const refused = 'zerenzhi: internal error: a merged accumulation was read before it was settled';
    expect(() => snapshotAccumulation(acc, 'b', extra)).toThrow(refused);
    expect(() => packAccumulation(acc, extra)).toThrow(refused);
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

  it('refuses a partial state of the first format (records seen without their days)', () => {
    const session = openAssessment({ graph, rules });
    const current = session.snapshot();
    const first = { ...current, format: 'zerenzhi-partial/1' } as unknown as PartialState;
    try {
      session.absorb(first);
      expect.unreachable('a partial state of the first format was absorbed');
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => [i.code, i.path, i.params])).toEqual([
        ['partial-format', ['partial', 'format'], { format: 'zerenzhi-partial/1', expected: 'zerenzhi-partial/2' }],
      ]);
    }
  });

  it("writes each line's records seen with their days, and keeps no state for a count, window or cadence measure", () => {
    // a cadence and a count line of b1, and a rating line (a measure with a state of its own) of p1
    const small = parseGraph(graphInput());
    const sheet = ruleSet([
      ind({ id: 'meet', points: 12, measure: { type: 'cadence', recordTypes: ['meeting'], every: 'month' }, scoring: { method: 'proportional' } }),
      ind({ id: 'topic', points: 4, measure: { type: 'count', recordTypes: ['topic'], atLeast: 2 }, scoring: { method: 'proportional' } }),
    ]);
    const session = openAssessment({ graph: small, rules: sheet });
    for (const r of [rec('m2', 'meeting', 'b1', '2022-02-10'), rec('m1', 'meeting', 'b1', '2022-01-10'), rec('t1', 'topic', 'b1', '2022-03-01'), rec('t2', 'topic', 'b1', '2022-04-01', { status: 'pending' })]) session.add(r);
    const lines = JSON.parse(JSON.stringify(session.snapshot().lines)) as [string, string, string, { m: unknown; c: string[]; s: string[]; d: number[]; p: string[] }][];
    const day = (date: string): number => parseCalendarDate(date) as number;
    expect(lines.map(([type, subject, indicator, l]) => [type, subject, indicator, l.m, l.c, l.s, l.d, l.p])).toEqual([
      ['o', 'b1', 'meet', null, ['m1', 'm2'], ['m1', 'm2'], [day('2022-01-10'), day('2022-02-10')], []],
      ['o', 'b1', 'topic', null, ['t1'], ['t1', 't2'], [day('2022-03-01'), day('2022-04-01')], ['t2']],
    ]);
    // merged into a fresh session, the days give the cadence back: January and February met
    const fresh = openAssessment({ graph: small, rules: sheet });
    fresh.absorb(JSON.parse(JSON.stringify(session.snapshot())) as PartialState);
    const b1 = fresh.finish().result.organizations.find((o) => o.id === 'b1');
    expect(b1?.lines.find((l) => l.indicator === 'meet')).toMatchObject({ value: 2, target: 12, shortfalls: 10, records: { counted: 2 } });
    expect(b1?.lines.find((l) => l.indicator === 'topic')).toMatchObject({ value: 1, shortfalls: 1, records: { counted: 1, pending: 1 } });
  });

  it("stops on records a shard left unread past its cap, naming that cap only for the session's own records", () => {
    // A partial state records how many records came past its shard's cap, not the cap: the
    // merging session's own cap says nothing of them (it read none of those records).
    const small = parseGraph(graphInput());
    const sheet = ruleSet([ind({ id: 'meet', points: 12, measure: { type: 'cadence', recordTypes: ['meeting'], every: 'month' }, scoring: { method: 'proportional' } })]);
    const capped = openAssessment({ graph: small, rules: sheet, maxRecords: 1 });
    capped.add(rec('m1', 'meeting', 'b1', '2022-01-10'));
    expect(capped.add(rec('m2', 'meeting', 'b1', '2022-02-10'))).toBe(false);
    const partial = JSON.parse(JSON.stringify(capped.snapshot())) as PartialState;
    expect(partial.overLimit).toBe(1);
    for (const cap of [undefined, 5]) {
      const receiver = openAssessment({ graph: small, rules: sheet, ...(cap === undefined ? {} : { maxRecords: cap }) });
      receiver.absorb(partial);
      const error = thrown(() => receiver.finish());
      expect([error.subject, error.issues.map((i) => [i.code, i.path, i.params])]).toEqual(['records', [['partial-over-limit', ['partial', 'overLimit'], { count: 1 }]]]);
      expect(error.issues[0]?.message).not.toMatch(/500000000|\b5\b/);
    }
    // its own records past its own cap as well: both, its own with its cap
    const both = openAssessment({ graph: small, rules: sheet, maxRecords: 1, lang: 'en' });
    both.absorb(partial);
    both.add(rec('m3', 'meeting', 'b1', '2022-03-10'));
    expect(both.add(rec('m4', 'meeting', 'b1', '2022-04-10'))).toBe(false);
    expect(thrown(() => both.finish()).issues.map((i) => [i.code, i.params])).toEqual([
      ['limit-exceeded', { what: 'records', limit: 1, actual: '>1' }],
      ['partial-over-limit', { count: 1 }],
    ]);
    // a snapshot of the merge carries every record left unread, whichever session left it
    const relay = openAssessment({ graph: small, rules: sheet });
    relay.absorb(JSON.parse(JSON.stringify(both.snapshot())) as PartialState);
    expect(thrown(() => relay.finish()).issues.map((i) => [i.code, i.params])).toEqual([['partial-over-limit', { count: 2 }]]);
  });

  it('keeps invalid-record problems from every shard', () => {
    const bad = { id: 'x', type: 'theme-day', organization: 'br-office', date: '2022-02-30' };
    const session = openAssessment({ graph, rules });
    session.absorb(shard([bad]));
    session.absorb(shard(records));
    expect(() => session.finish()).toThrow(/2022-02-30/);
  });
});

describe("a shard's problems in the merging session's language", () => {
  const bad = [
    { id: 'bad-1', type: 'theme-day', organization: 'br-office', date: '2022-02-30' },
    { id: 'bad-2', type: 'theme-day', date: '2022-03-01' },
  ];
  function shardIssues(lang: 'zh' | 'en'): PartialState['issues'] {
    const session = openAssessment({ graph, rules, lang, invalidRecords: 'skip' });
    for (const r of [...records.slice(0, 20), ...bad]) session.add(r);
    return session.snapshot().issues;
  }

  it('are said again in its language, with their codes, paths and values as they were', () => {
    const zh = shardIssues('zh');
    const en = shardIssues('en');
    expect(zh.length).toBeGreaterThanOrEqual(2);
    expect(zh.map((i) => i.message)).not.toEqual(en.map((i) => i.message));
    for (const [lang, expected] of [['en', en], ['zh', zh]] as const) {
      const session = openAssessment({ graph, rules, lang, invalidRecords: 'skip' });
      const shard = openAssessment({ graph, rules, lang: 'zh', invalidRecords: 'skip' });
      for (const r of [...records.slice(0, 20), ...bad]) shard.add(r);
      session.absorb(JSON.parse(JSON.stringify(shard.snapshot())) as PartialState);
      expect(session.snapshot().issues, lang).toEqual(expected);
    }
  });

  it('keep the message of a code this engine does not know', () => {
    const session = openAssessment({ graph, rules, invalidRecords: 'skip' });
    const shard = openAssessment({ graph, rules, lang: 'en', invalidRecords: 'skip' });
    shard.add(bad[0]);
    const partial = JSON.parse(JSON.stringify(shard.snapshot())) as { issues: { code: string; message: string }[] };
    Object.assign(partial.issues[0] as object, { code: 'from-elsewhere', message: 'as the exporter said it' });
    session.absorb(partial as unknown as PartialState);
    expect(session.snapshot().issues.map((i) => [i.code, i.message])).toEqual([['from-elsewhere', 'as the exporter said it']]);
  });

  it('keep the message of a known code whose values lack one it names, rather than say "undefined"', () => {
    const session = openAssessment({ graph, rules, invalidRecords: 'skip' });
    const shard = openAssessment({ graph, rules, lang: 'en', invalidRecords: 'skip' });
    shard.add(bad[0]);
    const partial = JSON.parse(JSON.stringify(shard.snapshot())) as { issues: { code: string; params: object; message: string }[] };
    const issue = partial.issues[0] as { code: string; params: object; message: string };
    expect(issue.code).toBe('invalid-date');
    Object.assign(issue, { params: { other: 1 }, message: 'as the exporter said it' });
    session.absorb(partial as unknown as PartialState);
    const [kept] = session.snapshot().issues;
    expect([kept?.code, kept?.params, kept?.message]).toEqual(['invalid-date', { other: 1 }, 'as the exporter said it']);
    // With its value, the same issue is said again in the session's language.
    const whole = openAssessment({ graph, rules, invalidRecords: 'skip' });
    Object.assign(issue, { params: { value: '2022-02-30' } });
    whole.absorb(partial as unknown as PartialState);
    expect(whole.snapshot().issues[0]?.message).toMatch(/^日期「2022-02-30」无效/);
  });
});
