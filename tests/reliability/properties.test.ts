// Properties of the whole pipeline over generated scenarios (a valid graph, a valid rule set,
// records of every kind): bounds, order independence, duplicates, monotonicity, no mutation,
// JSON round trips. numRuns is kept moderate so that the file runs in a few seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assess,
  formatCalendarDate,
  parseCalendarDate,
  parseGraph,
  parseRuleSet,
  resolvePeriod,
  toGraphInput,
  type AssessmentResult,
  type GraphInput,
  type RecordInput,
  type RuleSetInput,
} from '../../src/index.js';
import { graphArb, scenarioArb } from './arbitraries.js';
import { deepCopy, firstDifference, installGuards } from './helpers.js';

installGuards();

const RUNS = { numRuns: 150 } as const;

interface Scenario {
  readonly graph: GraphInput;
  readonly rules: RuleSetInput;
  readonly records: RecordInput[];
  readonly asOf?: string | undefined;
}

function run(s: Scenario, records: readonly unknown[] = s.records): AssessmentResult {
  return assess({ graph: s.graph, rules: s.rules, records, ...(s.asOf === undefined ? {} : { asOf: s.asOf }) });
}

const subjectsOf = (r: AssessmentResult) => [...r.organizations, ...r.people];

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const key of Object.keys(v)) stack.push(Object.getOwnPropertyDescriptor(v, key)?.value);
  }
  return value;
}

describe('generated scenarios', () => {
  it('every line scores within [0, max], max within the indicator points, bonus within its cap', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = run(s);
        const byId = new Map(s.rules.indicators.map((i) => [i.id, i]));
        for (const subject of subjectsOf(result)) {
          for (const line of subject.lines) {
            const indicator = byId.get(line.indicator);
            expect(indicator, line.indicator).toBeDefined();
            expect(line.points, `${subject.id}/${line.indicator} points`).toBeGreaterThanOrEqual(0);
            expect(line.points, `${subject.id}/${line.indicator} points`).toBeLessThanOrEqual(line.max);
            expect(line.max).toBeLessThanOrEqual(indicator?.points ?? 0);
            expect(line.bonus).toBeGreaterThanOrEqual(0);
            expect(line.bonus).toBeLessThanOrEqual(indicator?.bonus?.cap ?? 0);
          }
        }
      }),
      RUNS,
    );
  });

  it("each subject's total is within [0, scale + bonusCap] (the sum of the caps when there is no bonusCap)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = run(s);
        const scale = s.rules.scale ?? 100;
        const caps = s.rules.indicators.reduce((sum, i) => sum + (i.bonus?.cap ?? 0), 0);
        const bonusCap = Math.min(s.rules.bonusCap ?? Number.POSITIVE_INFINITY, caps);
        for (const subject of subjectsOf(result)) {
          expect(Number.isFinite(subject.total)).toBe(true);
          expect(subject.total, subject.id).toBeGreaterThanOrEqual(0);
          expect(subject.total, subject.id).toBeLessThanOrEqual(scale + bonusCap + 1e-9);
          expect(subject.scaled).toBeLessThanOrEqual(scale + 1e-9);
          expect(subject.bonus).toBeLessThanOrEqual(bonusCap + 1e-9);
        }
      }),
      RUNS,
    );
  });

  it('the order of the records does not matter: byte-identical JSON', () => {
    const withShuffle = scenarioArb.chain((s) =>
      fc.tuple(fc.constant(s), fc.shuffledSubarray(s.records, { minLength: s.records.length, maxLength: s.records.length })),
    );
    fc.assert(
      fc.property(withShuffle, ([s, shuffled]) => {
        expect(JSON.stringify(run(s, shuffled))).toBe(JSON.stringify(run(s)));
      }),
      RUNS,
    );
  });

  it('verbatim repeats of records change nothing but evidence.duplicates (and its warning)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (s, picks) => {
        fc.pre(s.records.length > 0);
        const repeats = picks.map((i) => deepCopy(s.records[i % s.records.length] as RecordInput));
        const base = run(s);
        const more = run(s, [...s.records, ...repeats]);
        expect(more.evidence.duplicates).toBe(base.evidence.duplicates + repeats.length);
        const strip = (r: AssessmentResult): string =>
          JSON.stringify({ ...r, evidence: { ...r.evidence, duplicates: 0 }, warnings: r.warnings.filter((w) => w.code !== 'warning-duplicates') });
        expect(strip(more)).toBe(strip(base));
      }),
      RUNS,
    );
  });

  it('adding a record that a count or cadence indicator reads never lowers that line', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (s, pickIndicator, pickSubject, pickType, pickDay) => {
        const rules = parseRuleSet(s.rules);
        const candidates = rules.indicators.filter((i) => i.measure?.type === 'count' || i.measure?.type === 'cadence');
        fc.pre(candidates.length > 0);
        const indicator = candidates[pickIndicator % candidates.length] as (typeof candidates)[number];
        const measure = indicator.measure as Extract<NonNullable<(typeof indicator)['measure']>, { type: 'count' | 'cadence' }>;
        const before = run(s);
        const subjects = subjectsOf(before).filter((subject) => subject.lines.some((l) => l.indicator === indicator.id));
        fc.pre(subjects.length > 0);
        const subject = subjects[pickSubject % subjects.length] as (typeof subjects)[number];
        let owner: { organization: string } | { person: string };
        if (subject.type === 'organization') owner = { organization: subject.id };
        else if ((measure.by ?? 'person') === 'person') owner = { person: subject.id };
        else {
          const posts = (subject.posts ?? []).filter((p) => p.role === 'secretary');
          fc.pre(posts.length > 0);
          owner = { organization: (posts[pickSubject % posts.length] as (typeof posts)[number]).organization };
        }
        const period = resolvePeriod(rules.period);
        const last = s.asOf === undefined ? period.end : Math.min(period.end, parseCalendarDate(s.asOf) as number);
        fc.pre(last >= period.start);
        const attributes = new Map<string, unknown>([['minutes', '记录']]);
        for (const key of Object.keys(measure.where ?? {})) {
          const wanted = Object.getOwnPropertyDescriptor(measure.where, key)?.value as unknown;
          attributes.set(key, Array.isArray(wanted) ? wanted[0] : wanted);
        }
        const added: RecordInput = {
          id: 'added-by-the-property',
          type: measure.recordTypes[pickType % measure.recordTypes.length] as string,
          ...owner,
          date: formatCalendarDate(period.start + (pickDay % (last - period.start + 1))),
          attributes: Object.fromEntries(attributes) as RecordInput['attributes'],
        };
        const after = run(s, [...s.records, added]);
        const pointsOf = (r: AssessmentResult): number =>
          subjectsOf(r).find((x) => x.type === subject.type && x.id === subject.id)?.lines.find((l) => l.indicator === indicator.id)?.points ?? Number.NaN;
        expect(pointsOf(after), `${subject.id}/${indicator.id} after adding ${JSON.stringify(added)}`).toBeGreaterThanOrEqual(pointsOf(before));
      }),
      RUNS,
    );
  });

  it('inputs are never mutated, and deep-frozen inputs give the same result', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const copy = deepCopy(s);
        const result = run(s);
        expect(firstDifference(s, copy)).toBeUndefined();
        const frozen = deepFreeze(deepCopy(s));
        expect(JSON.stringify(run(frozen))).toBe(JSON.stringify(result));
      }),
      RUNS,
    );
  });

  it('the result survives a JSON round trip exactly (no undefined, NaN, Infinity or -0 inside)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = run(s);
        expect(firstDifference(JSON.parse(JSON.stringify(result)), result)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('parseGraph(toGraphInput(graph)) is the same graph, indexes included', () => {
    fc.assert(
      fc.property(graphArb, (input) => {
        const graph = parseGraph(input);
        const again = parseGraph(toGraphInput(graph));
        expect(firstDifference(again, graph)).toBeUndefined();
        expect(JSON.stringify(toGraphInput(again))).toBe(JSON.stringify(toGraphInput(graph)));
      }),
      RUNS,
    );
  });
});
