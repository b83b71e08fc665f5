// The mutants of src/engine/partial-check.ts that survived the fifth session's run (72.3% with
// isolation). The engine's own snapshots reach little of the encoded-state check: since count,
// window and cadence keep no state, a snapshot's measure states are small, with no Set, no map
// with number keys and nothing deep. So the check is pinned down here on hand-made states put in
// a real snapshot's first line, each with the exact code and path worked out by hand from the
// codec's format (src/engine/partial-codec.ts: `$m` a Map's [key, value] pairs, `$o` an object's
// [string key, value] pairs, `$s` a Set's values; anything else JSON).
//
// Every case is built inside its `it`: Stryker switches a mutant on in a beforeAll hook.
import { describe, expect, it } from 'vitest';
import { openAssessment } from '../../src/index.js';
import { checkPartial, MAX_STATE_DEPTH } from '../../src/engine/partial-check.js';
import { brief, ind, installGuards, rec, rules, smallGraph, type IssueBrief } from '../reliability/helpers.js';

installGuards();

const RULES = rules([ind({ id: 'appraisal', measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 } })]);

/** A real snapshot through JSON whose first line's measure state is `state`. */
function withState(state: unknown): Record<string, unknown> {
  const shard = openAssessment({ graph: smallGraph(), rules: RULES });
  shard.add(rec('a1', 'appraisal', 'b1', '2022-12-01', { attributes: { rater: 'p1', score: 90 } }));
  const partial = JSON.parse(JSON.stringify(shard.snapshot())) as Record<string, unknown>;
  const lines = partial['lines'] as [string, string, string, Record<string, unknown>][];
  (lines[0] as [string, string, string, Record<string, unknown>])[3]['m'] = state;
  return partial;
}

/**
 * The problems of a snapshot whose first line's state is `state`, as code and path: those of its
 * encoding. A well-encoded map keyed by anything but the line's counted records is refused too
 * (`partial-state-uncounted`, tested in tests/engine/partial-check-fast.test.ts): that problem is
 * left out here, where the keys are what the encoding allows.
 */
function problems(state: unknown): IssueBrief[] {
  return brief(checkPartial(withState(state), 'zh')).filter((issue) => issue.code !== 'partial-state-uncounted');
}

const AT = ['partial', 'lines', 0, 3, 'm'] as const;
const invalid = (...path: (string | number)[]) => [{ code: 'partial-state-invalid', path: [...AT, ...path] }];

/** `levels` levels of `{ $m: [[inner, 0]] }` around 0, keys or values as `side` says. */
function nestedPairs(levels: number, side: 0 | 1): unknown {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = { $m: [side === 0 ? [value, 0] : [0, value]] };
  return value;
}

describe('partial-check: encoded measure states', () => {
  it('the snapshot as made has no problem', () => {
    const shard = openAssessment({ graph: smallGraph(), rules: RULES });
    shard.add(rec('a1', 'appraisal', 'b1', '2022-12-01', { attributes: { rater: 'p1', score: 90 } }));
    expect(checkPartial(JSON.parse(JSON.stringify(shard.snapshot())), 'zh')).toEqual([]);
  });

  it('a plain array is walked to its end, each element in turn', () => {
    expect(problems([1, 'a', null, true, [2, [3]]])).toEqual([]);
    // the third element is an object that is no encoding: found even though the first two pass
    expect(problems([1, 2, { a: 1 }])).toEqual(invalid(2));
    expect(problems([1, [2, Infinity]])).toEqual(invalid(1, 1));
  });

  it('a value JSON cannot hold (undefined, a function) is invalid, not a crash', () => {
    expect(problems([undefined])).toEqual(invalid(0));
    expect(problems([() => 1])).toEqual(invalid(0));
  });

  it('an object must have exactly one key, $m, $s or $o', () => {
    expect(problems({ a: 1 })).toEqual(invalid());
    expect(problems({ $m: [], extra: 1 })).toEqual(invalid());
    expect(problems({})).toEqual(invalid());
    expect(problems({ $m: [] })).toEqual([]);
    expect(problems({ $s: [] })).toEqual([]);
    expect(problems({ $o: [] })).toEqual([]);
  });

  it("an encoding's list must be an array", () => {
    expect(problems({ $s: 5 })).toEqual(invalid('$s'));
    expect(problems({ $m: 'ab' })).toEqual(invalid('$m'));
    expect(problems({ $o: { length: 0 } })).toEqual(invalid('$o'));
  });

  it("a Set's values are any encoded values, not pairs, and each is checked", () => {
    expect(problems({ $s: [1, 'a', [1, 2, 3], { $s: [2] }] })).toEqual([]);
    expect(problems({ $s: [[1], { $s: [{ a: 1 }] }] })).toEqual(invalid('$s', 1, '$s', 0));
    expect(problems({ $s: [1, NaN] })).toEqual(invalid('$s', 1));
  });

  it("a Map's and an object's entries are [key, value] pairs", () => {
    expect(problems({ $m: [[1, 2], ['k', { $s: [] }]] })).toEqual([]);
    expect(problems({ $m: [1] })).toEqual(invalid('$m', 0));
    expect(problems({ $m: [[1, 2, 3]] })).toEqual(invalid('$m', 0));
    expect(problems({ $m: [[1]] })).toEqual(invalid('$m', 0));
    expect(problems({ $o: [['k', 1], 'k'] })).toEqual(invalid('$o', 1));
  });

  it("an object's keys are strings; a Map's may be anything encoded", () => {
    expect(problems({ $m: [[1, 2], [[1], 3]] })).toEqual([]);
    expect(problems({ $o: [[1, 2]] })).toEqual(invalid('$o', 0, 0));
    expect(problems({ $o: [['k', 1], [null, 2]] })).toEqual(invalid('$o', 1, 0));
  });

  it('every pair is checked, its key and its value', () => {
    expect(problems({ $m: [[1, 2], [1, { a: 1 }]] })).toEqual(invalid('$m', 1, 1));
    expect(problems({ $m: [[1, 2], [{ a: 1 }, 1]] })).toEqual(invalid('$m', 1, 0));
    expect(problems({ $o: [['k', 1], ['l', -Infinity]] })).toEqual(invalid('$o', 1, 1));
  });

  it('nesting is counted through the keys and the values of pairs and the values of a Set', () => {
    // the state is at depth 0; each $m level puts its pair's side one deeper
    const deep = (levels: number, side: 0 | 1) => problems(nestedPairs(levels, side));
    expect(deep(MAX_STATE_DEPTH, 1)).toEqual([]);
    expect(deep(MAX_STATE_DEPTH, 0)).toEqual([]);
    const tooDeep = (side: 0 | 1) => [{ code: 'partial-state-deep', path: [...AT, ...Array.from({ length: MAX_STATE_DEPTH }, () => ['$m', 0, side]).flat()] }];
    expect(deep(MAX_STATE_DEPTH + 1, 1)).toEqual(tooDeep(1));
    expect(deep(MAX_STATE_DEPTH + 1, 0)).toEqual(tooDeep(0));
    let set: unknown = 0;
    for (let i = 0; i < MAX_STATE_DEPTH + 1; i++) set = { $s: [set] };
    expect(problems(set)).toEqual([{ code: 'partial-state-deep', path: [...AT, ...Array.from({ length: MAX_STATE_DEPTH }, () => ['$s', 0]).flat()] }]);
  });
});

describe('partial-check: the rest of the partial state', () => {
  it("an issue's params must be an object", () => {
    for (const params of [null, [], 'x', 5]) {
      const partial = withState(null);
      partial['issues'] = [{ code: 'c', path: [], params, message: 'm' }];
      expect(brief(checkPartial(partial, 'zh'))).toEqual([{ code: 'partial-issue-params', path: ['partial', 'issues', 0, 'params'] }]);
    }
    const partial = withState(null);
    partial['issues'] = [{ code: 'c', path: ['a', 1], params: { n: 1 }, message: 'm' }];
    // One problem listed is one counted at least (partial-issue-count).
    partial['issueCount'] = 1;
    expect(checkPartial(partial, 'zh')).toEqual([]);
  });

  it('a value that is not an object, or has no kept records, is reported, not a crash', () => {
    expect(checkPartial(null, 'zh').length).toBeGreaterThan(0);
    expect(checkPartial(5, 'en').length).toBeGreaterThan(0);
    const partial = withState(null);
    delete partial['retained'];
    expect(brief(checkPartial(partial, 'zh'))).toEqual([{ code: 'required', path: ['partial', 'retained'] }]);
  });
});
