// Determinism: the same inputs give byte-identical JSON whatever the record order or the time
// zone; inputs are never mutated; results survive a JSON round trip; the fingerprint follows
// the inputs and nothing else.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, assessStream, readNdjson, readNdjsonSync, type AssessmentResult, type RecordInput } from '../../../src/index.js';
import { bureau, bureauRecords, graphInput, ind, orgLadder, ruleSet, type IndicatorInput } from './helpers.js';

const execFileAsync = promisify(execFile);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function shuffledCopies<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

const BUREAU = bureau();
const BUREAU_RECORDS = bureauRecords();
const assessBureau = (records: readonly unknown[], extra: { asOf?: string } = {}): AssessmentResult =>
  assess({ graph: BUREAU.graph, rules: BUREAU.rules, records, ...extra });
const BASELINE = assessBureau(BUREAU_RECORDS);
const BASELINE_TEXT = JSON.stringify(BASELINE);

describe('record order does not matter', () => {
  it('the bureau: 20 shuffles give byte-identical JSON', () => {
    fc.assert(
      fc.property(shuffledCopies(BUREAU_RECORDS), (records) => {
        expect(JSON.stringify(assessBureau(records))).toBe(BASELINE_TEXT);
      }),
      { numRuns: 20 },
    );
  });

  it('the bureau mid-year (asOf): shuffled and reversed agree', () => {
    const asOf = '2022-06-30';
    const text = JSON.stringify(assessBureau(BUREAU_RECORDS, { asOf }));
    expect(JSON.stringify(assessBureau([...BUREAU_RECORDS].reverse(), { asOf }))).toBe(text);
    fc.assert(
      fc.property(shuffledCopies(BUREAU_RECORDS), (records) => {
        expect(JSON.stringify(assessBureau(records, { asOf }))).toBe(text);
      }),
      { numRuns: 3 },
    );
  });

  it('reader items with line numbers give the same result as plain objects', () => {
    expect(JSON.stringify(assess({ graph: BUREAU.graph, rules: BUREAU.rules, records: readNdjsonSync(BUREAU.recordsText) }))).toBe(BASELINE_TEXT);
  });

  it('assessStream over the file in small chunks gives the same result', async () => {
    const bytes = Buffer.from(BUREAU.recordsText, 'utf8');
    async function* chunks(): AsyncGenerator<Uint8Array> {
      // 997-byte chunks split lines and multi-byte characters
      for (let i = 0; i < bytes.length; i += 997) yield bytes.subarray(i, i + 997);
    }
    const streamed = await assessStream({ graph: BUREAU.graph, rules: BUREAU.rules, records: readNdjson(chunks()) });
    expect(JSON.stringify(streamed)).toBe(BASELINE_TEXT);
  });

  // A small scenario over the small graph, with every kind of measure, bonus, veto, roll-up and
  // quota, and ids drawn from a small pool so that duplicates and conflicting versions occur.
  const SCENARIO_SHEET: IndicatorInput[] = [
    ind({ id: 'count', points: 10, measure: { type: 'count', recordTypes: ['a'], atLeast: 3 }, scoring: { method: 'deduct', perShortfall: 2 } }),
    ind({ id: 'cadence', points: 20, measure: { type: 'cadence', recordTypes: ['b'], every: 'quarter' }, scoring: { method: 'deduct', perShortfall: 2.5 } }),
    ind({ id: 'deadline', points: 10, measure: { type: 'deadline', recordTypes: ['task'], openWeight: 2 }, scoring: { method: 'deduct', perShortfall: 1.5 } }),
    ind({
      id: 'ratio',
      points: 10,
      measure: { type: 'ratio', recordTypes: ['b'], numerator: 'n', denominator: 'd', atLeast: 0.9 },
      scoring: { method: 'proportional' },
    }),
    ind({ id: 'window', points: 10, measure: { type: 'window', recordTypes: ['a'], from: '2022-06-01', to: '2022-07-31' }, scoring: { method: 'all-or-nothing' } }),
    ind({
      id: 'rating',
      points: 30,
      measure: { type: 'rating', recordTypes: ['rate'], aggregate: 'trimmed-mean', scale: 100 },
      scoring: { method: 'steps', on: 'ratio', steps: [{ atLeast: 0.9, points: 30 }, { atLeast: 0.7, points: 20 }, { atLeast: 0.3, points: 7.3 }] },
    }),
    ind({ id: 'where', points: 10, measure: { type: 'count', recordTypes: ['a'], atLeast: 1, where: { k: ['x', 'y'] }, requireAttributes: ['m'] }, scoring: { method: 'proportional' } }),
    ind({ id: 'bonus', bonus: { recordTypes: ['award'], each: 0.7, cap: 2.1 } }),
    ind({ id: 'veto', veto: { recordTypes: ['case'], where: { k: 'x' } } }),
    ind({
      id: 'sup',
      appliesTo: { organizations: ['committee'] },
      points: 100,
      measure: { type: 'roll-up', from: [{ source: 'children', weight: 2 }, { source: 'subtree', weight: 1, of: ['count', 'ratio'] }] },
      scoring: { method: 'proportional' },
    }),
    ind({
      id: 'sec',
      appliesTo: { posts: ['secretary'] },
      points: 100,
      measure: { type: 'roll-up', from: [{ source: 'led-organizations', weight: 1 }] },
      scoring: { method: 'proportional' },
    }),
  ];
  const SCENARIO_RULES = ruleSet(SCENARIO_SHEET, {
    bonusCap: 1.9,
    ladders: [orgLadder(), { id: 'sec', title: '书记', appliesTo: { posts: ['secretary'] }, grades: orgLadder().grades }],
    quotas: [{ ladder: 'org', grade: 'good', maxShare: 0.34 }],
    composite: { partyWeight: 0.7, businessWeight: 0.3 },
  });

  const day = fc.integer({ min: 0, max: 400 }).map((n) => {
    const d = new Date(Date.UTC(2021, 11, 1) + n * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
  const recordArb: fc.Arbitrary<RecordInput> = fc
    .record({
      id: fc.integer({ min: 1, max: 25 }).map((n) => `r${n}`),
      type: fc.constantFrom('a', 'b', 'task', 'rate', 'award', 'case', 'business-score', 'stray'),
      organization: fc.constantFrom('cm', 'b1', 'b2', 'g1', 'b9'),
      date: day,
      due: fc.option(day, { nil: undefined }),
      completed: fc.option(day, { nil: undefined }),
      status: fc.constantFrom('approved', 'approved', 'approved', 'pending', 'rejected'),
      attributes: fc.record({
        n: fc.integer({ min: 0, max: 12 }),
        d: fc.integer({ min: 0, max: 10 }),
        k: fc.constantFrom('x', 'y', 'z'),
        m: fc.constantFrom('', 'minutes.pdf'),
        score: fc.double({ min: 0, max: 100, noNaN: true }),
        rater: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
      }),
    })
    .map(({ due, completed, ...rest }) => ({ ...rest, ...(due !== undefined ? { due } : {}), ...(completed !== undefined ? { completed } : {}) }));

  it('a generated scenario: any order of the same records gives byte-identical JSON', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 60 }).chain((records) => fc.tuple(fc.constant(records), shuffledCopies(records))),
        ([records, shuffled]) => {
          const one = JSON.stringify(assess({ graph: graphInput(), rules: SCENARIO_RULES, records }));
          const two = JSON.stringify(assess({ graph: graphInput(), rules: SCENARIO_RULES, records: shuffled }));
          expect(two).toBe(one);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('inputs are not mutated', () => {
  it('deep-frozen graph, rules and records assess the same as fresh ones', () => {
    const graph = deepFreeze(structuredClone(BUREAU.graph));
    const rules = deepFreeze(structuredClone(BUREAU.rules));
    const records = deepFreeze(bureauRecords());
    expect(JSON.stringify(assess({ graph, rules, records }))).toBe(BASELINE_TEXT);
  });

  it('structuredClone snapshots taken before the run equal the inputs after it', () => {
    const graph = structuredClone(BUREAU.graph);
    const rules = structuredClone(BUREAU.rules);
    const records = bureauRecords();
    const before = structuredClone({ graph, rules, records });
    assess({ graph, rules, records, asOf: '2022-09-30' });
    expect({ graph, rules, records }).toStrictEqual(before);
  });
});

describe('results are plain data', () => {
  it('a JSON round trip gives back the same result (no undefined, NaN, Infinity, Map or class)', () => {
    expect(JSON.parse(BASELINE_TEXT)).toStrictEqual(BASELINE);
    const mid = assessBureau(BUREAU_RECORDS, { asOf: '2022-06-30' });
    expect(JSON.parse(JSON.stringify(mid))).toStrictEqual(mid);
  });
});

describe('the fingerprint', () => {
  const fingerprint = BASELINE.fingerprint;

  it('is a sha256', () => {
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('does not change when records are reordered or a verbatim duplicate is added', () => {
    expect(assessBureau([...BUREAU_RECORDS].reverse()).fingerprint).toBe(fingerprint);
    const first = BUREAU_RECORDS[0] as Record<string, unknown>;
    expect(assessBureau([...BUREAU_RECORDS, structuredClone(first)]).fingerprint).toBe(fingerprint);
  });

  it('changes when one record changes', () => {
    const changed = BUREAU_RECORDS.map((r, i) => (i === 10 ? { ...r, title: `${String(r['title'])}（修订）` } : r));
    expect(assessBureau(changed).fingerprint).not.toBe(fingerprint);
    const redated = BUREAU_RECORDS.map((r, i) => (i === 10 ? { ...r, date: '2022-01-05' } : r));
    expect(assessBureau(redated).fingerprint).not.toBe(fingerprint);
  });

  it('changes when a record is dropped, or asOf, or the language changes', () => {
    expect(assessBureau(BUREAU_RECORDS.slice(1)).fingerprint).not.toBe(fingerprint);
    expect(assessBureau(BUREAU_RECORDS, { asOf: '2022-12-31' }).fingerprint).not.toBe(fingerprint);
    expect(assess({ graph: BUREAU.graph, rules: BUREAU.rules, records: BUREAU_RECORDS, lang: 'en' }).fingerprint).not.toBe(fingerprint);
  });
});

describe('time zones', () => {
  const script = fileURLToPath(new URL('./fixtures/bureau-json.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const runIn = async (tz: string): Promise<string> =>
    (await execFileAsync(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env, TZ: tz }, maxBuffer: 64 * 1024 * 1024 })).stdout;

  it('UTC, Asia/Shanghai and America/Los_Angeles give byte-identical results', async () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
    const outputs = await Promise.all(zones.map(runIn));
    const parsed = outputs.map((o) => JSON.parse(o) as { zone: string; offset: number; full: unknown; midYear: unknown });
    // the child processes really ran in three zones
    expect(parsed.map((p) => p.offset)).toEqual([0, -480, 480]);
    const texts = parsed.map((p) => JSON.stringify({ full: p.full, midYear: p.midYear }));
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    // and the same as in this process
    expect(JSON.stringify(parsed[0]?.full)).toBe(BASELINE_TEXT);
  }, 30_000);
});
