// Partial states read back from files (docs/scale.md: one shard per machine, merged elsewhere) may
// be cut short, edited by hand or come from a hostile source. Whatever comes in, `absorb` either
// merges it or throws one ValidationError (subject `partial`) that lists every problem with its
// path from `partial`, and merges nothing. After every case the built-in prototypes and the
// inputs must be as they were (installGuards).
import { describe, expect, it } from 'vitest';
import { openAssessment, type PartialState } from '../../src/index.js';
import { MAX_STATE_DEPTH } from '../../src/engine/partial-check.js';
import { brief, countInd, ind, installGuards, rec, refusal, rules, smallGraph } from './helpers.js';

installGuards();

/** A count and a rating indicator on the branches: lines of both kinds in a snapshot. */
const RULES = rules([
  countInd('day', 'theme-day'),
  ind({ id: 'appraisal', measure: { type: 'rating', recordTypes: ['appraisal'], aggregate: 'mean', scale: 100 } }),
]);

/** A shard's snapshot through JSON, with a theme day, a rating and a kept record's worth of data. */
function snapshot(): Record<string, unknown> {
  const shard = openAssessment({ graph: smallGraph(), rules: RULES });
  shard.add(rec('d1', 'theme-day', 'b1', '2022-03-01'));
  shard.add(rec('a1', 'appraisal', 'b1', '2022-12-01', { attributes: { rater: 'p1', score: 90 } }));
  return JSON.parse(JSON.stringify(shard.snapshot())) as Record<string, unknown>;
}

/** The lines of a snapshot, as written: [type, subject, indicator, state]. */
type LineRow = [string, string, string, Record<string, unknown>];

function absorbInto(partial: unknown, lang?: 'en'): ReturnType<typeof openAssessment> {
  const session = openAssessment({ graph: smallGraph(), rules: RULES, ...(lang ? { lang } : {}) });
  session.absorb(partial as PartialState);
  return session;
}

describe('absorb: a partial state that is not well formed', () => {
  it('a well-formed snapshot through JSON is merged', () => {
    const session = absorbInto(snapshot());
    const b1 = session.finish().result.organizations.find((o) => o.id === 'b1');
    // d1 counted; p1 rated 90 → 9 of 10
    expect(b1?.lines.find((l) => l.indicator === 'day')?.records.counted).toBe(1);
    expect(b1?.lines.find((l) => l.indicator === 'appraisal')).toMatchObject({ value: 90, points: 9 });
  });

  it('lists every problem with its path, in Chinese by default and in English on request', () => {
    const partial = snapshot();
    partial['occurrences'] = -1;
    partial['versions'] = 'none';
    partial['extra'] = true;
    const error = refusal(() => absorbInto(partial));
    expect(error.subject).toBe('partial');
    expect(brief(error.issues)).toEqual([
      { code: 'too-small', path: ['partial', 'occurrences'] },
      { code: 'invalid-type', path: ['partial', 'versions'] },
      { code: 'unknown-field', path: ['partial', 'extra'] },
    ]);
    expect(error.message.startsWith('部分状态校验未通过，共 3 个问题：')).toBe(true);
    const en = refusal(() => absorbInto(partial, 'en'));
    expect(en.message.startsWith('Invalid partial state: 3 problems:')).toBe(true);
  });

  it('days that do not match the records seen', () => {
    const partial = snapshot();
    const lines = partial['lines'] as LineRow[];
    // lines in indicator order: b1's appraisal, then b1's day line, which saw d1; drop its day
    expect(lines[1]?.slice(0, 3)).toEqual(['o', 'b1', 'day']);
    (lines[1] as LineRow)[3]['d'] = [];
    const error = refusal(() => absorbInto(partial));
    expect(brief(error.issues)).toEqual([{ code: 'partial-days', path: ['partial', 'lines', 1, 3, 'd'] }]);
    expect(error.issues[0]?.message).toBe('记录日期（d）应与上报记录（s）一一对应：s 有 1 条，d 有 0 条');
  });

  it('a digest that is not 32 bytes of base64, an unknown counter and a wrong subject type', () => {
    const partial = snapshot();
    const versions = partial['versions'] as [string, string[], Record<string, unknown>][];
    (versions[0] as [string, string[], Record<string, unknown>])[1] = ['abc'];
    (versions[1] as [string, string[], Record<string, unknown>])[2] = { counter: 'stolen' };
    ((partial['lines'] as LineRow[])[1] as LineRow)[0] = 'x';
    const error = refusal(() => absorbInto(partial));
    expect(brief(error.issues)).toEqual([
      { code: 'invalid-format', path: ['partial', 'versions', 0, 1, 0] },
      { code: 'invalid-value', path: ['partial', 'versions', 1, 2, 'counter'] },
      { code: 'invalid-value', path: ['partial', 'lines', 1, 0] },
    ]);
  });

  it(`a measure state nested past ${MAX_STATE_DEPTH} levels is refused, not decoded: 100,000 levels give no stack overflow`, () => {
    const partial = snapshot();
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    // the rating line of b1 (the first, in indicator order) holds a state of its own
    const line = (partial['lines'] as LineRow[])[0] as LineRow;
    expect(line[2]).toBe('appraisal');
    line[3]['m'] = deep;
    const error = refusal(() => absorbInto(partial));
    expect(brief(error.issues)).toEqual([{ code: 'partial-state-deep', path: ['partial', 'lines', 0, 3, 'm', ...Array.from({ length: MAX_STATE_DEPTH }, () => 0)] }]);
    expect(error.issues[0]?.message).toBe(`计量状态嵌套超过 ${MAX_STATE_DEPTH} 层，不是本引擎写出的部分状态`);
  });

  it('a measure state that is not an encoding: an object of another shape, a number that is not finite', () => {
    const partial = snapshot();
    const lines = partial['lines'] as LineRow[];
    // the rating line (the first): its state, a map of record ids to objects
    (lines[0] as LineRow)[3]['m'] = { $m: [['a1', { rater: 'p1' }]] };
    const error = refusal(() => absorbInto(partial));
    expect(brief(error.issues)).toEqual([{ code: 'partial-state-invalid', path: ['partial', 'lines', 0, 3, 'm', '$m', 0, 1] }]);
    (lines[0] as LineRow)[3]['m'] = { $m: [['a1', { $o: [['score', Number.NaN]] }]] };
    expect(brief(refusal(() => absorbInto(partial)).issues)).toEqual([{ code: 'partial-state-invalid', path: ['partial', 'lines', 0, 3, 'm', '$m', 0, 1, '$o', 0, 1] }]);
  });

  it('a kept record that is not a record: its problems under partial.retained', () => {
    const partial = snapshot();
    partial['retained'] = [{ id: 'k1', type: 'task', organization: 'b1', date: '2022-02-30', status: 'approved' }];
    const error = refusal(() => absorbInto(partial));
    expect(brief(error.issues)).toEqual([{ code: 'invalid-date', path: ['partial', 'retained', 0, 'date'] }]);
  });

  it('`__proto__` as a record id and as a state key merges as an ordinary key', () => {
    const shard = openAssessment({ graph: smallGraph(), rules: RULES });
    shard.add(rec('__proto__', 'appraisal', 'b1', '2022-12-01', { attributes: { rater: 'constructor', score: 80 } }));
    const partial = JSON.parse(JSON.stringify(shard.snapshot())) as PartialState;
    const b1 = absorbInto(partial).finish().result.organizations.find((o) => o.id === 'b1');
    expect(b1?.lines.find((l) => l.indicator === 'appraisal')).toMatchObject({ value: 80, records: { counted: 1, ids: ['__proto__'] } });
  });

  it('nothing is merged from a refused partial state', () => {
    const session = openAssessment({ graph: smallGraph(), rules: RULES });
    session.add(rec('d2', 'theme-day', 'b2', '2022-04-01'));
    const before = JSON.stringify(session.snapshot());
    const partial = snapshot();
    partial['skipped'] = 'many';
    expect(brief(refusal(() => session.absorb(partial as unknown as PartialState)).issues)).toEqual([{ code: 'invalid-type', path: ['partial', 'skipped'] }]);
    expect(JSON.stringify(session.snapshot())).toBe(before);
  });
});
